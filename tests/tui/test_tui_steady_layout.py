"""A redraw cost the user does not see: layouts of the whole screen that change nothing."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from bilingual_reader.tui.app import create_app

from .pilot_helpers import counted_layouts, settle, started


def lines(extra: int, _paragraph: int, _width: int) -> list[str]:
    """``extra`` extra lines under a paragraph."""
    return ["·"] * extra


async def test_a_text_growing_fits_its_scroll_bar_and_lays_the_screen_out_only_to_show_it(
    article_path: Path, glossary_path: Path
) -> None:
    """The text view's virtual size changes in steps as its paragraphs are laid out (estimates, then real
    heights; segmentation; English): the scroll bar follows it, and the screen is laid out only when the bar
    is shown (Textual's virtual size laid the whole screen out on every step)."""
    app = create_app(article_path, glossary_path)
    async with started(app, (100, 30)) as (pilot, screen):
        view = screen.text
        assert view.virtual_size.height < view.size.height and not view.show_vertical_scrollbar
        layouts = counted_layouts(screen)
        expected = ["no bar", "bar shown", "bar grows"]
        seen = []
        for extra in (4, 20, 30):  # two paragraphs, ~4 lines of text: 12, 44, 64 lines on 26 rows
            layouts.clear()
            view.hooks.add_extra_lines("test", partial(lines, extra))
            await settle(app, pilot)
            assert view.virtual_size.height > 2 * extra
            if not view.show_vertical_scrollbar:
                seen.append("no bar")
                assert layouts == []
            elif layouts:
                seen.append("bar shown")  # laid out (Textual's second pass included: two layouts)
                assert view.vertical_scrollbar.display and len(layouts) <= 2
            else:
                seen.append("bar grows")
            if view.show_vertical_scrollbar:
                bar = view.vertical_scrollbar
                assert bar.window_virtual_size == view.virtual_size.height
                assert bar.window_size == view.size.height
        assert seen == expected
        assert "·" in view.render_line(view.size.height - 1).text  # drawn: the text fills the screen now
