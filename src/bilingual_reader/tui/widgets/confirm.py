"""The question asked before something is destroyed (a glossary concept, a text in the library): y goes
ahead, n or escape keeps it (the focused, safe answer)."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class Confirm(ModalScreen[bool]):
    """Asks ``question`` with a button ``verb`` (y) and Keep (n); dismisses with True to go ahead."""

    DEFAULT_CSS = """
    Confirm { align: center middle; }
    Confirm #confirm-body {
        width: 60; max-width: 90%; height: auto;
        border: round $error; padding: 1 2; background: $surface;
    }
    Confirm #confirm-buttons { height: auto; align-horizontal: right; margin-top: 1; }
    Confirm #confirm-buttons > Button { margin-left: 2; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,n", "answer(False)", "Keep"),
        Binding("y", "answer(True)", "Yes"),
    ]

    def __init__(self, question: Content, verb: str) -> None:
        """Ask ``question``; ``verb`` names what y does ("Delete")."""
        super().__init__()
        self.question = question
        self.verb = verb

    def compose(self) -> ComposeResult:
        """The question and two buttons (Keep focused)."""
        with Vertical(id="confirm-body"):
            yield Static(self.question)
            with Horizontal(id="confirm-buttons"):
                yield Button(f"{self.verb} (y)", variant="error", id=f"confirm-{self.verb.lower()}")
                yield Button("Keep (n)", id="confirm-keep")

    def on_mount(self) -> None:
        """Focus the safe answer."""
        self.query_one("#confirm-keep", Button).focus()

    def action_answer(self, yes: bool) -> None:
        """Close with the answer."""
        self.dismiss(yes)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id != "confirm-keep")
