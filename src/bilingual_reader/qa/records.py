"""Findings as tuples of plain values and back: what a book's check keeps on disk (pickling plain tuples is
several times cheaper than pickling the dataclasses and their enums)."""

from __future__ import annotations

from typing import Any

from bilingual_reader.qa.findings import Finding, FindingStatus, Span
from bilingual_reader.qa.rules.model import Kind, RuleFinding, Severity

__all__ = ["rule_from", "rule_record", "term_from", "term_record"]

_STATUSES = {status.value: status for status in FindingStatus}
_KINDS = {kind.value: kind for kind in Kind}
_SEVERITIES = {severity.value: severity for severity in Severity}

Record = tuple[Any, ...]


def _span(span: Span | None) -> Record | None:
    return None if span is None else (span.start, span.end, span.text)


def _span_from(record: Record | None) -> Span | None:
    return None if record is None else Span(*record)


def term_record(f: Finding) -> Record:
    """A term finding as plain values."""
    english = _span(f.english)
    return (f.paragraph, _span(f.thai), f.concept_id, f.status.value, f.suggestion, english, f.english_term,
            f.dismissed)  # fmt: skip


def term_from(record: Record) -> Finding:
    """The term finding of :func:`term_record`."""
    paragraph, thai, concept, status, suggestion, english, term, dismissed = record
    return Finding(paragraph, Span(*thai), concept, _STATUSES[status], suggestion, _span_from(english), term,
                   dismissed)  # fmt: skip


def rule_record(f: RuleFinding) -> Record:
    """A rule finding as plain values."""
    return (f.kind.value, f.code, f.paragraph, f.message, _span(f.thai), _span(f.english), f.severity.value,
            f.dismissed)  # fmt: skip


def rule_from(record: Record) -> RuleFinding:
    """The rule finding of :func:`rule_record`."""
    kind, code, paragraph, message, thai, english, severity, dismissed = record
    return RuleFinding(_KINDS[kind], code, paragraph, message, _span_from(thai), _span_from(english),
                       _SEVERITIES[severity], dismissed)  # fmt: skip
