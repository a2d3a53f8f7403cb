"""The handout's vocabulary list: the glossary terms of an article and its words at or beyond a frequency
band (or at a chosen learner status), each with RTGS, tones, English, definition and its count."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from enum import StrEnum

from bilingual_reader.teaching.words import ArticleWords, Word, english_of
from bilingual_reader.thai.frequency import BANDS

__all__ = ["BAND_NAMES", "Order", "VocabularyEntry", "vocabulary"]

#: The frequency bands, most common first ("very common" … "rare").
BAND_NAMES = tuple(name for _, name in BANDS)


class Order(StrEnum):
    """How the list is sorted."""

    FIRST = "first"  # by first occurrence in the article
    FREQUENCY = "frequency"  # most occurrences in the article first


@dataclass(frozen=True)
class VocabularyEntry:
    """One row of the list."""

    thai: str
    rtgs: str
    tones: str
    english: str
    definition: str
    count: int
    band: str  # the TNC band, or "" when the corpus list does not have the word
    in_glossary: bool


def _band_index(word: Word) -> int | None:
    found = word.found.frequency
    return BAND_NAMES.index(found.band) if found is not None else None


def _dictionary_english(word: Word) -> str:
    lemmas = [lemma.replace("_", " ") for sense in word.found.senses[:2] for lemma in sense.lemmas[:3]]
    if lemmas:
        return ", ".join(dict.fromkeys(lemmas))
    return f"(from English {word.found.loanword})" if word.found.loanword else ""


def _entry(word: Word) -> VocabularyEntry:
    pron = word.found.pronunciation
    concepts = word.found.concepts
    english = "; ".join(e for e in (english_of(c) for c in concepts) if e) or _dictionary_english(word)
    definition = " ".join(c.definition for c in concepts if c.definition)
    band = word.found.frequency.band if word.found.frequency is not None else ""
    return VocabularyEntry(
        thai=word.key,
        rtgs=pron.rtgs if pron else "",
        tones=pron.tones if pron else "",
        english=english,
        definition=definition,
        count=word.count,
        band=band,
        in_glossary=word.is_term,
    )


def _chosen(
    word: Word, band: str | None, statuses: Collection[int], status_of: Callable[[str], int | None]
) -> bool:
    if word.is_term:
        return True
    if statuses and status_of(word.key) in statuses:
        return True
    if band is None or len(word.key) < 2:
        return False
    index = _band_index(word)
    if index is None:  # not in the corpus list: a name or a compound; keep it when the dictionary knows it
        return bool(word.found.senses or word.found.loanword)
    return index >= BAND_NAMES.index(band)


def vocabulary(
    words: ArticleWords,
    *,
    band: str | None = "less common",
    statuses: Collection[int] = (),
    status_of: Callable[[str], int | None] = lambda _key: None,
    order: Order = Order.FIRST,
) -> list[VocabularyEntry]:
    """The list: every glossary term, every word whose band is ``band`` or rarer (None: no word by band),
    and every word whose learner status (``status_of(key)``) is one of ``statuses``."""
    chosen = [w for w in words.words.values() if _chosen(w, band, statuses, status_of)]
    if order is Order.FREQUENCY:
        chosen.sort(key=lambda w: (-w.count, w.first))
    else:
        chosen.sort(key=lambda w: w.first)
    return [_entry(w) for w in chosen]
