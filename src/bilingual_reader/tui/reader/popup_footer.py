"""The lookup popup's footer: the popup's keys, over the reader's footer while the popup is shown."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from bilingual_reader.tui.widgets.steady_footer import SteadyFooter, compact_key

if TYPE_CHECKING:
    from textual.app import ComposeResult
    from textual.binding import Binding
    from textual.screen import Screen
    from textual.widget import Widget


class PopupFooter(SteadyFooter):
    """The keys of a popup (``owner``), listed from the popup's own bindings: ready before the popup first
    takes the focus (a footer lists the focused widget's keys: it would list them after the first lookup's
    key, inside that key's time), and listed again only when they change (the status keys)."""

    DEFAULT_CSS = "PopupFooter { layer: popup; display: none; }"

    def __init__(self, popup: Widget) -> None:
        """The keys of ``popup``."""
        super().__init__()
        self.owner = self.popup = popup

    def keys(self) -> tuple[tuple[Binding, bool, str], ...]:
        """The popup's keys as a footer shows them: those shown and not disabled by the popup's
        ``check_action``, one per action, with whether each is enabled and its tooltip."""
        found: dict[str, tuple[Binding, bool, str]] = {}
        for _, binding in self.popup._bindings:
            if not binding.show or binding.action in found:
                continue
            state = self.app._check_action_state(binding.action, self.popup)
            if state is not False:
                found[binding.action] = (binding, bool(state), binding.tooltip)
        return tuple(found.values())

    def compose(self) -> ComposeResult:
        """A key widget per key, already in the footer's compact state (as ``SteadyFooter``)."""
        keys = self.keys()
        self._shown = keys
        self.styles.grid_size_columns = len(keys)
        for binding, enabled, tooltip in keys:
            key = FooterKey(
                binding.key,
                self.app.get_key_display(binding),
                binding.description,
                binding.action,
                disabled=not enabled,
                tooltip=tooltip,
            )
            yield compact_key(key, self.compact)

    def bindings_changed(self, screen: Screen[object]) -> None:
        """List the keys again if the popup's changed."""
        if screen is self.screen and self.is_attached and self.keys() != self._shown:
            Footer.bindings_changed(self, screen)
