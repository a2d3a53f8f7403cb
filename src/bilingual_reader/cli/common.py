"""Helpers shared by the CLI commands: one-line errors and opening the article and glossary."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from click.decorators import FC

if TYPE_CHECKING:
    from bilingual_reader.documents.articles import Article
    from bilingual_reader.glossary.store import Glossary
    from bilingual_reader.qa.check import TermChecker
    from bilingual_reader.translation.results import ParagraphResult
    from bilingual_reader.translation.session import TranslationSession


class BadInput(click.ClickException):
    """Bad input from outside: printed as one line on stderr, exit code 2."""

    exit_code = 2

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(f"bilingual-reader: {self.format_message()}", err=True)


def warn(message: str) -> None:
    """A warning line on stderr (a skipped package, a download that is not over https); the work goes on."""
    click.echo(f"bilingual-reader: warning: {message}", err=True)


def path_option(name: str, help: str, envvar: str | None = None) -> Callable[[FC], FC]:
    """``--NAME FILE`` for the main group or a subcommand (``glossary stats --glossary G.db``): the value
    waits in the root context's object, where :func:`root_path` finds it; the last one given wins."""

    def remember(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
        if value:
            ctx.find_root().ensure_object(dict)[name] = value
        return value

    path = click.Path(dir_okay=False)
    return click.option(
        f"--{name}", type=path, envvar=envvar, expose_value=False, callback=remember, help=help
    )


def root_path(ctx: click.Context, name: str) -> str | None:
    """The ``--NAME`` path given to the main group or a subcommand (None: the env var or default decides)."""
    found: str | None = (ctx.find_root().obj or {}).get(name)
    return found


glossary_path_option = path_option("glossary", "Glossary database to use (here or before the command).")


def glossary_option(ctx: click.Context, value: str | None) -> str | None:
    """The --glossary value given to a subcommand, else the one given to the main group."""
    return value or root_path(ctx, "glossary")


def open_glossary(option: str | None, *, read_only: bool = False) -> Glossary:
    """Open the working glossary (``--glossary``, env, or the per-user one), or fail with one line."""
    from bilingual_reader.glossary.locations import resolve_glossary_path
    from bilingual_reader.glossary.store import Glossary, GlossaryError

    try:
        return Glossary.open(resolve_glossary_path(option), read_only=read_only)
    except (GlossaryError, OSError) as err:
        raise BadInput(str(err)) from None


def load_article_or_fail(path: str | Path) -> Article:
    """Open a document of any known format (``-``: standard input), any problem a one-line error."""
    from bilingual_reader.documents.errors import ArticleError
    from bilingual_reader.documents.opening import open_document

    try:
        return open_document(path)
    except ArticleError as err:
        raise BadInput(str(err)) from None


def _remember_engine(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is not None and param.name:
        ctx.ensure_object(dict)
        ctx.obj.setdefault("engine", {})[param.name] = value
    return value


def engine_options(command: Any) -> Any:
    """``--engine`` and ``--url`` on a command that translates (they override ``[translation]``)."""
    url = click.option(
        "--url",
        expose_value=False,
        callback=_remember_engine,
        help="The LibreTranslate server's URL (with --engine libretranslate), e.g. http://host:5000.",
    )
    engine = click.option(
        "--engine",
        type=click.Choice(["local", "libretranslate"]),
        expose_value=False,
        callback=_remember_engine,
        help="Translate with the installed model (local) or a LibreTranslate server (default: settings).",
    )
    return engine(url(command))


def engine_overrides(ctx: click.Context | None = None) -> dict[str, str]:
    """The ``--engine``/``--url`` values given to the running command."""
    ctx = ctx or click.get_current_context(silent=True)
    found: dict[str, str] = dict((ctx.obj or {}).get("engine", {})) if ctx is not None else {}
    return found


def open_translation(checker: TermChecker | None = None, **options: Any) -> TranslationSession:
    """Open the translation session (settings, model or server, memory, steering) with the command's
    ``--engine``/``--url``, or fail with one line (exit 2).

    A package folder that cannot be read is one warning line each; the usable model is still used."""
    from bilingual_reader.translation.errors import TranslationSetupError
    from bilingual_reader.translation.session import open_session

    try:
        chosen: dict[str, Any] = dict(engine_overrides())
        engine = chosen.pop("engine", None)
        return open_session(checker=checker, report=warn, engine_name=engine, **chosen, **options)
    except TranslationSetupError as err:
        raise BadInput(str(err)) from None


def failure_line(results: Iterable[ParagraphResult]) -> str | None:
    """One line on the paragraphs that could not be translated and why (None: all were)."""
    failed = [r for r in results if r.source == "failed"]
    if not failed:
        return None
    numbers = ", ".join(str(r.index + 1) for r in sorted(failed, key=lambda r: r.index)[:10])
    more = ", …" if len(failed) > 10 else ""
    reason = (failed[0].error or "").removeprefix("translation failed: ")
    return f"{len(failed)} paragraph(s) not translated (paragraph {numbers}{more}): {reason}"
