"""CLI commands for reading: open the reader, look a word up, segment an article."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from bilingual_reader.cli.common import (
    BadInput,
    engine_options,
    engine_overrides,
    glossary_option,
    load_article_or_fail,
    open_glossary,
)

if TYPE_CHECKING:
    from bilingual_reader.lookup import LookupResult


def open_reader(article: str | None, glossary: str | None, engine: dict[str, str] | None = None) -> None:
    """Run the Textual reader on an article (None: the sample); bad files end it with one line.

    ``engine``: ``--engine``/``--url`` overrides of the translation settings (checked before the screen).
    """
    from bilingual_reader.documents.articles import ArticleError
    from bilingual_reader.glossary.errors import GlossaryError
    from bilingual_reader.glossary.locations import resolve_glossary_path
    from bilingual_reader.translation.errors import SettingsError
    from bilingual_reader.translation.settings import load_settings
    from bilingual_reader.tui.app import run_reader

    if engine:
        try:
            options: dict[str, Any] = dict(engine)
            load_settings(**options)
        except SettingsError as err:
            raise BadInput(str(err)) from None
    try:
        run_reader(Path(article) if article else None, resolve_glossary_path(glossary), engine or {})
    except (ArticleError, GlossaryError) as err:
        raise BadInput(str(err)) from None


@click.command("read")
@click.argument("path", type=click.Path())
@click.option("--glossary", type=click.Path(dir_okay=False), help="Glossary database to use.")
@engine_options
@click.pass_context
def read_command(ctx: click.Context, path: str, glossary: str | None) -> None:
    """Open the reader on the article at PATH."""
    open_reader(path, glossary_option(ctx, glossary), engine_overrides(ctx))


def _format_lookup(result: LookupResult) -> list[str]:
    lines = [result.text]
    if result.pronunciation is not None:
        p = result.pronunciation
        lines.append(f"  pronunciation: {p.rtgs}  |  {p.tones}  |  {p.ipa}")
    if result.frequency is not None:
        from bilingual_reader.thai.frequency import frequency_label

        lines.append(f"  frequency: {frequency_label(result.frequency)}")
    for concept in result.concepts:
        english = ", ".join(
            f"{t.text} ({t.status})" if t.status != "preferred" else t.text for t in concept.english
        )
        lines.append(f"  [{concept.subject}] {english}")
        if concept.definition:
            lines.append(f"    {concept.definition}")
        if concept.note:
            lines.append(f"    note: {concept.note}")
    if not result.concepts:
        lines.append("  not in the glossary")
        for sense in result.senses:
            lines.append(f"  ({sense.pos}) {', '.join(sense.lemmas)}")
        if result.loanword:
            lines.append(f"  loanword from English: {result.loanword}")
    for term, concepts in result.subterms:
        english = "; ".join(c.english[0].text for c in concepts if c.english)
        lines.append(f"  contains: {term}  {english}")
    return lines


@click.command("lookup")
@click.argument("text")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@click.option("--glossary", type=click.Path(dir_okay=False), help="Glossary database to use.")
@click.pass_context
def lookup_command(ctx: click.Context, text: str, as_json: bool, glossary: str | None) -> None:
    """Look TEXT up: glossary entries, pronunciation, sub-terms and dictionary senses."""
    from bilingual_reader.lookup import lookup, result_to_dict
    from bilingual_reader.thai.segmenter import Segmenter

    if not text.strip():
        raise BadInput("nothing to look up")
    store = open_glossary(glossary_option(ctx, glossary), read_only=True)
    try:
        result = lookup(text, glossary=store, segmenter=Segmenter(store.thai_terms()))
    finally:
        store.close()
    if as_json:
        click.echo(json.dumps(result_to_dict(result), ensure_ascii=False, indent=2))
    else:
        click.echo("\n".join(_format_lookup(result)))


@click.command("segment")
@click.argument("path", type=click.Path())
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="One JSON object per paragraph: its index, role (title or paragraph) and tokens.",
)
@click.option("--glossary", type=click.Path(dir_okay=False), help="Glossary database to use.")
@click.pass_context
def segment_command(ctx: click.Context, path: str, as_json: bool, glossary: str | None) -> None:
    """Print the article at PATH as tokens, one paragraph a line, the title line included (whitespace tokens
    left out)."""
    from bilingual_reader.thai.segmenter import Segmenter

    article = load_article_or_fail(path)
    store = open_glossary(glossary_option(ctx, glossary), read_only=True)
    try:
        segmenter = Segmenter(store.thai_terms())
    finally:
        store.close()
    for index, paragraph in enumerate(article.paragraphs):
        tokens = [t.text for t in segmenter.tokenize(paragraph) if t.text.strip()]
        if as_json:
            row = {"paragraph": index, "role": article.role(index), "tokens": tokens}
            click.echo(json.dumps(row, ensure_ascii=False))
        else:
            click.echo(" | ".join(tokens))
