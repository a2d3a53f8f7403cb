"""The findings panel: the glossary terms of the article checked against its English, then what the other
checks found (numbers, dates, names, units, form, checklist); jump or dismiss."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from bilingual_reader.qa.findings import Finding, FindingStatus, count
from bilingual_reader.qa.rules.model import RuleFinding
from bilingual_reader.tui.reader.finding_text import badge_content, checks_mark, finding_content, rule_content
from bilingual_reader.tui.widgets.key_bar import KeyBar

#: Dismisses (or restores) a finding and returns the article's findings afterwards.
Toggle = Callable[[Finding], list[Finding]]
#: The same for the other checks' findings.
ToggleCheck = Callable[[RuleFinding], list[RuleFinding]]
Item = Finding | RuleFinding


def _noop(finding: RuleFinding) -> list[RuleFinding]:
    return []


class FindingsPanel(ModalScreen[Item | None]):
    """Lists the article's findings; Enter closes it with the chosen one (the reader jumps there)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f", "close", "Close"),
        Binding("x", "toggle_dismissal", "Dismiss/restore"),
    ]

    def __init__(
        self,
        findings: Sequence[Finding],
        toggle: Toggle,
        checks: Sequence[RuleFinding] = (),
        toggle_check: ToggleCheck = _noop,
    ) -> None:
        """A panel over ``findings`` then ``checks``; the toggles store a dismissal (or restore one)."""
        super().__init__()
        self.terms = list(findings)
        self.checks = list(checks)
        self._toggle = toggle
        self._toggle_check = toggle_check

    @property
    def findings(self) -> list[Item]:
        """The listed findings: terms first, then the other checks."""
        return [*self.terms, *self.checks]

    def compose(self) -> ComposeResult:
        """A summary line, the list, the keys."""
        with Vertical(id="findings-body") as body:
            body.border_title = "Findings"
            yield Static(id="findings-summary")
            yield OptionList(id="findings-list")
        yield KeyBar()

    def on_mount(self) -> None:
        """Fill the list."""
        self._fill(0)

    def _fill(self, highlighted: int) -> None:
        options = self.query_one("#findings-list", OptionList)
        options.clear_options()
        options.add_options(
            [
                Option(rule_content(f) if isinstance(f, RuleFinding) else finding_content(f))
                for f in self.findings
            ]
        )
        summary = self.query_one("#findings-summary", Static)
        if self.findings:
            options.highlighted = min(highlighted, len(self.findings) - 1)
            hint = Content.styled("   ⏎ jump · x dismiss/restore · ]/[ next/previous problem", "dim")
            problems = sum(1 for f in self.checks if f.is_problem)
            checks = Content(" ") + checks_mark(problems) if problems else Content("")
            summary.update(badge_content(count(self.terms)) + checks + hint)
        else:
            summary.update("Nothing found in the translated paragraphs yet.")

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.findings[event.option_index])

    def action_toggle_dismissal(self) -> None:
        """Dismiss the highlighted problem for its paragraph, or restore it if it was dismissed."""
        highlighted = self.query_one("#findings-list", OptionList).highlighted
        if highlighted is None or not self.findings:
            return
        finding = self.findings[highlighted]
        if isinstance(finding, RuleFinding):
            self.checks = self._toggle_check(finding)
            self._fill(highlighted)
            return
        if finding.status is FindingStatus.OK:
            self.notify("Only a term with a problem can be dismissed.", severity="warning", timeout=3)
            return
        self.terms = self._toggle(finding)
        self._fill(highlighted)

    def action_close(self) -> None:
        """Close without jumping."""
        self.dismiss(None)
