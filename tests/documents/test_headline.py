"""The headline rule: which first lines are also the article's title (table-driven)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilingual_reader.documents.headline import HEADLINE_MAX_CHARS, first_words, header_title, is_headline

SHIPPED_HEADLINES = [
    "เลขาธิการนาโตเยือนโซลและโตเกียว เรียกร้องเกาหลีใต้เพิ่มความช่วยเหลือทางทหารแก่ยูเครน",
    "กองทัพเรือเดินหน้าโครงการเรือดำน้ำ กองทัพอากาศเลือก Gripen ทดแทนเครื่องบินขับไล่รุ่นเก่า",
    "คอบร้าโกลด์ การฝึกผสมที่ใหญ่ที่สุดในเอเชียแปซิฟิก และภารกิจเก็บกู้ทุ่นระเบิดตามแนวชายแดน",
]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        *[(headline, True) for headline in SHIPPED_HEADLINES],
        ("นาโต้เยือนโซล", True),
        ("Thai navy picks Gripen", True),
        ("Will Thailand buy submarines?", True),
        ("U.S. Navy joins Cobra Gold", True),
        ("Cobra Gold begins…", True),
        ("ก" * HEADLINE_MAX_CHARS, True),
        ("ก" * (HEADLINE_MAX_CHARS + 1), False),  # too long: a lead paragraph
        ("The navy bought a submarine.", False),  # a sentence: ends with a full stop
        ("Talks ended. Troops stay", False),  # a sentence end inside
        ("Why now? The navy explains", False),
        ("", False),
        (SHIPPED_HEADLINES[0] + " " + SHIPPED_HEADLINES[1], False),
    ],
)
def test_is_headline(line: str, expected: bool) -> None:
    assert is_headline(line) is expected


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("สั้น", 48, "สั้น"),
        ("one two three four", 10, "one two…"),
        ("กองทัพเรือเดินหน้า", 5, "กอง…"),  # not "กองท…": ั belongs to ท
        ("ที่ที่ที่", 2, "…"),  # never cut a tone mark or a vowel from its letter
        ("ที่ที่ที่", 4, "ที่…"),
    ],
)
def test_first_words(text: str, limit: int, expected: str) -> None:
    assert first_words(text, limit) == expected


def test_header_title_prefers_the_file_name() -> None:
    assert header_title("ย่อหน้ายาว", Path("/tmp/news.txt")) == "news.txt"
    assert header_title("ย่อหน้ายาว", None) == "ย่อหน้ายาว"
