"""Pilot tests for the English display modes (beside, hidden until revealed, interlinear glosses), the
progress screen and the flashcard export from the palette."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from rich.cells import cell_len

from bilingual_reader.learner.statuses import Status
from bilingual_reader.learner.store import LearnerStore
from bilingual_reader.tui.app import ReaderApp, create_app
from bilingual_reader.tui.learner.stats_screen import StatsScreen
from bilingual_reader.tui.reader.blocks import HIDDEN_HINT
from bilingual_reader.tui.services import ReaderServices

from .pilot_helpers import EchoEngine, choose, find_token, move_to, reader, settle, started


@pytest.fixture
def store(tmp_path: Path) -> Iterator[LearnerStore]:
    opened = LearnerStore.open(tmp_path / "learner.db")
    yield opened
    opened.close()


def app_with(article_path: Path, glossary_path: Path, learner: LearnerStore) -> ReaderApp:
    services = ReaderServices(glossary_path, learner=learner, engine_factory=EchoEngine)
    return create_app(article_path, services)


def opacity(app: ReaderApp, index: int) -> float:
    """0 when paragraph ``index``'s English is drawn as the hidden hint (in its own space), else 1."""
    block = reader(app).text.layout_.block(index)[0]
    english = [row.right.text.strip() for row in block.rows if row.english and row.right is not None]
    assert english, "the paragraph has English lines"
    return 0 if english[0] == HIDDEN_HINT and not any(english[1:]) else 1


def glosses_of(app: ReaderApp, index: int) -> dict[str, str]:
    """The interlinear gloss of each word of paragraph ``index`` as laid out now ("" for none)."""
    view = reader(app).text
    view.layout_.block(index)
    thai = view.paragraphs.thai(index)
    return {t.text: thai.gloss_of(i) or "" for i, t in enumerate(thai.tokens)}


def drawn_rows(app: ReaderApp, index: int) -> list[str]:
    """The Thai column of paragraph ``index``'s block, row by row, as drawn."""
    view = reader(app).text
    frame, start = view.layout_.frame(), view.layout_.block_start(index)
    rows = len(view.layout_.block(index)[0].rows)
    return [
        view.layout_.draw(start + r).crop(frame.thai_x, frame.thai_x + frame.thai_width).text
        for r in range(rows)
    ]


async def test_m_cycles_the_modes_and_the_mode_is_remembered(
    article_path: Path, glossary_path: Path, store: LearnerStore
) -> None:
    app = app_with(article_path, glossary_path, store)
    async with started(app, (160, 45)) as (pilot, screen):
        assert screen.learner.mode == "beside"
        await pilot.press("m")
        assert (screen.learner.mode, store.setting("english_mode")) == ("hidden", "hidden")
        assert (opacity(app, 0), opacity(app, 1)) == (0, 0)
        await pilot.press("j", "v")
        assert (opacity(app, 0), opacity(app, 1)) == (0, 1)
        await pilot.press("V")
        assert opacity(app, 1) == 0
        await pilot.press("m")
        assert screen.learner.mode == "interlinear"
        assert opacity(app, 1) == 1
    # a new reader opens in the mode left
    again = app_with(article_path, glossary_path, store)
    async with again.run_test(size=(160, 45)) as pilot:
        await settle(again, pilot)
        assert reader(again).learner.mode == "interlinear"
        await pilot.press("m")
        assert reader(again).learner.mode == "beside"
        assert store.setting("english_mode") == "beside"


async def test_v_outside_the_hidden_mode_says_so(
    article_path: Path, glossary_path: Path, store: LearnerStore
) -> None:
    app = app_with(article_path, glossary_path, store)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(app, pilot)
        await pilot.press("v")
        assert any("not hidden" in n.message for n in app._notifications)


async def test_interlinear_glosses_only_words_being_learned(
    article_path: Path, glossary_path: Path, store: LearnerStore
) -> None:
    store.set_status("ทหาร", Status.RECOGNIZED)  # 2: glossed (default level)
    store.set_status("หมวกเหล็ก", Status.FAMILIAR)  # 3: not glossed
    store.set_status("ได้รับ", Status.WELL_KNOWN)
    store.set_setting("english_mode", "interlinear")
    app = app_with(article_path, glossary_path, store)
    async with started(app, (160, 45)) as (pilot, screen):
        glosses = glosses_of(app, 1)
        assert glosses["ทหาร"] == "serviceman"  # the dictionary's most common sense
        assert glosses["เสื้อเกราะ"] == "body armour"  # unknown, in the glossary: its preferred term
        assert glosses["หมวกเหล็ก"] == "" and glosses["ได้รับ"] == ""
        block = screen.text.layout_.block(1)[0]
        thai_rows = [row for row, spec in enumerate(block.rows) if spec.thai is not None]
        assert all(block.rows[row + 1].left is not None for row in thai_rows)  # a gloss row under each
        # marking a word known drops its gloss
        await move_to(pilot, screen, "เสื้อเกราะ")
        await pilot.press("w")
        assert glosses_of(app, 1)["เสื้อเกราะ"] == ""
        # the cursor still moves word by word and clicks still land on words
        await pilot.press("l")
        assert screen.text.cursor.text() == "หมวกเหล็ก"
        paragraph, index = find_token(screen, "ทหาร")
        region = screen.text.layout_.thai_region(paragraph)
        assert region is not None
        await pilot.click(offset=(region.x + 1, region.y))
        await pilot.pause()
        await pilot.press("escape")
        assert (screen.text.cursor.paragraph, screen.text.cursor.token) == (paragraph, index)


async def test_progress_screen(article_path: Path, glossary_path: Path, store: LearnerStore) -> None:
    app = app_with(article_path, glossary_path, store)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(app, pilot)
        await pilot.press("3", "j")  # a new word and a paragraph read today
        await pilot.press("S")
        await pilot.pause()
        stats = app.screen
        assert isinstance(stats, StatsScreen)
        assert stats.progress.streak == 1
        assert stats.progress.days[-1].new_words == 1
        assert stats.progress.days[-1].words_read > 0
        # this text's figures: its words by status and what was read in it
        article = stats.article
        assert article is not None
        counts = reader(app).learner.counts()
        assert (article.counts.learning, article.counts.unknown) == (1, counts.unknown)
        assert article.activity.words_read == stats.progress.days[-1].words_read
        assert article.activity.paragraphs_read == 1 and article.activity.new_words == 1
        shown = str(stats.query_one("#stats-article").render())
        assert f"{counts.known_share:.0%} known ({counts.known} of {counts.words} words)" in shown
        assert f"{article.activity.words_read} words read in 1 paragraph(s)" in shown
        await pilot.press("escape")
        assert not isinstance(app.screen, StatsScreen)


async def test_export_flashcards_from_the_palette(
    article_path: Path,
    glossary_path: Path,
    store: LearnerStore,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    app = app_with(article_path, glossary_path, store)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(app, pilot)
        await pilot.press("2")
        await pilot.press("ctrl+p")
        await choose(app, pilot, "Export flashcards")
    deck = tmp_path / "bilingual-reader-cards.apkg"
    assert deck.is_file() and os.path.getsize(deck) > 0
    (note,) = _deck_fields(deck)
    assert note["Sentence"], "the card has the sentence the word was met in"
    # the sentence's English from the reader's translation memory (EchoEngine: "EN:" and the length)
    assert note["SentenceEnglish"].startswith("EN:")


def _deck_fields(deck: Path) -> list[dict[str, str]]:
    """Each note's fields, by name, as written into the .apkg's collection."""
    import sqlite3
    import zipfile

    from bilingual_reader.learner.anki_deck import FIELDS

    with zipfile.ZipFile(deck) as archive:
        (tmp := deck.with_suffix(".anki2")).write_bytes(archive.read("collection.anki2"))
    conn = sqlite3.connect(tmp)
    try:
        rows = conn.execute("select flds from notes").fetchall()
    finally:
        conn.close()
    return [dict(zip(FIELDS, flds.split("\x1f"), strict=True)) for (flds,) in rows]


async def test_interlinear_gloss_rows_are_drawn(
    article_path: Path, glossary_path: Path, store: LearnerStore
) -> None:
    store.set_setting("english_mode", "interlinear")
    app = app_with(article_path, glossary_path, store)
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(app, pilot)
        rows = drawn_rows(app, 1)
        first = next(n for n, row in enumerate(rows) if row.startswith("ทหาร"))
        thai, gloss = rows[first], rows[first + 1]
        assert thai.startswith("ทหาร")
        assert gloss.startswith("serviceman")
        # the word and its gloss start in the same column (cells, not characters: Thai has zero-width marks)
        assert cell_len(thai[: thai.index("เสื้อเกราะ")]) == cell_len(gloss[: gloss.index("body armour")])
        # and no gloss is cut by the next word: each glossed word's column is as wide as its gloss + 1
        assert "serviceman " in gloss and "body armour" in gloss


async def test_g_changes_the_gloss_level_and_it_is_remembered(
    article_path: Path, glossary_path: Path, store: LearnerStore
) -> None:
    store.set_status("ทหาร", Status.RECOGNIZED)
    store.set_status("หมวกเหล็ก", Status.FAMILIAR)
    store.set_setting("english_mode", "interlinear")
    app = app_with(article_path, glossary_path, store)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(app, pilot)
        screen = reader(app)
        assert screen.learner.gloss_level == 2  # the default: unknown and 1-2
        assert (glosses_of(app, 1)["ทหาร"], glosses_of(app, 1)["หมวกเหล็ก"]) == ("serviceman", "")
        await pilot.press("G")
        assert (screen.learner.gloss_level, store.setting("gloss_level")) == (3, "3")
        assert glosses_of(app, 1)["หมวกเหล็ก"] == "EN:9*"  # no sense anywhere: the (echo) machine gloss
        assert app._notifications and "statuses 1-3" in list(app._notifications)[-1].message
        await pilot.press("G", "G", "G")  # 4, 5, then unknown words only
        assert (screen.learner.gloss_level, store.setting("gloss_level")) == (0, "0")
        glosses = glosses_of(app, 1)
        assert (glosses["ทหาร"], glosses["หมวกเหล็ก"]) == ("", "")
        assert glosses["เสื้อเกราะ"] == "body armour"  # unknown: still glossed
        assert glosses["และ"] == "and"  # a function word: the curated gloss
    again = app_with(article_path, glossary_path, store)
    async with again.run_test(size=(160, 45)) as pilot:
        await settle(again, pilot)
        assert reader(again).learner.gloss_level == 0
