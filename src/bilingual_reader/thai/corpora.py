"""pythainlp's bundled corpus files, located and read without importing pythainlp (a slow import)."""

from __future__ import annotations

import functools
import importlib.util
import re
from collections.abc import Container
from pathlib import Path
from types import ModuleType

from bilingual_reader.thai.word_index import cached_trie

__all__ = ["corpus_file", "is_thai_word", "tcc_clusters", "tcc_pos", "thai_word_index", "thai_words"]

WORDS_FILE = "words_th.txt"
#: Questions :func:`is_thai_word` answers by searching the file's text before it builds the word set: about
#: what building the set costs (60 ms vs 0.3 ms a search). A one-shot lookup asks a few dozen.
SEARCHES_BEFORE_SET = 200
_searches = 0
# What makes a line differ from its word (a comment, another line break, spaces around it): then only the
# set can answer.
_UNPLAIN = re.compile(r"[#\r\v\f\x1c-\x1e\x85\u2028\u2029]|[^\S\n]\n|\n[^\S\n]")


@functools.cache
def corpus_file(name: str) -> Path:
    """The path of a file in pythainlp's ``corpus`` folder (``find_spec`` does not run the package)."""
    spec = importlib.util.find_spec("pythainlp")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("pythainlp is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "corpus" / name


@functools.cache
def thai_words() -> frozenset[str]:
    """pythainlp's default word list, read as ``pythainlp.corpus.thai_words()`` reads it."""
    text = corpus_file(WORDS_FILE).read_text(encoding="utf-8-sig")
    return frozenset(word for line in text.splitlines() if (word := line.split("#", 1)[0].strip()))


@functools.cache
def thai_word_index() -> Container[str]:
    """:func:`thai_words` for membership tests, as a trie mapped from the user's cache folder
    (``thai.word_index``): a process asks it without building the 62k-word set."""
    index: Container[str] = cached_trie("thai-words", [corpus_file(WORDS_FILE)], thai_words)
    return index


@functools.cache
def _words_text() -> str | None:
    """The word file as ``"\\nword\\n…\\n"`` when each of its lines is exactly its word, else None."""
    text = corpus_file(WORDS_FILE).read_text(encoding="utf-8-sig")
    framed = f"\n{text.strip(chr(10))}\n"
    return None if _UNPLAIN.search(framed) else framed


def is_thai_word(text: str) -> bool:
    """Whether ``text`` is in pythainlp's word list (:func:`thai_words`).

    The first :data:`SEARCHES_BEFORE_SET` questions of a process search the file's text, so a one-shot lookup
    does not pay for the 62k-word set; later ones (the reader's popups) build the set once and use it.
    """
    global _searches
    if _searches < SEARCHES_BEFORE_SET and thai_words.cache_info().currsize == 0:
        framed = _words_text()
        if framed is not None:
            _searches += 1
            return bool(text) and "\n" not in text and f"\n{text}\n" in framed
    return text in thai_words()


@functools.cache
def _tcc() -> ModuleType:
    """pythainlp's Thai character cluster module (it imports only ``re``), loaded on its own."""
    path = corpus_file(WORDS_FILE).parent.parent / "tokenize" / "tcc.py"
    spec = importlib.util.spec_from_file_location("bilingual_reader.thai._pythainlp_tcc", path)
    if spec is None or spec.loader is None:  # pragma: no cover - pythainlp's layout changed
        from pythainlp.tokenize import tcc

        return tcc
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def tcc_pos(text: str) -> set[int]:
    """End offsets of the Thai character clusters of ``text`` (``pythainlp.tokenize.tcc.tcc_pos``)."""
    found: set[int] = _tcc().tcc_pos(text)
    return found


def tcc_clusters(text: str) -> list[str]:
    """The Thai character clusters of ``text``, in order (``subword_tokenize(text, engine="tcc")``)."""
    found: list[str] = _tcc().segment(text)
    return found
