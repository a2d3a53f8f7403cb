"""``bilingual-reader glossary …``: list, search, show, add, edit, remove and count glossary concepts.

Import, export and merge live in ``glossary_io``; each command is a thin call into the library.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from rich.cells import cell_len

from bilingual_reader.cli.common import BadInput, glossary_path_option
from bilingual_reader.cli.glossary_candidates import candidates_command
from bilingual_reader.cli.glossary_io import export_command, import_command, merge_command, opened
from bilingual_reader.glossary.conflicts import add_or_merge
from bilingual_reader.glossary.errors import DuplicateTermError
from bilingual_reader.glossary.formats.jsonfmt import concept_to_dict
from bilingual_reader.glossary.models import SUBJECT_FIELDS, Concept, Term
from bilingual_reader.glossary.search import search
from bilingual_reader.glossary.stats import glossary_stats
from bilingual_reader.glossary.terms import TermSyntaxError, format_terms, parse_terms

if TYPE_CHECKING:
    from bilingual_reader.glossary.store import Glossary

SUBJECT = click.Choice(SUBJECT_FIELDS)


@click.group("glossary")
@click.option("--glossary", "path", type=click.Path(dir_okay=False), help="Glossary database to use.")
@click.pass_context
def glossary_group(ctx: click.Context, path: str | None) -> None:
    """Manage the glossary: list, search, edit, import and export concepts."""
    ctx.ensure_object(dict)
    if path:
        ctx.obj["glossary"] = path


def _table(concepts: list[Concept]) -> list[str]:
    rows = [("ID", "Thai", "English", "Subject")]
    rows += [(str(c.id), format_terms(c.thai), format_terms(c.english), c.subject) for c in concepts]
    widths = [max(cell_len(r[i]) for r in rows) for i in range(3)]
    return [
        "  ".join(cell + " " * (w - cell_len(cell)) for cell, w in zip(r[:3], widths, strict=True))
        + "  "
        + r[3]
        for r in rows
    ]


def _echo_concepts(concepts: list[Concept], as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps([concept_to_dict(c) for c in concepts], ensure_ascii=False, indent=1))
    else:
        click.echo("\n".join(_table(concepts)))


@glossary_group.command("list")
@glossary_path_option
@click.option("--subject", help="Only this subject field.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option(
    "--origin", help="Only concepts from here: shipped, personal, 'class pack NAME', 'import FILE'."
)
@click.pass_context
def list_command(ctx: click.Context, subject: str | None, as_json: bool, origin: str | None) -> None:
    """List every concept (JSON gives each one's origin)."""
    with opened(ctx, read_only=True) as glossary:
        wanted = _subject(glossary, subject)
        concepts = [
            c
            for c in glossary.concepts()
            if (wanted is None or c.subject == wanted) and (origin is None or c.origin == origin)
        ]
    _echo_concepts(concepts, as_json)


@glossary_group.command("search")
@glossary_path_option
@click.argument("query")
@click.option("--subject", help="Only this subject field.")
@click.option("--limit", type=click.IntRange(min=1), default=200, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def search_command(ctx: click.Context, query: str, subject: str | None, limit: int, as_json: bool) -> None:
    """Find concepts: Thai substrings, English words (prefixes)."""
    with opened(ctx, read_only=True) as glossary:
        concepts = search(glossary, query, subject=_subject(glossary, subject), limit=limit)
    _echo_concepts(concepts, as_json)


def _subject(glossary: Glossary, subject: str | None) -> str | None:
    """The subject field ``--subject`` names (aliases such as armor allowed); unknown ones are an error."""
    from bilingual_reader.glossary.browse import subjects
    from bilingual_reader.glossary.subjects import resolve_subject

    return None if subject is None else resolve_subject(subject, subjects(glossary))


@glossary_group.command("init")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
def init_command(path: Path) -> None:
    """Create a new, empty glossary database at PATH (nothing may exist there yet).

    Every other command needs its --glossary file to exist, so a typo never opens an empty glossary.
    """
    from bilingual_reader.glossary.errors import GlossaryError
    from bilingual_reader.glossary.locations import create_glossary

    try:
        created = create_glossary(path)
    except GlossaryError as err:
        raise BadInput(str(err)) from None
    click.echo(f"created an empty glossary: {created}")


def _details(concept: Concept) -> list[str]:
    lines = [
        f"concept {concept.id}  [{concept.subject}]"
        + ("" if concept.check_enabled else "  (check off)")
        + (f"  from {concept.origin}" if concept.origin else "")
    ]
    for term in concept.thai + concept.english:
        lines.append(f"  {term.lang}  {term.text}  ({term.status}, {term.pos})")
    lines += [f"  definition: {concept.definition}"] if concept.definition else []
    lines += [f"  note: {concept.note}"] if concept.note else []
    return lines


@glossary_group.command("show")
@glossary_path_option
@click.argument("concept")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def show_command(ctx: click.Context, concept: str, as_json: bool) -> None:
    """Show a concept by id, or every concept having the term CONCEPT."""
    with opened(ctx, read_only=True) as glossary:
        found = (
            [glossary.get(int(concept))]
            if concept.isascii() and concept.isdigit()
            else glossary.lookup(concept)
        )
    if not found:
        raise BadInput(f"no concept has the term {concept!r}")
    if as_json:
        _echo_concepts(found, True)
    else:
        click.echo("\n".join(line for c in found for line in _details(c)))


@dataclass(frozen=True)
class ConceptOptions:
    """What ``add`` and ``edit`` are given: --th, --en, --subject, --pos, --definition, --note."""

    th: tuple[str, ...]
    en: tuple[str, ...]
    subject: str | None
    pos: str | None
    definition: str | None
    note: str | None

    def terms(self, lang: str) -> list[Term]:
        """The repeated ``--th`` or ``--en`` values read as one term list (``glossary.terms``), with the
        part of speech ``--pos`` (default noun)."""
        try:
            return parse_terms(self.th if lang == "th" else self.en, lang, self.pos or "noun")
        except TermSyntaxError as err:
            raise BadInput(f"--{lang}: {err}") from None


def concept_options(fn: Callable[..., None]) -> Callable[..., None]:
    """The options ``add`` and ``edit`` share, handed to the command as one ``ConceptOptions`` (``given``)."""

    @functools.wraps(fn)
    def command(*args: object, th: tuple[str, ...], en: tuple[str, ...], **kwargs: Any) -> None:
        names = ("subject", "pos", "definition", "note")
        fields = [kwargs.pop(name) for name in names]
        fn(*args, given=ConceptOptions(th, en, *fields), **kwargs)

    options = [
        click.option("--th", multiple=True, help="Thai terms: 'a ; b [deprecated]' (repeatable)."),
        click.option("--en", multiple=True, help="English terms: 'a ; b [deprecated]' (repeatable)."),
        click.option("--subject", type=SUBJECT, help="Subject field."),
        click.option("--pos", help="Part of speech of the terms (default noun)."),
        click.option("--definition", help="Definition."),
        click.option("--note", help="Note."),
    ]
    wrapped: Callable[..., None] = command
    for option in reversed(options):
        wrapped = option(wrapped)
    return wrapped


def _echo_stored(verb: str, concept: Concept) -> None:
    click.echo(f"{verb} {concept.id}: {format_terms(concept.thai)} = {format_terms(concept.english)}")


@glossary_group.command("add")
@glossary_path_option
@concept_options
@click.option("--merge", is_flag=True, help="If a Thai term already has a concept, add these terms to it.")
@click.pass_context
def add_command(ctx: click.Context, given: ConceptOptions, merge: bool) -> None:
    """Add a concept (at least one --th and one --en term); a Thai term belongs to one concept."""
    if not given.th:
        raise BadInput("add needs at least one --th term")
    terms = given.terms("th") + given.terms("en")
    concept = Concept(given.subject or "general", tuple(terms), given.definition or "", given.note or "")
    with opened(ctx) as glossary:
        try:
            stored, merged = add_or_merge(glossary, concept) if merge else (glossary.add(concept), False)
        except DuplicateTermError as err:
            raise BadInput(f"{err}; --merge adds these terms to it") from None
    _echo_stored("merged into concept" if merged else "added concept", stored)


@glossary_group.command("edit")
@glossary_path_option
@click.argument("concept_id", type=int)
@concept_options
@click.pass_context
def edit_command(ctx: click.Context, concept_id: int, given: ConceptOptions) -> None:
    """Change a concept: --th/--en replace that language's terms; other options replace their field."""
    with opened(ctx) as glossary:
        old = glossary.get(concept_id)
        thai = given.terms("th") if given.th else old.thai
        english = given.terms("en") if given.en else old.english
        if given.pos:
            pos = given.pos
            thai, english = [replace(t, pos=pos) for t in thai], [replace(t, pos=pos) for t in english]
        new = replace(
            old,
            terms=tuple(thai + english),
            subject=given.subject or old.subject,
            definition=old.definition if given.definition is None else given.definition,
            note=old.note if given.note is None else given.note,
        )
        stored = glossary.update(new)
    _echo_stored("updated concept", stored)


@glossary_group.command("remove")
@glossary_path_option
@click.argument("concept_id", type=int)
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@click.pass_context
def remove_command(ctx: click.Context, concept_id: int, yes: bool) -> None:
    """Delete a concept (asks first unless --yes)."""
    with opened(ctx) as glossary:
        concept = glossary.get(concept_id)
        if not yes:
            click.confirm(f"Delete concept {concept_id} ({concept.headword})?", abort=True)
        glossary.delete(concept_id)
    click.echo(f"removed concept {concept_id}: {concept.headword}")


@glossary_group.command("stats")
@glossary_path_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def stats_command(ctx: click.Context, as_json: bool) -> None:
    """Count concepts and terms by subject field, language and status."""
    with opened(ctx, read_only=True) as glossary:
        stats = glossary_stats(glossary)
    if as_json:
        click.echo(json.dumps(stats.as_dict(), ensure_ascii=False, indent=1))
        return
    click.echo(f"concepts: {stats.concepts}\nterms: {stats.terms}")
    for title, counts in (("subject", stats.by_subject), ("language", stats.by_language)):
        click.echo(f"by {title}: " + ", ".join(f"{k} {n}" for k, n in counts.items()))
    click.echo("by status: " + ", ".join(f"{k} {n}" for k, n in stats.by_status.items()))
    click.echo(f"term check off: {stats.check_disabled}")
    if stats.unreadable_terms:
        click.echo(f"unreadable terms (unknown status or language, left out): {stats.unreadable_terms}")


for _command in (export_command, import_command, merge_command, candidates_command):
    glossary_group.add_command(_command)
