"""Reranking a sentence's n-best list by glossary compliance."""

from __future__ import annotations

from bilingual_reader.glossary.models import Concept, Status, Term
from bilingual_reader.qa.check import TermChecker
from bilingual_reader.qa.steering import (
    RankedHypothesis,
    Steered,
    first_compliant,
    rerank_by_compliance,
    steer,
)

SPH = Concept(
    "weapons",
    (
        Term("ปืนใหญ่อัตตาจร", "th"),
        Term("self-propelled howitzer", "en"),
        Term("self-propelled artillery", "en", Status.FORBIDDEN),
    ),
    id=1,
)
BORDER = Concept("general", (Term("ชายแดน", "th"), Term("border", "en")), id=2)
NBEST = [
    "The self-propelled artillery moved to the border.",
    "Artillery moved to the frontier.",
    "The self-propelled howitzers moved to the frontier.",
    "A self-propelled howitzer moved to the border.",
]


def test_rerank_puts_compliant_hypotheses_first() -> None:
    ranked = rerank_by_compliance(NBEST, [SPH, BORDER])
    assert [(r.rank, r.satisfied, r.forbidden, r.compliant) for r in ranked] == [
        (3, 2, 0, True),
        (2, 1, 0, False),
        (0, 1, 1, False),
        (1, 0, 0, False),
    ]


def test_first_compliant() -> None:
    assert first_compliant(NBEST, [SPH, BORDER]) == RankedHypothesis(NBEST[3], 3, 2, 2, 0)
    assert first_compliant(NBEST[:3], [SPH, BORDER]) is None
    assert first_compliant([], [SPH]) is None


def test_no_required_terms_keeps_engine_order() -> None:
    assert [r.rank for r in rerank_by_compliance(["b", "a"], [])] == [0, 1]
    assert first_compliant(["b", "a"], []) == RankedHypothesis("b", 0, 0, 0, 0)


def test_required_terms_come_from_the_thai() -> None:
    checker = TermChecker([SPH, BORDER])
    required = checker.concepts_in("ปืนใหญ่อัตตาจรเคลื่อนที่ไปยังชายแดน ปืนใหญ่อัตตาจร")
    assert [c.id for c in required] == [1, 2]
    best = first_compliant(NBEST, required)
    assert best is not None
    assert [f.status.value for f in checker.check(0, "ปืนใหญ่อัตตาจรไปชายแดน", best.text)] == ["ok", "ok"]


def test_steer_reports_how_the_sentence_was_fixed() -> None:
    required = [SPH, BORDER]
    assert steer(NBEST[3], NBEST, required) == Steered(NBEST[3], NBEST[3], "compliant")
    assert steer(NBEST[0], NBEST, required) == Steered(NBEST[3], NBEST[0], "reranked")
    assert steer(NBEST[0], NBEST[:3], required) == Steered(
        NBEST[0], NBEST[0], "flagged", ("self-propelled howitzer",)
    )
