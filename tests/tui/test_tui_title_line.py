"""Pilot tests: the first line of an article is a paragraph of the reader (issue 8 §1)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilingual_reader.tui.app import create_app

from .pilot_helpers import move_to, popup_text, started

HEADLINE = "กองทัพบกจัดซื้อรถถังหนัก"
LEAD = (
    "กองทัพบกจัดซื้อปืนใหญ่อัตตาจร 18 คัน และรถถังหนัก K2 เพื่อเสริมกำลังตามแนวชายแดน "
    "โดยกระทรวงกลาโหมยืนยันว่าการจัดหาครั้งนี้เป็นไปตามแผนพัฒนากองทัพระยะยาว "
    "และจะส่งมอบครบทั้งหมดภายในปีงบประมาณหน้า ทหารได้รับเสื้อเกราะ หมวกเหล็ก และเวชภัณฑ์เพิ่มเติม"
)


@pytest.mark.parametrize(
    ("text", "header"),
    [
        (f"{HEADLINE}\n{LEAD}\n", HEADLINE),  # a headline: also the title
        (f"{LEAD}\nทหารได้รับเสื้อเกราะ\n", "news.txt"),  # a lead paragraph first: the file's name
    ],
)
async def test_the_first_line_is_read_like_any_paragraph(
    tmp_path: Path, glossary_path: Path, text: str, header: str
) -> None:
    article = tmp_path / "news.txt"
    article.write_text(text, encoding="utf-8")
    app = create_app(article, glossary_path)
    async with started(app, (160, 45)) as (pilot, screen):
        assert len(screen.text.paragraphs.all_thai()) == 2
        assert screen.title == header
        assert screen.text.cursor.paragraph == 0  # the cursor starts on the first line
        await move_to(pilot, screen, "รถถังหนัก")  # found on the first line
        assert screen.text.cursor.paragraph == 0
        await pilot.press("enter")
        assert popup_text(app).startswith("รถถังหนัก\n")
        assert "main battle tank" in popup_text(app)
