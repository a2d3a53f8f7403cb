"""The reader's segmentation: a non-visual controller that segments the article in a thread worker (the
visible paragraphs first, then the rest in batches), segments at once what scrolls into view before the
worker got there, and hands the tokens to the text view and the lookups."""

from __future__ import annotations

import gc
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import on, work
from textual.widget import Widget
from textual.worker import Worker, WorkerState, get_current_worker

from bilingual_reader.tui.messages import ArticleSegmented, ParagraphsSegmented
from bilingual_reader.tui.reader.segmentation import segment_in_order

if TYPE_CHECKING:
    from bilingual_reader.documents.articles import Article
    from bilingual_reader.thai.segmenter import Segmenter, Token
    from bilingual_reader.tui.reader.article_view import ArticleView
    from bilingual_reader.tui.reader.lookup import LookupController
    from bilingual_reader.tui.services import ReaderServices


class SegmentingController(Widget):
    """Segments ``article`` for ``text`` and ``lookup``; posts ``ArticleSegmented`` once all of it is."""

    DEFAULT_CSS = "SegmentingController { display: none; }"

    def __init__(
        self,
        article: Article,
        services: ReaderServices,
        text: ArticleView,
        lookup: LookupController,
        *,
        id: str | None = None,
    ) -> None:
        """Nothing runs until :meth:`segment`."""
        super().__init__(id=id)
        self.article = article
        self.services = services
        self.text = text
        self.lookup = lookup
        self.segmenter: Segmenter | None = None
        self.done = False
        """True once every paragraph is segmented with the current segmenter."""
        self._run = 0  # counts segment() calls: a cancelled run's messages may still be queued
        self.on_tokens: Callable[[dict[int, list[Token]]], object] | None = None
        """Told every batch of new tokens (by paragraph index), after the view has them."""

    def segment(self, terms: set[str]) -> None:
        """Segment the article with a segmenter for ``terms``: the visible paragraphs first."""
        self.done = False
        self._run += 1
        self._segment(
            terms, tuple(self.text.layout_.visible_paragraphs()) or (self.text.cursor.paragraph,), self._run
        )

    @work(thread=True, exclusive=True, group="segment", exit_on_error=False, description="segmentation")
    def _segment(self, terms: set[str], first: tuple[int, ...], run: int) -> None:
        """Build a segmenter (unless the app has one) and post the tokens in batches, ``first`` first."""
        worker = get_current_worker()
        segmenter = self.services.segmenter(terms)
        for batch, done in segment_in_order(
            self.article.paragraphs, segmenter, first, lambda: worker.is_cancelled
        ):
            self.post_message(ParagraphsSegmented(segmenter, batch, done, run))

    @on(ParagraphsSegmented)
    def _paragraphs_segmented(self, message: ParagraphsSegmented) -> None:
        """Show a batch of tokens and their highlights; once all are in, announce the whole article."""
        message.stop()
        if message.run != self._run:
            return  # from a run that a newer one (a glossary edit) replaced
        if message.segmenter is not self.segmenter:
            self.segmenter = message.segmenter
            self.lookup.segmented(message.segmenter, [[] for _ in self.article.paragraphs])
        self._show(message.tokens)
        gc.freeze()  # the tokens live as long as the article: a full collection need not walk them again
        if message.done and self.lookup.tokens is not None:
            self.done = True
            self.post_message(ArticleSegmented(message.segmenter, self.lookup.tokens))

    def on_unmount(self) -> None:
        """The article is closed: its tokens may be collected again."""
        gc.unfreeze()

    def came_into_view(self, first: int, last: int) -> None:
        """Paragraphs ``first``..``last`` are on screen: segment those the worker has not reached yet."""
        segmenter = self.segmenter
        if segmenter is None or first < 0:
            return
        fresh = {
            index: segmenter.tokenize(self.article.paragraphs[index])
            for index in range(first, last + 1)
            if not self.text.paragraphs.thai(index).segmented
        }
        if fresh:
            self._show(fresh)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Say so when segmentation fails (the text stays readable, unsegmented)."""
        if event.state == WorkerState.ERROR and event.worker.group == "segment":
            self.notify(f"Could not segment the text: {event.worker.error}", severity="error", timeout=10)

    def _show(self, tokens: dict[int, list[Token]]) -> None:
        self.lookup.add_tokens(tokens)
        self.text.set_tokens(tokens)
        if self.on_tokens is not None:
            self.on_tokens(tokens)
