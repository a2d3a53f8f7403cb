"""The reader with a (trained, real) Argos model installed: English streams in beside the Thai."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from bilingual_reader.translation.packages import InstalledModel
from bilingual_reader.tui.app import ReaderApp, create_app

from .pilot_helpers import move_to, popup_text, reader, settle, started

# Sentences the test model was trained on (scripts/train_test_model/corpus.tsv), so its English is exact.
PAIRS = [
    ("ทหารสวมเสื้อเกราะระหว่างการฝึก", "The soldiers wore body armor during the exercise."),
    ("กองทัพเรือได้รับเรือดำน้ำลำแรก", "The navy received its first submarine."),
    ("โดรนบินเหนือฐานทัพ", "A drone flew over the base."),
]


@pytest.fixture
def translated_article(tmp_path: Path) -> Path:
    path = tmp_path / "news.txt"
    path.write_text("\n".join(thai for thai, _ in PAIRS) + "\n", encoding="utf-8")
    return path


def english(app: ReaderApp) -> list[str]:
    text = reader(app).text
    return [text.paragraphs.english(i).translation for i in range(len(text))]


async def test_english_streams_in_for_every_paragraph(
    trained_model: InstalledModel, translated_article: Path, glossary_path: Path
) -> None:
    app = create_app(translated_article, glossary_path)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(app, pilot)
        assert english(app) == [en for _, en in PAIRS]
        assert str(reader(app).sub_title).endswith(
            " learning · English 3/3 (100%)"
        )  # after the learner's counts
        # The Thai stays usable: the cursor moves and the popup opens on a glossary term.
        await move_to(pilot, reader(app), "เสื้อเกราะ")
        await pilot.press("enter")
        await pilot.pause()
        assert "body armour" in popup_text(app)


async def test_reopening_the_article_reads_the_memory(
    trained_model: InstalledModel, translated_article: Path, glossary_path: Path
) -> None:
    for _ in range(2):
        app = create_app(translated_article, glossary_path)
        async with app.run_test(size=(160, 40)) as pilot:
            await settle(app, pilot)
            results = reader(app).translation.results
            assert [results[i].english for i in range(3)] == [en for _, en in PAIRS]
    assert {result.source for result in results.values()} == {"memory"}


async def test_without_a_model_no_paragraph_repeats_the_hint(
    translated_article: Path, glossary_path: Path
) -> None:
    app = create_app(translated_article, glossary_path)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(app, pilot)
        text = reader(app).text
        statuses = [str(text.paragraphs.english(i).render()) for i in range(len(text))]
        assert statuses == ["", "", ""]
        assert reader(app).text.has_class("-no-model")
        assert reader(app).query_one("#no-model").display


async def _translated(pilot: Pilot[None]) -> None:
    app = pilot.app
    assert isinstance(app, ReaderApp)
    await settle(app, pilot)


def test_snapshot_translated_reader(
    snap_compare: Any, trained_model: InstalledModel, translated_article: Path, glossary_path: Path
) -> None:
    app = create_app(translated_article, glossary_path)
    assert snap_compare(app, terminal_size=(120, 20), run_before=_translated)


async def test_opening_another_article_cancels_the_running_job(
    trained_model: InstalledModel, translated_article: Path, glossary_path: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other.txt"
    other.write_text("โดรนบินเหนือฐานทัพ\n", encoding="utf-8")
    app = create_app(translated_article, glossary_path)
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.pause()
        first = reader(app)
        app.open_article(other)
        await settle(app, pilot)
        # The first screen (its controller, and so its workers) is gone; none of its English leaked over.
        assert not first.is_attached and not first.translation.is_attached
        assert not [w for w in app.workers if w.node is first.translation]
        screen = reader(app)
        assert screen is not first
        assert [screen.text.paragraphs.english(i).translation for i in range(len(screen.text))] == [
            "A drone flew over the base."
        ]


async def test_a_glossary_edit_reaches_the_steering(translated_article: Path, glossary_path: Path) -> None:
    from bilingual_reader.glossary.models import Concept, Term

    app = create_app(translated_article, glossary_path)
    async with started(app, (160, 40)) as (pilot, screen):
        assert screen.glossary is not None
        with screen.glossary.transaction():
            screen.glossary.add(Concept("naval", (Term("เรือดำน้ำ", "th"), Term("submarine", "en"))))
        screen.resegment()
        await settle(app, pilot)
        assert "เรือดำน้ำ" in {c.headword for c in screen.translation.concepts}


async def test_u_reverts_a_post_edit_to_the_machine_translation(
    trained_model: InstalledModel, translated_article: Path, glossary_path: Path
) -> None:
    from textual.widgets import TextArea

    from bilingual_reader.translation.memory import TranslationMemory

    app = create_app(translated_article, glossary_path)
    notices: list[str] = []
    async with started(app, (160, 40)) as (pilot, screen):
        screen.app.notify = lambda message, **_: notices.append(message)  # type: ignore[method-assign]
        index = screen.text.cursor.paragraph
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#editor-text", TextArea).text = "My own English."
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert screen.translation.results[index].source == "post-edit"
        await pilot.press("u")
        await settle(app, pilot)
        result = screen.translation.results[index]
        assert (result.source, result.english) == ("memory", PAIRS[index][1])
        assert english(app)[index] == PAIRS[index][1]
        await pilot.press("u")
        await settle(app, pilot)
        assert notices[-1] == "This paragraph has no post-edit to revert."
    article = screen.translation.article
    assert article is not None
    with TranslationMemory() as memory:
        history = memory.post_edit_history(article.article_id, index, PAIRS[index][0])
    assert [(text, bool(reverted)) for _, text, reverted in history] == [("My own English.", True)]


async def test_a_broken_settings_file_keeps_memory_and_post_edits_in_view(
    trained_model: InstalledModel, translated_article: Path, glossary_path: Path, tmp_path: Path
) -> None:
    from bilingual_reader.translation.memory import TranslationMemory
    from bilingual_reader.translation.settings import config_path

    app = create_app(translated_article, glossary_path)
    async with app.run_test(size=(160, 40)) as pilot:  # translate the first two paragraphs into the memory
        await settle(app, pilot)
        article = reader(app).translation.article
    assert article is not None
    with TranslationMemory() as memory:
        memory.save_post_edit(article.article_id, 1, PAIRS[1][0], "Edited by me.")
    longer = tmp_path / "longer.txt"
    longer.write_text(translated_article.read_text("utf-8") + "กองทัพบกจัดซื้อปืนใหญ่อัตตาจรใหม่\n", "utf-8")
    config_path().parent.mkdir(parents=True, exist_ok=True)
    config_path().write_text('[translation]\nbeam_size = "big"\n', encoding="utf-8")
    error = f"{config_path()}:2:13: beam_size must be an integer from 1 to 16, not 'big'"

    notices: list[str] = []
    app = create_app(translated_article, glossary_path)
    async with app.run_test(size=(160, 40)) as pilot:
        app.notify = lambda message, **_: notices.append(message)  # type: ignore[method-assign]
        await settle(app, pilot)
        screen = reader(app)
        shown = english(app)
        assert (shown[0], shown[2]) == (PAIRS[0][1], PAIRS[2][1])
        assert shown[1].startswith("Edited by me.\n")
        assert str(screen.sub_title).endswith(f" learning · ⚠ {error}")  # after the learner's counts
        assert notices == [f"{error} (new translation waits for valid settings)"]
    app = create_app(longer, glossary_path)  # a paragraph the memory lacks waits; the others show
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(app, pilot)
        text = reader(app).text
        views = [text.paragraphs.english(i) for i in range(len(text))]
        assert [v.translation for v in views[:3]] == [PAIRS[0][1], PAIRS[1][1], PAIRS[2][1]]
        assert views[3].translation == ""
        assert "Waiting for valid translation settings" in views[3].status
        assert not any("SettingsError" in v.status for v in views)
