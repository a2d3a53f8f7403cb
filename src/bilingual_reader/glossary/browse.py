"""What the glossary screen shows: filtered concept lists, table rows, a concept's places in an article."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bilingual_reader.glossary.models import SUBJECT_FIELDS, Concept, Status
from bilingual_reader.thai.text import normalize_key

if TYPE_CHECKING:
    from bilingual_reader.glossary.store import Glossary
    from bilingual_reader.thai.segmenter import Token

__all__ = [
    "BROWSE_LIMIT",
    "COLUMNS",
    "Occurrence",
    "browse",
    "column_widths",
    "concept_row",
    "find_occurrences",
    "short_title",
    "subjects",
]

#: The most concepts a browse returns (the table stays quick on a 100k-concept glossary).
BROWSE_LIMIT = 500

#: The table's columns: key and heading.
COLUMNS = {"thai": "Thai", "english": "English", "subject": "Subject", "status": "Status", "terms": "th+en"}
_FIXED = {"subject": 13, "status": 9, "terms": 7}
_CAPS = {"thai": 36, "english": 48}


def browse(
    glossary: Glossary, query: str = "", subject: str | None = None, limit: int = BROWSE_LIMIT
) -> list[Concept]:
    """Concepts matching ``query`` (see ``search.search``) in ``subject``; an empty query lists them by id."""
    from bilingual_reader.glossary.search import search

    if normalize_key(query):
        return search(glossary, query, subject, limit)
    sql = "SELECT id FROM concepts" + (" WHERE subject = ?" if subject else "") + " ORDER BY id LIMIT ?"
    params: tuple[object, ...] = (subject, limit) if subject else (limit,)
    return [glossary.get(row[0]) for row in glossary.db.conn.execute(sql, params)]


def column_widths(width: int) -> dict[str, int]:
    """The table's column content widths for a table ``width`` cells wide (padding and scrollbar left out).

    Subject, status and terms have fixed widths; Thai and English share the rest (45:55), up to a cap.
    """
    rest = max(20, width - 2 - 2 * len(COLUMNS) - sum(_FIXED.values()))
    thai = min(_CAPS["thai"], rest * 9 // 20)
    return {"thai": thai, "english": min(_CAPS["english"], rest - thai), **_FIXED}


def short_title(title: str, limit: int = 48) -> str:
    """``title`` cut to about ``limit`` characters (never between a letter and its marks)."""
    if not title:
        return "the article"
    if len(title) <= limit:
        return title
    return title[: _boundary(title, limit - 1, 1)] + "…"


def subjects(glossary: Glossary) -> list[str]:
    """The known subject fields, then any other subject the glossary uses (sorted)."""
    used = {row[0] for row in glossary.db.conn.execute("SELECT DISTINCT subject FROM concepts")}
    return [*SUBJECT_FIELDS, *sorted(used - set(SUBJECT_FIELDS))]


def concept_row(concept: Concept) -> tuple[str, str, str, str, str]:
    """A table row: Thai headword, English headword, subject, headword status, term counts.

    The status is "preferred" when both headwords are preferred, else the first non-preferred one
    (``"th admitted"``); the counts read ``"1+3"`` (Thai+English), then ``" ✗2"`` if two are deprecated
    or forbidden.
    """
    thai, english = concept.thai, concept.english
    heads = [(lang, terms[0]) for lang, terms in (("th", thai), ("en", english)) if terms]
    odd = [f"{lang} {term.status.value}" for lang, term in heads if term.status is not Status.PREFERRED]
    status = odd[0] if odd else "preferred"
    counts = f"{len(thai)}+{len(english)}"
    bad = sum(1 for t in concept.terms if not t.status.approved)
    if bad:
        counts += f" ✗{bad}"
    return (
        thai[0].text if thai else "",
        english[0].text if english else "",
        concept.subject,
        status,
        counts,
    )


@dataclass(frozen=True)
class Occurrence:
    """One place a concept's term occurs in an article: ``paragraph[start:end]`` with some context."""

    paragraph: int
    start: int
    end: int
    before: str
    text: str
    after: str


def _boundary(text: str, index: int, step: int) -> int:
    """Move ``index`` by ``step`` until it is not in front of a combining mark (a grapheme-safe cut)."""
    while 0 < index < len(text) and unicodedata.category(text[index])[0] == "M":
        index += step
    return index


def _fits_tokens(start: int, end: int, tokens: Sequence[Token]) -> bool:
    """True if ``start:end`` begins and ends on token boundaries, or lies inside one glossary-term token."""
    starts = {t.start for t in tokens}
    ends = {t.end for t in tokens}
    if start in starts and end in ends:
        return True
    return any(t.is_term and t.start <= start and end <= t.end for t in tokens)


def _is_word_char(char: str) -> bool:
    return char.isalnum() and not ("\u0e00" <= char <= "\u0e7f")


def find_occurrences(
    concept: Concept,
    paragraphs: Sequence[str],
    tokens: Sequence[Sequence[Token]] | None = None,
    context: int = 24,
) -> list[Occurrence]:
    """Where any term of ``concept`` (either language, any status) occurs in ``paragraphs``, in text order.

    Matching is on normalized (case-folded) text. With the article's ``tokens``, a Thai match must start and
    end on token boundaries or sit inside a glossary-term token (so "ยาน" is not found inside "พยาน");
    Latin terms must stand as whole words. Overlapping matches keep the longest. ``context`` characters
    are kept each side, cut at grapheme boundaries and marked with "…" where cut.
    """
    keys = sorted({k for k in (normalize_key(t.text) for t in concept.terms) if k}, key=len, reverse=True)
    found: list[Occurrence] = []
    for index, paragraph in enumerate(paragraphs):
        folded = paragraph.casefold()
        if len(folded) != len(paragraph):
            folded = paragraph.lower()
        taken: list[tuple[int, int]] = []
        paragraph_tokens = tokens[index] if tokens is not None and index < len(tokens) else None
        for key in keys:
            at = folded.find(key)
            while at >= 0:
                end = at + len(key)
                overlaps = any(at < e and s < end for s, e in taken)
                if not overlaps and _accept(paragraph, at, end, paragraph_tokens):
                    taken.append((at, end))
                at = folded.find(key, at + 1)
        for start, end in sorted(taken):
            left = _boundary(paragraph, max(0, start - context), -1)
            right = _boundary(paragraph, min(len(paragraph), end + context), 1)
            found.append(
                Occurrence(
                    paragraph=index,
                    start=start,
                    end=end,
                    before=("…" if left > 0 else "") + paragraph[left:start],
                    text=paragraph[start:end],
                    after=paragraph[end:right] + ("…" if right < len(paragraph) else ""),
                )
            )
    return found


def _accept(paragraph: str, start: int, end: int, tokens: Sequence[Token] | None) -> bool:
    """Whether a raw match at ``start:end`` counts as an occurrence (see ``find_occurrences``)."""
    first, last = paragraph[start], paragraph[end - 1]
    if _is_word_char(first) and start > 0 and _is_word_char(paragraph[start - 1]):
        return False
    if _is_word_char(last) and end < len(paragraph) and _is_word_char(paragraph[end]):
        return False
    if tokens is None or not ("\u0e00" <= first <= "\u0e7f" or "\u0e00" <= last <= "\u0e7f"):
        return True
    return _fits_tokens(start, end, tokens)
