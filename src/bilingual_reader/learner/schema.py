"""The learner database's schema: numbered steps tracked by ``PRAGMA user_version``."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

__all__ = ["SCHEMA_VERSION", "TABLES", "configure", "migrate", "version"]

BUSY_TIMEOUT_MS = 5000
#: ``application_id`` of a learner database ("BRLN"), so another SQLite file is never taken for one.
APPLICATION_ID = 0x42524C4E


def _v1(conn: sqlite3.Connection) -> None:
    """Words and their statuses, the status history, lookups, paragraphs read, settings."""
    conn.execute(
        """CREATE TABLE words (
            key TEXT PRIMARY KEY,
            status INTEGER NOT NULL CHECK (status IN (0, 1, 2, 3, 4, 5, 98, 99)),
            translation TEXT NOT NULL DEFAULT '',
            pronunciation TEXT NOT NULL DEFAULT '',
            tags TEXT NOT NULL DEFAULT '',
            created TEXT NOT NULL,
            changed TEXT NOT NULL
        ) WITHOUT ROWID"""
    )
    conn.execute(
        """CREATE TABLE history (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL,
            old INTEGER NOT NULL,
            new INTEGER NOT NULL,
            at TEXT NOT NULL,
            day TEXT NOT NULL,
            article TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL DEFAULT '',
            paragraph INTEGER NOT NULL DEFAULT -1,
            sentence TEXT NOT NULL DEFAULT ''
        )"""
    )
    conn.execute("CREATE INDEX history_day ON history (day)")
    conn.execute("CREATE INDEX history_key ON history (key)")
    conn.execute(
        """CREATE TABLE lookups (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL,
            article TEXT NOT NULL,
            title TEXT NOT NULL,
            paragraph INTEGER NOT NULL,
            sentence TEXT NOT NULL,
            at TEXT NOT NULL,
            day TEXT NOT NULL
        )"""
    )
    conn.execute("CREATE INDEX lookups_key ON lookups (key)")
    conn.execute(
        """CREATE TABLE reading (
            article TEXT NOT NULL,
            paragraph INTEGER NOT NULL,
            day TEXT NOT NULL,
            words INTEGER NOT NULL,
            at TEXT NOT NULL,
            PRIMARY KEY (article, paragraph, day)
        ) WITHOUT ROWID"""
    )
    conn.execute("CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID")


STEPS: tuple[Callable[[sqlite3.Connection], None], ...] = (_v1,)
SCHEMA_VERSION = len(STEPS)
TABLES = frozenset({"words", "history", "lookups", "reading", "settings"})


def configure(conn: sqlite3.Connection) -> None:
    """Per-connection settings that never write: a busy timeout."""
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


def version(conn: sqlite3.Connection) -> int:
    """The schema version of the database behind ``conn``."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection) -> None:
    """Bring the schema up to date in one ``BEGIN IMMEDIATE`` transaction (all steps or none)."""
    from bilingual_reader.schema_version import upgrade

    def steps(current: int) -> None:
        if current == 0:
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        for step in STEPS[current:]:
            step(conn)

    upgrade(conn, SCHEMA_VERSION, steps)
