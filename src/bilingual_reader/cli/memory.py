"""``bilingual-reader memory import|export|revert``: the translation memory, CAT tools, post-edits."""

from __future__ import annotations

from pathlib import Path

import click

from bilingual_reader.cli.common import BadInput


@click.group("memory")
def memory_group() -> None:
    """Bring post-edits from a CAT tool into the translation memory, or write the memory as TMX."""


@memory_group.command("import")
@click.argument("path", type=click.Path(path_type=Path))
def import_command(path: Path) -> None:
    """Save the post-edited targets of PATH (XLIFF from `translate --format xliff`, or TMX) as post-edits."""
    from bilingual_reader.documents.bilingual import BilingualError, read_bilingual
    from bilingual_reader.translation.errors import MemoryFileError
    from bilingual_reader.translation.exchange import import_post_edits
    from bilingual_reader.translation.memory import TranslationMemory

    try:
        bilingual = read_bilingual(path)
        with TranslationMemory() as memory:
            report = import_post_edits(bilingual, memory)
    except (BilingualError, MemoryFileError) as err:
        raise BadInput(str(err)) from None
    click.echo(
        f"{path}: {report.saved} post-edit(s) saved, {report.unchanged} already in the memory, "
        f"{report.skipped} left as machine translation or empty"
    )


@memory_group.command("export")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), required=True)
def export_command(output: Path) -> None:
    """Write the memory as TMX 1.4 to OUTPUT: post-edited paragraphs, then machine-translated sentences."""
    from bilingual_reader.files import FileProblem, check_destination, write_output
    from bilingual_reader.translation.errors import MemoryFileError
    from bilingual_reader.translation.exchange import memory_tmx
    from bilingual_reader.translation.memory import TranslationMemory, memory_path

    try:
        check_destination(output, protect=[memory_path()])
        with TranslationMemory() as memory:
            data, units = memory_tmx(memory)
        write_output(output, data)
    except (FileProblem, MemoryFileError) as err:
        raise BadInput(str(err)) from None
    click.echo(f"wrote {output}: {units} unit(s)")


@memory_group.command("revert")
@click.argument("article", type=click.Path(path_type=Path))
@click.argument("paragraph", type=click.IntRange(min=1))
def revert_command(article: Path, paragraph: int) -> None:
    """Revert PARAGRAPH of ARTICLE (counted from 1, as in `check`) to its machine translation.

    The post-edit leaves the paragraph but stays in the memory's post-edit history. Exit code 1 when the
    paragraph has no post-edit.
    """
    from bilingual_reader.cli.common import load_article_or_fail
    from bilingual_reader.translation.errors import MemoryFileError
    from bilingual_reader.translation.memory import TranslationMemory

    loaded = load_article_or_fail(article)
    if paragraph > len(loaded.paragraphs):
        raise BadInput(f"{article}: the article has paragraphs 1 to {len(loaded.paragraphs)}")
    index = paragraph - 1
    try:
        with TranslationMemory() as memory:
            edit = memory.revert_post_edit(loaded.article_id, index, loaded.paragraphs[index])
    except MemoryFileError as err:
        raise BadInput(str(err)) from None
    if edit is None:
        click.echo(f"{article}: paragraph {paragraph} has no post-edit", err=True)
        raise SystemExit(1)
    click.echo(
        f"{article}: paragraph {paragraph} reverted to its machine translation (the edit stays in history)"
    )
