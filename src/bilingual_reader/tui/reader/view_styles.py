"""Per-token styles other components give the text view (the learner's word statuses, say), and turning a
Textual style string with theme variables (``"underline $text-success"``) into a rich style."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from rich.style import Style

if TYPE_CHECKING:
    from textual.app import App

    from bilingual_reader.tui.reader.words import TokenLike

#: styler(paragraph, tokens) -> {token index: style}: a Textual style string or a rich Style.
TokenStyler = Callable[[int, Sequence["TokenLike"]], Mapping[int, "str | Style"]]

_VARIABLE = re.compile(r"\$([A-Za-z0-9_-]+)")


_CACHE: dict[tuple[str, str], Style] = {}


def resolve_style(app: App[object], style: str | Style) -> Style:
    """A rich style for ``style``; ``$name`` is the app's theme variable (colours only)."""
    if isinstance(style, Style):
        return style
    key = (app.theme, style)
    found = _CACHE.get(key)
    if found is None:
        values = app.theme_variables
        text = _VARIABLE.sub(lambda m: values.get(m.group(1), m.group(0)), style)
        text = re.sub(r"(#[0-9A-Fa-f]{6})[0-9A-Fa-f]{2}\b", r"\1", text)  # rich has no alpha
        found = _CACHE[key] = Style.parse(text)
    return found
