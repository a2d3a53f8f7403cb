"""One checked document: its paragraphs, the term findings and the findings of the other kinds, and what
they mean for the exit code (the worst of several documents wins)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from bilingual_reader.qa.findings import Counts, Finding, FindingStatus, count
from bilingual_reader.qa.rules.model import RuleFinding, Severity

__all__ = ["CheckedDocument", "DocumentResult", "errors_of", "exit_code", "summary_of"]


@dataclass(frozen=True)
class DocumentResult:
    """The QA of one document. ``english[i]`` is None where paragraph ``i`` has no English."""

    path: str
    thai: Sequence[str]
    english: Sequence[str | None]
    terms: Sequence[Finding] = ()
    rules: Sequence[RuleFinding] = ()
    roles: Sequence[str] = field(default_factory=tuple)

    @property
    def paragraph_count(self) -> int:
        """How many paragraphs were checked."""
        return len(self.thai)

    @property
    def untranslated(self) -> list[int]:
        """The paragraphs without English."""
        return [i for i, text in enumerate(self.english) if text is None]

    @property
    def article_id(self) -> str:
        """The id of the Thai (``article_id_of`` its paragraphs)."""
        from bilingual_reader.documents.articles import article_id_of

        return article_id_of(self.thai)

    def errors(self, strict: bool = False) -> int:
        """Problems that fail the check: missing and forbidden terms, rule errors; if strict, deprecated
        terms and rule warnings too."""
        return errors_of(self.terms, self.rules, strict)

    def summary(self) -> dict[str, int]:
        """Counts by kind of problem (terms by status, other kinds by name), dismissed ones apart."""
        return summary_of(self.terms, self.rules)

    def term_counts(self) -> Counts:
        """The term findings by status, dismissed ones apart."""
        return count(self.terms)


def errors_of(terms: Iterable[Finding], rules: Iterable[RuleFinding], strict: bool = False) -> int:
    """:meth:`DocumentResult.errors` of these findings."""
    failing = sum(1 for f in terms if f.is_problem and _fails(f, strict))
    return failing + sum(1 for f in rules if f.is_problem and (strict or f.severity is Severity.ERROR))


def summary_of(terms: Iterable[Finding], rules: Iterable[RuleFinding]) -> dict[str, int]:
    """:meth:`DocumentResult.summary` of these findings."""
    counts: Counter[str] = Counter()
    for f in terms:
        counts["dismissed" if f.dismissed else f"terms:{f.status.value}"] += 1
    for r in rules:
        counts["dismissed" if r.dismissed else r.kind.value] += 1
    return dict(sorted(counts.items()))


class CheckedDocument(Protocol):
    """What a report needs of a checked document: a :class:`DocumentResult`, or a book's
    (``qa.streamed_check.StreamedResult``) whose findings are read back from disk."""

    @property
    def path(self) -> str: ...
    @property
    def roles(self) -> Sequence[str]: ...
    @property
    def terms(self) -> Sequence[Finding]: ...
    @property
    def rules(self) -> Sequence[RuleFinding]: ...
    @property
    def paragraph_count(self) -> int: ...
    @property
    def untranslated(self) -> list[int]: ...
    @property
    def article_id(self) -> str: ...
    def errors(self, strict: bool = False) -> int: ...
    def summary(self) -> dict[str, int]: ...
    def term_counts(self) -> Counts: ...


def _fails(finding: Finding, strict: bool) -> bool:
    if finding.status is FindingStatus.OK:
        return False
    return strict or finding.status is not FindingStatus.DEPRECATED


def exit_code(results: Sequence[CheckedDocument], strict: bool = False) -> int:
    """1 when any document has a failing problem, else 0 (bad input exits 2 before this)."""
    return 1 if any(r.errors(strict) for r in results) else 0
