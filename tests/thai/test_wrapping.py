"""Tests for wrapping tokens into lines by terminal cell width."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from bilingual_reader.documents.articles import list_articles, load_article
from bilingual_reader.thai.segmenter import Segmenter
from bilingual_reader.thai.wrapping import Line, Piece, grapheme_clusters, token_at, wrap_tokens

SAMPLE = (
    "เลขาธิการใหญ่องค์การสนธิสัญญาป้องกันแอตแลนติกเหนือ (NATO) Jens Stoltenberg เดินทางเยือนกรุงโซล"
    "เพื่อหารือกับประธานาธิบดีเกาหลีใต้Yoon Suk-yeolเรื่องการส่งรถถังหนักและปืนใหญ่อัตตาจรให้แก่ยูเครน"
    " โปแลนด์เพื่อนบ้านของยูเครนได้รับอาวุธจำนวนมาก ตั้งแต่วันจันทร์ที่ 30 มกราคม 2566"
)


@pytest.fixture(scope="module")
def paragraphs_tokens() -> list[list[str]]:
    seg = Segmenter(["ปืนใหญ่อัตตาจร", "รถถังหนัก"])
    paragraphs = [SAMPLE] + [p for path in list_articles() for p in load_article(path).paragraphs]
    return [[t.text for t in seg.tokenize(p)] for p in paragraphs]


def _texts(lines: list[Line]) -> list[list[str]]:
    return [[p.text for p in line.pieces] for line in lines]


@pytest.mark.parametrize(
    ("tokens", "width", "expected"),
    [
        (["aa", " ", "bb", " ", "cc"], 5, [["aa", " ", "bb"], ["cc"]]),
        (["aa", " ", "bb", " ", "cc"], 6, [["aa", " ", "bb", " "], ["cc"]]),
        (["aa", " ", "bb", " ", "cc"], 8, [["aa", " ", "bb", " ", "cc"]]),
        ([" ", "aa"], 5, [["aa"]]),
        (["รถถัง", "หนัก", "ยิง"], 7, [["รถถัง", "หนัก"], ["ยิง"]]),
        (["รถถัง", "หนัก", "ยิง"], 6, [["รถถัง"], ["หนัก", "ยิง"]]),
        (["ที่", "นี่", "น้ำ"], 3, [["ที่", "นี่"], ["น้ำ"]]),
        (["abcdefgh"], 3, [["abc"], ["def"], ["gh"]]),
        (["x", "abcdefgh", "y"], 3, [["x"], ["abc"], ["def"], ["gh", "y"]]),
        (["ปืนใหญ่อัตตาจร"], 4, [["ปืนให"], ["ญ่อัตต"], ["าจร"]]),
        (["น้ำน้ำน้ำ"], 3, [["น้ำ"], ["น้ำ"], ["น้ำ"]]),
        (["漢字漢"], 3, [["漢"], ["字"], ["漢"]]),
        ([], 10, []),
    ],
)
def test_wrap_tokens(tokens: list[str], width: int, expected: list[list[str]]) -> None:
    assert _texts(wrap_tokens(tokens, width)) == expected


def test_pieces_carry_token_index_column_and_width() -> None:
    lines = wrap_tokens(["รถถัง", " ", "ปืนใหญ่", " ", "x"], 10)
    assert lines == [
        Line((Piece(0, "รถถัง", 0, 4), Piece(1, " ", 4, 1), Piece(2, "ปืนใหญ่", 5, 5))),
        Line((Piece(4, "x", 0, 1),)),
    ]
    assert [line.width for line in lines] == [10, 1]


def test_width_must_be_positive() -> None:
    with pytest.raises(ValueError, match="width must be at least 1"):
        wrap_tokens(["a"], 0)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ปืนใหญ่", ["ปื", "น", "ใ", "ห", "ญ่"]),
        ("น้ำ", ["น้ำ"]),
        ("ที่นี่", ["ที่", "นี่"]),
        ("e\u0301a", ["e\u0301", "a"]),
    ],
)
def test_grapheme_clusters(text: str, expected: list[str]) -> None:
    assert grapheme_clusters(text) == expected


def test_every_width_fits_and_never_breaks_a_word(paragraphs_tokens: list[list[str]]) -> None:
    for tokens in paragraphs_tokens:
        sizes = [cell_len(t) for t in tokens]
        for width in range(20, 121):
            lines = wrap_tokens(tokens, width)
            for line in lines:
                assert line.width <= width
            # Pieces of one token on several lines only happen for tokens wider than the line.
            seen: dict[int, int] = {}
            for line in lines:
                for piece in line.pieces:
                    seen[piece.token] = seen.get(piece.token, 0) + 1
            assert all(sizes[i] > width for i, count in seen.items() if count > 1)
            # Nothing but whitespace at line starts is lost; whole text is kept in order.
            kept = "".join(line.text for line in lines)
            assert kept.replace(" ", "") == "".join(tokens).replace(" ", "")
            assert all(not line.pieces[0].text.isspace() for line in lines)


def test_broken_pieces_never_start_with_a_mark() -> None:
    for width in range(1, 12):
        for line in wrap_tokens(["ปืนใหญ่อัตตาจรน้ำที่นี่"], width):
            first = line.pieces[0].text[0]
            assert cell_len(first) == 1, (width, line)


def test_token_at_round_trip(paragraphs_tokens: list[list[str]]) -> None:
    for tokens in paragraphs_tokens:
        for width in (20, 37, 80):
            for line in wrap_tokens(tokens, width):
                for piece in line.pieces:
                    for col in range(piece.col, piece.col + piece.width):
                        assert token_at(line, col) == piece.token
                assert token_at(line, line.width) is None
                assert token_at(line, -1) is None


def test_token_at_with_thai_zero_width_marks() -> None:
    # Cells: ที่=1, ' '=1, น้ำ=2, ใหญ่=3 (marks above and below take no cell); string lengths are 3, 1, 3, 4.
    (line,) = wrap_tokens(["ที่", " ", "น้ำ", "ใหญ่"], 80)
    assert [token_at(line, col) for col in range(8)] == [0, 1, 2, 2, 3, 3, 3, None]
