"""``bilingual-reader words list|set|import|export``: the learner's word statuses from the shell."""

from __future__ import annotations

import json
from pathlib import Path

import click

from bilingual_reader.cli.common import BadInput
from bilingual_reader.cli.learner_common import learner_path_option, opened_learner
from bilingual_reader.files import FileProblem, check_destination
from bilingual_reader.learner.statuses import Status, parse_status, parse_statuses


def _statuses(text: str | None) -> frozenset[Status] | None:
    if text is None:
        return None
    try:
        return parse_statuses(text)
    except ValueError as err:
        raise BadInput(f"--status: {err}") from None


@click.group("words")
@learner_path_option
def words_group() -> None:
    """Your word statuses (Lute's: 1-5 learning, W well known, I ignored), kept in the learner database."""


@words_group.command("list")
@learner_path_option
@click.option("--status", "status_text", help="Only these statuses (1-4, W, I, 1-2,W).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@click.pass_context
def list_command(ctx: click.Context, status_text: str | None, as_json: bool) -> None:
    """List the marked words by status, then word: word, status, when it last changed."""
    wanted = _statuses(status_text)
    with opened_learner(ctx, read_only=True) as store:
        words = store.words(wanted)
    for w in words:
        if as_json:
            row = {"word": w.key, "status": int(w.status), "label": w.status.label, "changed": w.changed}
            row.update(translation=w.translation, tags=w.tags)
            click.echo(json.dumps(row, ensure_ascii=False))
        else:
            click.echo(f"{w.key}\t{w.status.label}\t{w.changed}")


@words_group.command("set")
@learner_path_option
@click.argument("status")
@click.argument("words", nargs=-1, required=True)
@click.pass_context
def set_command(ctx: click.Context, status: str, words: tuple[str, ...]) -> None:
    """Give WORDS the STATUS (1-5, W well known, I ignored, 0 unknown), in one transaction."""
    try:
        wanted = parse_status(status)
    except ValueError as err:
        raise BadInput(str(err)) from None
    with opened_learner(ctx) as store:
        try:
            changed = store.set_status(words, wanted)
        except ValueError as err:
            raise BadInput(str(err)) from None
    click.echo(f"{changed} word(s) set to {wanted.label}")


@words_group.command("import")
@learner_path_option
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_context
def import_command(ctx: click.Context, file: Path) -> None:
    """Import a Lute term CSV (all rows or none; bad rows are listed as file:line: reason)."""
    from bilingual_reader.learner.lute_csv import LuteImportFailed, read_lute_csv

    try:
        report = read_lute_csv(file)
    except LuteImportFailed as err:
        for line in err.errors:
            click.echo(line, err=True)
        raise BadInput(str(err)) from None
    with opened_learner(ctx) as store:
        report.added, report.updated = store.put_words(report.words)
    click.echo(report.summary())


@words_group.command("export")
@learner_path_option
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--status", "status_text", help="Only these statuses (1-4, W, I, 1-2,W).")
@click.pass_context
def export_command(ctx: click.Context, file: Path, status_text: str | None) -> None:
    """Export the marked words to FILE as Lute's term CSV (replaced only when done)."""
    from bilingual_reader.learner.lute_csv import export_lute_csv

    wanted = _statuses(status_text)
    with opened_learner(ctx, read_only=True) as store:
        try:
            check_destination(file, protect=[p for p in (store.path,) if p is not None])
        except FileProblem as err:
            raise BadInput(str(err)) from None
        count = export_lute_csv(store, file, wanted)
    click.echo(f"{file}: exported {count} word(s)")
