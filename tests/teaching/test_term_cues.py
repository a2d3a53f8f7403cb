"""What tells a term from ordinary words: grammar compounds, verbs, places and quantities, the glossary's
own words (Thai, and English through the dictionary), keyness against the Thai National Corpus."""

from __future__ import annotations

import pytest

from bilingual_reader.glossary.models import Concept, Term
from bilingual_reader.teaching.term_cues import (
    domain_words,
    english_domain,
    grammar_compound,
    has_domain_word,
    is_place,
    keyness,
    speaks_domain,
    verb_like,
)
from bilingual_reader.thai.segmenter import Segmenter


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("ในประเทศ", True), ("ก่อนที่", True), ("ร่วมกับ", True), ("มากขึ้น", True), ("ครั้งนี้", True),
        ("ทั้งสองฝ่าย", True), ("ใหญ่ที่สุด", True), ("เป็นการ", True),
        ("ผู้บัญชาการ", False), ("มาตรการ", False), ("กองทัพเรือ", False), ("ทางทหาร", False),
        ("อู่ต่อเรือ", False), ("เรือยกพลขึ้นบก", False),
    ],
)  # fmt: skip
def test_grammar_compounds(word: str, expected: bool) -> None:
    assert grammar_compound(word) is expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [("จัดหา", True), ("ฝึก", True), ("เพิ่ม", True), ("ทหาร", False), ("กองทัพ", False), ("เรือฟริเกต", False)],
)
def test_verbs_start_no_term(word: str, expected: bool) -> None:
    assert verb_like(word) is expected


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (("ยูเครน",), True), (("กรุงโซล",), True), (("เอเชีย", "แปซิฟิก"), True), (("ล้าน", "ดอลลาร์"), True),
        (("เรือดำน้ำ",), False), (("กองทัพ", "ไทย"), False), ((), False),
    ],
)  # fmt: skip
def test_places_and_quantities(parts: tuple[str, ...], expected: bool) -> None:
    assert is_place(parts) is expected


def test_domain_words_come_from_the_glossarys_terms() -> None:
    plain = Segmenter(frozenset())
    domain = domain_words(["ระบบเรดาร์", "ระบบอาวุธ", "ระบบจรวด", "ปืนใหญ่", "การยิง", "การยิงจรวด"], plain)
    assert domain == frozenset({"ระบบ"})  # การ is no content word; จรวด is in two terms only
    assert has_domain_word("ระบบป้องกัน", domain, plain) and not has_domain_word("กองทัพ", domain, plain)


def test_keyness_is_how_much_more_often_than_in_general_thai() -> None:
    assert keyness("ที่", 1, 100) == 0.0  # rarer here than in the TNC: no keyness
    assert 1.5 < keyness("สงคราม", 7, 1582) < 1.6  # 35 times the TNC rate
    assert keyness("คำที่ไม่มีในคลัง", 2, 1582) > 4


def _concept(*english: str) -> Concept:
    return Concept("", (Term("คำ", "th"), *(Term(text, "en") for text in english)))


def test_the_english_domain_is_the_words_recurring_in_the_glossarys_english_terms() -> None:
    concepts = [
        _concept("military mission", "mission"),  # one concept counts once
        _concept("military base"),
        _concept("Military Police"),
        _concept("naval base", "the navy"),
        _concept("air base"),
    ]
    assert english_domain(concepts) == frozenset({"military", "base"})  # "the": grammar; naval: one concept
    assert english_domain(concepts, least=1) >= {"mission", "naval", "navy", "police", "air"}


@pytest.mark.parametrize(
    ("key", "parts", "expected"),
    [
        ("ภารกิจ", ("ภารกิจ",), True),  # a noun sense "military mission"
        ("การโจมตี", ("การ", "โจมตี"), True),  # the noun "attack", from the whole key
        ("ทหาร", ("ทหาร",), True),  # "military personnel"
        ("โจมตี", ("โจมตี",), False),  # only verb senses: "attack" as a verb is no term
        ("มกราคม", ("มกราคม",), False),  # January
        ("นาวิกโยธิน", ("นาวิกโยธิน",), False),  # not in the dictionary
        ("กองทัพไทย", ("กองทัพ", "ไทย"), True),  # no senses of its own: its words' (กองทัพ: "military force")
        ("กองทัพสหรัฐ", ("กองทัพ", "สหรัฐ"), False),  # its own sense first: "United States Army"
    ],
)
def test_a_word_speaks_the_domain_when_its_dictionary_english_is_made_of_it(
    key: str, parts: tuple[str, ...], expected: bool
) -> None:
    domain = frozenset({"military", "attack", "force"})
    assert speaks_domain(key, parts, domain) is expected
