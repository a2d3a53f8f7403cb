"""One translation session: the engine, the settings, the memory and glossary steering, opened in one place.

The CLI commands and the reader's workers call :func:`open_session`; its errors
(:class:`~bilingual_reader.translation.errors.TranslationSetupError`) are one line naming what is at fault.
A session owns one memory connection, so it belongs to the thread that opened it; engines are shared
across sessions (the loaded model is kept per model and settings).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bilingual_reader.translation.engines.base import Engine, Recall
from bilingual_reader.translation.errors import NoModelError, SettingsError
from bilingual_reader.translation.memory import TranslationMemory
from bilingual_reader.translation.settings import EngineSettings, load_settings

if TYPE_CHECKING:
    from bilingual_reader.qa.check import TermChecker
    from bilingual_reader.translation.engines.libretranslate import LibreTranslateEngine
    from bilingual_reader.translation.engines.local import LocalEngine
    from bilingual_reader.translation.results import ArticleLike, ParagraphResult
    from bilingual_reader.translation.steering import Steerer

#: Paragraphs per window when the command line streams a text (``TranslationSession.stream``). Measured
#: (``bench_translation.py --shape opus --sentences 96 --windows 8,0``, 43 paragraphs, CPU time, load 18-27):
#: windows of 8 paragraphs 2.39x the argos call pattern, 32: 2.54x, all 43 at once: 2.63x (the reader's
#: path 2.38x). 32 keeps the goal (2.5x) with what is held, and the wait for the first output, bounded.
STREAM_WINDOW = 32

_engines: dict[tuple[str, str, str, int], LocalEngine] = {}
_engines_lock = threading.Lock()


def local_engine(settings: EngineSettings, report: Callable[[str], None] | None = None) -> LocalEngine:
    """The engine of the installed model with ``settings``, shared per model and settings (not loaded yet).

    A package folder that cannot be read is skipped and told to ``report`` in one line (the others are
    used). Raises :class:`NoModelError` when no model is installed.
    """
    from bilingual_reader.translation.engines.local import LocalEngine
    from bilingual_reader.translation.packages import installed_model

    model = installed_model(report)
    if model is None:
        raise NoModelError()
    key = (str(model.path), model.key, settings.key, settings.threads)
    with _engines_lock:
        if key not in _engines:
            _engines[key] = LocalEngine(model, settings)
        return _engines[key]


_remote: dict[tuple[str, float, int, str], LibreTranslateEngine] = {}


def engine_for(settings: EngineSettings, report: Callable[[str], None] | None = None) -> Engine:
    """The engine ``settings.engine`` names: the installed model's (``local_engine``) or a LibreTranslate
    server's, shared per server so its connections are reused (nothing is sent yet).

    Raises :class:`NoModelError` (local, none installed) or :class:`KeyFileError` (a bad API key file).
    """
    if settings.engine != "libretranslate":
        return local_engine(settings, report)
    import hashlib

    from bilingual_reader.translation.engines.libretranslate import LibreTranslateEngine
    from bilingual_reader.translation.engines.libretranslate_key import key_path, read_api_key

    api_key = read_api_key()
    secret = hashlib.sha256((api_key or "").encode("utf-8")).hexdigest()  # the cache key: never the key
    key = (settings.url, settings.timeout, settings.batch_size, secret)
    with _engines_lock:
        if key not in _remote:
            _remote[key] = LibreTranslateEngine(
                settings.url,
                timeout=settings.timeout,
                batch_size=settings.batch_size,
                api_key=api_key,
                key_file=str(key_path()),
            )
        return _remote[key]


class TranslationSession:
    """Translates articles with one engine, one memory connection and (optionally) glossary steering."""

    def __init__(
        self,
        engine: Engine | Recall,
        memory: TranslationMemory,
        steerer: Steerer | None = None,
        problem: SettingsError | None = None,
    ) -> None:
        """A session; with a :class:`Recall` for ``engine``, ``problem`` says why no engine runs."""
        self.engine = engine
        self.memory = memory
        self.steerer = steerer
        self.problem = problem

    def close(self) -> None:
        """Close the memory connection (the engine stays loaded for the next session)."""
        self.memory.close()

    def __enter__(self) -> TranslationSession:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def translate(
        self,
        article: ArticleLike,
        *,
        order: Iterable[int] | None = None,
        cancelled: Callable[[], bool] = lambda: False,
        span: range | None = None,
        ramp: bool = True,
        only: Iterable[int] | None = None,
        key: str | None = None,
    ) -> Iterator[ParagraphResult]:
        """Each paragraph's English (or ``only`` some), ready ones first (``pipeline.translate_article``); a
        post-edit a class pack brought is marked the teacher's."""
        from bilingual_reader.translation.pipeline import translate_article
        from bilingual_reader.translation.teacher_english import mark_teacher_english

        results = translate_article(
            article,
            engine=self.engine,
            memory=self.memory,
            order=order,
            cancelled=cancelled,
            steerer=self.steerer,
            span=span,
            ramp=ramp,
            only=only,
            key=key,
        )
        return mark_teacher_english(results, self.memory, article.article_id)

    def stream(self, article: ArticleLike, window: int = STREAM_WINDOW) -> Iterator[ParagraphResult]:
        """Each paragraph's English in reading order, ``window`` paragraphs at a time, batched for
        throughput (the command line): what is held at once is one window's results."""
        for start in range(0, len(article.paragraphs), window):
            span = range(start, start + window)
            yield from in_reading_order(self.translate(article, span=span, ramp=False), start)

    def revert(self, article: ArticleLike, index: int) -> ParagraphResult | None:
        """Drop paragraph ``index``'s post-edit (kept in history) for its machine translation; None: none."""
        from bilingual_reader.translation.pipeline import revert_post_edit

        return revert_post_edit(article, index, engine=self.engine, memory=self.memory, steerer=self.steerer)

    def retranslate(self, article: ArticleLike, index: int) -> ParagraphResult:
        """Translate paragraph ``index`` again, bypassing the memory (a post-edit stays what is shown)."""
        from bilingual_reader.translation.pipeline import retranslate_paragraph
        from bilingual_reader.translation.teacher_english import mark_teacher_english

        if isinstance(self.engine, Recall):
            raise self.problem or SettingsError("no engine")
        result = retranslate_paragraph(
            article, index, engine=self.engine, memory=self.memory, steerer=self.steerer
        )
        return next(mark_teacher_english([result], self.memory, article.article_id))


def in_reading_order(results: Iterable[ParagraphResult], start: int = 0) -> Iterator[ParagraphResult]:
    """``results`` (paragraphs ``start``, ``start + 1`` … in any order) in reading order, each as soon as
    every one before it is there (at the end, any left after a gap, in order)."""
    held: dict[int, ParagraphResult] = {}
    for result in results:
        held[result.index] = result
        while start in held:
            yield held.pop(start)
            start += 1
    for index in sorted(held):
        yield held[index]


def open_session(
    *,
    engine: Engine | Recall | None = None,
    memory_path: Path | None = None,
    checker: TermChecker | None = None,
    fast: bool = False,
    recall: bool = False,
    report: Callable[[str], None] | None = None,
    engine_name: str | None = None,
    **overrides: Any,
) -> TranslationSession:
    """Open the settings (file, then ``overrides``), the engine, the memory and steering.

    ``engine`` replaces the installed model's engine (tests, benchmarks; a :class:`Recall` names the engine
    whose memory a broken settings file shows); ``checker`` steers machine
    translations to its glossary unless the settings say ``steer = false``. ``engine_name`` overrides the
    ``engine`` setting ("local" or "libretranslate", with ``url=``). Raises
    :class:`~bilingual_reader.translation.errors.TranslationSetupError` (no model, bad settings, an
    unusable memory file), before anything is written; with ``recall`` a bad settings file instead opens
    a session that shows what the memory holds (its ``problem`` is the error) and translates nothing new.
    ``report`` is told, one line each, of the package folders skipped because they cannot be read.
    """
    problem = None
    if engine_name is not None:
        overrides["engine"] = engine_name
    settings = getattr(engine, "settings", None)
    try:
        if not isinstance(settings, EngineSettings) or overrides or fast:
            settings = load_settings(fast=fast, **overrides)
    except SettingsError as err:
        if not recall:
            raise
        problem, settings = err, EngineSettings()
    chosen: Engine | Recall
    if problem is not None:
        from bilingual_reader.translation.recall import remote_recall

        if engine is None:
            engine = remote_recall(overrides)
        if isinstance(engine, Recall):
            chosen = engine
        else:
            chosen = Recall(engine.model_key if engine is not None else _installed_key(report))
    elif isinstance(engine, Recall):
        chosen = engine_for(settings, report)  # the settings were mended meanwhile
    else:
        chosen = engine if engine is not None else engine_for(settings, report)
    memory = TranslationMemory(memory_path)
    steerer = None
    if checker is not None and settings.steer:
        from bilingual_reader.translation.steering import Steerer

        steerer = Steerer(checker)
    return TranslationSession(chosen, memory, steerer, problem)


def _installed_key(report: Callable[[str], None] | None) -> str:
    """The installed model's memory key; raises :class:`NoModelError`."""
    from bilingual_reader.translation.packages import installed_model

    model = installed_model(report)
    if model is None:
        raise NoModelError()
    return model.key
