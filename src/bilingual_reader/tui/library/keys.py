"""What the library's reader keys do: bookmarks (set, list, jump) and the table of contents."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bilingual_reader.tui.library.jumps import cursor_position, jump

if TYPE_CHECKING:
    from bilingual_reader.library.store import Bookmark
    from bilingual_reader.tui.reader.screen import ReaderScreen

#: How many characters of the text a bookmark's label shows.
LABEL_CHARS = 60


def toggle_bookmark(screen: ReaderScreen) -> None:
    """Set a bookmark on the cursor's word, or remove the one there."""
    paragraph, offset = cursor_position(screen)
    text = screen.article.paragraphs[paragraph] if screen.article.paragraphs else ""
    label = " ".join(text[offset : offset + LABEL_CHARS].split())
    reading = screen.services.reading
    if reading.toggle_bookmark(screen.article, paragraph, offset, label):
        screen.notify(f"Bookmark set: {label}", timeout=3)
    elif reading.error is not None:
        screen.notify(f"Bookmarks are off: {reading.error}", severity="warning")
    else:
        screen.notify("Bookmark removed", timeout=3)


def open_bookmarks(screen: ReaderScreen) -> None:
    """List the text's bookmarks; Enter jumps to one."""
    from bilingual_reader.tui.library.bookmarks import BookmarksScreen

    reading = screen.services.reading

    def chosen(bookmark: Bookmark | None) -> None:
        if bookmark is not None:
            jump(screen, bookmark.paragraph, bookmark.offset, to_top=True)

    screen.app.push_screen(
        BookmarksScreen(
            reading.bookmarks(screen.article), lambda b: reading.remove_bookmark(screen.article, b)
        ),
        chosen,
    )


def open_contents(screen: ReaderScreen) -> None:
    """Show the table of contents; Enter goes to the chapter, where the reader was in it (else its start)."""
    from bilingual_reader.tui.library.contents import ContentsScreen

    article = screen.article
    if not article.chapters:
        screen.notify("This text has no chapters or headings.", timeout=4)
        return
    current = article.chapter_number(screen.text.cursor.paragraph)

    def chosen(index: int | None) -> None:
        if index is None:
            return
        here = cursor_position(screen)
        if current is not None:
            screen.services.reading.moved(article, here[0], here[1], 0)
        kept = screen.services.reading.chapter_position(article, index)
        start = article.chapters[index].start
        end = (
            article.chapters[index + 1].start
            if index + 1 < len(article.chapters)
            else len(article.paragraphs)
        )
        if kept is not None and start <= kept[0] < max(end, start + 1):
            jump(screen, *kept, to_top=True)
        else:
            jump(screen, start, 0, to_top=True)

    screen.app.push_screen(ContentsScreen(article.title, article.chapters, current), chosen)
