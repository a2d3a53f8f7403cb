"""Scoring the QA rules on the labelled set (tests/qa/rule_cases.py): precision and recall per kind.

Every kind runs on every case, so a finding no case expects counts against its kind's precision.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from bilingual_reader.glossary.store import Glossary
from bilingual_reader.qa.check import TermChecker
from bilingual_reader.qa.rules.checklist import SHIPPED, load_checklist
from bilingual_reader.qa.rules.model import KINDS, Kind, RuleFinding
from bilingual_reader.qa.rules.run import check_document
from qa.rule_cases import Case

CODES: dict[str, Kind] = {
    "missing-number": Kind.NUMBERS,
    "extra-number": Kind.NUMBERS,
    "be-year-kept": Kind.DATES,
    "wrong-year": Kind.DATES,
    "missing-year": Kind.DATES,
    "missing-date": Kind.DATES,
    "missing-weekday": Kind.DATES,
    "latin-missing": Kind.TEXT,
    "thai-in-english": Kind.TEXT,
    "unit-missing": Kind.UNITS,
    "unit-mismatch": Kind.UNITS,
    "english-empty": Kind.FORM,
    "english-identical": Kind.FORM,
    "repeated-word": Kind.FORM,
    "unbalanced": Kind.FORM,
    "double-space": Kind.FORM,
    "english-short": Kind.FORM,
    "term-variants": Kind.CONSISTENCY,
    "same-thai-different-english": Kind.CONSISTENCY,
    "same-english-different-thai": Kind.CONSISTENCY,
}


@dataclass
class Score:
    """True positives, false positives and false negatives of one kind."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def label(finding: RuleFinding) -> str:
    """How a finding is written in the labelled set: ``code:text`` (the Thai span, else the English one)."""
    span = finding.thai or finding.english
    return f"{finding.code}:{span.text}" if span is not None else finding.code


RULES = load_checklist(SHIPPED)
GLOSSARY = Path(__file__).resolve().parents[2] / "glossary.db"


@cache
def _terms() -> TermChecker:
    with Glossary.open(GLOSSARY, read_only=True) as glossary:
        return TermChecker(glossary.concepts())


def kind_of(code: str) -> Kind:
    """The kind a finding code belongs to (checklist findings carry their rule's name)."""
    return CODES.get(code, Kind.CHECKLIST)


def predict(case: Case) -> list[RuleFinding]:
    """The findings of every kind (the shipped checklist included) for one case."""
    _, thai, english, _ = case
    thai_list = thai if isinstance(thai, list) else [thai]
    english_list: list[str | None] = list(english) if isinstance(english, list) else [english]
    terms = list(_terms().check_all(thai_list, english_list))
    return check_document(thai_list, english_list, KINDS, RULES, terms)


def _matches(expected: str, predicted: str) -> bool:
    return predicted == expected or (":" not in expected and predicted.split(":", 1)[0] == expected)


def score(cases: list[Case]) -> tuple[dict[Kind, Score], list[str]]:
    """Scores per kind, and a line for each miss (case number, what was expected, what was found)."""
    scores = {kind: Score() for kind in KINDS}
    misses: list[str] = []
    for number, case in enumerate(cases):
        predicted = [label(f) for f in predict(case)]
        expected = list(case[3])
        unmatched = Counter(predicted)
        for item in expected:
            kind = kind_of(item.split(":", 1)[0])
            hit = next((p for p in unmatched if unmatched[p] and _matches(item, p)), None)
            if hit is None:
                scores[kind].fn += 1
                misses.append(f"case {number} ({case[0]}): missed {item}; found {predicted}")
            else:
                unmatched[hit] -= 1
                scores[kind].tp += 1
        for item, left in unmatched.items():
            for _ in range(left):
                scores[kind_of(item.split(":", 1)[0])].fp += 1
                misses.append(f"case {number} ({case[0]}): unexpected {item}; expected {expected}")
    return scores, misses
