"""A dialog to edit a paragraph's English: the text saved becomes the paragraph's post-edit."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static, TextArea

#: Said when the English is saved blank: nothing is saved, and how to drop a post-edit instead.
BLANK_HINT = (
    "Blank English is not saved. escape cancels; to go back to the machine translation, "
    "press u (Revert to machine translation) on the paragraph."
)


class EnglishEditor(ModalScreen[str | None]):
    """Edit one paragraph's English beside its Thai; dismissed with the new English, or None if cancelled."""

    DEFAULT_CSS = """
    EnglishEditor { align: center middle; }
    EnglishEditor > #editor-body {
        width: 80%; max-width: 100; height: auto; max-height: 90%;
        border: round $accent; padding: 0 2; background: $surface;
    }
    EnglishEditor #editor-thai { margin: 1 0; color: $text-muted; }
    EnglishEditor #editor-text { height: 8; }
    EnglishEditor #editor-buttons { height: auto; align-horizontal: right; margin: 1 0; }
    EnglishEditor #editor-buttons > Button { margin-left: 2; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save"),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, thai: str, english: str) -> None:
        """Edit ``english``, the translation of ``thai`` (shown for reference)."""
        super().__init__()
        self.thai = thai
        self.english = english

    def compose(self) -> ComposeResult:
        """The Thai, a text area with the English, Save and Cancel."""
        with Vertical(id="editor-body"):
            yield Label("Edit the English (ctrl+s saves, escape cancels)")
            yield Static(self.thai, id="editor-thai", markup=False)
            yield TextArea(self.english, id="editor-text", soft_wrap=True)
            with Horizontal(id="editor-buttons"):
                yield Button("Cancel", id="editor-cancel")
                yield Button("Save", id="editor-save", variant="primary")

    def on_mount(self) -> None:
        """Put the cursor at the end of the English."""
        area = self.query_one("#editor-text", TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    @property
    def text(self) -> str:
        """The English as edited so far (lines joined by spaces, trimmed)."""
        return " ".join(self.query_one("#editor-text", TextArea).text.split())

    @on(Button.Pressed, "#editor-save")
    def action_save(self) -> None:
        """Close with the edited English; blank English is not saved: the editor stays and says what to do."""
        if not self.text:
            self.notify(BLANK_HINT, severity="warning", timeout=6, markup=False)
            return
        self.dismiss(self.text)

    @on(Button.Pressed, "#editor-cancel")
    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)
