"""Reopening an article against a remote engine: the memory's English at once, the server's identity after.

A LibreTranslate engine's memory key is its server's identity, asked once per engine; the probe waits for
a freshly started server to load its model, tens of seconds. So a new engine first shows what the memory
holds under the last identity seen for that URL (the memory's newest key of the server), translating
nothing, then asks who the server is (in the caller's worker thread, never the UI thread). If the answer
is another key (a model swapped behind the same URL), each paragraph shown from the old key is marked stale
at once, and the normal pass under the new key replaces it: the old model's English is never left standing
as current, and the new model's output is filed under its own key only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from bilingual_reader.translation.engines.base import Engine, Recall, memory_key

if TYPE_CHECKING:
    from bilingual_reader.translation.memory import TranslationMemory
    from bilingual_reader.translation.results import ArticleLike, ParagraphResult
    from bilingual_reader.translation.steering import Steerer


@runtime_checkable
class IdentifyingEngine(Protocol):
    """An engine whose memory key is its server's identity, asked once (LibreTranslate)."""

    @property
    def identified(self) -> bool: ...

    @property
    def key_prefix(self) -> str: ...


def last_identity(engine: Engine | Recall, memory: TranslationMemory) -> str | None:
    """The memory key of the server's last identity, when ``engine`` has not asked its server yet."""
    if isinstance(engine, IdentifyingEngine) and not engine.identified:
        return memory.latest_model(engine.key_prefix)
    return None


def memory_first(
    article: ArticleLike,
    *,
    engine: Engine | Recall,
    memory: TranslationMemory,
    show: Callable[[ParagraphResult], object],
    cancelled: Callable[[], bool] = lambda: False,
    steerer: Steerer | None = None,
    order: Iterable[int] = (),
) -> str | None:
    """``show`` each paragraph the memory holds under the server's last identity, then ask the server who
    it is; if it is someone else now, ``show`` each of those paragraphs again as stale (a failed result).
    Only paragraphs whose sentence split the memory holds are looked at (nothing is split here, so a book
    costs no segmenting before the probe), ``order`` (those on screen) first.

    Returns the confirmed memory key for the pass that follows (None: nothing to do, the engine already
    knows who it is or the memory holds nothing of its server). Sends no translation of the article.
    """
    from bilingual_reader.translation.pipeline import translate_article
    from bilingual_reader.translation.results import ParagraphResult

    guess = last_identity(engine, memory)
    if guess is None:
        return None
    known = memory.get_splits(article.paragraphs)
    only = [i for i, thai in enumerate(article.paragraphs) if thai in known]
    shown: list[ParagraphResult] = []
    for result in translate_article(
        article,
        engine=Recall(guess),
        memory=memory,
        cancelled=cancelled,
        steerer=steerer,
        order=order,
        only=only,
    ):
        if result.source == "memory":
            shown.append(result)
        show(result)
    key = memory_key(engine, memory.latest_model)  # the identity probe: this may wait for the server
    if key != guess:
        server = getattr(engine, "url", "the server")
        line = f"translation failed: LibreTranslate at {server} has another model now; translating again"
        for old in shown:
            if cancelled():
                break
            show(ParagraphResult(old.index, old.thai, "", "failed", (), (), line, "", key))
    return key
