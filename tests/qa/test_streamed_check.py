"""A document checked a paragraph at a time (``check`` of a book) gives exactly the whole-document check's
findings, in its order: cross-paragraph ones (consistency, dismissals) included."""

from __future__ import annotations

import json
import random
from collections.abc import Sequence

import pytest

from bilingual_reader.documents.articles import article_id_of
from bilingual_reader.glossary.models import Concept, Status, Term
from bilingual_reader.qa.check import TermChecker
from bilingual_reader.qa.jsonl_report import LATE_CODE, document_line, finding_lines, jsonl_lines
from bilingual_reader.qa.plan import CheckPlan, run_plan
from bilingual_reader.qa.results import DocumentResult
from bilingual_reader.qa.rules.model import Kind
from bilingual_reader.qa.spool import Spool
from bilingual_reader.qa.streamed_check import StreamedCheck, StreamedResult
from support import budget

# Two approved renderings of one Thai term: the document's majority wins, the others are warned about.
GUN = Concept(
    "artillery",
    (
        Term("ปืนใหญ่อัตตาจร", "th"),
        Term("self-propelled howitzer", "en"),
        Term("self-propelled gun", "en", Status.ADMITTED),
        Term("SPG", "en", Status.ADMITTED),
    ),
    id=1,
)
TANK = Concept(
    "armour", (Term("รถถัง", "th"), Term("tank", "en"), Term("panzer", "en", Status.FORBIDDEN)), id=2
)
DRONE = Concept(
    "aviation", (Term("โดรน", "th"), Term("drone", "en"), Term("UAV", "en", Status.ADMITTED)), id=3
)
CHECKER = TermChecker([GUN, TANK, DRONE])
HOWITZER = "The army bought a self-propelled howitzer for the border units this year."
SPG = "The army bought a self-propelled gun for the border units this year."
GUN_TH = "กองทัพซื้อปืนใหญ่อัตตาจรให้หน่วยชายแดนในปีนี้"
TANK_TH = "กองทัพบกส่งรถถังไปที่ชายแดนเมื่อวันจันทร์ที่ผ่านมาเพื่อการฝึกซ้อมร่วมกัน"


ALL = CheckPlan()


def whole(
    thai: Sequence[str],
    english: Sequence[str | None],
    plan: CheckPlan = ALL,
    dismissed: frozenset[tuple[int, int]] = frozenset(),
    dismissed_checks: frozenset[tuple[int, str]] = frozenset(),
) -> DocumentResult:
    terms = list(CHECKER.check_all(thai, english, dismissed)) if plan.terms else []
    return run_plan("doc.txt", thai, english, plan, terms, dismissed_checks)


def streamed(
    thai: Sequence[str],
    english: Sequence[str | None],
    plan: CheckPlan = ALL,
    dismissed: frozenset[tuple[int, int]] = frozenset(),
    dismissed_checks: frozenset[tuple[int, str]] = frozenset(),
) -> StreamedResult:
    check = StreamedCheck("doc.txt", CHECKER, plan, dismissed, dismissed_checks)
    for index, (source, target) in enumerate(zip(thai, english, strict=True)):
        check.add(index, source, target)
    return check.finish("id")


def codes(result: DocumentResult | StreamedResult) -> list[tuple[int, str]]:
    return [(f.paragraph + 1, f"{f.code}{'/dismissed' if f.dismissed else ''}") for f in result.rules]


# (Thai paragraphs, English paragraphs, the consistency/term findings the whole check gives: (¶, code)).
CASES = [
    pytest.param(
        [GUN_TH, GUN_TH + " ", GUN_TH + "  แล้ว"],
        [HOWITZER, SPG, HOWITZER],
        [(2, "term-variants"), (2, "same-thai-different-english")],
        id="the minority rendering warned, after the paragraph's own findings",
    ),
    pytest.param(
        [GUN_TH, "ปืนใหญ่อัตตาจร", GUN_TH + " อีก", "ปืนใหญ่อัตตาจร"],
        [SPG, "The self-propelled howitzer.", HOWITZER + " Again.", "A self-propelled howitzer."],
        [(1, "term-variants"), (4, "same-thai-different-english")],
        id="known only at the end: the first paragraph is the minority",
    ),
    pytest.param(
        [GUN_TH, TANK_TH, "ปืนใหญ่อัตตาจรและรถถัง"],
        [
            SPG + " SPG.",
            "A tank went to the border for exercises with the units this year.",
            "SPG and panzer.",
        ],
        [(3, "term-variants")],
        id="a tie: the rendering met first is the majority",
    ),
    pytest.param(
        ["ปืนใหญ่อัตตาจร", "โดรน", "ปืนใหญ่อัตตาจร", "โดรน", "โดรนและปืนใหญ่อัตตาจร"],
        ["self-propelled howitzer", "drone", "self-propelled howitzer", "drone", "UAV and SPG"],
        [(5, "term-variants"), (5, "term-variants")],
        id="two terms' warnings in one paragraph: in the order the terms were first met, not the Thai's",
    ),
    pytest.param(
        [GUN_TH, TANK_TH, GUN_TH],
        [HOWITZER, HOWITZER, None],
        [(2, "same-english-different-thai")],
        id="the same English sentence from different Thai; untranslated skipped",
    ),
    pytest.param(
        [GUN_TH + " " + TANK_TH, TANK_TH + " กองทัพ"],
        [HOWITZER, HOWITZER],
        [],
        id="Thai sharing a long stretch may share an English sentence",
    ),
    pytest.param(
        [GUN_TH, GUN_TH, GUN_TH, ""],
        ["", "  ", HOWITZER, ""],
        [(1, "english-empty"), (2, "english-empty"), (4, "english-empty")],
        id="empty English is no variant",
    ),
]


@pytest.mark.parametrize(("thai", "english", "expected"), CASES)
def test_a_document_checked_a_paragraph_at_a_time_has_the_whole_check_s_findings(
    thai: list[str], english: list[str | None], expected: list[tuple[int, str]]
) -> None:
    before, after = whole(thai, english), streamed(thai, english)
    wanted = [c for c in codes(before) if c[1].split("/")[0] in _CROSS or c[1] == "english-empty"]
    assert wanted == expected
    if expected.count((5, "term-variants")) == 2:  # the gun, met first in ¶1, before the drone (¶2)
        assert [f.thai and f.thai.text for f in before.rules if f.code == "term-variants"] == [
            "ปืนใหญ่อัตตาจร",
            "โดรน",
        ]
    assert list(after.terms) == list(before.terms)
    assert list(after.rules) == list(before.rules)
    assert (after.paragraph_count, after.untranslated) == (
        len(thai),
        [i for i, e in enumerate(english) if e is None],
    )
    assert (after.errors(), after.errors(strict=True), after.summary()) == (
        before.errors(),
        before.errors(strict=True),
        before.summary(),
    )


_CROSS = {"term-variants", "same-thai-different-english", "same-english-different-thai"}


def test_dismissals_and_plans_apply_as_in_the_whole_check() -> None:
    thai, english = [GUN_TH, GUN_TH + " ", "รถถัง"], [HOWITZER, SPG, "the panzer"]
    variant = next(f for f in whole(thai, english).rules if f.code == "term-variants")
    checks = frozenset({(variant.paragraph, variant.key), (0, "form:english-short:")})
    plans = [CheckPlan(), CheckPlan(frozenset({Kind.CONSISTENCY}), False), CheckPlan(frozenset(), True)]
    for plan in plans:
        before = whole(thai, english, plan, frozenset({(2, 2)}), checks)
        after = streamed(thai, english, plan, frozenset({(2, 2)}), checks)
        assert (list(after.terms), list(after.rules)) == (list(before.terms), list(before.rules))
    dismissed = codes(whole(thai, english, dismissed_checks=checks))
    assert (2, "term-variants/dismissed") in dismissed


def test_a_generated_book_checked_a_paragraph_at_a_time_has_the_whole_check_s_findings() -> None:
    rng = random.Random(11)
    pieces_th = [GUN_TH, TANK_TH, "ปืนใหญ่อัตตาจร", "รถถัง", "ปี 2565", "ทหาร 20 นาย"]
    pieces_en = [HOWITZER, SPG, "SPG.", "The tank.", "A panzer came.", "In 2565 twenty soldiers went."]
    for _ in range(budget(20, 200)):
        size = rng.randint(1, 40)
        thai = [" ".join(rng.choices(pieces_th, k=rng.randint(1, 3))) for _ in range(size)]
        english: list[str | None] = [
            None if rng.random() < 0.1 else " ".join(rng.choices(pieces_en, k=rng.randint(0, 3)))
            for _ in range(size)
        ]
        before, after = whole(thai, english), streamed(thai, english)
        assert list(after.terms) == list(before.terms)
        assert list(after.rules) == list(before.rules)
        assert after.summary() == before.summary()


def test_paragraphs_come_in_order() -> None:
    check = StreamedCheck("doc.txt", CHECKER, CheckPlan())
    check.add(0, GUN_TH, HOWITZER)
    with pytest.raises(ValueError, match="paragraph 2 came where paragraph 1 was expected"):
        check.add(2, GUN_TH, HOWITZER)


def test_a_spool_gives_back_what_was_written_in_order_as_often_as_asked() -> None:
    spool: Spool[object] = Spool()
    spool.extend([1, "ปืน", (2, None)])
    assert (list(spool), list(spool), len(spool), spool[1], spool[-1]) == (
        [1, "ปืน", (2, None)],
        [1, "ปืน", (2, None)],
        3,
        "ปืน",
        (2, None),
    )
    spool.append(4)
    assert list(spool) == [1, "ปืน", (2, None), 4]
    reading = iter(spool)
    next(reading)
    with pytest.raises(RuntimeError):
        spool.append(5)


@pytest.mark.parametrize(("thai", "english", "expected"), CASES)
def test_json_lines_of_a_book_as_it_goes_are_those_of_the_document_checked_whole(
    thai: list[str], english: list[str | None], expected: list[tuple[int, str]]
) -> None:
    check = StreamedCheck("doc.txt", CHECKER, ALL)
    written: list[str] = []
    for index, (source, target) in enumerate(zip(thai, english, strict=True)):
        terms, rules = check.add(index, source, target, "title" if index == 0 else "paragraph")
        written.extend(finding_lines("doc.txt", [*terms, *rules], check.roles))
    result = check.finish(article_id_of(thai))
    written.extend([*finding_lines("doc.txt", result.late, result.roles), document_line(result)])
    roles = ["title", *["paragraph"] * (len(thai) - 1)]
    terms = list(CHECKER.check_all(thai, english))
    assert written == list(jsonl_lines(run_plan("doc.txt", thai, english, ALL, terms, roles=roles)))
    late = [json.loads(line)["paragraph"] + 1 for line in written if LATE_CODE in line]
    assert late == [p for p, code in expected if code == LATE_CODE]  # after the last paragraph's lines
