"""The findings of the kinds beyond terms for people (table lines) and scripts (JSON), next to ``report``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from bilingual_reader.qa.results import CheckedDocument
from bilingual_reader.qa.rules.model import RuleFinding

__all__ = ["rule_counts", "rule_lines", "totals_line"]


def rule_lines(findings: Iterable[RuleFinding]) -> Iterator[str]:
    """One line per finding, paragraphs numbered from 1, ending with the key ``--dismiss P:KEY`` takes:
    ``¶3   error      dates/be-year-kept: message  [dates:be-year-kept:ปี 2565]``."""
    for f in findings:
        label = "dismissed" if f.dismissed else f.severity.value
        yield f"¶{f.paragraph + 1:<3} {label:<9}  {f.kind.value}/{f.code}: {f.message}  [{f.key}]"


def rule_counts(findings: Iterable[RuleFinding]) -> dict[str, int]:
    """The ``checks`` summary: findings not dismissed, by kind."""
    counts: dict[str, int] = {}
    for f in findings:
        if not f.dismissed:
            counts[f.kind.value] = counts.get(f.kind.value, 0) + 1
    return counts


def totals_line(results: Sequence[CheckedDocument], strict: bool = False) -> str:
    """The last line of a several-document table: documents, failing ones, problems."""
    failing = sum(1 for r in results if r.errors(strict))
    problems = sum(r.errors(strict=True) for r in results)
    return f"total: {len(results)} documents, {failing} failing, {problems} problems"
