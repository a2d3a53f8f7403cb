"""``bilingual-reader cards export -o deck.apkg``: flashcards of the words you are learning (Anki or TSV)."""

from __future__ import annotations

from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import click

from bilingual_reader.cli.common import BadInput, load_article_or_fail, open_glossary
from bilingual_reader.cli.learner_common import learner_path_option, opened_learner
from bilingual_reader.files import FileProblem, check_destination

if TYPE_CHECKING:
    pass


@click.group("cards")
@learner_path_option
def cards_group() -> None:
    """Flashcards of your words: an Anki package (Thai, readings, English, the sentence) or a TSV."""


def _date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise BadInput(f"{option}: {value!r} is not a date (YYYY-MM-DD)") from None


@cards_group.command("export")
@learner_path_option
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True, help="File.")
@click.option(
    "--format", "fmt", type=click.Choice(["auto", "apkg", "tsv"]), default="auto", show_default=True
)
@click.option("--status", "status_text", help="Statuses (default 1-4; with --looked-up, any but W and I).")
@click.option("--looked-up", is_flag=True, help="Only words you looked up.")
@click.option("--article", type=click.Path(dir_okay=False), help="Only words met in this article.")
@click.option("--since", help="Only words met (looked up or marked) on or after this day (YYYY-MM-DD).")
@click.option("--until", help="... on or before this day.")
@click.pass_context
def export_command(
    ctx: click.Context,
    output: Path,
    fmt: str,
    status_text: str | None,
    looked_up: bool,
    article: str | None,
    since: str | None,
    until: str | None,
) -> None:
    """Write flashcards to OUTPUT: an Anki .apkg (re-exporting updates the same notes) or a .tsv."""
    from bilingual_reader.learner.anki_deck import write_apkg, write_tsv
    from bilingual_reader.learner.cards import CardFilter, build_cards
    from bilingual_reader.learner.sentence_english import machine_gloss, memory_english
    from bilingual_reader.learner.statuses import parse_statuses

    kind = fmt if fmt != "auto" else ("tsv" if output.suffix.lower() in (".tsv", ".txt") else "apkg")
    try:
        statuses = parse_statuses(status_text) if status_text is not None else None
    except ValueError as err:
        raise BadInput(f"--status: {err}") from None
    article_id = load_article_or_fail(article).article_id if article else None
    chosen = CardFilter(statuses, looked_up, article_id, _date(since, "--since"), _date(until, "--until"))
    glossary = open_glossary((ctx.find_root().obj or {}).get("glossary"), read_only=True)
    try:
        with opened_learner(ctx, read_only=True) as store:
            protect = [p for p in (store.path, glossary.path) if p is not None]
            try:
                check_destination(output, protect=protect)
            except FileProblem as err:
                raise BadInput(str(err)) from None
            with memory_english() as english:
                machine = None if english is None else partial(machine_gloss, english)
                cards = build_cards(store, chosen, glossary, english, machine)
    finally:
        glossary.close()
    (write_tsv if kind == "tsv" else write_apkg)(cards, output)
    click.echo(f"{output}: {len(cards)} card(s)")
