"""The check's report as JSON lines (``check --format jsonl``): one finding a line, written as soon as its
paragraph is checked (a book's findings come out as it goes), then one line for the document.

A paragraph's lines: its term findings, then the other kinds' findings known with it. A term rendered
otherwise than the document's majority (consistency ``term-variants``) is known only once every paragraph
is in: those lines come after the last paragraph's, before the document's line. A document checked whole
gives the same lines in the same order (:func:`jsonl_lines`).
"""

from __future__ import annotations

import heapq
import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from bilingual_reader.qa.findings import Finding
from bilingual_reader.qa.results import CheckedDocument
from bilingual_reader.qa.rules.consistency import TERM_VARIANTS
from bilingual_reader.qa.rules.model import RuleFinding

__all__ = ["LATE_CODE", "document_line", "finding_lines", "jsonl_lines"]

#: The code of the findings known only at the end of a document.
LATE_CODE = TERM_VARIANTS


def finding_lines(
    path: str, findings: Iterable[Finding | RuleFinding], roles: Sequence[str] = ()
) -> Iterator[str]:
    """A line for each finding: ``{"type": "term"|"check", "file": …, …its JSON…, "role": …}`` (the role
    when ``roles``, the document's paragraphs' roles, are given)."""
    for f in findings:
        line: dict[str, Any] = {"type": "term" if isinstance(f, Finding) else "check", "file": path}
        line.update(f.to_dict())
        if roles:
            line["role"] = roles[f.paragraph]
        yield json.dumps(line, ensure_ascii=False) + "\n"


def document_line(result: CheckedDocument) -> str:
    """The document's last line: its id, paragraphs, untranslated ones, counts, errors and warnings."""
    errors = result.errors()
    line = {
        "type": "document",
        "file": result.path,
        "article_id": result.article_id,
        "paragraphs": result.paragraph_count,
        "untranslated": result.untranslated,
        "summary": result.summary(),
        "errors": errors,
        "warnings": result.errors(strict=True) - errors,
    }
    return json.dumps(line, ensure_ascii=False) + "\n"


def jsonl_lines(result: CheckedDocument) -> Iterator[str]:
    """The lines of a document checked whole, as a book checked a paragraph at a time writes them."""
    terms: Iterable[Finding | RuleFinding] = result.terms
    own: Iterable[Finding | RuleFinding] = (f for f in result.rules if f.code != LATE_CODE)
    merged = heapq.merge(terms, own, key=_paragraph)
    yield from finding_lines(result.path, merged, result.roles)
    yield from finding_lines(result.path, (f for f in result.rules if f.code == LATE_CODE), result.roles)
    yield document_line(result)


def _paragraph(finding: Finding | RuleFinding) -> int:
    return finding.paragraph
