"""The glossary screen: browse, search and filter concepts, see where one occurs; its ``ConceptEditor`` adds,
edits and deletes them."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import events, getters, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Input, Select, Static

from bilingual_reader.glossary.browse import COLUMNS, browse, column_widths, concept_row, origins, subjects
from bilingual_reader.tui.glossary.details import OpenArticle, concept_details, origin_label
from bilingual_reader.tui.glossary.editor import ConceptEditor
from bilingual_reader.tui.messages import Change, GlossaryChanged
from bilingual_reader.tui.widgets.key_bar import KeyBar
from bilingual_reader.tui.widgets.steady_header import SteadyHeader

if TYPE_CHECKING:
    from pathlib import Path

    from bilingual_reader.glossary.models import Concept
    from bilingual_reader.glossary.store import Glossary
    from bilingual_reader.teaching.candidate_review import Suggestion

__all__ = ["GlossaryScreen", "OpenArticle"]


class GlossaryScreen(Screen[None]):
    """Every concept of a glossary in a table, with live search, subject and origin filters, edits, and the
    open article's candidate terms.

    Edits (``editor``) run in one store transaction each; the screen then posts ``GlossaryChanged`` (it
    bubbles to the app).
    Enter (or o) on a row shows the concept and where its terms occur in ``article`` (if given).
    """

    CSS_PATH = "glossary.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close"),
        Binding("slash", "focus_search", "Search", key_display="/"),
        Binding("a", "add_concept", "Add"),
        Binding("e", "edit_concept", "Edit"),
        Binding("d", "delete_concept", "Delete"),
        Binding("o", "show_concept", "Occurrences", key_display="⏎/o"),
        Binding("c", "candidates", "Candidates"),
    ]

    search_input = getters.query_one("#glossary-search", Input)
    subject_select = getters.query_one("#glossary-subject", Select)
    origin_select = getters.query_one("#glossary-origin", Select)
    table = getters.query_one("#glossary-table", DataTable)
    details_panel = getters.query_one("#glossary-details", VerticalScroll)

    def __init__(
        self, glossary: Glossary, article: OpenArticle | None = None, memory_file: Path | None = None
    ) -> None:
        """Browse ``glossary`` (owned by the UI thread); ``article``: the open article, for occurrences and
        candidates; ``memory_file``: the reader's translation memory, for the candidates' English hints."""
        super().__init__()
        self.glossary = glossary
        self.article = article
        self.memory_file = memory_file
        self.concepts: list[Concept] = []
        self._widths: dict[str, int] = {}
        self.editor = ConceptEditor(glossary, self._edited, id="glossary-editor")

    def compose(self) -> ComposeResult:
        """Header, search bar, status line, table, details panel, footer."""
        yield SteadyHeader()
        with Horizontal(id="glossary-bar"):
            yield Input(placeholder="Search Thai or English…  ( / )", id="glossary-search")
            options = [(s, s) for s in subjects(self.glossary)]
            yield Select(options, prompt="All subjects", id="glossary-subject")
            froms = [(origin_label(o), o) for o in origins(self.glossary)]
            yield Select(froms, prompt="From anywhere", id="glossary-origin")
        yield Static("", id="glossary-status")
        yield DataTable(id="glossary-table", cursor_type="row", zebra_stripes=True)
        with VerticalScroll(id="glossary-details"):
            yield Static("", id="glossary-occurrences")
        yield self.editor
        yield KeyBar()

    def on_mount(self) -> None:
        """Title the screen, fill the table and focus it."""
        self.title = "Glossary"
        self.sub_title = str(self.glossary.path or "in memory") + (
            " (read-only)" if self.glossary.read_only else ""
        )
        self._set_columns(self.app.size.width)
        self.refresh_rows()
        self.table.focus()

    def on_resize(self, event: events.Resize) -> None:
        """Fit the columns to the new width."""
        if column_widths(event.size.width) != self._widths:
            current = self.current_id()
            self._set_columns(event.size.width)
            self.refresh_rows(select=current)

    def _set_columns(self, width: int) -> None:
        self._widths = column_widths(width)
        self.table.clear(columns=True)
        for key, label in COLUMNS.items():
            self.table.add_column(label, width=self._widths[key], key=key)

    # The rows ---------------------------------------------------------------------------------------------

    @property
    def subject(self) -> str | None:
        """The subject filter (None: all subjects)."""
        value = self.subject_select.value
        return value if isinstance(value, str) else None

    def refresh_rows(self, select: int | None = None) -> None:
        """Re-run the query and refill the table, the cursor on ``select`` (default: the current concept)."""
        current = select if select is not None else self.current_id()
        origin = self.origin_select.value
        self.concepts = browse(
            self.glossary,
            self.search_input.value,
            self.subject,
            origin=origin if isinstance(origin, str) else None,
        )
        table = self.table
        table.clear()
        for concept in self.concepts:
            cells = [Text(cell, no_wrap=True, overflow="ellipsis") for cell in concept_row(concept)]
            table.add_row(*cells, key=str(concept.id))
        total = self.glossary.count()
        shown = f"{len(self.concepts)} of {total} concepts" if self.concepts else "No concept matches."
        self.query_one("#glossary-status", Static).update(shown)
        ids = [c.id for c in self.concepts]
        if current in ids:
            table.move_cursor(row=ids.index(current), animate=False)

    def current_id(self) -> int | None:
        """The id of the concept under the cursor."""
        if not self.concepts or not 0 <= self.table.cursor_row < len(self.concepts):
            return None
        return self.concepts[self.table.cursor_row].id

    def current(self) -> Concept | None:
        """The concept under the cursor."""
        concept_id = self.current_id()
        return None if concept_id is None else self.glossary.get(concept_id)

    @on(Input.Changed, "#glossary-search")
    @on(Select.Changed, "#glossary-subject")
    @on(Select.Changed, "#glossary-origin")
    def _filters_changed(self) -> None:
        self.refresh_rows()

    @on(Input.Submitted, "#glossary-search")
    def _search_submitted(self) -> None:
        self.table.focus()

    def on_key(self, event: events.Key) -> None:
        """``↓`` in the search box goes down to the table."""
        if event.key == "down" and self.focused is self.search_input:
            event.stop()
            event.prevent_default()
            self.table.focus()

    def action_focus_search(self) -> None:
        """Put the cursor in the search field."""
        self.search_input.focus()

    def action_close(self) -> None:
        """Go back to the reader."""
        self.dismiss(None)

    # Details and occurrences ------------------------------------------------------------------------------

    @on(DataTable.RowSelected, "#glossary-table")
    def _row_selected(self) -> None:
        self.action_show_concept()

    @on(DataTable.RowHighlighted, "#glossary-table")
    def _row_highlighted(self) -> None:
        if self.details_panel.display:
            self.action_show_concept()

    def action_show_concept(self) -> None:
        """Show the concept under the cursor and where its terms occur in the open article (the panel is
        shown by its own ``display``: a class on the screen would restyle every widget)."""
        concept = self.current()
        if concept is None:
            return
        self.details_panel.display = True
        self.query_one("#glossary-occurrences", Static).update(self.details(concept))

    def details(self, concept: Concept) -> Content:
        """The panel's text: the concept, then its occurrences in the article."""
        return concept_details(concept, self.article)

    # Edits (the editor's) -------------------------------------------------------------------------------

    def action_add_concept(self) -> None:
        """Open the entry form for a new concept."""
        self.editor.add()

    def action_edit_concept(self) -> None:
        """Open the entry form on the concept under the cursor."""
        concept = self.current()
        if concept is not None:
            self.editor.edit(concept)

    def action_delete_concept(self) -> None:
        """Ask, then delete the concept under the cursor."""
        concept = self.current()
        if concept is not None:
            self.editor.delete(concept)

    def action_candidates(self) -> None:
        """Candidate terms of the open article; an accepted one opens the add form, pre-filled."""
        from bilingual_reader.tui.glossary.candidates import CandidatesScreen

        if self.article is None:
            self.notify("Open an article to see its candidate terms.", severity="warning")
            return

        def accepted(suggestion: Suggestion | None) -> None:
            if suggestion is not None:
                self.editor.add(suggestion)

        self.app.push_screen(
            CandidatesScreen(self.glossary, self.article.article, self.memory_file), accepted
        )

    def _edited(self, concept_id: int, headword: str, change: Change) -> None:
        """Show what the editor stored (the cursor on it, or where it was), then announce it."""
        row, shown = self.table.cursor_row, self.details_panel.display
        self.refresh_rows(select=None if change == "deleted" else concept_id)
        if change == "deleted":
            if self.concepts:
                self.table.move_cursor(row=min(row, len(self.concepts) - 1), animate=False)
            if shown:  # the deleted concept must not stay on show
                self.query_one("#glossary-occurrences", Static).update("")
                self.details_panel.display = False
            self.notify(f"Deleted {headword}.")
        elif concept_id not in {c.id for c in self.concepts}:
            self.notify(f"{change.capitalize()} {headword} (hidden by the search or filter).")
        else:
            self.notify(f"{change.capitalize()} {headword}.")
        if shown:
            self.action_show_concept()
        self.post_message(GlossaryChanged(concept_id, change))
