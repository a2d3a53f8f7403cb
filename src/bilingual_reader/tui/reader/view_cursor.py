"""The text view's word cursor (functions the view calls): what it is on, moving it by word, paragraph,
page and to the ends, scrolling the least needed to show it. A step looks only at the paragraphs it passes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, overload

from textual.geometry import Region

from bilingual_reader.tui.messages import CursorMoved
from bilingual_reader.tui.reader.words import (
    TokenLike,
    is_navigable,
    next_paragraph,
    next_word,
    step_word,
    token_containing,
)

if TYPE_CHECKING:
    from bilingual_reader.tui.reader.article_view import ArticleView
    from bilingual_reader.tui.reader.paragraph_view import ParagraphView


class _Tokens(Sequence[Sequence[TokenLike]]):
    """Every paragraph's tokens as a sequence, made only for the paragraphs looked at."""

    def __init__(self, view: ArticleView) -> None:
        self._view = view

    def __len__(self) -> int:
        return len(self._view)

    @overload
    def __getitem__(self, index: int) -> Sequence[TokenLike]: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Sequence[TokenLike]]: ...
    def __getitem__(self, index: int | slice) -> Any:
        if isinstance(index, slice):
            return [self._view.thai(i).tokens for i in range(*index.indices(len(self)))]
        return self._view.thai(index).tokens


def navigable(thai: ParagraphView) -> set[int]:
    return {i for i, t in enumerate(thai.tokens) if is_navigable(t)}


def cursor_token(view: ArticleView) -> TokenLike | None:
    """The token under the cursor."""
    if view.token is None or not len(view):
        return None
    tokens = view.thai(view.paragraph).tokens
    return tokens[view.token] if view.token < len(tokens) else None


def cursor_text(view: ArticleView) -> str | None:
    """The word under the cursor."""
    token = view.cursor_token()
    return None if token is None else token.text


def cursor_offset(view: ArticleView) -> int:
    """The character offset of the cursor's word in its paragraph (0 without a word)."""
    token = view.cursor_token()
    return 0 if token is None else token.start


def place_cursor(view: ArticleView, paragraph: int, token: int | None, *, scroll: bool = True) -> None:
    """Put the cursor on ``token`` of ``paragraph`` (None: its first word), and bring it into view."""
    if not 0 <= paragraph < len(view):
        return
    if token is None:
        token = step_word(view.thai(paragraph).tokens, None, 1)
    if paragraph != view.paragraph:
        view.thai(view.paragraph).cursor = None
    view.paragraph, view.token = paragraph, token
    view.thai(paragraph).cursor = token
    view.post_message(CursorMoved(paragraph, token))
    if scroll:
        if view.is_mounted and view.size.height:
            view.scroll_to_cursor()
        else:
            view.call_after_refresh(view.scroll_to_cursor)


def place_cursor_at(view: ArticleView, paragraph: int, offset: int, *, scroll: bool = True) -> None:
    """Put the cursor on the word of ``paragraph`` covering character ``offset``."""
    if 0 <= paragraph < len(view):
        tokens = view.thai(paragraph).tokens
        view.place_cursor(paragraph, token_containing(tokens, offset), scroll=scroll)


def scroll_to_cursor(view: ArticleView) -> None:
    """Scroll the least needed to show the cursor's paragraph and English (or its line, if too tall)."""
    if not len(view) or not view.size.height:
        return
    top = view.block_start(view.paragraph)
    block = view.block(view.paragraph)[0]
    height = block.height - 1  # without the blank line after it
    if height <= view.scrollable_content_region.height:
        region = Region(0, top, 1, max(1, height))
    else:
        line = view.thai(view.paragraph).line_of(view.token) if view.token is not None else 0
        row = next((r for r, spec in enumerate(block.rows) if spec.thai == line), 0)
        region = Region(0, top + row, 1, 1)
    view.scroll_to_region(region, animate=False, immediate=True, force=True)


def move_word(view: ArticleView, step: int) -> None:
    """Move the cursor to the next (+1) or previous (-1) word, across paragraphs."""
    if len(view) and (found := next_word(_Tokens(view), view.paragraph, view.token, step)):
        view.place_cursor(*found)


def move_paragraph(view: ArticleView, step: int) -> None:
    """Move the cursor to the first word of the next (+1) or previous (-1) paragraph."""
    if len(view) and (found := next_paragraph(_Tokens(view), view.paragraph, step)):
        view.place_cursor(*found)


def move_page(view: ArticleView, step: int) -> None:
    """Move the cursor about a screenful of paragraphs down (+1) or up (-1)."""
    tokens = _Tokens(view)
    budget = view.scrollable_content_region.height
    paragraph = view.paragraph
    while budget > 0 and (found := next_paragraph(tokens, paragraph, step)):
        paragraph = found[0]
        budget -= view.block(paragraph)[0].height
    if paragraph != view.paragraph:
        view.place_cursor(paragraph, None)


def move_to_end(view: ArticleView, step: int) -> None:
    """Move the cursor to the first word of the last (+1) or first (-1) paragraph."""
    start = len(view) if step > 0 else -1
    if len(view) and (found := next_paragraph(_Tokens(view), start, -step)):
        view.place_cursor(*found)
