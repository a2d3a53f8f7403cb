"""The reader's text view: one Line-API widget that draws only the visible lines of the article's paragraph
blocks (badge, Thai, English), laid out lazily for the current width and cached; the word cursor, clicks and
the mouse selection. Its cost to draw a screen or answer a key does not grow with the text's length."""

from __future__ import annotations

from collections.abc import Container, Mapping, Sequence
from typing import TYPE_CHECKING, ClassVar, Self

from textual import events
from textual.geometry import Region
from textual.scroll_view import ScrollView
from textual.selection import Selection
from textual.strip import Strip

from bilingual_reader.tui.messages import EnglishTermClicked, VisibleChanged, WordClicked
from bilingual_reader.tui.reader import view_cursor, view_mouse
from bilingual_reader.tui.reader.blocks import BlockPainter, Frame
from bilingual_reader.tui.reader.english_view import EnglishView
from bilingual_reader.tui.reader.paragraph_view import ParagraphView
from bilingual_reader.tui.reader.term_badge import TermBadge
from bilingual_reader.tui.reader.view_hooks import ViewHooks
from bilingual_reader.tui.reader.view_layout import Laid, ViewLayout
from bilingual_reader.tui.reader.view_styles import TokenStyler

if TYPE_CHECKING:
    from bilingual_reader.documents.articles import Article
    from bilingual_reader.qa.findings import Counts
    from bilingual_reader.tui.reader.words import TokenLike

__all__ = ["ArticleView", "TokenStyler"]


class ArticleView(ViewHooks, ScrollView, can_focus=False):
    """The article's paragraphs, Thai beside (or above) English, and the word cursor, which it owns.

    It posts ``CursorMoved`` whenever the cursor moves, ``WordClicked`` after a click on a word,
    ``EnglishTermClicked`` for a click on a marked English term, ``VisibleChanged`` when other paragraphs
    come into view. Per-paragraph state: :meth:`thai`, :meth:`english`, :meth:`badge` (plain objects).
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        f"article-view--{part}"
        for part in ("term", "cursor", "ok", "missing", "forbidden", "match", "title", "heading", "gloss")
    }
    DEFAULT_CSS = """
    ArticleView {
        & > .article-view--term { color: $text-accent; text-style: underline; }
        & > .article-view--ok { color: $text-success; text-style: underline; }
        & > .article-view--missing { color: $text-error; text-style: bold underline; }
        & > .article-view--forbidden { color: $text-warning; text-style: bold reverse; }
        & > .article-view--match { background: $warning-muted; text-style: bold; }
        & > .article-view--cursor { background: $accent; color: $text; text-style: bold; }
        & > .article-view--title { color: $text-primary; text-style: bold; }
        & > .article-view--heading { color: $text-primary; text-style: bold; }
        & > .article-view--gloss { color: $text-muted; text-style: italic; }
    }
    """

    def __init__(self, article: Article, *, id: str | None = None) -> None:
        """The blocks of ``article``; the cursor starts on its first word."""
        super().__init__(id=id)
        self.article = article
        self.paragraph = 0
        self.token: int | None = None
        self.painted = False
        """True once a line with the article's text has been drawn."""
        self.painter = BlockPainter(self)
        self._thai: dict[int, ParagraphView] = {}
        self._english: dict[int, EnglishView] = {}
        self._english_status = ""
        self._badge: dict[int, TermBadge] = {}
        self.stylers: dict[str, TokenStyler] = {}
        """Other components' token stylers, by name (see :meth:`add_token_styler`)."""
        self.layout_ = ViewLayout(self)
        self._visible = (-1, -1)

    def __len__(self) -> int:
        return len(self.article.paragraphs)

    def thai(self, index: int) -> ParagraphView:
        """The Thai of paragraph ``index``."""
        view = self._thai.get(index)
        if view is None:
            text = self.article.paragraphs[index]
            view = self._thai[index] = ParagraphView(index, text, self.invalidate, self.restyle)
        return view

    def english(self, index: int) -> EnglishView:
        """The English slot of paragraph ``index``."""
        view = self._english.get(index)
        if view is None:
            view = self._english[index] = EnglishView(index, self.invalidate)
            view.status = self._english_status
        return view

    def reset_english(self, status: str, keep: Container[int] = ()) -> None:
        """Every paragraph's English (but ``keep``'s) is blank and shows ``status``; O(paragraphs seen so
        far): those not made yet start so."""
        self._english_status = status
        for index, view in self._english.items():
            if index not in keep:
                view.status, view.translation = status, ""

    def badge(self, index: int) -> TermBadge:
        """The terminology badge of paragraph ``index``."""
        view = self._badge.get(index)
        if view is None:
            view = self._badge[index] = TermBadge(index, self.invalidate)
        return view

    @property
    def views(self) -> list[ParagraphView]:
        """Every paragraph's Thai, in order (makes them all: for small articles and tests)."""
        return [self.thai(index) for index in range(len(self))]

    def role(self, index: int) -> str:
        """The role of paragraph ``index`` (title, heading, paragraph, cue…)."""
        return str(self.article.role(index))

    def set_tokens(self, tokens: Mapping[int, Sequence[object]] | Sequence[Sequence[object]]) -> None:
        """Show new tokens (all paragraphs', or some by index), keeping the cursor on the same text."""
        items = tokens.items() if isinstance(tokens, Mapping) else enumerate(tokens)
        token = self.cursor_token()
        for index, paragraph in items:
            self.thai(index).set_tokens(paragraph)  # type: ignore[arg-type]
        if token is not None and self.thai(self.paragraph).tokens is not None:
            self.place_cursor_at(self.paragraph, token.start, scroll=False)

    def show_checked(
        self, index: int, spans: Sequence[tuple[int, int, str]], counts: Counts | None, checks: int = 0
    ) -> None:
        """Mark paragraph ``index``'s checked Thai terms (start, end, status) and set its badge (term
        counts, and the other checks' problems)."""
        if 0 <= index < len(self):
            self.thai(index).set_checked(spans)
            badge = self.badge(index)
            badge.counts, badge.checks = counts, checks

    def refresh_paragraphs(self, indexes: Sequence[int] | None = None) -> None:
        """Lay out and draw these paragraphs again (None: all of them, lazily)."""
        if indexes is None:
            self.layout_.clear()
            self.refresh()
        else:
            for index in indexes:
                self.invalidate(index)

    def invalidate(self, index: int) -> None:
        """Paragraph ``index`` changed: lay it out again when it is next drawn."""
        if self.layout_.forget(index):
            self.refresh()

    def restyle(self, index: int) -> None:
        """Paragraph ``index``'s styles changed, not its layout: draw only its lines again."""
        lines = self.layout_.restyle(index)
        if lines is not None:
            self.refresh_lines(*lines)

    def refresh(
        self, *regions: Region, repaint: bool = True, layout: bool = False, recompose: bool = False
    ) -> Self:
        """Redraw; a whole-view refresh checks the frame (size, the view's layout classes) again."""
        if not regions:
            self.layout_.check_frame()
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    # Layout -----------------------------------------------------------------------------------------------

    def frame(self) -> Frame:
        """The layout for the current size and the view's classes (narrow, badges, English)."""
        return self.layout_.frame()

    def block(self, index: int) -> Laid:
        """Paragraph ``index``'s laid-out block (cached), its extra token styles and drawn lines."""
        return self.layout_.block(index)

    def block_start(self, index: int) -> int:
        """The first text line of paragraph ``index``'s block (laying it out)."""
        return self.layout_.block_start(index)

    def line_at(self, y: int) -> tuple[int, int]:
        """(paragraph, row in its block) of text line ``y``, laying out the block found there."""
        return self.layout_.line_at(y)

    def visible_paragraphs(self) -> list[int]:
        """Indexes of the paragraphs with a line on screen now."""
        return self.layout_.visible_paragraphs()

    def thai_region(self, index: int, line: int = 0) -> Region | None:
        """The screen region of Thai line ``line`` of paragraph ``index`` (None: not on screen)."""
        return self.layout_.thai_region(index, line)

    def english_region(self, index: int) -> Region | None:
        """The screen region of the first line of paragraph ``index``'s English (None: not on screen)."""
        return self.layout_.english_region(index)

    # Drawing ----------------------------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        """Text line ``y`` of the view (after the scroll offset): one line of some paragraph's block."""
        strip = self.layout_.draw(round(self.scroll_offset.y) + y)
        self.painted = self.painted or bool(len(self))
        return strip

    def render_lines(self, crop: Region) -> list[Strip]:
        """Draw, then say which paragraphs are now visible (if that changed)."""
        lines = super().render_lines(crop)
        self.call_later(self._check_visible)
        return lines

    def on_resize(self) -> None:
        """Lay out again for the new width, and keep the cursor in view."""
        self.layout_.check_frame()
        self.frame()
        self.call_after_refresh(self.scroll_to_cursor)

    # The cursor (view_cursor) -----------------------------------------------------------------------------

    def cursor_token(self) -> TokenLike | None:
        """The token under the cursor."""
        return view_cursor.cursor_token(self)

    def cursor_text(self) -> str | None:
        """The word under the cursor."""
        return view_cursor.cursor_text(self)

    def cursor_offset(self) -> int:
        """The character offset of the cursor's word in its paragraph (0 without a word)."""
        return view_cursor.cursor_offset(self)

    def place_cursor(self, paragraph: int, token: int | None, *, scroll: bool = True) -> None:
        """Put the cursor on ``token`` of ``paragraph`` (None: its first word), and bring it into view."""
        view_cursor.place_cursor(self, paragraph, token, scroll=scroll)

    def place_cursor_at(self, paragraph: int, offset: int, *, scroll: bool = True) -> None:
        """Put the cursor on the word of ``paragraph`` covering character ``offset``."""
        view_cursor.place_cursor_at(self, paragraph, offset, scroll=scroll)

    def scroll_to_cursor(self) -> None:
        """Scroll the least needed to show the cursor's paragraph and English (or its line, if too tall)."""
        view_cursor.scroll_to_cursor(self)

    def move_word(self, step: int) -> None:
        """Move the cursor to the next (+1) or previous (-1) word, across paragraphs."""
        view_cursor.move_word(self, step)

    def move_paragraph(self, step: int) -> None:
        """Move the cursor to the first word of the next (+1) or previous (-1) paragraph."""
        view_cursor.move_paragraph(self, step)

    def move_page(self, step: int) -> None:
        """Move the cursor about a screenful of paragraphs down (+1) or up (-1)."""
        view_cursor.move_page(self, step)

    def move_to_end(self, step: int) -> None:
        """Move the cursor to the first word of the last (+1) or first (-1) paragraph."""
        view_cursor.move_to_end(self, step)

    def _check_visible(self) -> None:
        visible = self.visible_paragraphs()
        span = (visible[0], visible[-1]) if visible else (-1, -1)
        if span != self._visible:
            self._visible = span
            self.post_message(VisibleChanged(*span))

    # Clicks and the selection -----------------------------------------------------------------------------

    def on_click(self, event: events.Click) -> None:
        """A click on a Thai word moves the cursor there and posts ``WordClicked`` (not after a selection)."""
        offset = event.get_content_offset(self)
        if self.text_selection is None and self.layout_.ready and offset is not None:
            found = view_mouse.word_at(self, offset.x, round(self.scroll_offset.y) + offset.y)
            if found is not None:
                event.stop()
                self.place_cursor(*found)
                self.post_message(WordClicked(*found))

    def action_align(self, paragraph: int, thai: int) -> None:
        """A click on a marked English term: put the cursor on its Thai term."""
        self.place_cursor_at(paragraph, thai)
        self.post_message(EnglishTermClicked(paragraph, thai))

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        """The selected Thai (paragraphs joined by line breaks; no break where a line was only wrapped)."""
        return view_mouse.selected(self, selection)

    def selected_text(self) -> str:
        """The whole words the selection touches in its first paragraph ("" when nothing is selected)."""
        selection = self.text_selection
        return "" if selection is None else view_mouse.selected_words(self, selection)

    def selection_updated(self, selection: Selection | None) -> None:
        """Redraw the selection highlight."""
        self.refresh()
