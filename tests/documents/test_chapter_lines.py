"""Chapter lines of plain-text books: which lines are headings and entries of the table of contents."""

from __future__ import annotations

import pytest

from bilingual_reader.documents.articles import Chapter, article_from_text
from bilingual_reader.documents.chapter_lines import is_chapter_line


@pytest.mark.parametrize(
    ("line", "chapter"),
    [
        ("บทที่ 1", True),
        ("บทที่ ๑๒", True),
        ("บทที่1", True),
        ("บทที่ 12 การเดินทาง", True),
        ("ตอนที่ สาม", True),
        ("บทที่สิบสอง", True),
        ("ภาคที่ II: สงคราม", True),
        ("Chapter 3", True),
        ("CHAPTER IV", True),
        ("Chapter 3: The Sea", True),
        ("Part 2 — ทะเล", True),
        ("บทนำ", True),
        ("บทส่งท้าย", True),
        ("ตอน 5 โมงเย็น ทหารเดินทางถึง", False),  # ตอน, บท alone begin ordinary sentences
        ("บทความนี้กล่าวถึงเรือดำน้ำ", False),
        ("บทที่", False),  # no number
        ("Chapters 3", False),
        ("Chapterhouse 3", False),
        ("Chapter IVy", False),
        ("บทที่ 1 " + "ทะเล" * 30, False),  # a paragraph, not a heading: too long
        ("", False),
    ],
)
def test_a_chapter_line_names_a_part_of_a_book_with_a_number(line: str, chapter: bool) -> None:
    assert is_chapter_line(line) is chapter


@pytest.mark.parametrize(
    ("text", "title", "roles", "chapters"),
    [
        (
            "เรือและเครื่องบิน\nบทที่ 1 ทะเล\nเรือดำน้ำลำแรก\nบทที่ 2\nเครื่องบินขับไล่",
            "เรือและเครื่องบิน",
            ("title", "heading", "paragraph", "heading", "paragraph"),
            (Chapter("บทที่ 1 ทะเล", 1), Chapter("บทที่ 2", 3)),
        ),
        (  # a first chapter line is a chapter, not the title
            "บทที่ 1\nเรือดำน้ำลำแรก\nบทที่ 2\nเครื่องบินขับไล่",
            "บทที่ 1",
            ("heading", "paragraph", "heading", "paragraph"),
            (Chapter("บทที่ 1", 0), Chapter("บทที่ 2", 2)),
        ),
        (  # no chapter line: the plain-text rule, nothing marked
            "ข่าวกลาโหม\nกองทัพเรือจัดหาเรือดำน้ำ",
            "ข่าวกลาโหม",
            ("title", "paragraph"),
            (),
        ),
    ],
)
def test_a_plain_text_book_has_its_chapter_lines_as_headings_and_contents(
    text: str, title: str, roles: tuple[str, ...], chapters: tuple[Chapter, ...]
) -> None:
    article = article_from_text(text)
    assert (article.title, article.roles, article.chapters) == (title, roles, chapters)
    assert article.paragraphs == tuple(text.split("\n"))  # the same paragraphs (and id) as before


def test_the_chapter_of_a_paragraph_is_the_last_one_starting_at_or_before_it() -> None:
    article = article_from_text("เรือและเครื่องบิน\nบทที่ 1\nเรือ\nเรือดำน้ำ\nบทที่ 2\nเครื่องบิน")
    assert [article.chapter_number(i) for i in range(6)] == [None, 0, 0, 0, 1, 1]
    assert [article.chapter_at(i) for i in (0, 3, 5)] == [None, Chapter("บทที่ 1", 1), Chapter("บทที่ 2", 4)]
