"""Which paragraphs the reader translates next: those on screen first, then on from there in reading order
(wrapping to the start). A jump changes what comes next without losing what is done, so the English follows
the reader through a book. Shared by the UI thread (``prefer``) and the translating worker (``take``)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bilingual_reader.translation.pipeline import ArticleLike, ParagraphResult
    from bilingual_reader.translation.session import TranslationSession

#: Paragraphs per engine pass: small enough that a jump is followed soon, big enough to batch sentences.
BATCH = 24


class TranslationOrder:
    """The order in which ``count`` paragraphs are handed out for translation, each once."""

    def __init__(self, count: int, first: Iterable[int] = ()) -> None:
        """Paragraphs ``first`` first, then on from the last of them."""
        self._count = count
        self._taken = bytearray(count)
        self._left = count
        self._wanted: tuple[int, ...] = ()
        self._next = 0
        self._lock = threading.Lock()
        self.prefer(first)

    def prefer(self, indexes: Iterable[int]) -> None:
        """These paragraphs (on screen now) go next, then those after them."""
        wanted = tuple(i for i in indexes if 0 <= i < self._count)
        with self._lock:
            self._wanted = wanted
            if wanted:
                self._next = max(wanted) + 1

    @property
    def wanted(self) -> tuple[int, ...]:
        """The paragraphs preferred now (on screen)."""
        with self._lock:
            return self._wanted

    def take(self, size: int) -> list[int]:
        """Up to ``size`` paragraphs not handed out yet (the preferred ones first); [] when all were."""
        with self._lock:
            batch = [i for i in self._wanted if not self._taken[i]][:size]
            for index in batch:
                self._taken[index] = 1
            self._left -= len(batch)
            while len(batch) < size and self._left > 0:
                index = self._next % self._count
                self._next = index + 1
                if not self._taken[index]:
                    self._taken[index] = 1
                    self._left -= 1
                    batch.append(index)
            return batch

    def __len__(self) -> int:
        return self._count


def translate_in_order(
    session: TranslationSession,
    article: ArticleLike,
    order: TranslationOrder,
    post: Callable[[ParagraphResult, int], object],
    cancelled: Callable[[], bool],
) -> list[str]:
    """Translate ``article`` batch by batch as ``order`` hands paragraphs out, ``post(result, done so
    far)`` for each (in a worker). Returns the errors of paragraphs lost because the engine went away;
    after that, later batches show the memory's English only."""
    from bilingual_reader.translation.engines.base import Recall
    from bilingual_reader.translation.reopen import memory_first

    done, failed = set[int](), list[str]()

    def early(result: ParagraphResult) -> None:  # the memory's English, or stale after a model swap
        (done.discard if result.error is not None else done.add)(result.index)
        post(result, len(done))

    engine, memory, steerer = session.engine, session.memory, session.steerer
    key = memory_first(
        article,
        engine=engine,
        memory=memory,
        show=early,
        cancelled=cancelled,
        steerer=steerer,
        order=order.wanted,
    )
    while not cancelled() and (batch := order.take(BATCH)):
        for result in session.translate(article, order=batch, only=batch, cancelled=cancelled, key=key):
            if cancelled():
                return failed
            done.add(result.index)
            if result.error is not None and result.unavailable:
                failed.append(result.error)
            post(result, len(done))
        key = None  # later batches ask the engine (free once it knows who its server is)
        if failed and not isinstance(session.engine, Recall):
            session.engine = Recall(session.engine.model_key)
    return failed
