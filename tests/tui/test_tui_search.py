"""Pilot tests of search in the text: Thai words at token boundaries, substrings on request, the English
column, n/N, highlights."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from bilingual_reader.tui.app import create_app
from bilingual_reader.tui.services import ReaderServices

from .pilot_helpers import EchoEngine, reader, settle, started

ARTICLE = "ข่าวกองทัพ\nทหารถือปืน และกองทัพซื้อปืนใหญ่\nปืนของเขาหายไป\n"


async def _search(app: object, pilot: object, text: str) -> None:
    screen = reader(app)  # type: ignore[arg-type]
    await pilot.press("slash")  # type: ignore[attr-defined]
    assert screen.search.has_class("-open")
    screen.search.query_one(Input).value = text
    await pilot.press("enter")  # type: ignore[attr-defined]
    await settle(app, pilot)  # type: ignore[arg-type]
    assert not screen.search.has_class("-open")


async def test_thai_search_stops_at_words_and_n_moves_between_matches(
    tmp_path: Path, glossary_path: Path
) -> None:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    app = create_app(path, glossary_path)
    async with started(app, (120, 30)) as (pilot, screen):
        await _search(app, pilot, "ปืน")
        assert [m[:3] for m in screen.search.matches] == [(1, 7, 10), (2, 0, 3)]  # not inside ปืนใหญ่
        assert (screen.text.cursor.paragraph, screen.text.cursor.text()) == (1, "ปืน")
        assert screen.text.paragraphs.thai(1).matches == ((7, 10),)
        await pilot.press("n")
        assert (screen.text.cursor.paragraph, screen.text.cursor.text()) == (2, "ปืน")
        await pilot.press("n")  # wraps around
        assert (screen.text.cursor.paragraph, screen.text.cursor.offset()) == (1, 7)
        await pilot.press("N")
        assert screen.text.cursor.paragraph == 2


async def test_a_star_finds_the_word_inside_longer_words(tmp_path: Path, glossary_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    app = create_app(path, glossary_path)
    async with started(app, (120, 30)) as (pilot, screen):
        await _search(app, pilot, "*ปืน")
        assert [m[:3] for m in screen.search.matches] == [(1, 7, 10), (1, 24, 27), (2, 0, 3)]
        await _search(app, pilot, "ไม่มีคำนี้")
        assert screen.search.matches == []
        assert screen.text.paragraphs.thai(1).matches == ()  # the last search's highlights are gone
        await pilot.press("n")  # no matches: n is the learner's next word to learn, as in less and vim
        assert not any("No matches" in n.message for n in app._notifications)


async def test_a_query_without_thai_searches_the_english(tmp_path: Path, glossary_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    app = create_app(path, ReaderServices(glossary_path, engine_factory=EchoEngine))
    async with started(app, (120, 30)) as (pilot, screen):
        await pilot.press("j")
        await _search(app, pilot, "en")  # EchoEngine's English is "EN:<length>"
        assert [m[0] for m in screen.search.matches] == [0, 1, 2]
        assert screen.text.paragraphs.english(1).matches == ((0, 2),)
        assert screen.text.cursor.paragraph == 1  # the first match at or after the cursor
        await pilot.press("n")
        assert screen.text.cursor.paragraph == 2
