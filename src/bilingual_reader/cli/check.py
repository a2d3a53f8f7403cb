"""``bilingual-reader check``: the terminology check of an article's English, for people and scripts."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from bilingual_reader.cli.check_book import book_lines, book_of, check_book
from bilingual_reader.cli.check_dismissals import parse_hit, review_edits
from bilingual_reader.cli.check_report import emit_report
from bilingual_reader.cli.common import (
    BadInput,
    engine_options,
    failure_line,
    glossary_option,
    load_article_or_fail,
    open_glossary,
    open_translation,
)

if TYPE_CHECKING:
    from bilingual_reader.documents.articles import Article
    from bilingual_reader.qa.check import TermChecker
    from bilingual_reader.qa.plan import CheckPlan
    from bilingual_reader.qa.results import CheckedDocument, DocumentResult


@click.command("check")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@engine_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "jsonl", "tsv", "html"]),
    default="table",
    help="Report format: a table, JSON, JSON lines (one finding a line, written as each paragraph of a "
    "book is checked), TSV (one finding a row) or one self-contained HTML page.",
)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the report to FILE.")
@click.option(
    "--checks",
    metavar="KINDS",
    help="Comma-separated checks to run: terms, numbers, dates, text, units, consistency, form, checklist "
    "(default: all but those `[check] off` in translation.toml turns off).",
)
@click.option(
    "--checklist",
    type=click.Path(dir_okay=False),
    help="A TOML checklist: Thai patterns and the English they require or forbid (default: shipped).",
)
@click.option("--strict", is_flag=True, help="Warnings (deprecated terms, form, consistency) fail too.")
@click.option("--glossary", type=click.Path(dir_okay=False), help="Glossary database to use.")
@click.option(
    "--english",
    type=click.Path(),
    help="The English to check (one article only): paragraph-aligned plain text (one paragraph per line) "
    "or TMX (default: the machine translation from the memory, translating what is missing).",
)
@click.option(
    "--dismiss",
    "dismiss",
    multiple=True,
    metavar="P:CONCEPT|P:KEY",
    help="Dismiss, for this article, the hit of a concept in paragraph P (numbered as in the table), or a "
    "finding of another check by the key the table shows in brackets (P:dates:be-year-kept:ปี 2565).",
)
@click.option("--restore", "restore", multiple=True, metavar="P:CONCEPT|P:KEY", help="Undo a --dismiss.")
@click.option(
    "--no-steer",
    is_flag=True,
    help="Check the engine's own translation (no glossary steering).",
)
@click.pass_context
def check_command(
    ctx: click.Context,
    paths: tuple[str, ...],
    fmt: str,
    output: str | None,
    checks: str | None,
    checklist: str | None,
    strict: bool,
    glossary: str | None,
    english: str | None,
    dismiss: tuple[str, ...],
    restore: tuple[str, ...],
    no_steer: bool,
) -> None:
    """Check the English of the articles at PATHS: glossary terms, numbers, dates and Buddhist-era years,
    carried-over names, units, consistency, form and a checklist.

    A PATH is an article (its English from --english or the translation memory), a bilingual XLIFF or
    TMX file (Thai source, English target), or a folder of them. Exit code 1 when a term is missing or
    forbidden or a check finds an error (dismissed findings do not count; --strict counts warnings too),
    0 otherwise, 2 on bad input. JSON paragraph numbers count from 0; the table's from 1.
    """
    from bilingual_reader.documents.streamed_article import StreamedArticle
    from bilingual_reader.files import FileProblem, check_destination
    from bilingual_reader.glossary.locations import resolve_glossary_path
    from bilingual_reader.qa.check import TermChecker
    from bilingual_reader.qa.dismissals import review_path
    from bilingual_reader.qa.plan import PlanError, plan_checks
    from bilingual_reader.qa.results import exit_code
    from bilingual_reader.translation.memory import memory_path
    from bilingual_reader.translation.settings import config_path

    documents = _expand(paths)
    if (english or dismiss or restore) and len(documents) != 1:
        raise BadInput("--english, --dismiss and --restore take exactly one article")
    try:
        plan = plan_checks(checks, Path(checklist) if checklist else None, config_path())
    except PlanError as err:
        raise BadInput(str(err)) from None
    if output is not None:
        try:
            databases = [resolve_glossary_path(glossary_option(ctx, glossary)), memory_path(), review_path()]
            check_destination(output, protect=[*documents, *databases])
        except FileProblem as err:
            raise BadInput(str(err)) from None
    store = open_glossary(glossary_option(ctx, glossary), read_only=True)
    try:
        checker = TermChecker(store.concepts())
    finally:
        store.close()
    opened = book_of(documents, english, fmt)
    results: list[CheckedDocument]
    if isinstance(opened, StreamedArticle) and fmt == "jsonl":  # written as it goes
        results = [book_lines(output, opened, checker, plan, dismiss, restore, steer=not no_steer)]
        ctx.exit(exit_code(results, strict))
    if isinstance(opened, StreamedArticle):
        results = [check_book(opened, checker, plan, dismiss, restore, steer=not no_steer)]
    else:
        results = [
            _check_one(str(doc), checker, plan, english, dismiss, restore, steer=not no_steer, article=opened)
            for doc in documents
        ]
    emit_report(results, fmt, output, strict)
    ctx.exit(exit_code(results, strict))


def _expand(paths: tuple[str, ...]) -> list[Path]:
    """The documents named: files as given, folders as their articles and bilingual files, sorted."""
    from bilingual_reader.documents.bilingual import SUFFIXES

    documents: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                p for p in path.iterdir() if p.is_file() and p.suffix.lower() in (".txt", *SUFFIXES)
            )
            if not found:
                raise BadInput(f"{path}: no .txt, .xlf, .xliff or .tmx files in this folder")
            documents.extend(found)
        else:
            documents.append(path)
    return documents


def _check_one(
    path: str,
    checker: TermChecker,
    plan: CheckPlan,
    english: str | None,
    dismiss: tuple[str, ...],
    restore: tuple[str, ...],
    *,
    steer: bool,
    article: Article | None = None,
) -> DocumentResult:
    """Check one article (``article``: the document at ``path`` already read) or bilingual file."""
    from bilingual_reader.documents.bilingual import SUFFIXES, BilingualError, read_bilingual
    from bilingual_reader.qa.english import EnglishError, read_english
    from bilingual_reader.qa.plan import run_plan

    if Path(path).suffix.lower() in SUFFIXES:
        try:
            bilingual = read_bilingual(path)
        except BilingualError as err:
            raise BadInput(str(err)) from None
        thai, translations = bilingual.thai, bilingual.english
        terms = list(checker.check_all(thai, translations)) if plan.terms else []
        return run_plan(path, thai, translations, plan, terms)
    if article is None:
        article = load_article_or_fail(path)
    edits = [(True, parse_hit(v, len(article.paragraphs))) for v in dismiss]
    edits += [(False, parse_hit(v, len(article.paragraphs))) for v in restore]
    if english is None:
        translations = machine_english(article, checker, steer=steer)
    else:
        try:
            translations = read_english(english, article.paragraphs)
        except EnglishError as err:
            raise BadInput(str(err)) from None
    dismissed, dismissed_checks = review_edits(article, edits)
    paragraphs = list(article.paragraphs)
    terms = list(checker.check_all(paragraphs, translations, dismissed)) if plan.terms else []
    return run_plan(path, paragraphs, translations, plan, terms, dismissed_checks, article.roles)


def machine_english(
    article: Article, checker: TermChecker | None = None, *, steer: bool = True
) -> list[str | None]:
    """Each paragraph's English from the translation memory (post-edit first), translating what is missing.

    With a ``checker`` the machine translation is steered to its glossary unless ``steer`` is False or the
    settings say ``steer = false``. Progress goes to stderr; a paragraph that fails to translate is None.
    """
    from bilingual_reader.terminal_progress import Progress

    english: list[str | None] = [None] * len(article.paragraphs)
    options = {} if steer else {"steer": False}
    failed = []
    with (
        open_translation(checker, **options) as session,
        Progress("Translating", len(english)) as progress,
    ):
        for result in session.stream(article):
            if result.source == "failed":
                failed.append(result)
            else:
                english[result.index] = result.english
            progress.advance()
    line = failure_line(failed)
    if line:
        click.echo(f"warning: {article.path or article.title}: {line}", err=True)
    return english
