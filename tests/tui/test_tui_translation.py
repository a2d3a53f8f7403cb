"""The reader's translation flows with Pilot: English streaming in, r, e, A, cancelling, model installs."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator, Iterator, Sequence
from pathlib import Path
from typing import Any, ClassVar

import pytest
import pytest_asyncio
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.pilot import Pilot
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Header, Input, OptionList, Static, TextArea

from bilingual_reader.documents.articles import Article, article_from_text
from bilingual_reader.translation.engines.base import Hypothesis, SentenceTranslation
from bilingual_reader.translation.memory import TranslationMemory
from bilingual_reader.translation.packages import InstalledModel, installed_model
from bilingual_reader.translation.pipeline import ParagraphResult
from bilingual_reader.tui.reader import translation_actions
from bilingual_reader.tui.reader.alternatives import AlternativesScreen, paragraph_with
from bilingual_reader.tui.reader.english_editor import BLANK_HINT, EnglishEditor
from bilingual_reader.tui.reader.translation import EngineFactory, TranslationController, default_engine
from bilingual_reader.tui.reader.translation_messages import (
    EDITED_MARK,
    ParagraphTranslated,
    english_text,
    status_text,
)
from bilingual_reader.tui.widgets.model_install import ModelCommands, ModelInstallScreen

from .pilot_helpers import choose, settle

ROOT = Path(__file__).resolve().parents[2]
TRAINED = ROOT / "tests" / "fixtures" / "argos" / "translate-th_en-test.argosmodel"
PAIRS = [
    ("กองทัพบกจัดซื้อปืนใหญ่อัตตาจรใหม่", "The army bought new self-propelled artillery."),
    ("ทหารสวมเสื้อเกราะระหว่างการฝึก", "The soldiers wore body armor during the exercise."),
    ("กองทัพเรือได้รับเรือดำน้ำลำแรก", "The navy received its first submarine."),
    ("โดรนบินเหนือฐานทัพ", "A drone flew over the base."),
]
ENGLISH = dict(PAIRS)


def article(pairs: Sequence[tuple[str, str]] = PAIRS, title: str = "Defense news") -> Article:
    """An article whose paragraphs are the Thai of ``pairs``."""
    return article_from_text("\n".join(thai for thai, _ in pairs), title=title)


class Slot(Widget):
    """A stand-in for the reader's English slot: ``translation`` once known, else ``status``."""

    DEFAULT_CSS = "Slot { height: auto; }"
    translation: reactive[str] = reactive("", layout=True)
    status: reactive[str] = reactive("", layout=True)

    def render(self) -> str:
        return self.translation or self.status


class HostScreen(Screen[None]):
    """N paragraphs of Thai, each with an English slot; the translation keys; a record of what arrived."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "retranslate"),
        Binding("e", "edit_english"),
        Binding("A", "alternatives"),
    ]

    def action_retranslate(self) -> None:
        translation_actions.retranslate(self.translation, self.paragraph)

    def action_edit_english(self) -> None:
        translation_actions.edit_english(self.translation, self.paragraph)

    def action_alternatives(self) -> None:
        translation_actions.alternatives(self.translation, self.paragraph)

    def action_install_model(self) -> None:
        translation_actions.install_model(self.translation)

    def __init__(self, engine_factory: EngineFactory) -> None:
        super().__init__()
        self.translation = TranslationController(engine_factory=engine_factory)
        self.paragraph = 0
        self.arrived: list[int] = []

    def compose(self) -> ComposeResult:
        yield Header()
        for index, thai in enumerate(PAIRS):
            yield Static(thai[0])
            yield Slot(id=f"english-{index}")
        yield self.translation

    def on_paragraph_translated(self, message: ParagraphTranslated) -> None:
        self.arrived.append(message.result.index)


class HostApp(App[None]):
    """Hosts the screen above; offers the model installer in the command palette."""

    COMMANDS = App.COMMANDS | {ModelCommands}

    def __init__(self, engine_factory: EngineFactory = default_engine) -> None:
        super().__init__()
        self.host = HostScreen(engine_factory)
        self.notices: list[str] = []

    def notify(self, message: str, **kwargs: Any) -> None:
        """Record the notification, then show it."""
        self.notices.append(message)
        super().notify(message, **kwargs)

    def on_mount(self) -> None:
        self.push_screen(self.host)


def shown(app: HostApp) -> list[str]:
    """What each English slot shows."""
    return [str(app.host.query_one(f"#english-{i}", Slot).render()) for i in range(len(PAIRS))]


class GatedEngine:
    """Upper-cased reference English; waits after one sentence until ``gate`` opens; raises on ``fail_on``."""

    model_key = "gated@1"
    settings_key = "s"

    def __init__(self, fail_on: str = "") -> None:
        self.gate = threading.Event()
        self.waiting = threading.Event()
        self.fail_on = fail_on

    def translate(self, sentences: Sequence[str]) -> Iterator[SentenceTranslation]:
        for number, sentence in enumerate(sentences):
            if sentence == self.fail_on:
                raise RuntimeError("the model broke")
            if number == 1 and not self.gate.is_set():
                self.waiting.set()
                self.gate.wait(10)
            english = ENGLISH[sentence].upper()
            yield SentenceTranslation(sentence, english, (Hypothesis(english, -0.1),))


# Streaming -------------------------------------------------------------------------------------------------


async def test_english_streams_in_for_every_paragraph(trained_model: InstalledModel) -> None:
    app = HostApp()
    async with app.run_test(size=(100, 40)) as pilot:
        worker = app.host.translation.start(article())
        await settle(app, pilot)
        assert worker.is_finished
        assert shown(app) == [english for _, english in PAIRS]
        assert [r.source for _, r in sorted(app.host.translation.results.items())] == ["engine"] * 4
        assert app.host.translation.progress == "English 4/4 (100%)"
        assert app.host.sub_title == "English 4/4 (100%)"


async def test_visible_paragraphs_first_then_reading_order(trained_model: InstalledModel) -> None:
    app = HostApp()
    async with app.run_test(size=(100, 40)) as pilot:
        app.host.translation.start(article(), order=[2, 3])
        await settle(app, pilot)
        assert app.host.arrived == [2, 3, 0, 1]


async def test_by_default_the_paragraphs_on_screen_come_first(trained_model: InstalledModel) -> None:
    app = HostApp()
    async with app.run_test(size=(100, 6)) as pilot:
        app.host.scroll_end(animate=False, immediate=True)
        await pilot.pause()
        app.host.translation.start(article())
        await settle(app, pilot)
        assert app.host.translation.visible_paragraphs() == [1, 2, 3]
        assert app.host.arrived == [1, 2, 3, 0]


async def test_a_broken_package_beside_the_model_is_said_once_and_the_model_translates(
    trained_model: InstalledModel,
) -> None:
    """Another pair's package with a `null` metadata.json was skipped in silence (issue 15)."""
    broken = trained_model.path.parent / "translate-de_en"
    broken.mkdir()
    (broken / "metadata.json").write_text("null")
    app = HostApp()
    async with app.run_test(size=(100, 40)) as pilot:
        app.host.translation.start(article())
        await settle(app, pilot)
        app.host.translation.start(article())
        await settle(app, pilot)
        assert [n.message for n in app._notifications] == [
            f"Skipped {broken}: metadata.json is not a JSON object"
        ]
        assert shown(app) == [english for _, english in PAIRS]


async def test_reopening_makes_no_engine_calls(trained_model: InstalledModel) -> None:
    app = HostApp()
    async with app.run_test(size=(100, 40)) as pilot:
        app.host.translation.start(article())
        await settle(app, pilot)
        engine = default_engine()
        assert engine is not None
        calls = engine.calls  # type: ignore[attr-defined]
        app.host.translation.start(article())
        await settle(app, pilot)
        assert engine.calls == calls  # type: ignore[attr-defined]
        assert {r.source for r in app.host.translation.results.values()} == {"memory"}
        assert shown(app) == [english for _, english in PAIRS]


# The keys: e, r, A -----------------------------------------------------------------------------------------


async def test_edit_saves_a_post_edit_that_survives_retranslation(trained_model: InstalledModel) -> None:
    app = HostApp()
    async with app.run_test(size=(100, 40)) as pilot:
        app.host.translation.start(article())
        await settle(app, pilot)
        await pilot.press("e")
        editor = app.screen
        assert isinstance(editor, EnglishEditor)
        area = editor.query_one("#editor-text", TextArea)
        assert area.text == PAIRS[0][1]
        area.text = "The army purchased new self-propelled guns."
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert app.screen is app.host
        edited = f"The army purchased new self-propelled guns.\n{EDITED_MARK} (machine: {PAIRS[0][1]})"
        assert shown(app)[0] == edited
        with TranslationMemory() as memory:
            saved = memory.get_post_edit(article().article_id, 0, PAIRS[0][0])
        assert saved == "The army purchased new self-propelled guns."

        await pilot.press("r")
        await settle(app, pilot)
        result = app.host.translation.results[0]
        assert (result.source, result.english, result.machine) == (
            "post-edit",
            "The army purchased new self-propelled guns.",
            PAIRS[0][1],
        )
        assert shown(app)[0] == edited
        assert shown(app)[1:] == [english for _, english in PAIRS[1:]]


async def test_cancelled_edit_saves_nothing(trained_model: InstalledModel) -> None:
    app = HostApp()
    async with app.run_test(size=(100, 40)) as pilot:
        app.host.translation.start(article())
        await settle(app, pilot)
        await pilot.press("e", "x", "escape")
        await settle(app, pilot)
        assert shown(app)[0] == PAIRS[0][1]
        assert app.host.translation.results[0].source == "engine"


async def test_alternatives_are_listed_and_a_pick_is_saved(trained_model: InstalledModel) -> None:
    app = HostApp()
    async with app.run_test(size=(100, 40)) as pilot:
        app.host.translation.start(article())
        await settle(app, pilot)
        app.host.paragraph = 1
        await pilot.press("A")
        popup = app.screen
        assert isinstance(popup, AlternativesScreen)
        options = popup.query_one(OptionList)
        nbest = app.host.translation.results[1].sentences[0].nbest
        assert len(nbest) == 3
        assert nbest[0].text == PAIRS[1][1]
        assert options.option_count == 1 + len(nbest)
        labels = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert labels[0] == f"Sentence 1: {PAIRS[1][0]}"
        assert labels[1:] == [f"{h.score:7.3f}  {h.text}" for h in nbest]
        await pilot.press("down", "enter")
        await settle(app, pilot)
        assert app.screen is app.host
        assert shown(app)[1] == f"{nbest[1].text}\n{EDITED_MARK} (machine: {nbest[0].text})"
        with TranslationMemory() as memory:
            assert memory.get_post_edit(article().article_id, 1, PAIRS[1][0]) == nbest[1].text


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def untranslated() -> AsyncIterator[Pilot[None]]:
    """One host without an engine, nothing translated, for the cases that press a key or use the install
    dialog and install nothing (a start-up is most of a test's cost): each starts with ``as_opened``."""
    app = HostApp(engine_factory=lambda: None)
    async with app.run_test(size=(100, 40)) as pilot:
        yield pilot


async def as_opened(pilot: Pilot[None]) -> HostApp:
    """Close what is open over the shared host, forget what it said, and check it is as it opened: on top,
    nothing translated, nothing shown, nothing said; gives it."""
    app = pilot.app
    assert isinstance(app, HostApp)
    while app.screen is not app.host and len(app.screen_stack) > 2:
        await app.pop_screen()
    app.notices.clear()  # what the last case was told
    app.clear_notifications()
    await settle(app, pilot)
    said = (app.notices, list(app._notifications))
    assert (app.screen, app.host.translation.results, app.host.arrived, *said) == (app.host, {}, [], [], [])
    assert shown(app) == [""] * len(PAIRS)
    return app


@pytest.mark.asyncio(loop_scope="module")
async def test_no_alternatives_before_translation(untranslated: Pilot[None]) -> None:
    pilot = untranslated
    app = await as_opened(pilot)
    await pilot.press("A")
    assert app.screen is app.host


# Cancellation and failures ---------------------------------------------------------------------------------


async def test_cancel_stops_the_job() -> None:
    engine = GatedEngine()
    app = HostApp(engine_factory=lambda: engine)
    async with app.run_test(size=(100, 40)) as pilot:
        worker = app.host.translation.start(article())
        assert await asyncio.to_thread(engine.waiting.wait, 10)
        app.host.translation.cancel()
        engine.gate.set()
        await settle(app, pilot)
        assert worker.is_cancelled
        assert app.host.arrived == [0]
        assert shown(app)[0] == PAIRS[0][1].upper()
        assert shown(app)[1:] == ["Translating…"] * 3
        assert app.host.translation.progress == "English 1/4 (25%)"


async def test_opening_another_article_cancels_the_running_job() -> None:
    engine = GatedEngine()
    app = HostApp(engine_factory=lambda: engine)
    async with app.run_test(size=(100, 40)) as pilot:
        first = app.host.translation.start(article())
        assert await asyncio.to_thread(engine.waiting.wait, 10)
        other = article(list(reversed(PAIRS)), title="Other")
        engine.gate.set()
        second = app.host.translation.start(other)
        await settle(app, pilot)
        assert first.is_cancelled
        assert second.is_finished
        assert shown(app) == [english.upper() for _, english in reversed(PAIRS)]
        assert app.host.translation.progress == "English 4/4 (100%)"


async def test_leaving_the_screen_cancels_its_job() -> None:
    engine = GatedEngine()
    app = HostApp(engine_factory=lambda: engine)
    async with app.run_test(size=(100, 40)) as pilot:
        old = app.host
        worker = old.translation.start(article())
        assert await asyncio.to_thread(engine.waiting.wait, 10)
        await app.switch_screen(HostScreen(lambda: None))
        engine.gate.set()
        await settle(app, pilot)
        assert worker.is_cancelled
        # Nothing after the paragraph in flight when the screen left. That one reaches the old screen only
        # if the screen is not closed yet when the worker posts it: a race the test cannot order.
        assert old.arrived in ([], [0])


async def test_a_failed_paragraph_says_so_and_the_rest_translate() -> None:
    engine = GatedEngine(fail_on=PAIRS[2][0])
    engine.gate.set()
    app = HostApp(engine_factory=lambda: engine)
    async with app.run_test(size=(100, 40)) as pilot:
        app.host.translation.start(article())
        await settle(app, pilot)
        texts = shown(app)
        assert texts[2] == "⚠ Translation failed: RuntimeError: the model broke"
        assert [texts[i] for i in (0, 1, 3)] == [PAIRS[i][1].upper() for i in (0, 1, 3)]
        assert app.host.translation.progress == "English 4/4 (100%)"
        assert app.is_running


async def test_a_crashing_engine_is_reported_and_the_app_keeps_running() -> None:
    def broken() -> None:
        raise OSError("cannot read model.bin")

    app = HostApp(engine_factory=broken)
    async with app.run_test(size=(100, 40)) as pilot:
        app.host.translation.start(article())
        await settle(app, pilot)
        assert shown(app) == ["⚠ Translation failed: OSError: cannot read model.bin"] * 4
        assert app.notices == ["Translation failed: OSError: cannot read model.bin"]
        assert app.is_running


async def test_a_crashing_retranslation_is_reported_and_the_english_stays() -> None:
    engine = GatedEngine()
    engine.gate.set()
    calls: list[int] = []

    def once() -> GatedEngine:
        calls.append(1)
        if len(calls) > 1:  # the call for r
            raise OSError("model.bin vanished")
        return engine

    app = HostApp(engine_factory=once)
    async with app.run_test(size=(100, 40)) as pilot:
        app.host.translation.start(article())
        await settle(app, pilot)
        await pilot.press("r")
        await settle(app, pilot)
        assert shown(app)[0] == PAIRS[0][1].upper()
        assert app.notices[-1] == "Retranslation failed: OSError: model.bin vanished"
        assert app.is_running


# Installing a model ----------------------------------------------------------------------------------------


async def test_without_a_model_the_header_says_so_then_install_from_a_file() -> None:
    app = HostApp()
    async with app.run_test(size=(100, 40)) as pilot:
        app.host.translation.start(article())
        await settle(app, pilot)
        assert shown(app) == [""] * 4  # the reader says it once, in a banner; no paragraph repeats it
        assert app.host.sub_title == "No translation model"
        await pilot.press("ctrl+p")
        await choose(app, pilot, "Install Thai")
        dialog = app.screen
        assert isinstance(dialog, ModelInstallScreen)
        dialog.query_one("#install-path", Input).value = str(TRAINED)
        await pilot.click("#install-file")
        await settle(app, pilot)
        assert app.screen is app.host
        model = installed_model()
        assert model is not None and model.name == "translate-th_en-test"
        assert shown(app) == [english for _, english in PAIRS]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"not a zip", "bad.argosmodel: not a valid zip archive"),
        (None, "bad.argosmodel: no such file"),
    ],
    ids=["not-a-zip", "missing"],
)
@pytest.mark.asyncio(loop_scope="module")
async def test_a_bad_file_installs_nothing_and_says_why_in_one_line(
    untranslated: Pilot[None], tmp_path: Path, content: bytes | None, expected: str
) -> None:
    pilot = untranslated
    app = await as_opened(pilot)
    bad = tmp_path / "bad.argosmodel"
    if content is not None:
        bad.write_bytes(content)
    dialog = ModelInstallScreen()
    await app.push_screen(dialog)
    dialog.query_one("#install-path", Input).value = str(bad)
    await pilot.press("enter")
    await settle(app, pilot)
    message = str(dialog.query_one("#install-message", Static).render())
    assert app.screen is dialog
    assert message.startswith(f"{bad.parent}/{expected}")
    assert "\n" not in message
    assert dialog.query_one("#install-message").has_class("-error")
    assert installed_model() is None


@pytest.mark.asyncio(loop_scope="module")
async def test_the_index_offline_fails_fast_with_one_line(untranslated: Pilot[None]) -> None:
    pilot = untranslated
    app = await as_opened(pilot)
    dialog = ModelInstallScreen()
    await app.push_screen(dialog)
    await pilot.click("#install-index")
    await settle(app, pilot)
    message = str(dialog.query_one("#install-message", Static).render())
    assert message.startswith("package index file://")
    assert "unreachable" in message
    assert "\n" not in message
    assert installed_model() is None


# Rendering helpers -----------------------------------------------------------------------------------------


def _result(**changes: object) -> ParagraphResult:
    base: dict[str, object] = {"index": 0, "thai": "ทหาร", "english": "Soldiers.", "source": "engine"}
    return ParagraphResult(**{**base, **changes})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("result", "english", "status"),
    [
        (_result(), "Soldiers.", ""),
        (_result(source="post-edit"), f"Soldiers.\n{EDITED_MARK}", ""),
        (
            _result(source="post-edit", machine="Soldier."),
            f"Soldiers.\n{EDITED_MARK} (machine: Soldier.)",
            "",
        ),
        (_result(source="post-edit", machine="Soldiers."), f"Soldiers.\n{EDITED_MARK}", ""),
        (
            _result(english="ทหาร ทหาร", flags=("thai-script", "echo")),
            "ทหาร ทหาร\n⚠ Thai script left in the English; the output repeats the Thai source",
            "",
        ),
        (
            _result(english="", source="failed", error="translation failed: ValueError: bad"),
            "",
            "⚠ Translation failed: ValueError: bad",
        ),
        (_result(english=""), "(the model gave no English)", ""),
    ],
    ids=["plain", "edited", "edited-mt", "edited-same", "flagged", "failed", "empty"],
)
def test_what_a_slot_shows(result: ParagraphResult, english: str, status: str) -> None:
    assert (english_text(result), status_text(result)) == (english, status)


@pytest.mark.parametrize(
    ("sentence", "text", "expected"),
    [(0, "One!", "One! Two."), (1, "Deux.", "One. Deux."), (1, "", "One.")],
)
def test_paragraph_with_an_alternative(sentence: int, text: str, expected: str) -> None:
    sentences = [SentenceTranslation("หนึ่ง", "One.", ()), SentenceTranslation("สอง", "Two.", ())]
    assert paragraph_with(sentences, sentence, text) == expected


async def test_post_edits_imported_from_a_cat_tool_show_as_edited(
    trained_model: InstalledModel, tmp_path: Path
) -> None:
    """translate --format xliff, a translator edits one target, memory import: the reader shows the edit."""
    from bilingual_reader.documents.bilingual import read_bilingual, xliff_bytes
    from bilingual_reader.translation.exchange import import_post_edits

    source = article()
    machine = [ENGLISH.get(p, "") for p in source.paragraphs]
    data = xliff_bytes("news.txt", source.paragraphs, machine)
    edited = data.replace(f">{PAIRS[1][1]}</target>".encode(), b">Edited in the CAT tool.</target>", 1)
    path = tmp_path / "news.xlf"
    path.write_bytes(edited)
    with TranslationMemory() as memory:
        report = import_post_edits(read_bilingual(path), memory)
    assert (report.saved, report.skipped) == (1, len(source.paragraphs) - 1)
    app = HostApp()
    async with app.run_test(size=(100, 40)) as pilot:
        app.host.translation.start(source)
        await settle(app, pilot)
        index = source.paragraphs.index(PAIRS[1][0])
        assert shown(app)[index] == f"Edited in the CAT tool.\n{EDITED_MARK}"


async def test_saving_blank_english_keeps_the_editor_and_points_to_revert(
    trained_model: InstalledModel,
) -> None:
    """ctrl+s on an emptied editor saves nothing, leaves the editor open and says how to revert or cancel."""
    app = HostApp()
    async with app.run_test(size=(100, 40)) as pilot:
        app.host.translation.start(article())
        await settle(app, pilot)
        await pilot.press("e")
        editor = app.screen
        assert isinstance(editor, EnglishEditor)
        editor.query_one("#editor-text", TextArea).text = "   "
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert app.screen is editor
        assert [n.message for n in app._notifications] == [BLANK_HINT]
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.screen is not editor
        assert shown(app)[0] == PAIRS[0][1]
        assert app.host.translation.results[0].source == "engine"
