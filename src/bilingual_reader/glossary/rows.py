"""SQL for reading and writing concepts and terms, and turning rows into models."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

from bilingual_reader.glossary.cleaning import stored_text
from bilingual_reader.glossary.models import Concept, Status, Term
from bilingual_reader.glossary.schema import PERSONAL
from bilingual_reader.thai.text import normalize_key

_SELECT = """
SELECT c.id, c.subject, c.definition, c.note, c.check_enabled, t.id, t.lang, t.text, t.status, t.pos, c.origin
FROM concepts AS c LEFT JOIN terms AS t ON t.concept_id = c.id
"""
# Terms preferred first (then admitted, deprecated, forbidden), Thai before English, then as entered.
_ORDER = """
ORDER BY c.id,
  CASE t.status WHEN 'preferred' THEN 0 WHEN 'admitted' THEN 1 WHEN 'deprecated' THEN 2 ELSE 3 END,
  CASE t.lang WHEN 'th' THEN 0 ELSE 1 END, t.id
"""
ALL_SQL = _SELECT + _ORDER
BY_ID_SQL = _SELECT + "WHERE c.id = ?" + _ORDER
BY_IDS_SQL = _SELECT + "WHERE c.id IN (SELECT value FROM json_each(?))" + _ORDER
BY_KEY_SQL = _SELECT + "WHERE c.id IN (SELECT concept_id FROM terms WHERE key = ?)" + _ORDER
THAI_KEYS_SQL = "SELECT DISTINCT key FROM terms WHERE lang = 'th'"
THAI_OWNER_SQL = """
SELECT concept_id FROM terms WHERE key = ? AND lang = 'th' AND concept_id != ? ORDER BY concept_id LIMIT 1
"""


def concepts_from_rows(rows: Iterable[Sequence[Any]]) -> list[Concept]:
    """Group joined concept/term rows (ordered by concept) into concepts.

    What is read is made safe, whoever wrote the file (an older version, another program, an attacker):
    text is made printable (``cleaning.stored_text``: no escapes or controls, BLOBs decoded); a term whose
    language or status is not one we know cannot be read and is left out, and so is a concept left
    without terms.
    """
    result: list[Concept] = []
    head: Sequence[Any] | None = None
    terms: list[Term] = []
    for row in rows:
        if head is None or row[0] != head[0]:
            if head is not None and terms:
                result.append(_concept(head, terms))
            head, terms = row, []
        if row[5] is None:
            continue
        status = _STATUSES.get(row[8])
        if status is None or row[6] not in _LANGS:
            continue
        terms.append(Term(text=_line(row[7]), lang=row[6], status=status, pos=_line(row[9]), id=row[5]))
    if head is not None and terms:
        result.append(_concept(head, terms))
    return result


def concepts_by_ids(conn: sqlite3.Connection, ids: Sequence[int]) -> list[Concept]:
    """The concepts with these ids in one query, in the order given (ids not found are left out)."""
    found = {c.id: c for c in concepts_from_rows(conn.execute(BY_IDS_SQL, (json.dumps(list(ids)),)))}
    return [found[concept_id] for concept_id in ids if concept_id in found]


_STATUSES: dict[object, Status] = {s.value: s for s in Status}
_LANGS = frozenset(("th", "en"))


def _line(value: object) -> str:
    return value if type(value) is str and value.isprintable() else stored_text(value, one_line=True)


def _text(value: object) -> str:
    return value if type(value) is str and value.isprintable() else stored_text(value)


def _concept(head: Sequence[Any], terms: list[Term]) -> Concept:
    return Concept(
        subject=_line(head[1]),
        terms=tuple(terms),
        definition=_text(head[2]),
        note=_text(head[3]),
        id=head[0],
        check_enabled=bool(head[4]),
        origin=_line(head[10]),
    )


def insert_concept(conn: sqlite3.Connection, concept: Concept, now: str) -> int:
    """Insert ``concept`` (keeping its id if set) and its terms; returns the concept id."""
    cursor = conn.execute(
        "INSERT INTO concepts (id, subject, definition, note, check_enabled, created, updated, origin)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (concept.id, *_concept_fields(concept), now, now, concept.origin or PERSONAL),
    )
    concept_id = concept.id if concept.id is not None else cursor.lastrowid
    assert concept_id is not None
    for term in concept.terms:
        insert_term(conn, concept_id, term)
    return concept_id


def update_concept(conn: sqlite3.Connection, concept: Concept, now: str) -> None:
    """Rewrite ``concept``'s row and terms, keeping the ids of terms that carry one of its term ids (and its
    origin unless ``concept`` names one)."""
    assert concept.id is not None
    conn.execute(
        "UPDATE concepts SET subject = ?, definition = ?, note = ?, check_enabled = ?, updated = ?,"
        " origin = coalesce(nullif(?, ''), origin) WHERE id = ?",
        (*_concept_fields(concept), now, concept.origin, concept.id),
    )
    existing = {row[0] for row in conn.execute("SELECT id FROM terms WHERE concept_id = ?", (concept.id,))}
    kept = {t.id for t in concept.terms if t.id in existing}
    for term_id in sorted(existing - kept):
        conn.execute("DELETE FROM terms WHERE id = ?", (term_id,))
    for term in concept.terms:
        if term.id in kept:
            conn.execute(
                "UPDATE terms SET lang = ?, text = ?, key = ?, status = ?, pos = ? WHERE id = ?",
                (*_term_fields(term), term.id),
            )
        else:
            insert_term(conn, concept.id, term)


def insert_term(conn: sqlite3.Connection, concept_id: int, term: Term) -> None:
    """Insert one term of a concept (a new id is always assigned)."""
    conn.execute(
        "INSERT INTO terms (concept_id, lang, text, key, status, pos) VALUES (?, ?, ?, ?, ?, ?)",
        (concept_id, *_term_fields(term)),
    )


def _concept_fields(concept: Concept) -> tuple[str, str, str, int]:
    return (concept.subject.strip(), concept.definition, concept.note, int(concept.check_enabled))


def _term_fields(term: Term) -> tuple[str, str, str, str, str]:
    return (term.lang, term.text.strip(), normalize_key(term.text), str(Status(term.status)), term.pos)
