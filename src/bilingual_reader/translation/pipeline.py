"""Translate an article paragraph by paragraph: post-edits, then the memory, then one batched engine pass.

A headless generator for the reader's thread worker (loop, post one message per result, stop on cancel) and
for the CLI.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, Protocol

from bilingual_reader.translation.engines.base import (
    Engine,
    EngineError,
    EngineUnavailable,
    Recall,
    SentenceTranslation,
    memory_key,
)
from bilingual_reader.translation.flags import flag_translation
from bilingual_reader.translation.memory import TranslationMemory, source_hash
from bilingual_reader.translation.sentences import split_sentences

if TYPE_CHECKING:
    from bilingual_reader.translation.steering import SentenceSteering, Steerer

Source = Literal["memory", "engine", "post-edit", "failed"]
Fix = Callable[[SentenceTranslation], "SentenceSteering"]


class ArticleLike(Protocol):
    """What the pipeline needs of an article (``bilingual_reader.documents.articles.Article`` fits)."""

    @property
    def article_id(self) -> str: ...

    @property
    def paragraphs(self) -> tuple[str, ...]: ...


@dataclass(frozen=True)
class ParagraphResult:
    """One paragraph's English: ``english`` is what to show (the post-edit if any), ``machine`` the MT.

    With glossary steering, ``machine`` (and ``english`` without a post-edit) is the steered MT, and
    ``steering`` holds one record per sentence (its unsteered original and how it was fixed); ``sentences``
    stay the engine's own output. Post-edited paragraphs are never steered.
    """

    index: int
    thai: str
    english: str
    source: Source
    sentences: tuple[SentenceTranslation, ...] = ()
    flags: tuple[str, ...] = ()
    error: str | None = None
    machine: str = ""
    model: str = ""
    steering: tuple[SentenceSteering, ...] = ()
    unavailable: bool = False  # failed because the engine can translate nothing now (a server is down)
    teacher: bool = False  # the post-edit is a teacher's English brought by a class pack

    @property
    def unsteered(self) -> str:
        """The machine translation before glossary steering."""
        if not self.steering:
            return self.machine
        return " ".join(s.original for s in self.steering if s.original)


@dataclass
class _Pending:
    index: int
    thai: str
    sentences: list[str]
    post_edit: str | None = None
    done: dict[str, SentenceTranslation] = field(default_factory=dict)
    from_engine: bool = False

    def missing(self) -> list[str]:
        """The sentences not translated yet, once each, in order."""
        return [s for s in dict.fromkeys(self.sentences) if s not in self.done]

    def complete(self) -> bool:
        return all(s in self.done for s in self.sentences)


def priority(count: int, order: Iterable[int] | None, span: range | None = None) -> list[int]:
    """Paragraph indexes (of ``span`` only, if given): those in ``order`` first (valid, once), then the rest
    in reading order."""
    among = range(count) if span is None else range(max(span.start, 0), min(span.stop, count))
    first = dict.fromkeys(i for i in (order or ()) if i in among)
    return [*first, *(i for i in among if i not in first)]


def _result(p: _Pending, model: str, fix: Fix | None = None) -> ParagraphResult:
    sentences = tuple(p.done[s] for s in p.sentences if s in p.done)
    machine = " ".join(t.best for t in sentences if t.best)
    if p.post_edit is not None:
        return ParagraphResult(p.index, p.thai, p.post_edit, "post-edit", sentences, (), None, machine, model)
    source: Source = "engine" if p.from_engine else "memory"
    steering = tuple(fix(t) for t in sentences) if fix is not None else ()
    if steering:
        machine = " ".join(s.text for s in steering if s.text)
    flags = flag_translation(p.thai, machine)
    return ParagraphResult(p.index, p.thai, machine, source, sentences, flags, None, machine, model, steering)


def _failed(p: _Pending, model: str, err: Exception) -> ParagraphResult:
    reason = str(err) if isinstance(err, EngineError) else f"{type(err).__name__}: {err}"
    message = f"translation failed: {reason}".splitlines()[0]
    down = isinstance(err, EngineUnavailable)
    return ParagraphResult(p.index, p.thai, "", "failed", (), (), message, "", model, unavailable=down)


def _run_engine(
    pending: list[_Pending],
    engine: Engine,
    memory: TranslationMemory,
    cancelled: Callable[[], bool],
    fix: Fix | None = None,
    model: str | None = None,
    ramp: bool = True,
) -> Iterator[ParagraphResult]:
    """One engine pass over every missing sentence; after a failure, retry paragraph by paragraph.
    ``ramp=False``: an engine that ``ramps`` (small first batches for a first paint) batches for throughput.
    Linear in the number of sentences: each paragraph counts the sentences it still waits for, and each
    translated sentence goes straight to the paragraphs that wait for it.
    """
    model, settings = model or engine.model_key, engine.settings_key
    waiting = {id(p): p for p in pending}
    wanted: dict[str, list[_Pending]] = {}
    left: dict[int, int] = {}
    for p in pending:
        missing = p.missing()
        left[id(p)] = len(missing)
        for sentence in missing:
            wanted.setdefault(sentence, []).append(p)

    def absorb(translation: SentenceTranslation) -> list[_Pending]:
        """Store a translation and hand it to its paragraphs; those now complete, in waiting order."""
        memory.put_sentence(model, settings, translation)
        ready = []
        for p in wanted.pop(translation.source, ()):
            p.done[translation.source] = translation
            p.from_engine = True
            left[id(p)] -= 1
            if left[id(p)] == 0:
                ready.append(p)
        return ready

    down: EngineUnavailable | None = None
    try:
        missing, quick_start = list(wanted), ramp or not getattr(engine, "ramps", False)
        run = engine.translate(missing) if quick_start else engine.translate(missing, ramp=False)  # type: ignore[call-arg]
        for translation in run:
            ready = absorb(translation)
            if cancelled():
                return
            for p in ready:
                del waiting[id(p)]
                yield _result(p, model, fix)
    except EngineUnavailable as err:  # nothing more can be translated now: say so on every waiting one
        down = err
    except Exception:  # the batch failed: isolate the paragraph(s) that cannot be translated
        pass
    for p in list(waiting.values()):
        if cancelled():
            return
        if down is not None:
            yield _failed(p, model, down)
            continue
        try:
            for translation in engine.translate(p.missing()):
                p.done[translation.source] = translation
                p.from_engine = True
                memory.put_sentence(model, settings, translation)
            yield _result(p, model, fix)
        except EngineUnavailable as err:
            down = err
            yield _failed(p, model, err)
        except Exception as err:
            yield _failed(p, model, err)


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
    pending: list[_Pending] = []
    for index in indexes:
        if cancelled():
            return
        thai = paragraphs[index]
        sentences = splits.get(thai)
        if sentences is None:
            sentences = new_splits[thai] = split_sentences(thai)
        p = _Pending(index, thai, sentences)
        p.post_edit = post_edits.get((index, source_hash(thai)))
        p.done.update(memory.get_sentences(model, settings, p.sentences))
        if p.post_edit is not None or p.complete():
            yield _result(p, model, fix)
        else:
            pending.append(p)
    memory.put_splits(new_splits)
    if pending and not cancelled() and not isinstance(engine, Recall):
        yield from _run_engine(pending, engine, memory, cancelled, fix, model, ramp)


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
    p = _Pending(index, thai, split_sentences(thai))
    p.post_edit = memory.get_post_edit(article.article_id, index, thai)
    fix = _fixer(steerer, engine, memory)
    model = memory_key(engine, memory.latest_model)
    results = list(_run_engine([p], engine, memory, lambda: False, fix, model))
    return results[0] if results else _result(p, model, fix)


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
    p = _Pending(index, thai, memory.get_splits([thai]).get(thai) or split_sentences(thai))
    model = memory_key(engine, memory.latest_model)
    p.done.update(memory.get_sentences(model, engine.settings_key, p.sentences))
    fix = _fixer(steerer, engine, memory)
    if p.complete():
        return _result(p, model, fix)
    if isinstance(engine, Recall):
        return _failed(p, model, RuntimeError("no machine translation in the memory yet"))
    results = list(_run_engine([p], engine, memory, lambda: False, fix, model))
    return results[0] if results else _result(p, model, fix)
