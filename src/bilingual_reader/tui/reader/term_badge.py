"""The gutter badge beside each paragraph: how many of its glossary terms the English got right."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

if TYPE_CHECKING:
    from bilingual_reader.qa.findings import Counts


class TermBadge(Widget):
    """ok / missing / forbidden counts of one paragraph's findings (blank until it is checked)."""

    DEFAULT_CSS = """
    TermBadge { width: 12; height: 1; }
    """

    counts: reactive[Counts | None] = reactive(None)
    """The paragraph's counts (None: not checked, or no glossary term in it)."""
    checks: reactive[int] = reactive(0)
    """Problems the other checks (numbers, dates, names, units, form, checklist) found in the paragraph."""

    def __init__(self, index: int, *, id: str | None = None) -> None:
        """The badge of paragraph number ``index``."""
        super().__init__(id=id)
        self.index = index

    def watch_counts(self) -> None:
        """Hide an empty badge where it would take a line of its own (narrow layout)."""
        self.set_class(self.counts is None and not self.checks, "-empty")

    def watch_checks(self) -> None:
        """As for the counts."""
        self.watch_counts()

    def render(self) -> Content:
        """The counts, then ``!n`` for the other checks' problems; or nothing."""
        from bilingual_reader.tui.reader.finding_text import badge_content, checks_mark

        terms = Content("") if self.counts is None else badge_content(self.counts)
        if not self.checks:
            return terms
        return terms + (Content(" ") if self.counts is not None else Content("")) + checks_mark(self.checks)
