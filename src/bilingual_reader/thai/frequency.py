"""How common a Thai word is: its rank in the Thai National Corpus frequency list pythainlp ships.

The list (``tnc_freq.txt``, most frequent first, 106k words) is searched in place through ``mmap``: a
lookup costs about a millisecond and nothing is loaded into memory.
"""

from __future__ import annotations

import functools
import mmap
import threading
from dataclasses import dataclass

from bilingual_reader.thai.corpora import corpus_file
from bilingual_reader.thai.text import normalize_key

__all__ = ["BANDS", "Frequency", "frequency", "frequency_label"]

TNC_FILE = "tnc_freq.txt"
#: (highest rank, band name): the 1,000 most frequent words are "very common", and so on.
BANDS = ((1_000, "very common"), (5_000, "common"), (20_000, "less common"), (None, "rare"))
_LOCK = threading.Lock()


@dataclass(frozen=True)
class Frequency:
    """A word's place in the TNC list: rank (1 = most frequent), occurrences, and its band."""

    rank: int
    count: int
    band: str


@functools.cache
def _list() -> mmap.mmap:
    """The frequency list, mapped read-only, starting with a newline so every entry is ``\\nword\\t``."""
    with corpus_file(TNC_FILE).open("rb") as handle:
        return mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)


def band_of(rank: int) -> str:
    """The band of a rank in the list."""
    return next(name for limit, name in BANDS if limit is None or rank <= limit)


@functools.lru_cache(maxsize=8192)
def frequency(word: str) -> Frequency | None:
    """The word's rank and band in the TNC frequency list, or ``None`` when the list does not have it.

    Remembered for the last 8,192 words asked (a few hundred kB): a search costs up to a millisecond (a
    word not in the list reads it all), and a handout, a vocabulary list or the reader's popups ask for the
    same words again and again."""
    key = normalize_key(word)
    if not key or "\n" in key or "\t" in key:
        return None
    entry = key.encode("utf-8") + b"\t"
    with _LOCK:
        data = _list()
        at = 0 if data[: len(entry)] == entry else data.find(b"\n" + entry)
        if at < 0:
            return None
        start = at if at == 0 else at + 1
        end = data.find(b"\n", start)
        line = data[start : end if end >= 0 else len(data)]
        rank = 1 + (data[:start].count(b"\n") if start else 0)
    count = line.rpartition(b"\t")[2].strip()
    return Frequency(rank=rank, count=int(count) if count.isdigit() else 0, band=band_of(rank))


def frequency_label(found: Frequency) -> str:
    """How the popup and ``lookup`` say it: ``common (rank 1,237 in the Thai National Corpus)``."""
    return f"{found.band} (rank {found.rank:,} in the Thai National Corpus)"
