"""What the popup and ``bilingual-reader lookup`` show for a word: glossary, pronunciation, dictionary."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from bilingual_reader.thai.text import is_thai, normalize_key

if TYPE_CHECKING:
    from bilingual_reader.glossary.models import Concept
    from bilingual_reader.glossary.store import Glossary
    from bilingual_reader.thai.dictionary import Sense
    from bilingual_reader.thai.frequency import Frequency
    from bilingual_reader.thai.pronunciation import Pronunciation
    from bilingual_reader.thai.segmenter import Segmenter, Token


@dataclass(frozen=True)
class LookupResult:
    """Everything known about one word or term."""

    text: str
    concepts: tuple[Concept, ...]
    pronunciation: Pronunciation | None
    subterms: tuple[tuple[str, tuple[Concept, ...]], ...]
    occurrences: int | None
    senses: tuple[Sense, ...]
    loanword: str | None
    frequency: Frequency | None = None  # the word's place in the TNC frequency list (Thai only)

    @property
    def in_glossary(self) -> bool:
        """True when the glossary has an entry for the text itself."""
        return bool(self.concepts)


def lookup(
    text: str,
    *,
    glossary: Glossary,
    segmenter: Segmenter | None = None,
    article_tokens: Sequence[Sequence[Token]] | None = None,
    split: Callable[[str], list[str]] | None = None,
) -> LookupResult:
    """Look ``text`` up in the glossary, the pronunciation lexicon and the general dictionary."""
    from bilingual_reader.thai.dictionary import loanword_source, senses
    from bilingual_reader.thai.frequency import frequency
    from bilingual_reader.thai.occurrences import count_occurrences
    from bilingual_reader.thai.pronunciation import dictionary_split, pronounce

    key = normalize_key(text)
    thai = is_thai(key)
    subterms: tuple[tuple[str, tuple[Concept, ...]], ...] = ()
    if segmenter is not None and thai:
        subterms = tuple((term, tuple(glossary.lookup(term))) for term in segmenter.subterms(key))
    return LookupResult(
        text=key,
        concepts=tuple(glossary.lookup(key)),
        pronunciation=pronounce(key, split=split or dictionary_split) if thai else None,
        subterms=subterms,
        occurrences=None
        if article_tokens is None
        else count_occurrences(key, article_tokens, segmenter.terms if segmenter else ()),
        senses=tuple(senses(key)) if thai else (),
        loanword=loanword_source(key) if thai else None,
        frequency=frequency(key) if thai else None,
    )


#: A word no glossary holds (so its reading is computed, not taken from the precomputed table), of two
#: dictionary words: a warm-up walks every step a lookup takes.
WARM_UP_WORD = "ภาษาไทย"


def warm_up() -> None:
    """Load and build once what a process's first lookup would (the glossary's readings, the pronunciation
    rules and lexicon, the word list, the dictionary and the frequency list), so that the first lookup costs
    what any lookup costs. For a worker while the reader is idle; the work is kept process-wide."""
    from bilingual_reader.thai.corpora import thai_words
    from bilingual_reader.thai.dictionary import loanword_source, senses
    from bilingual_reader.thai.frequency import frequency
    from bilingual_reader.thai.pronunciation import dictionary_split, pronounce

    thai_words()  # is_thai_word builds the word set after its first questions: not inside a lookup
    pronounce(WARM_UP_WORD, split=dictionary_split)  # the glossary's readings table, then thaiphon
    senses(WARM_UP_WORD)
    loanword_source(WARM_UP_WORD)
    frequency(WARM_UP_WORD)


def result_to_dict(result: LookupResult) -> dict[str, Any]:
    """A JSON-ready view of a lookup result (the shape of ``lookup --json``; concepts as in JSON exports)."""
    from bilingual_reader.glossary.formats.jsonfmt import concept_to_dict

    pron = result.pronunciation
    return {
        "text": result.text,
        "in_glossary": result.in_glossary,
        "concepts": [concept_to_dict(c) for c in result.concepts],
        "pronunciation": None
        if pron is None
        else {"rtgs": pron.rtgs, "tones": pron.tones, "ipa": pron.ipa, "from_lexicon": pron.from_lexicon},
        "subterms": [
            {"text": term, "concepts": [concept_to_dict(c) for c in concepts]}
            for term, concepts in result.subterms
        ],
        "occurrences": result.occurrences,
        "senses": [{"pos": s.pos, "synset": s.synset, "lemmas": list(s.lemmas)} for s in result.senses],
        "loanword": result.loanword,
        "frequency": None
        if result.frequency is None
        else {"rank": result.frequency.rank, "count": result.frequency.count, "band": result.frequency.band},
    }
