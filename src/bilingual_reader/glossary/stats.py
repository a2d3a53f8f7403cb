"""Counts describing a glossary (``glossary stats``)."""

from __future__ import annotations

from dataclasses import dataclass

from bilingual_reader.glossary.cleaning import stored_text
from bilingual_reader.glossary.models import Status
from bilingual_reader.glossary.store import Glossary

__all__ = ["GlossaryStats", "glossary_stats"]


@dataclass(frozen=True)
class GlossaryStats:
    """Concept and term counts, overall and by subject field, language and status.

    Only what the other commands can read is counted (a term of a status or language we do not know is left
    out by them, and a concept left without terms); ``unreadable_terms`` says how many terms that is.
    """

    concepts: int
    terms: int
    by_subject: dict[str, int]
    by_language: dict[str, int]
    by_status: dict[str, int]
    check_disabled: int
    unreadable_terms: int = 0

    def as_dict(self) -> dict[str, object]:
        """Plain data for JSON output."""
        return {
            "concepts": self.concepts,
            "terms": self.terms,
            "by_subject": self.by_subject,
            "by_language": self.by_language,
            "by_status": self.by_status,
            "check_disabled": self.check_disabled,
            "unreadable_terms": self.unreadable_terms,
        }


_STATUSES = ", ".join(f"'{status.value}'" for status in Status)
# The terms and concepts the other commands read (rows.concepts_from_rows): a known status and language.
_READABLE = f"""
WITH readable AS (SELECT * FROM terms WHERE status IN ({_STATUSES}) AND lang IN ('th', 'en')),
shown AS (SELECT * FROM concepts WHERE id IN (SELECT concept_id FROM readable))
"""


def glossary_stats(glossary: Glossary) -> GlossaryStats:
    """Count the glossary's concepts and terms (those that can be read)."""
    conn = glossary.db.conn

    def grouped(sql: str) -> dict[str, int]:
        return {stored_text(k, one_line=True): int(n) for k, n in conn.execute(_READABLE + sql)}

    terms = grouped("SELECT 'n', count(*) FROM readable")["n"]
    return GlossaryStats(
        concepts=grouped("SELECT 'n', count(*) FROM shown")["n"],
        terms=terms,
        by_subject=grouped("SELECT subject, count(*) FROM shown GROUP BY subject ORDER BY 2 DESC, 1"),
        by_language=grouped("SELECT lang, count(*) FROM readable GROUP BY lang ORDER BY lang DESC"),
        by_status=grouped(
            "SELECT status, count(*) FROM readable GROUP BY status ORDER BY "
            "CASE status WHEN 'preferred' THEN 0 WHEN 'admitted' THEN 1 WHEN 'deprecated' THEN 2 ELSE 3 END"
        ),
        check_disabled=grouped("SELECT 'n', count(*) FROM shown WHERE check_enabled = 0")["n"],
        unreadable_terms=int(conn.execute("SELECT count(*) FROM terms").fetchone()[0]) - terms,
    )
