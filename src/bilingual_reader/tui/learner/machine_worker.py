"""Machine glosses in the reader: the words nothing else glosses are sent, a batch at a time, to a thread
worker that opens a translation session with the reader's engine and loops over the headless
``learner.machine_glosses`` generator, posting what it finds. The worker never touches a widget."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual.message import Message
from textual.worker import get_current_worker

if TYPE_CHECKING:
    from textual.widget import Widget

    from bilingual_reader.tui.reader.translation_jobs import EngineFactory

__all__ = ["MachineGlossed", "MachineGlosses"]

GROUP = "machine-gloss"


@dataclass
class MachineGlossed(Message):
    """Machine glosses of normalized words (``unavailable``: no model, none will come)."""

    glosses: dict[str, str]
    unavailable: bool = False


class MachineGlosses:
    """The words waiting for a machine gloss and the worker that glosses them, for one ``owner`` widget
    (which receives the :class:`MachineGlossed` messages and passes them to ``received``)."""

    def __init__(self, owner: Widget, engine_factory: EngineFactory, memory_path: Path | None) -> None:
        """Glosses asked with the reader's engine factory and translation memory."""
        self.owner = owner
        self.engine_factory = engine_factory
        self.memory_path = memory_path
        self.available = True
        self.glosses: dict[str, str] = {}
        self._asked: set[str] = set()
        self._waiting: list[str] = []
        self._scheduled = False

    def ask(self, key: str) -> None:
        """Queue ``key`` for a machine gloss (once; nothing when no model is installed)."""
        if not self.available or key in self._asked:
            return
        self._asked.add(key)
        self._waiting.append(key)
        if not self._scheduled:  # every word asked while a screen is laid out goes in one batch
            self._scheduled = True
            self.owner.call_later(self._run)

    def _run(self) -> None:
        self._scheduled = False
        words, self._waiting = self._waiting, []
        if words and self.available:
            self.owner.run_worker(
                lambda: _gloss_words(self.owner.post_message, self.engine_factory, self.memory_path, words),
                thread=True,
                group=GROUP,
                exit_on_error=False,
            )

    def received(self, message: MachineGlossed) -> None:
        """Keep what a worker found."""
        if message.unavailable:
            self.available = False
        self.glosses.update(message.glosses)


def _gloss_words(
    post: Callable[[Message], object],
    engine_factory: EngineFactory,
    memory_path: Path | None,
    words: list[str],
) -> None:
    """The worker: open a session, gloss ``words``, post the glosses a few at a time."""
    from bilingual_reader.learner.machine_glosses import machine_glosses
    from bilingual_reader.translation.engines.base import EngineError
    from bilingual_reader.translation.errors import NoModelError, TranslationSetupError
    from bilingual_reader.tui.reader.translation_jobs import open_job_session

    worker = get_current_worker()
    try:
        session = open_job_session(engine_factory, memory_path, ())
    except NoModelError:
        post(MachineGlossed({}, unavailable=True))
        return
    except TranslationSetupError:
        return  # the translation worker says why in the header
    found: dict[str, str] = {}
    with session:
        try:
            for word, text in machine_glosses(session, words, lambda: worker.is_cancelled):
                found[word] = text
                if len(found) >= 8:
                    post(MachineGlossed(found))
                    found = {}
        except EngineError:
            pass  # glosses are a help: the paragraphs' translation reports an engine that is down
    if found:
        post(MachineGlossed(found))
