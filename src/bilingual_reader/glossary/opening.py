"""Opening a glossary file safely: refuse foreign or corrupt files untouched, back up, then migrate.

Connections are plain ``sqlite3`` ones: sqlite-utils (slow to import, and it imports numpy) is only
imported when a schema must be migrated.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from bilingual_reader.glossary import schema
from bilingual_reader.glossary.errors import GlossaryError
from bilingual_reader.store_files import backup_copy, open_store_file

if TYPE_CHECKING:
    from sqlite_utils import Database


def open_database(path: Path, read_only: bool) -> tuple[sqlite3.Connection, bool]:
    """Open (creating if needed) and migrate the glossary at ``path``; returns it and its read-only flag."""
    return open_store_file(
        path,
        read_only,
        what="glossary",
        fail=GlossaryError,
        connect=_connect,
        prepare=_prepare,
    )


def memory_database() -> sqlite3.Connection:
    """A fresh, migrated in-memory glossary database."""
    conn = sqlite3.connect(":memory:")
    schema.configure(conn)
    schema.migration_set().apply(_wrap(conn))
    return conn


def _wrap(conn: sqlite3.Connection) -> Database:
    """``conn`` as a sqlite-utils database, for migrations."""
    from sqlite_utils import Database

    return Database(conn, execute_plugins=False)


def _connect(path: Path, read_only: bool) -> sqlite3.Connection:
    """A connection to ``path``, through a ``mode=ro`` URI when read-only.

    Reading a glossary in WAL mode (as the app leaves it) needs its ``-shm`` file, which SQLite cannot
    create in a folder we may not write: then the file is opened as immutable, which needs no other file.
    """
    if not read_only:
        return _connect_uri(path, "mode=rwc")
    conn = _connect_uri(path, "mode=ro")
    try:
        conn.execute("PRAGMA schema_version").fetchone()
    except sqlite3.OperationalError as err:
        conn.close()
        if _has_pending_wal(path):
            raise GlossaryError(
                f"{path}: cannot read the glossary ({err}): its folder is not writable and {path.name}-wal"
                " holds changes not yet saved into it; open it once where it can be written"
            ) from err
        return _connect_uri(path, "mode=ro&immutable=1")
    except sqlite3.DatabaseError:
        pass  # not a database at all: _prepare says so
    return conn


def _connect_uri(path: Path, query: str) -> sqlite3.Connection:
    """A configured connection to ``path`` opened with the URI parameters ``query``."""
    try:
        conn = sqlite3.connect(
            f"{path.resolve().as_uri()}?{query}", uri=True, timeout=schema.BUSY_TIMEOUT_MS / 1000
        )
        schema.configure(conn)
    except sqlite3.Error as err:
        raise GlossaryError(f"{path}: cannot open the glossary ({err})") from err
    return conn


def _has_pending_wal(path: Path) -> bool:
    """Whether ``path`` has a non-empty write-ahead log beside it."""
    try:
        return path.with_name(path.name + "-wal").stat().st_size > 0
    except OSError:
        return False


def _prepare(conn: sqlite3.Connection, path: Path, read_only: bool) -> sqlite3.Connection:
    """Check ``conn`` holds a glossary we recognise, then bring its schema up to date."""
    try:
        check = conn.execute("PRAGMA quick_check").fetchall()
        if check != [("ok",)]:
            first = str(check[0][0]).strip().splitlines()[0]  # quick_check can report pages of problems
            raise GlossaryError(
                f"{path}: corrupt database ({first}); left untouched: restore it from a backup"
            )
        tables = {
            row[0]
            for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if not row[0].startswith("sqlite_")
        }
        applied = schema.applied_names(conn)
    except sqlite3.OperationalError as err:
        raise GlossaryError(f"{path}: cannot read the glossary ({err})") from err
    except sqlite3.DatabaseError as err:
        raise GlossaryError(f"{path}: corrupt or not a SQLite database ({err})") from err
    if tables and not applied:
        raise GlossaryError(f"{path}: not a bilingual-reader glossary (unrecognised schema)")
    unknown = schema.unknown_migrations(applied)
    if unknown:
        raise GlossaryError(
            f"{path}: unrecognised glossary schema (made by a newer version? unknown migration {unknown[0]})"
        )
    pending = len(applied) < schema.SCHEMA_VERSION
    if read_only:
        if not tables:
            raise GlossaryError(f"{path}: empty database, not a glossary")
        if pending:
            conn = _migrated_copy(conn, path)
    else:
        if pending and applied:
            backup_copy(conn, path, len(applied), what="glossary", fail=GlossaryError)
        try:
            if conn.execute("PRAGMA journal_mode").fetchone() != ("wal",):
                conn.execute("PRAGMA journal_mode = wal")
            if pending:
                schema.migration_set().apply(_wrap(conn))
        except sqlite3.Error as err:
            raise GlossaryError(f"{path}: cannot upgrade the glossary ({err})") from err
    missing = schema.missing_columns(conn)
    if missing:
        raise GlossaryError(f"{path}: unrecognised glossary schema (missing {', '.join(missing)})")
    return conn


def _migrated_copy(conn: sqlite3.Connection, path: Path) -> sqlite3.Connection:
    """An in-memory, migrated copy of an older read-only glossary (the file stays untouched)."""
    memory = sqlite3.connect(":memory:")
    conn.backup(memory)
    conn.close()
    schema.configure(memory)
    try:
        schema.migration_set().apply(_wrap(memory))
    except sqlite3.Error as err:
        memory.close()
        raise GlossaryError(f"{path}: cannot upgrade the glossary ({err})") from err
    return memory
