"""Transliterated names and loanwords that newmm cuts into syllables (คอบ|ร้า|โกลด์, อิ|รุ|มะ).

newmm only knows the words of its dictionary; a word missing from it comes out as the dictionary syllables
it happens to contain. Three remedies, each measured on the labelled set (benchmarks/bench_segmentation.py):

- ``extra_words``: names, places and loanwords of defence news missing from pythainlp's word list
  (``data/thai_extra_words.txt``, hand-written), added to the segmenter's dictionary like glossary terms;
- ``name_spans``: a person's name after a title (นาย, ประธานาธิบดี, รัฐมนตรีกลาโหม, ...) written, as Thai
  writes foreign names, as a given name, a space and a surname, each cut into syllables by newmm;
- ``join_fragments``: a run of syllable pieces of which at least one is no dictionary word (อิ|รุ|มะ), or
  that is a title of the Thai Wikipedia (โย|โก|ตะ, see ``thai.repairs``).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re
from collections.abc import Callable, Sequence
from pathlib import Path

from bilingual_reader.thai.corpora import corpus_file, tcc_clusters, thai_word_index
from bilingual_reader.thai.repairs import TITLED_RUN, titled_run

__all__ = ["extra_words", "is_unknown", "join_fragments", "name_spans"]

EXTRA_WORDS_FILE = Path(__file__).resolve().parent.parent / "data" / "thai_extra_words.txt"

#: Titles before a person's name, longest first so that รัฐมนตรีกลาโหม wins over รัฐมนตรี.
_TITLE_WORDS = """นาย นาง นางสาว ประธานาธิบดี นายกรัฐมนตรี รัฐมนตรี รัฐมนตรีกลาโหม รัฐมนตรีต่างประเทศ
นายพล พลเอก พลเรือเอก พลอากาศเอก เลขาธิการ ผู้บัญชาการ โฆษก เอกอัครราชทูต"""
TITLES = tuple(sorted(_TITLE_WORDS.split(), key=len, reverse=True))
_THAI_RUN = "[\u0e01-\u0e4e]{2,20}"
# Title, given name, one space, surname, then a space, the end, or anything not Thai.
_NAME = re.compile(f"(?:{'|'.join(TITLES)})({_THAI_RUN}) ({_THAI_RUN})(?=[^\u0e01-\u0e4e]|$)")
_THAI_PIECE = re.compile("[\u0e01-\u0e4e]+")


@functools.cache
def extra_words() -> frozenset[str]:
    """Our list of names and loanwords missing from pythainlp's words (comments and blanks skipped)."""
    lines = EXTRA_WORDS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(word for line in lines if (word := line.split("#", 1)[0].strip()))


@functools.cache
def _stopwords() -> frozenset[str]:
    """pythainlp's Thai stop words (function words such as ของ, ที่, และ: never part of a name)."""
    lines = corpus_file("stopwords_th.txt").read_text(encoding="utf-8-sig").splitlines()
    return frozenset(word for line in lines if (word := line.strip()) and not word.startswith("#"))


@functools.lru_cache(maxsize=1 << 14)
def _piece_kind(piece: str) -> tuple[bool, bool]:
    """``(syllable, unknown)``: a Thai piece of one character cluster (or two when it is no word) that is
    not a stop word; and whether it is no dictionary word at all."""
    if not _THAI_PIECE.fullmatch(piece) or piece in _stopwords():
        return False, False
    unknown = piece not in thai_word_index() and piece not in extra_words()
    clusters = len(tcc_clusters(piece))
    return clusters == 1 or (clusters == 2 and unknown), unknown


@functools.lru_cache(maxsize=1 << 14)
def is_unknown(piece: str) -> bool:
    """A Thai piece that is no word of pythainlp's list nor of ours (and no stop word)."""
    return _piece_kind(piece)[1]


def _is_fragmented(pieces: Sequence[str]) -> bool:
    """A word written in syllables: one unknown piece, or several pieces with an unknown one or half of
    them syllables."""
    kinds = [_piece_kind(p) for p in pieces]
    if len(pieces) == 1:
        return kinds[0][1]
    syllables = sum(1 for syllable, _ in kinds if syllable)
    return any(unknown for _, unknown in kinds) or 2 * syllables >= len(pieces)


def name_spans(text: str, pieces: list[str], segment: Callable[[str], list[str]]) -> list[tuple[int, int]]:
    """The spans of the given name and surname after each title in ``text`` that starts on a boundary of
    newmm's ``pieces`` (not นาย inside เจ้านาย) or inside a piece that is no word (พบกับนายพีท, glued to an
    unknown name), when at least one of the two is cut into syllables by ``segment`` (a dictionary word
    after นาย and a space is no name: นายทหาร เรือ...)."""
    spans: list[tuple[int, int]] = []
    bounds: list[int] = []
    for match in _NAME.finditer(text):
        bounds = bounds or list(itertools.accumulate(map(len, pieces), initial=0))
        start, given = match.start(), match.span(1)
        inner = _last_title(match.group(1))  # รัฐมนตรีกลาโหม|พบกับนายพีท: the name follows the last title
        if inner is not None:
            start, given = given[0] + inner[0], (given[0] + inner[1], given[1])
        at = bisect.bisect_right(bounds, start) - 1
        if bounds[at] != start and not _piece_kind(pieces[at])[1]:
            continue
        parts = [given, match.span(2)]
        if any(_is_fragmented(segment(text[start:end])) for start, end in parts):
            spans.extend(parts)
    return spans


def _last_title(run: str) -> tuple[int, int] | None:
    """The span of the last title inside ``run`` that leaves a name of two letters or more after it."""
    found = [(at, at + len(t)) for t in TITLES if (at := run.rfind(t, 0, len(run) - 2)) >= 0]
    return max(found, default=None)


def join_fragments(pieces: list[str], keep: Callable[[str], bool]) -> list[str]:
    """Join each run of two or more syllable pieces holding at least one unknown one into one piece, and a
    run of dictionary syllables that is a Wikipedia title (``thai.repairs.titled_run``: โย|โก|ตะ).

    ``keep(piece)``: pieces never joined (glossary terms).
    """
    syllables = list(map(_is_syllable, pieces))
    if not any(map(operator.and_, syllables, itertools.islice(syllables, 1, None))):
        return pieces  # no two syllables side by side: nothing to join (the common case)
    out: list[str] = []
    run: list[str] = []

    def flush() -> None:
        if len(run) >= 2 and any(_piece_kind(p)[1] for p in run):
            out.append("".join(run))
        else:
            out.extend(titled_run(tuple(run)) if len(run) >= TITLED_RUN else run)
        run.clear()

    for piece, syllable in zip(pieces, syllables, strict=True):
        if syllable and not keep(piece):
            run.append(piece)
        else:
            if run:
                flush()
            out.append(piece)
    flush()
    return out


@functools.lru_cache(maxsize=1 << 14)
def _is_syllable(piece: str) -> bool:
    return _piece_kind(piece)[0]
