"""Reading article files: encoding detection, cleaning, paragraphs and the title.

Every non-empty line of an article is a paragraph: shown, segmented, looked up, translated and checked.
A first line that reads as a headline (:func:`bilingual_reader.documents.headline.is_headline`) is *also*
the title: its role is ``"title"`` and the header shows it; otherwise the header shows the file's name.
"""

from __future__ import annotations

import codecs
import functools
import hashlib
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from bilingual_reader import paths
from bilingual_reader.documents.headline import header_title, is_headline
from bilingual_reader.files import FileProblem, read_input
from bilingual_reader.thai.text import clean_text

__all__ = [
    "MAX_ARTICLE_BYTES",
    "Article",
    "ArticleError",
    "Role",
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


Role = Literal["title", "paragraph"]


@dataclass(frozen=True)
class Article:
    """A cleaned article: every non-empty line is a paragraph, the first one also the title if ``headline``.

    ``title`` is what the header shows: the headline (``paragraphs[0]``) when ``headline`` is true, else
    the title given to :func:`article_from_text`, the file's name, or the first words.
    """

    path: Path | None
    title: str
    paragraphs: tuple[str, ...]
    headline: bool = False
    #: The id earlier versions gave this article, when they read its first line as a title and numbered
    #: paragraphs from the second line (stored dismissals and post-edits are moved from it; see
    #: ``qa.dismissals`` and ``translation.memory``). None when nothing can be stored under another id.
    legacy_id: str | None = field(default=None, compare=False)

    @functools.cached_property
    def article_id(self) -> str:
        """SHA-256 hex of the paragraphs joined by newlines: a stable id for caches and dismissals."""
        return article_id_of(self.paragraphs)

    @property
    def roles(self) -> tuple[Role, ...]:
        """Each paragraph's role: ``"title"`` for a headline first line, else ``"paragraph"``."""
        return tuple(self.role(index) for index in range(len(self.paragraphs)))

    def role(self, index: int) -> Role:
        """The role of paragraph ``index``."""
        return "title" if self.headline and index == 0 else "paragraph"


def article_id_of(lines: Sequence[str]) -> str:
    """The id of an article with these paragraphs (:attr:`Article.article_id`): SHA-256 of the lines."""
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def article_from_text(text: str, title: str = "", path: Path | None = None) -> Article:
    """Build an article from text: every non-empty line is a paragraph.

    With ``title`` that is the header's text and no line is a title; without it a headline first line is
    also the title (role ``"title"``), else the header shows the file's name or the first words.
    Every line is cleaned (:func:`bilingual_reader.thai.text.clean_text`); empty lines are dropped.
    Raises :class:`ArticleError` when nothing is left.
    """
    lines = tuple(line for line in (raw.strip() for raw in clean_text(text).split("\n")) if line)
    name = str(path) if path is not None else "<text>"
    if not lines:
        raise ArticleError(f"{name}: empty (no text after cleaning)")
    if title:
        return Article(path=path, title=clean_text(title), paragraphs=lines)
    # Before issue 8 the first line was only a title: paragraph i was line i + 1, under another id.
    legacy = article_id_of(lines[1:]) if len(lines) > 1 else None
    if len(lines) > 1 and is_headline(lines[0]):
        return Article(path, lines[0], lines, headline=True, legacy_id=legacy)
    return Article(path, header_title(lines[0], path), lines, legacy_id=legacy)


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
