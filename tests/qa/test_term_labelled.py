"""Precision and recall of the terminology check on the labelled set."""

from __future__ import annotations

import pytest

from bilingual_reader.qa.check import TermChecker

from .labelled import label, load, run, score

CONCEPTS, CASES = load()
CHECKER = TermChecker(CONCEPTS)


def test_the_set_is_big_and_varied() -> None:
    assert len(CASES) >= 90
    statuses = {e[1] for case in CASES for e in case.expected}
    assert statuses == {"ok", "missing", "forbidden", "deprecated"}
    assert any(case.english == "" for case in CASES)


def test_precision_and_recall_are_one() -> None:
    predicted, expected = run(CHECKER, CASES)
    result = score(predicted, expected)
    print(
        f"\nterminology check on {len(CASES)} labelled cases: precision {result.precision:.3f}, "
        f"recall {result.recall:.3f} ({result.true_positives} of {result.expected} expected findings, "
        f"{result.predicted} predicted)"
    )
    assert (result.precision, result.recall) == (1.0, 1.0)


@pytest.mark.parametrize("index", range(len(CASES)), ids=[c.name for c in CASES])
def test_case(index: int) -> None:
    case = CASES[index]
    found = [label(index, f)[1:] for f in CHECKER.check(0, case.thai, case.english)]
    assert sorted(found, key=_order) == sorted(case.expected, key=_order)


def _order(entry: tuple[int | None, str, str, str | None]) -> tuple[int, str, str, str]:
    return (entry[0] or 0, entry[1], entry[2], entry[3] or "")
