"""The one place that moves the reader's cursor from outside the text view, and reads where it is.

Positions are (paragraph, character offset of the word): they survive segmentation changing the tokens.
Uses ``ReaderScreen.go_to`` when the text view offers it (the virtual view), else the view's
``place_cursor_at``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bilingual_reader.tui.reader.screen import ReaderScreen


def jump(screen: ReaderScreen, paragraph: int, offset: int = 0) -> None:
    """Put the cursor on the word of ``paragraph`` at character ``offset`` and bring it into view."""
    count = len(screen.article.paragraphs)
    if count == 0:
        return
    paragraph = max(0, min(paragraph, count - 1))
    go_to: Callable[[int, int], None] | None = getattr(screen, "go_to", None)
    if go_to is not None:
        go_to(paragraph, offset)
    else:
        screen.text.place_cursor_at(paragraph, offset)


def cursor_position(screen: ReaderScreen) -> tuple[int, int]:
    """The cursor's paragraph and the character offset of its word."""
    view = screen.text
    offset_of: Callable[[], int | None] | None = getattr(view, "cursor_offset", None)
    if offset_of is not None:
        return view.paragraph, offset_of() or 0
    token = view.cursor_token()
    return view.paragraph, token.start if token is not None else 0


def view_top(screen: ReaderScreen) -> int:
    """How far the text is scrolled (lines)."""
    return round(screen.text.scroll_y)


def restore_view(screen: ReaderScreen, top: int) -> None:
    """Scroll the text back to ``top`` lines, keeping the cursor on screen."""
    screen.text.scroll_to(y=top, animate=False, immediate=True)
    screen.text.scroll_to_cursor()
