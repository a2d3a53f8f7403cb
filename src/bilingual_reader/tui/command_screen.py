"""A screen whose keys run commands defined once, as data (``tui/commands.py``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from textual.screen import Screen

from bilingual_reader.tui.commands import Command, PaletteEntry, by_name, palette_entries


class CommandScreen(Screen[None]):
    """Runs the commands of ``COMMANDS_LIST`` (a subclass sets it, with ``BINDINGS = bindings(COMMANDS_LIST,
    "command")``): a key runs its command and works only while the command is available; the palette lists
    the available ones."""

    COMMANDS_LIST: ClassVar[Sequence[Command[Any]]] = ()
    _by_name: ClassVar[dict[str, Command[Any]]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._by_name = by_name(cls.COMMANDS_LIST)

    def action_command(self, name: str) -> None:
        """Run one of the screen's commands (what its keys are bound to)."""
        self._by_name[name].run(self)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """A command's key works only while the command is available."""
        if action == "command" and parameters and isinstance(parameters[0], str):
            return self._by_name[parameters[0]].available(self)
        return True

    def palette_commands(self) -> list[PaletteEntry]:
        """The screen's commands for the command palette."""
        return palette_entries(self.COMMANDS_LIST, self)
