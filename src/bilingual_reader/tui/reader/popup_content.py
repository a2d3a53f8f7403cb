"""What the lookup popup says: a word's glossary entries, pronunciation, sub-terms, frequency, dictionary
senses, its learner status with the statuses to choose from, its machine gloss."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from textual.content import Content

from bilingual_reader.glossary.models import Concept, Status, Term
from bilingual_reader.thai.frequency import frequency_label
from bilingual_reader.tui.widgets.term_status import styled_term

if TYPE_CHECKING:
    from bilingual_reader.learner.statuses import Status as WordStatus
    from bilingual_reader.lookup import LookupResult


#: "add", "edit", or "status:N" (the learner status N chosen for the word).
PopupChoice = str
#: The learner statuses the popup offers: key, status value, label.
STATUS_CHOICES = (
    ("1", 1, "1"),
    ("2", 2, "2"),
    ("3", 3, "3"),
    ("4", 4, "4"),
    ("5", 5, "5"),
    ("w", 99, "well known"),
    ("i", 98, "ignore"),
    ("0", 0, "unknown"),
)


@functools.cache
def status_choices(status: WordStatus) -> Content:
    """The word's learner status and the statuses to choose from, each clickable (its key: the number or
    the first letter); made once per status (markup is slow to parse, and a lookup shows it each time)."""
    parts = [Content.styled("Status ", "dim"), Content.styled(status.label, "bold"), Content("   ")]
    for key, value, label in STATUS_CHOICES:
        text = f" {label} " if key == label else f" {key} {label} "
        style = "reverse" if value == int(status) else "underline"
        markup = f"[{style} @click=choose('status:{value}')]$text[/]"
        parts += [Content.from_markup(markup, text=text), Content(" ")]
    return Content.assemble(*parts)


def machine_content(gloss: str) -> Content:
    """A machine gloss, said to be one (the model's translation of the word alone)."""
    return Content.assemble(
        ("\nMachine gloss: ", "dim"), (gloss, "italic"), ("  (the word translated alone)", "dim")
    )


def english_terms(terms: list[Term]) -> Content:
    """English terms, one a line, preferred first, each with its status; forbidden ones struck and marked."""
    parts: list[Content] = []
    for term in terms:
        mark = " ✗ forbidden" if term.status is Status.FORBIDDEN else f" ({term.status.value})"
        parts.append(styled_term(term, mark))
    return Content("\n").join(parts)


def concept_content(concept: Concept) -> Content:
    """One glossary concept: English terms, other Thai terms, subject, definition, note."""
    lines = [english_terms(concept.english)]
    others = [t.text for t in concept.thai[1:]]
    if others:
        lines.append(Content.assemble(("Also: ", "dim"), " ; ".join(others)))
    lines.append(Content.assemble(("Subject: ", "dim"), concept.subject))
    if concept.definition:
        lines.append(Content.assemble(("Definition: ", "dim"), concept.definition))
    if concept.note:
        lines.append(Content.assemble(("Note: ", "dim"), concept.note))
    return Content("\n").join(lines)


def lookup_content(
    result: LookupResult, heading: str | None = None, check: Content | None = None, counting: bool = False
) -> Content:
    """Everything the popup shows for ``result`` (headed by ``heading``, default the looked-up key), with
    ``check`` (how the paragraph's English renders the term) under the heading; ``counting``: the
    occurrences are being counted (said until they arrive)."""
    blocks: list[Content] = [Content.styled(heading or result.text, "bold $text-accent")]
    if check is not None:
        blocks.append(check)
    pron = result.pronunciation
    if pron is not None:
        blocks.append(
            Content("\n").join(
                Content.assemble((f"{label:<6}", "dim"), value)
                for label, value in (("RTGS", pron.rtgs), ("Tones", pron.tones), ("IPA", pron.ipa))
            )
        )
    if result.frequency is not None:
        blocks.append(Content.assemble(("Frequency ", "dim"), frequency_label(result.frequency)))
    if result.in_glossary:
        blocks.extend(concept_content(concept) for concept in result.concepts)
    else:
        blocks.append(Content.styled("Not in the glossary.", "italic $text-warning"))
        if result.senses:
            senses = [Content.assemble((f"{s.pos} ", "dim"), ", ".join(s.lemmas)) for s in result.senses[:8]]
            blocks.append(Content("\n").join([Content.styled("Dictionary:", "dim"), *senses]))
        if result.loanword:
            blocks.append(Content.assemble(("Loanword from ", "dim"), result.loanword))
    if result.subterms:
        rows = []
        for term, concepts in result.subterms:
            english = concepts[0].english if concepts else []
            rows.append(Content.assemble(term, (" — ", "dim"), english[0].text if english else ""))
        blocks.append(Content("\n").join([Content.styled("Glossary terms inside:", "dim"), *rows]))
    if result.occurrences is not None:
        times = "once" if result.occurrences == 1 else f"{result.occurrences} times"
        blocks.append(Content.styled(f"Occurs {times} in this article.", "dim"))
    elif counting:
        blocks.append(Content.styled("Counting the occurrences in this article…", "dim"))
    return Content("\n\n").join(blocks)
