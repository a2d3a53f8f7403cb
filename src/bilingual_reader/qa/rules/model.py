"""What a QA rule reports: one finding of a kind, in a paragraph, with the Thai and English it is about."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from bilingual_reader.qa.findings import Span


class Kind(StrEnum):
    """The kinds of check beyond glossary terms (``--checks`` names them)."""

    NUMBERS = "numbers"
    DATES = "dates"
    TEXT = "text"  # carried-over Latin text, Thai script left in the English
    UNITS = "units"
    CONSISTENCY = "consistency"
    FORM = "form"
    CHECKLIST = "checklist"


KINDS: tuple[Kind, ...] = tuple(Kind)


class Severity(StrEnum):
    """An error makes ``check`` exit 1; a warning does so only with ``--strict``."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class RuleFinding:
    """One problem found by a rule. ``key`` identifies it across runs (for dismissals): kind, code and the
    normalized source text it is about, so edits elsewhere in the paragraph keep a dismissal."""

    kind: Kind
    code: str  # e.g. "missing-number", "be-year-kept", "latin-missing"
    paragraph: int
    message: str
    thai: Span | None = None
    english: Span | None = None
    severity: Severity = Severity.ERROR
    dismissed: bool = False

    @property
    def key(self) -> str:
        """A stable identity within the paragraph: ``kind:code:text``."""
        about = self.thai.text if self.thai is not None else self.english.text if self.english else ""
        return f"{self.kind.value}:{self.code}:{' '.join(about.split())}"

    @property
    def is_problem(self) -> bool:
        """Not dismissed."""
        return not self.dismissed

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form."""

        def span(s: Span | None) -> dict[str, Any] | None:
            return None if s is None else {"start": s.start, "end": s.end, "text": s.text}

        return {
            "kind": self.kind.value,
            "code": self.code,
            "paragraph": self.paragraph,
            "severity": self.severity.value,
            "message": self.message,
            "thai": span(self.thai),
            "english": span(self.english),
            "key": self.key,
            "dismissed": self.dismissed,
        }
