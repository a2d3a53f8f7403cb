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
        "Search, filter by subject or origin, add, edit, delete, candidate terms (/, a, e, d, ⏎, c)",
        lambda app: app.show_glossary(),
        footer="Glossary",
    ),
    Command(
        "library",
        "L",
        "Library: your texts",
        "Every text you added, where you left it; search (/), sort (s), open (⏎), remove (d)",
        lambda app: app.library.show_library(),
    ),
    Command(
        "add_to_library",
        "",
        "Add this text to the library",
        "Copy the text being read into your library, to come back to it from the library screen",
        lambda app: app.library.add_current(),
    ),
    Command("quit", "q", "Quit", "Leave the reader", lambda app: app.exit(), footer="Quit"),
)
