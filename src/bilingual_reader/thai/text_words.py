"""The lines of the segmenter's dictionary whose words occur in given texts, found without building it.

newmm (nlpo3) asks its dictionary only one question: which words start at this place of the text being
segmented (a trie walk along the text, shortest first). A dictionary holding just the words that occur in
some texts therefore segments those texts, and every part of them, exactly as the whole dictionary does;
and it loads in about a millisecond where the whole one takes ~0.19 s. A one-shot ``segment`` loads such a
dictionary for the paragraphs of its document.

nlpo3 reads one word a line and trims some whitespace around it; which exactly is its business. So the
lines are chosen by their word with all whitespace stripped (``str.strip``, a superset of what nlpo3 may
trim: whatever nlpo3 keeps of a line contains it), and passed on as they are: a line is never left out
when its word may occur, and nlpo3 reads the lines it gets as it reads them in the whole dictionary.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable, Iterator
from typing import Any

from bilingual_reader.thai.corpora import WORDS_FILE, corpus_file
from bilingual_reader.thai.names import EXTRA_WORDS_FILE, extra_words
from bilingual_reader.thai.word_index import cached_bytes_trie, cached_trie

__all__ = ["lines_for", "lines_in"]

_BOM = b"\xef\xbb\xbf"
_WINDOW = 256  # characters looked at from each place; a longer word is looked for in the whole rest


def lines_for(texts: Iterable[str], terms: Iterable[str]) -> list[str]:
    """The lines of the segmenter's dictionary (the word file's, our extra words and the glossary
    ``terms``, as :func:`bilingual_reader.thai.segmenter` writes them) that may hold a word occurring in one
    of ``texts``; sorted, without repeats."""
    joined = "\n".join(texts)  # no line holds a line break: no word is found across two texts
    words, odd = _index()
    prefixes = words.prefixes
    cores = {""}  # lines all whitespace: nlpo3 may keep something of them
    for start in range(len(joined)):
        hits = prefixes(joined[start : start + _WINDOW])
        if hits and len(hits[-1]) == _WINDOW:  # shortest first
            hits = prefixes(joined[start:])
        cores.update(hits)
    found: set[str] = set()
    for core in cores:
        lines = odd.get(core)
        if lines:
            found.update(line.decode("utf-8") for line in lines)
        elif core:
            found.add(core)
    for line in terms:
        if "\n" not in line and (not (core := line.strip()) or core in joined):
            found.add(line)
    return sorted(found)


def lines_in(paragraphs: Iterable[str], terms: Iterable[str], batch: int = 256) -> list[str]:
    """:func:`lines_for` of ``paragraphs`` (those of a book, read as they come: ``batch`` held at a time),
    each distinct paragraph looked at once (a 16-byte digest of each is kept)."""
    terms = list(terms)
    found: set[str] = set()
    seen: set[bytes] = set()
    held: list[str] = []
    for paragraph in paragraphs:
        digest = hashlib.blake2b(paragraph.encode("utf-8"), digest_size=16).digest()
        if digest not in seen:
            seen.add(digest)
            held.append(paragraph)
        if len(held) >= batch:
            found.update(lines_for(held, terms))
            held = []
    found.update(lines_for(held, terms))
    return sorted(found)


@functools.cache
def _index() -> tuple[Any, Any]:
    """The stripped words of the word file's lines and of our extra words (a trie: its prefix search is
    fast), and the lines that differ from their stripped word, by it (a trie with values: its exact look-ups
    are)."""
    words = corpus_file(WORDS_FILE)
    sources = [words, EXTRA_WORDS_FILE]
    cores = cached_trie(
        "newmm-words", sources, lambda: {c for c, _ in _lines_by_core(words.read_bytes())} - {""}
    )
    odd = cached_bytes_trie("newmm-odd-lines", sources, lambda: _odd_lines(words.read_bytes()))
    return cores, odd


def _odd_lines(words: bytes) -> list[tuple[str, bytes]]:
    """(stripped word, line) for every line of a stripped word that some line differs from."""
    by_core: dict[str, set[str]] = {}
    for core, line in _lines_by_core(words):
        by_core.setdefault(core, set()).add(line)
    return [(c, line.encode("utf-8")) for c, lines in by_core.items() if lines != {c} for line in lines]


def _lines_by_core(words: bytes) -> Iterator[tuple[str, str]]:
    """(stripped word, line) for the word file's lines and our extra words."""
    lines = words.removeprefix(_BOM).decode("utf-8").split("\n")  # as the segmenter writes it for nlpo3
    for line in {*lines, *extra_words()}:
        if line:
            yield line.strip(), line
