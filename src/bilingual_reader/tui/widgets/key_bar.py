"""The footer of every screen: the keys that work there, drawn on one line by one widget."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.screen import Screen
from textual.strip import Strip
from textual.widget import Widget

if TYPE_CHECKING:
    from textual.binding import Binding

#: Drawn at the left of the command palette's key (Textual's ``vkey`` border).
EDGE = "▏"


@dataclass(frozen=True)
class BarKey:
    """A key the bar shows: the key a click presses, how it is shown, its label, and whether it works now."""

    key: str
    display: str
    description: str
    action: str
    enabled: bool = True


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


class KeyBar(Widget, can_focus=False):
    """The keys of its screen (or, given an ``owner``, of that modal widget) as Textual's ``Footer`` shows
    them: each shown binding once per action, dimmed when it cannot run now, the command palette's key at
    the right; a click presses the key. One widget drawing one line, where ``Footer`` mounts a widget per
    key and mounts them all again whenever the screen's keys change (two thirds of a reader's start-up
    frames went into those widgets). Listed again only when the keys differ; keys that do not fit are cut."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "key-bar--item",
        "key-bar--key",
        "key-bar--description",
        "key-bar--hover",
        "key-bar--edge",
    }
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        .key-bar--item { background: $footer-item-background; }
        .key-bar--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .key-bar--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .key-bar--hover { color: $footer-key-foreground; background: $block-hover-background; }
        .key-bar--edge { color: $foreground 20%; }
    }
    """

    def __init__(self, owner: Widget | None = None, *, id: str | None = None) -> None:
        """The keys of the screen the bar is on, or (given) of ``owner``, a modal widget on it."""
        super().__init__(id=id)
        self.owner = owner
        self.keys: tuple[BarKey, ...] = ()
        """The keys shown, the palette's last (if shown)."""
        self.palette: BarKey | None = None
        """The command palette's key, drawn at the right."""
        self._spans: list[tuple[int, int, BarKey]] = []
        self._hover: BarKey | None = None

    def on_mount(self) -> None:
        """List the keys, and again whenever the screen says they changed."""
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)
        self.list_keys()

    def on_unmount(self) -> None:
        """Stop listening to the screen."""
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen[object]) -> None:
        """The screen's keys changed: list them again if they are this bar's to show. A bar of the screen's
        keys keeps them while a popup with a bar of its own has the focus; a popup's bar follows its popup's
        keys whether the popup has the focus or not."""
        if screen is self.screen and (self.owner is not None or modal_focus(screen) is None):
            self.list_keys()

    def list_keys(self) -> None:
        """Read the keys again; draw the bar again only if they changed."""
        keys, palette = self._read_keys()
        if (keys, palette) != (self.keys, self.palette):
            self.keys, self.palette = keys, palette
            self._hover = None
            self.refresh()

    def _read_keys(self) -> tuple[tuple[BarKey, ...], BarKey | None]:
        app = self.app
        found: list[tuple[Binding, bool]]
        palette = None
        if self.owner is not None:  # its keys whose check says True (shown), None (dimmed), not False
            owner, check = self.owner, app._check_action_state
            states = [(binding, check(binding.action, owner)) for _, binding in owner._bindings]
            found = [(binding, bool(state)) for binding, state in states if state is not False]
        else:
            active = self.screen.active_bindings
            found = [(binding, enabled) for _, binding, enabled, _ in active.values()]
            shown = active.get(app.COMMAND_PALETTE_BINDING) if app.ENABLE_COMMAND_PALETTE else None
            palette = None if shown is None else self._key(shown[1], shown[2])
        keys: dict[str, BarKey] = {}
        for binding, enabled in found:
            if binding.show and binding.action not in keys:
                keys[binding.action] = self._key(binding, enabled)
        return tuple(keys.values()), palette

    def _key(self, binding: Binding, enabled: bool) -> BarKey:
        display = self.app.get_key_display(binding)
        return BarKey(binding.key, display, binding.description, binding.action, enabled)

    def render_line(self, y: int) -> Strip:
        """The keys from the left, cut where the palette's key starts at the right."""
        width = self.size.width
        palette = self._palette_segments()
        room = max(0, width - Segment.get_line_length(palette))
        segments: list[Segment] = []
        self._spans = []
        x = 0
        for key in self.keys:
            parts = self._key_segments(key, compact=False)
            length = Segment.get_line_length(parts)
            if x < room:
                self._spans.append((x, min(x + length, room), key))
            segments.extend(parts)
            x += length
        line = Strip(segments).crop_extend(0, room, self._blank())
        if self.palette is not None:
            self._spans.append((room, width, self.palette))
        return Strip.join([line, Strip(palette)]).crop(0, width).simplify()

    def _palette_segments(self) -> list[Segment]:
        if self.palette is None:
            return []
        item = self._item_style(self.palette)
        edge = Segment(EDGE, item + Style(color=self.get_component_rich_style("key-bar--edge").color))
        padding = Segment(" ", Style(bgcolor=item.bgcolor))
        return [edge, *self._key_segments(self.palette, compact=True), padding]

    def _blank(self) -> Style:
        return Style(bgcolor=self.rich_style.bgcolor)

    def _item_style(self, key: BarKey) -> Style:
        names = "key-bar--hover" if key is self._hover else "key-bar--item"
        style = self.rich_style + self.get_component_rich_style(names)
        return style + Style(dim=True) if not key.enabled else style

    def _key_segments(self, key: BarKey, *, compact: bool) -> list[Segment]:
        """`` key `` then ``label `` as Textual's ``FooterKey`` draws them (compact: ``key`` `` label``)."""
        item = self._item_style(key)
        key_style = item + self.get_component_rich_style("key-bar--key", partial=True)
        label_style = item + self.get_component_rich_style("key-bar--description", partial=True)
        if not key.description:
            return [Segment(key.display, key_style)]
        if compact:
            return [Segment(key.display, key_style), Segment(f" {key.description}", label_style)]
        return [Segment(f" {key.display} ", key_style), Segment(f"{key.description} ", label_style)]

    def key_at(self, x: int) -> BarKey | None:
        """The key drawn at column ``x`` of the bar, if any."""
        return next((key for start, end, key in self._spans if start <= x < end), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        """Light up the key under the pointer."""
        self._set_hover(self.key_at(event.x))

    def on_leave(self) -> None:
        """Nothing is lit once the pointer leaves."""
        self._set_hover(None)

    def _set_hover(self, key: BarKey | None) -> None:
        if key is not self._hover:
            self._hover = key
            self.refresh()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        """A click on a key presses it (a key that cannot run now rings the bell)."""
        key = self.key_at(event.x)
        if key is None:
            return
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()

    def text(self) -> str:
        """The bar as plain text (what a test reads)."""
        return self.render_line(0).text
