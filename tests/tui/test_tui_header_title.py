"""The header's title gives way to its subtitle (known share, counts, progress) on narrow terminals."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.widgets._header import HeaderTitle

from bilingual_reader.learner.store import LearnerStore
from bilingual_reader.tui.app import create_app
from bilingual_reader.tui.reader.header_title import fitted_title
from bilingual_reader.tui.services import ReaderServices

from .pilot_helpers import counted_layouts, started

LONG = "เลขาธิการนาโตเยือนโซลและโตเกียว เรียกร้องเกาหลีใต้เพิ่มความช่วยเหลือทางทหารแก่ยูเครน"


@pytest.mark.parametrize(
    ("title", "sub_title", "width", "expected"),
    [
        ("ข่าวทหาร", "0% known · 3 unknown", 80, "ข่าวทหาร"),  # fits: untouched
        (LONG, "", 160, LONG),
        (LONG, "0% known · 264 unknown · 0 learning", 80, "เลขาธิการนาโตเยือนโซลและโ…"),  # 24 cells
        ("A" * 60, "x" * 70, 80, "A" * 15 + "…"),  # never fewer than 16 cells
    ],
)
def test_fitted_title(title: str, sub_title: str, width: int, expected: str) -> None:
    assert fitted_title(title, sub_title, width) == expected


async def test_at_80_columns_the_header_shows_the_counts(tmp_path: Path, glossary_path: Path) -> None:
    article = tmp_path / "news.txt"
    article.write_text(f"{LONG}\nทหารได้รับเสื้อเกราะและหมวกเหล็ก\n", encoding="utf-8")
    learner = LearnerStore.open(tmp_path / "learner.db")
    app = create_app(article, ReaderServices(glossary_path, learner=learner))
    async with started(app, (80, 30)) as (pilot, screen):
        assert "known" in (screen.sub_title or "")
        shown = str(screen.query_one(HeaderTitle).render())
        assert "known" in shown and "unknown" in shown
        assert (screen.title or "").endswith("…")
        # the known share and counts lie within the cells the header gives its title (80 - icon - clock)
        assert cell_len(shown[: shown.index("unknown") + len("unknown")]) <= 80 - 18
        await pilot.resize_terminal(160, 30)
        await pilot.pause()
        assert screen.title == screen.full_title == LONG.split("\n")[0]
    learner.close()


async def test_a_new_subtitle_repaints_the_header_not_the_screen(
    article_path: Path, glossary_path: Path
) -> None:
    """The reader retitles on each step of its progress: the header shows it, and the screen is not laid out
    again for it (Textual's header title laid the whole screen out on every change: 5-10 ms a step)."""
    app = create_app(article_path, glossary_path)
    async with started(app, (100, 30)) as (pilot, screen):
        layouts = counted_layouts(screen)
        for text in ("Translating 1/2", "Translating 2/2"):
            screen.sub_title = text
            await pilot.pause()
            assert text in str(screen.query_one(HeaderTitle).render())
        assert layouts == []
