"""Reading article files: encoding detection, cleaning, paragraphs and the title.

Every non-empty line of an article is a paragraph: shown, segmented, looked up, translated and checked.
A first line that reads as a headline (:func:`bilingual_reader.documents.headline.is_headline`) is *also*
the title: its role is ``"title"`` and the header shows it; otherwise the header shows the file's name.
A line that names a chapter (``บทที่ 1``: :func:`bilingual_reader.documents.chapter_lines.is_chapter_line`)
is a heading and an entry of the table of contents.
"""

from __future__ import annotations

import functools
import hashlib
import os
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from bilingual_reader import paths
from bilingual_reader.documents.chapter_lines import is_chapter_line
from bilingual_reader.documents.decoding import decode_text
from bilingual_reader.documents.errors import ArticleError
from bilingual_reader.documents.headline import header_title, is_headline
from bilingual_reader.files import FileProblem, read_input
from bilingual_reader.thai.text import clean_text

__all__ = [
    "MAX_ARTICLE_BYTES",
    "Article",
    "ArticleError",
    "Chapter",
    "Role",
    "article_from_text",
    "list_articles",
    "load_article",
    "sample_article_path",
]

#: Largest article file accepted, in bytes (16 MiB): a long book (the reader draws only what is visible and
#: segments, translates and checks the rest in workers), still small enough to keep in memory.
MAX_ARTICLE_BYTES = 16 * 1024 * 1024


#: What a paragraph is: the text's title, a heading (a chapter or section), body text, a figure's or
#: table's caption, or a subtitle cue (one or more cues merged).
Role = Literal["title", "heading", "paragraph", "caption", "cue"]


@dataclass(frozen=True)
class Chapter:
    """One entry of a text's table of contents: its title, its first paragraph's index and its depth
    (1 for a chapter, 2 for a section in it, …)."""

    title: str
    start: int
    level: int = 1


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
    #: The format it was read from: "text", "epub", "html", "markdown", "srt" or "vtt".
    kind: str = "text"
    #: Each paragraph's role, for formats that mark them (empty: the plain-text rule, see :meth:`role`).
    marked_roles: tuple[Role, ...] = ()
    #: The table of contents, in reading order (empty when the text has no headings).
    chapters: tuple[Chapter, ...] = ()
    #: For subtitles: each paragraph's (start, end) time in milliseconds (empty for other formats).
    times: tuple[tuple[int, int], ...] = ()

    @functools.cached_property
    def article_id(self) -> str:
        """SHA-256 hex of the paragraphs joined by newlines: a stable id for caches and dismissals."""
        return article_id_of(self.paragraphs)

    @property
    def roles(self) -> tuple[Role, ...]:
        """Each paragraph's role: ``"title"`` for a headline first line, else ``"paragraph"``."""
        return tuple(self.role(index) for index in range(len(self.paragraphs)))

    def role(self, index: int) -> Role:
        """The role of paragraph ``index``: the marked one, else ``"title"`` for a headline first line."""
        if self.marked_roles:
            return self.marked_roles[index]
        return "title" if self.headline and index == 0 else "paragraph"

    def label(self, index: int) -> str | None:
        """A line the reader shows above paragraph ``index``: a subtitle's times (``00:01 → 00:04``)."""
        if not self.times:
            return None
        start, end = self.times[index]
        return f"{format_time(start)} → {format_time(end)}"

    def chapter_at(self, index: int) -> Chapter | None:
        """The chapter paragraph ``index`` belongs to (the last one starting at or before it), if any."""
        number = self.chapter_number(index)
        return None if number is None else self.chapters[number]

    def chapter_number(self, index: int) -> int | None:
        """The position in :attr:`chapters` of the chapter paragraph ``index`` belongs to, if any (a binary
        search: asked on every cursor move, and a book has thousands of chapters)."""
        number = bisect_right(self.chapters, index, key=lambda chapter: chapter.start) - 1
        return number if number >= 0 else None


def format_time(milliseconds: int) -> str:
    """A cue time for display: ``1:02:03`` or ``02:03`` (hours only when there are any)."""
    seconds = milliseconds // 1000
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


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
    chapters = tuple(Chapter(line, index) for index, line in enumerate(lines) if is_chapter_line(line))
    if title:
        roles = text_roles(lines, chapters, headline=False)
        return Article(path, clean_text(title), lines, marked_roles=roles, chapters=chapters)
    # Before issue 8 the first line was only a title: paragraph i was line i + 1, under another id.
    legacy = article_id_of(lines[1:]) if len(lines) > 1 else None
    headline = opens_with_headline(lines)
    shown = lines[0] if headline else header_title(lines[0], path)
    roles = text_roles(lines, chapters, headline=headline)
    return Article(path, shown, lines, headline, legacy, marked_roles=roles, chapters=chapters)


def opens_with_headline(lines: Sequence[str]) -> bool:
    """Whether a plain text's first line is its headline: it reads as one, is not a chapter line, and some
    text follows it (``lines``: the first two paragraphs are enough)."""
    return len(lines) > 1 and is_headline(lines[0]) and not is_chapter_line(lines[0])


def text_roles(lines: Sequence[str], chapters: Sequence[Chapter], *, headline: bool) -> tuple[Role, ...]:
    """The roles of a plain text's lines when it has chapter lines (else none: the plain-text rule)."""
    if not chapters:
        return ()
    starts = {chapter.start for chapter in chapters}
    return tuple(
        "title" if headline and index == 0 else "heading" if index in starts else "paragraph"
        for index in range(len(lines))
    )


def load_article(path: str | os.PathLike[str]) -> Article:
    """Read an article file: UTF-8 (with or without BOM), UTF-16/32 with BOM, or TIS-620 / Windows-874.

    Raises :class:`ArticleError` (one line naming the file) for a missing file, a directory, a device or a
    FIFO (never read), a file larger than :data:`MAX_ARTICLE_BYTES` (16 MiB, never read past it), a binary
    file (NUL bytes), an empty file, or undecodable bytes.
    """
    file = Path(path)
    name = str(path)
    try:
        data = read_input(file, MAX_ARTICLE_BYTES, "article file")
    except FileProblem as err:
        raise ArticleError(str(err)) from None
    return article_from_text(decode_text(data, name), path=file)


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
