"""Per-token styles other components give the text view (the learner's word statuses, say), and turning a
Textual style string with theme variables (``"underline $text-success"``) into a rich style."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from rich.style import Style

if TYPE_CHECKING:
    from textual.app import App
    from textual.color import Color

    from bilingual_reader.tui.reader.words import TokenLike

#: styler(paragraph, tokens) -> {token index: style}: a Textual style string or a rich Style.
TokenStyler = Callable[[int, Sequence["TokenLike"]], Mapping[int, "str | Style"]]

_VARIABLE = re.compile(r"\$([A-Za-z0-9_-]+)")


_CACHE: dict[tuple[str, str, Color | None], Style] = {}


def resolve_style(app: App[object], style: str | Style, background: Color | None = None) -> Style:
    """A rich style for ``style``; ``$name`` is the app's theme variable (colours only); a background with
    alpha (``"on #56B4E9 35%"``) is blended over ``background`` (the view's), as rich has no alpha."""
    if isinstance(style, Style):
        return style
    key = (app.theme, style, background)
    found = _CACHE.get(key)
    if found is None:
        from textual.style import Style as TextualStyle

        values = app.theme_variables
        text = _VARIABLE.sub(lambda m: values.get(m.group(1), m.group(0)), style)
        parsed = TextualStyle.parse(text)
        if parsed.background is not None and background is not None:
            parsed = TextualStyle(background=background + parsed.background) + TextualStyle(
                foreground=parsed.foreground,
                bold=parsed.bold,
                dim=parsed.dim,
                italic=parsed.italic,
                underline=parsed.underline,
                reverse=parsed.reverse,
                strike=parsed.strike,
            )
        found = _CACHE[key] = parsed.rich_style
    return found
