"""Commands are defined once: the bindings, the footer, the palette, the help screen (?) and the README's
key table all come from the same list."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widgets import Static

from bilingual_reader.tui.app import ReaderApp, create_app
from bilingual_reader.tui.app_commands import APP_COMMANDS
from bilingual_reader.tui.commands import Command, key_table
from bilingual_reader.tui.reader.commands import READER_COMMANDS
from bilingual_reader.tui.reader.screen import ReaderScreen
from bilingual_reader.tui.widgets.help_screen import HelpScreen

from .pilot_helpers import reader, settle, started

README = Path(__file__).resolve().parents[2] / "README.md"
ALL: list[Command[Any]] = [*READER_COMMANDS, *APP_COMMANDS]


def test_the_readme_key_table_is_the_commands() -> None:
    text = README.read_text(encoding="utf-8")
    start = text.index("\n", text.index("<!-- keys")) + 1
    table = text[start : text.index("<!-- /keys -->")].strip()
    assert table == key_table(ALL), "regenerate the README table from tui.commands.key_table"


def test_every_keyed_command_is_bound_once() -> None:
    keys = [key for c in ALL for key in c.keys.split(",") if c.keys]
    assert len(keys) == len(set(keys))
    bound = {key for b in ReaderScreen.BINDINGS for key in b.key.split(",")}  # type: ignore[union-attr]
    bound |= {key for b in ReaderApp.BINDINGS for key in b.key.split(",")}  # type: ignore[union-attr]
    assert set(keys) == bound


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def one_reader(module_article_path: Path, module_glossary_path: Path) -> AsyncIterator[Pilot[None]]:
    """One reader for the cases that open the help screen and the palette (a start-up is most of a test's
    cost): each starts with ``as_opened``."""
    async with started(create_app(module_article_path, module_glossary_path), (160, 45)) as (pilot, _screen):
        yield pilot


async def as_opened(pilot: Pilot[None]) -> ReaderApp:
    """Close what is open over the shared reader, and check that the reader is on top; gives its app."""
    app = pilot.app
    assert isinstance(app, ReaderApp)
    while len(app.screen_stack) > 2:
        await app.pop_screen()
    await settle(app, pilot)
    assert app.screen is reader(app)
    return app


@pytest.mark.asyncio(loop_scope="module")
async def test_question_mark_lists_every_command(one_reader: Pilot[None]) -> None:
    pilot = one_reader
    app = await as_opened(pilot)
    await pilot.press("question_mark")
    assert isinstance(app.screen, HelpScreen)
    text = str(app.screen.query_one("#help-text", Static).render())
    assert [line.split("  ", 1)[1].split(" — ")[0].strip() for line in text.splitlines()] == [
        c.title for c in ALL
    ]
    await pilot.press("escape")
    assert isinstance(app.screen, ReaderScreen)


@pytest.mark.asyncio(loop_scope="module")
async def test_the_palette_offers_the_commands_that_can_run(one_reader: Pilot[None]) -> None:
    pilot = one_reader
    app = await as_opened(pilot)
    titles = [title for title, _, _ in reader(app).palette_commands()]
    assert titles == [c.title for c in READER_COMMANDS if c.palette]
    assert "Next word" not in titles  # moving the cursor stays on the keys
    await pilot.press("ctrl+p")
    assert isinstance(app.screen, CommandPalette)
