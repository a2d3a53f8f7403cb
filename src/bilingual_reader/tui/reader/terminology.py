"""The reader's terminology check: a non-visual controller that checks each paragraph's English as it
arrives against the glossary and keeps the findings (with the user's dismissals); it posts
``FindingsChanged`` for the screen to show."""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import on, work
from textual.message import Message
from textual.widget import Widget

from bilingual_reader.tui.messages import ChecksSettled, FindingsChanged
from bilingual_reader.tui.reader.checks import ParagraphChecks

if TYPE_CHECKING:
    from bilingual_reader.documents.articles import Article
    from bilingual_reader.glossary.models import Concept
    from bilingual_reader.qa.check import TermChecker
    from bilingual_reader.qa.dismissals import ReviewStore
    from bilingual_reader.qa.findings import Finding
    from bilingual_reader.qa.rules.model import RuleFinding
    from bilingual_reader.translation.pipeline import ParagraphResult

Results = Callable[[], Mapping[int, "ParagraphResult"]]

#: Paragraphs the checking worker takes at a time.
BATCH = 32


@dataclass
class CheckerBuilt(Message):
    """The worker built the check for the glossary's concepts (``generation``: the ``start`` it is for)."""

    checker: TermChecker
    generation: int


@dataclass
class ParagraphChecked(Message):
    """The checking worker's findings for one paragraph (``generation``: of the checker it used)."""

    index: int
    findings: list[Finding] | None
    checks: list[RuleFinding] | None
    generation: int


class ChecksDrained(Message):
    """The checking worker found nothing more to check and stopped (after its last ``ParagraphChecked``)."""


class TerminologyController(Widget):
    """Owns the article's findings. ``results`` gives the English known so far (the translation's).

    Nothing is checked until ``start`` gives it the glossary's concepts; ``recheck`` a paragraph when its
    English changes. The review database (dismissals) is opened on first use on the UI thread, which owns it.
    """

    DEFAULT_CSS = "TerminologyController { display: none; }"

    def __init__(self, article: Article, results: Results, *, id: str | None = None) -> None:
        """The check of ``article``; ``results`` returns each paragraph's current English."""
        super().__init__(id=id)
        self.article = article
        self._results = results
        self.findings: dict[int, list[Finding]] = {}
        self.show_unsteered = False
        self._checker: TermChecker | None = None
        self._dismissed: frozenset[tuple[int, int]] = frozenset()
        self._review: ReviewStore | None = None
        self.checks = ParagraphChecks(article.article_id, self._error)
        self._generation = 0
        self._pending_checks: set[int] = set()
        self._check_lock = threading.Lock()
        self._checking = False
        self._in_flight = 0  # checked paragraphs posted by the worker, not yet applied on the UI thread
        self._building = False
        self._with_findings: set[int] = set()
        self._seen_results: object = None

    def start(self, concepts: Iterable[Concept]) -> None:
        """(Re)build the check from ``concepts`` (read from the glossary on the UI thread) in a worker, then
        check again, in a worker, every paragraph that has English or findings."""
        self._dismissed = self._load_dismissed()
        self.checks.load(self._store())
        with self._check_lock:
            self._generation += 1
            self._building = True
        self._build(tuple(concepts), self._generation)

    @work(thread=True, exclusive=True, group="terminology-build", exit_on_error=False, description="check")
    def _build(self, concepts: tuple[Concept, ...], generation: int) -> None:
        from bilingual_reader.qa.check import TermChecker

        self.post_message(CheckerBuilt(TermChecker(concepts), generation))

    @on(CheckerBuilt)
    def _built(self, message: CheckerBuilt) -> None:
        if message.generation == self._generation:
            self._checker, self._building = message.checker, False
            self.recheck_later([*self._results(), *self.findings, *self.checks.findings])
            self._announce_settled()

    def _compute(self, index: int) -> tuple[list[Finding] | None, list[RuleFinding] | None]:
        """A paragraph's findings against its current English; thread-safe (reads, changes nothing)."""
        result = self._results().get(index)
        thai = self.article.paragraphs[index]
        checker = self._checker
        if checker is None or result is None or result.error is not None:
            return None, None
        found = checker.check(index, thai, result.english, self._dismissed)
        return found, self.checks.compute(index, thai, result.english)

    def _apply(self, index: int, found: list[Finding] | None, checks: list[RuleFinding] | None) -> None:
        if found is None:
            self.findings.pop(index, None)
        else:
            self.findings[index] = found
        self.checks.set(index, checks)
        if found or checks:
            self._with_findings.add(index)
        else:
            self._with_findings.discard(index)
        self.post_message(FindingsChanged(index))

    def recheck(self, index: int) -> None:
        """Check paragraph ``index`` against its current English now and announce the result."""
        self._apply(index, *self._compute(index))

    def recheck_later(self, indexes: Iterable[int]) -> None:
        """Check these paragraphs in a worker (each is announced when its findings arrive)."""
        with self._check_lock:
            self._pending_checks.update(indexes)
            if not self._pending_checks or self._checking:
                return
            self._checking = True
        self._check_pending()

    @property
    def busy(self) -> bool:
        """True while the check is being built or paragraphs wait for it (or are being checked)."""
        return self._building or self._checking or self._in_flight > 0

    @work(thread=True, group="terminology", exit_on_error=False, description="terminology checks")
    def _check_pending(self) -> None:
        while True:
            with self._check_lock:
                if not self._pending_checks:
                    self._checking = False
                    break
                batch = list(itertools.islice(self._pending_checks, BATCH))
                self._pending_checks.difference_update(batch)
                self._in_flight += len(batch)
                generation = self._generation
            for index in batch:
                self.post_message(ParagraphChecked(index, *self._compute(index), generation))
        # The last paragraph may have been applied before the loop saw there was no more to check (still
        # busy then): the queue's last word says so again once it is so.
        self.post_message(ChecksDrained())

    @on(ParagraphChecked)
    def _checked(self, message: ParagraphChecked) -> None:
        with self._check_lock:
            self._in_flight -= 1
        if message.generation == self._generation:
            self._apply(message.index, message.findings, message.checks)
        self._announce_settled()

    @on(ChecksDrained)
    def _drained(self) -> None:
        self._announce_settled()

    def _announce_settled(self) -> None:
        if not self.busy:
            self.post_message(ChecksSettled())

    def drop_stale(self) -> None:
        """Check again the paragraphs whose English is gone (the article is being translated again)."""
        results = self._results()
        if results is self._seen_results:
            return
        self._seen_results = results
        self.recheck_later([i for i in self.findings if i not in results])

    # What the screen asks ---------------------------------------------------------------------------------

    @property
    def checked(self) -> bool:
        """True once some paragraph has findings (the badges' gutter takes no room until then)."""
        return bool(self._with_findings)

    def all_findings(self) -> list[Finding]:
        """Every finding of the article, in reading order."""
        return [f for index in sorted(self.findings) for f in self.findings[index]]

    def findings_between(self, paragraph: int, start: int, end: int) -> list[Finding]:
        """The findings of ``paragraph`` whose Thai term overlaps characters ``start``..``end``."""
        return [f for f in self.findings.get(paragraph, []) if f.thai.end > start and f.thai.start < end]

    def toggle_dismissal(self, finding: Finding) -> list[Finding]:
        """Dismiss a problem for its paragraph (or restore a dismissed one); return the updated findings."""
        from bilingual_reader.qa.dismissals import ReviewError

        store = self._store()
        if store is not None and finding.concept_id is not None and finding.status != "ok":
            key = (self.article.article_id, finding.paragraph, finding.concept_id)
            try:
                store.restore(*key) if finding.dismissed else store.dismiss(*key)
            except ReviewError as err:
                self.notify(str(err), severity="error", timeout=10)
            self._dismissed = self._load_dismissed()
            self.recheck(finding.paragraph)
        return self.all_findings()

    def toggle_check_dismissal(self, finding: RuleFinding) -> list[RuleFinding]:
        """Dismiss a finding of the other checks (or restore it); return those findings afterwards."""
        self.checks.toggle(finding, self._store())
        self.recheck(finding.paragraph)
        return self.checks.all()

    def _error(self, message: str) -> None:
        self.notify(message, severity="error", timeout=10)

    # The review database ----------------------------------------------------------------------------------

    def _store(self) -> ReviewStore | None:
        from bilingual_reader.qa.dismissals import ReviewError, ReviewStore

        if self._review is None:
            try:
                self._review = ReviewStore.open()
            except ReviewError as err:
                self.notify(str(err), severity="error", timeout=10)
        return self._review

    def _load_dismissed(self) -> frozenset[tuple[int, int]]:
        from bilingual_reader.qa.dismissals import ReviewError

        store = self._store()
        if store is None:
            return frozenset()
        try:
            return store.dismissed(self.article.article_id, self.article.legacy_id)
        except ReviewError as err:
            self.notify(str(err), severity="error", timeout=10)
            return frozenset()

    def on_unmount(self) -> None:
        """Close the review database."""
        if self._review is not None:
            self._review.close()
            self._review = None
