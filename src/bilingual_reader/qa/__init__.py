"""The terminology check: glossary terms of the Thai sought in the English; findings and dismissals."""

from __future__ import annotations

from bilingual_reader.qa.check import TermChecker
from bilingual_reader.qa.findings import Counts, Finding, FindingStatus, Span, count

__all__ = [
    "Counts",
    "Finding",
    "FindingStatus",
    "Span",
    "TermChecker",
    "count",
]
