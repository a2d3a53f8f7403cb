"""Translate an article paragraph by paragraph: post-edits, then the memory, then one batched engine pass.

A headless generator for the reader's thread worker (loop, post one message per result, stop on cancel) and
for the CLI.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from bilingual_reader.translation.engine_pass import Fix, Pending, failed, finished, run_engine
from bilingual_reader.translation.engines.base import Engine, Recall, memory_key
from bilingual_reader.translation.memory import TranslationMemory, source_hash
from bilingual_reader.translation.results import ArticleLike, ParagraphResult, Source
from bilingual_reader.translation.sentences import split_sentences

if TYPE_CHECKING:
    from bilingual_reader.translation.steering import Steerer

#: ParagraphResult, ArticleLike and Source live in :mod:`.results`; many callers import them from here.
__all__ = [
    "ArticleLike",
    "ParagraphResult",
    "Source",
    "priority",
    "retranslate_paragraph",
    "revert_post_edit",
    "save_post_edit",
    "translate_article",
]


def priority(count: int, order: Iterable[int] | None, span: range | None = None) -> list[int]:
    """Paragraph indexes (of ``span`` only, if given): those in ``order`` first (valid, once), then the rest
    in reading order."""
    among = range(count) if span is None else range(max(span.start, 0), min(span.stop, count))
    first = dict.fromkeys(i for i in (order or ()) if i in among)
    return [*first, *(i for i in among if i not in first)]


def translate_article(
    article: ArticleLike,
    *,
    engine: Engine | Recall,
    memory: TranslationMemory,
    order: Iterable[int] | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    steerer: Steerer | None = None,
    span: range | None = None,
    ramp: bool = True,
    only: Iterable[int] | None = None,
    key: str | None = None,
) -> Iterator[ParagraphResult]:
    """Yield each paragraph's translation: ready ones (post-edit, memory) first, then engine output.
    ``span``: only those paragraphs (a window); ``ramp=False``: batched for throughput, not a first paint.
    ``only``: just these paragraphs (in ``order``), e.g. the next batch of a reader that follows its user.
    ``key``: the memory key already asked of the engine (:func:`.reopen.memory_first`), not asked again.

    ``order`` puts paragraphs first (the visible ones); the engine sees all missing sentences in that order in
    one batched pass. Each machine-translated sentence is committed to the memory as it arrives, so
    re-opening a translated article makes no engine calls. Stops quietly as soon as ``cancelled()`` is true.
    With a ``steerer``, machine translations are steered to the glossary (outcomes kept in the memory too).
    With a :class:`Recall` instead of an engine only the ready paragraphs are yielded.

    A paragraph's sentence split is kept in the memory too, so an article the memory holds whole is
    answered without running the sentence splitter.
    """
    model, settings = key or memory_key(engine, memory.latest_model), engine.settings_key
    fix = _fixer(steerer, engine, memory)
    legacy_id = getattr(article, "legacy_id", None)  # post-edits kept before every line was a paragraph
    if legacy_id is not None:
        memory.adopt_legacy_post_edits(legacy_id, article.article_id)
    paragraphs, article_id = article.paragraphs, article.article_id
    if only is None:
        indexes = priority(len(paragraphs), order, span)
    else:  # those of ``order`` first, the rest as given (never a walk over the whole article)
        chosen = dict.fromkeys(i for i in only if 0 <= i < len(paragraphs))
        indexes = list(dict.fromkeys([*(i for i in order or () if i in chosen), *chosen]))
    splits = memory.get_splits(paragraphs[i] for i in indexes)
    post_edits = memory.get_post_edits(article_id)
    new_splits: dict[str, list[str]] = {}
    pending: list[Pending] = []
    for index in indexes:
        if cancelled():
            return
        thai = paragraphs[index]
        sentences = splits.get(thai)
        if sentences is None:
            sentences = new_splits[thai] = split_sentences(thai)
        p = Pending(index, thai, sentences)
        p.post_edit = post_edits.get((index, source_hash(thai)))
        p.done.update(memory.get_sentences(model, settings, p.sentences))
        if p.post_edit is not None or p.complete():
            yield finished(p, model, fix)
        else:
            pending.append(p)
    memory.put_splits(new_splits)
    if pending and not cancelled() and not isinstance(engine, Recall):
        yield from run_engine(pending, engine, memory, cancelled, fix, model, ramp)


def _fixer(steerer: Steerer | None, engine: Engine | Recall, memory: TranslationMemory) -> Fix | None:
    if steerer is None:
        return None
    return lambda translation: steerer.steer(translation, engine, memory)


def retranslate_paragraph(
    article: ArticleLike,
    index: int,
    *,
    engine: Engine,
    memory: TranslationMemory,
    steerer: Steerer | None = None,
) -> ParagraphResult:
    """Translate one paragraph again with the engine (bypassing the memory, then updating it).

    A post-edit survives: it stays what ``english`` shows, and the fresh output is in ``machine``.
    """
    thai = article.paragraphs[index]
    p = Pending(index, thai, split_sentences(thai))
    p.post_edit = memory.get_post_edit(article.article_id, index, thai)
    fix = _fixer(steerer, engine, memory)
    model = memory_key(engine, memory.latest_model)
    results = list(run_engine([p], engine, memory, lambda: False, fix, model))
    return results[0] if results else finished(p, model, fix)


def save_post_edit(
    article: ArticleLike, index: int, english: str, *, memory: TranslationMemory, model: str = ""
) -> ParagraphResult:
    """Save a paragraph's English as edited by the reader (or picked from the alternatives)."""
    thai = article.paragraphs[index]
    memory.save_post_edit(article.article_id, index, thai, english)
    return ParagraphResult(index, thai, english, "post-edit", (), (), None, "", model)


def revert_post_edit(
    article: ArticleLike,
    index: int,
    *,
    engine: Engine | Recall,
    memory: TranslationMemory,
    steerer: Steerer | None = None,
) -> ParagraphResult | None:
    """Revert paragraph ``index`` to its machine translation; None when it had no post-edit.

    The post-edit leaves the paragraph but stays in the memory's post-edit history. The machine translation
    comes from the memory, else from the engine (a :class:`Recall` gives a failed result instead).
    """
    thai = article.paragraphs[index]
    if memory.revert_post_edit(article.article_id, index, thai) is None:
        return None
    p = Pending(index, thai, memory.get_splits([thai]).get(thai) or split_sentences(thai))
    model = memory_key(engine, memory.latest_model)
    p.done.update(memory.get_sentences(model, engine.settings_key, p.sentences))
    fix = _fixer(steerer, engine, memory)
    if p.complete():
        return finished(p, model, fix)
    if isinstance(engine, Recall):
        return failed(p, model, RuntimeError("no machine translation in the memory yet"))
    results = list(run_engine([p], engine, memory, lambda: False, fix, model))
    return results[0] if results else finished(p, model, fix)
