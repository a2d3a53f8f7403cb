"""A class handout for one article: a single self-contained HTML page made for printing and for screens,
with the sections a teacher chose (see :class:`Section`)."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from enum import StrEnum
from html import escape
from typing import TYPE_CHECKING

from bilingual_reader.html_page import html_page
from bilingual_reader.learner.statuses import Status
from bilingual_reader.teaching.english import article_english
from bilingual_reader.teaching.handout_sections import (
    cloze_section,
    english_section,
    interlinear_section,
    thai_section,
    vocabulary_section,
)
from bilingual_reader.teaching.handout_style import handout_css
from bilingual_reader.teaching.vocabulary import Order, vocabulary
from bilingual_reader.teaching.words import article_words

if TYPE_CHECKING:
    from bilingual_reader.documents.articles import Article
    from bilingual_reader.glossary.store import Glossary
    from bilingual_reader.thai.segmenter import Segmenter
    from bilingual_reader.translation.memory import TranslationMemory

__all__ = ["CLOZE_LIMIT", "HandoutOptions", "Section", "handout_html"]

#: Blanks in a cloze worksheet by default: a page or two of work (the sample article has 89 term occurrences).
CLOZE_LIMIT = 20


class Section(StrEnum):
    """The sections a handout can hold, in the order they are printed."""

    THAI = "thai"
    ENGLISH = "english"
    VOCABULARY = "vocabulary"
    INTERLINEAR = "interlinear"
    CLOZE = "cloze"


@dataclass(frozen=True)
class HandoutOptions:
    """What goes into a handout.

    ``band``: words of this frequency band or rarer join the vocabulary list (None: none by band);
    ``statuses``: so do words whose learner status (``learner.statuses.Status`` values) is one of these;
    ``paper``: ``auto``, ``a4`` or ``letter``; ``title``: the heading (default: the article's title);
    ``cloze_limit``: at most this many blanks in the cloze worksheet (None: every glossary term's occurrence).
    """

    sections: frozenset[Section] = frozenset(Section)
    band: str | None = "less common"
    statuses: frozenset[int] = field(default_factory=frozenset)
    order: Order = Order.FIRST
    paper: str = "auto"
    title: str = ""
    cloze_limit: int | None = CLOZE_LIMIT


def _how(options: HandoutOptions) -> str:
    chosen = ["glossary terms"]
    if options.band is not None:
        chosen.append(f"words {options.band} or rarer in the Thai National Corpus")
    if options.statuses:
        labels = ", ".join(Status(s).label for s in sorted(options.statuses))
        chosen.append(f"words at learner status {labels}")
    order = "by first occurrence" if options.order is Order.FIRST else "most frequent in the article first"
    return f"{'; '.join(chosen)}; {order}."


def handout_html(
    article: Article,
    glossary: Glossary,
    memory: TranslationMemory | None,
    options: HandoutOptions = HandoutOptions(),
    *,
    segmenter: Segmenter | None = None,
    status_of: Callable[[str], int | None] | None = None,
) -> str:
    """The handout page. ``memory`` (may be None: no English) gives the English; ``status_of`` maps a word
    to its learner status for ``options.statuses``."""
    words = article_words(article.paragraphs, glossary, segmenter)
    headline = article.headline
    title = options.title or article.title
    source = article.path.name if article.path is not None else "text"
    body = [
        f'<header><p class="meta">Class handout · {escape(source)}</p>'
        f'<h1 lang="th">{escape(title)}</h1></header>'
    ]
    chosen: Collection[Section] = options.sections
    if Section.THAI in chosen:
        body.append(thai_section(words, headline))
    if Section.ENGLISH in chosen:
        english = article_english(article.article_id, article.paragraphs, memory) if memory else []
        body.append(english_section(english, headline))
    if Section.VOCABULARY in chosen:
        entries = vocabulary(
            words,
            band=options.band,
            statuses=options.statuses,
            status_of=status_of or (lambda _key: None),
            order=options.order,
        )
        body.append(vocabulary_section(entries, _how(options)))
    if Section.INTERLINEAR in chosen:
        body.append(interlinear_section(words, headline))
    if Section.CLOZE in chosen:
        body.append(cloze_section(words, headline, options.cloze_limit))
    return html_page(title, handout_css(options.paper), body, lang="en")
