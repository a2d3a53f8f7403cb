"""Glossary terms kept whole: the spans of terms that newmm cut (กองทัพ|เรือส่ง, เครื่อง|บิ|นก|ริพเพน), and
the re-segmentation of a text around given spans.

newmm keeps a dictionary word whole only when its path through the text wins; next to an unknown word it may
glue a term's last syllable to what follows. A glossary term is the unit a translator and a learner look
for, so a term occurring on a token boundary (starting or ending on one) is made a token of its own.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable

from bilingual_reader.thai.corpora import tcc_pos

__all__ = ["TermSpans", "respan"]

_CACHE_LIMIT = 200_000
_SPILL: tuple[tuple[int, int], ...] = ((-1, -1),)  # a term may run on past the pieces looked at


class TermSpans:
    """Finds the glossary terms a segmentation cuts. Built by the segmenter's first tokenize (off the UI
    thread)."""

    def __init__(self, terms: Iterable[str]) -> None:
        self.terms = frozenset(terms)
        self._max = max(map(len, self.terms), default=0)
        self.prefixes = frozenset(t[:i] for t in self.terms for i in range(1, len(t) + 1))
        self._next_letters: dict[str, set[str]] = {}  # a term's proper prefix -> the letters after it
        for term in self.terms:
            for i in range(1, len(term)):
                self._next_letters.setdefault(term[:i], set()).add(term[i])
        self._starts: dict[str, dict[str, tuple[int, ...]]] = {}  # piece -> TermSpans._term_starts(piece)
        self._pairs: dict[tuple[str, str], tuple[tuple[int, int], ...] | None] = {}  # two pieces -> hits

    def cut(self, text: str, pieces: list[str], keep: Callable[[str], bool]) -> list[tuple[int, int]]:
        """Non-overlapping spans ``(start, end)`` of the terms that cross a boundary of ``pieces``, leftmost
        first, longest first at a start. A span never cuts a piece that ``keep`` (a glossary term itself),
        nor a character cluster."""
        if not self.terms:
            return []
        starts_of, pairs = self._starts, self._pairs
        if len(starts_of) > _CACHE_LIMIT or len(pairs) > _CACHE_LIMIT:
            starts_of.clear()
            pairs.clear()
        # Every pair of neighbouring pieces looked up at once (most are cached and cross no term): only the
        # new pairs and the crossing ones take a step of Python.
        row = list(map(pairs.get, itertools.pairwise(pieces)))
        for i in itertools.compress(range(len(row)), map(_is_none, row)):
            row[i] = pairs[pieces[i], pieces[i + 1]] = self._pair(pieces[i], pieces[i + 1])
        if not any(row):
            return []
        found: set[tuple[int, int]] = set()
        bounds = list(itertools.accumulate(map(len, pieces), initial=0))
        for i in itertools.compress(range(len(row)), row):
            hits, base, piece = row[i], bounds[i], pieces[i]
            if hits is _SPILL:  # a term may run on past the next piece: walk the text
                starts = starts_of.get(piece) or self._starts_of(piece)
                hits = self._crossing(text[base : base + len(piece) + self._max], len(piece), starts)
            found.update((base + start, base + stop) for start, stop in hits or ())
        if not found:
            return []
        return _chosen(text, sorted(found, key=lambda s: (s[0], -s[1])), bounds, pieces, keep)

    def _starts_of(self, piece: str) -> dict[str, tuple[int, ...]]:
        """``_term_starts(piece)``, remembered."""
        starts = self._starts[piece] = self._term_starts(piece)
        return starts

    def _pair(self, piece: str, after: str) -> tuple[tuple[int, int], ...] | None:
        """The terms starting in ``piece`` and crossing into ``after`` (offsets in ``piece + after``),
        ``_SPILL`` when one may run on past ``after``; ``()`` when ``piece`` starts no term."""
        starts = self._starts.get(piece)
        if starts is None:
            starts = self._starts_of(piece)
        if not starts:
            return ()
        return self._crossing(piece + after, len(piece), starts, whole=False)

    def _crossing(
        self, text: str, end: int, starts: dict[str, tuple[int, ...]], whole: bool = True
    ) -> tuple[tuple[int, int], ...] | None:
        """The terms of ``text`` starting at ``starts`` before ``end`` and ending after it; ``_SPILL``
        (unless ``whole``) when one may run on past the end of ``text``."""
        prefixes, terms = self.prefixes, self.terms
        hits = []
        for offset in starts.get(text[end : end + 1], ()):
            stop = offset + self._max
            for k in range(end + 1, min(len(text), stop) + 1):
                if text[offset:k] not in prefixes:
                    break
                if text[offset:k] in terms:
                    hits.append((offset, k))
            else:
                if not whole and len(text) < stop:
                    return _SPILL
        return tuple(hits)

    def _term_starts(self, piece: str) -> dict[str, tuple[int, ...]]:
        """For each letter that may follow ``piece``: the offsets of its clusters where a term could start
        and run on through that letter (``{}`` for most pieces)."""
        starts: dict[str, list[int]] = {}
        for offset in _cluster_starts(piece):
            rest = piece[offset:]
            if rest in self.prefixes:
                for letter in self._next_letters.get(rest, ()):
                    starts.setdefault(letter, []).append(offset)
        return {letter: tuple(offsets) for letter, offsets in starts.items()}


def _is_none(value: object) -> bool:
    return value is None


def _cluster_starts(piece: str) -> list[int]:
    """Where the character clusters of ``piece`` start."""
    return sorted({0} | tcc_pos(piece) - {len(piece)})


def _chosen(
    text: str, spans: list[tuple[int, int]], bounds: list[int], pieces: list[str], keep: Callable[[str], bool]
) -> list[tuple[int, int]]:
    """The spans to force: on cluster boundaries, not cutting a kept piece, not overlapping a chosen one."""
    clusters = tcc_pos(text) | {0}
    kept = [(bounds[i], bounds[i + 1]) for i, piece in enumerate(pieces) if keep(piece)]
    chosen: list[tuple[int, int]] = []
    for start, end in spans:
        if start not in clusters or end not in clusters:
            continue
        if any(s < end and start < e and not (start <= s and e <= end) for s, e in kept):
            continue
        if chosen and start < chosen[-1][1]:
            continue
        chosen.append((start, end))
    return chosen


def respan(
    text: str, pieces: list[str], spans: list[tuple[int, int]], segment: Callable[[str], list[str]]
) -> list[str]:
    """``pieces`` with each span made one piece. The pieces between spans are kept; where a span ends or
    starts inside a piece, what is left of it is segmented again together with its neighbouring piece."""
    bounds = list(itertools.accumulate(map(len, pieces), initial=0))
    out: list[str] = []
    pos = 0
    for start, end in spans:
        out.extend(_between(text, pos, start, bounds, segment))
        out.append(text[start:end])
        pos = end
    out.extend(_between(text, pos, len(text), bounds, segment))
    return out


def _between(text: str, a: int, b: int, bounds: list[int], segment: Callable[[str], list[str]]) -> list[str]:
    """The pieces of ``text[a:b]``: the original ones where whole, the rest segmented again."""
    if a >= b:
        return []
    inner = [x for x in bounds if a <= x <= b]
    lo = inner[0] if inner and inner[0] == a else (inner[1] if len(inner) > 1 else None)
    hi = inner[-1] if inner and inner[-1] == b else (inner[-2] if len(inner) > 1 else None)
    if lo is None or hi is None or lo >= hi:
        return segment(text[a:b])
    middle = [text[x:y] for x, y in itertools.pairwise(x for x in inner if lo <= x <= hi)]
    return [*(segment(text[a:lo]) if a < lo else ()), *middle, *(segment(text[hi:b]) if hi < b else ())]
