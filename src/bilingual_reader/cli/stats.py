"""``bilingual-reader stats [--json]``: your reading progress from the learner database."""

from __future__ import annotations

import json

import click

from bilingual_reader.cli.learner_common import learner_path_option, opened_learner

_BARS = " ▁▂▃▄▅▆▇█"
_ARTICLE_ROWS = 20


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
@click.option(
    "--article",
    "article_path",
    metavar="FILE",
    help="Also this text's figures: the share of its words you know, unknown/learning counts, words read.",
)
@click.option("--json", "as_json", is_flag=True, help="One JSON object (with a row per article read).")
@click.pass_context
def stats_command(ctx: click.Context, days: int, article_path: str | None, as_json: bool) -> None:
    """Words read per day (paragraphs you moved through), new words, lookups, statuses over time, streak;
    per article too."""
    from bilingual_reader.learner.article_stats import article_activity
    from bilingual_reader.learner.stats import progress

    article = _article_keys(ctx, article_path) if article_path is not None else None
    with opened_learner(ctx, read_only=True) as store:
        found = progress(store, days=days)
        articles = article_activity(store)
        figures = None
        if article is not None:
            from bilingual_reader.learner.article_stats import article_figures

            figures = article_figures(store, *article)
    if as_json:
        data = found.to_dict() | {"articles": [a.to_dict() for a in articles]}
        if figures is not None:
            data["article"] = figures.to_dict()
        click.echo(json.dumps(data, ensure_ascii=False))
        return
    if figures is not None:
        click.echo(f"article: {figures.activity.title or article_path}")
        for line in figures.lines():
            click.echo(f"  {line}")
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
    if articles:
        click.echo("last day    read  paragraphs  new  lookups  article")
        for a in articles[:_ARTICLE_ROWS]:
            title = a.title or f"(id {a.article[:12]})"
            counts = f"{a.words_read:5}  {a.paragraphs_read:10}  {a.new_words:3}  {a.lookups:7}"
            click.echo(f"{a.last_day:10}  {counts}  {title}")
        if len(articles) > _ARTICLE_ROWS:
            click.echo(f"… and {len(articles) - _ARTICLE_ROWS} more (--json lists all)")


def _article_keys(ctx: click.Context, path: str) -> tuple[str, set[str], str]:
    """The article's id, its distinct word keys (segmented with the glossary's terms) and its title."""
    from bilingual_reader.cli.common import glossary_option, load_article_or_fail, open_glossary
    from bilingual_reader.learner.counts import word_keys
    from bilingual_reader.thai.segmenter import Segmenter

    article = load_article_or_fail(path)
    glossary = open_glossary(glossary_option(ctx, None), read_only=True)
    try:
        segmenter = Segmenter(glossary.thai_terms())
    finally:
        glossary.close()
    keys = word_keys(segmenter.tokenize(p) for p in article.paragraphs)
    return article.article_id, keys, article.title
