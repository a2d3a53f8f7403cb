"""What the terminology check reports: one finding per glossary term met in a paragraph."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class FindingStatus(StrEnum):
    """How a glossary term of the Thai fared in the English."""

    OK = "ok"  # a preferred or admitted English term is there
    MISSING = "missing"  # no approved English term
    FORBIDDEN = "forbidden"  # a forbidden English term is used (an error)
    DEPRECATED = "deprecated"  # a deprecated English term is used (a warning naming the preferred term)


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of a paragraph: character offsets and the text between them."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Finding:
    """One glossary term of one paragraph, checked against the English.

    ``english`` is the English span found (the approved term for ``ok``, the bad term for ``forbidden`` and
    ``deprecated``),
    ``english_term`` the glossary term it matched, ``suggestion`` the approved (preferred) English term.
    """

    paragraph: int
    thai: Span
    concept_id: int | None
    status: FindingStatus
    suggestion: str
    english: Span | None = None
    english_term: str | None = None
    dismissed: bool = False

    @property
    def is_problem(self) -> bool:
        """A missing, forbidden or deprecated term that has not been dismissed."""
        return self.status is not FindingStatus.OK and not self.dismissed

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form."""
        english = self.english
        return {
            "paragraph": self.paragraph,
            "thai": {"start": self.thai.start, "end": self.thai.end, "text": self.thai.text},
            "concept_id": self.concept_id,
            "status": self.status.value,
            "english": None
            if english is None
            else {"start": english.start, "end": english.end, "text": english.text},
            "english_term": self.english_term,
            "suggestion": self.suggestion,
            "dismissed": self.dismissed,
        }


@dataclass(frozen=True)
class Counts:
    """How many findings of each kind (dismissed ones are counted apart, not as problems)."""

    ok: int = 0
    missing: int = 0
    forbidden: int = 0
    dismissed: int = 0
    deprecated: int = 0

    @property
    def problems(self) -> int:
        """Missing plus forbidden plus deprecated (not dismissed)."""
        return self.missing + self.forbidden + self.deprecated


def count(findings: Iterable[Finding]) -> Counts:
    """Tally findings by status (the badge of a paragraph, or the summary of an article)."""
    tally = {"ok": 0, "missing": 0, "forbidden": 0, "deprecated": 0, "dismissed": 0}
    for finding in findings:
        tally["dismissed" if finding.dismissed else finding.status.value] += 1
    return Counts(**tally)
