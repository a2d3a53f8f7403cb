"""The terminology findings on the text: the reader's component that marks each paragraph's Thai terms, sets
its badge, decorates its English and aligns it with the term under the cursor, and reopens the popup on a
term just saved once it is segmented and checked."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from bilingual_reader.tui.reader.english_marks import decorate, status_of

if TYPE_CHECKING:
    from bilingual_reader.qa.findings import Finding
    from bilingual_reader.tui.reader.article_view import ArticleView
    from bilingual_reader.tui.reader.lookup import LookupController
    from bilingual_reader.tui.reader.segmenting import SegmentingController
    from bilingual_reader.tui.reader.terminology import TerminologyController
    from bilingual_reader.tui.reader.translation import TranslationController

#: Sets one of the text view's layout flags (the screen's ``flag``).
Flag = Callable[[str, bool], None]


class TermMarks:
    """Shows what ``terminology`` found on ``text``, with ``translation``'s English. Plain state the screen
    owns (UI thread); the screen passes on what the components announce (cursor moves, findings)."""

    def __init__(
        self,
        text: ArticleView,
        terminology: TerminologyController,
        translation: TranslationController,
        lookup: LookupController,
        segmenting: SegmentingController,
        flag: Flag,
    ) -> None:
        """Marks on ``text``; ``flag`` sets the view's ``-unchecked`` (no badges' gutter until some check)."""
        self.text = text
        self.terminology = terminology
        self.translation = translation
        self.lookup = lookup
        self.segmenting = segmenting
        self._flag = flag
        self._aligned: int | None = None

    def cursor_moved(self, paragraph: int) -> None:
        """Align the English with the Thai term under the cursor (and clear the previous alignment)."""
        previous, self._aligned = self._aligned, paragraph
        if previous is not None and previous != paragraph:
            self.decorate(previous)
        self.decorate(paragraph)

    def findings_changed(self, index: int) -> None:
        """Mark paragraph ``index``'s Thai terms, set its badge, and decorate its English."""
        from bilingual_reader.qa.findings import count

        findings = self.terminology.findings.get(index, [])
        spans = [(f.thai.start, f.thai.end, status_of(f)) for f in findings]
        checks = self.terminology.checks.problems(index)
        self.text.paragraphs.show_checked(index, spans, count(findings) if findings else None, checks)
        self._flag("-unchecked", not self.terminology.checked)
        self.decorate(index)
        self.reopen()

    def decorate(self, index: int) -> None:
        """Show paragraph ``index``'s English with its terminology marks."""
        if 0 <= index < len(self.text):
            slot = self.text.paragraphs.english(index)
            aligned = self.cursor_findings() if index == self.text.cursor.paragraph else []
            findings = self.terminology.findings.get(index, [])
            result = self.translation.results.get(index)
            decorate(slot, result, findings, aligned, unsteered=self.terminology.show_unsteered)

    def cursor_findings(self) -> list[Finding]:
        """The findings of the Thai term under the cursor."""
        token = self.text.cursor.word()
        if token is None:
            return []
        return self.terminology.findings_between(self.text.cursor.paragraph, token.start, token.end)

    def reopen(self) -> None:
        """Reopen the popup on a term just saved, once the article is segmented and checked again."""
        if self.lookup.reopen is not None and self.segmenting.done and not self.terminology.busy:
            text, self.lookup.reopen = self.lookup.reopen, None
            findings = self.cursor_findings() if text == self.text.cursor.text() else []
            self.lookup.look_up(text, findings=findings)
