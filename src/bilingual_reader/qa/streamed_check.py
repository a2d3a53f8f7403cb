"""The check of a long document a paragraph at a time (``check`` of a book): the same findings, in the same
order, as :func:`~bilingual_reader.qa.plan.run_plan` over the whole document, holding a paragraph's text and
a small cross-paragraph state (:class:`~bilingual_reader.qa.rules.consistency_stream.StreamedConsistency`);
the findings go to disk (:class:`~bilingual_reader.qa.spool.Spool`) and are read back for the report.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Collection, Iterator, Sequence
from dataclasses import replace
from typing import overload

from bilingual_reader.qa.check import Dismissed, TermChecker
from bilingual_reader.qa.findings import Finding
from bilingual_reader.qa.plan import CheckPlan
from bilingual_reader.qa.results import errors_of, summary_of
from bilingual_reader.qa.rules.consistency_stream import StreamedConsistency
from bilingual_reader.qa.rules.model import Kind, RuleFinding
from bilingual_reader.qa.rules.run import check_paragraph
from bilingual_reader.qa.spool import Spool

__all__ = ["StreamedCheck", "StreamedResult"]

# Where a rule finding goes among those of its paragraph (the whole check's order): the paragraph's own
# rules, then the term variants (known at the end), then the paragraph variants.
_OWN, _TERM_VARIANT, _PARAGRAPH_VARIANT = 0, 1, 2


class StreamedCheck:
    """``add`` each paragraph in order (with its English, None when untranslated), then ``finish``."""

    def __init__(
        self,
        path: str,
        checker: TermChecker,
        plan: CheckPlan,
        dismissed: Dismissed = frozenset(),
        dismissed_checks: Collection[tuple[int, str]] = frozenset(),
    ) -> None:
        self.path = path
        self._checker, self._plan = checker, plan
        self._dismissed, self._dismissed_checks = dismissed, dismissed_checks
        self._consistency = StreamedConsistency() if Kind.CONSISTENCY in plan.kinds else None
        self._terms: Spool[Finding] = Spool()
        self._rules: Spool[tuple[int, int, RuleFinding]] = Spool()
        self.count = 0
        self.untranslated: list[int] = []
        self.roles: list[str] = []
        self._tally = _Tally()

    def add(
        self, index: int, thai: str, english: str | None, role: str = ""
    ) -> tuple[list[Finding], list[RuleFinding]]:
        """Check paragraph ``index``, the next one; its term findings and the rule findings known now."""
        if index != self.count:
            raise ValueError(f"paragraph {index} came where paragraph {self.count} was expected")
        self.count += 1
        if role:
            self.roles.append(role)
        if english is None:
            self.untranslated.append(index)
        terms: list[Finding] = []
        own: list[RuleFinding] = []
        if english is not None:
            if self._plan.terms:
                terms = self._checker.check(index, thai, english, self._dismissed)
            own = self._dismiss(check_paragraph(index, thai, english, self._plan.kinds, self._plan.rules))
        variants = []
        if self._consistency is not None:
            variants = self._dismiss(self._consistency.paragraph(index, thai, english, terms))
        self._terms.extend(terms)
        self._rules.extend(
            [(index, _OWN, f) for f in own] + [(index, _PARAGRAPH_VARIANT, f) for f in variants]
        )
        self._tally.add(terms, [*own, *variants])
        return terms, [*own, *variants]

    def _dismiss(self, findings: list[RuleFinding]) -> list[RuleFinding]:
        if not self._dismissed_checks:
            return findings
        return [replace(f, dismissed=(f.paragraph, f.key) in self._dismissed_checks) for f in findings]

    def late_findings(self) -> Iterator[RuleFinding]:
        """The findings known only once every paragraph is in (terms rendered otherwise than most often),
        by paragraph; read once, after the last ``add``."""
        if self._consistency is not None:
            yield from self._dismiss(list(self._consistency.term_variants()))
            self._consistency.close()

    def finish(self, article_id: str) -> StreamedResult:
        """The result, its findings read back from disk as the report goes (``article_id``: the Thai's)."""
        late: Spool[tuple[int, int, RuleFinding]] = Spool()
        findings = list(self.late_findings())  # few: terms rendered otherwise than the majority
        late.extend([(f.paragraph, _TERM_VARIANT, f) for f in findings])
        self._tally.add((), findings)
        rules = _Merged(self._rules, late)
        result = StreamedResult(
            self.path, article_id, self.count, self.untranslated, self.roles, self._terms, rules
        )
        result.tally = self._tally
        return result


class _Tally:
    """What ``errors`` and ``summary`` count, counted as the findings come."""

    def __init__(self) -> None:
        self.errors = [0, 0]  # not strict, strict
        self.summary: Counter[str] = Counter()

    def add(self, terms: Sequence[Finding], rules: Sequence[RuleFinding]) -> None:
        self.errors[0] += errors_of(terms, rules)
        self.errors[1] += errors_of(terms, rules, strict=True)
        self.summary.update(summary_of(terms, rules))


class _Merged(Sequence[RuleFinding]):
    """Two spools of (paragraph, place, finding), each in that order, read as one."""

    def __init__(self, *spools: Spool[tuple[int, int, RuleFinding]]) -> None:
        self._spools = spools

    def __len__(self) -> int:
        return sum(len(s) for s in self._spools)

    def __iter__(self) -> Iterator[RuleFinding]:
        for _, _, finding in heapq.merge(*self._spools, key=lambda item: (item[0], item[1])):
            yield finding

    @overload
    def __getitem__(self, index: int) -> RuleFinding: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[RuleFinding]: ...
    def __getitem__(self, index: int | slice) -> RuleFinding | Sequence[RuleFinding]:
        return list(self)[index]


class StreamedResult:
    """A checked book, as the reports read it (``qa.results.CheckedDocument``): counts in memory, the
    findings on disk."""

    def __init__(
        self,
        path: str,
        article_id: str,
        count: int,
        untranslated: list[int],
        roles: Sequence[str],
        terms: Sequence[Finding],
        rules: Sequence[RuleFinding],
    ) -> None:
        self.path, self.article_id, self.paragraph_count = path, article_id, count
        self.untranslated, self.roles, self.terms, self.rules = untranslated, roles, terms, rules
        self.tally: _Tally | None = None  # counted as the findings came: no reading back

    def errors(self, strict: bool = False) -> int:
        """As :meth:`DocumentResult.errors`."""
        if self.tally is not None:
            return self.tally.errors[strict]
        return errors_of(self.terms, self.rules, strict)

    def summary(self) -> dict[str, int]:
        """As :meth:`DocumentResult.summary`."""
        if self.tally is not None:
            return dict(sorted(self.tally.summary.items()))
        return summary_of(self.terms, self.rules)
