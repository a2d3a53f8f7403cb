"""The offline general dictionary: Thai WordNet senses with English WordNet 3.0 lemmas; loanword sources."""

from __future__ import annotations

import functools
import gzip
import sqlite3
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from bilingual_reader.thai.text import normalize_key

__all__ = ["Sense", "loanword_source", "senses"]

#: Synset id suffix → part of speech (``s`` is WordNet's adjective satellite).
POS_NAMES = {"n": "noun", "v": "verb", "a": "adj", "s": "adj", "r": "adv"}
_POS_ORDER = {"n": 0, "v": 1, "a": 2, "s": 2, "r": 3}
_LEMMAS_FILE = Path(__file__).resolve().parent.parent / "data" / "wordnet_lemmas.tsv.gz"
_THAI_WORDNET = "wordnet_th.db"
_LOANWORDS = "th_en_transliteration_v1.4.tsv"


@dataclass(frozen=True)
class Sense:
    """One meaning of a Thai word: part of speech, WordNet 3.0 synset id (``04389033-n``), English lemmas."""

    pos: str
    synset: str
    lemmas: tuple[str, ...]


@functools.cache
def _english() -> dict[str, tuple[int, tuple[str, ...]]]:
    """Synset id → (sense rank, English lemmas), from the table shipped in the package."""
    table: dict[str, tuple[int, tuple[str, ...]]] = {}
    with gzip.open(_LEMMAS_FILE, "rt", encoding="utf-8") as handle:
        for line in handle:
            synset, rank, lemmas = line.rstrip("\n").split("\t")
            table[synset] = (int(rank), tuple(lemmas.split("|")))
    return table


@functools.cache
def _thai() -> dict[str, tuple[str, ...]]:
    """Thai lemma → synset ids, from pythainlp's bundled Thai WordNet.

    The stored lemmas are keys as they are: all but 140 of 91,073 are already normalized, and normalizing
    every one would take 2 s (the rest are typos that normalization mostly does not repair).
    """
    path = files("pythainlp.corpus").joinpath(_THAI_WORDNET)
    index: dict[str, list[str]] = {}
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        for synset, lemma in conn.execute("SELECT synsetid, li FROM word_synset"):
            synsets = index.setdefault(lemma.strip(), [])
            if synset not in synsets:
                synsets.append(synset)
    return {key: tuple(value) for key, value in index.items()}


@functools.cache
def _loanwords() -> dict[str, str]:
    """Normalized Thai loanword → its English source word(s), from pythainlp's transliteration table."""
    text = files("pythainlp.corpus").joinpath(_LOANWORDS).read_text(encoding="utf-8")
    sources: dict[str, list[str]] = {}
    for line in text.splitlines()[1:]:
        fields = line.split("\t")
        if len(fields) < 2 or not fields[0].strip() or not fields[1].strip():
            continue
        found = sources.setdefault(normalize_key(fields[0]), [])
        if fields[1].strip() not in found:
            found.append(fields[1].strip())
    return {key: " / ".join(value) for key, value in sources.items()}


def senses(word: str) -> list[Sense]:
    """The WordNet senses of a Thai word, most common first (by WordNet sense rank, then part of speech).

    The query is normalized like every lookup key (invisible characters removed, Thai spelling normalized).
    An unknown word gives ``[]``.
    """
    synsets = _thai().get(normalize_key(word), ())
    english = _english()
    found: list[tuple[int, int, str, Sense]] = []
    for synset in synsets:
        if synset not in english:
            continue
        rank, lemmas = english[synset]
        pos = synset.rpartition("-")[2]
        sense = Sense(pos=POS_NAMES.get(pos, pos), synset=synset, lemmas=lemmas)
        found.append((rank, _POS_ORDER.get(pos, 9), synset, sense))
    return [entry[3] for entry in sorted(found, key=lambda entry: entry[:3])]


def loanword_source(word: str) -> str | None:
    """The English word a Thai loanword comes from (``คอมพิวเตอร์`` → ``computer``), or ``None``.

    When the table gives several, they are joined with `` / `` (``กะรัต`` → ``carat / karat``).
    """
    return _loanwords().get(normalize_key(word))
