"""Glossary search shared by the CLI and the glossary screen: Thai substrings, English word prefixes."""

from __future__ import annotations

import json
import re

from bilingual_reader.glossary.models import Concept
from bilingual_reader.glossary.rows import concepts_from_rows
from bilingual_reader.glossary.store import Glossary
from bilingual_reader.text import is_thai, normalize_key

__all__ = ["DEFAULT_LIMIT", "search"]

DEFAULT_LIMIT = 200
# The columns ``rows.concepts_from_rows`` expects, for a list of ids at once.
_BY_IDS_SQL = """
SELECT c.id, c.subject, c.definition, c.note, c.check_enabled, t.id, t.lang, t.text, t.status, t.pos
FROM concepts AS c LEFT JOIN terms AS t ON t.concept_id = c.id
WHERE c.id IN (SELECT value FROM json_each(?))
ORDER BY c.id,
  CASE t.status WHEN 'preferred' THEN 0 WHEN 'admitted' THEN 1 WHEN 'deprecated' THEN 2 ELSE 3 END,
  CASE t.lang WHEN 'th' THEN 0 ELSE 1 END, t.id
"""


def _like(fragment: str) -> str:
    escaped = fragment.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def search(
    glossary: Glossary, query: str, subject: str | None = None, limit: int | None = DEFAULT_LIMIT
) -> list[Concept]:
    """Concepts matching ``query``, best first: exact term, then term prefix, then shorter terms.

    A query with Thai letters matches Thai terms containing it (normalized, so spelling variants and
    invisible characters do not matter); any other query matches terms (either language) in which every
    query word begins a word (``"self prop"`` finds "self-propelled howitzer"). An empty query lists every
    concept. ``subject`` restricts to one subject field.
    """
    key = normalize_key(query)
    sql = "SELECT t.concept_id, t.key FROM terms AS t JOIN concepts AS c ON c.id = t.concept_id WHERE 1"
    params: list[object] = []
    words: list[str] = []
    if key and is_thai(key):
        sql += " AND t.lang = 'th' AND t.key LIKE ? ESCAPE '\\'"
        params.append(_like(key))
    elif key:
        words = [w for w in re.split(r"[\W_]+", key) if w]
        if not words:
            return []
        for word in words:
            sql += " AND t.key LIKE ? ESCAPE '\\'"
            params.append(_like(word))
    if subject:
        sql += " AND c.subject = ?"
        params.append(subject)
    patterns = [re.compile(rf"(?<![^\W_]){re.escape(w)}") for w in words]
    best: dict[int, tuple[int, int, int]] = {}
    for concept_id, term_key in glossary.db.conn.execute(sql, params):
        if not all(p.search(term_key) for p in patterns):
            continue
        rank = (0 if term_key == key else 1 if term_key.startswith(key) else 2, len(term_key), concept_id)
        if concept_id not in best or rank < best[concept_id]:
            best[concept_id] = rank
    ids = sorted(best, key=best.__getitem__)
    if limit is not None:
        ids = ids[:limit]
    found = {c.id: c for c in concepts_from_rows(glossary.db.conn.execute(_BY_IDS_SQL, (json.dumps(ids),)))}
    return [found[concept_id] for concept_id in ids]
