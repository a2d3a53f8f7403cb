"""The text view's lines as the screen takes them: each drawn line padded and put through the app's line
filters once, then kept. Textual's own path (``StylesCache``) builds both anew for every line of every frame,
and a jump (``End``, a bookmark, the table of contents) redraws every line of the screen."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, NamedTuple

from rich.segment import Segment
from rich.style import Style as RichStyle
from textual.color import Color
from textual.filter import LineFilter
from textual.geometry import Region
from textual.strip import Strip
from textual.style import Style

if TYPE_CHECKING:
    from textual.widget import Widget

#: Finished lines kept (a few screens' worth, across jumps back and forth).
LIMIT = 2048


class _Finish(NamedTuple):
    """How lines are finished for the widget as it is now (a change drops the kept lines)."""

    width: int
    content_width: int
    left: int
    right: int
    pad: RichStyle
    background: Color
    filters: Sequence[LineFilter]


class Finisher:
    """Finishes (pads and filters) a widget's drawn lines and keeps them, for widgets without borders,
    outlines, tint, opacity, hatching or vertical padding; anything else is left to Textual."""

    def __init__(self) -> None:
        """Nothing finished yet."""
        self._finished: OrderedDict[int, tuple[Strip, Strip]] = OrderedDict()
        self._how: _Finish | None = None

    def lines(self, widget: Widget, crop: Region, draw: Callable[[int], Strip]) -> list[Strip] | None:
        """Lines ``crop`` of ``widget`` (``draw(y)`` gives the content of line ``y``), or None when its styles
        need Textual's full path."""
        styles = widget.styles
        top, _, bottom, _ = styles.padding
        if (
            top
            or bottom
            or any(edge for edge, _ in styles.border)
            or any(edge for edge, _ in styles.outline)
            or styles.tint.a
            or styles.text_opacity != 1.0
            or widget.opacity != 1.0
            or styles.has_rule("hatch")
            or widget.border_title
            or widget.border_subtitle
        ):
            return None
        self.check(widget)
        lines = [self.finish(widget, draw(y)) for y in crop.line_range]
        while len(self._finished) > LIMIT:
            self._finished.popitem(last=False)
        hover = widget.hover_style
        if widget.auto_links and hover._link_id and hover._meta and "@click" in hover.meta:
            lines = [line.style_links(hover.link_id, widget.link_style_hover) for line in lines]
        x1, x2 = crop.column_span
        if (x1, x2) != (0, widget.region.width):
            lines = [line.crop(x1, x2) for line in lines]
        return lines

    def check(self, widget: Widget) -> None:
        """Take the widget's size, padding, background and filters as they are now."""
        base, background = widget.background_colors
        _, right, _, left = widget.styles.padding
        how = _Finish(
            widget.region.width,
            widget.content_region.width,
            left,
            right,
            Style(background=base + background).rich_style,
            background,
            tuple(widget.get_line_filters()),
        )
        if how != self._how:
            self._how = how
            self._finished.clear()

    def finish(self, widget: Widget, content: Strip) -> Strip:
        """``content`` (a drawn line of ``widget``) padded and filtered, as kept or made now."""
        finished = self._finished
        kept = finished.get(id(content))
        if kept is not None and kept[0] is content:
            finished.move_to_end(id(content))
            return kept[1]
        how = self._how
        if how is None:
            self.check(widget)
            how = self._how
            assert how is not None
        line = content.adjust_cell_length(how.content_width, how.pad)
        if how.left or how.right:
            segments = [Segment(" " * how.left, how.pad)] if how.left else []
            segments += line
            segments += [Segment(" " * how.right, how.pad)] if how.right else []
            line = Strip(segments, how.left + how.content_width + how.right)
        for line_filter in how.filters:
            line = line.apply_filter(line_filter, how.background)
        finished[id(content)] = (content, line)
        return line
