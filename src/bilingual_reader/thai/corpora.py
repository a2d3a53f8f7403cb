"""pythainlp's bundled corpus files, located and read without importing pythainlp (a slow import)."""

from __future__ import annotations

import functools
import importlib.util
from pathlib import Path
from types import ModuleType

__all__ = ["corpus_file", "tcc_clusters", "tcc_pos", "thai_words"]

WORDS_FILE = "words_th.txt"


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
