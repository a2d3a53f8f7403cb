"""Opening the translation memory file safely: refuse foreign or corrupt files untouched, then create tables.

Like the glossary (``glossary/opening.py``): a directory, a file that is not SQLite, a damaged database or
one with another schema is one line naming the file, with a hint, and the file is never written.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

from bilingual_reader.store_files import check_store_file
from bilingual_reader.translation.errors import MemoryFileError

BUSY_TIMEOUT_S = 5.0
HINT = "move it aside to start a new memory (it was left unchanged)"

#: Each table of the memory and its columns (primary key columns first).
TABLES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "sentences": (("model", "settings", "source"), ("best", "nbest", "created")),
    "post_edits": (("article_id", "paragraph", "source_hash"), ("english", "updated")),
    # Added with glossary steering: ``terms`` identifies the glossary terms a sentence was steered to.
    "steered": (("model", "settings", "source", "terms"), ("text", "method", "suggestions", "created")),
    # A paragraph's sentence split (key: splitter version and paragraph hash → JSON list of sentences).
    "splits": (("key",), ("sentences",)),
    # Every post-edit saved and every revert, newest last: a reverted edit can still be read back.
    "post_edit_history": (
        ("article_id", "paragraph", "source_hash", "saved"),
        ("english", "reverted"),
    ),
    # The Thai a post-edit was made for (post-edits are keyed by its hash), so `memory export` can write
    # the pair; post-edits saved before this table existed have none and are not exported.
    "post_edit_sources": (("source_hash",), ("thai",)),
    # Post-edits a class pack brought (the teacher's English, and the pack's name): while a paragraph's
    # post-edit is still this text, it is shown as the teacher's translation.
    "teacher_english": (("article_id", "paragraph", "source_hash"), ("english", "pack")),
}
_TYPES = {"paragraph": "INTEGER"}


def create_statement(name: str) -> str:
    """``CREATE TABLE IF NOT EXISTS`` for the memory table ``name`` of :data:`TABLES`."""
    key, rest = TABLES[name]
    columns = ", ".join(f"[{c}] {_TYPES.get(c, 'TEXT')}" for c in (*key, *rest))
    return f"CREATE TABLE IF NOT EXISTS [{name}] ({columns}, PRIMARY KEY ({', '.join(key)}))"


def _problem(path: Path, what: str) -> MemoryFileError:
    return MemoryFileError(f"{path}: {what}; {HINT}")


def _check_schema(conn: sqlite3.Connection, path: Path) -> None:
    """Raise unless ``conn`` is empty or holds our tables with their columns."""
    try:
        if conn.execute("PRAGMA quick_check").fetchall() != [("ok",)]:
            raise _problem(path, "corrupt translation memory")
        tables = {
            row[0]
            for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if not row[0].startswith("sqlite_")
        }
        ours = tables & set(TABLES)
        if tables and not ours:
            raise _problem(path, "not a translation memory (unrecognised schema)")
        for name in sorted(ours):
            have = {row[1] for row in conn.execute(f"PRAGMA table_info([{name}])")}
            missing = [c for part in TABLES[name] for c in part if c not in have]
            if missing:
                raise _problem(path, f"unrecognised translation memory schema ({name} lacks {missing[0]})")
    except sqlite3.DatabaseError as err:
        raise _problem(path, f"corrupt translation memory ({err})") from None


def connect_memory(path: Path) -> sqlite3.Connection:
    """A connection to the memory at ``path`` (created 0600 in a 0700 folder when missing), tables ready."""
    exists = check_store_file(path, what="translation memory", fail=lambda m: MemoryFileError(f"{m}; {HINT}"))
    if not exists:
        try:
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
        except OSError as err:
            raise MemoryFileError(f"{path}: cannot create the translation memory ({err.strerror})") from None
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, check_same_thread=True)
    except sqlite3.Error as err:
        raise MemoryFileError(f"{path}: cannot open the translation memory ({err})") from None
    try:
        _check_schema(conn, path)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")  # with WAL: an app crash loses nothing committed
        with conn:
            for name in TABLES:
                conn.execute(create_statement(name))
    except sqlite3.Error as err:
        with contextlib.suppress(sqlite3.Error):
            conn.close()
        raise MemoryFileError(f"{path}: cannot use the translation memory ({err})") from None
    except BaseException:
        conn.close()
        raise
    return conn
