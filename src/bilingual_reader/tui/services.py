"""What the reader's screens use, given to the app once: the glossary, a segmenter for its terms, the
translation engine and memory."""

from __future__ import annotations

import threading
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from bilingual_reader.tui.reader.translation import EngineFactory, default_engine

if TYPE_CHECKING:
    from bilingual_reader.glossary.errors import GlossaryError
    from bilingual_reader.glossary.store import Glossary
    from bilingual_reader.learner.store import LearnerStore
    from bilingual_reader.thai.segmenter import Segmenter


class ReaderServices:
    """The reader's services. Heavy modules load on first use, never before the first frame.

    ``glossary``: an open glossary (left open) or a file, opened by ``open_glossary`` on the UI thread (which
    then owns it) and closed by ``close``. ``memory_path`` None: the user's translation memory.
    """

    def __init__(
        self,
        glossary: Glossary | Path,
        *,
        engine_factory: EngineFactory = default_engine,
        memory_path: Path | None = None,
        learner: LearnerStore | Path | None = None,
        library_path: Path | None = None,
    ) -> None:
        """Services around ``glossary``; nothing is opened yet. ``learner``: the learner database (a store,
        left open, or a file; None: the per-user one); ``library_path`` None: the user's library."""
        from bilingual_reader.tui.library.reading import ReadingState

        self.glossary_path = glossary if isinstance(glossary, Path) else None
        self._glossary: Glossary | None = None if isinstance(glossary, Path) else glossary
        self.engine_factory = engine_factory
        self.memory_path = memory_path
        self._segmenter: tuple[frozenset[str], Segmenter] | None = None
        self._lock = threading.Lock()
        self.error: GlossaryError | None = None
        self.learner_path = learner if isinstance(learner, Path) else None
        self._owns_learner = learner is None or isinstance(learner, Path)
        self._learner: LearnerStore | None = None if self._owns_learner else learner  # type: ignore[assignment]
        self.learner_problem: str | None = None
        self.reading = ReadingState(library_path)

    @property
    def glossary(self) -> Glossary | None:
        """The glossary, once open."""
        return self._glossary

    def open_glossary(self) -> Glossary:
        """The glossary, opened on first use (call on the UI thread). Raises ``GlossaryError``."""
        if self._glossary is None:
            from bilingual_reader.glossary.store import Glossary

            assert self.glossary_path is not None
            self._glossary = Glossary.open(self.glossary_path)
        return self._glossary

    def open_learner(self) -> LearnerStore:
        """The learner database, opened on first use (call on the UI thread, which then owns it). One that
        cannot be used is replaced by an empty read-only store, and ``learner_problem`` says why."""
        if self._learner is None:
            from bilingual_reader.learner.locations import resolve_learner_path
            from bilingual_reader.learner.opening import LearnerError
            from bilingual_reader.learner.store import LearnerStore

            path = self.learner_path or resolve_learner_path(None)
            try:
                self._learner = LearnerStore.open(path)
                if self._learner.read_only:
                    self.learner_problem = f"{path}: read-only: word statuses are shown, not saved"
            except LearnerError as err:
                self.learner_problem = f"{err}: word statuses are not saved this time"
                self._learner = LearnerStore.memory(read_only=True)
        return self._learner

    def segmenter(self, terms: Iterable[str]) -> Segmenter:
        """A segmenter that keeps ``terms`` whole: the last one built, if it was built for the same terms.

        Safe to call from a worker (building one takes a second or two).
        """
        from bilingual_reader.thai.segmenter import Segmenter

        key = frozenset(terms)
        with self._lock:
            if self._segmenter is None or self._segmenter[0] != key:
                self._segmenter = (key, Segmenter(key))
            return self._segmenter[1]

    def close(self) -> None:
        """Close the glossary if it was opened from a file here."""
        if self._glossary is not None and self.glossary_path is not None:
            self._glossary.close()
            self._glossary = None
        if self._learner is not None and self._owns_learner:
            self._learner.close()
            self._learner = None
