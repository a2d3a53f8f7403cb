"""``bilingual-reader glossary import|export|merge``, and opening the working glossary for a command."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from bilingual_reader.cli.common import BadInput, glossary_path_option, open_glossary
from bilingual_reader.files import FileProblem, check_destination
from bilingual_reader.glossary.errors import GlossaryError
from bilingual_reader.glossary.formats import FORMAT_NAMES, FormatError, export_file
from bilingual_reader.glossary.importing import ImportFailed, ImportReport, OnConflict, import_file
from bilingual_reader.glossary.merge import merge_glossary
from bilingual_reader.glossary.models import Concept
from bilingual_reader.glossary.store import Glossary

FORMAT = click.Choice(FORMAT_NAMES)
CONFLICT = click.Choice([p.value for p in OnConflict])
CONFLICT_HELP = "When the preferred Thai term is already in the glossary."


@contextmanager
def opened(ctx: click.Context, *, read_only: bool = False) -> Iterator[Glossary]:
    """The working glossary for a command; library errors become one-line errors (exit 2)."""
    glossary = open_glossary((ctx.obj or {}).get("glossary"), read_only=read_only)
    try:
        yield glossary
    except ImportFailed as err:
        for row in err.errors:
            click.echo(str(row), err=True)
        raise BadInput(str(err)) from None
    except (GlossaryError, FormatError) as err:
        raise BadInput(str(err)) from None
    finally:
        glossary.close()


def _in_articles(glossary: Glossary, articles: tuple[str, ...], concepts: list[Concept]) -> list[Concept]:
    """The ``concepts`` found in ``articles``, in the glossary's order."""
    from bilingual_reader.cli.common import load_article_or_fail
    from bilingual_reader.teaching.found_terms import concepts_in

    found = {c.id for c in concepts_in((load_article_or_fail(a).paragraphs for a in articles), glossary)}
    return [c for c in concepts if c.id in found]


def _report(report: ImportReport) -> None:
    for row in report.bad:
        click.echo(f"skipped {row}", err=True)
    click.echo(report.summary())


@click.command("import")
@glossary_path_option
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=FORMAT, default="auto", show_default=True, help="File format.")
@click.option("--skip-bad", is_flag=True, help="Import the good rows and report the bad ones.")
@click.option(
    "--on-conflict", type=CONFLICT, default="skip", show_default=True, help="Same preferred Thai term."
)
@click.option("--dry-run", is_flag=True, help="Show what would change; write nothing.")
@click.pass_context
def import_command(
    ctx: click.Context, file: Path, fmt: str, skip_bad: bool, on_conflict: str, dry_run: bool
) -> None:
    """Import FILE (OmegaT TSV, CSV, TBX or JSON) in one transaction."""
    with opened(ctx) as glossary:
        report = import_file(
            glossary, file, fmt=fmt, on_conflict=on_conflict, skip_bad=skip_bad, dry_run=dry_run
        )
    _report(report)


@click.command("export")
@glossary_path_option
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=FORMAT, default="auto", show_default=True, help="File format.")
@click.option("--subject", help="Only this subject field.")
@click.option(
    "--article",
    "articles",
    multiple=True,
    type=click.Path(),
    help="Only concepts found in this article (repeat).",
)
@click.pass_context
def export_command(
    ctx: click.Context, file: Path, fmt: str, subject: str | None, articles: tuple[str, ...]
) -> None:
    """Export the glossary to FILE (format from --format or the suffix), replacing it only when done.

    Refused before any work: FILE is the open glossary (or its -wal/-shm/-journal), an SQLite database,
    a folder, or in a missing folder; an unknown --subject (the error names the known ones). OmegaT TSV
    cannot hold subject fields, term statuses or forbidden/deprecated terms: a warning line says so."""
    from bilingual_reader.glossary.browse import subjects
    from bilingual_reader.glossary.formats import detect_format
    from bilingual_reader.glossary.subjects import resolve_subject

    with opened(ctx, read_only=True) as glossary:
        wanted = resolve_subject(subject, subjects(glossary)) if subject is not None else None
        fmt_name = detect_format(file, fmt).name
        try:
            check_destination(file, protect=[p for p in (glossary.path,) if p is not None])
        except FileProblem as err:
            raise BadInput(str(err)) from None
        concepts = [c for c in glossary.concepts() if wanted is None or c.subject == wanted]
        if articles:
            concepts = _in_articles(glossary, articles, concepts)
        export_file(concepts, file, fmt)
    if fmt_name == "omegat":
        click.echo(omegat_warning(concepts), err=True)
    click.echo(f"{file}: exported {len(concepts)} concept(s)")


def omegat_warning(concepts: list[Concept]) -> str:
    """One line: what an OmegaT TSV export of ``concepts`` could not keep."""
    dropped = sum(1 for c in concepts for t in c.terms if not t.status.approved)
    return (
        "warning: OmegaT TSV cannot hold subject fields, term statuses or forbidden/deprecated terms "
        f"({dropped} such term(s) left out); export to JSON, TBX or CSV to keep them"
    )


@click.command("merge")
@glossary_path_option
@click.argument("other", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--on-conflict", type=CONFLICT, default="skip", show_default=True, help="Same preferred Thai term."
)
@click.option("--dry-run", is_flag=True, help="Show what would change; write nothing.")
@click.pass_context
def merge_command(ctx: click.Context, other: Path, on_conflict: str, dry_run: bool) -> None:
    """Bring in the concepts of another glossary database OTHER."""
    with opened(ctx) as glossary:
        report = merge_glossary(glossary, other, on_conflict=on_conflict, dry_run=dry_run)
    _report(report)


__all__ = ["export_command", "import_command", "merge_command", "opened"]
