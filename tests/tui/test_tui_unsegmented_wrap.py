"""Before the segmenter's words arrive, the reader wraps Thai where a syllable surely starts, never inside a
syllable (a learner saw ปร|ะเทศ and ยูเค|รน at 120 columns while the text was being segmented)."""

from __future__ import annotations

import pytest

from bilingual_reader.tui.reader.paragraph_view import ParagraphView
from bilingual_reader.tui.reader.words import plain_chunks

PARAGRAPH = (
    "และเลือกส่งความช่วยเหลือด้านมนุษยธรรมและยุทโธปกรณ์ที่ไม่ใช่อาวุธให้ยูเครน เช่น เสื้อเกราะ หมวกเหล็ก"
    " และเวชภัณฑ์ รวมถึงเงินช่วยเหลือราว 100 ล้านดอลลาร์สหรัฐ ทั้งนี้ เกาหลีใต้มีข้อจำกัดด้านนโยบายและ"
    "กฎหมายเกี่ยวกับการส่งออกอาวุธไปยังประเทศที่อยู่ระหว่างการสู้รบ"
)


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        ("ส่งออกอาวุธไปยังประเทศ", ["ส่งออกอาวุธ", "ไปยังประ", "เทศ"]),  # before ไ and เ, after ะ
        ("ยูเครน เช่น", ["ยู", "เครน", " ", "เช่น"]),
        ("กำลังทำงาน", ["กำ", "ลังทำ", "งาน"]),  # after ำ
        ("เกาะ K9 ไม่", ["เกาะ", " ", "K9", " ", "ไม่"]),  # ะ at the end of a run, Latin untouched
        ("แอตแลนติกเหนือ", ["แอต", "แลนติก", "เหนือ"]),
    ],
)
def test_unsegmented_thai_is_cut_where_a_syllable_starts(text: str, pieces: list[str]) -> None:
    chunks = plain_chunks(text, syllables=True)
    assert [c.text for c in chunks] == pieces
    assert [text[c.start : c.end] for c in chunks] == pieces


@pytest.mark.parametrize(
    ("width", "lines"),
    [
        (
            40,
            [
                "และเลือกส่งความช่วยเหลือด้านมนุษยธรรมและยุท",
                "โธปกรณ์ที่ไม่ใช่อาวุธให้ยูเครน เช่น เสื้อเกราะ หมวก",
                "เหล็ก และเวชภัณฑ์ รวมถึงเงินช่วยเหลือราว 100 ",
                "ล้านดอลลาร์สหรัฐ ทั้งนี้ เกาหลีใต้มีข้อจำกัดด้านน",
                "โยบายและกฎหมายเกี่ยวกับการส่งออกอาวุธไปยังประ",
                "เทศที่อยู่ระหว่างการสู้รบ",
            ],
        ),
        (
            58,
            [
                "และเลือกส่งความช่วยเหลือด้านมนุษยธรรมและยุทโธปกรณ์ที่ไม่ใช่อาวุธให้ยูเครน",
                "เช่น เสื้อเกราะ หมวกเหล็ก และเวชภัณฑ์ รวมถึงเงินช่วยเหลือราว 100 ",
                "ล้านดอลลาร์สหรัฐ ทั้งนี้ เกาหลีใต้มีข้อจำกัดด้านนโยบายและกฎหมาย",
                "เกี่ยวกับการส่งออกอาวุธไปยังประเทศที่อยู่ระหว่างการสู้รบ",
            ],
        ),
    ],
)
def test_an_unsegmented_paragraph_wraps_between_syllables(width: int, lines: list[str]) -> None:
    view = ParagraphView(0, PARAGRAPH)
    assert not view.segmented
    assert [line.text for line in view.lines(width)] == lines
