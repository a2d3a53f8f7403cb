"""The reader's terminology check: each paragraph's English checked as it arrives, the Thai terms and their
English renderings marked by status, the badges, and the English aligned with the term under the cursor."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bilingual_reader.tui.reader.english_view import EnglishMark, EnglishView
from bilingual_reader.tui.reader.term_badge import TermBadge
from bilingual_reader.tui.reader.translation_messages import ParagraphTranslated, show_result

if TYPE_CHECKING:
    from collections.abc import Iterable

    from textual.screen import Screen

    from bilingual_reader.documents.articles import Article
    from bilingual_reader.glossary.models import Concept
    from bilingual_reader.glossary.store import Glossary
    from bilingual_reader.qa.check import TermChecker
    from bilingual_reader.qa.dismissals import ReviewStore
    from bilingual_reader.qa.findings import Finding
    from bilingual_reader.translation.pipeline import ParagraphResult
    from bilingual_reader.tui.reader.paragraph_view import ParagraphView
    from bilingual_reader.tui.reader.translation import TranslationController

    _Base = Screen[None]
else:
    _Base = object

STEERED_NOTE = ("◆ steered to the glossary (o: unsteered original)", "italic $text-muted")
UNSTEERED_NOTE = ("◇ unsteered machine output (o: the steered English)", "italic $text-warning")


def is_steered(result: ParagraphResult) -> bool:
    """True when glossary steering changed a sentence of this (machine) translation."""
    return result.source != "post-edit" and any(s.changed for s in result.steering)


class TerminologyReview(_Base):
    """Mixed into the reader screen through ``TerminologyKeys``; it needs ``article``, ``glossary``,
    ``translation``, ``views``, ``paragraph``, ``token`` and ``_place_cursor``. Call ``refresh_terminology``
    when the glossary is opened or changed, and ``cursor_moved`` after the cursor moves."""

    if TYPE_CHECKING:
        article: Article
        glossary: Glossary | None
        translation: TranslationController
        paragraph: int
        token: int | None

        @property
        def views(self) -> list[ParagraphView]: ...
        def _place_cursor(self, paragraph: int, token: int | None) -> None: ...

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        """No check until ``refresh_terminology``."""
        super().__init__(*args, **kwargs)
        self.findings: dict[int, list[Finding]] = {}
        self.show_unsteered = False
        self._checker: TermChecker | None = None
        self._dismissed: frozenset[tuple[int, int]] = frozenset()
        self._review: ReviewStore | None = None
        self._aligned: int | None = None

    # Checking ---------------------------------------------------------------------------------------------

    def refresh_terminology(self, concepts: Iterable[Concept] | None = None) -> None:
        """Rebuild the check from ``concepts`` (default: read from the glossary here, on the UI thread) and
        check every paragraph again."""
        from bilingual_reader.qa.check import TermChecker

        if self.glossary is None:
            return
        self._checker = TermChecker(self.glossary.concepts() if concepts is None else concepts)
        self._dismissed = self._load_dismissed()
        for index in range(len(self.article.paragraphs)):
            self._recheck(index)

    def _store(self) -> ReviewStore | None:
        """The review database (dismissals), opened on first use on the UI thread, which owns it."""
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
        try:
            return store.dismissed(self.article.article_id) if store is not None else frozenset()
        except ReviewError as err:
            self.notify(str(err), severity="error", timeout=10)
            return frozenset()

    def _recheck(self, index: int) -> None:
        """Check paragraph ``index`` against its current English and show the result."""
        result = self.translation.results.get(index)
        if self._checker is None or result is None or result.error is not None:
            self.findings.pop(index, None)
        else:
            thai = self.article.paragraphs[index]
            self.findings[index] = self._checker.check(index, thai, result.english, self._dismissed)
        self._show(index)

    def on_paragraph_translated(self, message: ParagraphTranslated) -> None:
        """English arrived (or a post-edit was saved): check the paragraph again."""
        if message.article_id == self.article.article_id:
            self._recheck(message.result.index)

    def on_translation_progress(self) -> None:
        """Drop the findings of paragraphs whose English is gone (the article is being translated again)."""
        for index in [i for i in self.findings if i not in self.translation.results]:
            self._recheck(index)

    def on_translation_failed(self) -> None:
        """As for progress: a restarted job that failed leaves no English to check."""
        self.on_translation_progress()

    def on_unmount(self) -> None:
        """Close the review database."""
        if self._review is not None:
            self._review.close()
            self._review = None

    # Showing ----------------------------------------------------------------------------------------------

    def _show(self, index: int) -> None:
        """Mark the Thai terms, set the badge, and decorate the English of paragraph ``index``."""
        from bilingual_reader.qa.findings import count

        findings = self.findings.get(index, [])
        views = self.views
        if index < len(views):
            views[index].set_checked([(f.thai.start, f.thai.end, _status(f)) for f in findings])
        for badge in self.query(f"#badge-{index}").results(TermBadge):
            badge.counts = count(findings) if findings else None
        # The gutter takes no room until some paragraph has been checked.
        self.set_class(not any(self.findings.values()), "-unchecked")
        self._decorate(index)

    def cursor_findings(self) -> list[Finding]:
        """The findings of the Thai term under the cursor."""
        views = self.views
        if self.token is None or not views:
            return []
        token = views[self.paragraph].tokens[self.token]
        found = self.findings.get(self.paragraph, [])
        return [f for f in found if f.thai.end > token.start and f.thai.start < token.end]

    def _decorate(self, index: int) -> None:
        """The English slot: the translation (or the unsteered original), its term marks and notes."""
        slot = next(iter(self.query(f"#english-{index}").results(EnglishView)), None)
        result = self.translation.results.get(index)
        if slot is None:
            return
        if result is None:
            slot.marks, slot.notes = (), ()
            return
        if self.show_unsteered and is_steered(result):
            slot.translation, slot.marks, slot.notes = result.unsteered, (), (UNSTEERED_NOTE,)
            return
        show_result(slot, result)
        aligned = self.cursor_findings() if index == self.paragraph else []
        marks = tuple(
            EnglishMark(f.english.start, f.english.end, _status(f), f.thai.start, f in aligned)
            for f in self.findings.get(index, [])
            if f.english is not None
        )
        notes = [
            (f"✗ missing here: {f.suggestion} (for {f.thai.text})", "bold $text-error")
            for f in aligned
            if f.status == "missing"
        ]
        if is_steered(result):
            notes.append(STEERED_NOTE)
        slot.marks, slot.notes = marks, tuple(notes)

    def cursor_moved(self) -> None:
        """Align the English with the Thai term under the cursor (and clear the previous alignment)."""
        if self._aligned is not None and self._aligned != self.paragraph:
            self._decorate(self._aligned)
        self._aligned = self.paragraph
        self._decorate(self.paragraph)


def _status(finding: Finding) -> str:
    return "dismissed" if finding.dismissed else finding.status.value
