"""The reader screen: Thai paragraphs beside their English, a word cursor, lookups and glossary edits."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar, Protocol, cast

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.geometry import Region
from textual.screen import Screen
from textual.widgets import Footer, Header, Static
from textual.worker import Worker, WorkerState, get_current_worker

from bilingual_reader.tui.messages import ArticleSegmented
from bilingual_reader.tui.reader.english_view import EnglishView
from bilingual_reader.tui.reader.lookup import LOOKUP_BINDINGS, LookupKeys
from bilingual_reader.tui.reader.paragraph_view import ParagraphView
from bilingual_reader.tui.reader.segmentation import segment_article, warm_up_lookup
from bilingual_reader.tui.reader.term_badge import TermBadge
from bilingual_reader.tui.reader.terminology_keys import REVIEW_BINDINGS, TerminologyKeys
from bilingual_reader.tui.reader.translation import TranslationController
from bilingual_reader.tui.reader.translation_actions import TRANSLATION_BINDINGS, TranslationKeys
from bilingual_reader.tui.reader.words import next_paragraph, next_word, step_word, token_containing

if TYPE_CHECKING:
    from bilingual_reader.documents.articles import Article
    from bilingual_reader.glossary.store import Glossary
    from bilingual_reader.thai.segmenter import Segmenter, Token


class ReaderHost(Protocol):
    """What the reader screen needs of its app."""

    segmenter: Segmenter | None

    def open_glossary(self) -> Glossary | None:
        """The glossary (None when it could not be opened: the app is closing)."""


#: Below this many columns the English goes under each Thai paragraph instead of beside it.
NARROW_WIDTH = 100


class ReaderScreen(LookupKeys, TranslationKeys, TerminologyKeys, Screen[None]):
    """Reads one article. Thai shows at once; a thread worker segments it and the terms light up, and
    another streams the English in paragraph by paragraph (visible ones first)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left,h", "move_word(-1)", "Word", key_display="←→"),
        Binding("right,l", "move_word(1)", "Next word", show=False),
        Binding("up,k", "move_paragraph(-1)", "Paragraph", key_display="↑↓"),
        Binding("down,j", "move_paragraph(1)", "Next paragraph", show=False),
        Binding("pagedown", "move_page(1)", "Page down", show=False),
        Binding("pageup", "move_page(-1)", "Page up", show=False),
        Binding("home", "move_to_end(-1)", "First paragraph", show=False),
        Binding("end", "move_to_end(1)", "Last paragraph", show=False),
        *LOOKUP_BINDINGS,
        *TRANSLATION_BINDINGS,
        *REVIEW_BINDINGS,
    ]

    def __init__(self, article: Article, segmenter: Segmenter | None = None) -> None:
        """Read ``article`` (``segmenter``: one already built, if any, to skip building another)."""
        super().__init__()
        self.article = article
        self.glossary: Glossary | None = None
        self.segmenter = segmenter
        self.tokens: Sequence[Sequence[Token]] | None = None
        self.paragraph = 0
        self.token: int | None = None
        self._reopen: str | None = None
        self.translation = TranslationController(id="translation")

    def compose(self) -> ComposeResult:
        """Header, one row per paragraph (Thai, English), footer."""
        yield Header()
        with VerticalScroll(id="article", can_focus=False):
            if not self.article.paragraphs:
                yield Static("This article has no text after its title.", id="empty")
            for index, text in enumerate(self.article.paragraphs):
                with Horizontal(classes="paragraph"):
                    yield TermBadge(index, id=f"badge-{index}")
                    yield ParagraphView(index, text, id=f"thai-{index}")
                    yield EnglishView(index, id=f"english-{index}")
        yield self.translation
        yield Footer()

    @property
    def views(self) -> list[ParagraphView]:
        """The Thai paragraph widgets, in order."""
        return list(self.query(ParagraphView))

    def on_mount(self) -> None:
        """Title the screen, place the cursor, and start segmenting."""
        self.title = self.article.title
        self.sub_title = ""
        self.set_class(self.app.size.width < NARROW_WIDTH, "-narrow")
        self.add_class("-unchecked")  # no terminology badges until some English has been checked
        self._place_cursor(0, None)
        self.call_after_refresh(self._start)

    def _start(self) -> None:
        """After the first paint: open the glossary, segment the article with its terms, translate it."""
        host = cast(ReaderHost, self.app)
        self.glossary = host.open_glossary()
        if self.glossary is not None:
            self.segment(self.glossary.thai_terms(), self.segmenter or host.segmenter)
            concepts = self.glossary.concepts()
            self.translation.start(self.article, concepts=concepts)
            self.refresh_terminology(concepts)

    def on_resize(self, event: events.Resize) -> None:
        """Stack the English under the Thai on narrow terminals."""
        self.set_class(event.size.width < NARROW_WIDTH, "-narrow")
        self.call_after_refresh(self._scroll_to_cursor)

    # Segmentation ---------------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="segment", exit_on_error=False)
    def segment(self, terms: set[str], segmenter: Segmenter | None = None) -> None:
        """Segment the article (building a segmenter from ``terms`` unless given one) and post the tokens."""
        worker = get_current_worker()
        done = segment_article(self.article.paragraphs, terms, segmenter, lambda: worker.is_cancelled)
        if done is not None:
            self.post_message(ArticleSegmented(*done))
            warm_up_lookup()

    def resegment(self) -> None:
        """Rebuild the segmenter, the check and the steering from the glossary's current terms (read here,
        on the UI thread, which owns the glossary)."""
        if self.glossary is not None:
            self.segment(self.glossary.thai_terms(), None)
            concepts = self.glossary.concepts()
            self.translation.concepts = tuple(concepts)  # later (re)translations steer to the edited glossary
            self.refresh_terminology(concepts)

    @on(ArticleSegmented)
    def _segmented(self, message: ArticleSegmented) -> None:
        """Show the tokens and highlights, keeping the cursor on the same text."""
        offset = self._cursor_offset()
        self.segmenter = message.segmenter
        self.tokens = message.tokens
        cast(ReaderHost, self.app).segmenter = message.segmenter
        for view, tokens in zip(self.views, message.tokens, strict=True):
            view.set_tokens(tokens)
        if offset is not None:
            self._place_cursor(self.paragraph, token_containing(self.views[self.paragraph].tokens, offset))
        if self._reopen is not None:
            text, self._reopen = self._reopen, None
            self.open_lookup(text, findings=self.cursor_findings() if text == self.cursor_text() else ())

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Say so when segmentation fails (the text stays readable, unsegmented)."""
        if event.state == WorkerState.ERROR and event.worker.group == "segment":
            self.notify(f"Could not segment the text: {event.worker.error}", severity="error", timeout=10)

    # The word cursor ------------------------------------------------------------------------------------

    def _cursor_offset(self) -> int | None:
        views = self.views
        if self.token is None or not views:
            return None
        return views[self.paragraph].tokens[self.token].start

    def _place_cursor(self, paragraph: int, token: int | None) -> None:
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
        self.cursor_moved()
        self.call_after_refresh(self._scroll_to_cursor)

    def _scroll_to_cursor(self) -> None:
        """Scroll the least needed to show the cursor's paragraph and English (or its line, if too tall)."""
        views = self.views
        if not views or self.token is None:
            return
        view = views[self.paragraph]
        row = view.parent
        container = self.query_one("#article", VerticalScroll)
        if not isinstance(row, Horizontal):
            return
        # The row's place in the scrolled content, not on screen: screen regions lag behind a scroll that
        # is still pending when keys repeat quickly, and would make the view overshoot.
        top = row.virtual_region.y
        if row.region.height <= container.content_region.height:
            region = Region(0, top, 1, row.region.height)
        else:
            region = Region(0, top + view.line_of(self.token), 1, 1)
        container.scroll_to_region(region, animate=False, immediate=True)

    def action_move_word(self, step: int) -> None:
        """Move the cursor to the next (+1) or previous (-1) word, across paragraphs."""
        views = self.views
        if views and (found := next_word([v.tokens for v in views], self.paragraph, self.token, step)):
            self._place_cursor(*found)

    def action_move_paragraph(self, step: int) -> None:
        """Move the cursor to the first word of the next (+1) or previous (-1) paragraph."""
        views = self.views
        if views and (found := next_paragraph([v.tokens for v in views], self.paragraph, step)):
            self._place_cursor(*found)

    def action_move_page(self, step: int) -> None:
        """Move the cursor about a screenful of paragraphs down (+1) or up (-1)."""
        views = self.views
        tokens = [v.tokens for v in views]
        budget = self.query_one("#article", VerticalScroll).content_region.height
        paragraph = self.paragraph
        while budget > 0 and (found := next_paragraph(tokens, paragraph, step)):
            paragraph = found[0]
            row = views[paragraph].parent
            budget -= (row.region.height if isinstance(row, Horizontal) else 0) + 1
        if paragraph != self.paragraph:
            self._place_cursor(paragraph, None)

    def action_move_to_end(self, step: int) -> None:
        """Move the cursor to the first word of the last (+1) or first (-1) paragraph."""
        views = self.views
        start = len(views) if step > 0 else -1
        if views and (found := next_paragraph([v.tokens for v in views], start, -step)):
            self._place_cursor(*found)

    def cursor_text(self) -> str | None:
        """The word under the cursor."""
        if self.token is None or not self.views:
            return None
        return self.views[self.paragraph].tokens[self.token].text
