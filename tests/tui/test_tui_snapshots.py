"""SVG snapshots of the reader, wide and narrow (update with ``pytest --snapshot-update``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from bilingual_reader.tui.app import ReaderApp, create_app

from .pilot_helpers import move_to, reader, settle


async def _segmented(pilot: Pilot[None]) -> None:
    app = pilot.app
    assert isinstance(app, ReaderApp)
    await settle(app, pilot)


async def _popup_on_term(pilot: Pilot[None]) -> None:
    app = pilot.app
    assert isinstance(app, ReaderApp)
    await settle(app, pilot)
    await move_to(pilot, reader(app), "ปืนใหญ่อัตตาจร")
    await pilot.press("enter")
    await pilot.pause()


def test_wide_reader(snap_compare: Any, article_path: Path, glossary_path: Path) -> None:
    app = create_app(article_path, glossary_path)
    assert snap_compare(app, terminal_size=(160, 45), run_before=_segmented)


def test_narrow_reader(snap_compare: Any, article_path: Path, glossary_path: Path) -> None:
    app = create_app(article_path, glossary_path)
    assert snap_compare(app, terminal_size=(80, 30), run_before=_segmented)


def test_wide_popup(snap_compare: Any, article_path: Path, glossary_path: Path) -> None:
    app = create_app(article_path, glossary_path)
    assert snap_compare(app, terminal_size=(160, 45), run_before=_popup_on_term)


def test_narrow_popup(snap_compare: Any, article_path: Path, glossary_path: Path) -> None:
    app = create_app(article_path, glossary_path)
    assert snap_compare(app, terminal_size=(80, 30), run_before=_popup_on_term)
