"""Helpers shared by the CLI commands: one-line errors and opening the article and glossary."""

from __future__ import annotations

from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from bilingual_reader.documents.articles import Article
    from bilingual_reader.glossary.store import Glossary
    from bilingual_reader.qa.check import TermChecker
    from bilingual_reader.translation.session import TranslationSession


class BadInput(click.ClickException):
    """Bad input from outside: printed as one line on stderr, exit code 2."""

    exit_code = 2

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(f"bilingual-reader: {self.format_message()}", err=True)


def warn(message: str) -> None:
    """A warning line on stderr (a skipped package, a download that is not over https); the work goes on."""
    click.echo(f"bilingual-reader: warning: {message}", err=True)


def _remember_glossary(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value:
        ctx.ensure_object(dict)
        ctx.obj["glossary"] = value  # the dict the main group made: the commands read it from there
    return value


glossary_path_option = click.option(
    "--glossary",
    type=click.Path(dir_okay=False),
    expose_value=False,
    callback=_remember_glossary,
    help="Glossary database to use (here or before the command).",
)
"""``--glossary`` accepted after a subcommand too (``glossary stats --glossary G.db``)."""


def glossary_option(ctx: click.Context, value: str | None) -> str | None:
    """The --glossary value given to a subcommand, else the one given to the main group."""
    if value:
        return value
    obj = ctx.find_root().obj or {}
    found: str | None = obj.get("glossary")
    return found


def open_glossary(option: str | None, *, read_only: bool = False) -> Glossary:
    """Open the working glossary (``--glossary``, env, or the per-user one), or fail with one line."""
    from bilingual_reader.glossary.locations import resolve_glossary_path
    from bilingual_reader.glossary.store import Glossary, GlossaryError

    try:
        return Glossary.open(resolve_glossary_path(option), read_only=read_only)
    except (GlossaryError, OSError) as err:
        raise BadInput(str(err)) from None


def load_article_or_fail(path: str | Path) -> Article:
    """Load an article, turning any problem into a one-line error."""
    from bilingual_reader.documents.articles import ArticleError, load_article

    try:
        return load_article(Path(path))
    except ArticleError as err:
        raise BadInput(str(err)) from None


def open_translation(checker: TermChecker | None = None, **options: Any) -> TranslationSession:
    """Open the translation session (settings, model, memory, steering), or fail with one line (exit 2).

    A package folder that cannot be read is one warning line each; the usable model is still used."""
    from bilingual_reader.translation.errors import TranslationSetupError
    from bilingual_reader.translation.session import open_session

    try:
        return open_session(checker=checker, report=warn, **options)
    except TranslationSetupError as err:
        raise BadInput(str(err)) from None
