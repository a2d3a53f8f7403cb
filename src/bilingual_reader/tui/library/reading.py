"""Where each text was left: the app's reading state over the library database.

The database is opened on the UI thread, which owns it, on first use. Cursor moves are kept in memory and
written (one transaction) when the reader leaves a text, every few seconds while reading, and on exit.
A library database that cannot be opened turns the feature off with one notice, never the reader.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from bilingual_reader.library.store import Bookmark, Library, LibraryError, Position

if TYPE_CHECKING:
    from bilingual_reader.documents.articles import Article


class ReadingState:
    """Reading positions, chapter positions and bookmarks for the texts the app shows."""

    def __init__(self, path: Path | None = None) -> None:
        """State kept in the library database at ``path`` (None: the user's)."""
        self.path = path
        self.error: str | None = None
        self._library: Library | None = None
        self._positions: dict[str, tuple[Position, int]] = {}
        self._chapters: dict[tuple[str, int], tuple[int, int]] = {}
        self._saved: dict[str, Position] = {}
        self._saved_chapters: dict[tuple[str, int], tuple[int, int]] = {}

    def library(self) -> Library | None:
        """The library database, opened on first use (None when it cannot be: see ``error``)."""
        if self._library is None and self.error is None:
            try:
                self._library = Library.open(self.path)
            except LibraryError as err:
                self.error = str(err)
        return self._library

    def moved(self, article: Article, paragraph: int, offset: int, top: int) -> None:
        """The cursor is at (paragraph, offset) with the view scrolled to ``top``: remember it (written by
        the next ``flush`` unless it is where the text already was)."""
        position = Position(paragraph, offset, top)
        if self._saved.get(article.article_id) != position:
            self._positions[article.article_id] = (position, len(article.paragraphs))
        chapter = article.chapter_number(paragraph)
        if chapter is not None and self._saved_chapters.get((article.article_id, chapter)) != (
            paragraph,
            offset,
        ):
            self._chapters[(article.article_id, chapter)] = (paragraph, offset)

    def resume(self, article: Article) -> Position | None:
        """Where ``article`` was left, if it was read before; notes it as opened now."""
        self.flush()
        library = self.library()
        if library is None:
            return None
        library.mark_opened(article.article_id)
        position = library.position(article.article_id)
        if position is not None:
            self._saved[article.article_id] = position
        return position

    def chapter_position(self, article: Article, chapter: int) -> tuple[int, int] | None:
        """Where the reader was last inside chapter ``chapter`` (its index in the TOC), if ever."""
        kept = self._chapters.get((article.article_id, chapter))
        if kept is not None:
            return kept
        library = self.library()
        return None if library is None else library.chapter_position(article.article_id, chapter)

    def bookmarks(self, article: Article) -> list[Bookmark]:
        """The article's bookmarks in reading order."""
        library = self.library()
        return [] if library is None else library.bookmarks(article.article_id)

    def toggle_bookmark(self, article: Article, paragraph: int, offset: int, label: str) -> bool:
        """Set a bookmark at (paragraph, offset), or remove the one there; True when one was set."""
        library = self.library()
        if library is None:
            return False
        if any(
            b.paragraph == paragraph and b.offset == offset for b in library.bookmarks(article.article_id)
        ):
            library.remove_bookmark(article.article_id, paragraph, offset)
            return False
        library.add_bookmark(article.article_id, paragraph, offset, label)
        return True

    def remove_bookmark(self, article: Article, bookmark: Bookmark) -> None:
        """Remove one bookmark."""
        library = self.library()
        if library is not None:
            library.remove_bookmark(article.article_id, bookmark.paragraph, bookmark.offset)

    def flush(self) -> None:
        """Write the positions kept in memory."""
        if not self._positions and not self._chapters:
            return
        library = self.library()
        if library is None:
            return
        for article_id, (position, paragraphs) in self._positions.items():
            library.save_position(article_id, position, paragraphs)
            self._saved[article_id] = position
        for (article_id, chapter), (paragraph, offset) in self._chapters.items():
            library.save_chapter_position(article_id, chapter, paragraph, offset)
            self._saved_chapters[(article_id, chapter)] = (paragraph, offset)
        self._positions.clear()
        self._chapters.clear()

    def close(self) -> None:
        """Write what is pending and close the database."""
        self.flush()
        if self._library is not None:
            self._library.close()
            self._library = None
