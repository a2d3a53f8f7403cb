"""The library screen: every text added, then the shipped articles (built-in, the sample first); sortable,
searchable by title, with the share of known words (filled in by a worker); Enter opens, d removes."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from rich.cells import cell_len, set_cell_size
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Input, Static
from textual.worker import get_current_worker

from bilingual_reader.library.adding import library_folder
from bilingual_reader.tui.library.known_column import KnownSource, KnownWords, find_known_words, share_text
from bilingual_reader.tui.library.rows import BUILT_IN, Row, built_in_rows, library_rows
from bilingual_reader.tui.widgets.confirm import Confirm
from bilingual_reader.tui.widgets.key_bar import KeyBar
from bilingual_reader.tui.widgets.steady_header import SteadyHeader

if TYPE_CHECKING:
    from bilingual_reader.library.store import Library

#: The widest title shown, in terminal cells (the whole title is searched); narrower on a narrow terminal.
TITLE_WIDTH = 40
#: Terminal cells the other columns take (kind 9, length 6, read 4, known 5, last opened 16, each cell
#: padded by 2, the scrollbar 2): the title gets what is left, so that every column fits at 80 columns.
OTHER_COLUMNS = 54

#: Sort orders, in the order ``s`` walks through them: (label, key, newest/biggest first). The user's texts
#: come first (in the library's own order for "last opened"), the built-in articles after them.
SORTS: tuple[tuple[str, Callable[[Row], Any], bool], ...] = (
    ("last opened", lambda r: r.opened_at or "", True),
    ("title", lambda r: r.title.casefold(), False),
    ("progress", lambda r: r.progress, True),
    ("length", lambda r: r.characters, True),
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

    def __init__(
        self,
        library: Library,
        folder: Path | None = None,
        known: KnownSource | None = None,
        articles: Path | None = None,
    ) -> None:
        """The texts of ``library`` (owned by the caller, on this thread); copies in ``folder``; the shipped
        articles of ``articles`` (None: the program's); ``known``: where the Known column comes from
        (None: no such column)."""
        super().__init__()
        self.library = library
        self.folder = folder or library_folder()
        self.known = known
        self.articles = articles
        self.sort = 0
        self.query_text = ""
        self.shown: list[Row] = []
        self.rows: list[Row] = []
        self.shares: dict[str, float | None] = {}
        #: The width the shown titles were cut to (None: none shown yet).
        self.cut_to: int | None = None

    def compose(self) -> ComposeResult:
        """Header, search box, the table, footer."""
        yield SteadyHeader()
        yield Input(placeholder="Search titles (/)", id="library-search")
        yield Static("", id="library-status")
        yield DataTable(id="library-table", cursor_type="row", zebra_stripes=True)
        yield KeyBar()

    def on_mount(self) -> None:
        """Fill the table, focus it, start counting known words."""
        self.title = "Library"
        table = self.query_one(DataTable)
        table.add_columns("Title", "Kind", "Length", "Read")
        if self.known is not None:
            table.add_column("Known", key="known")
        table.add_column("Last opened")
        self.reload()
        table.focus()
        if self.known is not None:
            texts = [(row.article_id, row.path) for row in self.rows]
            self.run_worker(partial(self._find_known, self.known, texts), thread=True, group="known")

    def _find_known(self, source: KnownSource, texts: list[tuple[str, Path]]) -> None:
        worker = get_current_worker()
        find_known_words(source, texts, self.post_message, lambda: worker.is_cancelled)

    @on(KnownWords)
    def _known_words(self, message: KnownWords) -> None:
        share = message.share
        self.shares[message.article_id] = share
        table = self.query_one(DataTable)
        for row in self.shown:
            if row.article_id == message.article_id:
                table.update_cell(row.key, "known", share_text(share))

    def reload(self) -> None:
        """Read the texts again (after a removal), then show them."""
        self.rows = library_rows(self.library, self.folder) + built_in_rows(self.library, self.articles)
        self.refill()

    def refill(self) -> None:
        """Show the texts matching the search, in the chosen order."""
        label, key, reverse = SORTS[self.sort]
        wanted = self.query_text.casefold()
        rows = [r for r in self.rows if wanted in r.title.casefold()]
        own = [r for r in rows if r.entry_id is not None]
        built_in = [r for r in rows if r.entry_id is None]
        if self.sort:
            own.sort(key=key, reverse=reverse)
        self.shown = own + built_in
        table = self.query_one(DataTable)
        table.clear()
        width = self.cut_to = title_width(self.app.size.width)
        for row in self.shown:
            opened = (row.opened_at or "never")[:16].replace("T", " ")
            cells = [
                _short(row.title, width),
                _kind(row.kind),
                _length(row.characters),
                f"{row.progress:.0%}",
            ]
            if self.known is not None:
                cells.append(
                    share_text(self.shares[row.article_id]) if row.article_id in self.shares else "…"
                )
            table.add_row(*cells, opened, key=row.key)
        total = sum(1 for r in self.rows if r.entry_id is not None)
        status = (
            "No texts of your own yet (`bilingual-reader add FILE`: text, EPUB, HTML, Markdown, SRT…)"
            " · built-in articles below · ⏎ open · Esc back"
            if total == 0
            else f"{len(own)} of {total} texts, then the built-in articles · sorted by {label} (s) · ⏎ open"
            " · d remove · Esc back"
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

    def on_resize(self) -> None:
        """Cut the titles to the new width (the other columns keep their room). The screen's first size, or
        one that cuts them as they are, keeps the table as it is: filling it again lays it out again."""
        table = self.query_one(DataTable)
        if self.cut_to == title_width(self.app.size.width):
            return
        if self.shown and table.row_count:
            row = table.cursor_row
            self.refill()
            table.move_cursor(row=row)

    def action_sort(self) -> None:
        """Sort by the next order."""
        self.sort = (self.sort + 1) % len(SORTS)
        self.refill()

    def highlighted(self) -> Row | None:
        """The text under the table's cursor."""
        table = self.query_one(DataTable)
        if not self.shown or table.cursor_row < 0 or table.cursor_row >= len(self.shown):
            return None
        return self.shown[table.cursor_row]

    @on(DataTable.RowSelected)
    def _open(self) -> None:
        row = self.highlighted()
        if row is not None:
            self.dismiss(row.path)

    def action_remove(self) -> None:
        """Ask, then remove the highlighted text (a built-in article stays)."""
        row = self.highlighted()
        if row is None:
            return
        entry_id = row.entry_id
        if entry_id is None:
            self.notify("A built-in article cannot be removed: it ships with the program.")
            return

        def answered(remove: bool | None) -> None:
            if remove:
                from bilingual_reader.library.removing import remove_texts

                remove_texts(self.library, [entry_id], self.folder)
                self.notify(f"Removed {row.title}")
                self.reload()

        question = Content.assemble("Remove ", (row.title, "bold"), " from the library (with its bookmarks)?")
        self.app.push_screen(Confirm(question, "Remove"), answered)

    def action_back(self) -> None:
        """Back to the reader (the search box first lets go of the keys)."""
        if self.query_one("#library-search", Input).has_focus:
            self.query_one(DataTable).focus()
            return
        self.dismiss(None)


def title_width(columns: int) -> int:
    """The widest title shown on a terminal ``columns`` wide (the other columns keep their room)."""
    return max(12, min(TITLE_WIDTH, columns - OTHER_COLUMNS))


def _kind(kind: str) -> str:
    return "sample" if kind == f"{BUILT_IN} (sample)" else kind


def _short(title: str, width: int = TITLE_WIDTH) -> str:
    """``title`` cut to ``width`` terminal cells (with …), so that the other columns fit at 80 columns."""
    if cell_len(title) <= width:
        return title
    return set_cell_size(title, width - 1).rstrip() + "…"


def _length(characters: int) -> str:
    if characters >= 1_000_000:
        return f"{characters / 1_000_000:.1f}M"
    if characters >= 10_000:
        return f"{characters / 1000:.0f}k"
    return f"{characters:,}"
