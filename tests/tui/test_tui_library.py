"""Pilot tests of the library in the reader: resume, bookmarks, the table of contents, the library screen."""

from __future__ import annotations

import io
import shutil
import threading
import zipfile
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from textual.css.stylesheet import Stylesheet
from textual.pilot import Pilot
from textual.widgets import DataTable, OptionList, Static

from bilingual_reader import paths
from bilingual_reader.documents.articles import list_articles
from bilingual_reader.library.adding import add_documents
from bilingual_reader.library.store import Library
from bilingual_reader.tui.app import ReaderApp, create_app
from bilingual_reader.tui.library.bookmarks import BookmarksScreen
from bilingual_reader.tui.library.contents import ContentsScreen
from bilingual_reader.tui.library.screen import LibraryScreen, _short, title_width
from bilingual_reader.tui.reader.screen import ReaderScreen

from .pilot_helpers import back_to_first_word, move_to, reader, settle

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "documents"
SIZE = (160, 45)


def _book(tmp_path: Path) -> Path:
    """The team-written two-chapter EPUB, zipped."""
    folder = FIXTURES / "book-epub"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.write(folder / "mimetype", "mimetype", compress_type=zipfile.ZIP_STORED)
        for file in sorted(folder.rglob("*")):
            if file.is_file() and file.name != "mimetype":
                archive.write(file, file.relative_to(folder).as_posix(), compress_type=zipfile.ZIP_DEFLATED)
    path = tmp_path / "book.epub"
    path.write_bytes(buffer.getvalue())
    return path


def _where(screen: ReaderScreen) -> tuple[int, str | None]:
    return screen.text.cursor.paragraph, screen.text.cursor.text()


async def _read_to(app: ReaderApp, word: str) -> tuple[int, str | None]:
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = reader(app)
        await move_to(pilot, screen, word)
        await settle(app, pilot)
        where = _where(screen)
        await pilot.press("q")
    return where


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def one_reader(module_article_path: Path, module_glossary_path: Path) -> AsyncIterator[Pilot[None]]:
    """One reader for the cases that only need one started (a start-up is most of a test's cost): each
    starts with ``as_opened``."""
    app = create_app(module_article_path, module_glossary_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        yield pilot


async def as_opened(pilot: Pilot[None]) -> tuple[ReaderApp, ReaderScreen]:
    """Put the shared reader back as it opened (nothing over it, no bookmarks, the cursor on the first
    word) and check that it is."""
    app = pilot.app
    assert isinstance(app, ReaderApp)
    screen = reader(app)
    while len(app.screen_stack) > 2:
        await app.pop_screen()
    reading = app.services.reading
    for bookmark in reading.bookmarks(screen.article):
        reading.remove_bookmark(screen.article, bookmark)
    await back_to_first_word(pilot, screen)
    assert reading.bookmarks(screen.article) == []
    return app, screen


async def test_reopening_a_text_puts_the_cursor_back_on_its_word(
    article_path: Path, glossary_path: Path
) -> None:
    left = await _read_to(create_app(article_path, glossary_path), "หมวกเหล็ก")
    assert left == (1, "หมวกเหล็ก")
    app = create_app(article_path, glossary_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert _where(reader(app)) == left


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def first_run(module_dirs: Path) -> tuple[Path, tuple[int, str | None]]:
    """A first run (no article given: the sample, with a copy of the shipped glossary) read to นาโต and
    quit, once for the module: its per-user folders and where it left the cursor. ``after`` gives a test
    those folders as its own."""
    glossary = module_dirs / "shipped.db"
    shutil.copyfile(paths.shipped("glossary.db"), glossary)
    return module_dirs, await _read_to(create_app(None, glossary), "นาโต")


def after(first_run: tuple[Path, tuple[int, str | None]], home: Path) -> tuple[int, str | None]:
    """Copy the first run's data and settings into this test's per-user folder ``home`` (empty till now);
    gives where the first run left the cursor."""
    folders, left = first_run
    for name in ("data", "config"):
        if (folders / name).exists():
            shutil.copytree(folders / name, home / name)
    assert (home / "data").exists()
    return left


@pytest.mark.asyncio(loop_scope="module")
async def test_the_sample_article_resumes_and_the_second_run_starts_in_the_library(
    first_run: tuple[Path, tuple[int, str | None]], isolated_dirs: Path, shipped_glossary_path: Path
) -> None:
    left = after(first_run, isolated_dirs)
    app = create_app(None, shipped_glossary_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("escape")
        await settle(app, pilot)
        assert _where(reader(app)) == left


@pytest.mark.asyncio(loop_scope="module")
async def test_a_bookmark_is_set_with_m_listed_with_b_and_enter_jumps_to_it(one_reader: Pilot[None]) -> None:
    pilot = one_reader
    app, screen = await as_opened(pilot)
    await move_to(pilot, screen, "เสื้อเกราะ")
    await pilot.press("b")
    await pilot.press("k", "k")
    assert screen.text.cursor.paragraph == 0
    await pilot.press("B")
    panel = app.screen
    assert isinstance(panel, BookmarksScreen)
    options = panel.query_one(OptionList)
    assert [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)] == [
        "¶2  เสื้อเกราะ หมวกเหล็ก และเวชภัณฑ์จากกระทรวงกลาโหม"
    ]
    await pilot.press("enter")
    await settle(app, pilot)
    assert _where(screen) == (1, "เสื้อเกราะ")
    await pilot.press("b")  # again: removed
    await pilot.press("B")
    assert isinstance(app.screen, BookmarksScreen)
    assert app.screen.bookmarks == []
    await pilot.press("escape")


async def test_the_table_of_contents_jumps_to_chapters_and_keeps_the_place_in_each(
    tmp_path: Path, glossary_path: Path
) -> None:
    app = create_app(_book(tmp_path), glossary_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = reader(app)
        assert screen.title == "กองทัพเรือกับเรือดำน้ำ · บทที่ 1 เรือดำน้ำ"
        await pilot.press("j", "j", "j")
        assert screen.text.cursor.paragraph == 3
        assert screen.title == "กองทัพเรือกับเรือดำน้ำ · งบประมาณ"
        await pilot.press("t")
        contents = app.screen
        assert isinstance(contents, ContentsScreen)
        assert contents.query_one(OptionList).highlighted == 1
        await pilot.press("down", "enter")
        await settle(app, pilot)
        assert screen.text.cursor.paragraph == 5
        assert screen.title == "กองทัพเรือกับเรือดำน้ำ · บทที่ 2 เครื่องบินขับไล่"
        await pilot.press("t", "up", "enter")  # back to the section: where the reader was in it
        await settle(app, pilot)
        assert screen.text.cursor.paragraph == 3
        await pilot.press("t", "up", "enter")  # chapter 1: its last paragraph read (j went 0 → 1 → 2)
        await settle(app, pilot)
        assert screen.text.cursor.paragraph == 1


def _own(screen: LibraryScreen) -> list[str]:
    """The titles of the user's texts shown, in order (the built-in articles follow them)."""
    table = screen.query_one(DataTable)
    titles = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
    assert titles == [_short(row.title) for row in screen.shown]
    return [row.title for row in screen.shown if row.entry_id is not None]


async def test_the_library_screen_lists_searches_opens_and_removes_with_confirmation(
    glossary_path: Path, article_path: Path
) -> None:
    library = Library.open()
    add_documents(library, [FIXTURES / "notes.md", FIXTURES / "page.html"])
    library.close()
    app = create_app(article_path, glossary_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("L")
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        assert sorted(_own(screen)) == ["ปืนใหญ่อัตตาจร", "ฝึกคอบร้าโกลด์ 2566"]
        assert [row.entry_id is None for row in screen.shown] == [False, False] + [True] * len(
            list_articles()
        )
        await screen.workers.wait_for_complete()  # the Known column filled
        await pilot.press("slash")
        await settle(app, pilot)
        await pilot.press(*"จร", "enter")  # (Pilot cannot type a lone Thai vowel mark)
        assert _own(screen) == ["ปืนใหญ่อัตตาจร"]
        await pilot.press("home", "d")
        await pilot.press("n")  # kept
        assert _own(screen) == ["ปืนใหญ่อัตตาจร"]
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.article.title == "ปืนใหญ่อัตตาจร"
        assert app.screen.article.kind == "markdown"
        await pilot.press("L")
        await settle(app, pilot)
        await pilot.press("slash")
        await settle(app, pilot)
        await pilot.press(*"2566", "enter", "home", "d", "y")
        await settle(app, pilot)
        assert isinstance(app.screen, LibraryScreen)
        assert _own(app.screen) == []
        library = Library.open()
        assert [e.title for e in library.entries()] == ["ปืนใหญ่อัตตาจร"]
        library.close()


@pytest.mark.parametrize("width", [80, 100])
async def test_the_library_screen_fits_a_narrow_terminal(
    glossary_path: Path, article_path: Path, tmp_path: Path, width: int
) -> None:
    long_title = tmp_path / "long.txt"
    long_title.write_text("กองทัพเรือไทยกับเรือดำน้ำลำแรกในรอบหลายสิบปีและการฝึกร่วมกับนานาชาติ\nทหารเรือฝึก\n")
    library = Library.open()
    add_documents(library, [long_title, FIXTURES / "notes.md", _book(tmp_path)])
    library.close()
    app = create_app(article_path, glossary_path)
    async with app.run_test(size=(width, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("L")
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        await screen.workers.wait_for_complete()
        await pilot.pause()
        table = screen.query_one(DataTable)
        widths = [column.get_render_width(table) for column in table.columns.values()]
        assert len(widths) == 6  # title, kind, length, read, known, last opened
        assert sum(widths) <= table.scrollable_content_region.width
        shown = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        cut = [title for title in shown if title.startswith("กองทัพเรือไทย")]
        assert len(cut) == 1 and cut[0].endswith("…")
        await pilot.resize_terminal(width + 20, 30)  # wider: titles cut to the new width (80: 26 → 40 cells)
        await pilot.pause()
        row = next(i for i, r in enumerate(screen.shown) if r.title.startswith("กองทัพเรือไทย"))
        assert str(table.get_row_at(row)[0]) == _short(screen.shown[row].title, title_width(width + 20))


@pytest.mark.asyncio(loop_scope="module")
async def test_an_empty_library_offers_the_sample_and_the_shipped_articles(
    first_run: tuple[Path, tuple[int, str | None]], isolated_dirs: Path, shipped_glossary_path: Path
) -> None:
    """After a first run (the sample read, nothing added), the start screen lists the shipped articles, the
    sample first, with where it was left; Enter opens one; a built-in article cannot be removed."""
    after(first_run, isolated_dirs)
    app = create_app(None, shipped_glossary_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        shipped = list_articles()
        assert len(shipped) >= 2
        assert [row.path for row in screen.shown] == shipped
        assert [row.kind for row in screen.shown] == ["built-in (sample)"] + ["built-in"] * (len(shipped) - 1)
        assert screen.shown[0].progress > 0 and screen.shown[0].opened_at is not None
        assert "No texts of your own yet" in str(screen.query_one("#library-status", Static).render())
        await pilot.press("d")
        await settle(app, pilot)
        assert isinstance(app.screen, LibraryScreen)  # no confirmation: nothing to remove
        assert [row.path for row in screen.shown] == shipped
        await pilot.press("down", "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.article.path == shipped[1]


async def test_the_known_column_is_filled_by_a_worker(
    glossary_path: Path, article_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Known column is the share of a text's distinct Thai words the learner knows; the words are
    found off the UI thread (a worker), and kept in the library for the next time."""
    from bilingual_reader.learner.locations import resolve_learner_path
    from bilingual_reader.learner.statuses import Status
    from bilingual_reader.learner.store import LearnerStore
    from bilingual_reader.library import known

    text = tmp_path / "words.txt"
    text.write_text("ทหาร เรือ ทหาร 12 K2\n", encoding="utf-8")
    library = Library.open()
    add_documents(library, [text])
    article_id = library.entries()[0].article_id
    library.close()
    learner = LearnerStore.open(resolve_learner_path(None))
    learner.set_status("ทหาร", Status.WELL_KNOWN)
    learner.close()
    threads: list[str] = []
    original = known.text_word_keys

    def recorded(*args: Any) -> Iterator[tuple[str, set[str] | None]]:
        threads.append(threading.current_thread().name)
        yield from original(*args)

    monkeypatch.setattr(known, "text_word_keys", recorded)
    app = create_app(article_path, glossary_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("L")
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        await screen.workers.wait_for_complete()
        await settle(app, pilot)
        table = screen.query_one(DataTable)
        known_cells = {row.title: str(table.get_cell(row.key, "known")) for row in screen.shown}
        assert known_cells, known_cells
        assert known_cells[screen.shown[0].title] == "50%"
        assert all(cell.endswith("%") for cell in known_cells.values())
    assert threads and threading.main_thread().name not in threads
    library = Library.open()
    assert library.word_keys(article_id) == {"ทหาร", "เรือ"}
    library.close()


async def test_a_chapter_from_the_contents_opens_at_the_top_of_the_view(
    tmp_path: Path, glossary_path: Path
) -> None:
    """As a book opens at a chapter: its heading is the first line on screen, not the last (the least scroll
    that shows it would leave it at the bottom, under the chapter before)."""
    sample = list_articles()[0].read_text(encoding="utf-8")
    paragraphs = [p for p in sample.split("\n\n")[1:] if p.strip()]
    chapters = [f"# บทที่ {n}\n\n" + "\n\n".join(paragraphs) for n in (1, 2, 3)]
    book = tmp_path / "book.md"
    book.write_text("\n\n".join(chapters), encoding="utf-8")
    app = create_app(book, glossary_path)
    async with app.run_test(size=(100, 20)) as pilot:
        await settle(app, pilot)
        screen = reader(app)
        for chapter in (2, 1, 0):
            await pilot.press("t")
            assert isinstance(app.screen, ContentsScreen)
            options = app.screen.query_one(OptionList)
            options.highlighted = chapter
            await pilot.press("enter")
            await settle(app, pilot)
            start = screen.article.chapters[chapter].start
            assert screen.text.cursor.paragraph == start
            text = screen.text
            assert round(text.scroll_y) == text.layout_.block_start(start)
            assert text.layout_.line_at(round(text.scroll_y)) == (start, 0)


@pytest.mark.asyncio(loop_scope="module")
async def test_g_opens_the_glossary_from_the_library_screen_and_closes_it_again(
    one_reader: Pilot[None], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The library's footer offers "g Glossary": it opens the glossary there too, and g closes it again.
    Opening either screen has the app read no stylesheet again (theirs are read with the app's)."""
    from bilingual_reader.tui.glossary.screen import GlossaryScreen

    pilot = one_reader
    app, _screen = await as_opened(pilot)
    reparsed: list[Stylesheet] = []
    reparse = Stylesheet.reparse

    def counted(self: Stylesheet) -> None:
        reparsed.append(self)
        reparse(self)

    monkeypatch.setattr(Stylesheet, "reparse", counted)
    await pilot.press("L")
    library = app.screen
    assert isinstance(library, LibraryScreen)
    await pilot.press("g")
    glossary = app.screen
    assert isinstance(glossary, GlossaryScreen)
    assert reparsed == []
    assert glossary.article is None and len(glossary.concepts) > 0
    await pilot.press("g")
    shown: list[object] = [app.screen]
    await pilot.press("escape")
    shown.append(app.screen)
    await pilot.press("g")
    shown.append(app.screen)
    assert shown[:2] == [library, reader(app)]
    assert isinstance(shown[2], GlossaryScreen) and shown[2].article is reader(app).lookup
