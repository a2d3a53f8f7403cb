"""SVG snapshots of the learner's status colours, wide and narrow (update with ``--snapshot-update``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bilingual_reader.learner.statuses import Status
from bilingual_reader.learner.store import LearnerStore
from bilingual_reader.tui.app import create_app
from bilingual_reader.tui.services import ReaderServices

from .pilot_helpers import settle

#: One word of each status (the rest of the article stays unknown).
MARKS = {
    "กองทัพบก": Status.NEW,
    "จัดซื้อ": Status.RECOGNIZED,
    "คัน": Status.FAMILIAR,
    "และ": Status.LEARNED,
    "เพื่อ": Status.KNOWN,
    "ทหาร": Status.WELL_KNOWN,
    "ได้รับ": Status.IGNORED,
}


def _app(tmp_path: Path, article_path: Path, glossary_path: Path) -> Any:
    store = LearnerStore.open(tmp_path / "learner.db")
    for word, status in MARKS.items():
        store.set_status(word, status)
    return create_app(article_path, ReaderServices(glossary_path, learner=store))


async def _settled(pilot: Any) -> None:
    await settle(pilot.app, pilot)


def test_wide_status_colours(
    snap_compare: Any, tmp_path: Path, article_path: Path, glossary_path: Path
) -> None:
    assert snap_compare(
        _app(tmp_path, article_path, glossary_path), terminal_size=(160, 45), run_before=_settled
    )


def test_narrow_status_colours(
    snap_compare: Any, tmp_path: Path, article_path: Path, glossary_path: Path
) -> None:
    assert snap_compare(
        _app(tmp_path, article_path, glossary_path), terminal_size=(80, 30), run_before=_settled
    )


def _interlinear(tmp_path: Path, article_path: Path, glossary_path: Path) -> Any:
    app = _app(tmp_path, article_path, glossary_path)
    app.services.open_learner().set_setting("english_mode", "interlinear")
    return app


def test_wide_interlinear(snap_compare: Any, tmp_path: Path, article_path: Path, glossary_path: Path) -> None:
    app = _interlinear(tmp_path, article_path, glossary_path)
    assert snap_compare(app, terminal_size=(160, 45), run_before=_settled)


def test_narrow_interlinear(
    snap_compare: Any, tmp_path: Path, article_path: Path, glossary_path: Path
) -> None:
    app = _interlinear(tmp_path, article_path, glossary_path)
    assert snap_compare(app, terminal_size=(80, 30), run_before=_settled)
