"""Bulk writes to a glossary under one immediate write lock (imports and merges)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from bilingual_reader.glossary import rows
from bilingual_reader.glossary.models import Concept, Status
from bilingual_reader.glossary.schema import PERSONAL, SEARCH_INDEX
from bilingual_reader.glossary.store import Glossary, utc_now

__all__ = ["insert_concepts", "thai_index", "update_concept", "write_lock"]

# One statement for every term of a batch: the FTS triggers then index them in one pass (``executemany``
# would run the statement per row, and FTS5 flushes its pending index data at every statement).
_TERMS_FROM_JSON = """
INSERT INTO terms (concept_id, lang, text, key, status, pos)
SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'),
       json_extract(value, '$[3]'), json_extract(value, '$[4]'), json_extract(value, '$[5]')
FROM json_each(?)
"""
_NEXT_CONCEPT_ID = """
SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'concepts'), 0),
           coalesce((SELECT max(id) FROM concepts), 0)) + 1
"""
# Rebuilding the key index once is cheaper than updating it row by row when a batch outgrows what is there.
_KEY_INDEX = "CREATE INDEX terms_key_concept ON terms (key, concept_id, lang)"
_REBUILD_INDEX_FROM = 5_000  # concepts in one batch
BULK_CACHE_KIB = -65536  # page cache for bulk inserts: up to 64 MiB (negative: KiB), only as needed
_STATUS_VALUES = {s.value: s.value for s in Status}  # a StrEnum member hashes as its value


@contextmanager
def write_lock(glossary: Glossary) -> Iterator[sqlite3.Connection]:
    """One transaction that takes the write lock first (``BEGIN IMMEDIATE``, waiting up to the busy timeout).

    ``Glossary.transaction`` with the connection: everything is rolled back if the block raises; inside
    an open transaction this is a savepoint.
    """
    with glossary.transaction():
        yield glossary.db.conn


def thai_index(conn: sqlite3.Connection) -> dict[str, list[int]]:
    """Normalized Thai term (any status) -> the ids of the concepts having it, lowest first."""
    index: dict[str, list[int]] = {}
    sql = "SELECT key, concept_id FROM terms WHERE lang = 'th' ORDER BY concept_id"
    for key, concept_id in conn.execute(sql):
        index.setdefault(key, []).append(concept_id)
    return index


def insert_concepts(
    conn: sqlite3.Connection, batch: Sequence[tuple[Concept, Sequence[str]]], now: str
) -> list[int]:
    """Insert validated concepts (each with its terms' normalized keys, in term order); returns their ids.

    The same rows as ``rows.insert_concept`` one at a time (new ids in order, terms in order), written
    with two statements. Call it holding the write lock: the ids are allocated from the current maximum.
    """
    if not batch:
        return []
    (cache_size,) = conn.execute("PRAGMA cache_size").fetchone()
    conn.execute(f"PRAGMA cache_size = {BULK_CACHE_KIB}")  # the key index takes random inserts
    (existing,) = conn.execute("SELECT count(*) FROM concepts").fetchone()
    rebuild = len(batch) >= _REBUILD_INDEX_FROM and len(batch) > existing
    try:
        if not rebuild:
            return _insert(conn, batch, now)
        # Inside the caller's transaction, so readers never see the table without its indexes: drop the key
        # index and the search index's insert trigger, insert, then build both once for the new rows.
        (trigger,) = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'terms_fts_insert'").fetchone()
        (last_term,) = conn.execute("SELECT coalesce(max(id), 0) FROM terms").fetchone()
        conn.execute("DROP INDEX IF EXISTS terms_key_concept")
        conn.execute("DROP TRIGGER terms_fts_insert")
        ids = _insert(conn, batch, now)
        conn.execute(
            f"INSERT INTO {SEARCH_INDEX} (rowid, key) SELECT id, key FROM terms WHERE id > ?", (last_term,)
        )
        conn.execute(trigger)
        conn.execute(_KEY_INDEX)
        return ids
    finally:
        conn.execute(f"PRAGMA cache_size = {int(cache_size)}")


def _insert(conn: sqlite3.Connection, batch: Sequence[tuple[Concept, Sequence[str]]], now: str) -> list[int]:
    first = int(conn.execute(_NEXT_CONCEPT_ID).fetchone()[0])
    ids = list(range(first, first + len(batch)))
    conn.executemany(
        "INSERT INTO concepts (id, subject, definition, note, check_enabled, created, updated, origin)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                cid,
                c.subject.strip(),
                c.definition,
                c.note,
                int(c.check_enabled),
                now,
                now,
                c.origin or PERSONAL,
            )
            for cid, (c, _) in zip(ids, batch, strict=True)
        ],
    )
    statuses = _STATUS_VALUES
    terms = [
        (cid, t.lang, t.text.strip(), key, statuses.get(t.status) or Status(t.status).value, t.pos)
        for cid, (c, keys) in zip(ids, batch, strict=True)
        for t, key in zip(c.terms, keys, strict=True)
    ]
    conn.execute(_TERMS_FROM_JSON, (json.dumps(terms, ensure_ascii=False),))
    return ids


def update_concept(conn: sqlite3.Connection, concept: Concept) -> None:
    """Rewrite an already validated concept that has an id."""
    rows.update_concept(conn, concept, utc_now())
