"""Finding glossary terms in text: Thai by substring with longest match winning, English by whole words."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from bilingual_reader.qa.inflection import inflected, part_of_speech
from bilingual_reader.qa.spelling import joined, plural_forms, words
from bilingual_reader.thai.text import INVISIBLE_CHARS, normalize_key

_LATIN_WORD = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


@dataclass(frozen=True, slots=True)
class Hit:
    """A term found in a text: its character span and the key (and its payload) it matched."""

    start: int
    end: int
    key: str


def resolve_overlaps(hits: Iterable[Hit]) -> list[Hit]:
    """Keep the longest hits; a hit overlapping a longer (or earlier equally long) kept one is dropped.

    Hits with exactly the same span are all kept (one text, several keys). Result in text order.
    Kept spans never overlap one another, so whether a hit overlaps one is whether any character of its
    span is already covered. Linear: hits are bucketed by length (a term is short), the sorts only put
    nearly sorted lists in order (the matchers give hits in text order), and each hit costs its length
    once. (Comparing every hit with every kept hit made a 2 MB paragraph take minutes.)
    """
    ordered = sorted(hits, key=_start)
    if not ordered:
        return []
    by_length: dict[int, list[int]] = {}
    for index, hit in enumerate(ordered):
        by_length.setdefault(hit.end - hit.start, []).append(index)
    covered = bytearray(max(h.end for h in ordered) + 1)
    spans: set[tuple[int, int]] = set()
    keep = bytearray(len(ordered))
    for length in sorted(by_length, reverse=True):
        for index in by_length[length]:
            hit = ordered[index]
            span = (hit.start, hit.end)
            if span not in spans:
                if covered.find(1, hit.start, hit.end) >= 0:
                    continue
                covered[hit.start : hit.end] = b"\x01" * length
                spans.add(span)
            keep[index] = 1
    kept = [hit for index, hit in enumerate(ordered) if keep[index]]
    kept.sort(key=_span_and_key)
    return kept


def _start(hit: Hit) -> int:
    return hit.start


def _span_and_key(hit: Hit) -> tuple[int, int, str]:
    return (hit.start, hit.end, hit.key)


# Anything that makes the view differ from the text: invisible characters, whitespace other than one space.
_NOT_PLAIN = re.compile(f"[{INVISIBLE_CHARS}]|\\s\\s|[^\\S ]")


def _view(text: str) -> tuple[str, list[int] | None]:
    """``text`` casefolded with invisible characters dropped and whitespace runs as one space.

    Returns the view and, for each view character, its index in ``text`` (plus one final entry for the end);
    None instead of the index list when the view lines up with ``text`` character for character.
    """
    folded = text.casefold()
    if len(folded) == len(text) and not _NOT_PLAIN.search(text):
        return folded, None
    chars: list[str] = []
    where: list[int] = []
    for index, ch in enumerate(text):
        if ch in INVISIBLE_CHARS:
            continue
        if ch.isspace():
            if chars and chars[-1] == " ":
                continue
            ch = " "
        for one in ch.casefold():
            chars.append(one)
            where.append(index)
    where.append(len(text))
    return "".join(chars), where


class _Node:
    """A trie node: children by character, and the key that ends here, if any."""

    __slots__ = ("children", "key")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.key: str | None = None


class ThaiMatcher:
    """Finds glossary terms in Thai text: every substring match, then the longest wins over overlaps.

    Terms are keyed by ``normalize_key``; a term that starts or ends with a Latin letter or digit must not be
    glued to another one there (``F-16`` does not fire inside ``F-160``).
    """

    def __init__(self, terms: Iterable[str]) -> None:
        """Build the trie over the normalized keys of ``terms``."""
        self._root = _Node()
        self.keys: frozenset[str] = frozenset(k for k in (normalize_key(t) for t in terms) if k)
        for key in self.keys:
            node = self._root
            for ch in key:
                node = node.children.setdefault(ch, _Node())
            node.key = key

    def find(self, text: str) -> list[Hit]:
        """Non-overlapping term hits in ``text`` (spans index ``text`` itself), in order."""
        view, where = _view(text)
        size = len(view)
        roots = self._root.children
        found: list[tuple[int, int, str]] = []
        for i, ch in enumerate(view):
            node = roots.get(ch)
            j = i + 1
            while node is not None:
                if node.key is not None and self._bounded(view, i, j):
                    found.append((i, j, node.key))
                if j >= size:
                    break
                node = node.children.get(view[j])
                j += 1
        if where is None:
            return resolve_overlaps(Hit(i, j, key) for i, j, key in found)
        return resolve_overlaps(Hit(where[i], where[j - 1] + 1, key) for i, j, key in found)

    @staticmethod
    def _bounded(view: str, start: int, end: int) -> bool:
        """No Latin letter or digit glued to a Latin edge of the match."""
        if view[start] in _LATIN_WORD and start > 0 and view[start - 1] in _LATIN_WORD:
            return False
        return not (view[end - 1] in _LATIN_WORD and end < len(view) and view[end] in _LATIN_WORD)


class EnglishMatcher:
    """Finds English terms as whole words: any case, hyphen or space or nothing between words, British or
    American spelling, a plural on a noun's last word, and the inflections of the term's part of speech
    (see ``qa.inflection``: fire → fired, howitzer → howitzers, shoot down → shot down).

    A term is its text (a noun) or a (text, part of speech) pair. ``inflect=False`` matches as before
    dictionary inflection (suffix plurals on every term, for the benchmark).
    """

    def __init__(self, terms: Iterable[str | tuple[str, str]], inflect: bool = True) -> None:
        """Index ``terms`` by their match keys (see ``spelling.term_key``)."""
        self._forms: dict[str, set[str]] = {}
        self._longest = 0
        for term in terms:
            text, pos = (term, "noun") if isinstance(term, str) else term
            parts = [w.key for w in words(text)]
            key = "".join(parts)
            if not key:
                continue
            noun = part_of_speech(pos) == "noun"
            variants = [*plural_forms(key)] if noun or not inflect else []
            if inflect:
                variants.extend("".join(form) for form in inflected(parts, pos))
            for form in (key, *variants):
                self._forms.setdefault(form, set()).add(key)
                self._longest = max(self._longest, len(form))

    def find(self, text: str, wanted: Sequence[str] | None = None) -> list[Hit]:
        """Every hit in ``text`` (overlaps included), keyed by term key; only ``wanted`` keys if given."""
        allowed = None if wanted is None else set(wanted)
        found = words(text)
        # Whether each word may continue the term of the word before it: once per gap, not once per run.
        links = [False, *(joined(text, left, right) for left, right in pairwise(found))]
        hits: list[Hit] = []
        for i, first in enumerate(found):
            run = ""
            for j in range(i, len(found)):  # not found[i:]: copying the rest for every word is quadratic
                word = found[j]
                if j > i and not links[j]:
                    break
                run += word.key
                if len(run) > self._longest:
                    break
                for key in self._forms.get(run, ()):
                    if allowed is None or key in allowed:
                        hits.append(Hit(first.start, word.end, key))
        return hits
