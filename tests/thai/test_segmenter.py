"""Tests for Thai segmentation with glossary terms kept whole."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import nlpo3
import pytest
from pythainlp.corpus import thai_words
from pythainlp.tokenize import word_tokenize
from pythainlp.tokenize.tcc import tcc_pos
from pythainlp.util import Trie

from bilingual_reader import paths
from bilingual_reader.documents.articles import list_articles, load_article
from bilingual_reader.thai import segmenter
from bilingual_reader.thai.names import extra_words
from bilingual_reader.thai.segmenter import Segmenter, Token, word_pieces
from bilingual_reader.thai.text import is_thai

TERMS = ["ปืนใหญ่อัตตาจร", "รถถังหนัก", "ขีปนาวุธ", "ระบบขีปนาวุธ", "ขีปนาวุธพิสัยไกล", "รถถัง", "กองทัพบก"]


@pytest.fixture(scope="module")
def seg() -> Segmenter:
    return Segmenter(TERMS)


@pytest.fixture(scope="module")
def plain() -> Segmenter:
    return Segmenter([])


@pytest.mark.parametrize(
    ("glossary", "text", "expected"),
    [
        (True, "ปืนใหญ่อัตตาจร", ["ปืนใหญ่อัตตาจร"]),
        (False, "ปืนใหญ่อัตตาจร", ["ปืนใหญ่", "อัตตา", "จร"]),
        (True, "รถถังหนัก", ["รถถังหนัก"]),
        (False, "รถถังหนัก", ["รถถัง", "หนัก"]),
        (
            True,
            "ส่งรถถังหนักและปืนใหญ่อัตตาจรให้ยูเครน",
            ["ส่ง", "รถถังหนัก", "และ", "ปืนใหญ่อัตตาจร", "ให้", "ยูเครน"],
        ),
        (True, "ระบบขีปนาวุธพิสัยไกล", ["ระบบ", "ขีปนาวุธพิสัยไกล"]),
        (False, "ระบบขีปนาวุธพิสัยไกล", ["ระบบ", "ขีปนาวุธ", "พิสัย", "ไกล"]),
        (True, "เกาหลีใต้Yoon Suk-yeolรัฐมนตรี", ["เกาหลีใต้", "Yoon", " ", "Suk-yeol", "รัฐมนตรี"]),
        (True, "ปี 2024 มี 155 มม.", ["ปี", " ", "2024", " ", "มี", " ", "155", " ", "มม."]),
        (True, "กองทัพบก๑๒๓คัน", ["กองทัพบก", "๑๒๓", "คัน"]),
        (True, "F-16 จำนวน 10 ลำ", ["F-16", " ", "จำนวน", " ", "10", " ", "ลำ"]),
        (True, "ปืนใหญ่อัตตาจร K9 และ FA-50", ["ปืนใหญ่อัตตาจร", " ", "K9", " ", "และ", " ", "FA-50"]),
        (True, "มูลค่า 12,000 ล้าน (NATO)", ["มูลค่า", " ", "12,000", " ", "ล้าน", " ", "(", "NATO", ")"]),
        (True, "ทหาร  \t  ยิง", ["ทหาร", "  \t  ", "ยิง"]),
        (True, " นำ ", [" ", "นำ", " "]),
        (True, "ค.ศ. 2023", ["ค.ศ.", " ", "2023"]),
        (True, "โปแลนด์เพื่อNATO", ["โปแลนด์", "เพื่อ", "NATO"]),
        (True, "กรุงเทพฯ", ["กรุงเทพฯ"]),
        (True, "", []),
    ],
)
def test_tokenize(seg: Segmenter, plain: Segmenter, glossary: bool, text: str, expected: list[str]) -> None:
    tokens = (seg if glossary else plain).tokenize(text)
    assert [t.text for t in tokens] == expected


def test_token_fields(seg: Segmenter) -> None:
    assert seg.tokenize("ยิงรถถังหนัก Leopard 2") == [
        Token("ยิง", 0, 3, is_word=True, is_term=False),
        Token("รถถังหนัก", 3, 12, is_word=True, is_term=True),
        Token(" ", 12, 13, is_word=False, is_term=False),
        Token("Leopard", 13, 20, is_word=False, is_term=False),
        Token(" ", 20, 21, is_word=False, is_term=False),
        Token("2", 21, 22, is_word=False, is_term=False),
    ]


def test_terms_are_normalized_keys() -> None:
    seg = Segmenter(["ปืนใหญ่\u200bอัตตาจร", " รถถัง\u0e2b\u0e19\u0e31\u0e01 ", "", "\u0e40\u0e40ผนที่ทหาร"])
    assert seg.terms == frozenset({"ปืนใหญ่อัตตาจร", "รถถังหนัก", "แผนที่ทหาร"})
    assert [t.text for t in seg.tokenize("ใช้แผนที่ทหาร")] == ["ใช้", "แผนที่ทหาร"]


def test_segmenters_with_different_terms_are_independent(plain: Segmenter) -> None:
    one = Segmenter(["รถถังหนัก"])
    two = Segmenter(["ปืนใหญ่อัตตาจร"])
    text = "รถถังหนักปืนใหญ่อัตตาจร"
    assert [t.text for t in one.tokenize(text)] == ["รถถังหนัก", "ปืนใหญ่", "อัตตา", "จร"]
    assert [t.text for t in two.tokenize(text)] == ["รถถัง", "หนัก", "ปืนใหญ่อัตตาจร"]
    assert [t.text for t in plain.tokenize(text)] == ["รถถัง", "หนัก", "ปืนใหญ่", "อัตตา", "จร"]


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("ระบบขีปนาวุธ", ["ขีปนาวุธ"]),
        ("ระบบขีปนาวุธพิสัยไกล", ["ระบบขีปนาวุธ", "ขีปนาวุธพิสัยไกล", "ขีปนาวุธ"]),
        ("รถถังหนัก", ["รถถัง"]),
        ("รถถังรถถัง", ["รถถัง"]),
        ("ขีปนาวุธ", []),
        ("ทหาร", []),
        ("ขีปนา\u200bวุธนำวิถี", ["ขีปนาวุธ"]),
    ],
)
def test_subterms(seg: Segmenter, word: str, expected: list[str]) -> None:
    assert seg.subterms(word) == expected


@pytest.mark.parametrize(
    ("selection", "expected"),
    [
        ("ส่งรถถังหนักไป", "รถถังหนัก"),
        ("ปืนใหญ่\u200bอัตตาจร", "ปืนใหญ่อัตตาจร"),
        ("  ระบบขีปนาวุธพิสัยไกล ", "ขีปนาวุธพิสัยไกล"),
        ("กองทัพ", None),
        ("", None),
    ],
)
def test_longest_term_in(seg: Segmenter, selection: str, expected: str | None) -> None:
    assert seg.longest_term_in(selection) == expected


def test_longest_term_respects_character_clusters() -> None:
    seg = Segmenter(["กร"])
    assert seg.longest_term_in("กรุง") is None
    assert seg.longest_term_in("ก กร") == "กร"


BUILT_IN = [
    "ส่งรถถังหนักและปืนใหญ่อัตตาจรให้ยูเครน ตั้งแต่วันจันทร์ที่ 30 มกราคม 2566",
    "เลขาธิการใหญ่องค์การสนธิสัญญาป้องกันแอตแลนติกเหนือ (NATO) Jens Stoltenberg เยือนกรุงโซล",
    "ประธานาธิบดีเกาหลีใต้Yoon Suk-yeolหารือเรื่องระบบขีปนาวุธพิสัยไกลและกองทัพบก๑๒๓นาย",
]


def _paragraphs(*, shipped_only: bool = False) -> list[str]:
    found = [p for path in list_articles() for p in load_article(path).paragraphs]
    if shipped_only and not found:
        pytest.skip("no shipped articles yet")
    return found if shipped_only else BUILT_IN + found


def test_tokens_cover_every_paragraph(seg: Segmenter) -> None:
    for para in _paragraphs():
        tokens = seg.tokenize(para)
        assert "".join(t.text for t in tokens) == para
        assert all(para[t.start : t.end] == t.text for t in tokens)
        assert all(a.end == b.start for a, b in itertools.pairwise(tokens))
        assert all(t.is_word == any("\u0e01" <= c <= "\u0e2e" for c in t.text) for t in tokens)


def _merged(tokens: list[str]) -> list[str]:
    """pythainlp's newmm tokens with neighbouring whitespace joined, as the Segmenter does."""
    out: list[str] = []
    for tok in tokens:
        if out and tok.isspace() and out[-1].isspace():
            out[-1] += tok
        else:
            out.append(tok)
    return out


def test_nlpo3_matches_pythainlp_newmm_on_thai(seg: Segmenter) -> None:
    """The Rust newmm gives the same Thai words as pythainlp's newmm with the same dictionary (before the
    names and fragments of ``thai.names`` are joined: that step is the segmenter's own).

    pythainlp's newmm reads its dictionary only through ``Trie.prefixes(text, position)``, so only the
    dictionary's words that occur in the paragraphs can change its answer: its trie holds those (~1.5k of
    ~62k words; building the whole trie in Python costs ~0.9 CPU-s, finding them ~0.15)."""
    paragraphs = _paragraphs()
    joined = "\n".join(paragraphs)
    starts = {joined[i : i + n] for n in (1, 2, 3) for i in range(len(joined))}
    words = set(thai_words()) | seg.terms | extra_words()
    trie = Trie({w for w in words if w[:3] in starts and w in joined})
    assert len(trie) > 1000
    dictionary = seg._dictionary("")
    for text in paragraphs:
        expected = word_tokenize(text, engine="newmm", custom_dict=trie, keep_whitespace=True)
        pieces = nlpo3.segment(text, dictionary)
        assert [w for w in pieces if is_thai(w)] == [w for w in expected if is_thai(w)]


@pytest.mark.parametrize(
    ("text", "nlpo3", "pythainlp"),
    [
        ("ย่อ (NATO) ว่า", ["ย่อ", " ", "(", "NATO", ")", " ", "ว่า"], ["ย่อ", " ", "(NATO)", " ", "ว่า"]),
        ("'Yoon' คือ", ["'", "Yoon", "'", " ", "คือ"], ["'Yoon'", " ", "คือ"]),
    ],
)
def test_nlpo3_splits_punctuation_from_latin(
    seg: Segmenter, text: str, nlpo3: list[str], pythainlp: list[str]
) -> None:
    """The one known difference, and why nlpo3 was kept: a Latin word in brackets or quotes stays a word."""
    assert [t.text for t in seg.tokenize(text)] == nlpo3
    assert word_tokenize(text, engine="newmm", keep_whitespace=True) == pythainlp


def _glossary_thai_terms(tsv: Path) -> set[str]:
    """Every Thai term of the shipped glossary source."""
    from bilingual_reader.glossary.source import read_tsv

    return {term.text for concept in read_tsv(tsv) for term in concept.thai}


def test_glossary_terms_are_single_tokens_in_shipped_articles() -> None:
    tsv = paths.shipped("glossary.tsv")
    seg = Segmenter(_glossary_thai_terms(tsv))
    problems: list[str] = []
    for para in _paragraphs(shipped_only=True):
        tokens = seg.tokenize(para)
        bounds = tcc_pos(para) | {0, len(para)}  # a match cutting a character cluster is no occurrence
        for term in seg.terms:
            for match in re.finditer(re.escape(term), para):
                aligned = match.start() in bounds and match.end() in bounds
                inside = any(t.start <= match.start() and match.end() <= t.end for t in tokens)
                if aligned and not inside:
                    around = [t.text for t in tokens if t.end > match.start() and t.start < match.end()]
                    problems.append(f"{term}: split as {around}")
    assert problems == []


def test_a_segmenter_for_lookups_loads_no_dictionary(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_load(*args: object) -> str:
        raise AssertionError("an nlpo3 dictionary was loaded")

    for loader in ("_load_nlpo3_dict", "_load_words_of", "_load_file"):
        monkeypatch.setattr(segmenter, loader, no_load)
    s = Segmenter({"ปืนใหญ่อัตตาจร", "ปืนใหญ่", "ปืน"})
    assert s.subterms("ปืนใหญ่อัตตาจร") == ["ปืนใหญ่", "ปืน"]
    assert s._dict_name is None


def test_word_pieces_use_the_last_segmenter_s_dictionary(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(segmenter, "_LAST", None)  # as in a process with no segmenter loaded yet
    term = "ปืนใหญ่อัตตาจร"
    before = word_pieces(term)
    Segmenter({term}).tokenize(term)
    assert [before, word_pieces(term)] == [["ปืนใหญ่", "อัตตา", "จร"], [term]]
