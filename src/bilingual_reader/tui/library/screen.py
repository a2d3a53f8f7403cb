"""The library screen: every text added, sortable, searchable by title; Enter opens, d removes."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Static

from bilingual_reader.library.adding import library_folder
from bilingual_reader.tui.library.confirm_remove import ConfirmRemove

if TYPE_CHECKING:
    from bilingual_reader.library.store import Entry, Library

#: Sort orders, in the order ``s`` walks through them: (label, key, newest/biggest first).
SORTS = (
    ("last opened", lambda e: e.opened_at or e.added_at, True),
    ("title", lambda e: e.title.casefold(), False),
    ("progress", lambda e: e.progress, True),
    ("length", lambda e: e.characters, True),
)


class LibraryScreen(Screen["Path | None"]):
    """Lists the library's texts; dismisses with the copy to open (None: Esc, back to the reader)."""

    CSS_PATH = "library.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
        Binding("slash", "search", "Search"),
        Binding("s", "sort", "Sort"),
        Binding("d,delete", "remove", "Remove"),
    ]

    def __init__(self, library: Library, folder: Path | None = None) -> None:
        """The texts of ``library`` (owned by the caller, on this thread); copies in ``folder``."""
        super().__init__()
        self.library = library
        self.folder = folder or library_folder()
        self.sort = 0
        self.query_text = ""
        self.shown: list[Entry] = []

    def compose(self) -> ComposeResult:
        """Header, search box, the table, footer."""
        yield Header()
        yield Input(placeholder="Search titles (/)", id="library-search")
        yield Static("", id="library-status")
        yield DataTable(id="library-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        """Fill the table, focus it."""
        self.title = "Library"
        table = self.query_one(DataTable)
        table.add_columns("Title", "Kind", "Length", "Read", "Last opened")
        self.refill()
        table.focus()

    def refill(self) -> None:
        """Show the texts matching the search, in the chosen order."""
        label, key, reverse = SORTS[self.sort]
        wanted = self.query_text.casefold()
        entries = [e for e in self.library.entries() if wanted in e.title.casefold()]
        self.shown = sorted(entries, key=key, reverse=reverse)
        table = self.query_one(DataTable)
        table.clear()
        for entry in self.shown:
            opened = (entry.opened_at or "never")[:16].replace("T", " ")
            table.add_row(
                entry.title, entry.kind, _length(entry), f"{entry.progress:.0%}", opened, key=str(entry.id)
            )
        total = len(self.library.entries())
        status = (
            "The library is empty: add texts with `bilingual-reader add FILE` (EPUB, HTML, Markdown, SRT…)."
            if total == 0
            else f"{len(self.shown)} of {total} texts · sorted by {label} (s) · ⏎ open · d remove · Esc back"
        )
        self.query_one("#library-status", Static).update(status)

    @on(Input.Changed, "#library-search")
    def _searched(self, event: Input.Changed) -> None:
        self.query_text = event.value
        self.refill()

    @on(Input.Submitted, "#library-search")
    def _search_done(self) -> None:
        self.query_one(DataTable).focus()

    def action_search(self) -> None:
        """Type to search the titles."""
        self.query_one("#library-search", Input).focus()

    def action_sort(self) -> None:
        """Sort by the next order."""
        self.sort = (self.sort + 1) % len(SORTS)
        self.refill()

    def highlighted(self) -> Entry | None:
        """The text under the table's cursor."""
        table = self.query_one(DataTable)
        if not self.shown or table.cursor_row < 0 or table.cursor_row >= len(self.shown):
            return None
        return self.shown[table.cursor_row]

    @on(DataTable.RowSelected)
    def _open(self) -> None:
        entry = self.highlighted()
        if entry is not None:
            self.dismiss(self.folder / entry.file)

    def action_remove(self) -> None:
        """Ask, then remove the highlighted text."""
        entry = self.highlighted()
        if entry is None:
            return

        def answered(remove: bool | None) -> None:
            if remove:
                from bilingual_reader.library.removing import remove_texts

                remove_texts(self.library, [entry.id], self.folder)
                self.notify(f"Removed {entry.title}")
                self.refill()

        self.app.push_screen(ConfirmRemove(entry.title), answered)

    def action_back(self) -> None:
        """Back to the reader (the search box first lets go of the keys)."""
        if self.query_one("#library-search", Input).has_focus:
            self.query_one(DataTable).focus()
            return
        self.dismiss(None)


def _length(entry: Entry) -> str:
    if entry.characters >= 10_000:
        return f"{entry.characters / 1000:,.0f}k chars"
    return f"{entry.characters:,} chars"
