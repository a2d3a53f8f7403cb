"""The table of contents of a book: its chapters, the current one highlighted; Enter jumps there."""

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
    from bilingual_reader.documents.articles import Chapter


class ContentsScreen(ModalScreen[int | None]):
    """Lists ``chapters`` indented by level; dismisses with the chosen chapter's index (None: Esc)."""

    CSS_PATH = "library.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,t", "dismiss_none", "Close")]

    def __init__(self, title: str, chapters: tuple[Chapter, ...], current: int | None) -> None:
        """The contents of the text titled ``title``; ``current`` is the cursor's chapter."""
        super().__init__()
        self.heading = title
        self.chapters = chapters
        self.current = current

    def compose(self) -> ComposeResult:
        """The title and the chapters."""
        with Vertical(id="contents-body", classes="library-panel"):
            yield Static(f"Contents: {self.heading}", classes="panel-title")
            yield OptionList(
                *(Option(("  " * (c.level - 1)) + c.title, id=str(i)) for i, c in enumerate(self.chapters)),
                id="contents",
            )
            yield Static("⏎ go to the chapter (where you were in it) · Esc close", classes="panel-help")

    def on_mount(self) -> None:
        """Highlight the current chapter."""
        options = self.query_one("#contents", OptionList)
        options.focus()
        if self.current is not None:
            options.highlighted = self.current

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id or 0))

    def action_dismiss_none(self) -> None:
        """Close without jumping."""
        self.dismiss(None)
