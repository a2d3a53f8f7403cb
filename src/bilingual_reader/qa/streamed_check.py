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
from bilingual_reader.qa.findings import Counts, Finding, FindingStatus, count
from bilingual_reader.qa.plan import CheckPlan
from bilingual_reader.qa.records import Record, rule_from, rule_record, term_from, term_record
from bilingual_reader.qa.results import errors_of, summary_of
from bilingual_reader.qa.rules.consistency_stream import StreamedConsistency
from bilingual_reader.qa.rules.model import Kind, RuleFinding, Severity
from bilingual_reader.qa.rules.run import check_paragraph
from bilingual_reader.qa.spool import Spool

__all__ = ["StreamedCheck", "StreamedResult"]

# Where a rule finding goes among those of its paragraph (the whole check's order): the paragraph's own
# rules, then the term variants (known at the end), then the paragraph variants.
_OWN, _TERM_VARIANT, _PARAGRAPH_VARIANT = 0, 1, 2
Placed = tuple[int, int, RuleFinding]  # (paragraph, place among its findings, finding)


def _placed_record(item: Placed) -> tuple[int, int, Record]:
    return item[0], item[1], rule_record(item[2])


def _placed_from(record: tuple[int, int, Record]) -> Placed:
    return record[0], record[1], rule_from(record[2])


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
        self._terms: Spool[Finding] = Spool(term_record, term_from)
        self._rules: Spool[Placed] = Spool(_placed_record, _placed_from)
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
            yield from self._dismiss(list(self._consistency.term_variants(self._terms)))

    def finish(self, article_id: str) -> StreamedResult:
        """The result, its findings read back from disk as the report goes (``article_id``: the Thai's)."""
        late: Spool[Placed] = Spool(_placed_record, _placed_from)
        findings = list(self.late_findings())  # few: terms rendered otherwise than the majority
        late.extend([(f.paragraph, _TERM_VARIANT, f) for f in findings])
        self._tally.add((), findings)
        rules = _Merged(self._rules, late)
        result = StreamedResult(
            self.path, article_id, self.count, self.untranslated, self.roles, self._terms, rules
        )
        result.tally = self._tally
        result.late = _Merged(late)
        return result


class _Tally:
    """What ``errors``, ``summary`` and ``term_counts`` count, counted as the findings come (as
    :func:`~bilingual_reader.qa.results.errors_of` and ``summary_of`` do)."""

    def __init__(self) -> None:
        self.errors = [0, 0]  # not strict, strict
        self.summary: Counter[str] = Counter()
        self.terms: Counter[str] = Counter()

    def add(self, terms: Sequence[Finding], rules: Sequence[RuleFinding]) -> None:
        for f in terms:
            self.terms["dismissed" if f.dismissed else f.status.value] += 1
            self.summary["dismissed" if f.dismissed else f"terms:{f.status.value}"] += 1
            if f.is_problem:
                self.errors[1] += 1
                self.errors[0] += f.status is not FindingStatus.DEPRECATED
        for r in rules:
            self.summary["dismissed" if r.dismissed else r.kind.value] += 1
            if r.is_problem:
                self.errors[1] += 1
                self.errors[0] += r.severity is Severity.ERROR


class _Merged(Sequence[RuleFinding]):
    """Two spools of (paragraph, place, finding), each in that order, read as one."""

    def __init__(self, *spools: Spool[Placed]) -> None:
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
        self.late: Sequence[RuleFinding] = ()  # the findings known only at the end (among ``rules`` too)

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

    def term_counts(self) -> Counts:
        """As :meth:`DocumentResult.term_counts`."""
        if self.tally is not None:
            return Counts(**self.tally.terms)
        return count(self.terms)
