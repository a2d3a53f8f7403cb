"""Repairs of newmm's choices where its dictionary alone cannot decide, with two of pythainlp's offline lists.

- ``better_pairs``: newmm picks the path with the fewest words, and on a tie any of them (เจ้าหน้า|ที่มา for
  เจ้าหน้าที่|มา, โจม|ตีเมือง for โจมตี|เมือง). When one of two neighbouring pieces is a rare word and the same
  letters split elsewhere into two common words, the common words win. Common: at least ``COMMON``
  occurrences in the Thai National Corpus frequency list (``tnc_freq.txt``, 11k such words).
- ``titled_run`` and ``titled_pairs``: a transliterated name made only of dictionary syllables (โย|โก|ตะ),
  or of an unknown piece and its neighbour (เคอร์|ซอน), is joined when the joined letters are a title of
  the Thai Wikipedia (``wikipedia_titles_th.txt``, read where pythainlp installed it: its 290k lines as a
  trie built once into the user's cache folder, ``thai.word_index``, and then mapped) and no dictionary word.
"""

from __future__ import annotations

import functools
import itertools
import operator
import re
from collections.abc import Callable, Container
from pathlib import Path

from bilingual_reader.thai.corpora import corpus_file, tcc_pos, thai_word_index
from bilingual_reader.thai.word_index import cached_trie

__all__ = ["TITLED_RUN", "better_pairs", "titled_pairs", "titled_run"]

COMMON = 100
#: A run of this many one-cluster dictionary syllables, or more, is looked up among the Wikipedia titles.
TITLED_RUN = 3
_THAI = re.compile("[\u0e01-\u0e4e]+")


@functools.cache
def _common() -> Container[str]:
    """The TNC words with at least COMMON occurrences, as a trie mapped from the user's cache folder."""
    file = corpus_file("tnc_freq.txt")
    common: Container[str] = cached_trie(f"common-{COMMON}", [file], lambda: _read_common(file))
    return common


def _read_common(file: Path) -> frozenset[str]:
    """The TNC words with at least COMMON occurrences (the list is sorted by count, most frequent first)."""
    found: set[str] = set()
    with file.open(encoding="utf-8-sig") as handle:
        for line in handle:
            word, _, count = line.rstrip("\n").partition("\t")
            if not count.strip().isdigit() or int(count) < COMMON:
                break
            found.add(word)
    return frozenset(found)


def better_pairs(pieces: list[str], keep: Callable[[str], bool]) -> list[str]:
    """``pieces`` with each pair of neighbouring Thai pieces, one of them rare, split again into two common
    dictionary words where the letters allow it. ``keep(piece)``: pieces never split (glossary terms)."""
    rare_flags = list(map(_is_rare_thai, pieces))
    touching = list(map(operator.or_, rare_flags, itertools.islice(rare_flags, 1, None)))  # i or i + 1 rare
    after = itertools.islice(pieces, 1, None)
    if not any(map(_resplit, itertools.compress(pieces, touching), itertools.compress(after, touching))):
        return pieces  # no pair with a rare piece splits better: the common case, decided without a loop
    rare = list(itertools.compress(range(len(pieces)), rare_flags))
    out = list(pieces)
    for i in sorted({j for r in rare for j in (r - 1, r) if 0 <= j < len(out) - 1}):
        a, b = out[i], out[i + 1]
        better = _resplit(a, b)
        if better is not None and not keep(a) and not keep(b):
            out[i], out[i + 1] = better
    return out


@functools.lru_cache(maxsize=1 << 16)
def _is_rare_thai(piece: str) -> bool:
    """A Thai piece that is no common word."""
    return piece not in _common() and bool(_THAI.fullmatch(piece))


@functools.lru_cache(maxsize=1 << 14)
def _resplit(a: str, b: str) -> tuple[str, str] | None:
    """Another split of ``a + b`` into two common dictionary words, the most common first, or None."""
    if not (_THAI.fullmatch(a) and _THAI.fullmatch(b)):
        return None
    common, words, joined = _common(), thai_word_index(), a + b
    splits = [
        (joined[:k], joined[k:])
        for k in sorted(tcc_pos(joined))
        if 0 < k < len(joined)
        and k != len(a)
        and joined[:k] in common
        and joined[k:] in common
        and joined[:k] in words
        and joined[k:] in words
    ]
    return max(splits, key=lambda s: min(len(s[0]), len(s[1])), default=None)


@functools.cache
def _titles() -> Container[str]:
    """The Thai Wikipedia titles, as a trie mapped from the user's cache folder (building it takes ~0.6 s,
    once; a search of the 12 MB file itself took ~6 ms)."""
    file = corpus_file("wikipedia_titles_th.txt")
    titles: Container[str] = cached_trie("wikipedia-titles", [file], lambda: _read_titles(file))
    return titles


def _read_titles(file: Path) -> list[str]:
    """The lines of the titles file but its comments (its first lines, ``#``) and empty ones."""
    text = file.read_text(encoding="utf-8")
    return [line for line in text.split("\n") if line and not line.startswith("#")]


def is_title(text: str) -> bool:
    """Whether ``text`` is a line of the Thai Wikipedia titles."""
    try:
        return text in _titles()
    except OSError:  # the file is missing in this pythainlp: no titles
        return False


def titled_pairs(pieces: list[str], unknown: Callable[[str], bool], keep: Callable[[str], bool]) -> list[str]:
    """``pieces`` with each ``unknown`` piece (not ``keep``) joined to the Thai piece before or after it
    (tried in that order) when the two are a Wikipedia title and no dictionary word."""
    found = list(itertools.compress(range(len(pieces)), map(unknown, pieces)))
    if not found:
        return pieces
    out = list(pieces)
    for i in reversed(found):  # from the end, so that a join leaves the places before it as they were
        if i >= len(out) or keep(out[i]):
            continue
        for lo in (i - 1, i):
            if 0 <= lo < len(out) - 1 and _is_titled_pair(out[lo], out[lo + 1]):
                out[lo : lo + 2] = [out[lo] + out[lo + 1]]
                break
    return out


def _is_titled_pair(a: str, b: str) -> bool:
    joined = a + b
    return bool(_THAI.fullmatch(joined)) and joined not in thai_word_index() and is_title(joined)


@functools.lru_cache(maxsize=1 << 12)
def titled_run(run: tuple[str, ...]) -> list[str]:
    """A run of TITLED_RUN or more dictionary syllables with its longest stretch that is a Wikipedia title
    and no dictionary word (all, or all but one piece at an end) joined."""
    for lo, hi in ((0, len(run)), (1, len(run)), (0, len(run) - 1)):
        if hi - lo >= TITLED_RUN:
            text = "".join(run[lo:hi])
            if text not in thai_word_index() and is_title(text):
                return [*run[:lo], text, *run[hi:]]
    return list(run)
