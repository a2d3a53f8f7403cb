"""The one place that moves the reader's cursor from outside the text view, and reads where it is.

Positions are (paragraph, character offset of the word): they survive segmentation changing the tokens.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bilingual_reader.tui.reader.screen import ReaderScreen


def jump(screen: ReaderScreen, paragraph: int, offset: int = 0, *, to_top: bool = False) -> None:
    """Put the cursor on the word of ``paragraph`` at character ``offset`` and bring it into view; ``to_top``:
    with its paragraph at the top of the view, as a book opens at a chapter (else the least scroll)."""
    count = len(screen.article.paragraphs)
    if count == 0:
        return
    paragraph = max(0, min(paragraph, count - 1))
    screen.go_to(paragraph, offset)
    if to_top:
        restore_view(screen, screen.text.layout_.block_start(paragraph))


def cursor_position(screen: ReaderScreen) -> tuple[int, int]:
    """The cursor's paragraph and the character offset of its word."""
    cursor = screen.text.cursor
    return cursor.paragraph, cursor.offset()


def view_top(screen: ReaderScreen) -> int:
    """How far the text is scrolled (lines)."""
    return round(screen.text.scroll_y)


def restore_view(screen: ReaderScreen, top: int) -> None:
    """Scroll the text back to ``top`` lines, keeping the cursor on screen."""
    screen.text.scroll_to(y=top, animate=False, immediate=True)
    screen.text.cursor.scroll_into_view()
