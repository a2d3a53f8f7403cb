"""The reader's text view: one row per paragraph (badge, Thai, English), the word cursor and its movement."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from rich.style import Style
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.geometry import Region
from textual.widgets import Static

from bilingual_reader.tui.messages import CursorMoved, WordClicked
from bilingual_reader.tui.reader.english_view import EnglishView
from bilingual_reader.tui.reader.paragraph_view import ParagraphView
from bilingual_reader.tui.reader.term_badge import TermBadge
from bilingual_reader.tui.reader.words import next_paragraph, next_word, step_word, token_containing

if TYPE_CHECKING:
    from bilingual_reader.documents.articles import Article
    from bilingual_reader.qa.findings import Counts
    from bilingual_reader.tui.reader.words import TokenLike

#: ``styler(paragraph_index, tokens) -> {token_index: style}``: Textual style strings ("on #E69F00 40%").
TokenStyler = Callable[[int, Sequence["TokenLike"]], dict[int, str]]


class ArticleView(VerticalScroll, can_focus=False):
    """The article's paragraphs, Thai beside (or above) English, and the word cursor, which it owns.

    It posts ``CursorMoved`` whenever the cursor moves; a click on a word or on an English term moves the
    cursor there (the click's message goes on to the screen).
    """

    def __init__(self, article: Article, *, id: str | None = None) -> None:
        """The rows of ``article``; the cursor starts on its first word."""
        super().__init__(id=id)
        self.article = article
        self.paragraph = 0
        self.token: int | None = None
        self._stylers: dict[str, TokenStyler] = {}

    def compose(self) -> ComposeResult:
        """One row per paragraph: the terminology badge, the Thai, the English."""
        if not self.article.paragraphs:
            yield Static("This article has no text after its title.", id="empty")
        for index, text in enumerate(self.article.paragraphs):
            with Horizontal(classes="paragraph"):
                yield TermBadge(index, id=f"badge-{index}")
                view = ParagraphView(index, text, id=f"thai-{index}")
                view.token_styles = self._token_styles
                yield view
                yield EnglishView(index, id=f"english-{index}")

    @property
    def views(self) -> list[ParagraphView]:
        """The Thai paragraph widgets, in order."""
        return list(self.query(ParagraphView))

    def english(self, index: int) -> EnglishView | None:
        """The English slot of paragraph ``index``."""
        return next(iter(self.query(f"#english-{index}").results(EnglishView)), None)

    def badge(self, index: int) -> TermBadge | None:
        """The terminology badge of paragraph ``index``."""
        return next(iter(self.query(f"#badge-{index}").results(TermBadge)), None)

    # What the cursor is on --------------------------------------------------------------------------------

    def cursor_token(self) -> TokenLike | None:
        """The token under the cursor."""
        views = self.views
        if self.token is None or not views:
            return None
        return views[self.paragraph].tokens[self.token]

    def cursor_text(self) -> str | None:
        """The word under the cursor."""
        token = self.cursor_token()
        return None if token is None else token.text

    def set_tokens(self, tokens: Sequence[Sequence[TokenLike]]) -> None:
        """Show new tokens in every paragraph, keeping the cursor on the same text."""
        token = self.cursor_token()
        views = self.views
        for view, paragraph in zip(views, tokens, strict=True):
            view.set_tokens(paragraph)
        if token is not None:
            self.place_cursor(self.paragraph, token_containing(views[self.paragraph].tokens, token.start))

    # Moving -----------------------------------------------------------------------------------------------

    def place_cursor(self, paragraph: int, token: int | None) -> None:
        """Put the cursor on ``token`` of ``paragraph`` (None: its first word), and bring it into view."""
        views = self.views
        if not views:
            return
        if token is None:
            token = step_word(views[paragraph].tokens, None, 1)
        if paragraph != self.paragraph:
            views[self.paragraph].cursor = None
        self.paragraph, self.token = paragraph, token
        views[paragraph].cursor = token
        self.post_message(CursorMoved(paragraph, token))
        self.call_after_refresh(self.scroll_to_cursor)

    def place_cursor_at(self, paragraph: int, offset: int) -> None:
        """Put the cursor on the word of ``paragraph`` covering character ``offset``."""
        views = self.views
        if 0 <= paragraph < len(views):
            self.place_cursor(paragraph, token_containing(views[paragraph].tokens, offset))

    def scroll_to_cursor(self) -> None:
        """Scroll the least needed to show the cursor's paragraph and English (or its line, if too tall)."""
        views = self.views
        if not views or self.token is None:
            return
        view = views[self.paragraph]
        row = view.parent
        if not isinstance(row, Horizontal):
            return
        # The row's place in the scrolled content, not on screen: screen regions lag behind a scroll that
        # is still pending when keys repeat quickly, and would make the view overshoot.
        top = row.virtual_region.y
        if row.region.height <= self.content_region.height:
            region = Region(0, top, 1, row.region.height)
        else:
            region = Region(0, top + view.line_of(self.token), 1, 1)
        self.scroll_to_region(region, animate=False, immediate=True)

    def move_word(self, step: int) -> None:
        """Move the cursor to the next (+1) or previous (-1) word, across paragraphs."""
        views = self.views
        if views and (found := next_word([v.tokens for v in views], self.paragraph, self.token, step)):
            self.place_cursor(*found)

    def move_paragraph(self, step: int) -> None:
        """Move the cursor to the first word of the next (+1) or previous (-1) paragraph."""
        views = self.views
        if views and (found := next_paragraph([v.tokens for v in views], self.paragraph, step)):
            self.place_cursor(*found)

    def move_page(self, step: int) -> None:
        """Move the cursor about a screenful of paragraphs down (+1) or up (-1)."""
        views = self.views
        tokens = [v.tokens for v in views]
        budget = self.content_region.height
        paragraph = self.paragraph
        while budget > 0 and (found := next_paragraph(tokens, paragraph, step)):
            paragraph = found[0]
            row = views[paragraph].parent
            budget -= (row.region.height if isinstance(row, Horizontal) else 0) + 1
        if paragraph != self.paragraph:
            self.place_cursor(paragraph, None)

    def move_to_end(self, step: int) -> None:
        """Move the cursor to the first word of the last (+1) or first (-1) paragraph."""
        views = self.views
        start = len(views) if step > 0 else -1
        if views and (found := next_paragraph([v.tokens for v in views], start, -step)):
            self.place_cursor(*found)

    # Clicks -----------------------------------------------------------------------------------------------

    @on(WordClicked)
    def _word_clicked(self, message: WordClicked) -> None:
        self.place_cursor(message.paragraph, message.token)

    @on(EnglishView.TermClicked)
    def _term_clicked(self, message: EnglishView.TermClicked) -> None:
        self.place_cursor_at(message.paragraph, message.thai)

    # Token styles (the learner's status colours) -----------------------------------------------------------

    def add_token_styler(self, name: str, styler: TokenStyler) -> None:
        """Style tokens with ``styler`` under the term and cursor styles (replaces a styler of that name)."""
        self._stylers[name] = styler
        self.refresh_paragraphs()

    def remove_token_styler(self, name: str) -> None:
        """Stop styling tokens with the styler ``name``."""
        if self._stylers.pop(name, None) is not None:
            self.refresh_paragraphs()

    def refresh_paragraphs(self, indexes: Iterable[int] | None = None) -> None:
        """The stylers' data changed for ``indexes`` (None: all): redraw those paragraphs."""
        views = self.views
        for index in range(len(views)) if indexes is None else indexes:
            if 0 <= index < len(views):
                views[index].restyle()

    def set_glosses(self, gloss: Callable[[int, int, TokenLike], str | None] | None) -> None:
        """Interlinear glosses under the Thai words (``gloss(paragraph, token, token_obj)``); None: off."""
        for view in self.views:
            view.glosses = gloss
            view.restyle()
        self.call_after_refresh(self.scroll_to_cursor)

    def set_english_hidden(self, hidden: Callable[[int], bool] | None) -> None:
        """Hide the English of the paragraphs ``hidden(index)`` says (its space kept: revealing does not
        move the text); None shows every paragraph's English."""
        for index in range(len(self.views)):
            slot = self.english(index)
            if slot is not None:
                slot.styles.text_opacity = 0 if hidden is not None and hidden(index) else 1

    def _token_styles(self, index: int, tokens: Sequence[TokenLike]) -> dict[int, Style]:
        from textual.style import Style as TextualStyle

        found: dict[int, Style] = {}
        background = self.background_colors[1]
        for styler in self._stylers.values():
            for token, text in styler(index, tokens).items():
                parsed = TextualStyle.parse(text)
                if parsed.background is not None:
                    parsed = TextualStyle(background=background + parsed.background) + TextualStyle(
                        bold=parsed.bold, underline=parsed.underline, dim=parsed.dim, italic=parsed.italic
                    )
                found[token] = found.get(token, Style()) + parsed.rich_style
        return found

    # Terminology ------------------------------------------------------------------------------------------

    def show_checked(
        self, index: int, spans: Sequence[tuple[int, int, str]], counts: Counts | None, checks: int = 0
    ) -> None:
        """Mark paragraph ``index``'s checked Thai terms (start, end, status) and set its badge (term
        counts, and the other checks' problems)."""
        views = self.views
        if 0 <= index < len(views):
            views[index].set_checked(spans)
        badge = self.badge(index)
        if badge is not None:
            badge.counts = counts
            badge.checks = checks
