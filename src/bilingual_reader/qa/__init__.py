"""The terminology check: glossary terms of the Thai sought in the English; findings, dismissals, steering."""

from __future__ import annotations

from bilingual_reader.qa.check import TermChecker, check_paragraphs
from bilingual_reader.qa.findings import Counts, Finding, FindingStatus, Span, count
from bilingual_reader.qa.steering import RankedHypothesis, Steered, rerank_by_compliance, steer

__all__ = [
    "Counts",
    "Finding",
    "FindingStatus",
    "RankedHypothesis",
    "Span",
    "Steered",
    "TermChecker",
    "check_paragraphs",
    "count",
    "rerank_by_compliance",
    "steer",
]
