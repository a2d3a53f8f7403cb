"""One checked document: its paragraphs, the term findings and the findings of the other kinds, and what
they mean for the exit code (the worst of several documents wins)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from bilingual_reader.qa.findings import Finding, FindingStatus
from bilingual_reader.qa.rules.model import RuleFinding, Severity

__all__ = ["DocumentResult", "exit_code"]


@dataclass(frozen=True)
class DocumentResult:
    """The QA of one document. ``english[i]`` is None where paragraph ``i`` has no English."""

    path: str
    thai: Sequence[str]
    english: Sequence[str | None]
    terms: Sequence[Finding] = ()
    rules: Sequence[RuleFinding] = ()
    roles: Sequence[str] = field(default_factory=tuple)

    def errors(self, strict: bool = False) -> int:
        """Problems that fail the check: missing and forbidden terms, rule errors; if strict, deprecated
        terms and rule warnings too."""
        terms = sum(1 for f in self.terms if f.is_problem and _fails(f, strict))
        rules = sum(1 for f in self.rules if f.is_problem and (strict or f.severity is Severity.ERROR))
        return terms + rules

    def summary(self) -> dict[str, int]:
        """Counts by kind of problem (terms by status, other kinds by name), dismissed ones apart."""
        counts: Counter[str] = Counter()
        for f in self.terms:
            counts["dismissed" if f.dismissed else f"terms:{f.status.value}"] += 1
        for r in self.rules:
            counts["dismissed" if r.dismissed else r.kind.value] += 1
        return dict(sorted(counts.items()))


def _fails(finding: Finding, strict: bool) -> bool:
    if finding.status is FindingStatus.OK:
        return False
    return strict or finding.status is not FindingStatus.DEPRECATED


def exit_code(results: Sequence[DocumentResult], strict: bool = False) -> int:
    """1 when any document has a failing problem, else 0 (bad input exits 2 before this)."""
    return 1 if any(r.errors(strict) for r in results) else 0
