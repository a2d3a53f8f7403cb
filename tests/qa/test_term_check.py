"""The check's API beyond the labelled set: dismissals, switched-off concepts, untranslated paragraphs."""

from __future__ import annotations

from collections.abc import Sequence

from bilingual_reader.glossary.models import Concept, Status, Term
from bilingual_reader.qa.check import Dismissed, TermChecker
from bilingual_reader.qa.findings import Counts, Finding, FindingStatus, Span, count

TANK = Concept(
    "armour", (Term("รถถัง", "th"), Term("tank", "en"), Term("panzer", "en", Status.FORBIDDEN)), id=1
)
DRONE = Concept("aviation", (Term("โดรน", "th"), Term("drone", "en")), id=2)
THAI_ONLY = Concept("general", (Term("ยุทโธปกรณ์", "th"),), id=3)
ONLY_FORBIDDEN = Concept("general", (Term("ทหาร", "th"), Term("soldier", "en", Status.FORBIDDEN)), id=4)


def check_paragraphs(
    concepts: Sequence[Concept], thai: Sequence[str], english: Sequence[str | None], dismissed: Dismissed = ()
) -> list[Finding]:
    """Check aligned paragraphs with a one-off checker."""
    return list(TermChecker(concepts).check_all(thai, english, dismissed))


def test_finding_fields() -> None:
    findings = check_paragraphs([TANK], ["ส่งรถถัง"], ["sent a panzer"])
    assert findings == [
        Finding(
            paragraph=0,
            thai=Span(3, 8, "รถถัง"),
            concept_id=1,
            status=FindingStatus.FORBIDDEN,
            suggestion="tank",
            english=Span(7, 13, "panzer"),
            english_term="panzer",
        )
    ]
    assert findings[0].to_dict() == {
        "paragraph": 0,
        "thai": {"start": 3, "end": 8, "text": "รถถัง"},
        "concept_id": 1,
        "status": "forbidden",
        "english": {"start": 7, "end": 13, "text": "panzer"},
        "english_term": "panzer",
        "suggestion": "tank",
        "dismissed": False,
    }


def test_dismissed_problems_are_reported_but_not_counted() -> None:
    thai = ["รถถังและโดรน", "รถถัง"]
    findings = check_paragraphs([TANK, DRONE], thai, ["drones", "nothing"], dismissed={(0, 1)})
    assert [(f.paragraph, f.concept_id, f.status.value, f.dismissed, f.is_problem) for f in findings] == [
        (0, 1, "missing", True, False),
        (0, 2, "ok", False, False),
        (1, 1, "missing", False, True),
    ]
    assert count(findings) == Counts(ok=1, missing=1, forbidden=0, dismissed=1)
    assert count(findings).problems == 1


def test_dismissing_an_ok_hit_changes_nothing() -> None:
    (finding,) = check_paragraphs([TANK], ["รถถัง"], ["tank"], dismissed={(0, 1)})
    assert (finding.status, finding.dismissed) == (FindingStatus.OK, False)


def test_switched_off_and_unrenderable_concepts_are_skipped() -> None:
    off = Concept("aviation", DRONE.terms, id=2, check_enabled=False)
    thai, english = ["โดรนยุทโธปกรณ์ทหาร"], ["soldier"]
    assert check_paragraphs([off, THAI_ONLY, ONLY_FORBIDDEN], thai, english) == []
    assert list(TermChecker([DRONE], disabled={2}).check_all(thai, english)) == []


def test_untranslated_paragraphs_are_skipped() -> None:
    findings = list(TermChecker([TANK]).check_all(["รถถัง", "รถถัง", "รถถัง"], [None, "", "tanks"]))
    assert [(f.paragraph, f.status.value) for f in findings] == [(1, "missing"), (2, "ok")]


def test_extra_forbidden_uses_are_their_own_findings() -> None:
    findings = check_paragraphs([TANK], ["รถถัง"], ["a panzer, then another panzer"])
    assert [(f.status.value, f.english.start if f.english else None) for f in findings] == [
        ("forbidden", 2),
        ("forbidden", 23),
    ]


def test_table_report_lists_untranslated_paragraphs() -> None:
    from bilingual_reader.qa.report import report_table

    findings = list(TermChecker([TANK]).check_all(["รถถัง", "รถถัง"], [None, "panzer"]))
    assert report_table("dir/a.txt", 2, [0], findings) == [
        "a.txt: 2 paragraphs, 1 terms: 0 ok, 0 missing, 1 forbidden, 0 deprecated, 0 dismissed",
        "¶1   untranslated (no English)",
        "¶2   FORBIDDEN  รถถัง → 'panzer'  (use: tank)  [concept 1]",
    ]


def test_suggestion_is_the_preferred_term_even_when_a_variant_shares_its_key() -> None:
    concept = Concept(
        "armour",
        (
            Term("เสื้อเกราะ", "th"),
            Term("body armor", "en", Status.PREFERRED),
            Term("body armour", "en", Status.ADMITTED),
            Term("bulletproof vest", "en", Status.DEPRECATED),
        ),
        id=1,
    )
    (finding,) = TermChecker([concept]).check(0, "ทหารสวมเสื้อเกราะ", "Soldiers wore bulletproof vests.")
    assert finding.status is FindingStatus.DEPRECATED
    assert finding.suggestion == "body armor"
