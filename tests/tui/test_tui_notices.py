"""Notices carry outside text (file names, error messages, settings tables): shown as written, not markup.

A file named ``draft [/] v2.txt`` made Textual's markup parser raise inside the toast and the reader crashed;
``[translation] must be a table`` lost ``[translation]``; ``[@click=app.quit]`` in a name became an action.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets._toast import Toast

from bilingual_reader.tui.app import create_app
from bilingual_reader.tui.services import ReaderServices

from .pilot_helpers import settle, wait_until


@pytest.mark.parametrize("name", ["draft [/] v2.txt", "[translation].txt", "[@click=app.quit]x[/].txt"])
async def test_a_bad_file_named_like_markup_is_reported_as_written(
    shipped_glossary_path: Path, tmp_path: Path, name: str
) -> None:
    app = create_app(None, ReaderServices(shipped_glossary_path, engine_factory=lambda: None))
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        await settle(app, pilot)
        missing = tmp_path / name
        app.open_article(missing)
        await settle(app, pilot)

        def toasts() -> list[str]:
            return [str(toast.render()) for toast in app.screen.query(Toast)]

        await wait_until(pilot, lambda: any(name in text for text in toasts()), "a notice names the file")
        assert any(name in text for text in toasts()), toasts()
        assert app.is_running
