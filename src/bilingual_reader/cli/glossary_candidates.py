"""``bilingual-reader glossary candidates``: terms an article uses that the glossary does not have yet."""

from __future__ import annotations

import json

import click

from bilingual_reader.cli.common import glossary_path_option, load_article_or_fail


@click.command("candidates")
@glossary_path_option
@click.argument("articles", nargs=-1, required=True, type=click.Path())
@click.option("--json", "as_json", is_flag=True, help="One JSON object per candidate, best first.")
@click.option("--limit", type=click.IntRange(1, 10_000), default=50, show_default=True, help="How many.")
@click.pass_context
def candidates_command(ctx: click.Context, articles: tuple[str, ...], as_json: bool, limit: int) -> None:
    """Candidate terms in ARTICLES: recurring phrases and loanwords not in the glossary (nor dismissed in the
    glossary screen), with contexts."""
    from bilingual_reader.cli.glossary_io import opened
    from bilingual_reader.teaching.candidate_review import dismissed_candidates
    from bilingual_reader.teaching.candidates import candidates

    loaded = [load_article_or_fail(path).paragraphs for path in articles]
    with opened(ctx, read_only=True) as glossary:
        dismissed = dismissed_candidates(glossary)
        found = [c for c in candidates(loaded, glossary, limit=None) if c.thai not in dismissed][:limit]
    for rank, item in enumerate(found, 1):
        if as_json:
            row = {
                "rank": rank,
                "thai": item.thai,
                "count": item.count,
                "tokens": item.tokens,
                "score": round(item.score, 2),
                "loanword": item.loanword,
                "contexts": item.contexts,
            }
            click.echo(json.dumps(row, ensure_ascii=False))
            continue
        loan = f"  (from English {item.loanword})" if item.loanword else ""
        click.echo(f"{rank:>3}. {item.thai}  ×{item.count}{loan}")
        for context in item.contexts:
            click.echo(f"       {context}")
