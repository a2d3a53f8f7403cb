"""The question asked before a concept is deleted from the glossary."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

if TYPE_CHECKING:
    from bilingual_reader.glossary.models import Concept


class ConfirmDelete(ModalScreen[bool]):
    """Asks before a concept is deleted; dismisses with True to delete."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,n", "answer(False)", "Keep"),
        Binding("y", "answer(True)", "Delete"),
    ]

    def __init__(self, concept: Concept) -> None:
        """Ask about ``concept``."""
        super().__init__()
        self.concept = concept

    def compose(self) -> ComposeResult:
        """The question and two buttons (Cancel focused)."""
        terms = " ; ".join(t.text for t in self.concept.terms)
        with Vertical(id="confirm-body"):
            yield Static(Content.assemble("Delete ", (terms, "bold"), " from the glossary?"))
            with Horizontal(id="confirm-buttons"):
                yield Button("Delete (y)", variant="error", id="confirm-delete")
                yield Button("Keep (n)", id="confirm-keep")

    def on_mount(self) -> None:
        """Focus the safe answer."""
        self.query_one("#confirm-keep", Button).focus()

    def action_answer(self, delete: bool) -> None:
        """Close with the answer."""
        self.dismiss(delete)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "confirm-delete")
