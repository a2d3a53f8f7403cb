"""Review state of the check: dismissed hits (per article and paragraph) and switching a concept's check.

Schema versions (``PRAGMA user_version``): 0 numbered paragraphs from the line after the title, under an
article id that left the title out; 1 (issue 8) counts every line. Opening a version-0 database renames its
tables to ``…_v0``; an article's old rows move to the new numbering (paragraph + 1, the new id) the first
time that article is opened (:meth:`ReviewStore.adopt_legacy`), since only its text gives the new id.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bilingual_reader import paths
from bilingual_reader.schema_version import upgrade

FILE_NAME = "review.db"
_TABLE = "dismissals"
_CHECKS = "check_dismissals"  # findings of the kinds beyond terms, by their key (kind:code:text)
SCHEMA_VERSION = 1
# The tables as sqlite-utils created them (which this module used until it was found to cost every ``check``
# a quarter of a second at start-up: sqlite-utils imports numpy and scans the installed packages' plugins).
_COLUMNS = {_TABLE: "concept_id", _CHECKS: "key"}
_TYPES = {_TABLE: "INTEGER", _CHECKS: "TEXT"}


class ReviewError(Exception):
    """The review database cannot be used; ``str(err)`` is one line naming the file."""


def review_path() -> Path:
    """Where dismissals are kept: ``data_dir()/review.db``."""
    return paths.data_dir() / FILE_NAME


class ReviewStore:
    """Dismissed check hits, keyed by article id, paragraph index and concept id. One owning thread."""

    def __init__(self, conn: sqlite3.Connection, name: str) -> None:
        """Wrap an open connection; prefer ``open`` or ``memory``."""
        self._conn = conn
        self._name = name
        try:
            upgrade(conn, SCHEMA_VERSION, self._upgrade)
            for table in _COLUMNS:
                self._create_table(table)
        except sqlite3.DatabaseError as err:
            raise ReviewError(f"{name}: not a usable review database ({err})") from err

    def _exists(self, table: str) -> bool:
        sql = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"
        return self._conn.execute(sql, [table]).fetchone() is not None

    def _create_table(self, table: str) -> None:
        """Create ``table`` (one of the two) unless it exists."""
        if not self._exists(table):
            column = _COLUMNS[table]
            self._conn.execute(
                f'CREATE TABLE "{table}" (\n   "article_id" TEXT,\n   "paragraph" INTEGER,\n'
                f'   "{column}" {_TYPES[table]},\n   "created" TEXT,\n'
                f'   PRIMARY KEY ("article_id", "paragraph", "{column}")\n)'
            )

    def _upgrade(self, version: int) -> None:
        """Schema 0 → 1: keep the old rows aside until their article is opened (see the module's doc)."""
        for table in _COLUMNS:
            if version == 0 and self._exists(table):
                self._conn.execute(f"ALTER TABLE {table} RENAME TO {table}_v0")

    def adopt_legacy(self, legacy_id: str, article_id: str) -> int:
        """Move an article's schema-0 dismissals to ``article_id``, one paragraph on; return how many."""
        moved = 0

        def move() -> None:
            nonlocal moved
            for table, column in _COLUMNS.items():
                if not self._exists(f"{table}_v0"):
                    continue
                moved += self._conn.execute(
                    f"INSERT OR IGNORE INTO {table} (article_id, paragraph, {column}, created) "
                    f"SELECT ?, paragraph + 1, {column}, created FROM {table}_v0 WHERE article_id = ?",
                    [article_id, legacy_id],
                ).rowcount
                self._conn.execute(f"DELETE FROM {table}_v0 WHERE article_id = ?", [legacy_id])

        self._write(move)
        return moved

    @classmethod
    def open(cls, path: Path | None = None) -> ReviewStore:
        """Open (creating if needed) the review database, by default ``review_path()``."""
        location = path or review_path()
        try:
            paths.private_folder(location.parent)
            paths.private_file(location)
            conn = sqlite3.connect(location, timeout=5.0)
        except (OSError, sqlite3.Error) as err:
            raise ReviewError(f"{location}: cannot open the review database ({err})") from err
        return cls(conn, str(location))

    @classmethod
    def memory(cls) -> ReviewStore:
        """A throwaway store held in memory."""
        return cls(sqlite3.connect(":memory:"), ":memory:")

    def close(self) -> None:
        """Close the database."""
        self._conn.close()

    def dismiss(self, article_id: str, paragraph: int, concept_id: int) -> None:
        """Dismiss the check's hit for ``concept_id`` in one paragraph of one article."""
        self._dismiss(_TABLE, article_id, paragraph, "concept_id", concept_id)

    def restore(self, article_id: str, paragraph: int, concept_id: int) -> None:
        """Undo a dismissal (nothing happens if there was none)."""
        self._restore(_TABLE, article_id, paragraph, "concept_id", concept_id)

    def dismissed(self, article_id: str, legacy_id: str | None = None) -> frozenset[tuple[int, int]]:
        """The (paragraph, concept id) pairs dismissed for an article.

        ``legacy_id`` (``Article.legacy_id``) first moves the article's rows kept by schema version 0.
        """
        if legacy_id is not None:
            self.adopt_legacy(legacy_id, article_id)
        return frozenset((p, int(c)) for p, c in self._dismissed(_TABLE, article_id, "concept_id"))

    def dismiss_check(self, article_id: str, paragraph: int, key: str) -> None:
        """Dismiss a finding of the kinds beyond terms (``RuleFinding.key``) in one paragraph."""
        self._dismiss(_CHECKS, article_id, paragraph, "key", key)

    def restore_check(self, article_id: str, paragraph: int, key: str) -> None:
        """Undo :meth:`dismiss_check` (nothing happens if there was none)."""
        self._restore(_CHECKS, article_id, paragraph, "key", key)

    def dismissed_checks(self, article_id: str) -> frozenset[tuple[int, str]]:
        """The (paragraph, finding key) pairs dismissed for an article."""
        return frozenset((p, str(k)) for p, k in self._dismissed(_CHECKS, article_id, "key"))

    def _dismiss(self, table: str, article_id: str, paragraph: int, column: str, value: object) -> None:
        """Record one dismissal in ``table`` (``column`` names what is dismissed)."""
        created = datetime.now(UTC).isoformat(timespec="seconds")
        sql = f"INSERT OR REPLACE INTO {table} (article_id, paragraph, {column}, created) VALUES (?, ?, ?, ?)"
        self._write(lambda: self._conn.execute(sql, [article_id, paragraph, value, created]))

    def _restore(self, table: str, article_id: str, paragraph: int, column: str, value: object) -> None:
        """Forget one dismissal in ``table`` (nothing happens if there was none)."""
        sql = f"DELETE FROM {table} WHERE article_id = ? AND paragraph = ? AND {column} = ?"
        self._write(lambda: self._conn.execute(sql, [article_id, paragraph, value]))

    def _dismissed(self, table: str, article_id: str, column: str) -> list[tuple[int, Any]]:
        """The (paragraph, ``column``) pairs of ``table`` dismissed for an article."""
        sql = f"SELECT paragraph, {column} FROM {table} WHERE article_id = ?"
        try:
            return [(int(p), v) for p, v in self._conn.execute(sql, [article_id]).fetchall()]
        except sqlite3.Error as err:
            raise ReviewError(f"{self._name}: cannot read dismissals ({err})") from err

    def _write(self, action: Callable[[], object]) -> None:
        """Run a write in a transaction, turning SQLite errors into ``ReviewError``."""
        try:
            with self._conn:
                action()
        except sqlite3.Error as err:
            raise ReviewError(f"{self._name}: cannot write dismissals ({err})") from err
