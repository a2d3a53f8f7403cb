"""The reader's text view: one Line-API widget that draws only the visible lines of the article's paragraph
blocks (badge, Thai, English), laid out lazily for the current width and cached; the word cursor, clicks and
the mouse selection. Its cost to draw a screen or answer a key does not grow with the text's length."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, ClassVar, Self

from textual import events
from textual.geometry import Region
from textual.selection import Selection
from textual.strip import Strip

from bilingual_reader.tui.messages import EnglishTermClicked, VisibleChanged, WordClicked
from bilingual_reader.tui.reader import view_mouse
from bilingual_reader.tui.reader.blocks import BlockPainter
from bilingual_reader.tui.reader.view_cursor import Cursor
from bilingual_reader.tui.reader.view_finish import Finisher
from bilingual_reader.tui.reader.view_hooks import ViewHooks
from bilingual_reader.tui.reader.view_layout import ViewLayout
from bilingual_reader.tui.reader.view_paragraphs import Paragraphs
from bilingual_reader.tui.reader.view_read_ahead import ReadAhead
from bilingual_reader.tui.reader.view_styles import TokenStyler
from bilingual_reader.tui.widgets.steady_scroll_view import SteadyScrollView

if TYPE_CHECKING:
    from bilingual_reader.documents.articles import Article

__all__ = ["ArticleView", "TokenStyler"]


class ArticleView(SteadyScrollView, can_focus=False):
    """The article's paragraphs, Thai beside (or above) English, and the word cursor, which it owns.

    It posts ``CursorMoved`` whenever the cursor moves, ``WordClicked`` after a click on a word,
    ``EnglishTermClicked`` for a click on a marked English term, ``VisibleChanged`` when other paragraphs
    come into view. Its parts: ``paragraphs`` (per-paragraph state), ``cursor``, ``layout_`` (geometry),
    ``hooks`` (other components' styles and lines), ``painter`` (draws a block).
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
        self.painted = False
        """True once a line with the article's text has been drawn."""
        self.painter = BlockPainter(self)
        self.paragraphs = Paragraphs(article, self.invalidate, self.restyle)
        """Each paragraph's Thai, English and badge."""
        self.cursor = Cursor(self)
        """The word cursor (it scrolls the view to show itself)."""
        self.hooks = ViewHooks(self)
        """What other components draw into the view (token styles, glosses, extra lines)."""
        self.layout_ = ViewLayout(self)
        """Where each paragraph's block is (geometry: frames, blocks, lines, screen regions)."""
        self.finisher = Finisher()
        """Keeps the drawn lines as the screen takes them (padded, filtered)."""
        self.read_ahead = ReadAhead(self)
        """Lays out and draws the next screenful while the reader idles."""
        self._visible = (-1, -1)

    def __len__(self) -> int:
        return len(self.paragraphs)

    def set_tokens(self, tokens: Mapping[int, Sequence[object]] | Sequence[Sequence[object]]) -> None:
        """Show new tokens (all paragraphs', or some by index), keeping the cursor on the same text."""
        items = tokens.items() if isinstance(tokens, Mapping) else enumerate(tokens)
        cursor = self.cursor
        token = cursor.word()
        for index, paragraph in items:
            self.paragraphs.thai(index).set_tokens(paragraph)  # type: ignore[arg-type]
        if token is not None and self.paragraphs.thai(cursor.paragraph).tokens is not None:
            cursor.place_at(cursor.paragraph, token.start, scroll=False)

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

    # Drawing ----------------------------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        """Text line ``y`` of the view (after the scroll offset), with the character offsets Textual's text
        selection reads."""
        return self._line(y, offsets=True)

    def _line(self, y: int, offsets: bool = False) -> Strip:
        strip = self.layout_.draw(round(self.scroll_offset.y) + y, offsets)
        self.painted = self.painted or bool(len(self))
        return strip

    def render_lines(self, crop: Region) -> list[Strip]:
        """Draw (finished lines kept: ``view_finish``), then say which paragraphs are now visible (if that
        changed)."""
        lines = self.finisher.lines(self, crop, self._line)
        if lines is None:
            lines = super().render_lines(crop)
        self.call_later(self._check_visible)
        return lines

    def on_mount(self) -> None:
        """Lay the text out again when the theme changes: its styles are resolved into the laid-out blocks
        and drawn lines."""
        self.watch(self.app, "theme", self._theme_changed, init=False)

    def _theme_changed(self) -> None:
        self.refresh_paragraphs()

    def on_resize(self) -> None:
        """Lay out again for the new width, and keep the cursor in view."""
        self.layout_.check_frame()
        self.layout_.frame()
        self.call_after_refresh(self.cursor.scroll_into_view)

    def _check_visible(self) -> None:
        self.read_ahead.schedule()
        visible = self.layout_.visible_paragraphs()
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
                self.cursor.place(*found)
                self.post_message(WordClicked(*found))

    def action_align(self, paragraph: int, thai: int) -> None:
        """A click on a marked English term: put the cursor on its Thai term."""
        self.cursor.place_at(paragraph, thai)
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
