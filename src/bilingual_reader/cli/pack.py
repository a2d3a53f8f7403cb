"""``bilingual-reader pack create|open``: class packs a teacher makes and students open in one command."""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import TYPE_CHECKING

import click

from bilingual_reader.cli.common import BadInput, glossary_option, glossary_path_option, open_glossary

if TYPE_CHECKING:
    from bilingual_reader.translation.memory import TranslationMemory

CONFLICT = click.Choice(["skip", "replace", "merge"])


@click.group("pack")
def pack_group() -> None:
    """Class packs: articles, their glossary terms and the teacher's English in one file."""


def _memory(required: bool) -> TranslationMemory | None:
    """The user's translation memory (created when ``required``; None when it does not exist and is not)."""
    from bilingual_reader import paths
    from bilingual_reader.translation.errors import MemoryFileError
    from bilingual_reader.translation.memory import TranslationMemory, memory_path

    if not required and not memory_path().exists():
        return None
    try:
        paths.private_folder(memory_path().parent)
        return TranslationMemory()
    except MemoryFileError as err:
        raise BadInput(str(err)) from None


@pack_group.command("create")
@glossary_path_option
@click.argument("articles", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="The pack to write.")
@click.option("--name", default="", help="The pack's name (default: the output file's name).")
@click.option("--whole-glossary", is_flag=True, help="Every concept, not only those in the articles.")
@click.option(
    "--cards", type=click.Path(dir_okay=False), help="Flashcards to add: an Anki .apkg (from cards export)."
)
@click.pass_context
def create_command(ctx: click.Context, articles: tuple[str, ...], output: str, name: str,
                   whole_glossary: bool, cards: str | None) -> None:  # fmt: skip
    """Pack ARTICLES with their glossary concepts and your English (and flashcards) into one .brpack file."""
    from bilingual_reader.cli.common import load_article_or_fail
    from bilingual_reader.files import FileProblem, check_destination, read_input, write_output
    from bilingual_reader.glossary.locations import resolve_glossary_path
    from bilingual_reader.teaching.pack_create import pack_bytes
    from bilingual_reader.teaching.pack_format import CARDS, LIMITS, PackError
    from bilingual_reader.translation.memory import memory_path

    glossary_file = resolve_glossary_path(glossary_option(ctx, None))
    try:
        protect: list[str | Path] = [*articles, glossary_file, memory_path(), *([cards] if cards else [])]
        target = check_destination(output, protect=protect)
        deck = read_input(Path(cards), LIMITS[CARDS], "Anki package") if cards else None
    except FileProblem as err:
        raise BadInput(str(err)) from None
    loaded = [load_article_or_fail(path) for path in articles]
    memory = _memory(required=False)
    store = open_glossary(str(glossary_file), read_only=True)
    try:
        made = pack_bytes(
            name or Path(output).stem, loaded, store, memory, whole_glossary=whole_glossary, cards=deck
        )
    except PackError as err:
        raise BadInput(str(err)) from None
    finally:
        store.close()
        if memory is not None:
            memory.close()
    write_output(target, made.data)
    click.echo(
        f"{target}: {made.articles} article(s), {made.concepts} concept(s), "
        f"English for {made.english} paragraph(s)" + (", flashcards" if deck is not None else "")
    )


@pack_group.command("open")
@glossary_path_option
@click.argument("pack", type=click.Path(dir_okay=False))
@click.option(
    "--on-conflict", type=CONFLICT, default="skip", show_default=True,
    help="A concept whose Thai term your glossary already has: keep yours, replace it, or merge terms.",
)  # fmt: skip
@click.pass_context
def open_command(ctx: click.Context, pack: str, on_conflict: str) -> None:
    """Open a class pack: its articles, glossary terms and the teacher's English join yours."""
    from bilingual_reader.teaching.pack_format import PackError
    from bilingual_reader.teaching.pack_open import open_pack
    from bilingual_reader.teaching.pack_read import read_pack

    try:
        checked = read_pack(pack)
    except PackError as err:
        raise BadInput(str(err)) from None
    memory = _memory(required=True)
    assert memory is not None
    store = open_glossary(glossary_option(ctx, None))
    try:
        report = open_pack(checked, store, memory, on_conflict)
    except PackError as err:
        raise BadInput(str(err)) from None
    finally:
        store.close()
        memory.close()
    glossary = report.glossary
    added, present = report.articles_added, report.articles_present
    click.echo(
        f"class pack {checked.name}: {added} article(s) added, {present} already there, in {report.folder}"
    )
    click.echo(
        f"glossary: {glossary.added} added, {glossary.merged} merged, {glossary.replaced} replaced, "
        f"{glossary.skipped} already there"
    )
    saved, machine = report.english_saved, report.machine_saved
    split = (
        f" ({saved - machine} the teacher's translation, {machine} machine translation)" if machine else ""
    )
    click.echo(f"teacher's English: {saved} paragraph(s) saved{split}, {report.english_present} kept")
    if report.cards is not None:
        click.echo(f"flashcards: {report.cards} (import it into Anki: File > Import)")
    for file in sorted(checked.articles):
        click.echo(f"  bilingual-reader read {shlex.quote(str(Path(report.folder) / file))}")
