"""The reader dimmed behind a popup, as Textual's modal screens draw it (``BackgroundScreen``: every colour
blended with the popup screen's translucent background, links and actions dropped), but as strips straight
from the screen below, each style blended once and remembered: the popup opens in a few milliseconds
however much text is behind it, where rich's rendering of the whole screen cost most of a lookup."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.segment import Segment
from rich.style import Style as RichStyle
from textual.color import Color
from textual.geometry import Size
from textual.strip import Strip
from textual.visual import Visual

if TYPE_CHECKING:
    from textual.css.styles import RulesMap
    from textual.screen import Screen
    from textual.style import Style
    from textual.visual import RenderOptions

#: Blended styles kept (a screen has a few hundred; the cache is dropped when it grows past this).
CACHE_STYLES = 4096

_NULL = RichStyle()
_tinted: dict[tuple[RichStyle | None, Color], RichStyle] = {}


def tint(style: RichStyle | None, color: Color) -> RichStyle:
    """``style`` without links or actions, its colours blended with ``color`` (as ``BackgroundScreen``)."""
    key = (style, color)
    found = _tinted.get(key)
    if found is None:
        if len(_tinted) >= CACHE_STYLES:
            _tinted.clear()
        plain = _NULL if style is None else style.clear_meta_and_links()
        if color.a:
            foreground = (Color.from_rich_color(plain.color) + color).rich_color if plain.color else None
            background = (Color.from_rich_color(plain.bgcolor) + color).rich_color if plain.bgcolor else None
            plain = plain + RichStyle.from_color(foreground, background)
        found = _tinted[key] = plain
    return found


class DimmedScreen(Visual):
    """``screen`` (the one below a popup) tinted with ``color`` (translucent); ``drawn`` keeps the last
    drawing by size (the popup empties it when the screen below changes)."""

    def __init__(self, screen: Screen[object], color: Color, drawn: dict[Size, list[Strip]]) -> None:
        """Draw ``screen`` tinted with ``color``."""
        self.screen = screen
        self.color = color
        self.drawn = drawn

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        """The screen below, line by line, tinted."""
        return self.draw(Size(width, height if height is not None else self.screen.size.height))

    def draw(self, size: Size) -> list[Strip]:
        """The screen below at ``size``, line by line, tinted (drawn again only when it changed)."""
        found = self.drawn.get(size)
        if found is None:
            color = self.color
            found = [
                Strip(
                    [Segment(text, tint(style_, color)) for text, style_, control in strip if not control],
                    strip.cell_length,
                )
                for strip in self.screen._compositor.render_strips(size)
            ]
            self.drawn.clear()
            self.drawn[size] = found
        return found

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        """As wide as the container (the whole screen)."""
        return container_width

    def get_height(self, rules: RulesMap, width: int) -> int:
        """As tall as the screen below."""
        return self.screen.size.height
