"""The reader's terminology commands: the findings panel (jump, dismiss), the next or previous problem, and
the unsteered original."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bilingual_reader.tui.reader.english_marks import is_steered
from bilingual_reader.tui.reader.words import token_containing

if TYPE_CHECKING:
    from bilingual_reader.qa.findings import Finding
    from bilingual_reader.qa.rules.model import RuleFinding
    from bilingual_reader.tui.reader.screen import ReaderScreen


def jump_to(screen: ReaderScreen, finding: Finding | RuleFinding) -> None:
    """Put the cursor on a finding's Thai (a check about the English only: the paragraph's start)."""
    screen.text.cursor.place_at(finding.paragraph, finding.thai.start if finding.thai is not None else 0)


def next_problem(screen: ReaderScreen, step: int) -> None:
    """Move the cursor to the next (+1) or previous (-1) missing or forbidden term (not dismissed)."""
    text = screen.text
    here = (
        screen.text.cursor.paragraph,
        screen.text.cursor.token if screen.text.cursor.token is not None else -1,
    )
    problems: list[Finding | RuleFinding] = [f for f in screen.terminology.all_findings() if f.is_problem]
    problems += [f for f in screen.terminology.checks.all() if f.is_problem]
    spots = sorted(
        (
            (
                (
                    f.paragraph,
                    token_containing(text.paragraphs.thai(f.paragraph).tokens, f.thai.start) or 0
                    if f.thai
                    else 0,
                ),
                f,
            )
            for f in problems
        ),
        key=lambda spot: spot[0],
    )
    ahead = [(spot, f) for spot, f in spots if (spot > here if step > 0 else spot < here)]
    if not ahead:
        where = "below" if step > 0 else "above"
        screen.notify(f"No problem {where}.", timeout=2)
        return
    jump_to(screen, (ahead[0] if step > 0 else ahead[-1])[1])


def open_findings(screen: ReaderScreen) -> None:
    """Open the findings panel: Enter jumps to a finding, x dismisses (or restores) it."""
    from bilingual_reader.tui.reader.findings_panel import FindingsPanel

    def closed(finding: Finding | RuleFinding | None) -> None:
        if finding is not None:
            jump_to(screen, finding)

    terminology = screen.terminology
    panel = FindingsPanel(
        terminology.all_findings(),
        terminology.toggle_dismissal,
        terminology.checks.all(),
        terminology.toggle_check_dismissal,
    )
    screen.app.push_screen(panel, closed)


def toggle_unsteered(screen: ReaderScreen) -> None:
    """Show the unsteered machine output where steering changed a paragraph (or the steered English)."""
    steered = [i for i, r in screen.translation.results.items() if is_steered(r)]
    if not steered:
        screen.notify("Glossary steering changed no paragraph here.", timeout=3)
        return
    screen.terminology.show_unsteered = not screen.terminology.show_unsteered
    for index in steered:
        screen.marks.decorate(index)
