"""What the reader does once its first frame is on the terminal: a non-visual component that loads the
services' modules in a thread worker, then opens the glossary (on the UI thread, which owns it) and starts
what reads it (segmentation, translation, the terminology check); again after a glossary edit."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeAlias

from textual import on
from textual.widget import Widget
from textual.worker import Worker, WorkerState

from bilingual_reader.tui.reader.segmentation import ServicesLoaded, load_services

if TYPE_CHECKING:
    from bilingual_reader.documents.articles import Article
    from bilingual_reader.tui.reader.lookup import LookupController
    from bilingual_reader.tui.reader.segmenting import SegmentingController
    from bilingual_reader.tui.reader.terminology import TerminologyController
    from bilingual_reader.tui.reader.translation import TranslationController
    from bilingual_reader.tui.services import ReaderServices

#: What the start-up starts: segmentation, translation, the terminology check, and the lookups' glossary.
Controllers: TypeAlias = tuple[
    "SegmentingController", "TranslationController", "TerminologyController", "LookupController"
]


class ServicesStarter(Widget):
    """Starts the reader's services for ``article`` after the first frame (``start``). ``opened`` is told
    when the glossary is open, before segmentation, translation and the check start."""

    DEFAULT_CSS = "ServicesStarter { display: none; }"

    def __init__(
        self,
        article: Article,
        services: ReaderServices,
        controllers: Controllers,
        opened: Callable[[], object],
        *,
        id: str | None = None,
    ) -> None:
        """Nothing runs until ``start``."""
        super().__init__(id=id)
        self.article = article
        self.services = services
        self.segmenting, self.translation, self.terminology, self.lookup = controllers
        self._opened = opened
        self.started = False

    def start(self) -> None:
        """Load the glossary's and the checks' modules in a worker (once), then go on (``ServicesLoaded``)."""
        if not self.started:
            self.started = True
            self.run_worker(load_services, thread=True, group="start", exit_on_error=False)

    @on(ServicesLoaded)
    def _loaded(self) -> None:
        """Open the glossary (a file that cannot be used ends the app), then segment, translate, check."""
        from bilingual_reader.glossary.errors import GlossaryError

        try:
            glossary = self.services.open_glossary()
        except GlossaryError as err:
            self.services.error = err
            self.app.exit(return_code=2)
            return
        self.lookup.glossary = glossary
        self._opened()
        concepts = glossary.concepts()
        self.segmenting.segment(glossary.thai_terms())
        self.translation.start(self.article, concepts=concepts)
        self.terminology.start(concepts)

    def restart(self) -> None:
        """Segment, check and steer again with the glossary's current terms (after a glossary edit)."""
        glossary = self.services.glossary
        if glossary is not None:
            self.segmenting.segment(glossary.thai_terms())
            concepts = glossary.concepts()
            self.translation.concepts = tuple(concepts)  # later (re)translations steer to the edited glossary
            self.terminology.start(concepts)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Say so when the modules could not load (the text stays readable, unsegmented)."""
        if event.worker.group == "start" and event.state == WorkerState.ERROR:
            self.notify(f"Could not segment the text: {event.worker.error}", severity="error", timeout=10)
