"""The popup's dimmed reader: each style blended exactly as Textual's ``BackgroundScreen`` blends it."""

from __future__ import annotations

import pytest
from rich.segment import Segment
from rich.style import Style
from textual.color import Color
from textual.renderables.background_screen import BackgroundScreen

from bilingual_reader.tui.reader.dimmed_screen import tint

DIM = Color(18, 18, 18, 0.6)


@pytest.mark.parametrize(
    "style",
    [
        None,
        Style(),
        Style(color="#e0e0e0"),
        Style(color="#fea62b", bgcolor="#1e1e1e", bold=True),
        Style(bgcolor="#2d4c65", underline=True),
        Style(color="#ffffff", link="https://example.org"),
        Style.from_meta({"@click": "app.quit"}) + Style(color="#707070"),
    ],
)
@pytest.mark.parametrize("color", [DIM, Color(0, 0, 0, 0)])
def test_a_style_is_dimmed_as_textual_dims_it(style: Style | None, color: Color) -> None:
    (expected,) = BackgroundScreen.process_segments([Segment("ก", style)], color)
    assert tint(style, color) == expected.style
    assert not tint(style, color).link and not tint(style, color).meta
