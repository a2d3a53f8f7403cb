"""The reader's one lookup popup: made once the lookups are warmed up and shown again for every later one
(a lookup changes a few lines instead of building a screen), never showing what the previous lookup showed;
the lookup modules warmed up in a worker; a lookup's sentence found when it is written."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Static

from bilingual_reader.learner.places import sentence_at
from bilingual_reader.learner.store import LearnerStore
from bilingual_reader.tui.app import ReaderApp, create_app
from bilingual_reader.tui.reader.popup import LookupPopup
from bilingual_reader.tui.reader.screen import ReaderScreen
from bilingual_reader.tui.services import ReaderServices

from .pilot_helpers import back_to_first_word, move_to, popup_text, shown_popup, started, wait_until

Shared = tuple[Pilot[None], ReaderScreen, LearnerStore]


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def one_reader(
    module_article_path: Path, module_glossary_path: Path, module_dirs: Path
) -> AsyncIterator[Shared]:
    """One reader and its learner store for the cases that look words up again and again (a start-up is most
    of a test's cost; the cases about the popup's making and first showing start their own): each starts
    with ``as_opened``."""
    store = LearnerStore.open(module_dirs / "learner.db")
    try:
        app = create_app(module_article_path, ReaderServices(module_glossary_path, learner=store))
        async with started(app, (160, 45)) as (pilot, screen):
            yield pilot, screen, store
    finally:
        store.close()


async def as_opened(pilot: Pilot[None], screen: ReaderScreen, store: LearnerStore) -> ReaderApp:
    """Put the shared reader back as it opened (no popup, the cursor on the first word, what was read and
    looked up written) and check that it is, and that no word has a status, as in a new store."""
    app = await back_to_first_word(pilot, screen)
    screen.learner.flush()
    assert store.words() == []
    return app


def _top(app: App[Any]) -> object:
    """The popup shown (a function: mypy narrows after one identity check)."""
    return shown_popup(app)


def _footer_actions(popup: LookupPopup) -> list[str]:
    return [key.action for key in popup.footer.keys]


@pytest.mark.asyncio(loop_scope="module")
async def test_one_popup_shows_each_lookup_and_nothing_of_the_last(one_reader: Shared) -> None:
    pilot, screen, _store = one_reader
    app = await as_opened(*one_reader)
    await move_to(pilot, screen, "ทหาร")
    await pilot.press("enter")
    popup = shown_popup(app)
    assert popup is not None
    assert popup_text(app).startswith("ทหาร\n")
    assert "Status unknown" in str(popup.query_one("#popup-status", Static).render())
    await wait_until(pilot, lambda: "choose('status:1')" in _footer_actions(popup), "the status key")
    popup.show_machine_gloss("soldier")
    assert popup.query_one("#popup-machine", Static).display
    await pilot.press("escape")
    assert _top(app) is None

    await pilot.press("home")
    await move_to(pilot, screen, "K2")  # a number: no status, no status keys
    await pilot.press("enter")
    assert _top(app) is popup  # the same popup, shown again
    assert popup_text(app).startswith("K2\n")
    assert not popup.query_one("#popup-status").display
    assert not popup.query_one("#popup-machine", Static).display  # the last word's machine gloss went
    await wait_until(pilot, lambda: "choose('status:1')" not in _footer_actions(popup), "no status key")
    await pilot.press("3")
    assert _top(app) is popup  # the key does nothing here
    await pilot.press("escape")

    await move_to(pilot, screen, "ทหาร")
    await pilot.press("enter")
    assert _top(app) is popup
    assert popup_text(app).startswith("ทหาร\n")
    assert "Status unknown" in str(popup.query_one("#popup-status", Static).render())
    await wait_until(pilot, lambda: "choose('status:1')" in _footer_actions(popup), "the status key")
    await pilot.press("escape")
    await pilot.press("enter")  # the same keys again: the footer keeps its list
    await pilot.pause()
    assert _top(app) is popup
    keys = popup.footer.keys
    await pilot.press("escape")
    await move_to(pilot, screen, "เสื้อเกราะ")
    await pilot.press("enter")
    await pilot.pause()
    assert popup_text(app).startswith("เสื้อเกราะ\n")
    assert popup.footer.keys is keys


async def test_the_popup_scrolls_back_to_the_top_for_the_next_word(
    article_path: Path, glossary_path: Path
) -> None:
    app = create_app(article_path, glossary_path)
    async with started(app, (80, 16)) as (pilot, screen):  # short: the lookup text scrolls
        await move_to(pilot, screen, "ปืนใหญ่อัตตาจร")
        await pilot.press("enter")
        body = shown_popup(app)
        assert body is not None
        await wait_until(pilot, lambda: body.max_scroll_y > 0, "the text overflows the popup")
        await pilot.press("end")
        await wait_until(pilot, lambda: body.scroll_y > 0, "scrolled down")
        await pilot.press("escape")
        await pilot.press("enter")
        assert _top(app) is body
        assert body.scroll_y == 0


@pytest.mark.asyncio(loop_scope="module")
async def test_the_popup_lives_on_its_readers_screen(one_reader: Shared) -> None:
    pilot, screen, _store = one_reader
    app = await as_opened(*one_reader)
    await move_to(pilot, screen, "ทหาร")
    await pilot.press("enter", "escape")
    popup = screen.lookup.popup
    assert popup is not None and popup.parent is screen and popup.footer.parent is screen
    assert app.screen_stack[-1] is screen and not popup.shown


async def test_the_popup_is_made_while_the_reader_idles_and_the_first_lookup_shows_it(
    article_path: Path, glossary_path: Path
) -> None:
    app = create_app(article_path, glossary_path)
    async with started(app, (160, 45)) as (pilot, screen):
        popup = screen.lookup.popup  # made after the warm-up, before any lookup
        assert popup is not None and popup.is_attached and not popup.shown
        await wait_until(pilot, lambda: bool(popup.query("#popup-text")), "the popup is composed unseen")
        keys = popup.footer.keys  # its keys listed before it is first shown
        assert [key.action for key in keys] == [
            "close",
            "choose('add')",
            "choose('edit')",
            "choose('status:1')",
        ]
        await move_to(pilot, screen, "ทหาร")
        await pilot.press("enter")
        assert _top(app) is popup
        assert popup_text(app).startswith("ทหาร\n")
        assert popup.border_title == "Lookup"
        await pilot.pause()
        assert popup.footer.keys is keys  # not listed again for a word with a status


async def test_the_lookups_warm_up_in_a_worker_once_the_text_is_segmented(
    article_path: Path, glossary_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import bilingual_reader.lookup as core

    threads: list[str] = []
    monkeypatch.setattr(core, "warm_up", lambda: threads.append(threading.current_thread().name))
    app = create_app(article_path, glossary_path)
    async with started(app, (160, 45)):
        assert len(threads) == 1
        assert threads[0] != threading.main_thread().name


def test_warm_up_loads_what_a_first_lookup_loads() -> None:
    from bilingual_reader.lookup import warm_up
    from bilingual_reader.thai import corpora, pronunciation, pronunciation_table

    pronunciation_table._rows.cache_clear()
    corpora.thai_words.cache_clear()
    pronunciation._analyze.cache_clear()
    pronunciation._renderers.cache_clear()
    warm_up()
    assert corpora.thai_words.cache_info().currsize == 1
    assert pronunciation._renderers.cache_info().currsize == 1
    assert pronunciation_table._rows.cache_info().currsize == 1  # the glossary's readings (its terms)


@pytest.mark.asyncio(loop_scope="module")
async def test_a_lookup_is_recorded_with_its_own_sentence_after_the_cursor_moved_on(
    one_reader: Shared,
) -> None:
    pilot, screen, store = one_reader
    await as_opened(*one_reader)
    before = store.conn.execute("SELECT key, paragraph, sentence FROM lookups").fetchall()  # earlier cases'
    await move_to(pilot, screen, "เสื้อเกราะ")
    paragraph, offset = screen.text.cursor.paragraph, screen.text.cursor.offset()
    await pilot.press("enter", "escape", "k")
    assert screen.text.cursor.paragraph != paragraph
    screen.learner.flush()
    rows = store.conn.execute("SELECT key, paragraph, sentence FROM lookups").fetchall()
    text = screen.article.paragraphs[paragraph]
    assert rows == [*before, ("เสื้อเกราะ", paragraph, sentence_at(text, offset))]
