"""Commands defined once, as data: the key bindings, the footer, the command palette, the help screen and the
README's key table are all derived from them."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any, Generic, Protocol, TypeVar, runtime_checkable

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider

T = TypeVar("T")

#: A command palette entry: title, help, what it runs.
PaletteEntry = tuple[str, str, Callable[[], object]]

#: How key names are spelled in the help screen and the README (Textual's names otherwise).
KEY_NAMES = {
    "left": "←",
    "right": "→",
    "up": "↑",
    "down": "↓",
    "enter": "⏎",
    "space": "space",
    "pageup": "PgUp",
    "pagedown": "PgDn",
    "home": "Home",
    "end": "End",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "question_mark": "?",
    "slash": "/",
    "escape": "Esc",
}


def _always(_: object) -> bool:
    return True


@dataclass(frozen=True)
class Command(Generic[T]):
    """One thing the user can ask of ``T`` (a screen or the app): by key, from the palette, from the footer.

    ``keys`` are Textual key names, comma-separated ("" for a palette-only command); ``footer`` is the
    footer's label ("" keeps it out of the footer); ``available`` says whether it can run now (the key does
    nothing and the palette hides it otherwise).
    """

    name: str
    keys: str
    title: str
    help: str
    run: Callable[[T], object]
    footer: str = ""
    key_display: str | None = None
    palette: bool = True
    available: Callable[[T], bool] = field(default=_always)

    @property
    def key_text(self) -> str:
        """The keys as a person reads them, e.g. ``⏎/space``."""
        return "/".join(KEY_NAMES.get(key, key) for key in self.keys.split(",")) if self.keys else ""


def bindings(commands: Iterable[Command[T]], action: str) -> list[Binding]:
    """Key bindings running ``action('<name>')`` for every command that has keys."""
    return [
        Binding(
            command.keys,
            f"{action}('{command.name}')",
            command.footer or command.title,
            show=bool(command.footer),
            key_display=command.key_display,
        )
        for command in commands
        if command.keys
    ]


def palette_entries(commands: Iterable[Command[T]], target: T) -> list[PaletteEntry]:
    """(title, help, callback) of the commands offered in the palette that ``target`` can run now."""
    return [
        (c.title, f"{c.help} ({c.key_text})" if c.keys else c.help, partial(c.run, target))
        for c in commands
        if c.palette and c.available(target)
    ]


def by_name(commands: Sequence[Command[T]]) -> dict[str, Command[T]]:
    """The commands keyed by name (names are unique)."""
    found = {command.name: command for command in commands}
    assert len(found) == len(commands), "command names must be unique"
    return found


def key_table(commands: Iterable[Command[Any]]) -> str:
    """The Markdown table of the keyed commands (the README carries it between ``<!-- keys -->`` marks)."""
    rows = ["| Key | Command | What it does |", "| --- | --- | --- |"]
    rows += [f"| `{c.key_text}` | {c.title} | {c.help} |" for c in commands if c.keys]
    return "\n".join(rows)


@runtime_checkable
class Commanded(Protocol):
    """A screen or app that offers commands in the palette."""

    def palette_commands(self) -> list[PaletteEntry]:
        """Its commands that can run now."""


class CommandsProvider(Provider):
    """The command palette's entries: the current screen's commands, then the app's."""

    def _entries(self) -> list[PaletteEntry]:
        entries: list[PaletteEntry] = []
        for source in (self.screen, self.app):
            if isinstance(source, Commanded):
                entries += source.palette_commands()
        return entries

    async def discover(self) -> Hits:
        """Every command, shown when the palette opens."""
        for title, help_text, callback in self._entries():
            yield DiscoveryHit(title, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        """Commands matching ``query``."""
        matcher = self.matcher(query)
        for title, help_text, callback in self._entries():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, help=help_text)
