"""How a paragraph's English shows its terminology: the glossary terms marked by status, the term aligned with
the cursor, a missing term's note, and glossary steering (or the unsteered original)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from bilingual_reader.tui.reader.english_view import EnglishMark, EnglishView
from bilingual_reader.tui.reader.translation_messages import show_result

if TYPE_CHECKING:
    from bilingual_reader.qa.findings import Finding
    from bilingual_reader.translation.pipeline import ParagraphResult

STEERED_NOTE = ("◆ steered to the glossary (o: unsteered original)", "italic $text-muted")
UNSTEERED_NOTE = ("◇ unsteered machine output (o: the steered English)", "italic $text-warning")


def is_steered(result: ParagraphResult) -> bool:
    """True when glossary steering changed a sentence of this (machine) translation."""
    return result.source != "post-edit" and any(s.changed for s in result.steering)


def status_of(finding: Finding) -> str:
    """The finding's status as the views style it ("dismissed" for a dismissed problem)."""
    return "dismissed" if finding.dismissed else finding.status.value


def decorate(
    slot: EnglishView,
    result: ParagraphResult | None,
    findings: Sequence[Finding],
    aligned: Sequence[Finding] = (),
    *,
    unsteered: bool = False,
) -> None:
    """Show ``result`` in ``slot`` (or the unsteered original) with its ``findings`` marked and the
    ``aligned`` ones (those of the Thai term under the cursor) highlighted."""
    if result is None:
        slot.marks, slot.notes = (), ()
        return
    if unsteered and is_steered(result):
        slot.translation, slot.marks, slot.notes = result.unsteered, (), (UNSTEERED_NOTE,)
        return
    show_result(slot, result)
    marks = tuple(
        EnglishMark(f.english.start, f.english.end, status_of(f), f.thai.start, f in aligned)
        for f in findings
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
