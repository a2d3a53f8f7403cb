"""The question asked before a text is removed from the library."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class ConfirmRemove(ModalScreen[bool]):
    """Asks before the text titled ``title`` is removed; dismisses with True to remove."""

    CSS_PATH = "library.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,n", "answer(False)", "Keep"),
        Binding("y", "answer(True)", "Remove"),
    ]

    def __init__(self, title: str) -> None:
        """Ask about the text titled ``title``."""
        super().__init__()
        self.text_title = title

    def compose(self) -> ComposeResult:
        """The question and two buttons (Keep focused)."""
        with Vertical(id="confirm-body"):
            yield Static(
                Content.assemble(
                    "Remove ", (self.text_title, "bold"), " from the library (with its bookmarks)?"
                )
            )
            with Horizontal(id="confirm-buttons"):
                yield Button("Remove (y)", variant="error", id="confirm-remove")
                yield Button("Keep (n)", id="confirm-keep")

    def on_mount(self) -> None:
        """Focus the safe answer."""
        self.query_one("#confirm-keep", Button).focus()

    def action_answer(self, remove: bool) -> None:
        """Close with the answer."""
        self.dismiss(remove)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "confirm-remove")
