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

    def __init__(self, index: int, *, id: str | None = None) -> None:
        """The badge of paragraph number ``index``."""
        super().__init__(id=id)
        self.index = index

    def watch_counts(self, counts: Counts | None) -> None:
        """Hide an empty badge where it would take a line of its own (narrow layout)."""
        self.set_class(counts is None, "-empty")

    def render(self) -> Content:
        """The counts, or nothing."""
        from bilingual_reader.tui.reader.finding_text import badge_content

        return Content("") if self.counts is None else badge_content(self.counts)
