"""The reader's terminology check: a non-visual controller that checks each paragraph's English as it
arrives against the glossary and keeps the findings (with the user's dismissals); it posts
``FindingsChanged`` for the screen to show."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING

from textual.widget import Widget

from bilingual_reader.tui.messages import FindingsChanged
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

    def start(self, concepts: Iterable[Concept]) -> None:
        """(Re)build the check from ``concepts`` (read from the glossary on the UI thread); check every
        paragraph again."""
        from bilingual_reader.qa.check import TermChecker

        self._checker = TermChecker(concepts)
        self._dismissed = self._load_dismissed()
        self.checks.load(self._store())
        for index in range(len(self.article.paragraphs)):
            self.recheck(index)

    def recheck(self, index: int) -> None:
        """Check paragraph ``index`` against its current English and announce the result."""
        result = self._results().get(index)
        thai = self.article.paragraphs[index]
        if self._checker is None or result is None or result.error is not None:
            self.findings.pop(index, None)
            self.checks.check(index, thai, None)
        else:
            self.findings[index] = self._checker.check(index, thai, result.english, self._dismissed)
            self.checks.check(index, thai, result.english)
        self.post_message(FindingsChanged(index))

    def drop_stale(self) -> None:
        """Check again the paragraphs whose English is gone (the article is being translated again)."""
        results = self._results()
        for index in [i for i in self.findings if i not in results]:
            self.recheck(index)

    # What the screen asks ---------------------------------------------------------------------------------

    @property
    def checked(self) -> bool:
        """True once some paragraph has findings (the badges' gutter takes no room until then)."""
        return any(self.findings.values()) or any(self.checks.findings.values())

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
