"""Where the mouse is in the text view: the word at a click, the Thai a selection covers (selection offsets
name a paragraph and its wrapped line, see ``blocks.LINES_PER_PARAGRAPH``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bilingual_reader.thai.wrapping import token_at
from bilingual_reader.tui.reader.blocks import LINES_PER_PARAGRAPH
from bilingual_reader.tui.reader.view_cursor import navigable

if TYPE_CHECKING:
    from textual.selection import Selection

    from bilingual_reader.tui.reader.article_view import ArticleView


def word_at(view: ArticleView, x: int, y: int) -> tuple[int, int] | None:
    """(paragraph, token) of the navigable word at content cell ``x`` of text line ``y``, if any."""
    index, row = view.layout_.line_at(y)
    spec = view.layout_.block(index)[0].rows[row]
    if spec.thai is None:
        return None
    thai = view.paragraphs.thai(index)
    frame = view.layout_.frame()
    found = token_at(thai.lines(frame.thai_width)[spec.thai], x - frame.thai_x)
    return (index, found) if found is not None and found in navigable(thai) else None


def span(view: ArticleView, selection: Selection) -> tuple[tuple[int, int], tuple[int, int]]:
    """(paragraph, character) of the selection's start and end (end character -1: the paragraph's end)."""
    last = len(view) - 1
    ends = []
    for offset, default in ((selection.start, (0, 0)), (selection.end, (last, -1))):
        if offset is None:
            ends.append(default)
            continue
        paragraph, line = divmod(offset.y, LINES_PER_PARAGRAPH)
        ends.append((paragraph, view.paragraphs.thai(paragraph).char_offset(offset.x, line)))
    return ends[0], ends[1]


def selected(view: ArticleView, selection: Selection) -> tuple[str, str] | None:
    """The selected Thai: paragraphs joined by line breaks (none where a line was only wrapped)."""
    (first, start), (last, end) = span(view, selection)
    texts = [view.article.paragraphs[i] for i in range(first, last + 1)]
    if not texts:
        return None
    texts[-1] = texts[-1][: None if end < 0 else end]
    texts[0] = texts[0][start:]
    return "\n".join(texts), "\n"


def selected_words(view: ArticleView, selection: Selection) -> str:
    """The whole words the selection touches in its first paragraph."""
    (first, start), (last, end) = span(view, selection)
    thai = view.paragraphs.thai(first)
    return thai.tokens_between(start, end if last == first and end >= 0 else len(thai.text))
