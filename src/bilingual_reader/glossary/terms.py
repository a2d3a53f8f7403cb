"""The term-list syntax, the one way terms are typed: ``main battle tank ; MBT ; heavy tank [deprecated]``.

Terms are separated by ``;``. A term may end with its status in brackets: ``[preferred]``, ``[admitted]``,
``[deprecated]`` or ``[forbidden]`` (any case). Without one, the first term of the list is preferred and the
others admitted. The entry form, ``glossary add/edit --th/--en``, ``glossary.tsv`` and the CSV format all read
and write this syntax through this module; anything else (an unknown status, a stray bracket, an empty term,
the old ``term:status`` spelling) is refused with one line that says why.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bilingual_reader.glossary.models import Status, Term
from bilingual_reader.thai.text import printable

__all__ = ["STATUS_WORDS", "TermSyntaxError", "format_terms", "parse_terms"]

#: The statuses a term may be marked with, in the order they are documented.
STATUS_WORDS = tuple(status.value for status in Status)
_EXPECTED = f"expected {', '.join(STATUS_WORDS[:-1])} or {STATUS_WORDS[-1]}"
_STATUS_SUFFIX = re.compile(r"^(?P<text>.*?)\s*\[(?P<word>[^\[\]]*)\]$", re.DOTALL)
_COLON_STATUS = re.compile(r"^(?P<text>.+?)\s*:\s*(?P<word>[A-Za-z]+)$", re.DOTALL)


class TermSyntaxError(ValueError):
    """A term list that does not follow the syntax; ``str(err)`` is one line naming the term."""


def parse_terms(text: str | Iterable[str], lang: str, pos: str = "noun") -> list[Term]:
    """The terms of one language from a term list (or several lists, read as one: the CLI's repeated option).

    Escapes and controls are removed first (their ``;`` must not split a term). Raises ``TermSyntaxError``
    for the first part that is not a term with an optional documented status.
    """
    cell = printable(text if isinstance(text, str) else " ; ".join(text), keep_newlines=False)
    if not cell.strip():
        return []
    terms: list[Term] = []
    for index, part in enumerate(cell.split(";")):
        term_text, status = _parse_one(part, cell)
        if status is None:
            status = Status.PREFERRED if index == 0 else Status.ADMITTED
        terms.append(Term(text=term_text, lang=lang, status=status, pos=pos))
    return terms


def _parse_one(part: str, cell: str) -> tuple[str, Status | None]:
    """One term's text (whitespace collapsed) and its explicit status, if it has one."""
    part = " ".join(part.split())
    status: Status | None = None
    match = _STATUS_SUFFIX.match(part)
    if match:
        text, word = match["text"].strip(), match["word"].strip().lower()
        if word not in STATUS_WORDS:
            raise TermSyntaxError(f"unknown status [{match['word'].strip()}] on {text!r} ({_EXPECTED})")
        status = Status(word)
    else:
        text = part
        colon = _COLON_STATUS.match(text)
        if colon:
            word = colon["word"].lower()
            bracketed = f"{colon['text']} [{word if word in STATUS_WORDS else 'deprecated'}]"
            why = "" if word in STATUS_WORDS else f"unknown status {colon['word']!r} ({_EXPECTED}); "
            raise TermSyntaxError(f"{text!r}: {why}a status is written in brackets: {bracketed!r}")
    if not text:
        raise TermSyntaxError(f"empty term in {cell.strip()!r}")
    if "[" in text or "]" in text:
        raise TermSyntaxError(f"{text!r}: brackets only mark a status at the end of a term ({_EXPECTED})")
    return text, status


def format_terms(terms: Iterable[Term]) -> str:
    """The inverse of ``parse_terms``: a status is written only where the default would differ."""
    parts = []
    for index, term in enumerate(terms):
        default = Status.PREFERRED if index == 0 else Status.ADMITTED
        parts.append(term.text if term.status == default else f"{term.text} [{Status(term.status).value}]")
    return " ; ".join(parts)
