"""Counts describing a glossary (``glossary stats``)."""

from __future__ import annotations

from dataclasses import dataclass

from bilingual_reader.glossary.cleaning import stored_text
from bilingual_reader.glossary.store import Glossary

__all__ = ["GlossaryStats", "glossary_stats"]


@dataclass(frozen=True)
class GlossaryStats:
    """Concept and term counts, overall and by subject field, language and status."""

    concepts: int
    terms: int
    by_subject: dict[str, int]
    by_language: dict[str, int]
    by_status: dict[str, int]
    check_disabled: int

    def as_dict(self) -> dict[str, object]:
        """Plain data for JSON output."""
        return {
            "concepts": self.concepts,
            "terms": self.terms,
            "by_subject": self.by_subject,
            "by_language": self.by_language,
            "by_status": self.by_status,
            "check_disabled": self.check_disabled,
        }


def glossary_stats(glossary: Glossary) -> GlossaryStats:
    """Count the glossary's concepts and terms."""
    conn = glossary.db.conn

    def grouped(sql: str) -> dict[str, int]:
        return {stored_text(k, one_line=True): int(n) for k, n in conn.execute(sql)}

    return GlossaryStats(
        concepts=glossary.count(),
        terms=int(conn.execute("SELECT count(*) FROM terms").fetchone()[0]),
        by_subject=grouped("SELECT subject, count(*) FROM concepts GROUP BY subject ORDER BY 2 DESC, 1"),
        by_language=grouped("SELECT lang, count(*) FROM terms GROUP BY lang ORDER BY lang DESC"),
        by_status=grouped(
            "SELECT status, count(*) FROM terms GROUP BY status ORDER BY "
            "CASE status WHEN 'preferred' THEN 0 WHEN 'admitted' THEN 1 WHEN 'deprecated' THEN 2 ELSE 3 END"
        ),
        check_disabled=grouped("SELECT 'n', count(*) FROM concepts WHERE check_enabled = 0")["n"],
    )
