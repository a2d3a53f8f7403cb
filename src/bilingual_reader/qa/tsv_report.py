"""The QA report as TSV, one finding a row, for spreadsheets (formula-like cells defused as in CSV)."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from bilingual_reader.glossary.formats.csvfmt import guard_cell
from bilingual_reader.qa.findings import FindingStatus
from bilingual_reader.qa.results import DocumentResult

__all__ = ["COLUMNS", "tsv_report"]

COLUMNS = ("file", "paragraph", "kind", "code", "severity", "thai", "english", "message", "dismissed")


def _cell(value: object) -> str:
    return guard_cell(" ".join(str(value).split()))


def tsv_report(results: Sequence[DocumentResult]) -> str:
    """Every finding of every document (terms with status ok left out), paragraphs numbered from 1."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    writer.writerow(COLUMNS)
    for result in results:
        rows: list[tuple[int, tuple[object, ...]]] = []
        for f in result.terms:
            if f.status.value == "ok":
                continue
            english = f.english.text if f.english else ""
            message = f"use: {f.suggestion}"
            row: tuple[object, ...] = (
                "terms",
                f.status.value,
                "warning" if f.status is FindingStatus.DEPRECATED else "error",
                f.thai.text,
                english,
                message,
                f.dismissed,
            )
            rows.append((f.paragraph, row))
        for r in result.rules:
            thai, english = (r.thai.text if r.thai else ""), (r.english.text if r.english else "")
            row = (r.kind.value, r.code, r.severity.value, thai, english, r.message, r.dismissed)
            rows.append((r.paragraph, row))
        for paragraph, row in sorted(rows, key=lambda item: item[0]):
            writer.writerow([_cell(result.path), paragraph + 1, *(_cell(v) for v in row)])
    return out.getvalue()
