"""The search the CLI and the glossary screen share."""

from __future__ import annotations

import pytest

from bilingual_reader.glossary.models import Concept, Term
from bilingual_reader.glossary.search import search
from bilingual_reader.glossary.stats import glossary_stats
from bilingual_reader.glossary.store import Glossary


@pytest.mark.parametrize(
    ("query", "subject", "headwords"),
    [
        ("ปืน", None, ["ปืนใหญ่"]),  # Thai substring (the deprecated ปืน and ปืนใหญ่ are one concept)
        ("รถถัง", None, ["รถถังหลัก"]),
        ("ถังหล", None, ["รถถังหลัก"]),  # inside a word
        ("\u200bรถ\u00adถัง ", None, ["รถถังหลัก"]),  # invisible characters do not matter
        ("ลบ", None, ["ลบ", "ลบทิ้ง"]),
        ("ลบ", "weapons", []),
        ("general", None, ["พลเอก"]),  # exact English term first
        ("GEN", None, ["พลเอก"]),  # word prefix, any case
        ("army", None, ["กองทัพบก"]),
        ("battle tank", None, ["รถถังหลัก"]),  # every word must begin a word
        ("attle", None, []),  # not a word prefix
        ("aerial veh", None, ["อากาศยานไร้คนขับ"]),
        ("100%", None, []),  # LIKE wildcards are literal
        ("_", None, []),
        ("", "naval", ["เรือดำน้ำ"]),  # empty query lists the subject
    ],
)
def test_search(sample: Glossary, query: str, subject: str | None, headwords: list[str]) -> None:
    assert [c.headword for c in search(sample, query, subject=subject)] == headwords


def test_search_ranks_exact_then_prefix_then_shorter(sample: Glossary) -> None:
    sample.add(Concept("ranks", (Term("พลเอกพิเศษ", "th"), Term("general (special)", "en"))))
    assert [c.headword for c in search(sample, "พลเอก")] == ["พลเอก", "พลเอกพิเศษ"]
    assert [c.headword for c in search(sample, "ลเอก")] == ["พลเอก", "พลเอกพิเศษ"]
    assert len(search(sample, "", limit=3)) == 3


def test_stats(sample: Glossary) -> None:
    stats = glossary_stats(sample)
    assert (stats.concepts, stats.terms) == (10, 29)
    assert stats.by_language == {"th": 12, "en": 17}
    assert stats.by_status == {"preferred": 20, "admitted": 7, "deprecated": 1, "forbidden": 1}
    assert stats.by_subject["general"] == 2
    assert stats.check_disabled == 0
