"""One batched engine pass over the sentences that paragraphs still wait for, and the paragraph results it
makes: each sentence goes to the memory as it arrives; after a failed batch, paragraph by paragraph."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bilingual_reader.translation.engines.base import (
    Engine,
    EngineError,
    EngineUnavailable,
    SentenceTranslation,
)
from bilingual_reader.translation.flags import flag_translation
from bilingual_reader.translation.memory import TranslationMemory
from bilingual_reader.translation.results import ParagraphResult, Source

if TYPE_CHECKING:
    from bilingual_reader.translation.steering import SentenceSteering

Fix = Callable[[SentenceTranslation], "SentenceSteering"]


@dataclass
class Pending:
    """A paragraph being translated: its sentences, those done, and its post-edit if any."""

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


def finished(p: Pending, model: str, fix: Fix | None = None) -> ParagraphResult:
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


def failed(p: Pending, model: str, err: Exception) -> ParagraphResult:
    reason = str(err) if isinstance(err, EngineError) else f"{type(err).__name__}: {err}"
    message = f"translation failed: {reason}".splitlines()[0]
    down = isinstance(err, EngineUnavailable)
    return ParagraphResult(p.index, p.thai, "", "failed", (), (), message, "", model, unavailable=down)


def run_engine(
    pending: list[Pending],
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
    wanted: dict[str, list[Pending]] = {}
    left: dict[int, int] = {}
    for p in pending:
        missing = p.missing()
        left[id(p)] = len(missing)
        for sentence in missing:
            wanted.setdefault(sentence, []).append(p)

    def absorb(translation: SentenceTranslation) -> list[Pending]:
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
                yield finished(p, model, fix)
    except EngineUnavailable as err:  # nothing more can be translated now: say so on every waiting one
        down = err
    except Exception:  # the batch failed: isolate the paragraph(s) that cannot be translated
        pass
    for p in list(waiting.values()):
        if cancelled():
            return
        if down is not None:
            yield failed(p, model, down)
            continue
        try:
            for translation in engine.translate(p.missing()):
                p.done[translation.source] = translation
                p.from_engine = True
                memory.put_sentence(model, settings, translation)
            yield finished(p, model, fix)
        except EngineUnavailable as err:
            down = err
            yield failed(p, model, err)
        except Exception as err:
            yield failed(p, model, err)
