"""The app's own commands (open the glossary, quit), defined once like the reader's."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bilingual_reader.tui.commands import Command

if TYPE_CHECKING:
    from bilingual_reader.tui.app import ReaderApp

APP_COMMANDS: tuple[Command[ReaderApp], ...] = (
    Command(
        "glossary",
        "g",
        "Glossary: browse, search and edit",
        "Search, filter by subject, add, edit, delete (/, a, e, d, ⏎)",
        lambda app: app.show_glossary(),
        footer="Glossary",
    ),
    Command("quit", "q", "Quit", "Leave the reader", lambda app: app.exit(), footer="Quit"),
)
