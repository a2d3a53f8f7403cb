"""Reading article files: encoding detection, cleaning, title and paragraphs."""

from __future__ import annotations

import codecs
import functools
import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from bilingual_reader import paths
from bilingual_reader.files import FileProblem, read_input
from bilingual_reader.thai.text import clean_text

__all__ = [
    "MAX_ARTICLE_BYTES",
    "Article",
    "ArticleError",
    "article_from_text",
    "list_articles",
    "load_article",
    "sample_article_path",
]

#: Largest article file accepted, in bytes (5 MiB): far beyond any news article, small enough to segment,
#: translate and keep in memory without stalling the reader.
MAX_ARTICLE_BYTES = 5 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Thai vowels and marks that can only follow a Thai character; in text wrongly decoded as Windows-874
# (Latin-1 accents, say) they turn up after ASCII letters. A few are typos; many mean a wrong encoding.
_MISPLACED = re.compile("(?:^|[^\u0e01-\u0e4e])[\u0e30-\u0e3a\u0e45\u0e47-\u0e4e]", re.MULTILINE)
_THAI = re.compile("[\u0e01-\u0e5b]")
_THAI_LETTER = re.compile("[\u0e01-\u0e2e]")


class ArticleError(Exception):
    """An article file that cannot be read; ``str(err)`` is one line that names the file."""


@dataclass(frozen=True)
class Article:
    """A cleaned article: its title line and its paragraphs (one per non-empty line)."""

    path: Path | None
    title: str
    paragraphs: tuple[str, ...]

    @functools.cached_property
    def article_id(self) -> str:
        """SHA-256 hex of the paragraphs joined by newlines: a stable id for caches and dismissals."""
        return hashlib.sha256("\n".join(self.paragraphs).encode("utf-8")).hexdigest()


def article_from_text(text: str, title: str = "", path: Path | None = None) -> Article:
    """Build an article from text: without ``title`` the first non-empty line becomes the title.

    Every line is cleaned (:func:`bilingual_reader.thai.text.clean_text`); empty lines are dropped.
    Raises :class:`ArticleError` when nothing is left.
    """
    lines = [line.strip() for line in clean_text(text).split("\n")]
    lines = [line for line in lines if line]
    name = str(path) if path is not None else "<text>"
    if not lines:
        raise ArticleError(f"{name}: empty (no text after cleaning)")
    if title:
        return Article(path=path, title=clean_text(title), paragraphs=tuple(lines))
    return Article(path=path, title=lines[0], paragraphs=tuple(lines[1:]))


def load_article(path: str | os.PathLike[str]) -> Article:
    """Read an article file: UTF-8 (with or without BOM), UTF-16/32 with BOM, or TIS-620 / Windows-874.

    Raises :class:`ArticleError` (one line naming the file) for a missing file, a directory, a device or a
    FIFO (never read), a file larger than :data:`MAX_ARTICLE_BYTES` (5 MiB, never read past it), a binary
    file (NUL bytes), an empty file, or undecodable bytes.
    """
    file = Path(path)
    name = str(path)
    try:
        data = read_input(file, MAX_ARTICLE_BYTES, "article file")
    except FileProblem as err:
        raise ArticleError(str(err)) from None
    text = _decode(data, name)
    return article_from_text(text, path=file)


def _decode(data: bytes, name: str) -> str:
    """Decode article bytes, trying BOMs, then UTF-8, then Windows-874 (a superset of TIS-620)."""
    if not data:
        raise ArticleError(f"{name}: empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise ArticleError(f"{name}: invalid {encoding.upper()} at byte {exc.start}") from None
    if b"\x00" in data:
        raise ArticleError(f"{name}: binary file (NUL bytes); UTF-16 text needs a byte-order mark")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        text = data.decode("cp874")
    except UnicodeDecodeError:
        text = ""
    if text and _THAI_LETTER.search(text):
        misplaced = len(_MISPLACED.findall(text))
        if misplaced * 100 <= len(_THAI.findall(text)):  # at most 1% of the Thai characters
            return text
    line = data.count(b"\n", 0, utf8_error.start) + 1
    bad = data[utf8_error.start]
    raise ArticleError(
        f"{name}: line {line}: not UTF-8 (byte 0x{bad:02x}) and not Thai in TIS-620/Windows-874"
    )


def list_articles(directory: Path | None = None) -> list[Path]:
    """The ``*.txt`` files of ``directory`` (default: the shipped articles), sorted by name."""
    folder = directory if directory is not None else paths.articles_dir()
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.txt") if p.is_file())


def sample_article_path() -> Path:
    """The first shipped article (sorted by name): what the reader opens when given no file."""
    found = list_articles()
    if not found:
        raise ArticleError(f"{paths.articles_dir()}: no articles (*.txt) found")
    return found[0]
