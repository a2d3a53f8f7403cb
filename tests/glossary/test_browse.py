"""What the glossary screen shows: table rows, column widths, titles, browsing, a concept's occurrences."""

from __future__ import annotations

import pytest

from bilingual_reader.glossary.browse import (
    browse,
    column_widths,
    concept_occurrences,
    concept_row,
    short_title,
)
from bilingual_reader.glossary.models import Concept, Status, Term
from bilingual_reader.glossary.store import Glossary
from bilingual_reader.thai.segmenter import Segmenter

GUN = Concept(
    "weapons",
    (
        Term("ปืนใหญ่อัตตาจร", "th"),
        Term("self-propelled gun", "en"),
        Term("SPG", "en", Status.ADMITTED),
        Term("automatic artillery", "en", Status.FORBIDDEN),
    ),
)


@pytest.mark.parametrize(
    ("concept", "row"),
    [
        (GUN, ("ปืนใหญ่อัตตาจร", "self-propelled gun", "weapons", "1 adm 1 forb", "1+3")),
        (
            Concept("naval", (Term("เรือ", "th", Status.ADMITTED), Term("ship", "en"))),
            ("เรือ", "ship", "naval", "th adm 1 adm", "1+1"),
        ),
        (
            Concept("general", (Term("ก", "th"), Term("ข", "th", Status.DEPRECATED), Term("x", "en"))),
            ("ก", "x", "general", "1 dep", "2+1"),
        ),
        (Concept("general", (Term("ก", "th"), Term("x", "en"))), ("ก", "x", "general", "—", "1+1")),
    ],
)
def test_concept_row(concept: Concept, row: tuple[str, ...]) -> None:
    assert concept_row(concept) == row


@pytest.mark.parametrize(("width", "thai", "english"), [(80, 15, 19), (160, 36, 48), (40, 9, 11)])
def test_column_widths(width: int, thai: int, english: int) -> None:
    assert column_widths(width) == {"thai": thai, "english": english, "subject": 13, "status": 16, "terms": 5}


@pytest.mark.parametrize(
    ("title", "limit", "expected"),
    [("", 48, "the article"), ("สั้น", 48, "สั้น"), ("กองทัพบก", 4, "กอง…"), ("ที่นี่ที่", 2, "ที่…")],
)
def test_short_title(title: str, limit: int, expected: str) -> None:
    assert short_title(title, limit) == expected


def test_browse_lists_by_id_and_filters_by_subject() -> None:
    glossary = Glossary.memory()
    for concept in (
        GUN,
        Concept("weapons", (Term("ปืนใหญ่", "th"), Term("artillery", "en"))),
        Concept("armour", (Term("เสื้อเกราะ", "th"), Term("body armour", "en"))),
        Concept("vehicles", (Term("รถถังหนัก", "th"), Term("main battle tank", "en"))),
    ):
        glossary.add(concept)
    assert [c.headword for c in browse(glossary)] == ["ปืนใหญ่อัตตาจร", "ปืนใหญ่", "เสื้อเกราะ", "รถถังหนัก"]
    assert [c.headword for c in browse(glossary, "", "armour")] == ["เสื้อเกราะ"]
    assert [c.headword for c in browse(glossary, "ปืน", "weapons", limit=1)] == ["ปืนใหญ่"]


def test_concept_occurrences_seek_every_term_in_both_languages() -> None:
    paragraph = "ซื้อปืนใหญ่อัตตาจร (SPG) ไม่ใช่ automatic artillery"
    tokens = Segmenter({"ปืนใหญ่อัตตาจร"}).tokenize(paragraph)
    hits = concept_occurrences(GUN, [paragraph], [tokens])
    assert [h.text for h in hits] == ["ปืนใหญ่อัตตาจร", "SPG", "automatic artillery"]
