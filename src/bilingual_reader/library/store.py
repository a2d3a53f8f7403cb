"""The library database: the texts a reader added, where each text was left, its bookmarks.

One :class:`Library` is one SQLite connection, owned by the thread that opened it. Every write is one
transaction. A file that is not a library database is never written to: opening it fails with one line.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from bilingual_reader import paths
from bilingual_reader.files import SQLITE_MAGIC
from bilingual_reader.library.schema import SCHEMA, SCHEMA_VERSION

__all__ = ["Bookmark", "Entry", "Library", "LibraryError", "NewText", "Position", "library_path"]


class LibraryError(Exception):
    """The library database cannot be used; ``str()`` is one line naming the file."""


@dataclass(frozen=True)
class Position:
    """Where a text was left: the cursor's paragraph and the character offset of its word, and the
    paragraph at the top of the view."""

    paragraph: int
    offset: int = 0
    top: int = 0


@dataclass(frozen=True)
class Bookmark:
    """A bookmark: paragraph, character offset of its word, and a label (the words it starts at)."""

    paragraph: int
    offset: int
    label: str
    created_at: str


@dataclass(frozen=True)
class NewText:
    """A text to add: its article id, title, kind, copy's file name, source, paragraphs and characters."""

    article_id: str
    title: str
    kind: str
    file: str
    source: str
    paragraphs: int
    characters: int


@dataclass(frozen=True)
class Entry(NewText):
    """One text of the library (what was added, under its ``id``), with its reading progress (0–1) and when
    it was added and last opened."""

    id: int
    added_at: str
    opened_at: str | None
    progress: float


def library_path() -> Path:
    """The library database: ``library.db`` in the data folder."""
    return paths.data_dir() / "library.db"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Library:
    """The library database (see the module's docstring)."""

    def __init__(self, connection: sqlite3.Connection, name: str) -> None:
        self._db = connection
        self.name = name

    @classmethod
    def open(cls, path: Path | None = None) -> Library:
        """Open (creating if needed) the library database, by default :func:`library_path`."""
        location = path or library_path()
        try:
            if location.exists() and location.stat().st_size and not _is_sqlite(location):
                raise LibraryError(f"{location}: not a library database (not SQLite); left as it is")
            paths.private_folder(location.parent)
            paths.private_file(location)
            connection = sqlite3.connect(location, timeout=5.0)
        except (OSError, sqlite3.Error) as err:
            raise LibraryError(f"{location}: cannot open the library database ({err})") from None
        library = cls(connection, str(location))
        library._migrate()
        return library

    @classmethod
    def memory(cls) -> Library:
        """A throwaway library held in memory (tests)."""
        library = cls(sqlite3.connect(":memory:"), ":memory:")
        library._migrate()
        return library

    def _migrate(self) -> None:
        try:
            version = int(self._db.execute("PRAGMA user_version").fetchone()[0])
            if version > SCHEMA_VERSION:
                raise LibraryError(f"{self.name}: library database from a newer version ({version})")
            if version < SCHEMA_VERSION:
                with self._db:
                    self._db.executescript(f"BEGIN; {SCHEMA} PRAGMA user_version = {SCHEMA_VERSION}; COMMIT;")
            self._db.execute("SELECT id, article_id, title FROM texts LIMIT 1").fetchall()
        except sqlite3.DatabaseError as err:
            self._db.close()
            raise LibraryError(f"{self.name}: not a usable library database ({err})") from None

    def close(self) -> None:
        """Close the database."""
        self._db.close()

    # texts
    def add_texts(self, texts: Sequence[NewText]) -> list[int]:
        """Add texts (their copies already in the library folder) in one transaction; returns their ids."""
        ids = []
        with self._db:
            for t in texts:
                cursor = self._db.execute(
                    "INSERT INTO texts (article_id, title, kind, file, source, paragraphs, characters,"
                    " added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (t.article_id, t.title, t.kind, t.file, t.source, t.paragraphs, t.characters, _now()),
                )
                ids.append(int(cursor.lastrowid or 0))
        return ids

    def entries(self) -> list[Entry]:
        """Every text, most recently opened (else added) first."""
        rows = self._db.execute(
            "SELECT t.id, t.article_id, t.title, t.kind, t.file, t.source, t.paragraphs, t.characters,"
            " t.added_at, t.opened_at, p.paragraph FROM texts t LEFT JOIN positions p USING (article_id)"
            " ORDER BY COALESCE(t.opened_at, t.added_at) DESC, t.opened_at IS NULL, t.id DESC"
        ).fetchall()
        return [_entry(row) for row in rows]

    def entry(self, text_id: int) -> Entry | None:
        """The text with this id, if any."""
        return next((e for e in self.entries() if e.id == text_id), None)

    def find(self, article_id: str) -> Entry | None:
        """The text with this article id, if it is in the library."""
        return next((e for e in self.entries() if e.article_id == article_id), None)

    def remove(self, text_id: int) -> Entry | None:
        """Remove a text with its position, bookmarks and chapter positions; returns what was removed."""
        found = self.entry(text_id)
        if found is None:
            return None
        with self._db:
            self._db.execute("DELETE FROM texts WHERE id = ?", (text_id,))
            for table in ("positions", "bookmarks", "chapter_positions", "text_words", "text_words_done"):
                self._db.execute(f"DELETE FROM {table} WHERE article_id = ?", (found.article_id,))
        return found

    def mark_opened(self, article_id: str) -> None:
        """Note that the text with this article id (if in the library) was opened now."""
        with self._db:
            self._db.execute("UPDATE texts SET opened_at = ? WHERE article_id = ?", (_now(), article_id))

    # word keys (for the known share)
    def word_keys(self, article_id: str) -> set[str] | None:
        """The distinct word keys saved for a text (None: never saved)."""
        done = self._db.execute(
            "SELECT 1 FROM text_words_done WHERE article_id = ?", (article_id,)
        ).fetchone()
        if done is None:
            return None
        rows = self._db.execute("SELECT key FROM text_words WHERE article_id = ?", (article_id,)).fetchall()
        return {str(r[0]) for r in rows}

    def save_word_keys(self, article_id: str, keys: set[str]) -> None:
        """Save a text's distinct word keys (replacing any saved)."""
        with self._db:
            self._db.execute("DELETE FROM text_words WHERE article_id = ?", (article_id,))
            self._db.executemany(
                "INSERT INTO text_words VALUES (?, ?)", [(article_id, k) for k in sorted(keys)]
            )
            self._db.execute("INSERT OR REPLACE INTO text_words_done VALUES (?)", (article_id,))

    # reading positions
    def save_position(self, article_id: str, position: Position, paragraphs: int) -> None:
        """Remember where the text with this article id was left."""
        with self._db:
            self._db.execute(
                "INSERT OR REPLACE INTO positions VALUES (?, ?, ?, ?, ?, ?)",
                (article_id, position.paragraph, position.offset, position.top, paragraphs, _now()),
            )

    def position(self, article_id: str) -> Position | None:
        """Where the text was left, if it was ever read."""
        row = self._db.execute(
            "SELECT paragraph, offset, top FROM positions WHERE article_id = ?", (article_id,)
        ).fetchone()
        return Position(int(row[0]), int(row[1]), int(row[2])) if row else None

    def read_at(self, article_id: str) -> tuple[Position, str] | None:
        """Where the text was left and when (for texts read but never added: the shipped articles)."""
        row = self._db.execute(
            "SELECT paragraph, offset, top, updated_at FROM positions WHERE article_id = ?", (article_id,)
        ).fetchone()
        return (Position(int(row[0]), int(row[1]), int(row[2])), str(row[3])) if row else None

    def opened_before(self) -> bool:
        """Whether any text was ever read with a remembered position (the reader's second run on)."""
        return self._db.execute("SELECT 1 FROM positions LIMIT 1").fetchone() is not None

    # chapters
    def save_chapter_position(self, article_id: str, chapter: int, paragraph: int, offset: int) -> None:
        """Remember where the reader was inside chapter ``chapter`` (its index in the TOC)."""
        with self._db:
            self._db.execute(
                "INSERT OR REPLACE INTO chapter_positions VALUES (?, ?, ?, ?)",
                (article_id, chapter, paragraph, offset),
            )

    def chapter_position(self, article_id: str, chapter: int) -> tuple[int, int] | None:
        """Where the reader was last inside chapter ``chapter`` of the text, if ever."""
        row = self._db.execute(
            "SELECT paragraph, offset FROM chapter_positions WHERE article_id = ? AND chapter = ?",
            (article_id, chapter),
        ).fetchone()
        return (int(row[0]), int(row[1])) if row else None

    # bookmarks
    def add_bookmark(self, article_id: str, paragraph: int, offset: int, label: str) -> None:
        """Set a bookmark (setting one where one is replaces its label)."""
        with self._db:
            self._db.execute(
                "INSERT OR REPLACE INTO bookmarks VALUES (?, ?, ?, ?, ?)",
                (article_id, paragraph, offset, label, _now()),
            )

    def remove_bookmark(self, article_id: str, paragraph: int, offset: int) -> None:
        """Remove a bookmark (nothing happens if there is none)."""
        with self._db:
            self._db.execute(
                "DELETE FROM bookmarks WHERE article_id = ? AND paragraph = ? AND offset = ?",
                (article_id, paragraph, offset),
            )

    def bookmarks(self, article_id: str) -> list[Bookmark]:
        """The text's bookmarks in reading order."""
        rows = self._db.execute(
            "SELECT paragraph, offset, label, created_at FROM bookmarks WHERE article_id = ?"
            " ORDER BY paragraph, offset",
            (article_id,),
        ).fetchall()
        return [Bookmark(int(r[0]), int(r[1]), str(r[2]), str(r[3])) for r in rows]


def _entry(row: tuple[object, ...]) -> Entry:
    paragraphs = int(str(row[6]))
    at = row[10]
    progress = 0.0 if at is None or paragraphs <= 0 else min(1.0, (int(str(at)) + 1) / paragraphs)
    return Entry(
        id=int(str(row[0])),
        article_id=str(row[1]),
        title=str(row[2]),
        kind=str(row[3]),
        file=str(row[4]),
        source=str(row[5]),
        paragraphs=paragraphs,
        characters=int(str(row[7])),
        added_at=str(row[8]),
        opened_at=None if row[9] is None else str(row[9]),
        progress=progress,
    )


def _is_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False
