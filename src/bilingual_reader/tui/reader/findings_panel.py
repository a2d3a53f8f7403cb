"""The findings panel: the glossary terms of the article checked against its English; jump or dismiss."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from bilingual_reader.qa.findings import Finding, FindingStatus, count
from bilingual_reader.tui.reader.finding_text import badge_content, finding_content

#: Dismisses (or restores) a finding and returns the article's findings afterwards.
Toggle = Callable[[Finding], list[Finding]]


class FindingsPanel(ModalScreen[Finding | None]):
    """Lists the article's findings; Enter closes it with the chosen one (the reader jumps there)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f", "close", "Close"),
        Binding("x", "toggle_dismissal", "Dismiss/restore"),
    ]

    def __init__(self, findings: Sequence[Finding], toggle: Toggle) -> None:
        """A panel over ``findings``; ``toggle`` stores a dismissal (or restores one)."""
        super().__init__()
        self.findings = list(findings)
        self._toggle = toggle

    def compose(self) -> ComposeResult:
        """A summary line, the list, the keys."""
        with Vertical(id="findings-body") as body:
            body.border_title = "Terminology findings"
            yield Static(id="findings-summary")
            yield OptionList(id="findings-list")
        yield Footer()

    def on_mount(self) -> None:
        """Fill the list."""
        self._fill(0)

    def _fill(self, highlighted: int) -> None:
        options = self.query_one("#findings-list", OptionList)
        options.clear_options()
        options.add_options([Option(finding_content(f)) for f in self.findings])
        summary = self.query_one("#findings-summary", Static)
        if self.findings:
            options.highlighted = min(highlighted, len(self.findings) - 1)
            hint = Content.styled("   ⏎ jump · x dismiss/restore · ]/[ next/previous problem", "dim")
            summary.update(badge_content(count(self.findings)) + hint)
        else:
            summary.update("No glossary term found in the translated paragraphs yet.")

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.findings[event.option_index])

    def action_toggle_dismissal(self) -> None:
        """Dismiss the highlighted problem for its paragraph, or restore it if it was dismissed."""
        highlighted = self.query_one("#findings-list", OptionList).highlighted
        if highlighted is None or not self.findings:
            return
        finding = self.findings[highlighted]
        if finding.status is FindingStatus.OK:
            self.notify("Only a missing or forbidden term can be dismissed.", severity="warning", timeout=3)
            return
        self.findings = self._toggle(finding)
        self._fill(highlighted)

    def action_close(self) -> None:
        """Close without jumping."""
        self.dismiss(None)
