"""``bilingual-reader stats [--json]``: your reading progress from the learner database."""

from __future__ import annotations

import json

import click

from bilingual_reader.cli.learner_common import learner_path_option, opened_learner

_BARS = " ▁▂▃▄▅▆▇█"


def sparkline(values: list[int]) -> str:
    """A one-line bar chart of ``values`` (blank for zero)."""
    top = max(values, default=0)
    if not top:
        return " " * len(values)
    return "".join(_BARS[0 if v <= 0 else max(1, round(v / top * 8))] for v in values)


@click.command("stats")
@learner_path_option
@click.option(
    "--days", type=click.IntRange(1, 3660), default=30, show_default=True, help="How many days back."
)
@click.option("--json", "as_json", is_flag=True, help="One JSON object.")
@click.pass_context
def stats_command(ctx: click.Context, days: int, as_json: bool) -> None:
    """Words read per day (paragraphs you moved through), new words, lookups, statuses over time, streak."""
    from bilingual_reader.learner.stats import progress

    with opened_learner(ctx, read_only=True) as store:
        found = progress(store, days=days)
    if as_json:
        click.echo(json.dumps(found.to_dict(), ensure_ascii=False))
        return
    rows = found.days
    click.echo(f"streak: {found.streak} day(s)")
    click.echo("words: " + ", ".join(f"{label} {n}" for label, n in found.statuses.items()))
    for name, values in (
        ("words read", [d.words_read for d in rows]),
        ("new words ", [d.new_words for d in rows]),
        ("lookups   ", [d.lookups for d in rows]),
        ("learning  ", [d.learning for d in rows]),
        ("known     ", [d.known for d in rows]),
    ):
        click.echo(f"{name} {rows[0].day} |{sparkline(values)}| {rows[-1].day}  (last: {values[-1]})")
    click.echo("day         read  new  lookups  learning  known")
    for d in rows:
        if d.words_read or d.new_words or d.lookups:
            click.echo(
                f"{d.day}  {d.words_read:5}  {d.new_words:3}  {d.lookups:7}  {d.learning:8}  {d.known:5}"
            )
