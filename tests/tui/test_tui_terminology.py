"""The reader's terminology review: badges, term marks, alignment both ways, the findings panel, jumps,
dismissals, the popup's approved-vs-used block and the unsteered original (English set on the results)."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from bilingual_reader.glossary.models import Concept, Term
from bilingual_reader.glossary.store import Glossary
from bilingual_reader.qa.dismissals import ReviewStore
from bilingual_reader.qa.findings import Counts
from bilingual_reader.translation.packages import InstalledModel
from bilingual_reader.translation.pipeline import ParagraphResult
from bilingual_reader.translation.steering import SentenceSteering
from bilingual_reader.tui.app import ReaderApp, create_app
from bilingual_reader.tui.glossary.entry_form import EntryForm
from bilingual_reader.tui.reader.english_marks import STEERED_NOTE, UNSTEERED_NOTE
from bilingual_reader.tui.reader.english_view import EnglishView
from bilingual_reader.tui.reader.findings_panel import FindingsPanel
from bilingual_reader.tui.reader.screen import ReaderScreen
from bilingual_reader.tui.reader.term_badge import TermBadge
from bilingual_reader.tui.reader.translation_messages import ParagraphTranslated

from .pilot_helpers import (
    choose,
    find_token,
    move_to,
    popup_text,
    reader,
    settle,
    shown_popup,
    started,
    type_into,
)

# The conftest article: ¶1 has ปืนใหญ่อัตตาจร (self-propelled gun; "automatic artillery" forbidden) and
# รถถังหนัก (main battle tank); ¶2 has เสื้อเกราะ (body armour).
ENGLISH = (
    "The army bought 18 automatic artillery pieces and K2 heavy tanks.",
    "Soldiers received body armor, helmets and medical supplies from the Defence Ministry.",
)


async def translated(app: ReaderApp, pilot: Pilot[None], *results: ParagraphResult) -> ReaderScreen:
    """Settle the reader (no model installed), then give it English as the translation worker would."""
    await settle(app, pilot)
    screen = reader(app)
    for result in results or [_result(i, text) for i, text in enumerate(ENGLISH)]:
        screen.translation.post_message(ParagraphTranslated(screen.article.article_id, result))
    await settle(app, pilot)  # the check runs in a worker
    return screen


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def reviewing(module_article_path: Path, module_glossary_path: Path) -> AsyncIterator[Pilot[None]]:
    """One reader with ``ENGLISH`` checked, for the cases that only look, move the cursor, open the panel, the
    popup or the palette and jump (a start-up is most of a test's cost): each starts it as it opened."""
    app = create_app(module_article_path, module_glossary_path)
    async with app.run_test(size=(160, 40)) as pilot:
        await translated(app, pilot)
        yield pilot


async def as_opened(pilot: Pilot[None]) -> tuple[ReaderApp, ReaderScreen]:
    """Put the shared reader back as it opened (nothing over it, ``ENGLISH`` checked and shown, the cursor on
    the first word); checks it. A case may give it other English or none, or show the unsteered original:
    the English is then given again as the fixture gave it."""
    app = pilot.app
    assert isinstance(app, ReaderApp)
    screen = reader(app)
    while app.screen is not screen:
        await app.pop_screen()
    if shown_popup(app) is not None:
        await pilot.press("escape")
    shown = tuple(english(screen, i).translation for i in range(len(ENGLISH)))
    if shown != ENGLISH or screen.terminology.show_unsteered:
        screen.terminology.show_unsteered = False
        await translated(app, pilot)
    await pilot.press("home")
    await settle(app, pilot)
    where = (app.screen, shown_popup(app), screen.text.cursor.paragraph, screen.text.cursor.text())
    assert where == (screen, None, 0, "กองทัพบก")
    assert (english(screen, 0).highlighted, english(screen, 0).notes, english(screen, 1).notes) == (
        None,
        (),
        (),
    )
    assert tuple(english(screen, i).translation for i in range(len(ENGLISH))) == ENGLISH
    assert [badge(screen, 0).counts, badge(screen, 1).counts] == [
        Counts(missing=1, forbidden=1),
        Counts(ok=1),
    ]
    assert not screen.terminology.show_unsteered
    return app, screen


def _result(index: int, english: str, **kwargs: object) -> ParagraphResult:
    return ParagraphResult(index, "", english, "engine", machine=english, **kwargs)  # type: ignore[arg-type]


def badge(screen: ReaderScreen, index: int) -> TermBadge:
    return screen.text.paragraphs.badge(index)


def english(screen: ReaderScreen, index: int) -> EnglishView:
    return screen.text.paragraphs.english(index)


def status_of(screen: ReaderScreen, text: str) -> str | None:
    paragraph, token = find_token(screen, text)
    return screen.text.paragraphs.all_thai()[paragraph].term_status(token)


@pytest.mark.asyncio(loop_scope="module")
async def test_badges_count_and_thai_terms_are_marked(reviewing: Pilot[None]) -> None:
    _app, screen = await as_opened(reviewing)
    assert badge(screen, 0).counts == Counts(ok=0, missing=1, forbidden=1)
    assert badge(screen, 1).counts == Counts(ok=1)
    assert str(badge(screen, 0).render()) == "✓0 ✗1 ⚠1"
    assert str(badge(screen, 1).render()) == "✓1 ✗0 ⚠0"
    cases = [("ปืนใหญ่อัตตาจร", "forbidden"), ("รถถังหนัก", "missing"), ("เสื้อเกราะ", "ok"), ("ทหาร", None)]
    assert [status_of(screen, thai) for thai, _ in cases] == [status for _, status in cases]


@pytest.mark.asyncio(loop_scope="module")
async def test_untranslated_paragraphs_have_no_badge(reviewing: Pilot[None]) -> None:
    pilot = reviewing
    app, screen = await as_opened(pilot)
    screen.translation.restart()  # no model installed: the job fails and no English is left
    await settle(app, pilot)
    assert [english(screen, i).translation for i in range(len(ENGLISH))] == ["", ""]
    screen = await translated(app, pilot, _result(1, ENGLISH[1]))
    assert badge(screen, 0).counts is None
    assert str(badge(screen, 0).render()) == ""
    assert badge(screen, 1).counts == Counts(ok=1)


@pytest.mark.asyncio(loop_scope="module")
async def test_cursor_on_a_term_highlights_its_english(reviewing: Pilot[None]) -> None:
    pilot = reviewing
    _app, screen = await as_opened(pilot)
    await move_to(pilot, screen, "ปืนใหญ่อัตตาจร")
    assert english(screen, 0).highlighted == "automatic artillery"
    await move_to(pilot, screen, "รถถังหนัก")
    assert english(screen, 0).highlighted is None
    assert english(screen, 0).notes == (
        ("✗ missing here: main battle tank (for รถถังหนัก)", "bold $text-error"),
    )
    await move_to(pilot, screen, "เสื้อเกราะ")
    assert english(screen, 1).highlighted == "body armor"
    assert (english(screen, 0).highlighted, english(screen, 0).notes) == (None, ())


@pytest.mark.asyncio(loop_scope="module")
async def test_clicking_an_english_term_moves_the_cursor_to_its_thai(reviewing: Pilot[None]) -> None:
    pilot = reviewing
    _app, screen = await as_opened(pilot)
    await move_to(pilot, screen, "เสื้อเกราะ")
    view = english(screen, 0)
    column = view.translation.index("automatic artillery") + 3
    region = screen.text.layout_.english_region(0)
    assert region is not None
    assert await pilot.click(offset=(region.x + column, region.y))
    await pilot.pause()
    assert (screen.text.cursor.paragraph, screen.text.cursor.text()) == (0, "ปืนใหญ่อัตตาจร")
    assert view.highlighted == "automatic artillery"


def option_texts(app: ReaderApp) -> list[str]:
    options = app.screen.query_one(OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


@pytest.mark.asyncio(loop_scope="module")
async def test_findings_panel_lists_findings_and_enter_jumps(reviewing: Pilot[None]) -> None:
    pilot = reviewing
    app, screen = await as_opened(pilot)
    await pilot.press("f")
    assert isinstance(app.screen, FindingsPanel)
    assert option_texts(app) == [
        "⚠ ¶1 ปืนใหญ่อัตตาจร → forbidden term used: automatic artillery  (use: self-propelled gun)",
        "✗ ¶1 รถถังหนัก → missing  (use: main battle tank)",
        "✓ ¶2 เสื้อเกราะ → body armor",
    ]
    await pilot.press("down", "enter")
    await pilot.pause()
    current: object = app.screen  # not narrowed by the panel check above
    assert current is screen
    assert (screen.text.cursor.paragraph, screen.text.cursor.text()) == (0, "รถถังหนัก")


@pytest.mark.asyncio(loop_scope="module")
async def test_brackets_jump_between_problems(reviewing: Pilot[None]) -> None:
    pilot = reviewing
    _app, screen = await as_opened(pilot)
    seen = []
    for key in ["]", "]", "]", "[", "["]:
        await pilot.press(key)
        seen.append(screen.text.cursor.text())
    assert seen == ["ปืนใหญ่อัตตาจร", "รถถังหนัก", "รถถังหนัก", "ปืนใหญ่อัตตาจร", "ปืนใหญ่อัตตาจร"]


async def test_dismissing_a_problem_from_the_panel(article_path: Path, glossary_path: Path) -> None:
    app = create_app(article_path, glossary_path)
    async with app.run_test(size=(160, 40)) as pilot:
        screen = await translated(app, pilot)
        await pilot.press("f", "down", "x")
        assert option_texts(app)[1] == "✗ ¶1 รถถังหนัก → missing  (use: main battle tank)  dismissed"
        assert badge(screen, 0).counts == Counts(forbidden=1, dismissed=1)
        assert str(badge(screen, 0).render()) == "✓0 ✗0 ⚠1 ⊘1"
        assert str(app.screen.query_one("#findings-summary").render()).startswith("✓1 ✗0 ⚠1 ⊘1   ⏎ jump")
        assert status_of(screen, "รถถังหนัก") == "dismissed"
        await pilot.press("escape", "]", "]")
        assert screen.text.cursor.text() == "ปืนใหญ่อัตตาจร"  # the dismissed one is skipped
        article_id = screen.article.article_id
    store = ReviewStore.open()
    with Glossary.open(glossary_path) as glossary:
        concept = next(c for c in glossary.concepts() if c.headword == "รถถังหนัก")
    assert store.dismissed(article_id) == {(0, concept.id)}
    # Reopened, the dismissal holds; x in the panel restores it.
    app = create_app(article_path, glossary_path)
    async with app.run_test(size=(160, 40)) as pilot:
        screen = await translated(app, pilot)
        assert badge(screen, 0).counts == Counts(forbidden=1, dismissed=1)
        await pilot.press("f", "down", "x")
        assert badge(screen, 0).counts == Counts(missing=1, forbidden=1)
    assert store.dismissed(article_id) == frozenset()


@pytest.mark.asyncio(loop_scope="module")
async def test_popup_shows_approved_and_used(reviewing: Pilot[None]) -> None:
    pilot = reviewing
    app, screen = await as_opened(pilot)
    expected = {
        "ปืนใหญ่อัตตาจร": ("Approved: self-propelled gun\nUsed:     ⚠ forbidden term used: automatic artillery"),
        "รถถังหนัก": "Approved: main battle tank\nUsed:     ✗ missing",
        "เสื้อเกราะ": "Approved: body armour\nUsed:     ✓ body armor",
    }
    for thai, block in expected.items():
        await move_to(pilot, screen, thai)
        await pilot.press("enter")
        await pilot.pause()
        assert f"In this paragraph's English:\n{block}\n" in popup_text(app)
        await pilot.press("escape")


@pytest.mark.asyncio(loop_scope="module")
async def test_unsteered_original_is_marked_and_toggled(reviewing: Pilot[None]) -> None:
    pilot = reviewing
    app, _screen = await as_opened(pilot)
    steered = "The army bought 18 self-propelled guns and K2 heavy tanks."
    steering = (SentenceSteering("กองทัพบก…", steered, ENGLISH[0], "prefix"),)
    screen = await translated(app, pilot, _result(0, steered, steering=steering), _result(1, ENGLISH[1]))
    view = english(screen, 0)
    assert (view.translation, view.notes) == (steered, (STEERED_NOTE,))
    assert english(screen, 1).notes == ()
    await pilot.press("o")
    assert (view.translation, view.notes, view.marks) == (ENGLISH[0], (UNSTEERED_NOTE,), ())
    assert english(screen, 1).translation == ENGLISH[1]
    await pilot.press("o")
    assert (view.translation, view.notes) == (steered, (STEERED_NOTE,))
    assert badge(screen, 0).counts == Counts(ok=1, missing=1)


async def test_post_edit_and_glossary_change_recheck(article_path: Path, glossary_path: Path) -> None:
    app = create_app(article_path, glossary_path)
    async with app.run_test(size=(160, 40)) as pilot:
        screen = await translated(app, pilot)
        screen.translation.save_english(0, "The army bought 18 self-propelled guns and K2 main battle tanks.")
        await settle(app, pilot)
        assert badge(screen, 0).counts == Counts(ok=2)
        glossary = screen.glossary
        assert glossary is not None
        glossary.add(Concept("equipment", (Term("หมวกเหล็ก", "th"), Term("steel helmet", "en"))))
        screen.resegment()
        await settle(app, pilot)
        assert badge(screen, 1).counts == Counts(ok=1, missing=1)
        assert status_of(screen, "หมวกเหล็ก") == "missing"


async def test_with_the_trained_model_steering_and_check(
    trained_model: InstalledModel, glossary_path: Path, tmp_path: Path
) -> None:
    article = tmp_path / "news.txt"
    article.write_text("ทหารสวมเสื้อเกราะระหว่างการฝึก\nปืนใหญ่อัตตาจรเคลื่อนที่ไปยังชายแดน\n", encoding="utf-8")
    app = create_app(article, glossary_path)
    async with started(app, (160, 40)) as (pilot, screen):
        results = screen.translation.results
        assert results[0].english == "The soldiers wore body armor during the exercise."
        assert results[1].unsteered == "The self-propelled artillery moved to the border."
        # The raw translation missed "self-propelled gun": steering forced it in and the check turned ok.
        assert [s.method for s in results[1].steering] == ["prefix"]
        assert "self-propelled gun" in results[1].english
        assert [badge(screen, 0).counts, badge(screen, 1).counts] == [Counts(ok=1), Counts(ok=1)]
        view = english(screen, 1)
        assert view.notes == (STEERED_NOTE,)
        await move_to(pilot, screen, "ปืนใหญ่อัตตาจร")
        assert view.highlighted == "self-propelled gun"
        await pilot.press("o")
        assert (view.translation, view.notes) == (
            "The self-propelled artillery moved to the border.",
            (UNSTEERED_NOTE,),
        )


@pytest.mark.asyncio(loop_scope="module")
async def test_palette_opens_the_findings_and_jumps(reviewing: Pilot[None]) -> None:
    pilot = reviewing
    app, screen = await as_opened(pilot)
    for query, expected in [("next problem", "ปืนใหญ่อัตตาจร"), ("next problem", "รถถังหนัก")]:
        await pilot.press("ctrl+p")
        await choose(app, pilot, query)
        assert screen.text.cursor.text() == expected
    await pilot.press("ctrl+p")
    await choose(app, pilot, "findings")
    assert isinstance(app.screen, FindingsPanel)


@pytest.mark.asyncio(loop_scope="module")
async def test_translating_again_clears_the_old_findings(reviewing: Pilot[None]) -> None:
    pilot = reviewing
    app, screen = await as_opened(pilot)
    await move_to(pilot, screen, "รถถังหนัก")
    assert english(screen, 0).notes != ()
    screen.translation.restart()  # no model installed: the job fails and no English is left
    await settle(app, pilot)
    assert (screen.terminology.findings, badge(screen, 0).counts, english(screen, 0).notes) == (
        {},
        None,
        (),
    )
    assert status_of(screen, "รถถังหนัก") is None


async def _reviewing(pilot: Pilot[None]) -> None:
    app = pilot.app
    assert isinstance(app, ReaderApp)
    screen = await translated(app, pilot)
    await move_to(pilot, screen, "รถถังหนัก")


def test_snapshot_terminology(snap_compare: Any, article_path: Path, glossary_path: Path) -> None:
    app = create_app(article_path, glossary_path)
    assert snap_compare(app, terminal_size=(140, 14), run_before=_reviewing)


async def _panel(pilot: Pilot[None]) -> None:
    await _reviewing(pilot)
    await pilot.press("f")


def test_snapshot_findings_panel(snap_compare: Any, article_path: Path, glossary_path: Path) -> None:
    app = create_app(article_path, glossary_path)
    assert snap_compare(app, terminal_size=(100, 16), run_before=_panel)


async def test_adding_a_term_from_the_popup_checks_it(article_path: Path, glossary_path: Path) -> None:
    app = create_app(article_path, glossary_path)
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await translated(app, pilot)
        await move_to(pilot, screen, "หมวกเหล็ก")
        await pilot.press("enter", "a")
        form = app.screen
        assert isinstance(form, EntryForm)
        await type_into(pilot, form.query_one("#english", Input), "steel helmet ; helmet")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert badge(screen, 1).counts == Counts(ok=2)
        assert "Approved: steel helmet\nUsed:     ✓ helmets" in popup_text(app)


async def test_other_checks_show_in_the_badge_panel_and_brackets(
    article_path: Path, glossary_path: Path
) -> None:
    """The English of ¶1 drops the number 18: a numbers finding, beside the term findings."""
    app = create_app(article_path, glossary_path)
    async with app.run_test(size=(160, 40)) as pilot:
        dropped = ENGLISH[0].replace("18 ", "")
        screen = await translated(app, pilot, _result(0, dropped), _result(1, ENGLISH[1]))
        assert str(badge(screen, 0).render()) == "✓0 ✗1 ⚠1 !1"
        assert str(badge(screen, 1).render()) == "✓1 ✗0 ⚠0"
        await pilot.press("f")
        texts = option_texts(app)
        assert texts[-1] == "! ¶1 numbers: the number 18 is not in the English  [18]"
        assert str(app.screen.query_one("#findings-summary").render()).startswith("✓1 ✗1 ⚠1 !1   ⏎ jump")
        await pilot.press("end", "enter")
        assert app.screen is screen and (screen.text.cursor.paragraph, screen.text.cursor.text()) == (0, "18")
        seen = []
        for key in ["home", "]", "]", "]", "[", "["]:
            await pilot.press(key)
            seen.append(screen.text.cursor.text())
        assert seen[1:] == ["ปืนใหญ่อัตตาจร", "18", "รถถังหนัก", "18", "ปืนใหญ่อัตตาจร"]  # reading order
        await pilot.press("f", "end", "x")
        assert option_texts(app)[-1].endswith("dismissed")
        await pilot.press("escape")
        assert str(badge(screen, 0).render()) == "✓0 ✗1 ⚠1"
    store = ReviewStore.open()
    assert store.dismissed_checks(screen.article.article_id) == {(0, "numbers:missing-number:18")}
    store.close()


class LastCheckAppliedFirst:
    """The checking worker's lock, taken by the worker only once the UI thread has applied all it posted and
    found the worker still checking: the interleaving in which the last paragraph's findings arrive before
    the worker has seen there is no more to check (rare, under load; the popup then never reopened)."""

    def __init__(self, screen: ReaderScreen) -> None:
        self.controller = screen.terminology
        self.lock = threading.Lock()
        self.changed = threading.Condition()
        self.found_checking = 0
        self.seen = 0
        self.posted = False
        announce = self.controller._announce_settled

        def announce_settled() -> None:
            if self.controller._in_flight == 0 and self.controller._checking:
                with self.changed:
                    self.found_checking += 1
                    self.changed.notify_all()
            announce()

        self.controller._announce_settled = announce_settled  # type: ignore[method-assign]

    def __enter__(self) -> None:
        if threading.current_thread() is not threading.main_thread() and self.posted:
            with self.changed:
                assert self.changed.wait_for(lambda: self.found_checking > self.seen, timeout=30)
        self.lock.acquire()

    def __exit__(self, *_: object) -> None:
        if threading.current_thread() is not threading.main_thread():
            self.posted = self.controller._in_flight > 0
            self.seen = self.found_checking
        self.lock.release()


async def test_a_saved_term_reopens_its_popup_when_the_last_check_lands_before_the_worker_stops(
    article_path: Path, glossary_path: Path
) -> None:
    app = create_app(article_path, glossary_path)
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await translated(app, pilot)
        interleaving = LastCheckAppliedFirst(screen)
        screen.terminology._check_lock = interleaving  # type: ignore[assignment]
        await move_to(pilot, screen, "หมวกเหล็ก")
        await pilot.press("enter", "a")
        await type_into(pilot, app.screen.query_one("#english", Input), "steel helmet ; helmet")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert interleaving.found_checking > 0  # the interleaving happened
        assert badge(screen, 1).counts == Counts(ok=2)
        assert "Approved: steel helmet" in popup_text(app)
