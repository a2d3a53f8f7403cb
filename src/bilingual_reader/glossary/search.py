"""Glossary search shared by the CLI and the glossary screen: Thai substrings, English word prefixes.

Candidates come from the trigram FTS5 index over term keys (``schema.SEARCH_INDEX``) when the query has
a fragment of 3+ characters, else from a scan; an exact check in Python then keeps the same semantics
either way. SQLite ranks the candidates, so a broad query stops reading after ``limit`` concepts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bilingual_reader.glossary.models import Concept
from bilingual_reader.glossary.rows import concepts_by_ids
from bilingual_reader.glossary.schema import SEARCH_INDEX
from bilingual_reader.glossary.store import MAX_SQLITE_INTEGER, Glossary
from bilingual_reader.thai.text import is_thai, normalize_key

__all__ = ["DEFAULT_LIMIT", "search"]

DEFAULT_LIMIT = 200
TRIGRAM = 3  # the shortest fragment the trigram index can find
ROWS_PER_CONCEPT = 8  # candidate rows read per wanted concept before falling back to all of them
# Best first: the exact term, then terms starting with the query, then shorter terms, then lower ids.
_RANK = " ORDER BY CASE WHEN t.key = ? THEN 0 WHEN substr(t.key, 1, ?) = ? THEN 1 ELSE 2 END, length(t.key)"
_RANK += ", t.concept_id"
_SELECT = "SELECT t.concept_id, t.key FROM terms AS t"
_LAST = "\U0010ffff"  # sorts after any character: keys starting with q lie in [q, q + _LAST)


@dataclass(frozen=True)
class _Wanted:
    """What a candidate term key must hold: the Thai ``key`` as a substring, or every word as a word start."""

    thai: bool
    key: str
    word_starts: tuple[re.Pattern[str], ...]

    def matches(self, term_key: str) -> bool:
        """True if ``term_key`` truly matches (the SQL candidates are a superset)."""
        if self.thai and self.key not in term_key:
            return False
        return all(p.search(term_key) for p in self.word_starts)


def _like(fragment: str) -> str:
    escaped = fragment.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _phrase(fragment: str) -> str:
    """An FTS5 query string matching ``fragment`` literally (as a substring, with the trigram index)."""
    return '"' + fragment.replace('"', '""') + '"'


def search(
    glossary: Glossary, query: str, subject: str | None = None, limit: int | None = DEFAULT_LIMIT
) -> list[Concept]:
    """Concepts matching ``query``, best first: exact term, then term prefix, then shorter terms.

    A ``limit`` beyond what SQLite can count (64 bits) means no limit.

    A query with Thai letters matches Thai terms containing it (normalized, so spelling variants and
    invisible characters do not matter); any other query matches terms (either language) in which every
    query word begins a word (``"self prop"`` finds "self-propelled howitzer"). An empty query lists every
    concept. ``subject`` restricts to one subject field.
    """
    if limit is not None and limit > MAX_SQLITE_INTEGER // ROWS_PER_CONCEPT:
        limit = None
    key = normalize_key(query)
    thai = bool(key) and is_thai(key)
    words = [] if thai or not key else [w for w in re.split(r"[\W_]+", key) if w]
    if key and not thai and not words:
        return []
    fragments = [key] if thai else words
    indexed = [f for f in fragments if len(f) >= TRIGRAM]
    where, params = _filters(thai, subject)
    wanted = _Wanted(thai, key, tuple(re.compile(rf"(?<![^\W_]){re.escape(w)}") for w in words))
    ids: list[int] = []
    if limit is not None:  # the exact and prefix matches (key index) come first: often they are enough
        prefix = f"{_SELECT} WHERE t.key >= ? AND t.key < ?{where}{_RANK}"
        prefix_params = [key, key + _LAST, *params, key, len(key), key]
        ids = _ranked_ids(glossary, prefix, prefix_params, wanted, limit)
    if limit is None or len(ids) < limit:
        sql, full_params = _SELECT, list[object]()
        if indexed:
            sql += f" WHERE t.id IN (SELECT rowid FROM {SEARCH_INDEX} WHERE {SEARCH_INDEX} MATCH ?)"
            full_params.append(" ".join(_phrase(f) for f in indexed))
        else:
            sql += " WHERE 1"
        for fragment in fragments:
            if fragment not in indexed:
                sql += " AND t.key LIKE ? ESCAPE '\\'"
                full_params.append(_like(fragment))
        full_params.extend((*params, key, len(key), key))
        ids = _ranked_ids(glossary, sql + where + _RANK, full_params, wanted, limit)
    return concepts_by_ids(glossary.db.conn, ids)


def _filters(thai: bool, subject: str | None) -> tuple[str, list[object]]:
    """The SQL conditions (and their parameters) for the language and subject restrictions."""
    where, params = "", list[object]()
    if thai:
        where += " AND t.lang = 'th'"
    if subject:
        where += " AND t.concept_id IN (SELECT id FROM concepts WHERE subject = ?)"
        params.append(subject)
    return where, params


def _ranked_ids(
    glossary: Glossary, sql: str, params: list[object], wanted: _Wanted, limit: int | None
) -> list[int]:
    """Distinct concept ids of the ranked candidate rows that truly match, up to ``limit``.

    With a limit, SQLite first sorts only the best ``limit * ROWS_PER_CONCEPT`` rows (a bounded sort);
    only if those do not hold ``limit`` matching concepts is the whole candidate list read.
    """
    if limit is not None and limit <= 0:
        return []
    if limit is not None:
        cap = limit * ROWS_PER_CONCEPT
        ids, read = _collect(glossary, f"{sql} LIMIT {cap}", params, wanted, limit)
        if len(ids) >= limit or read < cap:
            return ids
    return _collect(glossary, sql, params, wanted, limit)[0]


def _collect(
    glossary: Glossary, sql: str, params: list[object], wanted: _Wanted, limit: int | None
) -> tuple[list[int], int]:
    """The matching concept ids in row order (up to ``limit``) and how many rows were read."""
    ids: list[int] = []
    seen: set[int] = set()
    read = 0
    for concept_id, term_key in glossary.db.conn.execute(sql, params):
        read += 1
        if concept_id in seen or not wanted.matches(term_key):
            continue
        seen.add(concept_id)
        ids.append(concept_id)
        if limit is not None and len(ids) >= limit:
            break
    return ids, read
