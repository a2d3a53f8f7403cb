"""The bookmarks panel: a text's bookmarks in reading order; Enter jumps, d removes."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

if TYPE_CHECKING:
    from bilingual_reader.library.store import Bookmark


class BookmarksScreen(ModalScreen["Bookmark | None"]):
    """Lists bookmarks; dismisses with the one chosen (None: Esc). ``d`` removes the highlighted one
    through ``remove`` (the list updates)."""

    CSS_PATH = "library.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,b", "dismiss_none", "Close"),
        Binding("d,delete", "remove", "Remove"),
    ]

    def __init__(self, bookmarks: list[Bookmark], remove: object) -> None:
        """Show ``bookmarks``; ``remove(bookmark)`` deletes one."""
        super().__init__()
        self.bookmarks = list(bookmarks)
        self._remove = remove

    def compose(self) -> ComposeResult:
        """The list, or a line saying how to set one."""
        with Vertical(id="bookmarks-body", classes="library-panel"):
            yield Static("Bookmarks", classes="panel-title")
            yield OptionList(*self._options(), id="bookmarks")
            yield Static("⏎ go there · d remove · m sets one at the cursor · Esc close", classes="panel-help")

    def _options(self) -> list[Option]:
        if not self.bookmarks:
            return [Option("No bookmarks yet: b sets one at the cursor.", disabled=True)]
        return [Option(f"¶{b.paragraph + 1}  {b.label}", id=str(i)) for i, b in enumerate(self.bookmarks)]

    def on_mount(self) -> None:
        """Focus the list."""
        self.query_one("#bookmarks", OptionList).focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.dismiss(self.bookmarks[int(event.option.id)])

    def action_remove(self) -> None:
        """Remove the highlighted bookmark."""
        options = self.query_one("#bookmarks", OptionList)
        index = options.highlighted
        if index is None or not self.bookmarks:
            return
        bookmark = self.bookmarks.pop(index)
        if callable(self._remove):
            self._remove(bookmark)
        options.clear_options()
        options.add_options(self._options())
        if self.bookmarks:
            options.highlighted = min(index, len(self.bookmarks) - 1)

    def action_dismiss_none(self) -> None:
        """Close without jumping."""
        self.dismiss(None)
