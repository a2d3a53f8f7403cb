"""Pilot tests of how the text view gets its lines to the screen cheaply: finished lines kept (the same lines
Textual's own path makes), the screenful below drawn before a page down needs it, and a move into another
chapter repainting only what changed."""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from rich.color import ColorSystem
from textual._compositor import LayoutUpdate
from textual.geometry import Region
from textual.pilot import Pilot
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets._header import HeaderTitle

from bilingual_reader.documents.articles import list_articles
from bilingual_reader.tui.app import ReaderApp, create_app
from bilingual_reader.tui.reader.screen import ReaderScreen

from .pilot_helpers import reader, recorded_frames, settle, shown_popup, started


def _book(folder: Path, chapters: int) -> Path:
    """A Markdown book: the sample article's paragraphs under ``chapters`` headings."""
    sample = list_articles()[0].read_text(encoding="utf-8")
    paragraphs = [p for p in sample.split("\n\n")[1:] if p.strip()]
    book = folder / "book.md"
    book.write_text(
        "\n\n".join(f"# บทที่ {n}\n\n" + "\n\n".join(paragraphs) for n in range(1, chapters + 1)),
        encoding="utf-8",
    )
    return book


#: Chapters of the book the shared reader reads: enough for three page downs and an End into another chapter.
CHAPTERS = 4


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def book_reader(
    module_dirs: Path, module_glossary_path: Path
) -> AsyncIterator[tuple[Pilot[None], ReaderScreen]]:
    """One reader of a ``CHAPTERS``-chapter book in a 100x20 terminal for the cases that page, jump and click
    (a start-up is most of a test's cost): each starts with ``at_book_start``. The cases about lines in
    other sizes and themes start their own."""
    async with started(create_app(_book(module_dirs, CHAPTERS), module_glossary_path), (100, 20)) as running:
        yield running


async def at_book_start(pilot: Pilot[None], screen: ReaderScreen) -> ReaderApp:
    """Put the shared book reader back as it opened (no popup, the cursor on the first paragraph, the view
    at the top, in the first chapter, idle) and check that it is; gives its app."""
    app = pilot.app
    assert isinstance(app, ReaderApp)
    if shown_popup(app) is not None:
        await pilot.press("escape")
    await pilot.press("home")
    await settle(app, pilot)
    where = (app.screen, shown_popup(app), screen.text.cursor.paragraph, round(screen.text.scroll_offset.y))
    assert where == (screen, None, 0, 0)
    assert "บทที่ 1" in str(screen.title)
    return app


def _plain(strip: Strip) -> list[str]:
    """Each character as the terminal gets it (its colours and attributes; not the meta: offsets, links)."""
    return [
        segment.style.render(character, color_system=ColorSystem.TRUECOLOR) if segment.style else character
        for segment in strip
        for character in segment.text
    ]


async def test_the_lines_on_screen_are_textuals_own_lines_kept(tmp_path: Path, glossary_path: Path) -> None:
    """The view's finished lines (padded, filtered) equal the lines of Textual's own path, wide and narrow,
    with the cursor on screen; a second frame takes the same line objects; the character offsets Textual's
    selection reads are on ``render_line``'s lines, not on the screen's."""
    book = _book(tmp_path, 2)
    for size in ((120, 24), (70, 24)):
        app = create_app(book, glossary_path)
        async with app.run_test(size=size) as pilot:
            await settle(app, pilot)
            view = reader(app).text
            await pilot.press("j", "l")
            await settle(app, pilot)
            crop = Region(0, 0, view.region.width, view.region.height)
            ours = view.finisher.lines(view, crop, view._line)
            assert ours is not None
            textuals = Widget.render_lines(view, crop)
            assert [_plain(line) for line in ours] == [_plain(line) for line in textuals]
            assert any("ทหาร" in line.text for line in ours) and len(ours) == view.region.height
            again = view.finisher.lines(view, crop, view._line)
            assert again is not None and all(a is b for a, b in zip(again, ours, strict=True))
            region = view.layout_.thai_region(view.cursor.paragraph)
            assert region is not None
            y = region.y - view.content_region.y
            assert any(s.style and s.style.meta.get("offset") for s in view.render_line(y))
            assert not any(s.style and s.style._meta for s in ours[y])


@pytest.mark.asyncio(loop_scope="module")
async def test_the_next_screen_is_drawn_before_page_down_needs_it(
    book_reader: tuple[Pilot[None], ReaderScreen],
) -> None:
    """While the reader idles, the screenful below the visible one is laid out and drawn: a page down then
    draws only the lines of the paragraphs the cursor left and entered (their cursor style changed)."""
    pilot, screen = book_reader
    app = await at_book_start(pilot, screen)
    view = screen.text
    layout = view.layout_
    drawn: list[int] = []  # paragraphs whose lines a frame had to draw (not the reading ahead)
    draw, line = view.painter.draw, view._line
    rendering = [False]

    def counting(*args: Any, **kwargs: Any) -> Strip:
        if rendering[0]:
            drawn.append(args[3].index)
        return draw(*args, **kwargs)

    def rendered(y: int, offsets: bool = False) -> Strip:
        rendering[0] = True
        try:
            return line(y, offsets)
        finally:
            rendering[0] = False

    view.painter.draw = counting  # type: ignore[method-assign]
    view._line = rendered  # type: ignore[method-assign]
    try:
        for _ in range(3):
            height = view.scrollable_content_region.height
            bottom = round(view.scroll_offset.y) + height
            for below in range(bottom, bottom + height):
                index, row = layout.line_at(below)
                assert layout.block(index)[2][row] is not None, f"line {below} not drawn ahead"
            drawn.clear()
            left = view.cursor.paragraph
            await pilot.press("pagedown")
            entered = view.cursor.paragraph
            assert entered > left and round(view.scroll_offset.y) > 0
            assert drawn and set(drawn) <= {left, entered}, (left, entered, drawn)
            await settle(app, pilot)
    finally:  # the shared reader's own methods again
        del view.painter.draw, view._line


@pytest.mark.asyncio(loop_scope="module")
async def test_moving_into_another_chapter_repaints_only_what_changed(
    book_reader: tuple[Pilot[None], ReaderScreen],
) -> None:
    """End into the last chapter: the header names it, and no frame repaints the whole screen (the screen's
    title is the header's to draw)."""
    pilot, screen = book_reader
    app = await at_book_start(pilot, screen)
    last = f"บทที่ {CHAPTERS}"
    with recorded_frames(app) as frames:
        await pilot.press("end")
        await settle(app, pilot)
        assert last in str(screen.title)
        assert last in str(app.screen.query_one(HeaderTitle).content)
        assert frames and not any(isinstance(frame.update, LayoutUpdate) for frame in frames)
        frames.clear()
        await pilot.press("home")
        await settle(app, pilot)
        assert "บทที่ 1" in str(screen.title)
        assert frames and not any(isinstance(frame.update, LayoutUpdate) for frame in frames)


async def test_a_new_theme_colours_the_text_as_a_reader_started_in_it(
    tmp_path: Path, glossary_path: Path
) -> None:
    """After switching the theme, every line of the text (term and status colours included) and the blank
    lines under it are what a reader opened in that theme draws, not the old theme's kept lines."""
    book = _book(tmp_path, 1)
    shown = []
    for switch in (True, False):
        app = create_app(book, glossary_path)
        if not switch:
            app.theme = "textual-light"
        async with app.run_test(size=(100, 24)) as pilot:
            await settle(app, pilot)
            view = reader(app).text
            if switch:
                assert app.theme != "textual-light" and view.painted  # drawn in the first theme
                view.layout_.draw(view.layout_.total)  # a line under the text too (a short text's screen)
                app.theme = "textual-light"
                await settle(app, pilot)
            assert app.theme == "textual-light"
            crop = Region(0, 0, view.region.width, view.region.height)
            lines = view.finisher.lines(view, crop, view._line)
            assert lines is not None
            below = view.layout_.draw(view.layout_.total)
            shown.append([_plain(line) for line in [*lines, below]])
    assert shown[0] == shown[1]


@pytest.mark.asyncio(loop_scope="module")
async def test_no_garbage_is_collected_between_a_key_and_its_frame(
    book_reader: tuple[Pilot[None], ReaderScreen],
) -> None:
    """A page down, an End and a click: collection is off until the frame that answers them is out, and on
    again after it (with a book open a full collection took 20-40 ms: the slowest key of a hundred)."""
    pilot, screen = book_reader
    app = await at_book_start(pilot, screen)
    view = screen.text
    with recorded_frames(app) as frames:
        for act in ("pagedown", "end", "click"):
            frames.clear()
            assert gc.isenabled()
            if act == "click":
                region = view.layout_.thai_region(view.cursor.paragraph)
                assert region is not None
                await pilot.click(offset=region.offset)
            else:
                await pilot.press(act)
            await pilot.pause()
            collecting = [frame.collecting for frame in frames]
            # a click is a move (its hover frame comes first), then a press, a release and the click
            assert collecting and (collecting[0] if act != "click" else all(collecting)) is False, act
            assert gc.isenabled(), act
