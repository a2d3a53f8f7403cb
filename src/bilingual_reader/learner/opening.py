"""Opening a learner database safely: refuse foreign or corrupt files untouched, back up, then migrate."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from bilingual_reader.learner import schema
from bilingual_reader.store_files import backup_copy, open_store_file

__all__ = ["LearnerError", "memory_database", "open_database"]


class LearnerError(Exception):
    """The learner database cannot be used; ``str()`` is one line naming the file."""


def open_database(path: Path, read_only: bool) -> tuple[sqlite3.Connection, bool]:
    """Open (creating if needed) and migrate the learner database at ``path``; returns it and whether it
    is read-only (asked for, or the file or its folder cannot be written)."""
    return open_store_file(
        path,
        read_only,
        what="learner database",
        fail=LearnerError,
        connect=_connect,
        prepare=_prepare,
    )


def memory_database() -> sqlite3.Connection:
    """A fresh, migrated in-memory learner database."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    schema.migrate(conn)
    return conn


def _connect(path: Path, read_only: bool) -> sqlite3.Connection:
    query = "mode=ro" if read_only else "mode=rwc"
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?{query}", uri=True, isolation_level=None)
        schema.configure(conn)
        if read_only:
            try:
                conn.execute("PRAGMA schema_version").fetchone()
            except sqlite3.OperationalError:  # a WAL file we may not create a -shm for
                conn.close()
                conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
                conn.isolation_level = None
            except sqlite3.DatabaseError:
                pass  # not a database at all: _prepare says so
    except sqlite3.Error as err:
        raise LearnerError(f"{path}: cannot open the learner database ({err})") from err
    return conn


def _prepare(conn: sqlite3.Connection, path: Path, read_only: bool) -> sqlite3.Connection:
    """Check ``conn`` holds a learner database we recognise, then bring its schema up to date."""
    try:
        # No quick_check on every open: it reads the whole file (0.3-0.8 s for 50,000 words, on the UI
        # thread). Damage to the schema fails here; damage elsewhere fails the query that meets it, as one
        # line (LearnerError) too. Before a migration the whole file is checked.
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
        current = schema.version(conn)
        if tables and current < schema.SCHEMA_VERSION:
            check = conn.execute("PRAGMA quick_check").fetchall()
            if check != [("ok",)]:
                first = str(check[0][0]).strip().splitlines()[0]
                raise LearnerError(f"{path}: corrupt learner database ({first}); left untouched")
    except sqlite3.OperationalError as err:
        raise LearnerError(f"{path}: cannot read the learner database ({err})") from err
    except sqlite3.DatabaseError as err:
        raise LearnerError(f"{path}: corrupt or not a SQLite database ({err})") from err
    if tables and app_id != schema.APPLICATION_ID:
        raise LearnerError(f"{path}: not a bilingual-reader learner database (another SQLite file)")
    if current > schema.SCHEMA_VERSION:
        raise LearnerError(
            f"{path}: learner database from a newer version (schema {current}); left untouched"
        )
    if current == schema.SCHEMA_VERSION:
        if not read_only:
            _wal(conn, path)
        return conn
    if read_only:
        if not tables:
            raise LearnerError(f"{path}: empty database, not a learner database")
        memory = sqlite3.connect(":memory:", isolation_level=None)
        conn.backup(memory)
        conn.close()
        schema.migrate(memory)
        return memory
    if current:
        backup_copy(conn, path, current, what="learner database", fail=LearnerError)
    _wal(conn, path)
    try:
        schema.migrate(conn)
    except sqlite3.Error as err:
        raise LearnerError(f"{path}: cannot upgrade the learner database ({err})") from err
    return conn


def _wal(conn: sqlite3.Connection, path: Path) -> None:
    try:
        if conn.execute("PRAGMA journal_mode").fetchone() != ("wal",):
            conn.execute("PRAGMA journal_mode = wal")
    except sqlite3.Error as err:
        raise LearnerError(f"{path}: cannot write the learner database ({err})") from err
