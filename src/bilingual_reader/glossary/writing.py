"""Bulk writes to a glossary under one immediate write lock (imports and merges)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from bilingual_reader.glossary import rows
from bilingual_reader.glossary.errors import GlossaryError
from bilingual_reader.glossary.models import Concept, Status
from bilingual_reader.glossary.store import Glossary, utc_now

__all__ = ["insert_concept", "preferred_thai_index", "update_concept", "write_lock"]


def _name(glossary: Glossary) -> str:
    return str(glossary.path) if glossary.path is not None else ":memory:"


@contextmanager
def write_lock(glossary: Glossary) -> Iterator[sqlite3.Connection]:
    """One transaction that takes the write lock first (``BEGIN IMMEDIATE``, waiting up to the busy timeout).

    Reading then writing inside a plain deferred transaction can fail at once with "database is locked"
    when another process wrote in between; taking the lock first makes the reads and writes consistent.
    Everything is rolled back if the block raises. Inside an open transaction this is a savepoint.
    """
    if glossary.read_only:
        raise GlossaryError(f"{_name(glossary)}: glossary is read-only")
    conn = glossary.db.conn
    if conn.in_transaction:
        with glossary.transaction():
            yield conn
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as err:
        raise GlossaryError(f"{_name(glossary)}: {err}") from err
    try:
        yield conn
    except sqlite3.Error as err:
        conn.rollback()
        raise GlossaryError(f"{_name(glossary)}: {err}") from err
    except BaseException:
        conn.rollback()
        raise
    try:
        conn.execute("COMMIT")
    except sqlite3.Error as err:
        conn.rollback()
        raise GlossaryError(f"{_name(glossary)}: {err}") from err


def preferred_thai_index(conn: sqlite3.Connection) -> dict[str, list[int]]:
    """Normalized preferred Thai term -> the ids of the concepts having it, lowest first."""
    index: dict[str, list[int]] = {}
    sql = "SELECT key, concept_id FROM terms WHERE lang = 'th' AND status = 'preferred' ORDER BY concept_id"
    for key, concept_id in conn.execute(sql):
        index.setdefault(key, []).append(concept_id)
    return index


def insert_concept(conn: sqlite3.Connection, concept: Concept, keys: Sequence[str], now: str) -> int:
    """Insert a validated concept whose terms' normalized ``keys`` (in term order) are already known.

    The same rows as ``rows.insert_concept``, but the slow normalization happens before the write lock.
    """
    cursor = conn.execute(
        "INSERT INTO concepts (subject, definition, note, check_enabled, created, updated)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (concept.subject.strip(), concept.definition, concept.note, int(concept.check_enabled), now, now),
    )
    concept_id = cursor.lastrowid
    conn.executemany(
        "INSERT INTO terms (concept_id, lang, text, key, status, pos) VALUES (?, ?, ?, ?, ?, ?)",
        [
            (concept_id, t.lang, t.text.strip(), key, Status(t.status).value, t.pos)
            for t, key in zip(concept.terms, keys, strict=True)
        ],
    )
    assert concept_id is not None
    return concept_id


def update_concept(conn: sqlite3.Connection, concept: Concept) -> None:
    """Rewrite an already validated concept that has an id."""
    rows.update_concept(conn, concept, utc_now())
