"""What the reader's translation workers do: open the engine the reader uses and the translation session,
translate an article in the reader's order, save and show post-edits.

Runs in thread workers (it reads the packages folder, the settings file and the memory), posting messages.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.message import Message
    from textual.worker import Worker

    from bilingual_reader.glossary.models import Concept
    from bilingual_reader.translation.engines.base import Engine, Recall
    from bilingual_reader.translation.pipeline import ArticleLike, ParagraphResult
    from bilingual_reader.translation.session import TranslationSession
    from bilingual_reader.tui.reader.translation_order import TranslationOrder

#: Makes the engine for a job (tests inject fakes); None: no model installed.
EngineFactory = Callable[[], "Engine | None"]


def default_engine(**overrides: str) -> Engine | None:
    """The engine the settings (then ``overrides``: ``engine``, ``url``) name, shared by later jobs: the
    installed model's (None: no model) or a LibreTranslate server's.

    Raises :class:`~bilingual_reader.translation.errors.SettingsError` for a bad settings file; its
    ``recall`` names the LibreTranslate server chosen all the same (None: the local model), whose memory the
    reader then shows.
    """
    from bilingual_reader.translation.errors import NoModelError, SettingsError
    from bilingual_reader.translation.recall import remote_recall
    from bilingual_reader.translation.session import engine_for
    from bilingual_reader.translation.settings import load_settings

    try:
        options: dict[str, Any] = dict(overrides)
        return engine_for(load_settings(**options))
    except NoModelError:
        return None
    except SettingsError as err:
        err.recall = remote_recall(overrides)
        raise


def skipped_packages() -> list[str]:
    """One line per package folder the model search skips because it cannot be read (path and why)."""
    from bilingual_reader.translation.packages import scan_packages

    return [f"Skipped {problem}" for problem in scan_packages()[1]]


def open_job_session(
    engine_factory: EngineFactory, memory_path: Path | None, concepts: Iterable[Concept]
) -> TranslationSession:
    """The session a job translates with, steered to ``concepts`` (unless the settings say not to).

    A bad settings file does not stop it: the session then shows what the memory holds and its ``problem``
    is the error (only new machine translation waits). Raises ``NoModelError`` without a model and
    ``MemoryFileError`` for an unusable memory.
    """
    from bilingual_reader.translation.errors import NoModelError, SettingsError
    from bilingual_reader.translation.session import open_session

    engine: Engine | Recall | None
    try:
        engine = engine_factory()
    except SettingsError as err:
        # open_session meets the same error and recalls the memory of the engine chosen (err.recall)
        engine = err.recall
    else:
        if engine is None:
            raise NoModelError()
    concepts = tuple(concepts)
    checker = None
    if concepts:
        from bilingual_reader.qa.check import TermChecker

        checker = TermChecker(concepts)
    return open_session(engine=engine, memory_path=memory_path, checker=checker, recall=True)


def show_post_edits(
    memory_path: Path | None, article: ArticleLike, post: Callable[[Message], object]
) -> None:
    """Without a model, post what the memory still shows: the article's post-edits (a student's own, or a
    teacher's English from a class pack); nothing when the memory cannot be opened (that was reported)."""
    from bilingual_reader.translation.errors import MemoryFileError
    from bilingual_reader.translation.memory import TranslationMemory
    from bilingual_reader.translation.memory import memory_path as user_memory
    from bilingual_reader.translation.post_edits import post_edited
    from bilingual_reader.tui.reader.translation_messages import ParagraphTranslated

    if not (memory_path or user_memory()).exists():
        return  # nothing saved yet; opening it would create it
    try:
        with TranslationMemory(memory_path) as memory:
            results = post_edited(article, memory)
    except MemoryFileError:
        return
    for result in results:
        post(ParagraphTranslated(article.article_id, result))


def session_or_failure(
    engine_factory: EngineFactory, memory_path: Path | None, concepts: Iterable[Concept]
) -> tuple[TranslationSession | None, tuple[str, bool] | None]:
    """A job's session (``open_job_session``), or why it could not open: (reason, no model)."""
    from bilingual_reader.translation.errors import NoModelError, TranslationSetupError
    from bilingual_reader.tui.reader.translation_messages import NO_MODEL

    try:
        return open_job_session(engine_factory, memory_path, concepts), None
    except NoModelError:
        return None, (NO_MODEL, True)
    except TranslationSetupError as err:
        return None, (str(err), False)


def save_edit(
    memory_path: Path | None, article: ArticleLike, index: int, english: str, previous: ParagraphResult | None
) -> ParagraphResult:
    """Save paragraph ``index``'s post-edit ``english``; the result keeps ``previous``'s machine sentences
    (so the alternatives stay available)."""
    import dataclasses

    from bilingual_reader.translation.memory import TranslationMemory
    from bilingual_reader.translation.pipeline import save_post_edit

    model = previous.model if previous is not None else ""
    with TranslationMemory(memory_path) as memory:
        result = save_post_edit(article, index, english, memory=memory, model=model)
    if previous is not None:
        result = dataclasses.replace(result, sentences=previous.sentences, machine=previous.machine)
    return result


def translate_job(
    article: ArticleLike,
    session: TranslationSession | None,
    order: TranslationOrder,
    memory_path: Path | None,
    post: Callable[[Message], object],
    worker: Worker[None],
) -> None:
    """Translate ``article`` with ``session`` in ``order`` (which the UI may re-prioritise meanwhile), posting
    each paragraph and the progress, then what went wrong, until ``worker`` is cancelled. Without a session
    (no model; that was reported) the memory's post-edits, a teacher's English, still show."""
    from bilingual_reader.tui.reader.translation_messages import (
        ParagraphTranslated,
        SettingsProblem,
        TranslationFailed,
        TranslationProgress,
    )
    from bilingual_reader.tui.reader.translation_order import translate_in_order

    if session is None:
        show_post_edits(memory_path, article, post)
        return
    article_id, total = article.article_id, len(article.paragraphs)

    def posted(result: ParagraphResult, done: int) -> None:
        post(ParagraphTranslated(article_id, result))
        post(TranslationProgress(article_id, done, total))

    with session:
        failed = translate_in_order(session, article, order, posted, lambda: worker.is_cancelled)
        if worker.is_cancelled:
            return
        if session.problem is not None:
            post(SettingsProblem(article_id, str(session.problem)))
    if failed and not worker.is_cancelled:  # the server went away: say why once, in the header too
        reason = failed[-1].removeprefix("translation failed: ")
        post(TranslationFailed(article_id, f"{len(failed)} not translated: {reason}"))
