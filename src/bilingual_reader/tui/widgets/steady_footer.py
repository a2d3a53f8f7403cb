"""A footer that lists its screen's keys again only when they change."""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING

from textual.widgets import Footer
from textual.widgets._footer import FooterKey

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
    """Textual's ``Footer`` minus the work that changes nothing: it composes a key widget per binding
    whenever its screen comes back or its focus moves (this one only when the keys differ from the ones it
    shows), and each new key widget was styled three times on mount (here once). Every screen's footer."""

    _shown: Hashable = None

    def compose(self) -> ComposeResult:
        """The keys, remembered; each key widget already in the compact state it would take on mount (a key
        starts compact, then follows the footer's ``compact``, but the palette's key stays compact): each
        flip of its class would restyle it."""
        if self._bindings_ready:
            self._shown = shown_keys(self.screen)
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                compact = self.compact or widget.has_class("-command-palette")
                widget.set_reactive(FooterKey.compact, compact)
                widget.set_class(compact, "-compact", update=False)
            yield widget

    def bindings_changed(self, screen: Screen[object]) -> None:
        """Compose the keys again if they changed."""
        if self._shown is not None and screen is self.screen and shown_keys(screen) == self._shown:
            return
        super().bindings_changed(screen)
