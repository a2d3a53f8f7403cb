"""Every format the reader opens, read into exact paragraphs, roles, chapters and times (table-driven)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from bilingual_reader.documents.articles import Chapter
from bilingual_reader.documents.opening import document_from_bytes, kind_of, open_document, read_stdin
from bilingual_reader.documents.subtitles import format_time

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "documents"

EXPECTED = {
    "page.html": (
        "html",
        "ฝึกคอบร้าโกลด์ 2566",
        [
            ("title", "ฝึกคอบร้าโกลด์ 2566"),
            (
                "paragraph",
                "การฝึกคอบร้าโกลด์เป็นการฝึกทางทหารร่วมระหว่างไทยและสหรัฐอเมริกา ซึ่งจัดขึ้นเป็นประจำทุกปี "
                "โดยมีประเทศเข้าร่วมมากกว่ายี่สิบประเทศ ในปีนี้มีกำลังพลเข้าร่วมฝึกกว่าหกพันนาย",
            ),
            (
                "paragraph",
                "กองทัพไทยและกองทัพสหรัฐฯ ร่วมกันฝึกการช่วยเหลือด้านมนุษยธรรมและการบรรเทาภัยพิบัติ "
                "รวมทั้งการฝึกยิงจริงที่จังหวัดลพบุรี ซึ่งเป็นส่วนสำคัญของการฝึกในทุกปี",
            ),
            ("heading", "การกวาดล้างทุ่นระเบิด"),
            (
                "paragraph",
                "ศูนย์ปฏิบัติการทุ่นระเบิดเพื่อมนุษยธรรมรายงานว่าได้เก็บกู้ทุ่นระเบิดตามแนวชายแดนไทย–กัมพูชา"
                "ได้แล้วหลายพันลูก และยังคงดำเนินการต่อเนื่องในพื้นที่ที่เหลืออยู่",
            ),
        ],
        (Chapter("การกวาดล้างทุ่นระเบิด", 3, 2),),
    ),
    "notes.md": (
        "markdown",
        "ปืนใหญ่อัตตาจร",
        [
            ("title", "ปืนใหญ่อัตตาจร"),
            ("paragraph", "ปืนใหญ่อัตตาจร CAESAR ขนาด 155 มม. ติดตั้งบนรถบรรทุก"),
            ("heading", "การใช้งาน"),
            ("paragraph", "ยิงได้ไกล 40 กม."),
            ("paragraph", "เคลื่อนที่เร็ว"),
            ("paragraph", "กองทัพบกจัดหาเพิ่ม"),
        ],
        (Chapter("การใช้งาน", 2, 2),),
    ),
    "clip.srt": (
        "srt",
        "clip.srt",
        [
            ("cue", "เรือดำน้ำลำแรก ของกองทัพเรือ"),
            ("cue", "งบประมาณ 13,500 ล้านบาท It sank."),
            ("cue", "No, it did not."),
        ],
        (),
    ),
    "clip.vtt": (
        "vtt",
        "clip.vtt",
        [("cue", "การฝึกคอบร้าโกลด์ เริ่มต้นแล้ว"), ("cue", "ทุ่นระเบิด")],
        (),
    ),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_format_gives_exact_paragraphs_roles_and_chapters(name: str) -> None:
    kind, title, rows, chapters = EXPECTED[name]
    article = open_document(FIXTURES / name)
    assert (article.kind, article.title) == (kind, title)
    assert list(zip(article.roles, article.paragraphs, strict=True)) == rows
    assert article.chapters == chapters
    assert article.headline == (rows[0][0] == "title")


def test_an_epub_gives_its_spine_in_order_its_toc_as_chapters_and_its_own_title(book_epub: Path) -> None:
    article = open_document(book_epub)
    assert (article.kind, article.title, article.headline) == ("epub", "กองทัพเรือกับเรือดำน้ำ", False)
    assert list(zip(article.roles, article.paragraphs, strict=True)) == [
        ("heading", "บทที่ 1 เรือดำน้ำ"),
        ("paragraph", "กองทัพเรือจัดหาเรือดำน้ำลำแรก จากประเทศจีน"),
        ("heading", "งบประมาณ"),
        ("paragraph", "งบประมาณ 13,500 ล้านบาท"),
        ("caption", "ภาพ: เรือดำน้ำ S26T"),
        ("heading", "บทที่ 2 เครื่องบินขับไล่"),
        ("paragraph", "กองทัพอากาศเลือก Gripen เป็นเครื่องบินขับไล่"),
        ("paragraph", "ข้อแรก"),
        ("paragraph", "ข้อสอง"),
    ]
    assert article.chapters == (
        Chapter("บทที่ 1 เรือดำน้ำ", 0, 1),
        Chapter("งบประมาณ", 2, 2),
        Chapter("บทที่ 2 เครื่องบินขับไล่", 5, 1),
    )
    assert [article.chapter_at(i) for i in (0, 1, 3, 8)] == [
        article.chapters[0],
        article.chapters[0],
        article.chapters[1],
        article.chapters[2],
    ]


@pytest.mark.parametrize(
    ("markdown", "title", "roles", "chapters"),
    [
        (
            "# เล่ม\n\nย่อหน้า\n\n## ตอน\n\nต่อ",
            "เล่ม",
            ["title", "paragraph", "heading", "paragraph"],
            [("ตอน", 2)],
        ),
        (
            "# บทที่ 1\n\nหนึ่ง\n\n# บทที่ 2\n\nสอง",
            "บทที่ 1",
            ["heading", "paragraph", "heading", "paragraph"],
            [("บทที่ 1", 0), ("บทที่ 2", 2)],
        ),
        ("ย่อหน้า\n\n# หัวข้อ\n\nต่อ", "หัวข้อ", ["paragraph", "heading", "paragraph"], [("หัวข้อ", 1)]),
    ],
)
def test_a_first_markdown_heading_is_the_title_unless_other_first_level_headings_follow(
    markdown: str, title: str, roles: list[str], chapters: list[tuple[str, int]]
) -> None:
    """``# Chapter 1`` … ``# Chapter 3``: every one is in the table of contents, the first one too."""
    article = document_from_bytes(markdown.encode(), "book.md", None)
    assert (article.title, list(article.roles)) == (title, roles)
    assert [(c.title, c.start) for c in article.chapters] == chapters


def test_subtitle_paragraphs_keep_the_times_of_their_first_and_last_cue() -> None:
    srt = open_document(FIXTURES / "clip.srt")
    assert srt.times == ((1000, 4000), (9000, 12000), (12100, 13000))
    vtt = open_document(FIXTURES / "clip.vtt")
    assert vtt.times == ((1000, 4000), (3_600_000, 3_601_000))
    assert [format_time(t) for t in (1000, 61_000, 3_601_000)] == ["00:01", "01:01", "1:00:01"]
    assert [vtt.label(0), vtt.label(1)] == ["00:01 → 00:04", "1:00:00 → 1:00:01"]
    assert open_document(FIXTURES / "notes.md").label(0) is None


def test_other_formats_have_no_times_and_plain_text_keeps_its_rules(tmp_path: Path) -> None:
    text = tmp_path / "a.txt"
    text.write_text("หัวข้อข่าว\nย่อหน้าแรก\n", encoding="utf-8")
    article = open_document(text)
    assert (article.kind, article.roles, article.times, article.chapters) == (
        "text",
        ("title", "paragraph"),
        (),
        (),
    )


def test_thai_cleaning_and_tis620_apply_to_every_text_format() -> None:
    html = "<html><body><p>เเม่ทัพ\u200bเรือ\x1b[31m</p><p>x</p></body></html>".encode()
    article = document_from_bytes(html, "t.html", None, "html")
    assert article.paragraphs == ("แม่ทัพเรือ", "x")
    markdown = "# หัวเรื่อง\n\nเเผน\n".encode("cp874")
    assert document_from_bytes(markdown, "t.md", None, "markdown").paragraphs == ("หัวเรื่อง", "แผน")


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"PK\x03\x04rest", "epub"),
        (b"\xef\xbb\xbf<!DOCTYPE html><html>", "html"),
        (b"<html><body>x", "html"),
        (b"WEBVTT\n\n00:01.000 --> 00:02.000\nx\n", "vtt"),
        (b"1\r\n00:00:01,000 --> 00:00:02,000\r\nx\r\n", "srt"),
        ("ข่าว\n".encode(), "text"),
        (b"2566\nnot a cue\n", "text"),
        ("# หัวเรื่อง\n\nข่าว\n".encode(), "markdown"),
        ("\xef\xbb\xbfข่าว\n\n### ตอนที่ 2\n".encode(), "markdown"),
        ("---\ntitle: x\n---\nข่าว\n".encode(), "markdown"),
        ("ข่าว **ด่วน** จาก [กองทัพ](https://example.org)\n".encode(), "markdown"),
        ("ข่าว\n\n- หนึ่ง\n- สอง\n\n> คำพูด\n".encode(), "markdown"),
        ("#ทหาร #ข่าว แฮชแท็ก\n".encode(), "text"),
        ("ข่าว\n- ไม่ใช่รายการ\n".encode(), "text"),
        ("---\nข่าว\n".encode(), "text"),
        ("ราคา 5 * 3 = 15\n".encode(), "text"),
    ],
)
def test_the_kind_of_a_document_is_sniffed_from_its_first_bytes(data: bytes, kind: str) -> None:
    assert kind_of(data) == kind


def test_standard_input_is_read_bounded_and_sniffed() -> None:
    article = document_from_bytes(
        read_stdin(io.BytesIO(b"WEBVTT\n\n00:01.000 --> 00:02.000\nhi\n")), "-", None
    )
    assert (article.kind, article.paragraphs, article.path) == ("vtt", ("hi",), None)
    markdown = document_from_bytes(read_stdin(io.BytesIO((FIXTURES / "notes.md").read_bytes())), "-", None)
    from_file = open_document(FIXTURES / "notes.md")
    assert (markdown.kind, markdown.paragraphs, markdown.roles) == (
        "markdown",
        from_file.paragraphs,
        from_file.roles,
    )
    with pytest.raises(Exception, match=r"<standard input>: too large \(more than 10 bytes\)"):
        read_stdin(io.BytesIO(b"x" * 11), limit=10)
