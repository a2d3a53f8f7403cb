"""A screen whose layout does not ask for itself again when all it changed was the widgets' sizes."""

from __future__ import annotations

from textual.geometry import Size
from textual.screen import Screen
from textual.scrollbar import ScrollBar
from textual.widget import Widget


def _scrollbars(widget: Widget) -> tuple[bool, bool]:
    """Which scroll bars ``widget`` shows that take room (a scroll bar: its widget's; a footer scrolls with
    bars of size 0)."""
    if isinstance(widget, ScrollBar) and isinstance(widget.parent, Widget):
        widget = widget.parent
    styles = widget.styles
    return (
        widget.show_horizontal_scrollbar and styles.scrollbar_size_horizontal > 0,
        widget.show_vertical_scrollbar and styles.scrollbar_size_vertical > 0,
    )


class SteadyLayoutScreen(Screen[None]):
    """Textual's ``Screen`` minus a second layout after each one that resized a widget. A layout tells each
    widget its size and virtual (scrollable) size, and the virtual size is a reactive that asks for a layout
    when it changes: every layout that resized something (the first frame, the footer's keys listed, a
    banner shown, the terminal resized) was followed by another that found everything in place and drew the
    screen again. Here the layout requests raised while the widgets (the screen and the scroll bars too)
    are told their sizes, before the frame is drawn, are withdrawn, except where a scroll bar that takes
    room was shown or hidden (a content area changed). Requests raised before, while drawing, or after
    (resize handlers run later) stand."""

    _asking: dict[Widget, tuple[bool, bool]] | None = None

    def _refresh_layout(self, size: Size | None = None, scroll: bool = False) -> None:
        widgets: set[Widget] = set(self._compositor.widgets)
        for widget in self.walk_children(Widget, with_self=True):
            widgets.add(widget)
            widgets.update(bar for bar in (widget._vertical_scrollbar, widget._horizontal_scrollbar) if bar)
        self._asking = {widget: _scrollbars(widget) for widget in widgets if not widget._layout_required}
        try:
            super()._refresh_layout(size, scroll)
        finally:
            _withdraw(self)

    def _compositor_refresh(self) -> None:
        _withdraw(self)  # a layout's frame: before drawing (a widget may ask while it draws)
        super()._compositor_refresh()


def _withdraw(screen: SteadyLayoutScreen) -> None:
    """Withdraw the layout requests raised since ``screen``'s layout began (once)."""
    asking, screen._asking = screen._asking, None
    if asking is None:
        return
    for widget, scrollbars in asking.items():
        if widget._layout_required and _scrollbars(widget) == scrollbars:
            widget._layout_required = False
