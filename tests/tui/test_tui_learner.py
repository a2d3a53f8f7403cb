"""Pilot tests for the learner's loop in the reader: status keys, marking a paragraph known, the next word to
learn, colours by status, the header's counts, reading and lookups recorded, a bad learner database."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import pytest_asyncio
from textual.pilot import Pilot
from textual.widgets import Static

from bilingual_reader.learner.statuses import Status
from bilingual_reader.learner.store import LearnerStore
from bilingual_reader.tui.app import ReaderApp, create_app
from bilingual_reader.tui.reader.screen import ReaderScreen
from bilingual_reader.tui.services import ReaderServices

from .pilot_helpers import find_token, move_to, shown_popup, started, wait_until


@pytest.fixture
def store(tmp_path: Path) -> Iterator[LearnerStore]:
    opened = LearnerStore.open(tmp_path / "learner.db")
    yield opened
    opened.close()


def app_with(article_path: Path, glossary_path: Path, learner: LearnerStore | Path) -> ReaderApp:
    return create_app(article_path, ReaderServices(glossary_path, learner=learner))


@dataclass
class Shared:
    """One reader and its learner store, for the cases that mark ทหาร and then put it back."""

    pilot: Pilot[None]
    screen: ReaderScreen
    store: LearnerStore

    async def on_soldier(self, key: str, status: Status) -> None:
        """Close what is open over the reader, put the cursor on ทหาร and give it ``status`` with ``key``, as
        a reader would; checks that it worked, so that a case starts from a known state."""
        while self.pilot.app.screen is not self.screen or shown_popup(self.pilot.app) is not None:
            await self.pilot.press("escape")
        await self.pilot.press("home")
        await move_to(self.pilot, self.screen, "ทหาร")
        await self.pilot.press(key)
        assert self.store.status("ทหาร") is status
        assert self.screen.learner.status_of(self.screen.text.cursor.word()) is status  # type: ignore[arg-type]


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def shared(
    module_article_path: Path, module_glossary_path: Path, module_dirs: Path
) -> AsyncIterator[Shared]:
    """The reader the status cases share (a start-up is most of a Pilot test's cost)."""
    store = LearnerStore.open(module_dirs / "learner.db")
    try:
        app = app_with(module_article_path, module_glossary_path, store)
        async with started(app, (160, 45)) as (pilot, screen):
            yield Shared(pilot, screen, store)
    finally:
        store.close()


@pytest.mark.parametrize(
    ("key", "status"),
    [
        ("1", Status.NEW),
        ("2", Status.RECOGNIZED),
        ("3", Status.FAMILIAR),
        ("4", Status.LEARNED),
        ("5", Status.KNOWN),
        ("w", Status.WELL_KNOWN),
        ("i", Status.IGNORED),
    ],
)
@pytest.mark.asyncio(loop_scope="module")
async def test_status_keys_mark_the_word_under_the_cursor(shared: Shared, key: str, status: Status) -> None:
    pilot, screen, store = shared.pilot, shared.screen, shared.store
    await shared.on_soldier("0", Status.UNKNOWN)
    before = screen.sub_title
    await pilot.press(key)
    assert store.status("ทหาร") is status
    assert screen.learner.status_of(screen.text.cursor.word()) is status  # type: ignore[arg-type]
    assert screen.sub_title != before
    await pilot.press("0")
    assert store.status("ทหาร") is Status.UNKNOWN
    assert screen.sub_title == before


async def test_header_counts_and_colours_follow_the_marks(
    article_path: Path, glossary_path: Path, store: LearnerStore
) -> None:
    store.set_status("ทหาร", Status.NEW)
    app = app_with(article_path, glossary_path, store)
    async with started(app, (160, 45)) as (pilot, screen):
        counts = screen.learner.counts()
        assert (counts.learning, counts.known) == (1, 0)
        assert str(screen.sub_title).startswith(f"0% known · {counts.unknown} unknown · 1 learning")
        paragraph, soldier = find_token(screen, "ทหาร")
        tokens = screen.text.paragraphs.all_thai()[paragraph].tokens
        styles = screen.learner.token_styles(paragraph, tokens)
        assert styles[soldier] == "on #E69F00 60%"
        first, k2 = find_token(screen, "K2")
        _, eighteen = find_token(screen, "18")
        first_styles = screen.learner.token_styles(first, screen.text.paragraphs.all_thai()[first].tokens)
        assert k2 not in first_styles and eighteen not in first_styles  # Latin and numbers: never unknown
        _, army = find_token(screen, "กองทัพบก")
        assert first_styles[army] == "on #56B4E9 35%"
        await move_to(pilot, screen, "กองทัพบก")
        await pilot.press("w")
        assert army not in screen.learner.token_styles(first, screen.text.paragraphs.all_thai()[first].tokens)
        assert screen.learner.counts().known == 1


async def test_no_color_styles_use_bold_and_underline(
    article_path: Path, glossary_path: Path, store: LearnerStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    store.set_status("ทหาร", Status.RECOGNIZED)
    app = app_with(article_path, glossary_path, store)
    async with started(app, (160, 45)) as (_pilot, screen):
        paragraph, soldier = find_token(screen, "ทหาร")
        _, armour = find_token(screen, "เสื้อเกราะ")
        styles = screen.learner.token_styles(paragraph, screen.text.paragraphs.all_thai()[paragraph].tokens)
        assert (styles[soldier], styles[armour]) == ("underline", "bold")


async def test_mark_the_paragraph_known_then_jump_to_the_next_word_to_learn(
    article_path: Path, glossary_path: Path, store: LearnerStore
) -> None:
    store.set_status("เวชภัณฑ์", Status.FAMILIAR)
    app = app_with(article_path, glossary_path, store)
    async with started(app, (160, 45)) as (pilot, screen):
        await pilot.press("W")
        first = screen.text.paragraphs.all_thai()[0].tokens
        assert all(screen.learner.status_of(t) in (None, Status.WELL_KNOWN) for t in first)
        assert store.status("กองทัพบก") is Status.WELL_KNOWN
        assert store.status("เวชภัณฑ์") is Status.FAMILIAR  # only unknown words change
        await pilot.press("n")
        assert (screen.text.cursor.paragraph, screen.text.cursor.text()) == (1, "ทหาร")
        await pilot.press("w", "n")
        assert screen.text.cursor.text() == "ได้รับ"
        await pilot.press("N")
        assert (screen.text.cursor.paragraph, screen.text.cursor.text()) == (
            1,
            "ได้รับ",
        )  # ทหาร is well known: none above
        await pilot.press("n", "n", "N")
        assert screen.text.cursor.text() == "เสื้อเกราะ"


async def test_moving_through_a_paragraph_counts_it_read_and_lookups_are_recorded(
    article_path: Path, glossary_path: Path, store: LearnerStore
) -> None:
    app = app_with(article_path, glossary_path, store)
    async with started(app, (160, 45)) as (pilot, screen):
        assert store.conn.execute("SELECT COUNT(*) FROM reading").fetchone() == (0,)  # opening reads nothing
        await pilot.press("j")
        screen.learner.flush()
        rows = store.conn.execute("SELECT paragraph, words FROM reading").fetchall()
        assert rows == [(0, sum(1 for t in screen.text.paragraphs.all_thai()[0].tokens if t.is_word))]
        await move_to(pilot, screen, "เสื้อเกราะ")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape")
        screen.learner.flush()
        lookups = store.conn.execute("SELECT key, paragraph, sentence, title FROM lookups").fetchall()
        assert lookups == [("เสื้อเกราะ", 1, screen.article.paragraphs[1], screen.article.title)]


async def test_reading_and_lookups_are_written_together_later_and_when_the_reader_closes(
    article_path: Path, glossary_path: Path, store: LearnerStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bilingual_reader.tui.learner import controller

    monkeypatch.setattr(controller, "FLUSH_SECONDS", 3600.0)
    app = app_with(article_path, glossary_path, store)
    async with started(app, (160, 45)) as (pilot, screen):
        await pilot.press("j")
        await move_to(pilot, screen, "เสื้อเกราะ")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape")
        count = "SELECT (SELECT COUNT(*) FROM reading), (SELECT COUNT(*) FROM lookups)"
        assert store.conn.execute(count).fetchone() == (0, 0)  # queued: a key writes nothing at once
        assert screen.learner.pending == 2  # a timer writes them FLUSH_SECONDS later
    assert store.conn.execute(count).fetchone() == (1, 1)  # closing the reader wrote them


async def test_the_statistics_screen_counts_what_was_just_read(
    article_path: Path, glossary_path: Path, store: LearnerStore
) -> None:
    app = app_with(article_path, glossary_path, store)
    async with started(app, (160, 45)) as (pilot, screen):
        await pilot.press("j")
        from bilingual_reader.tui.learner.keys import show_stats

        show_stats(screen)
        assert store.conn.execute("SELECT COUNT(*) FROM reading").fetchone() == (1,)


async def test_next_word_to_learn_far_away_is_found_by_a_worker(
    article_path: Path, glossary_path: Path, store: LearnerStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bilingual_reader.tui.learner import keys

    monkeypatch.setattr(keys, "NEAR_TOKENS", 1)  # every walk past the first paragraph goes to the worker
    app = app_with(article_path, glossary_path, store)
    async with started(app, (160, 45)) as (pilot, screen):
        await pilot.press("W")  # paragraph 0 known: the next word to learn is in paragraph 1
        await pilot.press("n")
        await wait_until(pilot, lambda: screen.text.cursor.paragraph == 1, "the worker found the word")
        assert screen.text.cursor.text() == "ทหาร"
        last = len(screen.text) - 1
        screen.text.cursor.place(last, None)
        screen.text.cursor.place(last, len(screen.text.paragraphs.all_thai()[last].tokens) - 1)
        await pilot.press("n")
        await wait_until(
            pilot, lambda: any("No more" in str(n.message) for n in app._notifications), "none below"
        )
        assert screen.text.cursor.paragraph == last


async def test_a_corrupt_learner_database_still_opens_the_reader_read_only(
    article_path: Path, glossary_path: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x07" * 4000)
    app = app_with(article_path, glossary_path, bad)
    async with started(app, (160, 45)) as (pilot, screen):
        assert " learning · not saved" in str(screen.sub_title)
        assert any(str(bad) in n.message for n in app._notifications)
        await move_to(pilot, screen, "ทหาร")
        await pilot.press("3")
        assert any("read-only" in n.message for n in app._notifications)
    assert bad.read_bytes() == b"SQLite format 3\x00" + b"\x07" * 4000


@pytest.mark.parametrize(
    ("key", "status"), [("3", Status.FAMILIAR), ("w", Status.WELL_KNOWN), ("i", Status.IGNORED)]
)
@pytest.mark.asyncio(loop_scope="module")
async def test_popup_keys_choose_a_status(shared: Shared, key: str, status: Status) -> None:
    pilot, app, store = shared.pilot, shared.pilot.app, shared.store
    await shared.on_soldier("0", Status.UNKNOWN)
    await pilot.press("enter")
    await pilot.pause()
    popup = shown_popup(app)
    assert popup is not None
    assert "Status unknown" in str(popup.query_one("#popup-status", Static).render())
    await pilot.press(key)
    await pilot.pause()
    assert shown_popup(app) is None
    assert store.status("ทหาร") is status


@pytest.mark.parametrize(
    ("label", "status"), [(" 2 ", Status.RECOGNIZED), (" w well known ", Status.WELL_KNOWN)]
)
@pytest.mark.asyncio(loop_scope="module")
async def test_popup_status_choices_are_clickable(shared: Shared, label: str, status: Status) -> None:
    pilot, app, screen, store = shared.pilot, shared.pilot.app, shared.screen, shared.store
    await shared.on_soldier("1", Status.NEW)
    await pilot.press("enter")
    await pilot.pause()
    popup = shown_popup(app)
    assert popup is not None
    line = str(popup.query_one("#popup-status", Static).render())
    assert line.startswith("Status 1 new")
    await pilot.click("#popup-status", offset=(line.index(label) + 1, 0))
    await pilot.pause()
    assert app.screen is screen and shown_popup(app) is None
    assert store.status("ทหาร") is status
    assert screen.learner.status_of(screen.text.cursor.word()) is status  # type: ignore[arg-type]


@pytest.mark.asyncio(loop_scope="module")
async def test_a_number_has_no_status_choices(shared: Shared) -> None:
    pilot, app, screen, store = shared.pilot, shared.pilot.app, shared.screen, shared.store
    await shared.on_soldier("0", Status.UNKNOWN)
    assert store.words() == []  # no word has a status, as in a new store
    await pilot.press("home")
    await move_to(pilot, screen, "K2")
    await pilot.press("enter")
    await pilot.pause()
    popup = shown_popup(app)
    assert popup is not None and not popup.query_one("#popup-status").display
    await pilot.press("3")
    assert shown_popup(app) is popup  # the key does nothing here
    await pilot.press("escape")
    await pilot.press("3")
    assert store.words() == []
