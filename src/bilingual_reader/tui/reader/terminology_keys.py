"""The reader's terminology keys: the findings panel (f), next/previous problem (]/[), dismissals, the
unsteered original (o), and a click on an English term moving the cursor to its Thai term."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.binding import Binding

from bilingual_reader.tui.reader.english_view import EnglishView
from bilingual_reader.tui.reader.terminology import TerminologyReview, is_steered
from bilingual_reader.tui.reader.words import token_containing

if TYPE_CHECKING:
    from bilingual_reader.qa.findings import Finding

#: Add to the screen's ``BINDINGS``; the screen mixes in ``TerminologyKeys`` for the actions.
REVIEW_BINDINGS = [
    Binding("f", "findings", "Findings"),
    Binding("right_square_bracket", "next_problem(1)", "Next problem", show=False),
    Binding("left_square_bracket", "next_problem(-1)", "Previous problem", show=False),
    Binding("o", "toggle_unsteered", "Unsteered original", show=False),
]


class TerminologyKeys(TerminologyReview):
    """Mix into the reader screen (before ``Screen``): the terminology check with its keys and clicks."""

    # Moving -------------------------------------------------------------------------------------------------

    def jump_to(self, finding: Finding) -> None:
        """Put the cursor on a finding's Thai term."""
        views = self.views
        if 0 <= finding.paragraph < len(views):
            tokens = views[finding.paragraph].tokens
            self._place_cursor(finding.paragraph, token_containing(tokens, finding.thai.start))

    def on_english_view_term_clicked(self, message: EnglishView.TermClicked) -> None:
        """A click on an English term: the cursor goes to its Thai term."""
        views = self.views
        if 0 <= message.paragraph < len(views):
            self._place_cursor(
                message.paragraph, token_containing(views[message.paragraph].tokens, message.thai)
            )

    def all_findings(self) -> list[Finding]:
        """Every finding of the article, in reading order."""
        return [f for index in sorted(self.findings) for f in self.findings[index]]

    def action_next_problem(self, step: int) -> None:
        """Move the cursor to the next (+1) or previous (-1) missing or forbidden term (not dismissed)."""
        views = self.views
        here = (self.paragraph, self.token if self.token is not None else -1)
        spots = [
            ((f.paragraph, token_containing(views[f.paragraph].tokens, f.thai.start) or 0), f)
            for f in self.all_findings()
            if f.is_problem
        ]
        ahead = [(spot, f) for spot, f in spots if (spot > here if step > 0 else spot < here)]
        if not ahead:
            where = "below" if step > 0 else "above"
            self.notify(f"No terminology problem {where}.", timeout=2)
            return
        self.jump_to((ahead[0] if step > 0 else ahead[-1])[1])

    # The panel, dismissals, the unsteered original ------------------------------------------------

    def action_findings(self) -> None:
        """Open the findings panel: Enter jumps to a finding, x dismisses (or restores) it."""
        from bilingual_reader.tui.reader.findings_panel import FindingsPanel

        panel = FindingsPanel(self.all_findings(), self.toggle_dismissal)
        self.app.push_screen(panel, self._panel_closed)

    def _panel_closed(self, finding: Finding | None) -> None:
        if finding is not None:
            self.jump_to(finding)

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
            self._recheck(finding.paragraph)
        return self.all_findings()

    def action_toggle_unsteered(self) -> None:
        """Show the unsteered machine output where steering changed a paragraph (or the steered English)."""
        steered = [i for i, r in self.translation.results.items() if is_steered(r)]
        if not steered:
            self.notify("Glossary steering changed no paragraph here.", timeout=3)
            return
        self.show_unsteered = not self.show_unsteered
        for index in steered:
            self._decorate(index)
