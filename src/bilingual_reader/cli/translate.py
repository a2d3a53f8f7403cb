"""`bilingual-reader translate`: translate an article offline, using and filling the translation memory."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import click

from bilingual_reader.cli.common import (
    BadInput,
    engine_options,
    failure_line,
    glossary_option,
    glossary_path_option,
    load_article_or_fail,
    open_glossary,
    open_translation,
)
from bilingual_reader.documents.errors import ArticleError

if TYPE_CHECKING:
    from bilingual_reader.documents.articles import Article
    from bilingual_reader.documents.streamed_article import StreamedArticle
    from bilingual_reader.qa.check import TermChecker
    from bilingual_reader.translation.results import ParagraphResult
    from bilingual_reader.translation.session import TranslationSession


@click.command("translate")
@glossary_path_option
@engine_options
@click.argument("path", type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "markdown", "json", "tmx", "xliff"]),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option(
    "-o", "--output", type=click.Path(path_type=Path, dir_okay=False), help="Write here, not stdout."
)
@click.option("--fast", is_flag=True, help="Greedy decoding: about 3x faster, a little less accurate.")
@click.option("--beam-size", type=int, help="Beam size, 1 to 16 (default from settings).")
@click.option("--threads", type=int, help="CPU threads, 0 (all cores) to 64.")
@click.option("--compute-type", help="CTranslate2 compute type: auto, int8, int16, float32, …")
@click.option(
    "--no-steer", is_flag=True, help="Do not steer the translation to the glossary's approved terms."
)
@click.pass_context
def translate_command(
    ctx: click.Context,
    path: Path,
    fmt: str,
    output: Path | None,
    fast: bool,
    beam_size: int | None,
    threads: int | None,
    compute_type: str | None,
    no_steer: bool,
) -> None:
    """Translate the Thai document at PATH into English, paragraph by paragraph as each is done (progress
    on stderr when it is a terminal and the run is longer than a second)."""
    article = _open(path)
    if output is not None:
        _check_output(ctx, output, path)
    checker = None if no_steer else glossary_checker(ctx)
    options = {"beam_size": beam_size, "threads": threads, "compute_type": compute_type}
    with open_translation(checker, fast=fast, **options) as session:
        try:
            failed = stream_translation(session, article, fmt, output)
        except ArticleError as err:  # the second reading of a long text went wrong (the file changed)
            raise BadInput(str(err)) from None
    line = failure_line(failed)
    if line:
        click.echo(f"warning: {line}", err=True)
        raise SystemExit(1)


def _open(path: Path) -> Article | StreamedArticle:
    """The document to translate: a long text file is read again as it is translated (never held whole);
    anything else (standard input included) is read whole."""
    from bilingual_reader.documents.streamed_article import open_streamed
    from bilingual_reader.translation.session import STREAM_WINDOW

    if str(path) == "-":
        return load_article_or_fail(path)
    try:
        return open_streamed(path, keep=2 * STREAM_WINDOW)
    except ArticleError as err:
        raise BadInput(str(err)) from None


def stream_translation(
    session: TranslationSession, article: Article | StreamedArticle, fmt: str, output: Path | None
) -> list[ParagraphResult]:
    """Write ``article``'s translation in ``fmt`` to stdout or ``output`` (atomically) a paragraph at a
    time, window by window; the paragraphs that failed."""
    from bilingual_reader.files import atomic_output
    from bilingual_reader.terminal_progress import Progress, silence_stdout
    from bilingual_reader.translation.export_stream import stream_render

    failed: list[ParagraphResult] = []

    def counted(results: Iterator[ParagraphResult], progress: Progress) -> Iterator[ParagraphResult]:
        for result in results:
            if result.source == "failed":
                failed.append(result)
            progress.advance()
            yield result

    try:
        with contextlib.ExitStack() as stack:
            sink = None if output is None else stack.enter_context(atomic_output(output))
            progress = stack.enter_context(Progress("Translating", len(article.paragraphs), out=sink))
            for piece in stream_render(fmt, article, counted(session.stream(article), progress)):
                progress.write(piece)
    except BrokenPipeError:  # the reader of stdout stopped (| head): stop quietly
        silence_stdout()
        raise SystemExit(1) from None
    except OSError as err:
        if output is None:
            raise
        raise BadInput(f"{output}: cannot write ({err.strerror or err})") from None
    return failed


def _check_output(ctx: click.Context, output: Path, article: Path) -> None:
    """Refuse ``-o`` before translating anything: a missing folder, the article itself, the glossary, the
    translation memory, any SQLite file."""
    from bilingual_reader.files import FileProblem, check_destination
    from bilingual_reader.glossary.locations import resolve_glossary_path
    from bilingual_reader.translation.memory import memory_path

    protect = [article, memory_path()]
    try:
        protect.append(resolve_glossary_path(glossary_option(ctx, None)))
        check_destination(output, protect=protect)
    except FileProblem as err:
        raise BadInput(str(err)) from None


def glossary_checker(ctx: click.Context, glossary: str | None = None) -> TermChecker:
    """The terminology checker of the working glossary (``--glossary`` of the command or the main group)."""
    from bilingual_reader.qa.check import TermChecker

    store = open_glossary(glossary_option(ctx, glossary), read_only=True)
    try:
        return TermChecker(store.concepts())
    finally:
        store.close()
