"""CLI commands for reading: open the reader, look a word up, segment an article."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from bilingual_reader.cli.common import BadInput, engine_options, engine_overrides, glossary_option
from bilingual_reader.launcher import Problem, lookup_lines, write_segments


def open_reader(article: str | None, glossary: str | None, engine: dict[str, str] | None = None) -> None:
    """Run the Textual reader on a document (None: the sample; ``-``: standard input, read before the
    reader starts, which then takes its keys from the terminal); bad files end it with one line.

    ``engine``: ``--engine``/``--url`` overrides of the translation settings (checked before the screen).
    The document is read before Textual is imported: a bad file is reported at once (a FIFO, a typo).
    """
    from bilingual_reader.documents.articles import Article, ArticleError
    from bilingual_reader.documents.opening import open_document
    from bilingual_reader.glossary.errors import GlossaryError
    from bilingual_reader.glossary.locations import resolve_glossary_path
    from bilingual_reader.translation.errors import SettingsError
    from bilingual_reader.translation.settings import load_settings

    if engine:
        try:
            options: dict[str, Any] = dict(engine)
            load_settings(**options)
        except SettingsError as err:
            raise BadInput(str(err)) from None
    document: Article | None = None
    if article == "-":
        from bilingual_reader.cli.common import load_article_or_fail

        document = load_article_or_fail(article)
        _keys_from_terminal()
    try:
        root = click.get_current_context(silent=True)
        learner = ((root.find_root().obj or {}) if root is not None else {}).get("learner")
        glossary_path = resolve_glossary_path(glossary)
        if article and document is None:
            document = open_document(Path(article))  # what the reader would read first, as it reads it
        from bilingual_reader.tui.app import run_reader

        run_reader(
            document, glossary_path, engine or {}, learner=Path(learner).expanduser() if learner else None
        )
    except (ArticleError, GlossaryError) as err:
        raise BadInput(str(err)) from None


def _keys_from_terminal() -> None:
    """After a document came on standard input, read keys from the terminal (as ``less`` does)."""
    import os
    import sys

    if sys.stdin.isatty():
        return
    try:
        terminal = os.open("/dev/tty", os.O_RDONLY)
    except OSError:
        raise BadInput("read -: no terminal to read keys from (standard input was the document)") from None
    os.dup2(terminal, 0)
    os.close(terminal)


@click.command("read")
@click.argument("path", type=click.Path())
@click.option("--glossary", type=click.Path(dir_okay=False), help="Glossary database to use.")
@engine_options
@click.pass_context
def read_command(ctx: click.Context, path: str, glossary: str | None) -> None:
    """Open the reader on the document at PATH (text, EPUB, HTML, Markdown, SRT, VTT; ``-``: standard
    input)."""
    open_reader(path, glossary_option(ctx, glossary), engine_overrides(ctx))


@click.command("lookup")
@click.argument("text")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@click.option("--glossary", type=click.Path(dir_okay=False), help="Glossary database to use.")
@click.pass_context
def lookup_command(ctx: click.Context, text: str, as_json: bool, glossary: str | None) -> None:
    """Look TEXT up: glossary entries, pronunciation, sub-terms and dictionary senses."""
    try:
        lines = lookup_lines(text, glossary_option(ctx, glossary), as_json)
    except Problem as err:
        raise BadInput(str(err)) from None
    for line in lines:
        click.echo(line)


@click.command("segment")
@click.argument("path", type=click.Path())
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="One JSON object per paragraph: its index, role (title, heading, paragraph, caption or cue) and "
    "tokens.",
)
@click.option("--glossary", type=click.Path(dir_okay=False), help="Glossary database to use.")
@click.pass_context
def segment_command(ctx: click.Context, path: str, as_json: bool, glossary: str | None) -> None:
    """Print the article at PATH as tokens, one paragraph a line as each is segmented, the title line
    included (whitespace tokens left out; progress on stderr when it is a terminal and the run is longer
    than a second)."""
    try:
        write_segments(path, glossary_option(ctx, glossary), as_json)
    except Problem as err:
        raise BadInput(str(err)) from None
