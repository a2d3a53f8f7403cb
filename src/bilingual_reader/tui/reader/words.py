"""What the word cursor moves over: token-like spans, a plain split before segmentation, word steps."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Protocol

_CHUNKS = re.compile(r"\s+|\S+")
#: Where a syllable surely starts inside a Thai run: before a leading vowel (เ แ โ ใ ไ), or after sara a
#: (ะ) or sara am (ำ) when a consonant or a leading vowel follows. No dictionary needed.
_SYLLABLE_START = re.compile(
    "(?<=[\u0e01-\u0e4e])(?=[\u0e40-\u0e44])|(?<=[\u0e30\u0e33])(?=[\u0e01-\u0e2e\u0e40-\u0e44])"
)


class TokenLike(Protocol):
    """What the reader needs of a token (``segmenter.Token`` fits)."""

    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def is_word(self) -> bool: ...
    @property
    def is_term(self) -> bool: ...


@dataclass(frozen=True)
class Chunk:
    """A whitespace-separated run: the stand-in for tokens until the segmenter is ready."""

    text: str
    start: int
    end: int
    is_word: bool
    is_term: bool = False


def plain_chunks(text: str, *, syllables: bool = False) -> list[Chunk]:
    """Split ``text`` into whitespace runs and non-whitespace runs (cheap; no dictionary). With
    ``syllables``, Thai runs are also cut where a syllable surely starts, so that lines wrap there, not
    inside a syllable (ปร|ะเทศ), until the segmenter's words arrive."""
    chunks = []
    for m in _CHUNKS.finditer(text):
        run, start = m.group(), m.start()
        if run.isspace():
            chunks.append(Chunk(run, start, m.end(), is_word=False))
            continue
        cuts = (
            [0, *(c.start() for c in _SYLLABLE_START.finditer(run)), len(run)] if syllables else [0, len(run)]
        )
        chunks.extend(Chunk(run[a:b], start + a, start + b, is_word=True) for a, b in pairwise(cuts))
    return chunks


def is_navigable(token: TokenLike) -> bool:
    """True for tokens the cursor stops on: words, names, numbers; not whitespace or punctuation."""
    return token.is_word or any(ch.isalnum() for ch in token.text)


def step_word(tokens: Sequence[TokenLike], index: int | None, step: int) -> int | None:
    """The next navigable token after ``index`` in direction ``step`` (+1/-1), or None at the edge.

    With ``index`` None, the first (``step`` > 0) or last (``step`` < 0) navigable token.
    """
    if index is None:
        index = -1 if step > 0 else len(tokens)
    position = index + step
    while 0 <= position < len(tokens):
        if is_navigable(tokens[position]):
            return position
        position += step
    return None


def token_containing(tokens: Sequence[TokenLike], offset: int) -> int | None:
    """The navigable token covering character ``offset`` (or the nearest navigable one after it)."""
    for index, token in enumerate(tokens):
        if token.end > offset and is_navigable(token):
            return index
    return step_word(tokens, None, -1)


def next_word(
    paragraphs: Sequence[Sequence[TokenLike]], paragraph: int, token: int | None, step: int
) -> tuple[int, int] | None:
    """(paragraph, token) of the next (+1) or previous (-1) word, across paragraphs; None at the end."""
    found = step_word(paragraphs[paragraph], token, step)
    if found is not None:
        return paragraph, found
    paragraph += step
    while 0 <= paragraph < len(paragraphs):
        found = step_word(paragraphs[paragraph], None, step)
        if found is not None:
            return paragraph, found
        paragraph += step
    return None


def next_paragraph(
    paragraphs: Sequence[Sequence[TokenLike]], paragraph: int, step: int
) -> tuple[int, int] | None:
    """(paragraph, first word) of the next (+1) or previous (-1) paragraph that has words; None at the end."""
    paragraph += step
    while 0 <= paragraph < len(paragraphs):
        found = step_word(paragraphs[paragraph], None, 1)
        if found is not None:
            return paragraph, found
        paragraph += step
    return None
