"""Pilot tests of the reader: the word cursor, the popup, mouse clicks and selections, layout, quitting."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio
from rich.cells import cell_len
from textual.pilot import Pilot
from textual.widgets import Static

from bilingual_reader import paths
from bilingual_reader.thai.wrapping import Line
from bilingual_reader.tui.app import ReaderApp, create_app
from bilingual_reader.tui.reader.english_view import NO_ENGINE
from bilingual_reader.tui.reader.screen import ReaderScreen
from bilingual_reader.tui.services import ReaderServices

from .pilot_helpers import (
    EchoEngine,
    find_token,
    move_to,
    popup_closed_at_home,
    popup_text,
    reader,
    settle,
    shown_popup,
    started,
    thai_point,
)


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def sample_reader(module_dirs: Path) -> AsyncIterator[tuple[Pilot[None], ReaderScreen]]:
    """One reader on the sample article with the shipped glossary, in a small terminal (80x24: the text
    scrolls), for the cases that move the cursor and open popups (each starts with ``at_sample_start``)."""
    glossary = module_dirs / "shipped.db"
    shutil.copyfile(paths.shipped("glossary.db"), glossary)  # the reader writes to its glossary
    async with started(create_app(None, glossary), (80, 24)) as running:
        yield running


async def at_sample_start(pilot: Pilot[None], screen: ReaderScreen) -> ReaderApp:
    """Put the shared sample reader back as it opens (no popup, the cursor on the first word, the view at the
    top) and check that it is; gives its app."""
    app = await popup_closed_at_home(pilot)
    where = (app.screen, shown_popup(app), screen.text.cursor.paragraph, screen.text.cursor.token)
    assert (*where, screen.query_one("#article").scroll_y) == (screen, None, 0, 0, 0)
    return app


@pytest.mark.asyncio(loop_scope="module")
async def test_sample_article_enter_on_self_propelled_gun(
    sample_reader: tuple[Pilot[None], ReaderScreen],
) -> None:
    pilot, screen = sample_reader
    app = await at_sample_start(pilot, screen)
    await move_to(pilot, screen, "ปืนใหญ่อัตตาจร")
    await pilot.press("enter")
    text = popup_text(app)
    assert text.startswith("ปืนใหญ่อัตตาจร\n")
    assert "self-propelled" in text
    assert "RTGS  puen yai" in text.replace("puenyai", "puen yai")
    assert "ปืนใหญ่ — artillery" in text  # the sub-term
    await pilot.press("escape")
    assert app.screen is screen


#: The terminal of ``one_reader`` (its first paragraph is one line wide there).
ONE_READER_SIZE = (160, 45)


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def one_reader(
    module_article_path: Path, module_glossary_path: Path
) -> AsyncIterator[tuple[Pilot[None], ReaderScreen]]:
    """One reader on the small article for the cases that move the cursor, open popups and select (each
    starts with ``at_first_word``): a start-up is most of a Pilot test's cost."""
    async with started(create_app(module_article_path, module_glossary_path), ONE_READER_SIZE) as running:
        yield running


async def at_first_word(pilot: Pilot[None], screen: ReaderScreen) -> ReaderApp:
    """Put the shared reader back as it opens (no popup, no selection, the cursor on the first word: Home)
    and check that it is; gives its app."""
    app = pilot.app
    assert isinstance(app, ReaderApp)
    if app.size != ONE_READER_SIZE:  # a case resized the terminal
        await pilot.resize_terminal(*ONE_READER_SIZE)
        await settle(app, pilot)
    if shown_popup(app) is not None:
        await pilot.press("escape")
    screen.clear_selection()
    slots = [screen.text.paragraphs.english(i) for i in range(len(screen.text))]
    for slot in slots:  # without a model, no paragraph has English or a status
        slot.translation, slot.status = "", ""
    await pilot.press("home")  # where a reader opens: the first word
    where = (app.screen, shown_popup(app), screen.text.text_selection, screen.text.cursor.paragraph)
    assert (*where, screen.text.cursor.text()) == (screen, None, None, 0, "กองทัพบก")
    assert (app.size, len(screen.text.paragraphs.all_thai()[0].lines())) == (ONE_READER_SIZE, 1)
    assert [str(slot.render()) for slot in slots] == [""] * len(slots)
    assert all(screen.text.layout_.english_region(i) is None for i in range(len(slots)))
    return app


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        ((), "กองทัพบก"),
        (("right",), "จัดซื้อ"),
        (("l", "l", "l"), "18"),  # the space between is skipped
        (("l",) * 6, "รถถังหนัก"),
        (("l",) * 10, "ทหาร"),  # past the end of a paragraph: the next one
        (("l",) * 10 + ("h",), "เสริมกำลัง"),
        (("left",), "กองทัพบก"),  # at the start: stays
        (("down",), "ทหาร"),
        (("j", "l", "k"), "กองทัพบก"),
        (("j", "j", "up"), "กองทัพบก"),
    ],
)
@pytest.mark.asyncio(loop_scope="module")
async def test_word_cursor_keys(
    one_reader: tuple[Pilot[None], ReaderScreen], keys: tuple[str, ...], expected: str
) -> None:
    pilot, screen = one_reader
    await at_first_word(pilot, screen)
    await pilot.press(*keys)
    assert screen.text.cursor.text() == expected


@pytest.mark.asyncio(loop_scope="module")
async def test_terms_are_highlighted_after_segmentation(one_reader: tuple[Pilot[None], ReaderScreen]) -> None:
    _pilot, screen = one_reader
    terms = [t.text for view in screen.text.paragraphs.all_thai() for t in view.tokens if t.is_term]
    assert terms == ["ปืนใหญ่อัตตาจร", "รถถังหนัก", "เสื้อเกราะ"]


@pytest.mark.asyncio(loop_scope="module")
async def test_click_on_a_word_opens_its_popup(one_reader: tuple[Pilot[None], ReaderScreen]) -> None:
    pilot, screen = one_reader
    app = await at_first_word(pilot, screen)
    paragraph, index = find_token(screen, "เสื้อเกราะ")
    view = screen.text.paragraphs.all_thai()[paragraph]
    ((y, piece),) = [(y, p) for y, line in enumerate(view.lines()) for p in line.pieces if p.token == index]
    assert await pilot.click(offset=thai_point(screen, paragraph, y, piece.col + 2))
    assert popup_text(app).startswith("เสื้อเกราะ\n")
    assert "body armour" in popup_text(app)
    assert screen.text.cursor.text() == "เสื้อเกราะ"


@pytest.mark.asyncio(loop_scope="module")
async def test_mouse_selection_opens_the_longest_term_in_it(
    one_reader: tuple[Pilot[None], ReaderScreen],
) -> None:
    pilot, screen = one_reader
    app = await at_first_word(pilot, screen)
    view = screen.text.paragraphs.all_thai()[0]
    pieces = {p.text: p for p in view.lines()[0].pieces}
    start = thai_point(screen, 0, 0, pieces["จัดซื้อ"].col + 1)  # from inside จัดซื้อ ...
    end = thai_point(screen, 0, 0, pieces["คัน"].col - 1)  # ... to the space before คัน (the cell under
    # the pointer is selected)
    await pilot.mouse_down(offset=start)
    await pilot.hover(offset=end)
    await pilot.mouse_up(offset=end)
    await pilot.pause()
    assert screen.text.selected_text() == "จัดซื้อปืนใหญ่อัตตาจร 18"
    assert popup_text(app).startswith("ปืนใหญ่อัตตาจร\n")


@pytest.mark.asyncio(loop_scope="module")
async def test_word_not_in_glossary(one_reader: tuple[Pilot[None], ReaderScreen]) -> None:
    pilot, screen = one_reader
    app = await at_first_word(pilot, screen)
    await move_to(pilot, screen, "หมวกเหล็ก")
    await pilot.press("space")
    await settle(app, pilot)  # the occurrences are counted in a worker
    text = popup_text(app)
    assert "Not in the glossary." in text
    assert "Occurs once in this article." in text


@pytest.mark.parametrize(("width", "stacked"), [(160, False), (100, False), (99, True), (80, True)])
async def test_narrow_terminals_stack_english_under_thai(
    article_path: Path, glossary_path: Path, width: int, stacked: bool
) -> None:
    app = create_app(article_path, ReaderServices(glossary_path, engine_factory=EchoEngine))
    async with app.run_test(size=(width, 30)) as pilot:
        await settle(app, pilot)
        screen = reader(app)
        thai, english = screen.text.layout_.thai_region(0), screen.text.layout_.english_region(0)
        assert thai is not None and english is not None
        if stacked:
            assert (english.x - 2, english.y) == (thai.x, thai.bottom)  # indented by 2
        else:
            assert english.y == thai.y and english.x >= thai.right
        assert str(screen.text.paragraphs.english(0).render()).startswith("EN:")


@pytest.mark.asyncio(loop_scope="module")
async def test_without_a_model_one_banner_says_so_wide(one_reader: tuple[Pilot[None], ReaderScreen]) -> None:
    """160 columns: the small article's shared reader (no model is installed for it)."""
    pilot, screen = one_reader
    await banner_alone(pilot, screen, await at_first_word(pilot, screen), 160)


@pytest.mark.asyncio(loop_scope="module")
async def test_without_a_model_one_banner_says_so_narrow(
    sample_reader: tuple[Pilot[None], ReaderScreen],
) -> None:
    """80 columns: the sample article's shared reader (no model is installed for it)."""
    pilot, screen = sample_reader
    await banner_alone(pilot, screen, await at_sample_start(pilot, screen), 80)


async def banner_alone(pilot: Pilot[None], screen: ReaderScreen, app: ReaderApp, width: int) -> None:
    """Without a model one banner says so, no paragraph repeats it, and r says it again: on a shared reader
    ``width`` columns wide, put back as it opened (its notifications are cleared first)."""
    app.clear_notifications()
    assert (app.size.width, list(app._notifications)) == (width, [])
    banner = screen.query_one("#no-model", Static)
    assert banner.display and str(banner.render()) == NO_ENGINE
    assert "ctrl+p" in NO_ENGINE and "Install Thai→English model" in NO_ENGINE
    # No paragraph repeats it: the English slots are blank and take no room.
    slots = [screen.text.paragraphs.english(i) for i in range(len(screen.text))]
    assert slots and all(not str(s.render()) for s in slots)
    assert all(screen.text.layout_.english_region(i) is None for i in range(len(screen.text)))
    thai = screen.text.layout_.thai_region(0)
    assert thai is not None and thai.width > width * 3 // 4  # the Thai has the whole width
    await pilot.press("r")
    await settle(app, pilot)
    assert any("No Thai→English model is installed" in n.message for n in app._notifications)
    assert not any("Retranslating" in n.message for n in app._notifications)


@pytest.mark.asyncio(loop_scope="module")
async def test_resize_rewraps_between_words(one_reader: tuple[Pilot[None], ReaderScreen]) -> None:
    """The shared reader narrowed to 40 columns (the next case's reset gives it its size back)."""
    pilot, screen = one_reader
    await at_first_word(pilot, screen)
    view = screen.text.paragraphs.all_thai()[0]
    assert len(view.lines()) == 1
    await pilot.resize_terminal(40, ONE_READER_SIZE[1])
    await pilot.pause()
    lines = view.lines()
    assert screen.text.layout_.frame().thai_width == 37  # 40 minus the padding and the scrollbar
    assert len(lines) == 2
    assert screen.text.layout_.thai_region(0, 1) is not None and screen.text.layout_.thai_region(0, 2) is None
    assert all(cell_len(line.text) <= 37 for line in lines)
    texts = [p.text for line in lines for p in line.pieces]
    assert all(t.text in texts for t in view.tokens if not t.text.isspace())  # no word was broken
    assert "".join(line.text for line in lines).replace(" ", "") == view.text.replace(" ", "")


async def test_q_quits(article_path: Path, glossary_path: Path) -> None:
    app = create_app(article_path, glossary_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("q")
        await pilot.pause()
        assert app.return_code == 0


@pytest.mark.asyncio(loop_scope="module")
async def test_escape_closes_popup_and_keys_work_again(one_reader: tuple[Pilot[None], ReaderScreen]) -> None:
    pilot, screen = one_reader
    app = await at_first_word(pilot, screen)
    await pilot.press("enter")
    assert shown_popup(app) is not None
    await pilot.press("escape", "l")
    assert isinstance(app.screen, ReaderScreen) and shown_popup(app) is None
    assert app.screen.text.cursor.text() == "จัดซื้อ"


@pytest.mark.asyncio(loop_scope="module")
async def test_view_follows_the_cursor(sample_reader: tuple[Pilot[None], ReaderScreen]) -> None:
    pilot, screen = sample_reader
    await at_sample_start(pilot, screen)
    container = screen.query_one("#article")
    last = len(screen.text.paragraphs.all_thai()) - 1
    await pilot.press(*["j"] * last)
    await pilot.pause()
    assert screen.text.cursor.paragraph == last
    assert container.scroll_y > 0
    lines = len(screen.text.paragraphs.all_thai()[last].lines())
    assert screen.text.layout_.thai_region(last, 0) is not None  # the whole paragraph is on screen
    assert screen.text.layout_.thai_region(last, lines - 1) is not None
    await pilot.press(*["k"] * last)
    await pilot.pause()
    assert container.scroll_y == 0
    await pilot.press("end")
    assert screen.text.cursor.paragraph == last
    await pilot.press("home")
    assert (screen.text.cursor.paragraph, container.scroll_y) == (0, 0)
    await pilot.press("pagedown")
    assert 0 < screen.text.cursor.paragraph < last
    await pilot.press("pageup")
    assert screen.text.cursor.paragraph == 0


@pytest.mark.asyncio(loop_scope="module")
async def test_selecting_a_phrase_without_terms_looks_up_the_phrase(
    one_reader: tuple[Pilot[None], ReaderScreen],
) -> None:
    pilot, screen = one_reader
    app = await at_first_word(pilot, screen)
    view = screen.text.paragraphs.all_thai()[1]
    pieces = {p.text: p for p in view.lines()[0].pieces}
    start = thai_point(screen, 1, 0, pieces["และ"].col)
    end = thai_point(screen, 1, 0, pieces["เวชภัณฑ์"].col + 2)
    await pilot.mouse_down(offset=start)
    await pilot.hover(offset=end)
    await pilot.mouse_up(offset=end)
    await settle(app, pilot)
    text = popup_text(app)
    assert text.startswith("และเวชภัณฑ์\n")
    assert "Not in the glossary." in text
    assert text.endswith("Occurs once in this article.")


async def test_a_bad_glossary_file_ends_the_app_with_its_error(article_path: Path, tmp_path: Path) -> None:
    bad = tmp_path / "notes.db"
    bad.write_text("not a database", encoding="utf-8")
    app = create_app(article_path, bad)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
    assert app.return_code == 2
    assert str(app.error) == f"{bad}: not a SQLite database"


@pytest.mark.asyncio(loop_scope="module")
async def test_english_slot_shows_a_translation_when_set(
    one_reader: tuple[Pilot[None], ReaderScreen],
) -> None:
    pilot, screen = one_reader
    await at_first_word(pilot, screen)
    english = screen.text.paragraphs.english(1)
    assert english.is_status
    english.translation = "Soldiers received body armour, helmets and medical supplies."
    await pilot.pause()
    assert not english.is_status
    assert str(english.render()) == "Soldiers received body armour, helmets and medical supplies."
    english.translation, english.status = "", "Translating…"
    await pilot.pause()
    assert (english.is_status, str(english.render())) == (True, "Translating…")


@pytest.mark.asyncio(loop_scope="module")
async def test_selected_text_across_wrapped_lines_is_the_paragraph_text(
    one_reader: tuple[Pilot[None], ReaderScreen],
) -> None:
    """The shared reader narrowed to 40 columns, where the first paragraph wraps (the next case's reset gives
    it its size back)."""
    pilot, screen = one_reader
    app = await at_first_word(pilot, screen)
    await pilot.resize_terminal(40, ONE_READER_SIZE[1])
    await settle(app, pilot)
    view = screen.text.paragraphs.all_thai()[0]
    first, second = view.lines()[:2]
    assert (first.text, second.text) == ("กองทัพบกจัดซื้อปืนใหญ่อัตตาจร 18 คัน และ", "รถถังหนัก K2 เพื่อเสริมกำลัง")
    end = thai_point(screen, 0, 1, pieces_col(second, "K2") - 2)
    await pilot.mouse_down(offset=thai_point(screen, 0, 0, pieces_col(first, "จัดซื้อ")))
    await pilot.hover(offset=end)
    await pilot.mouse_up(offset=end)
    await pilot.pause()
    assert screen.get_selected_text() == "จัดซื้อปืนใหญ่อัตตาจร 18 คัน และรถถังหนัก"
    assert popup_text(app).startswith("ปืนใหญ่อัตตาจร\n")  # the longer of its two terms


def pieces_col(line: Line, text: str) -> int:
    """The cell column of the piece ``text`` in a wrapped line."""
    return next(p.col for p in line.pieces if p.text == text)
