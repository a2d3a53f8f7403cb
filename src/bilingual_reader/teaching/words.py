"""The words of an article as a teacher sees them: its tokens, each distinct Thai word looked up once, how
often and where it first occurs, and the glossary terms numbered in order of first occurrence."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bilingual_reader.lookup import LookupResult, lookup
from bilingual_reader.thai.segmenter import Segmenter, Token
from bilingual_reader.thai.text import normalize_key

if TYPE_CHECKING:
    from bilingual_reader.glossary.models import Concept
    from bilingual_reader.glossary.store import Glossary

__all__ = ["ArticleWords", "Word", "article_words", "english_of", "short_gloss"]

_GRAMMAR_RANK = 100


@dataclass(frozen=True)
class Word:
    """A distinct Thai word (or glossary term) of an article: what the lookup knows, its count, and the
    order of its first occurrence (0 for the article's first word)."""

    key: str
    found: LookupResult
    count: int
    first: int

    @property
    def is_term(self) -> bool:
        """True when the glossary has an entry for the word."""
        return self.found.in_glossary


@dataclass(frozen=True)
class ArticleWords:
    """Every paragraph's tokens, the distinct Thai words by key, and the glossary terms' footnote numbers."""

    tokens: tuple[tuple[Token, ...], ...]
    words: dict[str, Word]
    term_numbers: dict[str, int]

    def word(self, token: Token) -> Word | None:
        """The word a token is (None for spaces, punctuation, Latin and digits)."""
        return self.words.get(normalize_key(token.text)) if token.is_word else None

    def term_number(self, token: Token) -> int | None:
        """The footnote number of a glossary term token, else None."""
        return self.term_numbers.get(normalize_key(token.text)) if token.is_term else None


def article_words(
    paragraphs: Sequence[str], glossary: Glossary, segmenter: Segmenter | None = None
) -> ArticleWords:
    """Segment ``paragraphs`` (keeping glossary terms whole) and look each distinct Thai word up once."""
    segmenter = segmenter or Segmenter(glossary.thai_terms())
    tokens = tuple(tuple(segmenter.tokenize(p)) for p in paragraphs)
    counts: dict[str, int] = {}
    firsts: dict[str, int] = {}
    order = 0
    for paragraph in tokens:
        for token in paragraph:
            if not token.is_word:
                continue
            key = normalize_key(token.text)
            counts[key] = counts.get(key, 0) + 1
            firsts.setdefault(key, order)
            order += 1
    words = {key: Word(key, lookup(key, glossary=glossary), counts[key], firsts[key]) for key in counts}
    numbers: dict[str, int] = {}
    for key in sorted(counts, key=firsts.__getitem__):
        if words[key].is_term:
            numbers[key] = len(numbers) + 1
    return ArticleWords(tokens, words, numbers)


def english_of(concept: Concept) -> str:
    """A concept's approved English terms, preferred first, joined by commas."""
    return ", ".join(t.text for t in concept.english if t.status.approved)


def short_gloss(word: Word) -> str:
    """A few words of English for an interlinear line: the glossary's preferred English, else the most
    common dictionary sense's first lemma, else the loanword's source; empty when nothing is known.

    The hundred most frequent words (ใน, ที่, จะ, …) get no dictionary gloss: they are grammar, and their
    WordNet senses mislead (ที่ "topographic point")."""
    for concept in word.found.concepts:
        approved = [t.text for t in concept.english if t.status.approved]
        if approved:
            return approved[0]
    if word.found.frequency is not None and word.found.frequency.rank <= _GRAMMAR_RANK:
        return ""
    for sense in word.found.senses:
        if sense.lemmas:
            return sense.lemmas[0].replace("_", " ")
    return word.found.loanword or ""
