"""Streams an article's English into the reader: thread workers over the headless translation pipeline."""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, cast

from textual import on, work
from textual.widget import Widget
from textual.worker import Worker, WorkerState, get_current_worker

from bilingual_reader.tui.reader.translation_jobs import (
    EngineFactory,
    default_engine,
    skipped_packages,
    translate_job,
)
from bilingual_reader.tui.reader.translation_messages import (
    FLAG_MARK,
    NO_MODEL_NOTICE,
    SETTINGS_WAIT,
    WAITING,
    EnglishSlot,
    PackagesSkipped,
    ParagraphTranslated,
    SettingsProblem,
    TranslationFailed,
    TranslationProgress,
    one_line,
    progress_text,
    show_result,
)
from bilingual_reader.tui.reader.translation_order import TranslationOrder

if TYPE_CHECKING:
    from bilingual_reader.glossary.models import Concept
    from bilingual_reader.translation.pipeline import ArticleLike, ParagraphResult
    from bilingual_reader.translation.session import TranslationSession

__all__ = ["GROUPS", "EngineFactory", "TranslationController", "default_engine"]

GROUPS = ("translation", "retranslate", "post-edit")


class TranslationController(Widget):
    """An invisible widget that translates the open article into the English slots: ``slot(index)`` finds
    a paragraph's slot (default: ``#english-{index}``), ``visible()`` the paragraphs on screen (default: the
    slots on screen), ``reset(status, keep)`` shows ``status`` in all slots but ``keep``'s (default: one by
    one). Progress goes to ``on_progress`` (default: the screen's sub-title). Messages bubble to the screen
    after the controller has shown them."""

    DEFAULT_CSS = "TranslationController { display: none; }"

    def __init__(
        self,
        *,
        slot: Callable[[int], EnglishSlot | None] | None = None,
        visible: Callable[[], list[int]] | None = None,
        reset: Callable[[str, Container[int]], None] | None = None,
        engine_factory: EngineFactory = default_engine,
        memory_path: Path | None = None,
        on_progress: Callable[[str], None] | None = None,
        id: str | None = None,
    ) -> None:
        """A controller; nothing runs until ``start``. ``memory_path`` None: the user's translation memory."""
        super().__init__(id=id)
        self._find_slot = slot
        self._visible = visible
        self._reset = reset
        self._engine_factory = engine_factory
        self._memory_path = memory_path
        self._on_progress = on_progress
        self.article: ArticleLike | None = None
        self.results: dict[int, ParagraphResult] = {}
        self.progress = ""
        self.concepts: tuple[Concept, ...] = ()
        self.no_model = False
        self._packages_said = False  # a broken package beside the model is said once a run, not hidden
        self._order: TranslationOrder | None = None

    # Starting and stopping -------------------------------------------------------------------------------

    def start(
        self,
        article: ArticleLike,
        order: Iterable[int] | None = None,
        concepts: Iterable[Concept] | None = None,
    ) -> Worker[None]:
        """Translate ``article``, cancelling any running job; ``order`` (default: the visible) goes first.

        ``concepts`` (read from the glossary on the UI thread) steer the English to approved terms, unless
        the translation settings say ``steer = false``.
        """
        self.cancel()
        self.article = article
        if concepts is not None:
            self.concepts = tuple(concepts)
        self.results = {}
        self._show_status_all(WAITING)
        self._set_progress(progress_text(0, len(article.paragraphs)))
        first = tuple(order) if order is not None else tuple(self.visible_paragraphs())
        return self._translate(article, first)

    def cancel(self) -> None:
        """Stop the running translation job (the paragraphs translated so far stay)."""
        self.workers.cancel_group(self, "translation")

    def visible_paragraphs(self) -> list[int]:
        """Indexes of the paragraphs whose English slot is on screen now."""
        if self.article is None:
            return []
        if self._visible is not None:
            return self._visible()
        screen, count = self.screen.region, len(self.article.paragraphs)
        slots = ((index, self.slot(index)) for index in range(count))
        return [index for index, slot in slots if isinstance(slot, Widget) and slot.region.overlaps(screen)]

    def slot(self, index: int) -> EnglishSlot | None:
        """The English slot of paragraph ``index``, if there is one."""
        if self._find_slot is not None:
            return self._find_slot(index)
        found = self.screen.query(f"#english-{index}")
        return cast(EnglishSlot, found.first()) if found else None

    # The workers: they call the headless pipeline and post messages, never touching widgets ---------------

    @work(thread=True, exclusive=True, group="translation", exit_on_error=False, description="translation")
    def _translate(self, article: ArticleLike, order: tuple[int, ...]) -> None:
        worker = get_current_worker()
        if not self._packages_said and (skipped := skipped_packages()):
            self.post_message(PackagesSkipped(skipped))
        self._packages_said = True
        self._order = TranslationOrder(len(article.paragraphs), order)
        session = self._open_session(article.article_id)
        translate_job(article, session, self._order, self._memory_path, self.post_message, worker)

    def prefer(self, indexes: Iterable[int]) -> None:
        """These paragraphs (on screen after a jump) are translated next, then those after them."""
        if self._order is not None:
            self._order.prefer(indexes)

    def _session_job(
        self, group: str, article: ArticleLike, job: Callable[[TranslationSession], ParagraphResult | None]
    ) -> None:
        """Run ``job`` with a session in a worker of ``group`` (a key asked for it) and show its result."""

        def run() -> None:
            session = self._open_session(article.article_id, asked=True)
            if session is not None:
                with session:
                    result = job(session)
                if result is not None:
                    self.post_message(ParagraphTranslated(article.article_id, result))

        self.run_worker(run, thread=True, group=group, exit_on_error=False, description=group)

    @work(thread=True, group="post-edit", exit_on_error=False, description="post-edit")
    def _save(self, article: ArticleLike, index: int, english: str, previous: ParagraphResult | None) -> None:
        from bilingual_reader.tui.reader.translation_jobs import save_edit

        result = save_edit(self._memory_path, article, index, english, previous)
        self.post_message(ParagraphTranslated(article.article_id, result))

    def _open_session(self, article_id: str, *, asked: bool = False) -> TranslationSession | None:
        """Open a translation session in this worker (None: it could not open, which has been reported;
        ``asked``: the user asked for this translation with a key)."""
        from bilingual_reader.tui.reader.translation_jobs import session_or_failure

        session, failure = session_or_failure(self._engine_factory, self._memory_path, self.concepts)
        if failure is not None:
            reason, no_model = failure
            self.post_message(TranslationFailed(article_id, reason, no_model=no_model, asked=asked))
        return session

    # Showing what the workers post ------------------------------------------------------------------------

    def _current(self, article_id: str) -> bool:
        return self.article is not None and self.article.article_id == article_id

    @on(ParagraphTranslated)
    def _paragraph_translated(self, message: ParagraphTranslated) -> None:
        if self._current(message.article_id):
            self.results[message.result.index] = message.result
            slot = self.slot(message.result.index)
            if slot is not None:
                show_result(slot, message.result)

    @on(TranslationProgress)
    def _progress(self, message: TranslationProgress) -> None:
        if self._current(message.article_id):
            self._set_progress(progress_text(message.done, message.total))

    @on(TranslationFailed)
    def _failed(self, message: TranslationFailed) -> None:
        if not self._current(message.article_id) or self.article is None:
            return
        self.no_model = message.no_model
        if message.no_model:
            self._set_progress("No translation model")
            if message.asked:
                self.notify(NO_MODEL_NOTICE, severity="warning", timeout=5)
        else:
            self._set_progress(f"{FLAG_MARK} {message.reason}")
            self.notify(message.reason, severity="error", timeout=10)
        # No model: the screen says so once; the paragraphs stay blank rather than repeat it.
        self._show_status_all("" if message.no_model else f"{FLAG_MARK} {message.reason}")

    @on(PackagesSkipped)
    def _packages_skipped(self, message: PackagesSkipped) -> None:
        self.notify("\n".join(message.lines), severity="warning", timeout=15, markup=False)

    @on(SettingsProblem)
    def _settings_problem(self, message: SettingsProblem) -> None:
        """The settings file is broken: say so once (header and notice); the rest waits for valid settings."""
        if not self._current(message.article_id) or self.article is None:
            return
        self._set_progress(f"{FLAG_MARK} {message.reason}")
        self.notify(
            f"{message.reason} (new translation waits for valid settings)", severity="error", timeout=15
        )
        self._show_status_all(SETTINGS_WAIT)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Report a crashed worker in one line (the app keeps running); keep these events from the screen."""
        group = event.worker.group
        if group not in GROUPS:
            return
        event.stop()
        if event.state != WorkerState.ERROR or self.article is None:
            return
        what = {"translation": "Translation", "retranslate": "Retranslation", "post-edit": "Saving"}[group]
        reason = one_line(f"{what} failed", event.worker.error)
        if group == "translation":
            self.post_message(TranslationFailed(self.article.article_id, reason))
        else:
            self.notify(reason, severity="error", timeout=10)

    def _show_status_all(self, status: str) -> None:
        """Show ``status`` in every paragraph not translated yet."""
        if self._reset is not None:
            self._reset(status, self.results)
            return
        for index in range(len(self.article.paragraphs)) if self.article is not None else ():
            if index not in self.results and (slot := self.slot(index)) is not None:
                slot.status, slot.translation = status, ""

    def _set_progress(self, text: str) -> None:
        self.progress = text
        if self._on_progress is not None:
            self._on_progress(text)
        else:
            self.screen.sub_title = text

    # What the keys ask for -------------------------------------------------------------------------------

    def retranslate(self, index: int) -> None:
        """Translate paragraph ``index`` again with the engine, bypassing the memory (a post-edit stays)."""
        if self.article is not None and 0 <= index < len(self.article.paragraphs):
            if not self.no_model:
                self.notify(f"Retranslating paragraph {index + 1}…", timeout=2)
            article = self.article
            self._session_job("retranslate", article, lambda session: session.retranslate(article, index))

    def save_english(self, index: int, english: str) -> None:
        """Save ``english`` as paragraph ``index``'s post-edit (blank text is ignored)."""
        if self.article is not None and english.strip() and 0 <= index < len(self.article.paragraphs):
            self._save(self.article, index, english.strip(), self.results.get(index))

    def revert(self, index: int) -> None:
        """Revert paragraph ``index``'s post-edit to the machine translation (the edit stays in history)."""
        if self.article is None or not 0 <= index < len(self.article.paragraphs):
            return
        result = self.results.get(index)
        if result is None or result.source != "post-edit":
            self.notify("This paragraph has no post-edit to revert.", severity="warning", timeout=3)
            return
        article = self.article
        self._session_job("post-edit", article, lambda session: session.revert(article, index))

    def restart(self, concepts: Iterable[Concept] | None = None) -> None:
        """Translate the current article again (after a model was installed or the glossary changed)."""
        if self.article is not None:
            self.start(self.article, concepts=concepts)
