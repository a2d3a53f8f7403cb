"""Pilot tests of heading rows: a headline first line (role "title") and headings of other formats (role
"heading") are drawn bold, readable, with the cursor and their English; a heading gets a blank line above."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bilingual_reader.documents.articles import Article, article_from_text
from bilingual_reader.tui.app import ReaderApp
from bilingual_reader.tui.services import ReaderServices

from .pilot_helpers import EchoEngine, started


@dataclass(frozen=True)
class Chaptered(Article):
    """An article whose third paragraph is a chapter heading (as the library's formats give)."""

    def role(self, index: int) -> str:  # type: ignore[override]
        return "heading" if index == 2 else super().role(index)


TEXT = "ข่าวกองทัพ\nทหารถือปืน และกองทัพซื้อปืนใหญ่\nบทที่สอง\nปืนของเขาหายไป\n"


def _chaptered() -> Chaptered:
    article = article_from_text(TEXT)
    assert article.headline
    return Chaptered(article.path, article.title, article.paragraphs, headline=True)


async def test_title_and_heading_rows_are_drawn_bold_with_cursor_and_english(glossary_path: Path) -> None:
    app = ReaderApp(_chaptered(), ReaderServices(glossary_path, engine_factory=EchoEngine))
    async with started(app, (120, 30)) as (pilot, screen):
        text = screen.text
        assert (screen.title, screen.text.cursor.paragraph, screen.text.cursor.text()) == (
            "ข่าวกองทัพ",
            0,
            "ข่าว",
        )
        assert text.paragraphs.english(0).translation.startswith("EN:")  # the title has its English
        assert [text.layout_.block(i)[0].role for i in range(4)] == [
            "title",
            "paragraph",
            "heading",
            "paragraph",
        ]
        for index in (0, 2):
            region = text.layout_.thai_region(index)
            assert region is not None
            strip = text.layout_.draw(text.layout_.block_start(index) + (1 if index == 2 else 0))
            assert [s.text for s in strip if s.text.strip() and not (s.style and s.style.bold)] == []
        # A heading is set off by a blank line; a paragraph is not bold.
        above, heading = text.layout_.thai_region(1), text.layout_.thai_region(2)
        assert above is not None and heading is not None
        assert heading.y == above.y + text.layout_.block(1)[0].height + 1
        plain = text.layout_.draw(text.layout_.block_start(3))
        thai = [s for s in plain if any("\u0e00" <= c <= "\u0e7f" for c in s.text)]
        assert thai and not any(s.style is not None and s.style.bold for s in thai[1:])  # [0]: the cursor
        await pilot.press("j", "j")
        assert (screen.text.cursor.paragraph, screen.text.cursor.text()) == (2, "บท")
