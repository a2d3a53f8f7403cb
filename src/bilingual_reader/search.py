"""Searching a text: Thai on normalized text at token boundaries (ปืน is not found inside ปืนใหญ่ unless a
substring search is asked for), English as whole words, case-insensitively. Generators, so that a worker can
stream matches from a long book paragraph by paragraph and stop when cancelled."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bilingual_reader.thai.occurrences import find_occurrences
from bilingual_reader.thai.text import normalize_key

if TYPE_CHECKING:
    from bilingual_reader.thai.segmenter import Token

#: A query starting with this finds substrings (ปืน inside ปืนใหญ่) instead of whole words.
SUBSTRING = "*"

_THAI = re.compile("[\u0e01-\u0e5b]")


@dataclass(frozen=True)
class Query:
    """What to look for: ``key`` (normalized), in the Thai or the English, whole words or substrings."""

    key: str
    english: bool
    substring: bool

    @classmethod
    def parse(cls, text: str) -> Query:
        """A query as typed: ``*`` first asks for substrings; a query without Thai searches the English."""
        substring = text.startswith(SUBSTRING)
        key = normalize_key(text.removeprefix(SUBSTRING))
        return cls(key, english=bool(key) and not _THAI.search(key), substring=substring)


def search_thai(
    paragraphs: Sequence[str],
    query: Query,
    tokenize: Callable[[str], Sequence[Token]],
    cancelled: Callable[[], bool] = lambda: False,
) -> Iterator[tuple[int, list[tuple[int, int]]]]:
    """(paragraph, [(start, end)…]) for every paragraph with a match, in order (tokenizing only those that
    contain the key at all); stops when ``cancelled``."""
    key = query.key
    if not key:
        return
    for index, paragraph in enumerate(paragraphs):
        if cancelled():
            return
        folded = paragraph.casefold()
        if key not in folded:
            continue
        if query.substring and len(folded) == len(paragraph):
            spans = [(m.start(), m.start() + len(key)) for m in re.finditer(re.escape(key), folded)]
        else:
            found = find_occurrences([key], [paragraph], [list(tokenize(paragraph))], context=0, terms=())
            spans = [(o.start, o.end) for o in found]
        if spans:
            yield index, spans


def search_english(
    english: Mapping[int, str], query: Query, cancelled: Callable[[], bool] = lambda: False
) -> Iterator[tuple[int, list[tuple[int, int]]]]:
    """(paragraph, [(start, end)…]) of the whole-word (or substring) matches in each paragraph's English."""
    if not query.key:
        return
    body = re.escape(query.key)
    pattern = re.compile(body if query.substring else rf"(?<!\w){body}(?!\w)", re.IGNORECASE)
    for index in sorted(english):
        if cancelled():
            return
        spans = [(m.start(), m.end()) for m in pattern.finditer(english[index])]
        if spans:
            yield index, spans
