"""Following the reader: resume where a text was left, remember where it is now, show its chapter in the
header. The app calls these; they touch only the reader screen given and the reading state."""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

from bilingual_reader.tui.library.jumps import cursor_position, jump, restore_view, view_top

if TYPE_CHECKING:
    from bilingual_reader.library.store import Position
    from bilingual_reader.tui.library.reading import ReadingState
    from bilingual_reader.tui.reader.screen import ReaderScreen

_TARGETS: weakref.WeakKeyDictionary[ReaderScreen, Position] = weakref.WeakKeyDictionary()
# Screens whose text was resumed: before that, the cursor's first place is not where the reader is.
_RESUMED: weakref.WeakSet[ReaderScreen] = weakref.WeakSet()


def resume(screen: ReaderScreen, reading: ReadingState) -> None:
    """Put the cursor and the view where the screen's text was left (if it was read before)."""
    position = reading.resume(screen.article)
    _RESUMED.add(screen)
    if reading.error is not None:
        screen.notify(f"Reading positions are off: {reading.error}", severity="warning", timeout=8)
    if position is None:
        show_chapter(screen)
        return
    _TARGETS[screen] = position
    jump(screen, position.paragraph, position.offset)
    screen.call_after_refresh(restore_view, screen, position.top)
    show_chapter(screen)


def resegmented(screen: ReaderScreen) -> None:
    """The tokens changed: put a resumed cursor back on its word if the reader has not moved away."""
    target = _TARGETS.pop(screen, None)
    if target is not None and screen.text.cursor.paragraph == target.paragraph:
        jump(screen, target.paragraph, target.offset)


def track(screen: ReaderScreen, reading: ReadingState) -> None:
    """The cursor moved: remember where, and show the chapter it is in (once the text was resumed)."""
    if screen not in _RESUMED:
        return
    paragraph, offset = cursor_position(screen)
    reading.moved(screen.article, paragraph, offset, view_top(screen))
    show_chapter(screen)


def show_chapter(screen: ReaderScreen) -> None:
    """The header: the text's title, and the chapter the cursor is in."""
    article = screen.article
    chapter = article.chapter_at(screen.text.cursor.paragraph)
    if chapter is not None and chapter.title != article.title:
        screen.show_title(f"{article.title} · {chapter.title}")
    else:
        screen.show_title(article.title)
