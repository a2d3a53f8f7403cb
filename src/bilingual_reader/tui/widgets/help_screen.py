"""The help screen (``?``): every key and command of the reader, from the same list as the bindings."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from bilingual_reader.tui.commands import Command
from bilingual_reader.tui.widgets.key_bar import KeyBar


def help_content(commands: Sequence[Command[Any]]) -> Content:
    """One line per command: its keys (or "palette"), its title and what it does."""
    width = max((len(c.key_text) for c in commands), default=0)
    lines = [
        Content.assemble(
            (f"{c.key_text or 'ctrl+p':<{width}}  ", "bold $text-accent"),
            (c.title, "bold"),
            (f" — {c.help}", "dim"),
        )
        for c in commands
    ]
    return Content("\n").join(lines)


class HelpScreen(ModalScreen[None]):
    """Lists ``commands``; any of its keys closes it."""

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > #help-body {
        width: 90%; max-width: 120; height: auto; max-height: 90%;
        border: round $accent; padding: 0 1; background: $surface;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,question_mark,q", "close", "Close")]

    def __init__(self, commands: Sequence[Command[Any]]) -> None:
        """A help screen over ``commands`` (palette-only ones show ``ctrl+p``)."""
        super().__init__()
        self.commands = commands

    def compose(self) -> ComposeResult:
        """The list in a scrolling frame, with the keys below."""
        with VerticalScroll(id="help-body") as body:
            body.border_title = "Keys and commands (palette: ctrl+p)"
            yield Static(help_content(self.commands), id="help-text")
        yield KeyBar()

    def action_close(self) -> None:
        """Close the help."""
        self.dismiss(None)
