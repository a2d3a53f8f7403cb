"""A footer that rebuilds its keys only when the keys it shows change."""

from __future__ import annotations

from collections.abc import Hashable

from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class SteadyFooter(Footer):
    """Textual's ``Footer``, minus the work that changes nothing. ``Footer`` composes a widget per key
    again whenever its screen's bindings *may* have changed (every focus move, every ``refresh_bindings``),
    mostly to show the same keys, and each new key widget is styled three times on mount."""

    _shown: Hashable = None

    def compose(self) -> ComposeResult:
        """``Footer``'s key widgets, each already in the compact state it would take on mount: a key starts
        compact and follows the footer's ``compact`` (the palette's key stays compact), and each flip of
        its class restyles it."""
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                compact = self.compact or widget.has_class("-command-palette")
                widget.set_reactive(FooterKey.compact, compact)
                widget.set_class(compact, "-compact", update=False)
            yield widget

    def _keys_shown(self) -> Hashable:
        """What ``compose`` would show now: the shown bindings with their state, and the palette's key."""
        if not self._bindings_ready:
            return None
        active = self.screen.active_bindings
        keys = tuple(
            (binding, enabled, tooltip) for _, binding, enabled, tooltip in active.values() if binding.show
        )
        palette = self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE
        palette_key = active.get(self.app.COMMAND_PALETTE_BINDING) if palette else None
        return keys, palette_key[1:] if palette_key else None

    async def recompose(self) -> None:
        """Compose the keys again if they differ from those on show."""
        if not self.is_attached:
            return
        shown = self._keys_shown()
        if shown == self._shown:
            return
        self._shown = shown
        await super().recompose()
