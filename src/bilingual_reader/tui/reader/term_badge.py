"""The gutter badge beside each paragraph: how many of its glossary terms the English got right."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.content import Content

if TYPE_CHECKING:
    from bilingual_reader.qa.findings import Counts


class TermBadge:
    """ok / missing / forbidden counts of one paragraph's findings (blank until it is checked).

    Not a widget: the text view draws it in the paragraph's gutter; setting a field redraws the paragraph.
    """

    def __init__(self, index: int, changed: Callable[[int], None] = lambda _: None) -> None:
        """The badge of paragraph number ``index``."""
        self.index = index
        self._changed = changed
        self._counts: Counts | None = None
        self._checks = 0

    @property
    def counts(self) -> Counts | None:
        """The paragraph's counts (None: not checked, or no glossary term in it)."""
        return self._counts

    @counts.setter
    def counts(self, value: Counts | None) -> None:
        if value != self._counts:
            self._counts = value
            self._changed(self.index)

    @property
    def checks(self) -> int:
        """Problems the other checks (numbers, dates, names, units, form, checklist) found here."""
        return self._checks

    @checks.setter
    def checks(self, value: int) -> None:
        if value != self._checks:
            self._checks = value
            self._changed(self.index)

    @property
    def empty(self) -> bool:
        """True when the badge shows nothing."""
        return self._counts is None and not self._checks

    def render(self) -> Content:
        """The counts, then ``!n`` for the other checks' problems; or nothing."""
        from bilingual_reader.tui.reader.finding_text import badge_content, checks_mark

        terms = Content("") if self.counts is None else badge_content(self.counts)
        if not self.checks:
            return terms
        return terms + (Content(" ") if self.counts is not None else Content("")) + checks_mark(self.checks)
