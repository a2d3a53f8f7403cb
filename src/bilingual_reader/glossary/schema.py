"""The glossary database schema as sqlite-utils migrations, and the connection settings it needs."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

MIGRATION_SET = "bilingual_reader.glossary"
#: How long a writer waits for another's write lock. An import is one transaction per file, and SQLite's
#: busy handler polls (up to every 100 ms) rather than queueing, so a writer that sleeps through the gap
#: between two files waits for the next one too: it may need as long as a whole multi-file import. 5 s was
#: not enough for four 1,000-concept files on a loaded machine (tests/glossary/test_gf_two_writers.py).
BUSY_TIMEOUT_MS = 30_000

Migration = Callable[["Database"], None]


def m001_concepts_and_terms(db: Database) -> None:
    """The first schema: concepts and their terms, keyed for lookup."""
    db.execute(
        """CREATE TABLE concepts (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            subject TEXT NOT NULL,
            definition TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT ''
        )"""
    )
    db.execute(
        """CREATE TABLE terms (
            id INTEGER PRIMARY KEY,
            concept_id INTEGER NOT NULL REFERENCES concepts(id) ON DELETE CASCADE,
            lang TEXT NOT NULL CHECK (lang IN ('th', 'en')),
            text TEXT NOT NULL CHECK (text <> ''),
            key TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'preferred'
                CHECK (status IN ('preferred', 'admitted', 'deprecated', 'forbidden'))
        )"""
    )
    db.execute("CREATE INDEX terms_key ON terms (key)")
    db.execute("CREATE INDEX terms_concept_id ON terms (concept_id)")


def m002_term_pos(db: Database) -> None:
    """Terms get a part of speech."""
    db.execute("ALTER TABLE terms ADD COLUMN pos TEXT NOT NULL DEFAULT 'noun'")


def m003_concept_check_enabled(db: Database) -> None:
    """Concepts can be left out of the terminology check."""
    db.execute(
        "ALTER TABLE concepts ADD COLUMN check_enabled INTEGER NOT NULL DEFAULT 1"
        " CHECK (check_enabled IN (0, 1))"
    )


def m004_concept_timestamps(db: Database) -> None:
    """Concepts record when they were created and last updated (ISO 8601, UTC)."""
    db.execute("ALTER TABLE concepts ADD COLUMN created TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE concepts ADD COLUMN updated TEXT NOT NULL DEFAULT ''")
    db.execute("UPDATE concepts SET created = strftime('%Y-%m-%dT%H:%M:%S+00:00'), updated = created")


#: The FTS5 index over every term's normalized key (trigram: substrings of 3+ characters), kept in sync
#: with ``terms`` by triggers, so every writer (old code paths, other processes) maintains it. No column
#: sizes are stored (``columnsize=0``: they only serve bm25 ranking, which search does not use).
SEARCH_INDEX = "terms_fts"


def m005_search_index(db: Database) -> None:
    """A trigram FTS5 index over term keys (Thai substrings, English words), maintained by triggers.

    The key index also covers ``concept_id`` and ``lang``: lookups and prefix searches then never read the
    table (a 4-letter prefix matching 14k of 400k terms: 28 ms -> a few ms).
    """
    db.execute("CREATE INDEX terms_key_concept ON terms (key, concept_id, lang)")
    db.execute("DROP INDEX terms_key")
    db.execute(
        f"CREATE VIRTUAL TABLE {SEARCH_INDEX} USING fts5("
        "key, content='terms', content_rowid='id', tokenize='trigram case_sensitive 1', columnsize=0)"
    )
    db.execute(f"INSERT INTO {SEARCH_INDEX} ({SEARCH_INDEX}) VALUES ('rebuild')")
    add = f"INSERT INTO {SEARCH_INDEX} (rowid, key) VALUES (new.id, new.key);"
    remove = f"INSERT INTO {SEARCH_INDEX} ({SEARCH_INDEX}, rowid, key) VALUES ('delete', old.id, old.key);"
    db.execute(f"CREATE TRIGGER terms_fts_insert AFTER INSERT ON terms BEGIN {add} END")
    db.execute(f"CREATE TRIGGER terms_fts_delete AFTER DELETE ON terms BEGIN {remove} END")
    db.execute(f"CREATE TRIGGER terms_fts_update AFTER UPDATE OF id, key ON terms BEGIN {remove} {add} END")


#: Where a concept came from (``concepts.origin``): set by every path that creates one.
SHIPPED = "shipped"
PERSONAL = "personal"
#: The ``created`` time of every concept of the shipped glossary (it is built deterministically).
SHIPPED_BUILD_TIME = "2000-01-01T00:00:00+00:00"


def m006_concept_origin(db: Database) -> None:
    """Concepts say where they came from: shipped, personal, ``class pack NAME``, ``import FILE``,
    ``merge FILE``. Of the concepts stored before, those created at the shipped glossary's build time came
    with it (a copy of the shipped file); the others have "" (not recorded). Candidate terms a teacher
    dismissed are kept so they are not offered again."""
    db.execute("ALTER TABLE concepts ADD COLUMN origin TEXT NOT NULL DEFAULT ''")
    db.execute("UPDATE concepts SET origin = ? WHERE created = ?", (SHIPPED, SHIPPED_BUILD_TIME))
    db.execute("CREATE TABLE candidate_dismissals (key TEXT PRIMARY KEY, dismissed TEXT NOT NULL)")


MIGRATION_FUNCTIONS: tuple[Migration, ...] = (
    m001_concepts_and_terms,
    m002_term_pos,
    m003_concept_check_enabled,
    m004_concept_timestamps,
    m005_search_index,
    m006_concept_origin,
)
MIGRATION_NAMES: tuple[str, ...] = tuple(fn.__name__ for fn in MIGRATION_FUNCTIONS)
SCHEMA_VERSION = len(MIGRATION_NAMES)

MIGRATIONS_TABLE = "_sqlite_migrations"


@cache
def migration_set() -> Migrations:
    """The sqlite-utils migration set (imported on first use: sqlite-utils is slow to import)."""
    from sqlite_utils.migrations import Migrations

    found = Migrations(MIGRATION_SET)
    for fn in MIGRATION_FUNCTIONS:
        found()(fn)
    return found


def __getattr__(name: str) -> Any:
    """``schema.migrations``: the migration set, built on first access."""
    if name == "migrations":
        return migration_set()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# Columns the current schema must have; checked after migrating so a lookalike file is refused.
REQUIRED_COLUMNS = {
    "concepts": {"id", "subject", "definition", "note", "check_enabled", "created", "updated", "origin"},
    "candidate_dismissals": {"key", "dismissed"},
    "terms": {"id", "concept_id", "lang", "text", "key", "status", "pos"},
    SEARCH_INDEX: {"key"},
}


def configure(conn: sqlite3.Connection) -> None:
    """Per-connection settings that never write to the file: foreign keys on, a busy timeout.

    Recursive triggers are on, as sqlite-utils sets them: rows a ``REPLACE`` deletes then fire their
    delete triggers, which keep the search index in step.
    """
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA recursive_triggers = ON")
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


def applied_names(db: Database | sqlite3.Connection) -> list[str]:
    """Names of this set's migrations already applied to ``db``, in order (read-only)."""
    conn = db if isinstance(db, sqlite3.Connection) else db.conn
    if not conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (MIGRATIONS_TABLE,)
    ).fetchone():
        return []
    sql = f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ? ORDER BY rowid"
    return [row[0] for row in conn.execute(sql, (MIGRATION_SET,))]


def unknown_migrations(applied: list[str]) -> list[str]:
    """Applied migrations this version does not know, or that are out of order (a newer or foreign file)."""
    if applied == list(MIGRATION_NAMES[: len(applied)]):
        return []
    return [name for name in applied if name not in MIGRATION_NAMES] or applied


def missing_columns(db: Database | sqlite3.Connection) -> list[str]:
    """``table.column`` names the current schema needs but ``db`` lacks."""
    conn = db if isinstance(db, sqlite3.Connection) else db.conn
    missing: list[str] = []
    for table, columns in REQUIRED_COLUMNS.items():
        have = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
        missing.extend(f"{table}.{col}" for col in sorted(columns - have))
    return missing
