"""CLI commands for the library: ``add FILE…`` (``-`` for standard input), ``library list`` and
``library remove``."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import click

from bilingual_reader.cli.common import BadInput
from bilingual_reader.cli.learner_common import learner_path_option

if TYPE_CHECKING:
    from bilingual_reader.library.store import Entry, Library


def _open_library() -> Library:
    from bilingual_reader.library.store import Library, LibraryError

    try:
        return Library.open()
    except LibraryError as err:
        raise BadInput(str(err)) from None


@click.command("add")
@click.argument("files", nargs=-1, required=True)
def add_command(files: tuple[str, ...]) -> None:
    """Add documents (text, EPUB, HTML, Markdown, SRT, VTT; ``-``: standard input) to your library.

    Every file is read first: if one cannot be, nothing is added.
    """
    from bilingual_reader.documents.errors import ArticleError
    from bilingual_reader.library.adding import add_documents

    library = _open_library()
    try:
        added = add_documents(library, files)
    except ArticleError as err:
        raise BadInput(str(err)) from None
    except OSError as err:
        raise BadInput(f"cannot write into the library: {err}") from None
    finally:
        library.close()
    for result in added:
        entry = result.entry
        verb = "already in the library" if result.already else "added"
        click.echo(f"{verb}: {entry.id}  {entry.title}  ({entry.kind}, {entry.paragraphs} paragraphs)")


@click.group("library")
def library_group() -> None:
    """Your library: the texts you added, where you left each one."""


def _row(entry: Entry) -> dict[str, object]:
    return {
        "id": entry.id,
        "title": entry.title,
        "kind": entry.kind,
        "paragraphs": entry.paragraphs,
        "characters": entry.characters,
        "progress": round(entry.progress, 4),
        "added": entry.added_at,
        "last_opened": entry.opened_at,
        "source": entry.source,
    }


@library_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="One JSON array of the texts.")
@click.option(
    "--known",
    is_flag=True,
    help="Also the share of each text's distinct Thai words you know (learner database; a text's words "
    "are segmented the first time, then kept).",
)
@learner_path_option
@click.pass_context
def list_command(ctx: click.Context, as_json: bool, known: bool) -> None:
    """List the texts: id, title, kind, length, progress and when last opened (most recent first)."""
    from bilingual_reader.thai.text import printable

    library = _open_library()
    try:
        entries = library.entries()
        shares = _known_shares(ctx, library, entries) if known else {}
    finally:
        library.close()
    if as_json:
        rows = [_row(e) for e in entries]
        for row in rows if known else ():
            share = shares.get(int(str(row["id"])))
            row["known_share"] = None if share is None else round(share, 4)
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not entries:
        click.echo("The library is empty: add texts with `bilingual-reader add FILE`.")
        return
    for e in entries:
        opened = (e.opened_at or "never opened")[:16].replace("T", " ")
        share = shares.get(e.id)
        knows = f"  {share:.0%} known" if share is not None else ""
        click.echo(
            f"{e.id:>4}  {printable(e.title, keep_newlines=False)}  [{e.kind}, {e.paragraphs} paragraphs, "
            f"{e.characters:,} characters]  {e.progress:.0%} read{knows}  last opened: {opened}"
        )


def _known_shares(ctx: click.Context, library: Library, entries: list[Entry]) -> dict[int, float | None]:
    from bilingual_reader.cli.common import glossary_option, open_glossary
    from bilingual_reader.cli.learner_common import opened_learner
    from bilingual_reader.library.adding import library_folder
    from bilingual_reader.library.known import known_shares
    from bilingual_reader.thai.segmenter import Segmenter

    built: list[Segmenter] = []

    def segmenter() -> Segmenter:
        if not built:
            store = open_glossary(glossary_option(ctx, None), read_only=True)
            try:
                built.append(Segmenter(store.thai_terms()))
            finally:
                store.close()
        return built[0]

    with opened_learner(ctx, read_only=True) as learner:
        return known_shares(library, entries, learner, segmenter, library_folder())


@library_group.command("remove")
@click.argument("ids", nargs=-1, type=int, required=True)
def remove_command(ids: tuple[int, ...]) -> None:
    """Remove texts by id (see ``library list``), with their reading positions, bookmarks and copies."""
    from bilingual_reader.library.removing import remove_texts

    library = _open_library()
    try:
        missing = [i for i in ids if library.entry(i) is None]
        if missing:
            raise BadInput(f"no text with id {missing[0]} in the library (see `library list`)")
        removed = remove_texts(library, ids)
    finally:
        library.close()
    for entry in removed:
        click.echo(f"removed: {entry.id}  {entry.title}")
