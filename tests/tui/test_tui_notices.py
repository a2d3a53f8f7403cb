"""Notices carry outside text (file names, error messages, settings tables): shown as written, not markup.

A file named ``draft [/] v2.txt`` made Textual's markup parser raise inside the toast and the reader crashed;
``[translation] must be a table`` lost ``[translation]``; ``[@click=app.quit]`` in a name became an action.
"""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio
from textual.pilot import Pilot
from textual.widgets._toast import Toast

from bilingual_reader import paths
from bilingual_reader.tui.app import ReaderApp, create_app
from bilingual_reader.tui.reader.screen import ReaderScreen
from bilingual_reader.tui.services import ReaderServices

from .pilot_helpers import reader, settle, wait_until


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def sample_reader(module_dirs: Path) -> AsyncIterator[tuple[Pilot[None], ReaderScreen]]:
    """One reader on the sample article with the shipped glossary and no model, notices shown as toasts: the
    cases open their bad files from it (each starts with ``no_notices``)."""
    glossary = module_dirs / "shipped.db"
    shutil.copyfile(paths.shipped("glossary.db"), glossary)  # the reader writes to its glossary
    app = create_app(None, ReaderServices(glossary, engine_factory=lambda: None))
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        await settle(app, pilot)
        yield pilot, reader(app)


def toasts(app: ReaderApp) -> list[str]:
    """The text of each notice on screen."""
    return [str(toast.render()) for toast in app.screen.query(Toast)]


async def no_notices(pilot: Pilot[None], screen: ReaderScreen) -> ReaderApp:
    """Clear the shared reader's notices and check it is as it opened: running, its reader on top, no toast;
    gives its app."""
    app = pilot.app
    assert isinstance(app, ReaderApp)
    app.clear_notifications()
    await settle(app, pilot)
    assert (app.is_running, app.screen, list(app._notifications), toasts(app)) == (True, screen, [], [])
    return app


@pytest.mark.parametrize("name", ["draft [/] v2.txt", "[translation].txt", "[@click=app.quit]x[/].txt"])
@pytest.mark.asyncio(loop_scope="module")
async def test_a_bad_file_named_like_markup_is_reported_as_written(
    sample_reader: tuple[Pilot[None], ReaderScreen], tmp_path: Path, name: str
) -> None:
    pilot, screen = sample_reader
    app = await no_notices(pilot, screen)
    missing = tmp_path / name
    app.open_article(missing)
    await settle(app, pilot)
    await wait_until(pilot, lambda: any(name in text for text in toasts(app)), "a notice names the file")
    assert any(name in text for text in toasts(app)), toasts(app)
    assert app.is_running
