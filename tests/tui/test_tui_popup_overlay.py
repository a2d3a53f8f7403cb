"""The lookup popup is drawn over the reader on the reader's own screen (no screen of its own): showing it
redraws its own lines only (not the text's scrollbar either), its keys are the only ones while it is shown,
the reader's footer keeps its keys under the popup's, a click on the text closes it, and the occurrences are
counted after its frame, and no garbage is collected before that frame."""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from textual._compositor import ChopsUpdate, LayoutUpdate
from textual.pilot import Pilot
from textual.scrollbar import ScrollBar

from bilingual_reader.tui.app import ReaderApp, create_app
from bilingual_reader.tui.reader.lookup import LookupController
from bilingual_reader.tui.reader.screen import ReaderScreen

from .pilot_helpers import (
    back_to_first_word,
    move_to,
    popup_text,
    recorded_frames,
    shown_popup,
    started,
    thai_point,
)


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def one_reader(
    module_article_path: Path, module_glossary_path: Path
) -> AsyncIterator[tuple[Pilot[None], ReaderScreen]]:
    """One reader for the cases that show the popup again and again (a start-up is most of a test's cost;
    the cases about the popup's first showing start their own): each starts with ``at_first_word``."""
    async with started(create_app(module_article_path, module_glossary_path), (160, 45)) as running:
        yield running


async def at_first_word(pilot: Pilot[None], screen: ReaderScreen) -> ReaderApp:
    """Put the shared reader back as it opened (no popup, the cursor on the first word, the reader's keys in
    its footer) and check that it is; gives its app."""
    app = await back_to_first_word(pilot, screen)
    assert screen.footer.display
    return app


@pytest.mark.asyncio(loop_scope="module")
async def test_the_popup_is_modal_over_the_reader_and_esc_gives_the_keys_back(
    one_reader: tuple[Pilot[None], ReaderScreen],
) -> None:
    pilot, screen = one_reader
    app = await at_first_word(pilot, screen)
    await move_to(pilot, screen, "ทหาร")
    reader_keys = screen.footer.keys
    place = (screen.text.cursor.paragraph, screen.text.cursor.text())
    await pilot.press("enter")
    popup = shown_popup(app)
    assert popup is not None and app.screen is screen
    await pilot.press("j", "l", "question_mark")  # the reader's keys wait while the popup is shown
    assert shown_popup(app) is popup and app.screen is screen
    assert (screen.text.cursor.paragraph, screen.text.cursor.text()) == place
    await pilot.pause()
    assert [key.action for key in popup.footer.keys][:3] == [
        "close",
        "choose('add')",
        "choose('edit')",
    ]
    assert popup.footer.region.y == screen.footer.region.y  # the popup's keys over the reader's
    assert screen.footer.keys is reader_keys  # kept, not listed again
    await pilot.press("escape")
    assert shown_popup(app) is None and not popup.footer.display
    await pilot.press("l")
    assert screen.text.cursor.text() != "ทหาร"
    assert screen.footer.keys is reader_keys


@pytest.mark.asyncio(loop_scope="module")
async def test_a_click_on_another_word_looks_that_word_up(
    one_reader: tuple[Pilot[None], ReaderScreen],
) -> None:
    pilot, screen = one_reader
    app = await at_first_word(pilot, screen)
    await move_to(pilot, screen, "ทหาร")
    await pilot.press("enter")
    popup = shown_popup(app)
    assert popup is not None
    view = screen.text.paragraphs.all_thai()[0]
    piece = next(p for p in view.lines()[0].pieces if p.text == "จัดซื้อ")
    assert await pilot.click(offset=thai_point(screen, 0, 0, piece.col + 1))
    await pilot.pause()
    assert screen.text.cursor.text() == "จัดซื้อ"
    assert popup_text(app).startswith("จัดซื้อ\n")
    await pilot.press("escape")
    assert shown_popup(app) is None


async def test_showing_the_popup_redraws_its_region_not_the_screen(
    article_path: Path, glossary_path: Path
) -> None:
    app = create_app(article_path, glossary_path)
    async with started(app, (160, 45)) as (pilot, screen):
        await move_to(pilot, screen, "ทหาร")
        with recorded_frames(app) as frames:
            await pilot.press("enter")
            await pilot.pause()
        assert shown_popup(app) is not None
        first = frames[0].update
        assert isinstance(first, ChopsUpdate) and not isinstance(first, LayoutUpdate)
        popup = shown_popup(app)
        assert popup is not None
        rows = {y for y, _, _ in first.spans}
        assert popup.region.y in rows and screen.footer.region.y in rows
        assert rows <= {*range(popup.region.y, popup.region.bottom), screen.footer.region.y}


async def test_the_occurrences_are_counted_after_the_popups_frame(
    article_path: Path, glossary_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    events: list[str] = []
    start_count = LookupController._start_count

    def counting(self: LookupController, key: str, *, phrase: bool) -> None:
        events.append("count")
        start_count(self, key, phrase=phrase)

    monkeypatch.setattr(LookupController, "_start_count", counting)
    app = create_app(article_path, glossary_path)
    async with started(app, (160, 45)) as (pilot, screen):
        await move_to(pilot, screen, "ทหาร")
        display = app._display

        def record(target: Any, update: Any) -> None:
            if update is not None and not events:
                events.append("frame")
            display(target, update)

        monkeypatch.setattr(app, "_display", record)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert events[:2] == ["frame", "count"]
        await pilot.pause()
        assert "Occurs" in popup_text(app)


async def test_a_lookup_over_a_long_text_leaves_its_scrollbar_alone(
    tmp_path: Path, article_path: Path, glossary_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    book = tmp_path / "book.txt"
    book.write_text("\n\n".join([article_path.read_text(encoding="utf-8")] * 40), encoding="utf-8")
    drawn: list[ScrollBar] = []
    render = ScrollBar.render

    def counted(self: ScrollBar) -> Any:
        drawn.append(self)
        return render(self)

    app = create_app(book, glossary_path)
    async with started(app, (100, 30)) as (pilot, screen):
        await move_to(pilot, screen, "ทหาร")
        assert screen.text.show_vertical_scrollbar
        monkeypatch.setattr(ScrollBar, "render", counted)
        await pilot.press("enter")
        await pilot.pause()
        assert shown_popup(app) is not None
        await pilot.press("escape")
        await pilot.pause()
        assert drawn == []
        await pilot.resize_terminal(100, 24)  # a size that changes: the scrollbar follows
        await pilot.pause()
        bar = screen.text.vertical_scrollbar
        assert drawn and bar.window_size == screen.text.scrollable_content_region.height


async def test_no_garbage_is_collected_between_the_key_and_the_popups_frame(
    article_path: Path, glossary_path: Path
) -> None:
    app = create_app(article_path, glossary_path)
    async with started(app, (160, 45)) as (pilot, screen):
        await move_to(pilot, screen, "ทหาร")
        assert gc.isenabled()
        with recorded_frames(app) as frames:
            await pilot.press("enter")
            await pilot.pause()
        assert shown_popup(app) is not None
        assert frames[0].collecting is False
        assert gc.isenabled()
