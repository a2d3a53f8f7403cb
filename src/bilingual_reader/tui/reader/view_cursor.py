"""The text view's word cursor: what it is on, moving it by word, paragraph, page and to the ends, scrolling
the least needed to show it. A step looks only at the paragraphs it passes."""

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
    from bilingual_reader.tui.reader.view_paragraphs import Paragraphs


class _Tokens(Sequence[Sequence[TokenLike]]):
    """Every paragraph's tokens as a sequence, made only for the paragraphs looked at."""

    def __init__(self, paragraphs: Paragraphs) -> None:
        self._paragraphs = paragraphs

    def __len__(self) -> int:
        return len(self._paragraphs)

    @overload
    def __getitem__(self, index: int) -> Sequence[TokenLike]: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Sequence[TokenLike]]: ...
    def __getitem__(self, index: int | slice) -> Any:
        if isinstance(index, slice):
            return [self._paragraphs.thai(i).tokens for i in range(*index.indices(len(self)))]
        return self._paragraphs.thai(index).tokens


def navigable(thai: ParagraphView) -> set[int]:
    """Indexes of the tokens of ``thai`` the cursor can stand on."""
    return {i for i, t in enumerate(thai.tokens) if is_navigable(t)}


class Cursor:
    """The word cursor of ``view``: paragraph ``paragraph``, token ``token`` (None: no word). Every move
    posts ``CursorMoved`` from the view."""

    def __init__(self, view: ArticleView) -> None:
        """On no word of paragraph 0 until placed."""
        self.view = view
        self.paragraph = 0
        self.token: int | None = None

    def word(self) -> TokenLike | None:
        """The token under the cursor."""
        if self.token is None or not len(self.view):
            return None
        tokens = self.view.paragraphs.thai(self.paragraph).tokens
        return tokens[self.token] if self.token < len(tokens) else None

    def text(self) -> str | None:
        """The word under the cursor."""
        token = self.word()
        return None if token is None else token.text

    def offset(self) -> int:
        """The character offset of the cursor's word in its paragraph (0 without a word)."""
        token = self.word()
        return 0 if token is None else token.start

    def place(self, paragraph: int, token: int | None, *, scroll: bool = True) -> None:
        """Put the cursor on ``token`` of ``paragraph`` (None: its first word), and bring it into view."""
        view, paragraphs = self.view, self.view.paragraphs
        if not 0 <= paragraph < len(view):
            return
        if token is None:
            token = step_word(paragraphs.thai(paragraph).tokens, None, 1)
        if paragraph != self.paragraph:
            paragraphs.thai(self.paragraph).cursor = None
        self.paragraph, self.token = paragraph, token
        paragraphs.thai(paragraph).cursor = token
        view.post_message(CursorMoved(paragraph, token))
        if scroll:
            if view.is_mounted and view.size.height:
                self.scroll_into_view()
            else:
                view.call_after_refresh(self.scroll_into_view)

    def place_at(self, paragraph: int, offset: int, *, scroll: bool = True) -> None:
        """Put the cursor on the word of ``paragraph`` covering character ``offset`` (use this from outside:
        token indexes change when segmentation arrives, character offsets do not)."""
        if 0 <= paragraph < len(self.view):
            tokens = self.view.paragraphs.thai(paragraph).tokens
            self.place(paragraph, token_containing(tokens, offset), scroll=scroll)

    def scroll_into_view(self) -> None:
        """Scroll the least needed to show the cursor's paragraph and English (or its line, if too tall)."""
        view = self.view
        if not len(view) or not view.size.height:
            return
        top = view.layout_.block_start(self.paragraph)
        block = view.layout_.block(self.paragraph)[0]
        height = block.height - 1  # without the blank line after it
        if height <= view.scrollable_content_region.height:
            region = Region(0, top, 1, max(1, height))
        else:
            thai = view.paragraphs.thai(self.paragraph)
            line = thai.line_of(self.token) if self.token is not None else 0
            row = next((r for r, spec in enumerate(block.rows) if spec.thai == line), 0)
            region = Region(0, top + row, 1, 1)
        view.scroll_to_region(region, animate=False, immediate=True, force=True)

    def move_word(self, step: int) -> None:
        """Move the cursor to the next (+1) or previous (-1) word, across paragraphs."""
        tokens = _Tokens(self.view.paragraphs)
        if len(tokens) and (found := next_word(tokens, self.paragraph, self.token, step)):
            self.place(*found)

    def move_paragraph(self, step: int) -> None:
        """Move the cursor to the first word of the next (+1) or previous (-1) paragraph."""
        tokens = _Tokens(self.view.paragraphs)
        if len(tokens) and (found := next_paragraph(tokens, self.paragraph, step)):
            self.place(*found)

    def move_page(self, step: int) -> None:
        """Move the cursor about a screenful of paragraphs down (+1) or up (-1)."""
        view = self.view
        tokens = _Tokens(view.paragraphs)
        budget = view.scrollable_content_region.height
        paragraph = self.paragraph
        while budget > 0 and (found := next_paragraph(tokens, paragraph, step)):
            paragraph = found[0]
            budget -= view.layout_.block(paragraph)[0].height
        if paragraph != self.paragraph:
            self.place(paragraph, None)

    def move_to_end(self, step: int) -> None:
        """Move the cursor to the first word of the last (+1) or first (-1) paragraph."""
        tokens = _Tokens(self.view.paragraphs)
        start = len(tokens) if step > 0 else -1
        if len(tokens) and (found := next_paragraph(tokens, start, -step)):
            self.place(*found)
