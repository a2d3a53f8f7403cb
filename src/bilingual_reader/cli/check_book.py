"""``check`` of a book: a long plain text checked a paragraph at a time as its English comes from the
translation memory (the engine translating what is missing), its findings kept on disk until the report."""

from __future__ import annotations

from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import click

from bilingual_reader.cli.check_dismissals import parse_hit, review_edits
from bilingual_reader.cli.common import BadInput, failure_line, open_translation

if TYPE_CHECKING:
    from bilingual_reader.documents.articles import Article
    from bilingual_reader.documents.streamed_article import StreamedArticle
    from bilingual_reader.qa.check import TermChecker
    from bilingual_reader.qa.plan import CheckPlan
    from bilingual_reader.qa.streamed_check import StreamedResult

__all__ = ["book_lines", "book_of", "check_book"]


def book_of(documents: list[Path], english: str | None, fmt: str) -> Article | StreamedArticle | None:
    """The one document to check, opened: a long plain text whose English comes from the translation memory
    and whose report is not HTML (which shows every finding's paragraphs) as a ``StreamedArticle``, checked a
    paragraph at a time; another document as the ``Article`` read whole. None when there are several, when
    the English is given, for bilingual files and standard input, and when the document cannot be read (the
    whole reading says what is wrong, as before)."""
    from bilingual_reader.documents.bilingual import SUFFIXES
    from bilingual_reader.documents.errors import ArticleError
    from bilingual_reader.documents.streamed_article import open_streamed
    from bilingual_reader.translation.session import STREAM_WINDOW

    if len(documents) != 1 or english is not None or fmt == "html" or documents[0].suffix.lower() in SUFFIXES:
        return None
    if str(documents[0]) == "-":
        return None
    try:
        return open_streamed(documents[0], keep=2 * STREAM_WINDOW)
    except ArticleError:
        return None


def check_book(
    article: StreamedArticle,
    checker: TermChecker,
    plan: CheckPlan,
    dismiss: tuple[str, ...],
    restore: tuple[str, ...],
    *,
    steer: bool,
    jsonl: bool = False,
    out: IO[Any] | None = None,
) -> StreamedResult:
    """Check a long text a paragraph at a time as its English comes (the same report as checking it whole);
    progress on stderr when it is a terminal and the run is longer than a second. With ``jsonl``, the
    JSON lines report is written to ``out`` (None: standard output) as the paragraphs are checked."""
    from bilingual_reader.documents.errors import ArticleError
    from bilingual_reader.qa.jsonl_report import document_line, finding_lines
    from bilingual_reader.qa.streamed_check import StreamedCheck
    from bilingual_reader.terminal_progress import Progress

    count = len(article.paragraphs)
    edits = [(True, parse_hit(v, count)) for v in dismiss] + [(False, parse_hit(v, count)) for v in restore]
    dismissed, dismissed_checks = review_edits(article, edits)
    path = str(article.path)
    check = StreamedCheck(path, checker, plan, dismissed, dismissed_checks)
    failed = []
    try:
        with (
            open_translation(checker, **({} if steer else {"steer": False})) as session,
            Progress("Checking", count, out=out) as progress,
        ):
            for result in session.stream(article):
                english = None if result.source == "failed" else result.english
                if english is None:
                    failed.append(result)
                role = article.role(result.index)
                terms, rules = check.add(result.index, result.thai, english, role)
                if jsonl:
                    progress.write("".join(finding_lines(path, [*terms, *rules], check.roles)).encode())
                progress.advance()
            checked = check.finish(article.article_id)
            if jsonl:
                progress.write("".join(finding_lines(path, checked.late, checked.roles)).encode())
                progress.write(document_line(checked).encode())
    except ArticleError as err:  # the second reading of the text went wrong (the file changed)
        raise BadInput(str(err)) from None
    line = failure_line(failed)
    if line:
        click.echo(f"warning: {article.path}: {line}", err=True)
    return checked


def book_lines(output: str | None, *args: Any, **options: Any) -> StreamedResult:
    """:func:`check_book` writing its JSON lines report to ``output`` (atomically: all or nothing) or to
    standard output (a line as its paragraph is checked: what was written stays if the run is stopped)."""
    from bilingual_reader.files import atomic_output
    from bilingual_reader.terminal_progress import silence_stdout

    try:
        if output is None:
            return check_book(*args, jsonl=True, **options)
        with atomic_output(output) as sink:
            result = check_book(*args, jsonl=True, out=sink, **options)
        click.echo(f"wrote {output}", err=True)
        return result
    except BrokenPipeError:  # the reader of stdout stopped (| head): stop quietly
        silence_stdout()
        raise SystemExit(1) from None
