"""Glossary text is untrusted: every field is cleaned on the way in and made printable on the way out.

A glossary is handed round a class; its fields (terms, subject, part of speech, definition, note) can hold
terminal escapes (OSC 0 retitles the terminal, OSC 52 writes the clipboard), C1 controls and bidi overrides.
The import formats clean their text fields as articles are cleaned (``clean_text``); ``clean_concept``
runs on everything the store writes (every import format, merge, ``glossary add/edit``, the entry form) and
removes what is unsafe from every field, codes included, leaving the spelling as typed.
``stored_text`` turns what a database holds, however it got there, into safe text for the terminal, the
screen and every export.
"""

from __future__ import annotations

from dataclasses import replace

from bilingual_reader.glossary.models import Concept, Term
from bilingual_reader.thai.text import printable

__all__ = ["clean_concept", "stored_text"]


def clean_concept(concept: Concept) -> Concept:
    """``concept`` without escapes, controls, invisible or bidi characters in any field (one-line fields
    on one line); the same object when it was already clean."""
    terms = tuple(_clean_term(t) for t in concept.terms)
    subject, definition, note = (
        printable(concept.subject, keep_newlines=False),
        printable(concept.definition),
        printable(concept.note),
    )
    if (
        subject == concept.subject
        and definition == concept.definition
        and note == concept.note
        and all(new is old for new, old in zip(terms, concept.terms, strict=True))
    ):
        return concept
    return replace(concept, subject=subject, definition=definition, note=note, terms=terms)


def _clean_term(term: Term) -> Term:
    text, pos = printable(term.text, keep_newlines=False), printable(term.pos, keep_newlines=False)
    return term if text == term.text and pos == term.pos else replace(term, text=text, pos=pos)


def stored_text(value: object, *, one_line: bool = False) -> str:
    """A text column as safe text: BLOBs decoded (bad bytes replaced), numbers and NULL as text, controls
    and escapes removed."""
    if isinstance(value, str):
        text = value
    elif isinstance(value, bytes):
        text = value.decode("utf-8", errors="replace")
    elif value is None:
        text = ""
    else:
        text = str(value)
    return printable(text, keep_newlines=not one_line)
