"""Helpers for driving the reader with Pilot."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import AsyncIterator, Callable, Iterator, Sequence
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from typing import Any

from textual.app import App
from textual.command import CommandInput, CommandPalette
from textual.geometry import Offset
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static

from bilingual_reader.translation.engines.base import Hypothesis, SentenceTranslation
from bilingual_reader.tui.app import ReaderApp
from bilingual_reader.tui.reader.popup import LookupPopup
from bilingual_reader.tui.reader.screen import ReaderScreen
from bilingual_reader.tui.reader.words import is_navigable

from .workers import workers_started


async def settle(app: App[Any], pilot: Pilot[None]) -> None:
    """Wait until the app is quiet: the reader on top (if any) has started after its first frame, no worker
    is running, and a whole round of draining the message queues started no new worker (workers that finish
    start others: the first frame starts the loading, which starts segmenting and translating). A thread
    worker can start and finish between two looks, so new workers are counted, not just seen running.
    A reader under another screen (the library the app starts in) starts only once it is shown: it is not
    waited for (waiting for it spent all 40 rounds, seconds a test)."""
    for _ in range(40):
        before = workers_started(app)
        await pilot.pause()
        await _workers_done(app)
        await pilot.pause()
        quiet = not any(w.is_running for w in app.workers) and workers_started(app) == before
        if quiet and _queues_empty(app) and not _reader_starting(app):
            return


def _queues_empty(app: App[Any]) -> bool:
    """True when no message waits in the app's or any screen's or widget's queue. A pause handles only the
    messages queued when it began, and on a busy machine its idle test passes early: a chain of messages
    (a worker's last result, then the controller's announcement, bubbling to the screen) can outlast it."""
    pumps = [app, *(node for screen in app.screen_stack for node in screen.walk_children(with_self=True))]
    return all(pump._message_queue.empty() for pump in pumps)


async def _workers_done(app: App[Any]) -> None:
    """Wait for the running workers to end, however they end: a worker that fails or is cancelled is the
    app's to report (the tests assert what the user sees), not the wait's. (``wait_for_complete`` raised the
    error only when the failing worker was still running, since Textual drops ended workers: a race.)"""
    await asyncio.gather(*(worker.wait() for worker in list(app.workers)), return_exceptions=True)


def _reader_starting(app: App[Any]) -> bool:
    """True while the screen shown is a reader that has not started yet (its first frame not written)."""
    screen = app.screen_stack[-1] if app.screen_stack else None
    return isinstance(screen, ReaderScreen) and not screen.started


async def wait_until(pilot: Pilot[None], condition: Callable[[], object], what: str) -> None:
    """Let the app run until ``condition()`` is true (messages it posts, screens it dismisses, workers it
    starts), instead of checking right after a key; fails saying ``what`` did not happen."""
    for _ in range(200):
        if condition():
            return
        await pilot.pause()
        await _workers_done(pilot.app)
    raise AssertionError(f"timed out waiting until {what}")


@asynccontextmanager
async def started(app: ReaderApp, size: tuple[int, int]) -> AsyncIterator[tuple[Pilot[None], ReaderScreen]]:
    """Run ``app`` under Pilot in a terminal of ``size``, settled (glossary open, text segmented, workers
    done); gives the pilot and the reader screen."""
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        yield pilot, reader(app)


@dataclass(frozen=True)
class Frame:
    """A frame the app handed the terminal: the update, and whether garbage collection was on then."""

    update: object
    collecting: bool


@contextmanager
def recorded_frames(app: App[Any]) -> Iterator[list[Frame]]:
    """The frames ``app`` hands the terminal (changed screens only) while inside the block, as they come."""
    frames: list[Frame] = []
    display = app._display

    def record(screen: Any, update: Any) -> None:
        if update is not None:
            frames.append(Frame(update, gc.isenabled()))
        display(screen, update)

    app._display = record  # type: ignore[method-assign,assignment]
    try:
        yield frames
    finally:
        del app._display


def counted_layouts(screen: Screen[Any]) -> list[bool]:
    """A list that gets an item for each layout of ``screen`` from now on."""
    layouts: list[bool] = []
    lay_out = screen._refresh_layout

    def counted(*args: Any, **kwargs: Any) -> None:
        layouts.append(True)
        lay_out(*args, **kwargs)

    screen._refresh_layout = counted  # type: ignore[method-assign]
    return layouts


def reader(app: ReaderApp) -> ReaderScreen:
    """The reader screen (the app's first screen)."""
    screen = app.screen_stack[1]
    assert isinstance(screen, ReaderScreen)
    return screen


def find_token(screen: ReaderScreen, text: str) -> tuple[int, int]:
    """(paragraph, token) of the first token equal to ``text``."""
    for paragraph, view in enumerate(screen.text.paragraphs.all_thai()):
        for index, token in enumerate(view.tokens):
            if token.text == text:
                return paragraph, index
    raise AssertionError(f"no token {text!r}")


async def move_to(pilot: Pilot[None], screen: ReaderScreen, text: str) -> None:
    """Move the cursor to the token ``text`` with the keys a reader would use: j per paragraph, l per word."""
    paragraph, index = find_token(screen, text)
    await pilot.press(*["j"] * (paragraph - screen.text.cursor.paragraph))
    tokens = screen.text.paragraphs.all_thai()[paragraph].tokens
    start = screen.text.cursor.token if screen.text.cursor.token is not None else 0
    await pilot.press(*["l"] * sum(1 for t in tokens[start + 1 : index + 1] if is_navigable(t)))
    assert screen.text.cursor.text() == text


def thai_point(screen: ReaderScreen, paragraph: int, line: int, col: int) -> Offset:
    """The screen offset of cell ``col`` of wrapped Thai line ``line`` of ``paragraph`` (on screen)."""
    region = screen.text.layout_.thai_region(paragraph, line)
    assert region is not None, f"paragraph {paragraph} line {line} is not on screen"
    return Offset(region.x + col, region.y)


def shown_popup(app: App[Any]) -> LookupPopup | None:
    """The lookup popup on screen (over the reader on top, with the focus), else None."""
    screen = app.screen
    popup = screen.lookup.popup if isinstance(screen, ReaderScreen) else None
    if popup is None or not popup.shown:
        return None
    assert screen.focused is popup, "a popup on screen has the focus (its keys are the ones that work)"
    return popup


def popup_text(app: ReaderApp) -> str:
    """The plain text of the open lookup popup."""
    popup = shown_popup(app)
    assert popup is not None, "no lookup popup is shown"
    return str(popup.query_one("#popup-text", Static).render())


def keys(text: str) -> list[str]:
    """Pilot key names that type ``text``."""
    return ["space" if ch == " " else ch for ch in text]


async def type_into(pilot: Pilot[None], field: Widget, text: str) -> None:
    """Type ``text`` into ``field`` once it has the focus: keys pressed while a form or the palette is still
    opening go to the screen under it (a `q` quit the reader, a space opened a Select)."""
    await wait_until(pilot, lambda: field.has_focus, f"{field!r} has the focus")
    await pilot.press(*keys(text))


async def choose(app: App[Any], pilot: Pilot[None], query: str) -> None:
    """Type ``query`` into the open palette and run the first command found."""
    palette = app.screen
    assert isinstance(palette, CommandPalette)
    await type_into(pilot, palette.query_one(CommandInput), query)
    await settle(app, pilot)  # the palette searches in a worker
    await pilot.press("enter")  # runs the first (highlighted) command
    await settle(app, pilot)


class EchoEngine:
    """A stand-in engine: the English of a sentence is ``EN:`` and its length (no model needed)."""

    model_key = "echo@1"
    settings_key = "s"

    def translate(self, sentences: Sequence[str]) -> Iterator[SentenceTranslation]:
        """One translation per sentence."""
        for sentence in sentences:
            english = f"EN:{len(sentence)}"
            yield SentenceTranslation(sentence, english, (Hypothesis(english, -0.1),))


async def popup_closed_at_home(pilot: Pilot[None]) -> ReaderApp:
    """Close the lookup popup (if shown) and press Home, the first steps of putting a shared reader back as
    it opened; gives its app."""
    app = pilot.app
    assert isinstance(app, ReaderApp)
    if shown_popup(app) is not None:
        await pilot.press("escape")
    await pilot.press("home")
    await pilot.pause()
    return app


async def back_to_first_word(pilot: Pilot[None], screen: ReaderScreen) -> ReaderApp:
    """Put a reader shared by a module's cases back as it opened (no popup, the cursor on the first word of
    the conftest's article) and check that it is; gives its app."""
    app = await popup_closed_at_home(pilot)
    where = (app.screen, shown_popup(app), screen.text.cursor.paragraph, screen.text.cursor.text())
    assert where == (screen, None, 0, "กองทัพบก")
    return app
