"""Headless work the reader runs in thread workers: segmenting an article, warming up lookups."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bilingual_reader.thai.segmenter import Segmenter, Token


def segment_article(
    paragraphs: Sequence[str],
    terms: Iterable[str],
    segmenter: Segmenter | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> tuple[Segmenter, list[list[Token]]] | None:
    """Tokenize every paragraph with ``segmenter`` (or a new one built from ``terms``); None if cancelled."""
    from bilingual_reader.thai.segmenter import Segmenter

    built = segmenter if segmenter is not None else Segmenter(terms)
    tokens = []
    for text in paragraphs:
        if cancelled():
            return None
        tokens.append(built.tokenize(text))
    return built, tokens


def warm_up_lookup() -> None:
    """Load pythainlp's dictionary, the pronunciation lexicon, WordNet and the loanword table (seconds),
    so that the first popup opens at once instead of freezing the screen."""
    from bilingual_reader.thai.dictionary import loanword_source, senses
    from bilingual_reader.thai.pronunciation import dictionary_split, pronounce

    dictionary_split("ปืนใหญ่")
    pronounce("ปืน", split=dictionary_split)
    senses("ปืน")
    loanword_source("ปืน")
