"""The labelled set of the terminology check: loading it, and scoring the check on it."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bilingual_reader.glossary.models import Concept, Status, Term
from bilingual_reader.qa.check import TermChecker
from bilingual_reader.qa.findings import Finding

CASES_FILE = Path(__file__).with_name("labelled_cases.json")

#: A finding reduced to what the labels say: (case, concept id, status, Thai text, English text or None).
Label = tuple[int, int | None, str, str, str | None]


@dataclass(frozen=True)
class Case:
    """One labelled paragraph."""

    name: str
    thai: str
    english: str
    expected: tuple[tuple[int, str, str, str | None], ...]


def _terms(texts: Sequence[str], lang: str, pos: str = "noun") -> list[Term]:
    """Terms in the glossary.tsv convention: a ``[status]`` suffix, else first preferred, rest admitted."""
    terms = []
    for position, text in enumerate(texts):
        status = Status.PREFERRED if position == 0 else Status.ADMITTED
        if text.endswith("]") and " [" in text:
            text, _, label = text[:-1].rpartition(" [")
            status = Status(label)
        terms.append(Term(text=text, lang=lang, status=status, pos=pos))
    return terms


def _concept(row: dict[str, Any]) -> Concept:
    pos = row.get("pos", "noun")
    terms = _terms(row["thai"], "th", pos) + _terms(row["english"], "en", pos)
    return Concept(
        subject=row["subject"], terms=tuple(terms), id=row["id"], check_enabled=row.get("check_enabled", True)
    )


def load() -> tuple[list[Concept], list[Case]]:
    """The fixture concepts and the labelled cases."""
    data = json.loads(CASES_FILE.read_text(encoding="utf-8"))
    concepts = [_concept(row) for row in data["concepts"]]
    cases = [
        Case(c["name"], c["thai"], c["english"], tuple((e[0], e[1], e[2], e[3]) for e in c["expected"]))
        for c in data["cases"]
    ]
    return concepts, cases


def label(case: int, finding: Finding) -> Label:
    """What of a finding the labels compare."""
    english = finding.english.text if finding.english is not None else None
    return (case, finding.concept_id, finding.status.value, finding.thai.text, english)


@dataclass(frozen=True)
class Score:
    """Precision and recall of the check over the labelled findings (ok ones included)."""

    true_positives: int
    predicted: int
    expected: int

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.expected if self.expected else 1.0


def run(checker: TermChecker, cases: Sequence[Case]) -> tuple[Counter[Label], Counter[Label]]:
    """The predicted and expected labels over all cases."""
    predicted: Counter[Label] = Counter()
    expected: Counter[Label] = Counter()
    for index, case in enumerate(cases):
        predicted.update(label(index, f) for f in checker.check(0, case.thai, case.english))
        expected.update((index, *e) for e in case.expected)
    return predicted, expected


def score(predicted: Counter[Label], expected: Counter[Label]) -> Score:
    """Precision and recall from the two multisets of labels."""
    hits = sum((predicted & expected).values())
    return Score(hits, sum(predicted.values()), sum(expected.values()))
