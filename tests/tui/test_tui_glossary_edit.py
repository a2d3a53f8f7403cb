"""Pilot tests of adding and editing glossary entries from the popup and the palette, and of a read-only
glossary."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio
from textual.pilot import Pilot
from textual.widgets import Button, Input, Static

from bilingual_reader.glossary.models import Status
from bilingual_reader.glossary.store import Glossary
from bilingual_reader.tui.app import ReaderApp, create_app
from bilingual_reader.tui.glossary.entry_form import EntryForm, terms_from_field
from bilingual_reader.tui.reader.screen import ReaderScreen

from .pilot_helpers import (
    choose,
    move_to,
    popup_closed_at_home,
    popup_text,
    reader,
    settle,
    shown_popup,
    started,
    type_into,
    wait_until,
)


async def test_add_a_term_from_the_popup_is_saved_and_highlighted(
    article_path: Path, glossary_path: Path
) -> None:
    app = create_app(article_path, glossary_path)
    async with started(app, (160, 45)) as (pilot, screen):
        await move_to(pilot, screen, "หมวกเหล็ก")
        await pilot.press("enter", "a")
        form = app.screen
        assert isinstance(form, EntryForm)
        assert form.query_one("#thai", Input).value == "หมวกเหล็ก"
        await type_into(pilot, form.query_one("#english", Input), "combat helmet ; steel helmet [deprecated]")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        # The text was re-segmented with the new term, and the popup reopened on it.
        assert "combat helmet (preferred)\nsteel helmet (deprecated)" in popup_text(app)
        assert [t.text for t in screen.text.paragraphs.all_thai()[1].tokens if t.is_term] == [
            "เสื้อเกราะ",
            "หมวกเหล็ก",
        ]
        await pilot.press("escape", "q")
    with Glossary.open(glossary_path) as glossary:
        (concept,) = glossary.lookup("หมวกเหล็ก")
        assert [(t.text, t.status) for t in concept.english] == [
            ("combat helmet", Status.PREFERRED),
            ("steel helmet", Status.DEPRECATED),
        ]
        assert concept.subject == "general"


async def test_edit_an_entry_from_the_popup(article_path: Path, glossary_path: Path) -> None:
    app = create_app(article_path, glossary_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(app, pilot)
        await move_to(pilot, reader(app), "ปืนใหญ่อัตตาจร")
        await pilot.press("enter", "e")
        form = app.screen
        assert isinstance(form, EntryForm)
        assert form.query_one("#english", Input).value == (
            "self-propelled gun ; SPG ; automatic artillery [forbidden]"
        )
        form.query_one("#definition", Input).value = "Artillery that moves under its own power."
        await pilot.click("#save")
        await settle(app, pilot)
        assert "Definition: Artillery that moves under its own power." in popup_text(app)
    with Glossary.open(glossary_path) as glossary:
        (concept,) = glossary.lookup("ปืนใหญ่อัตตาจร")
        assert concept.definition == "Artillery that moves under its own power."
        assert [t.text for t in concept.english] == ["self-propelled gun", "SPG", "automatic artillery"]


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def refusing(
    module_article_path: Path, module_glossary_path: Path
) -> AsyncIterator[tuple[Pilot[None], ReaderScreen, Path]]:
    """One reader for the cases whose forms refuse to save or do not open (a start-up is most of a test's
    cost): each starts with ``as_opened``; gives its pilot, its screen and its glossary file."""
    async with started(create_app(module_article_path, module_glossary_path), (160, 45)) as (pilot, screen):
        yield pilot, screen, module_glossary_path


def concepts_in(path: Path) -> int:
    """How many concepts the glossary file holds (read through a connection of its own)."""
    with Glossary.open(path, read_only=True) as glossary:
        return glossary.count()


async def as_opened(pilot: Pilot[None], screen: ReaderScreen, path: Path) -> ReaderApp:
    """Put the shared reader back as it opened (no form over it, no popup, the cursor on the first word) and
    check that it is, and that its glossary still holds the four concepts; gives its app."""
    while pilot.app.screen is not screen and len(pilot.app.screen_stack) > 2:
        await pilot.app.pop_screen()
    app = await popup_closed_at_home(pilot)
    await settle(app, pilot)
    where = (app.screen, shown_popup(app), screen.text.cursor.paragraph, screen.text.cursor.text())
    assert (*where, concepts_in(path)) == (screen, None, 0, "กองทัพบก", 4)
    return app


@pytest.mark.asyncio(loop_scope="module")
async def test_form_refuses_an_entry_without_english(
    refusing: tuple[Pilot[None], ReaderScreen, Path],
) -> None:
    app = await as_opened(*refusing)
    pilot, _screen, glossary_path = refusing
    await pilot.press("a", "ctrl+s")
    form = app.screen
    assert isinstance(form, EntryForm)
    assert str(form.query_one("#form-error", Static).render()) == (
        "Not saved: at least one English term is needed"
    )
    await pilot.press("escape")
    assert app.screen is reader(app)
    assert concepts_in(glossary_path) == 4


async def test_a_thai_term_already_in_the_glossary_is_refused_then_merged_on_request(
    article_path: Path, glossary_path: Path
) -> None:
    app = create_app(article_path, glossary_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(app, pilot)
        await move_to(pilot, reader(app), "เสื้อเกราะ")
        await pilot.press("enter", "a")
        form = app.screen
        assert isinstance(form, EntryForm)
        merge = form.query_one("#merge", Button)
        assert not merge.display
        await type_into(pilot, form.query_one("#english", Input), "flak jacket")
        await pilot.press("ctrl+s")
        assert app.screen is form
        assert str(form.query_one("#form-error", Static).render()) == (
            f"Not saved: {glossary_path}: the Thai term 'เสื้อเกราะ' already belongs to concept 3 "
            "(เสื้อเกราะ = body armour)"
        )
        assert (merge.display, str(merge.label)) == (True, "Merge into concept 3")
        # Click it once it is laid out (shown a moment ago, it may have no place on the screen yet).
        await wait_until(pilot, lambda: merge.region.width, "the merge button is laid out")
        assert await pilot.click("#merge")
        await settle(app, pilot)
        assert app.screen is not form
    with Glossary.open(glossary_path) as glossary:
        assert glossary.count() == 4
        (concept,) = glossary.lookup("เสื้อเกราะ")
        assert [(t.text, t.status) for t in concept.english] == [
            ("body armour", Status.PREFERRED),
            ("flak jacket", Status.ADMITTED),
        ]


@pytest.mark.asyncio(loop_scope="module")
async def test_a_thai_field_refuses_latin_text(refusing: tuple[Pilot[None], ReaderScreen, Path]) -> None:
    app = await as_opened(*refusing)
    pilot, _screen, glossary_path = refusing
    await pilot.press("a")
    form = app.screen
    assert isinstance(form, EntryForm)
    form.query_one("#thai", Input).value = "tank"
    form.query_one("#english", Input).value = "tank [bogus]"
    await pilot.press("ctrl+s")
    assert str(form.query_one("#form-error", Static).render()) == (
        "Not saved: English terms: unknown status [bogus] on 'tank' "
        "(expected preferred, admitted, deprecated or forbidden)"
    )
    form.query_one("#english", Input).value = "tank"
    await pilot.press("ctrl+s")
    assert str(form.query_one("#form-error", Static).render()) == (
        "Not saved: the Thai term 'tank' has Latin letters (put English in the English terms)"
    )
    assert concepts_in(glossary_path) == 4


async def test_read_only_glossary_form_says_so(article_path: Path, glossary_path: Path) -> None:
    glossary = Glossary.open(glossary_path, read_only=True)
    app = create_app(article_path, glossary)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter", "a")
        form = app.screen
        assert isinstance(form, EntryForm)
        assert "is read-only: this entry cannot be saved" in str(
            form.query_one("#form-read-only", Static).render()
        )
        assert form.query_one("#save", Button).disabled
        await type_into(pilot, form.query_one("#english", Input), "quartermaster")  # q types here, not quits
        await pilot.press("ctrl+s")
        assert app.screen is form
        assert form.query_one("#english", Input).value == "quartermaster"
    assert glossary.count() == 4
    glossary.close()


@pytest.mark.asyncio(loop_scope="module")
async def test_edit_key_on_a_word_not_in_the_glossary_keeps_the_popup(
    refusing: tuple[Pilot[None], ReaderScreen, Path],
) -> None:
    app = await as_opened(*refusing)
    pilot, screen, _glossary_path = refusing
    await pilot.press("enter", "e")
    assert shown_popup(app) is not None
    assert app.screen is screen


@pytest.mark.asyncio(loop_scope="module")
async def test_palette_adds_a_term(refusing: tuple[Pilot[None], ReaderScreen, Path]) -> None:
    """The palette's "Add glossary term" opens the add form (left unsaved)."""
    app = await as_opened(*refusing)
    pilot = refusing[0]
    await pilot.press("ctrl+p")
    await choose(app, pilot, "add glossary")
    assert isinstance(app.screen, EntryForm)


def test_terms_from_field_keeps_ids_and_accepts_loose_separators() -> None:
    old = tuple(terms_from_field("tank", "en", "noun"))
    assert old[0].id is None
    terms = terms_from_field("  main battle tank;MBT [admitted]  ", "en", "noun")
    assert [(t.text, t.status) for t in terms] == [
        ("main battle tank", Status.PREFERRED),
        ("MBT", Status.ADMITTED),
    ]
