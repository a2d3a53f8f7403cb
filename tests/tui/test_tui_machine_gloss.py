"""Machine glosses in the reader, with the real trained test model: a word no glossary entry, curated gloss
or dictionary sense knows is translated alone in a worker, kept in the translation memory and shown marked
(``*``) in the interlinear line and in the popup."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Static

from bilingual_reader.learner.glosses import short_gloss
from bilingual_reader.learner.store import LearnerStore
from bilingual_reader.translation.engines.local import LocalEngine
from bilingual_reader.translation.packages import InstalledModel
from bilingual_reader.translation.session import local_engine, open_session
from bilingual_reader.translation.settings import load_settings
from bilingual_reader.tui.app import create_app
from bilingual_reader.tui.services import ReaderServices

from .pilot_helpers import move_to, reader, settle, shown_popup

#: Sentences of the test model's corpus, with three words Thai WordNet does not know.
ARTICLE = "การเจรจาสันติภาพดำเนินต่อไป\nรัฐมนตรีกลาโหมเยือนโปแลนด์\n"
WORDS = ("สันติภาพ", "เยือน")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[LearnerStore]:
    opened = LearnerStore.open(tmp_path / "learner.db")
    yield opened
    opened.close()


def expected_glosses(memory: Path) -> dict[str, str]:
    """What the model says for each word alone, gloss-sized and marked (asked here, outside the reader)."""
    with open_session(memory_path=memory) as session:
        engine = session.engine
        assert isinstance(engine, LocalEngine)
        return {t.source: short_gloss(t.best) + "*" for t in engine.translate(WORDS)}


async def test_machine_glosses_fill_the_interlinear_line_and_the_popup(
    trained_model: InstalledModel, glossary_path: Path, store: LearnerStore, tmp_path: Path
) -> None:
    article = tmp_path / "peace.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    memory = tmp_path / "memory.db"
    expected = expected_glosses(tmp_path / "other-memory.db")
    store.set_setting("english_mode", "interlinear")
    app = create_app(article, ReaderServices(glossary_path, learner=store, memory_path=memory))
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(app, pilot)
        screen = reader(app)
        found: dict[str, str | None] = {}
        for index in range(len(screen.text)):
            thai = screen.text.paragraphs.thai(index)
            screen.text.layout_.block(index)
            found |= {t.text: thai.gloss_of(i) for i, t in enumerate(thai.tokens) if t.text in WORDS}
        assert found == expected
        assert str(found["สันติภาพ"]).endswith("*")
        # the interlinear line as drawn has the gloss under its word
        view = screen.text
        start = view.layout_.block_start(0)
        rows = [view.layout_.draw(start + r).text for r in range(len(view.layout_.block(0)[0].rows))]
        assert any(expected["สันติภาพ"] in row for row in rows)
        # the popup says it is a machine gloss
        await move_to(pilot, screen, "สันติภาพ")
        await pilot.press("enter")
        await settle(app, pilot)
        popup = shown_popup(app)
        assert popup is not None
        line = popup.query_one("#popup-machine", Static)
        assert line.display
        assert (
            str(line.render()).strip() == f"Machine gloss: {expected['สันติภาพ']}  (the word translated alone)"
        )
        await pilot.press("escape")
        # a word the dictionary knows has no machine line
        await pilot.press("h")
        assert screen.text.cursor.text() == "เจรจา"
        await pilot.press("enter")
        await settle(app, pilot)
        assert shown_popup(app) is popup
        assert not popup.query_one("#popup-machine", Static).display
    # the glosses were kept in the reader's translation memory
    shared = local_engine(load_settings())  # the engine the reader used (shared per model and settings)
    with open_session(memory_path=memory) as session:
        stored = session.memory.get_sentences(shared.model_key, shared.settings_key, WORDS)
    assert {w: short_gloss(t.best) + "*" for w, t in stored.items()} == expected


async def test_without_a_model_no_machine_gloss_is_asked_for_again(
    glossary_path: Path, store: LearnerStore, tmp_path: Path
) -> None:
    article = tmp_path / "peace.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    store.set_setting("english_mode", "interlinear")
    app = create_app(article, ReaderServices(glossary_path, learner=store))
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(app, pilot)
        screen = reader(app)
        machine = screen.learner.machine
        assert machine is not None and not machine.available  # the worker found no model, once
        thai = screen.text.paragraphs.thai(0)
        screen.text.layout_.block(0)
        assert {t.text: thai.gloss_of(i) for i, t in enumerate(thai.tokens)}["สันติภาพ"] is None
        assert not [w for w in app.workers if w.group == "machine-gloss"]
