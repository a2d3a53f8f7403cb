"""Thai word segmentation that keeps glossary terms whole (newmm over pythainlp words ∪ glossary terms),
and transliterated names and loanwords too (see ``thai.names``)."""

from __future__ import annotations

import hashlib
import itertools
import os
import re
import threading
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple, cast

from bilingual_reader.thai.corpora import WORDS_FILE, corpus_file, tcc_pos
from bilingual_reader.thai.names import extra_words, is_unknown, join_fragments, name_spans
from bilingual_reader.thai.repairs import better_pairs, titled_pairs
from bilingual_reader.thai.term_spans import TermSpans, respan
from bilingual_reader.thai.text import is_thai, normalize_key

__all__ = ["Segmenter", "Token", "word_pieces"]

_LOCK = threading.Lock()
_LOADED: set[str] = set()  # nlpo3 dictionary names loaded in this process (nlpo3 never replaces a name)
_LAST: str | None = None  # the dictionary loaded last, for word_pieces
_FLAGS_LIMIT = 200_000
_key = lru_cache(maxsize=1 << 16)(normalize_key)
_THAI_OR_SPACE = re.compile(r"[\u0e00-\u0e7f\s]")
# A non-Thai word: letters and digits, joined by inner hyphens, dots, commas, apostrophes, slashes or "&"
# (K9, FA-50, F-16V, 12,000, 3.5, Suk-yeol, R&D); anything else is a token of one character.
_NON_THAI_TOKEN = re.compile(r"[^\W_]+(?:[-.,'’/&][^\W_]+)*|\S")


class Token(NamedTuple):
    """A token of a paragraph: ``text == paragraph[start:end]``.

    A named tuple: ``tokenize`` makes a paragraph's hundreds at once without a Python call each (a frozen
    dataclass costs ~1.3 µs a token, about a sixth of segmenting). It compares, hashes and prints as the
    dataclass it was; being a tuple, it also unpacks.
    """

    text: str
    start: int
    end: int
    is_word: bool  # holds Thai letters
    is_term: bool  # its normalized key is a glossary Thai term


class Segmenter:
    """Segments Thai with newmm (nlpo3, the Rust implementation) over pythainlp's words ∪ glossary terms.

    The first ``tokenize`` loads a ~62k-word dictionary into nlpo3 (0.15 s, ~50 MiB, kept for the life of
    the process: nlpo3 cannot unload one): do it off the UI thread. Build a new segmenter after glossary
    edits; an instance is never mutated and is safe to share. ``subterms`` and ``longest_term_in`` need only
    the terms and load nothing.
    """

    def __init__(
        self, terms: Iterable[str], texts: Iterable[str] | None = None, *, book: Iterable[str] | None = None
    ) -> None:
        """``texts``: the texts (paragraphs) this segmenter is made for, when they are known ahead (a
        one-shot command's document). Their first ``tokenize`` then loads a dictionary of just the words
        they hold (``thai.text_words``: ~1 ms and the same tokens); any other text loads the whole one.

        ``book``: the paragraphs of a book, read here once (a batch at a time, none kept) for the words they
        hold; every text is then segmented with a dictionary of those words only: give it those paragraphs
        (or parts of them) only, read again."""
        keys = {_key(term) for term in terms}
        keys.discard("")
        self.terms: frozenset[str] = frozenset(keys)
        self._max_len = max((len(t) for t in keys), default=0)
        self._flags: dict[str, tuple[bool, bool]] = {}  # token text -> (is_word, is_term), a pure cache
        self._dict_name: str | None = None  # loaded by the first tokenize: lookups need only the terms
        self._term_spans: TermSpans | None = None  # built by the first tokenize too
        self._texts = frozenset(texts) if texts is not None else frozenset()
        self._texts_dict: str | None = None  # the dictionary of the words of ``texts``, loaded on first use
        self._book_lines: str | None = None
        if book is not None:
            from bilingual_reader.thai.text_words import lines_in

            self._book_lines = "\n".join(lines_in(book, self.terms))

    def _dictionary(self, text: str) -> str:
        """The name of the nlpo3 dictionary that segments ``text``, loading it on first use."""
        if self._book_lines is not None or text in self._texts:
            if self._texts_dict is None:
                self._texts_dict = _load_words_of(self._texts, self.terms, self._book_lines)
            return self._texts_dict
        if self._dict_name is None:
            self._dict_name = _load_nlpo3_dict(self.terms)
        return self._dict_name

    def tokenize(self, text: str) -> list[Token]:
        """Split ``text`` into tokens covering it exactly, in order; whitespace runs are single tokens."""
        pieces = _regroup(self._pieces(text))
        ends = list(itertools.accumulate(map(len, pieces)))
        if (ends[-1] if ends else 0) != len(
            text
        ):  # never expected: newmm covers its input; keep the contract
            return [Token(text, 0, len(text), *self._flags_of(text))] if text else []
        if not pieces:
            return []
        flags = self._flags
        if len(flags) > _FLAGS_LIMIT:
            flags.clear()
        kinds = list(map(flags.get, pieces))
        for i in itertools.compress(range(len(kinds)), map(_is_none, kinds)):
            kinds[i] = self._flags_of(pieces[i])
        words, terms = zip(*kinds, strict=True)
        rows = zip(pieces, [0, *ends[:-1]], ends, words, terms, strict=True)
        return cast("list[Token]", list(map(tuple.__new__, itertools.repeat(Token), rows)))

    def _pieces(self, text: str) -> list[str]:
        """newmm's pieces of ``text``, with names after a title, glossary terms whole and runs of syllable
        fragments joined."""
        import nlpo3  # a 4 MB extension: imported by the first tokenize, not by a lookup (terms only)

        name = self._dictionary(text)  # serves every part of ``text`` too
        pieces: list[str] = nlpo3.segment(text, name)
        spans = name_spans(text, pieces, lambda part: nlpo3.segment(part, name))
        if spans:  # segment around the names again: newmm may have glued a name to the word before it
            pieces, pos = [], 0
            for start, end in spans:
                pieces.extend(nlpo3.segment(text[pos:start], name) if start > pos else ())
                pieces.append(text[start:end])
                pos = end
            pieces.extend(nlpo3.segment(text[pos:], name) if pos < len(text) else ())
        is_term = self._is_term
        if self._term_spans is None:
            self._term_spans = TermSpans(self.terms)
        cut = self._term_spans.cut(text, pieces, is_term)
        if cut:
            pieces = respan(text, pieces, cut, lambda part: nlpo3.segment(part, name))
        pieces = join_fragments(better_pairs(pieces, is_term), is_term)
        return titled_pairs(pieces, is_unknown, is_term)

    def _is_term(self, piece: str) -> bool:
        return _key(piece) in self.terms

    def _flags_of(self, piece: str) -> tuple[bool, bool]:
        """``(is_word, is_term)`` of a token text, remembered for the next occurrence."""
        result = self._flags[piece] = (is_thai(piece), _key(piece) in self.terms)
        return result

    def subterms(self, word: str) -> list[str]:
        """Glossary terms found strictly inside ``word`` (not ``word`` itself), in order, no duplicates.

        Terms at the same start come longest first. Matches start and end on Thai character-cluster
        boundaries, so ``กร`` is not found inside ``กรุง``.
        """
        key = _key(word)
        found = [t for t in self._matches(key) if t != key]
        return list(dict.fromkeys(found))

    def longest_term_in(self, text: str) -> str | None:
        """The longest glossary term occurring in ``text`` (the first one on a tie), or None."""
        best: str | None = None
        for term in self._matches(_key(text)):
            if best is None or len(term) > len(best):
                best = term
        return best

    def _matches(self, key: str) -> list[str]:
        """Every term occurring in ``key`` on cluster boundaries: by start, longest first."""
        if not self.terms:
            return []
        bounds = sorted(tcc_pos(key) | {0, len(key)})
        found: list[str] = []
        for i, start in enumerate(bounds):
            hits = []
            for end in bounds[i + 1 :]:
                if end - start > self._max_len:
                    break
                if key[start:end] in self.terms:
                    hits.append(key[start:end])
            found.extend(reversed(hits))
        return found


def _is_none(value: object) -> bool:
    return value is None


def _regroup(pieces: list[str]) -> list[str]:
    """Join whitespace pieces into one token per run, and re-split non-Thai runs into whole words.

    newmm cuts Latin text at every letter/digit change (``K|9``, ``FA-|50``); a reader wants ``K9``.
    """
    merged: list[str] = []
    run: list[str] = []
    for piece in pieces:
        if not _THAI_OR_SPACE.search(piece):
            run.append(piece)
            continue
        if run:
            merged.extend(_NON_THAI_TOKEN.findall("".join(run)))
            run.clear()
        if merged and piece.isspace() and merged[-1].isspace():
            merged[-1] += piece
        else:
            merged.append(piece)
    if run:
        merged.extend(_NON_THAI_TOKEN.findall("".join(run)))
    return merged


def _load_nlpo3_dict(terms: frozenset[str], extra: bool = True) -> str:
    """Load pythainlp's words ∪ our extra words (unless ``extra`` is false) ∪ ``terms`` into nlpo3 under a
    name derived from them all (once per process).

    The word file is passed as it is (nlpo3 tolerates repeated words), so no word set is built.
    """
    words = corpus_file(WORDS_FILE)
    stat = words.stat()
    added = terms | extra_words() if extra else terms
    lines = "\n".join(sorted(t for t in added if "\n" not in t))
    identity = f"{words}:{stat.st_size}:{stat.st_mtime_ns}\n{lines}"
    name = "bilingual-reader-" + hashlib.sha256(identity.encode("utf-8")).hexdigest()[:32]
    global _LAST
    with _LOCK:
        if name not in _LOADED:
            if lines:
                _load_with_terms(words, lines, name)
            else:
                _load_file(str(words), name)
            _LOADED.add(name)
        _LAST = name
    return name


def _load_words_of(texts: Iterable[str], terms: frozenset[str], lines: str | None = None) -> str:
    """Load the lines of the dictionary whose words occur in ``texts`` (or ``lines``, found ahead) into
    nlpo3 (once per process); its name. Not remembered for :func:`word_pieces`, which segments other texts."""
    from bilingual_reader.thai.text_words import lines_for

    if lines is None:
        lines = "\n".join(lines_for(texts, terms))
    name = "bilingual-reader-texts-" + hashlib.sha256(lines.encode("utf-8")).hexdigest()[:32]
    with _LOCK:
        if name not in _LOADED:
            _load_lines(lines, name)
            _LOADED.add(name)
    return name


def _load_lines(lines: str, name: str) -> None:
    """Load ``lines`` (one word a line) through a temporary file."""
    import tempfile

    fd, file = tempfile.mkstemp(prefix="bilingual-reader-", suffix=".txt")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(lines.encode("utf-8") + b"\n")
        _load_file(file, name)
    finally:
        os.unlink(file)


def _load_with_terms(words: Path, extra: str, name: str) -> None:
    """Load the word file followed by ``extra`` (one term a line) through a temporary file."""
    import tempfile

    fd, file = tempfile.mkstemp(prefix="bilingual-reader-", suffix=".txt")
    try:
        with os.fdopen(fd, "wb") as handle:  # the word file's bytes as they are: no decoding of 62k words
            handle.write(words.read_bytes().removeprefix(b"\xef\xbb\xbf").rstrip(b"\n"))
            handle.write(b"\n" + extra.encode("utf-8") + b"\n")
        _load_file(file, name)
    finally:
        os.unlink(file)


def _load_file(file: str, name: str) -> None:
    import nlpo3

    message, ok = nlpo3.load_dict(file, name)
    if not ok and "already exists" not in message:
        raise RuntimeError(f"nlpo3 could not load the dictionary: {message}")


def word_pieces(text: str) -> list[str]:
    """newmm pieces of ``text`` (whitespace included) for sentence splitting's word step.

    Uses the dictionary of the segmenter loaded last in this process (words ∪ its glossary terms), else
    pythainlp's words alone: the process holds one copy of the word list, not one per use.
    """
    import nlpo3

    name = _LAST or _load_nlpo3_dict(frozenset(), extra=False)
    pieces: list[str] = nlpo3.segment(text, name)
    return pieces
