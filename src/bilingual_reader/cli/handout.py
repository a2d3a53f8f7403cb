"""``bilingual-reader handout``: a printable class handout (one self-contained HTML file) for an article."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from bilingual_reader.cli.common import BadInput, glossary_option, load_article_or_fail, open_glossary
from bilingual_reader.cli.learner_common import learner_path_option, opened_learner
from bilingual_reader.teaching.handout import CLOZE_LIMIT, HandoutOptions, Section
from bilingual_reader.teaching.handout_style import PAPERS
from bilingual_reader.teaching.vocabulary import BAND_NAMES, Order
from bilingual_reader.translation.memory import memory_path

if TYPE_CHECKING:
    from bilingual_reader.translation.memory import TranslationMemory

_BANDS = [name.replace(" ", "-") for name in BAND_NAMES] + ["none"]


def _sections(flags: dict[str, bool]) -> frozenset[Section]:
    return frozenset(section for section in Section if flags[section.value])


@click.command("handout")
@click.argument("article", type=click.Path())
@click.option(
    "-o", "--output", required=True, type=click.Path(dir_okay=False), help="The HTML file to write."
)
@click.option("--thai/--no-thai", default=True, help="The Thai text with numbered glossary glosses.")
@click.option("--english/--no-english", default=True, help="The English (post-edits, then the memory's).")
@click.option("--vocabulary/--no-vocabulary", default=True, help="The vocabulary list.")
@click.option("--interlinear/--no-interlinear", default=True, help="Each word with its RTGS and a gloss.")
@click.option("--cloze/--no-cloze", default=True, help="A cloze worksheet with a word bank and answer key.")
@click.option(
    "--cloze-limit",
    type=click.IntRange(min=0),
    default=CLOZE_LIMIT,
    show_default=True,
    help="At most this many blanks, spread over the article, each term once first (0: every occurrence).",
)
@click.option(
    "--band",
    type=click.Choice(_BANDS),
    default="less-common",
    show_default=True,
    help="Vocabulary: words of this frequency band or rarer (none: glossary terms only).",
)
@click.option(
    "--status",
    "statuses",
    default="",
    help="Vocabulary: also words at these learner statuses (1-4, 1-2,W, 0).",
)
@click.option(
    "--sort", "order", type=click.Choice([o.value for o in Order]), default="first", show_default=True,
    help="Vocabulary order: first occurrence, or most frequent first.",
)  # fmt: skip
@click.option(
    "--paper", type=click.Choice(list(PAPERS)), default="auto", show_default=True, help="Paper size."
)
@click.option("--title", default="", help="The heading (default: the article's title).")
@click.option("--glossary", type=click.Path(dir_okay=False), help="Glossary database to use.")
@learner_path_option
@click.pass_context
def handout_command(
    ctx: click.Context,
    /,
    article: str,
    output: str,
    band: str,
    statuses: str,
    order: str,
    paper: str,
    title: str,
    cloze_limit: int,
    glossary: str | None,
    **flags: bool,
) -> None:
    """Write a class handout for ARTICLE: one HTML file to print (A4 or Letter) or open on a screen."""
    from bilingual_reader.files import FileProblem, check_destination, write_output
    from bilingual_reader.glossary.locations import resolve_glossary_path
    from bilingual_reader.learner.statuses import parse_statuses
    from bilingual_reader.teaching.handout import handout_html

    try:
        wanted = parse_statuses(statuses) if statuses else frozenset()
    except ValueError as err:
        raise BadInput(f"--status: {err}") from None
    sections = _sections(flags)
    if not sections:
        raise BadInput("no section chosen (every --no-… flag given)")
    options = HandoutOptions(
        sections=sections,
        band=None if band == "none" else band.replace("-", " "),
        statuses=frozenset(int(s) for s in wanted),
        order=Order(order),
        paper=paper,
        title=title,
        cloze_limit=cloze_limit or None,
    )
    glossary_file = resolve_glossary_path(glossary_option(ctx, glossary))
    try:
        target = check_destination(output, protect=[article, glossary_file, memory_path()])
    except FileProblem as err:
        raise BadInput(str(err)) from None
    loaded = load_article_or_fail(article)
    memory = _memory() if Section.ENGLISH in sections else None
    store = open_glossary(str(glossary_file), read_only=True)
    try:
        with opened_learner(ctx, read_only=True) as learner:
            page = handout_html(loaded, store, memory, options, status_of=learner.status if wanted else None)
    finally:
        store.close()
        if memory is not None:
            memory.close()
    try:
        write_output(target, page)
    except OSError as err:
        raise BadInput(f"{target}: cannot be written ({err.strerror or err})") from None
    names = ", ".join(section.value for section in Section if section in sections)
    click.echo(f"wrote {Path(target)} ({names})")


def _memory() -> TranslationMemory | None:
    """The user's translation memory when it exists (a handout never creates one)."""
    from bilingual_reader.translation.errors import MemoryFileError
    from bilingual_reader.translation.memory import TranslationMemory

    if not memory_path().exists():
        return None
    try:
        return TranslationMemory()
    except MemoryFileError as err:
        raise BadInput(str(err)) from None
