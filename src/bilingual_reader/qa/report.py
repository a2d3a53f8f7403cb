"""The check's report for people (a table) and for scripts (JSON)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from bilingual_reader.qa.findings import Counts, Finding, FindingStatus, count


def report_json(
    path: str, article_id: str, paragraphs: int, untranslated: Sequence[int], findings: Sequence[Finding]
) -> dict[str, Any]:
    """The report as one JSON-ready object (paragraph numbers count from 0)."""
    return {
        "article": path,
        "article_id": article_id,
        "paragraphs": paragraphs,
        "untranslated": list(untranslated),
        "summary": summary_json(count(findings)),
        "findings": [f.to_dict() for f in findings],
    }


def summary_json(tally: Counts) -> dict[str, int]:
    """The report's ``summary``: findings by status, dismissed ones apart."""
    return {
        "ok": tally.ok,
        "missing": tally.missing,
        "forbidden": tally.forbidden,
        "deprecated": tally.deprecated,
        "dismissed": tally.dismissed,
    }


def report_table(
    path: str, paragraphs: int, untranslated: Sequence[int], findings: Sequence[Finding]
) -> list[str]:
    """The report as lines: a summary, then one line per finding (paragraph numbers count from 1)."""
    return list(table_lines(path, paragraphs, untranslated, findings))


def table_lines(
    path: str,
    paragraphs: int,
    untranslated: Sequence[int],
    findings: Sequence[Finding],
    tally: Counts | None = None,
) -> Iterator[str]:
    """:func:`report_table`'s lines one at a time (``tally``: the findings' counts, when known)."""
    if tally is None:
        tally = count(findings)
    yield (
        f"{Path(path).name}: {paragraphs} paragraphs, {len(findings)} terms: {tally.ok} ok, "
        f"{tally.missing} missing, {tally.forbidden} forbidden, {tally.deprecated} deprecated, "
        f"{tally.dismissed} dismissed"
    )
    yield from (f"¶{index + 1:<3} untranslated (no English)" for index in untranslated)
    for f in findings:
        label = "dismissed" if f.dismissed else f.status.value.upper() if f.is_problem else "ok"
        used = f" → {f.english.text!r}" if f.english is not None else ""
        advice = "" if f.status is FindingStatus.OK else f"  (use: {f.suggestion})"
        yield f"¶{f.paragraph + 1:<3} {label:<9}  {f.thai.text}{used}{advice}  [concept {f.concept_id}]"
