"""The glossary screen (search, filter, add, edit, delete, occurrences); core helpers: tests/glossary."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath

import pytest
import pytest_asyncio
from textual import on
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input, Static

import bilingual_reader.tui
from bilingual_reader.documents.articles import Article, load_article
from bilingual_reader.glossary.models import Status
from bilingual_reader.glossary.store import Glossary
from bilingual_reader.thai.segmenter import Segmenter, Token
from bilingual_reader.tui.app import ReaderApp
from bilingual_reader.tui.glossary.entry_form import EntryForm
from bilingual_reader.tui.glossary.screen import GlossaryScreen
from bilingual_reader.tui.messages import GlossaryChanged
from bilingual_reader.tui.widgets.confirm import Confirm

from .pilot_helpers import reader, settle, wait_until

#: The reader app's stylesheets (the glossary screen's among them), read as the app reads them: at start.
TUI = Path(bilingual_reader.tui.__file__).parent
APP_CSS: list[str | PurePath] = [TUI / path for path in ReaderApp.CSS_PATH]


@dataclass
class OpenArticle:
    """The article as the reader holds it."""

    article: Article
    tokens: Sequence[Sequence[Token]] | None = None


class Host(App[None]):
    """A tiny app that opens the glossary screen and records the changes it announces."""

    CSS_PATH = APP_CSS

    def __init__(self, glossary: Glossary, article: OpenArticle | None = None) -> None:
        super().__init__()
        self.glossary = glossary
        self.article = article
        self.changes: list[tuple[int, str]] = []

    def on_mount(self) -> None:
        self.push_screen(GlossaryScreen(self.glossary, self.article))

    @on(GlossaryChanged)
    def _changed(self, message: GlossaryChanged) -> None:
        self.changes.append((message.concept_id, message.change))


def screen_of(app: Host) -> GlossaryScreen:
    screen = app.screen
    assert isinstance(screen, GlossaryScreen)
    return screen


def heads(app: Host) -> list[str]:
    """The Thai column of the table, top to bottom."""
    table = screen_of(app).table
    return [table.get_row_at(row)[0].plain for row in range(table.row_count)]


async def move_to(pilot: Pilot[None], app: Host, thai: str) -> None:
    """Put the table cursor on the row whose Thai headword is ``thai``."""
    await pilot.press(*["down"] * heads(app).index(thai))
    assert screen_of(app).current() is not None


def details(app: Host) -> str:
    return str(screen_of(app).query_one("#glossary-occurrences", Static).render())


# The screen ---------------------------------------------------------------------------------------------


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def one_host(module_glossary_path: Path) -> AsyncIterator[tuple[Pilot[None], Host]]:
    """One glossary screen for the cases that only read, or leave an edit or a deletion unsaved (a start-up
    is most of a test's cost): each starts with ``as_opened``."""
    with Glossary.open(module_glossary_path) as glossary:
        app = Host(glossary)
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_until(pilot, lambda: isinstance(app.screen, GlossaryScreen), "the screen is open")
            yield pilot, app


async def as_opened(pilot: Pilot[None], app: Host) -> GlossaryScreen:
    """Put the shared glossary screen back as it opens (nothing over it, no search, no subject, no details,
    the cursor in the table on its first row), and check that it is, and that no case changed the
    glossary (the cases sharing it only read, or leave an edit unsaved)."""
    while not isinstance(app.screen, GlossaryScreen) and len(app.screen_stack) > 2:
        await app.pop_screen()  # a form or a question left open
    screen = screen_of(app)
    screen.article = None  # a case may give the screen an article to find occurrences in
    screen.subject_select.clear()
    screen.search_input.value = ""
    screen.details_panel.display = False
    screen.query_one("#glossary-occurrences", Static).update("")
    screen.table.focus()
    await pilot.pause()
    screen.table.move_cursor(row=0)
    await pilot.pause()
    assert (len(heads(app)), app.focused, screen.subject, screen.current_id()) == (4, screen.table, None, 1)
    assert screen.article is None
    assert (screen.details_panel.display, details(app), app.changes, app.glossary.count()) == (
        False,
        "",
        [],
        4,
    )
    return screen


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["ปืนใหญ่อัตตาจร", "ปืนใหญ่", "เสื้อเกราะ", "รถถังหนัก"]),
        ("ใหญ่", ["ปืนใหญ่", "ปืนใหญ่อัตตาจร"]),  # Thai substring, shorter terms first
        ("เกราะ", ["เสื้อเกราะ"]),
        ("armour", ["เสื้อเกราะ"]),  # an English word
        ("TANK", ["รถถังหนัก"]),
        ("art", ["ปืนใหญ่", "ปืนใหญ่อัตตาจร"]),  # a word prefix, in any status ("automatic artillery")
        ("rmour", []),  # not the start of a word
    ],
)
@pytest.mark.asyncio(loop_scope="module")
async def test_search_narrows_rows(
    one_host: tuple[Pilot[None], Host], query: str, expected: list[str]
) -> None:
    pilot, app = one_host
    screen = await as_opened(pilot, app)
    await pilot.press("slash")
    assert isinstance(app.focused, Input)
    app.focused.value = query
    await pilot.pause()
    assert heads(app) == expected
    status = str(screen.query_one("#glossary-status", Static).render())
    assert status == (f"{len(expected)} of 4 concepts" if expected else "No concept matches.")


@pytest.mark.asyncio(loop_scope="module")
async def test_typing_in_the_search_field_does_not_trigger_bindings(
    one_host: tuple[Pilot[None], Host],
) -> None:
    pilot, app = one_host
    await as_opened(pilot, app)
    await pilot.press("slash", "a", "d", "e")
    assert isinstance(app.screen, GlossaryScreen)
    assert screen_of(app).search_input.value == "ade"
    await pilot.press("enter")  # back to the table
    assert app.focused is screen_of(app).table


@pytest.mark.asyncio(loop_scope="module")
async def test_subject_filter(one_host: tuple[Pilot[None], Host]) -> None:
    pilot, app = one_host
    screen = await as_opened(pilot, app)
    screen.subject_select.value = "weapons"
    await pilot.pause()
    assert heads(app) == ["ปืนใหญ่อัตตาจร", "ปืนใหญ่"]
    screen.search_input.value = "self"
    await pilot.pause()
    assert heads(app) == ["ปืนใหญ่อัตตาจร"]
    screen.subject_select.clear()
    screen.search_input.value = ""
    await pilot.pause()
    assert len(heads(app)) == 4


async def test_add_a_concept_and_find_it_after_exit(glossary_path: Path) -> None:
    with Glossary.open(glossary_path) as glossary:
        app = Host(glossary)
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.pause()
            await pilot.press("a")
            await pilot.pause()  # the form's widgets (its Select's overlay) are mounted
            form = app.screen
            assert isinstance(form, EntryForm)
            form.query_one("#thai", Input).value = "หมวกเหล็ก ; หมวกกันกระสุน"
            form.query_one(
                "#english", Input
            ).value = "steel helmet ; helmet [admitted] ; tin hat [deprecated]"
            form.query_one("#definition", Input).value = "A metal helmet."
            form.query_one("#note", Input).value = "ศัพท์ทั่วไป"
            await pilot.press("ctrl+s")
            await wait_until(pilot, lambda: app.changes, "the new concept is announced")
            assert isinstance(app.screen, GlossaryScreen)
            assert "หมวกเหล็ก" in heads(app)
            assert screen_of(app).current_id() == 5  # the cursor is on the new row
            assert app.changes == [(5, "added")]
            await pilot.press("escape")
            assert not isinstance(app.screen, GlossaryScreen)
    with Glossary.open(glossary_path, read_only=True) as reopened:
        [concept] = reopened.lookup("helmet")
        assert [(t.text, t.status) for t in concept.thai] == [
            ("หมวกเหล็ก", Status.PREFERRED),
            ("หมวกกันกระสุน", Status.ADMITTED),
        ]
        assert [(t.text, t.status) for t in concept.english] == [
            ("steel helmet", Status.PREFERRED),
            ("helmet", Status.ADMITTED),
            ("tin hat", Status.DEPRECATED),
        ]
        assert (concept.subject, concept.definition, concept.note) == (
            "general",
            "A metal helmet.",
            "ศัพท์ทั่วไป",
        )


async def test_edit_a_concept(glossary_path: Path) -> None:
    with Glossary.open(glossary_path) as glossary:
        app = Host(glossary)
        async with app.run_test(size=(100, 40)) as pilot:
            await move_to(pilot, app, "รถถังหนัก")
            await pilot.press("e")
            form = app.screen
            assert isinstance(form, EntryForm)
            assert form.query_one("#english", Input).value == "main battle tank"
            form.query_one("#english", Input).value = "main battle tank ; MBT [admitted]"
            await pilot.press("ctrl+s")
            await wait_until(pilot, lambda: app.changes, "the edit is announced")
            assert isinstance(app.screen, GlossaryScreen)
            assert app.changes == [(4, "updated")]
            assert screen_of(app).current_id() == 4
        assert [t.text for t in glossary.get(4).english] == ["main battle tank", "MBT"]


@pytest.mark.asyncio(loop_scope="module")
async def test_a_bad_edit_stays_in_the_form_and_changes_nothing(one_host: tuple[Pilot[None], Host]) -> None:
    pilot, app = one_host
    await as_opened(pilot, app)
    await pilot.press("e")
    form = app.screen
    assert isinstance(form, EntryForm)
    form.query_one("#english", Input).value = "gun [preferred] ; cannon [preferred]"
    await pilot.press("ctrl+s")
    assert app.screen is form
    error = str(form.query_one("#form-error", Static).render())
    assert error == "Not saved: more than one preferred English term"
    await pilot.press("escape")
    assert isinstance(app.screen, GlossaryScreen)
    assert app.changes == []
    assert [t.text for t in app.glossary.get(1).english] == [
        "self-propelled gun",
        "SPG",
        "automatic artillery",
    ]


async def delete_asks_first(pilot: Pilot[None], app: Host, answer: str, kept: bool) -> None:
    """Delete เสื้อเกราะ (concept 3) with ``d`` and ``answer`` the question; checks it is gone or kept."""
    await move_to(pilot, app, "เสื้อเกราะ")
    await pilot.press("d")
    assert isinstance(app.screen, Confirm)
    await pilot.press(answer)
    assert isinstance(app.screen, GlossaryScreen)
    assert ("เสื้อเกราะ" in heads(app)) is kept
    assert app.changes == ([] if kept else [(3, "deleted")])
    assert screen_of(app).current() is not None  # the cursor stays on a row
    assert [c.id for c in app.glossary.lookup("body armour")] == ([3] if kept else [])


@pytest.mark.parametrize("answer", ["n", "escape"])
@pytest.mark.asyncio(loop_scope="module")
async def test_delete_asks_first_and_no_keeps_it(one_host: tuple[Pilot[None], Host], answer: str) -> None:
    pilot, app = one_host
    await as_opened(pilot, app)
    await delete_asks_first(pilot, app, answer, kept=True)


async def test_delete_asks_first_and_yes_deletes(glossary_path: Path) -> None:
    with Glossary.open(glossary_path) as glossary:
        app = Host(glossary)
        async with app.run_test(size=(100, 30)) as pilot:
            await delete_asks_first(pilot, app, "y", kept=False)


async def test_delete_clears_the_deleted_concept_from_the_details(
    article_path: Path, glossary_path: Path
) -> None:
    with Glossary.open(glossary_path) as glossary:
        app = Host(glossary, OpenArticle(load_article(article_path)))
        async with app.run_test(size=(100, 40)) as pilot:
            await move_to(pilot, app, "รถถังหนัก")  # the last row: the cursor stays on the same row index
            await pilot.press("enter")
            assert details(app).startswith("รถถังหนัก\n")
            await pilot.press("d", "y")
            await pilot.pause()
            assert heads(app) == ["ปืนใหญ่อัตตาจร", "ปืนใหญ่", "เสื้อเกราะ"]
            assert details(app).startswith("เสื้อเกราะ\n")
            assert "รถถังหนัก" not in details(app)


@pytest.mark.asyncio(loop_scope="module")
async def test_down_leaves_the_search_box(one_host: tuple[Pilot[None], Host]) -> None:
    pilot, app = one_host
    screen = await as_opened(pilot, app)
    await pilot.press("slash")
    assert screen.search_input.has_focus
    screen.search_input.value = "ปืน"
    await pilot.pause()
    await pilot.press("down")
    assert screen.table.has_focus
    assert screen.search_input.value == "ปืน"
    assert (heads(app), screen.current_id()) == (["ปืนใหญ่", "ปืนใหญ่อัตตาจร"], 1)  # kept on its concept
    await pilot.press("up")
    assert screen.current_id() == 2


@pytest.mark.asyncio(loop_scope="module")
async def test_the_status_column_counts_the_statuses(one_host: tuple[Pilot[None], Host]) -> None:
    pilot, app = one_host
    await as_opened(pilot, app)
    table = screen_of(app).table
    assert [str(table.get_row_at(row)[3]) for row in range(table.row_count)] == [
        "1 adm 1 forb",
        "—",
        "—",
        "—",
    ]


async def test_delete_with_the_mouse(glossary_path: Path) -> None:
    with Glossary.open(glossary_path) as glossary:
        app = Host(glossary)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await pilot.press("d")
            await pilot.pause()
            await pilot.click("#confirm-delete")
            assert heads(app) == ["ปืนใหญ่", "เสื้อเกราะ", "รถถังหนัก"]
        assert glossary.count() == 3


@pytest.mark.parametrize(
    ("segmented", "first", "second"),
    [
        (False, "กองทัพบกจัดซื้อปืนใหญ่อัตตาจร 18 คัน …", "ทหารได้รับเสื้อเกราะ หมวกเหล็ก …"),
        (True, "กองทัพบกจัดซื้อปืนใหญ่อัตตาจร 18 คัน และ…", "ทหารได้รับเสื้อเกราะ หมวกเหล็ก และเวชภัณฑ์…"),
    ],
)
@pytest.mark.asyncio(loop_scope="module")
async def test_enter_shows_occurrences(
    one_host: tuple[Pilot[None], Host],
    module_article_path: Path,
    segmented: bool,
    first: str,
    second: str,
) -> None:
    """The snippets are cut between words (between tokens once the article is segmented)."""
    pilot, app = one_host
    screen = await as_opened(pilot, app)
    article = load_article(module_article_path)
    tokens = None
    if segmented:
        segmenter = Segmenter(app.glossary.thai_terms())
        tokens = [segmenter.tokenize(p) for p in article.paragraphs]
    screen.article = OpenArticle(article, tokens)  # as the reader hands its own over
    panel = screen.query_one("#glossary-details")
    assert not panel.display
    await move_to(pilot, app, "ปืนใหญ่")
    await pilot.press("enter")
    assert panel.display
    text = details(app)
    assert text.startswith(
        "ปืนใหญ่\nThai       ปืนใหญ่ (preferred)\n"
        "English    artillery (preferred)\nSubject    weapons\nFrom       personal\n\n"
    )
    assert text.endswith(f"\n\n1 in “กองทัพบกจัดซื้อปืนใหญ่อัตตาจร 18 คัน และรถถังหนั…”\n¶1   {first}")
    await pilot.press("down")  # the panel follows the cursor
    assert details(app).endswith(f"\n1 in “กองทัพบกจัดซื้อปืนใหญ่อัตตาจร 18 คัน และรถถังหนั…”\n¶2   {second}")


@pytest.mark.asyncio(loop_scope="module")
async def test_enter_without_an_article(one_host: tuple[Pilot[None], Host]) -> None:
    pilot, app = one_host
    await as_opened(pilot, app)
    await pilot.press("enter")
    assert details(app).endswith("\nNo article is open.")


@pytest.mark.asyncio(loop_scope="module")
async def test_without_an_article_there_are_no_candidates(one_host: tuple[Pilot[None], Host]) -> None:
    pilot, app = one_host
    screen = await as_opened(pilot, app)
    app.clear_notifications()
    await pilot.press("c")
    await pilot.pause()
    assert app.screen is screen
    assert [n.message for n in app._notifications] == ["Open an article to see its candidate terms."]


async def test_read_only_glossary_refuses_edits(glossary_path: Path) -> None:
    with Glossary.open(glossary_path, read_only=True) as glossary:
        app = Host(glossary)
        async with app.run_test(size=(100, 30)) as pilot:
            for key in ("a", "e", "d"):
                await pilot.press(key)
                assert isinstance(app.screen, GlossaryScreen)
            assert [n.message for n in app._notifications] == [
                f"The glossary {glossary_path} is read-only."
            ] * 3
            assert str(screen_of(app).sub_title).endswith("(read-only)")


@pytest.mark.parametrize("width", [80, 160])
async def test_columns_fit_the_width(glossary_path: Path, width: int) -> None:
    with Glossary.open(glossary_path) as glossary:
        app = Host(glossary)
        async with app.run_test(size=(width, 30)) as pilot:
            table = screen_of(app).table
            assert table.virtual_size.width <= table.size.width
            await pilot.press("down", "down")
            await pilot.resize_terminal(width + 40, 30)
            await pilot.pause()
            assert screen_of(app).current_id() == 3  # the cursor stays on its concept
            assert table.virtual_size.width <= table.size.width


# The screen wired into the reader ------------------------------------------------------------------


def highlighted(app: ReaderApp) -> list[str]:
    return [t.text for view in reader(app).text.paragraphs.all_thai() for t in view.tokens if t.is_term]


async def test_the_article_rehighlights_after_add_and_delete(article_path: Path, glossary_path: Path) -> None:
    app = ReaderApp(load_article(article_path), glossary_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert highlighted(app) == ["ปืนใหญ่อัตตาจร", "รถถังหนัก", "เสื้อเกราะ"]
        await pilot.press("g")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, GlossaryScreen)
        await pilot.press("a")
        form = app.screen
        assert isinstance(form, EntryForm)
        form.query_one("#thai", Input).value = "หมวกเหล็ก"
        form.query_one("#english", Input).value = "steel helmet"
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: app.screen is screen, "the saved form is closed")
        await pilot.press("up", "up", "d", "y")  # from the new (last) row up to เสื้อเกราะ
        assert [c.headword for c in screen.concepts] == ["ปืนใหญ่อัตตาจร", "ปืนใหญ่", "รถถังหนัก", "หมวกเหล็ก"]
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.screen is reader(app)
        assert highlighted(app) == ["ปืนใหญ่อัตตาจร", "รถถังหนัก", "หมวกเหล็ก"]
