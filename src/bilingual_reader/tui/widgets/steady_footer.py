"""A footer that lists its screen's keys again only when they change."""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING

from textual.widgets import Footer

if TYPE_CHECKING:
    from textual.app import ComposeResult
    from textual.screen import Screen


def shown_keys(screen: Screen[object]) -> Hashable:
    """What a footer shows of ``screen``'s active bindings: key, action, label, enabled, tooltip."""
    return tuple(
        (binding.key, binding.action, binding.description, enabled, tooltip)
        for _, binding, enabled, tooltip in screen.active_bindings.values()
        if binding.show or binding.action == "command_palette"
    )


class SteadyFooter(Footer):
    """A ``Footer`` for a screen shown again and again (the lookup popup): Textual composes a key widget per
    binding whenever the screen comes back or its focus moves; this one only when the keys differ from the
    ones it shows."""

    _shown: Hashable = None

    def compose(self) -> ComposeResult:
        """The keys, remembered."""
        if self._bindings_ready:
            self._shown = shown_keys(self.screen)
        yield from super().compose()

    def bindings_changed(self, screen: Screen[object]) -> None:
        """Compose the keys again if they changed."""
        if self._shown is not None and screen is self.screen and shown_keys(screen) == self._shown:
            return
        super().bindings_changed(screen)
