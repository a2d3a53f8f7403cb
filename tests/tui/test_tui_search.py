"""Pilot tests of search in the text: Thai words at token boundaries, substrings on request, the English
column, n/N, highlights."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio
from textual.pilot import Pilot
from textual.widgets import Input

from bilingual_reader.tui.app import ReaderApp, create_app
from bilingual_reader.tui.reader.screen import ReaderScreen
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


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def searching(
    module_dirs: Path, module_glossary_path: Path
) -> AsyncIterator[tuple[Pilot[None], ReaderScreen]]:
    """One reader on ``ARTICLE`` with English from ``EchoEngine`` for the searches (a start-up is most of a
    test's cost): each case starts with ``as_opened``. A Thai query searches the Thai only, so the English
    changes nothing for the Thai cases."""
    path = module_dirs / "search.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    app = create_app(path, ReaderServices(module_glossary_path, engine_factory=EchoEngine))
    async with started(app, (120, 30)) as running:
        yield running


async def as_opened(pilot: Pilot[None], screen: ReaderScreen) -> ReaderApp:
    """Put the shared reader back as it opened (the bar closed, no matches nor highlights, the cursor on
    the first word, English in every paragraph) and check that it is; gives its app."""
    app = pilot.app
    assert isinstance(app, ReaderApp)
    screen.search.close()
    screen.search.search("")  # an empty search: the last one's matches and highlights go
    await pilot.press("home")
    await settle(app, pilot)
    paragraphs = range(len(screen.text))
    highlights = [
        (screen.text.paragraphs.thai(i).matches, screen.text.paragraphs.english(i).matches)
        for i in paragraphs
    ]
    assert (app.screen, screen.search.has_class("-open"), screen.search.matches) == (screen, False, [])
    assert highlights == [((), ())] * len(paragraphs)
    assert (screen.text.cursor.paragraph, screen.text.cursor.token) == (0, 0)
    assert all(str(screen.text.paragraphs.english(i).translation).startswith("EN:") for i in paragraphs)
    return app


@pytest.mark.asyncio(loop_scope="module")
async def test_thai_search_stops_at_words_and_n_moves_between_matches(
    searching: tuple[Pilot[None], ReaderScreen],
) -> None:
    pilot, screen = searching
    app = await as_opened(pilot, screen)
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


@pytest.mark.asyncio(loop_scope="module")
async def test_a_star_finds_the_word_inside_longer_words(searching: tuple[Pilot[None], ReaderScreen]) -> None:
    pilot, screen = searching
    app = await as_opened(pilot, screen)
    await _search(app, pilot, "*ปืน")
    assert [m[:3] for m in screen.search.matches] == [(1, 7, 10), (1, 24, 27), (2, 0, 3)]
    await _search(app, pilot, "ไม่มีคำนี้")
    assert screen.search.matches == []
    assert screen.text.paragraphs.thai(1).matches == ()  # the last search's highlights are gone
    await pilot.press("n")  # no matches: n is the learner's next word to learn, as in less and vim
    assert not any("No matches" in n.message for n in app._notifications)


@pytest.mark.asyncio(loop_scope="module")
async def test_a_query_without_thai_searches_the_english(searching: tuple[Pilot[None], ReaderScreen]) -> None:
    pilot, screen = searching
    app = await as_opened(pilot, screen)
    await pilot.press("j")
    await _search(app, pilot, "en")  # EchoEngine's English is "EN:<length>"
    assert [m[0] for m in screen.search.matches] == [0, 1, 2]
    assert screen.text.paragraphs.english(1).matches == ((0, 2),)
    assert screen.text.cursor.paragraph == 1  # the first match at or after the cursor
    await pilot.press("n")
    assert screen.text.cursor.paragraph == 2
