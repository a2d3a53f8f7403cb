"""A footer that lists its screen's keys again only when they change."""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING

from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

if TYPE_CHECKING:
    from textual.app import ComposeResult


def shown_keys(screen: Screen[object]) -> Hashable:
    """What a footer shows of ``screen``'s active bindings: key, action, label, enabled, tooltip."""
    return tuple(
        (binding.key, binding.action, binding.description, enabled, tooltip)
        for _, binding, enabled, tooltip in screen.active_bindings.values()
        if binding.show or binding.action == "command_palette"
    )


def modal_focus(screen: Screen[object]) -> Widget | None:
    """The modal widget (a popup over the screen, not a modal screen) that holds ``screen``'s focus, if any:
    the keys are then that widget's only."""
    focused = screen.focused
    if focused is None:
        return None
    for node in focused.ancestors_with_self:
        if isinstance(node, Screen):
            return None
        if node.is_modal and isinstance(node, Widget):
            return node
    return None


def compact_key(key: FooterKey, compact: bool) -> FooterKey:
    """``key`` already in the compact state it would take on mount (each flip of its class restyles it)."""
    key.set_reactive(FooterKey.compact, compact)
    key.set_class(compact, "-compact", update=False)
    return key


class SteadyFooter(Footer):
    """Textual's ``Footer`` minus the work that changes nothing: it composes a key widget per binding
    whenever its screen comes back or its focus moves (this one only when the keys differ from the ones it
    shows), and each new key widget was styled three times on mount (here once). Every screen's footer."""

    _shown: Hashable = None
    owner: Widget | None = None
    """The modal widget whose keys this footer shows (None: the screen's, while no modal widget has the
    focus); the footer is left as it is while another holds the focus (a popup with its own footer)."""

    def compose(self) -> ComposeResult:
        """The keys, remembered; each key widget already in the compact state it would take on mount (a key
        starts compact, then follows the footer's ``compact``, but the palette's key stays compact): each
        flip of its class would restyle it."""
        if self._bindings_ready:
            self._shown = shown_keys(self.screen)
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                compact_key(widget, self.compact or widget.has_class("-command-palette"))
            yield widget

    def bindings_changed(self, screen: Screen[object]) -> None:
        """Compose the keys again if they changed (and are this footer's to show)."""
        if modal_focus(screen) is not self.owner:
            return
        if self._shown is not None and screen is self.screen and shown_keys(screen) == self._shown:
            return
        super().bindings_changed(screen)
