"""The offline general dictionary: Thai WordNet senses with English WordNet 3.0 lemmas; loanword sources.

Senses and loanword sources are read by key from ``data/dictionary.sqlite`` (built by
``scripts/build_wordnet_lemmas.py``): a lookup reads a few rows, nothing is loaded whole.
"""

from __future__ import annotations

import functools
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path

from bilingual_reader.thai.text import normalize_key

__all__ = ["Sense", "loanword_source", "senses"]

#: Synset id suffix → part of speech (``s`` is WordNet's adjective satellite).
POS_NAMES = {"n": "noun", "v": "verb", "a": "adj", "s": "adj", "r": "adv"}
_POS_ORDER = {"n": 0, "v": 1, "a": 2, "s": 2, "r": 3}
DICTIONARY_FILE = Path(__file__).resolve().parent.parent / "data" / "dictionary.sqlite"
_LOCK = threading.Lock()


@dataclass(frozen=True)
class Sense:
    """One meaning of a Thai word: part of speech, WordNet 3.0 synset id (``04389033-n``), English lemmas."""

    pos: str
    synset: str
    lemmas: tuple[str, ...]


@dataclass(frozen=True)
class _Row:
    synset: str
    rank: int
    count: int  # SemCor tag count: how often the sense was seen
    lemmas: tuple[str, ...]
    pertains: str | None
    order: int  # position among the Thai word's synsets


@functools.cache
def _connection() -> sqlite3.Connection:
    """The shipped file, read-only and immutable (no journal, no lock files); shared under ``_LOCK``."""
    uri = f"{DICTIONARY_FILE.as_uri()}?mode=ro&immutable=1"
    return sqlite3.connect(uri, uri=True, check_same_thread=False)


def _rows(key: str) -> list[_Row]:
    """The English rows of the Thai key's synsets, plus the nouns its relational adjectives pertain to."""
    with _LOCK:
        conn = _connection()
        found = conn.execute("SELECT synsets FROM thai WHERE key = ?", (key,)).fetchone()
        if found is None:
            return []
        synsets: list[str] = found[0].split()
        sql = "SELECT synset, rank, count, lemmas, pertains FROM english WHERE synset = ?"
        rows: list[_Row] = []
        for order, synset in enumerate(synsets):
            for row in conn.execute(sql, (synset,)):
                rows.append(_Row(row[0], row[1], row[2], tuple(row[3].split("|")), row[4], order))
        for adjective in list(rows):
            noun = adjective.pertains
            if noun is not None and noun not in synsets and all(r.synset != noun for r in rows):
                for row in conn.execute(sql, (noun,)):
                    rows.append(_Row(row[0], row[1], row[2], tuple(row[3].split("|")), None, adjective.order))
    return rows


def senses(word: str) -> list[Sense]:
    """The WordNet senses of a Thai word, most common first, cleaned up for a reader.

    Senses are ordered by how often they were seen (SemCor tag counts), then WordNet sense rank, part of
    speech and the Thai WordNet's order. Senses never seen are dropped when some sense was seen (ปืน:
    "gun", not "Browning automatic rifle"); an English lemma already shown is not repeated, and a sense left
    without lemmas is dropped. A relational adjective also brings the noun it pertains to (ยูเครน: the noun
    "Ukraine" besides the adjective "Ukrainian"). The query is normalized like every lookup key; an unknown
    word gives ``[]``.
    """
    key = normalize_key(word)
    rows = _rows(key) if key else []
    if any(row.count for row in rows):
        rows = [row for row in rows if row.count]
    rows.sort(key=lambda r: (-r.count, r.rank, _POS_ORDER.get(r.synset[-1:], 9), r.order, r.synset))
    shown: set[str] = set()
    result: list[Sense] = []
    for row in rows:
        lemmas = tuple(lemma for lemma in row.lemmas if lemma.casefold() not in shown)
        shown.update(lemma.casefold() for lemma in lemmas)
        if lemmas:
            pos = row.synset.rpartition("-")[2]
            result.append(Sense(pos=POS_NAMES.get(pos, pos), synset=row.synset, lemmas=lemmas))
    return result


def loanword_source(word: str) -> str | None:
    """The English word a Thai loanword comes from (``คอมพิวเตอร์`` → ``computer``), or ``None``.

    When the table gives several, they are joined with `` / `` (``กะรัต`` → ``carat / karat``).
    """
    key = normalize_key(word)
    if not key:
        return None
    with _LOCK:
        found = _connection().execute("SELECT source FROM loanwords WHERE key = ?", (key,)).fetchone()
    return None if found is None else str(found[0])
