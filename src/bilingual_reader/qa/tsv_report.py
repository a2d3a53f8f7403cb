"""The QA report as TSV, one finding a row, for spreadsheets (formula-like cells defused as in CSV)."""

from __future__ import annotations

import csv
import heapq
import io
from collections.abc import Iterable, Iterator, Sequence

from bilingual_reader.glossary.formats.csvfmt import guard_cell
from bilingual_reader.qa.findings import Finding, FindingStatus
from bilingual_reader.qa.results import CheckedDocument
from bilingual_reader.qa.rules.model import RuleFinding

__all__ = ["COLUMNS", "tsv_lines", "tsv_report"]

COLUMNS = ("file", "paragraph", "kind", "code", "severity", "thai", "english", "message", "dismissed")


def _cell(value: object) -> str:
    return guard_cell(" ".join(str(value).split()))


def tsv_report(results: Sequence[CheckedDocument]) -> str:
    """Every finding of every document (terms with status ok left out), paragraphs numbered from 1."""
    return "".join(tsv_lines(results))


def tsv_lines(results: Sequence[CheckedDocument]) -> Iterator[str]:
    """:func:`tsv_report` a line at a time: each document's term and rule findings (both in paragraph order)
    merged by paragraph, a paragraph's terms first."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")

    def line(cells: Iterable[object]) -> str:
        writer.writerow(cells)
        text = out.getvalue()
        out.seek(0)
        out.truncate()
        return text

    yield line(COLUMNS)
    for result in results:
        rows = heapq.merge(_term_rows(result.terms), _rule_rows(result.rules), key=lambda item: item[0])
        for paragraph, row in rows:
            yield line([_cell(result.path), paragraph + 1, *(_cell(v) for v in row)])


def _term_rows(terms: Iterable[Finding]) -> Iterator[tuple[int, tuple[object, ...]]]:
    for f in terms:
        if f.status.value == "ok":
            continue
        english = f.english.text if f.english else ""
        severity = "warning" if f.status is FindingStatus.DEPRECATED else "error"
        yield (
            f.paragraph,
            ("terms", f.status.value, severity, f.thai.text, english, f"use: {f.suggestion}", f.dismissed),
        )


def _rule_rows(rules: Iterable[RuleFinding]) -> Iterator[tuple[int, tuple[object, ...]]]:
    for r in rules:
        thai, english = (r.thai.text if r.thai else ""), (r.english.text if r.english else "")
        yield r.paragraph, (r.kind.value, r.code, r.severity.value, thai, english, r.message, r.dismissed)
