"""``bilingual-reader check``: the terminology check of an article's English, for people and scripts."""

from __future__ import annotations

import json
import re
import sys
from typing import TYPE_CHECKING

import click

from bilingual_reader.cli.common import (
    BadInput,
    glossary_option,
    load_article_or_fail,
    open_glossary,
    open_translation,
)

if TYPE_CHECKING:
    from bilingual_reader.documents.articles import Article
    from bilingual_reader.qa.check import TermChecker

_HIT = re.compile(r"(\d+):(\d+)")


@click.command("check")
@click.argument("path", type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", help="Output format.")
@click.option("--glossary", type=click.Path(dir_okay=False), help="Glossary database to use.")
@click.option(
    "--english",
    type=click.Path(),
    help="The English to check: paragraph-aligned plain text (one paragraph per line) or TMX "
    "(default: the machine translation from the memory, translating what is missing).",
)
@click.option(
    "--dismiss",
    "dismiss",
    multiple=True,
    metavar="P:CONCEPT",
    help="Dismiss the hit of a concept in paragraph P (numbered as in the table), kept for this article.",
)
@click.option("--restore", "restore", multiple=True, metavar="P:CONCEPT", help="Undo a --dismiss.")
@click.option(
    "--no-steer",
    is_flag=True,
    help="Check the engine's own translation (no glossary steering).",
)
@click.pass_context
def check_command(
    ctx: click.Context,
    path: str,
    fmt: str,
    glossary: str | None,
    english: str | None,
    dismiss: tuple[str, ...],
    restore: tuple[str, ...],
    no_steer: bool,
) -> None:
    """Check every glossary term of the article at PATH against its English translation.

    Exit code 1 when an approved term is missing or a forbidden term is used (dismissed hits do not
    count), 0 otherwise, 2 on bad input. JSON paragraph numbers count from 0; the table's from 1.
    """
    from bilingual_reader.qa.check import TermChecker
    from bilingual_reader.qa.english import EnglishError, read_english
    from bilingual_reader.qa.report import report_json, report_table

    article = load_article_or_fail(path)
    edits = [(True, _hit(v, len(article.paragraphs))) for v in dismiss]
    edits += [(False, _hit(v, len(article.paragraphs))) for v in restore]
    store = open_glossary(glossary_option(ctx, glossary), read_only=True)
    try:
        checker = TermChecker(store.concepts())
    finally:
        store.close()
    if english is None:
        translations = machine_english(article, checker, steer=not no_steer)
    else:
        try:
            translations = read_english(english, article.paragraphs)
        except EnglishError as err:
            raise BadInput(str(err)) from None
    dismissed = _review(article.article_id, edits)
    findings = list(checker.check_all(article.paragraphs, translations, dismissed))
    untranslated = [i for i, text in enumerate(translations) if text is None]
    if fmt == "json":
        report = report_json(path, article.article_id, len(translations), untranslated, findings)
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        for line in report_table(path, len(translations), untranslated, findings):
            click.echo(line)
    ctx.exit(1 if any(f.is_problem for f in findings) else 0)


def _hit(value: str, paragraphs: int) -> tuple[int, int]:
    """Parse ``P:CONCEPT`` (P counted from 1) into a (paragraph index, concept id) pair."""
    match = _HIT.fullmatch(value.strip())
    if match is None:
        raise BadInput(f"--dismiss/--restore {value!r}: expected PARAGRAPH:CONCEPT, such as 3:17")
    number, concept = int(match[1]), int(match[2])
    if not 1 <= number <= paragraphs:
        raise BadInput(f"--dismiss/--restore {value!r}: the article has paragraphs 1 to {paragraphs}")
    return number - 1, concept


def machine_english(
    article: Article, checker: TermChecker | None = None, *, steer: bool = True
) -> list[str | None]:
    """Each paragraph's English from the translation memory (post-edit first), translating what is missing.

    With a ``checker`` the machine translation is steered to its glossary unless ``steer`` is False or the
    settings say ``steer = false``. Progress goes to stderr; a paragraph that fails to translate is None.
    """
    english: list[str | None] = [None] * len(article.paragraphs)
    options = {} if steer else {"steer": False}
    with (
        open_translation(checker, **options) as session,
        click.progressbar(length=len(english), label="Translating", file=sys.stderr) as bar,
    ):
        for result in session.translate(article):
            english[result.index] = None if result.source == "failed" else result.english
            bar.update(1)
    return english


def _review(article_id: str, edits: list[tuple[bool, tuple[int, int]]]) -> frozenset[tuple[int, int]]:
    """Apply dismiss/restore edits, then the article's dismissed hits (review.db is created only to write)."""
    from bilingual_reader.qa.dismissals import ReviewError, ReviewStore, review_path

    if not edits and not review_path().exists():
        return frozenset()
    try:
        store = ReviewStore.open()
        try:
            for dismiss, (paragraph, concept_id) in edits:
                if dismiss:
                    store.dismiss(article_id, paragraph, concept_id)
                else:
                    store.restore(article_id, paragraph, concept_id)
            return store.dismissed(article_id)
        finally:
            store.close()
    except ReviewError as err:
        raise BadInput(str(err)) from None
