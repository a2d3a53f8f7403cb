"""Where a word occurs in segmented text: whole tokens, inside one glossary-term token, Latin whole words."""

from __future__ import annotations

import pytest

from bilingual_reader.thai.occurrences import count_occurrences, find_occurrences
from bilingual_reader.thai.segmenter import Segmenter


@pytest.mark.parametrize(
    ("context", "before", "after"),
    [(4, "…ได้รับ", " …"), (12, "ทหารได้รับ", " หมวกเหล็ก …"), (40, "ทหารได้รับ", " หมวกเหล็ก และเวชภัณฑ์")],
)
def test_context_is_cut_between_tokens(context: int, before: str, after: str) -> None:
    paragraph = "ทหารได้รับเสื้อเกราะ หมวกเหล็ก และเวชภัณฑ์"
    tokens = Segmenter({"เสื้อเกราะ"}).tokenize(paragraph)
    [hit] = find_occurrences(["เสื้อเกราะ", "body armour"], [paragraph], [tokens], context=context)
    assert (hit.paragraph, hit.start, hit.end) == (0, 10, 20)
    assert (hit.before, hit.text, hit.after) == (before, "เสื้อเกราะ", after)
    if context > 4:  # not segmented yet: cut at spaces where the context has one
        [plain] = find_occurrences(["เสื้อเกราะ"], [paragraph], context=context)
        assert plain.after == after


def test_with_tokens_a_match_inside_another_word_is_skipped() -> None:
    paragraph = "พยานเห็นยาน"
    assert [h.start for h in find_occurrences(["ยาน"], [paragraph])] == [1, 8]
    tokens = Segmenter({"ยาน"}).tokenize(paragraph)
    assert [h.start for h in find_occurrences(["ยาน"], [paragraph], [tokens])] == [8]


def test_latin_keys_are_whole_words_in_any_case() -> None:
    hits = find_occurrences(["รถถัง", "k2"], ["รถถัง K2 และ K20", "ไม่มี", "k2"])
    assert [(h.paragraph, h.text) for h in hits] == [(0, "รถถัง"), (0, "K2"), (2, "k2")]


def test_the_longest_of_overlapping_keys_wins() -> None:
    hits = find_occurrences(["ปืนใหญ่", "ปืนใหญ่อัตตาจร"], ["ซื้อปืนใหญ่อัตตาจรและปืนใหญ่"])
    assert [h.text for h in hits] == ["ปืนใหญ่อัตตาจร", "ปืนใหญ่"]


TERMS = {"ขีปนาวุธ", "ระบบขีปนาวุธ"}
ARTICLE = ["เกาหลีเหนือทดสอบขีปนาวุธ", "ระบบขีปนาวุธใหม่และขีปนาวุธเก่า", "พยานเห็นยาน K2 และ K20"]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("ขีปนาวุธ", 3),  # twice as a token, once inside the term token ระบบขีปนาวุธ
        ("ระบบขีปนาวุธ", 1),
        ("ระบบ", 0),  # inside a term token, but not a glossary term
        ("ยาน", 1),  # a token; not the ยาน inside พยาน
        ("ขีปนาวุธเก่า", 1),  # a phrase of whole tokens
        ("ปนาวุ", 0),  # not on token boundaries
        ("k2", 1),  # Latin: whole words, any case (not K20)
        ("ไม่มี", 0),
    ],
)
def test_count_occurrences(text: str, count: int) -> None:
    segmenter = Segmenter(TERMS)
    tokens = [segmenter.tokenize(p) for p in ARTICLE]
    assert count_occurrences(text, tokens, segmenter.terms) == count
