"""The QA kinds beyond terms on the labelled set: precision and recall of each kind at least 0.98."""

from __future__ import annotations

import functools

import pytest

from bilingual_reader.qa.rules.model import KINDS, Kind
from qa.rule_cases import CASES
from qa.rule_scoring import Score, score


@functools.cache
def _scored() -> tuple[dict[Kind, Score], list[str]]:
    """The labelled set scored once, in a worker that runs these tests (not in every worker that collects)."""
    return score(CASES)


def test_the_labelled_set_is_large_enough() -> None:
    by_kind = {kind: sum(1 for c in CASES if c[0] == kind) for kind in ("numbers", "dates")}
    assert len(CASES) >= 100
    assert by_kind["numbers"] >= 25 and by_kind["dates"] >= 25


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.value)
def test_precision_and_recall_per_kind(kind: Kind) -> None:
    scores, misses = _scored()
    result = scores[kind]
    assert result.tp > 0, f"no {kind.value} case expects a finding"
    assert result.precision >= 0.98 and result.recall >= 0.98, "\n".join(misses)
