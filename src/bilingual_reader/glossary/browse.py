"""What the glossary screen shows: filtered concept lists, table rows, a concept's places in an article."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from bilingual_reader.glossary.models import SUBJECT_FIELDS, Concept, Status
from bilingual_reader.glossary.rows import concepts_by_ids
from bilingual_reader.thai.occurrences import Occurrence, find_occurrences, grapheme_boundary
from bilingual_reader.thai.text import normalize_key

if TYPE_CHECKING:
    from bilingual_reader.glossary.store import Glossary
    from bilingual_reader.thai.segmenter import Token

__all__ = [
    "BROWSE_LIMIT",
    "COLUMNS",
    "browse",
    "column_widths",
    "concept_occurrences",
    "concept_row",
    "origins",
    "short_title",
    "subjects",
]

#: The most concepts a browse returns (the table stays quick on a 100k-concept glossary).
BROWSE_LIMIT = 500

#: The table's columns: key and heading.
COLUMNS = {"thai": "Thai", "english": "English", "subject": "Subject", "status": "Status", "terms": "th+en"}
_FIXED = {"subject": 13, "status": 16, "terms": 5}
_SHORT = {Status.ADMITTED: "adm", Status.DEPRECATED: "dep", Status.FORBIDDEN: "forb"}
_CAPS = {"thai": 36, "english": 48}


def browse(
    glossary: Glossary,
    query: str = "",
    subject: str | None = None,
    limit: int = BROWSE_LIMIT,
    origin: str | None = None,
) -> list[Concept]:
    """Concepts matching ``query`` (see ``search.search``) in ``subject`` and from ``origin`` (None: any); an
    empty query lists them by id."""
    from bilingual_reader.glossary.search import search

    if normalize_key(query):
        found = search(glossary, query, subject, limit)
        return found if origin is None else [c for c in found if c.origin == origin]
    where = [
        (clause, value)
        for clause, value in (("subject = ?", subject), ("origin = ?", origin))
        if value is not None
    ]
    sql = "SELECT id FROM concepts" + (" WHERE " + " AND ".join(c for c, _ in where) if where else "")
    params = (*(value for _, value in where), limit)
    return concepts_by_ids(
        glossary.conn, [row[0] for row in glossary.conn.execute(sql + " ORDER BY id LIMIT ?", params)]
    )


def origins(glossary: Glossary) -> list[str]:
    """Where the glossary's concepts came from (``""``: not recorded), sorted."""
    return sorted(str(row[0]) for row in glossary.conn.execute("SELECT DISTINCT origin FROM concepts"))


def column_widths(width: int) -> dict[str, int]:
    """The table's column content widths for a table ``width`` cells wide (padding and scrollbar left out).

    Subject, status and terms have fixed widths; Thai and English share the rest (45:55), up to a cap.
    """
    rest = max(20, width - 2 - 2 * len(COLUMNS) - sum(_FIXED.values()))
    thai = min(_CAPS["thai"], rest * 9 // 20)
    return {"thai": thai, "english": min(_CAPS["english"], rest - thai), **_FIXED}


def short_title(title: str, limit: int = 48) -> str:
    """``title`` cut to about ``limit`` characters (never between a letter and its marks)."""
    if not title:
        return "the article"
    if len(title) <= limit:
        return title
    return title[: grapheme_boundary(title, limit - 1, 1)] + "…"


def subjects(glossary: Glossary) -> list[str]:
    """The known subject fields, then any other subject the glossary uses (sorted)."""
    used = {row[0] for row in glossary.db.conn.execute("SELECT DISTINCT subject FROM concepts")}
    return [*SUBJECT_FIELDS, *sorted(used - set(SUBJECT_FIELDS))]


def concept_row(concept: Concept) -> tuple[str, str, str, str, str]:
    """A table row: Thai headword, English headword, subject, status counts, term counts.

    The status cell counts the terms that are not preferred (``"2 adm 1 forb"``: two admitted, one
    forbidden; ``"th adm"`` first when the Thai headword itself is not preferred); ``"—"`` when every term
    is preferred. The counts read ``"1+3"`` (Thai+English).
    """
    thai, english = concept.thai, concept.english
    parts = [f"th {_SHORT[thai[0].status]}"] if thai and thai[0].status is not Status.PREFERRED else []
    for status, short in _SHORT.items():
        count = sum(1 for t in concept.terms if t.status is status)
        parts += [f"{count} {short}"] if count else []
    return (
        thai[0].text if thai else "",
        english[0].text if english else "",
        concept.subject,
        " ".join(parts) or "—",
        f"{len(thai)}+{len(english)}",
    )


def concept_occurrences(
    concept: Concept,
    paragraphs: Sequence[str],
    tokens: Sequence[Sequence[Token]] | None = None,
    context: int = 24,
) -> list[Occurrence]:
    """Where any term of ``concept`` (either language, any status) occurs (``thai.occurrences``' rule)."""
    return find_occurrences((t.text for t in concept.terms), paragraphs, tokens, context)
