"""CSV with a header: Lute-compatible columns (``term, translation, pronunciation, tags``) plus ours.

One row per concept. ``term`` holds the Thai terms and ``translation`` the English ones in the
``glossary.tsv`` syntax (``a ; b [deprecated]``). Our columns: ``subject``, ``pos``, ``definition``,
``note``, ``id`` (informative; ids are not imported).

Formula injection: a cell starting with ``=``, ``+``, ``-``, ``@``, TAB, CR or an apostrophe is written
with one leading apostrophe, which a spreadsheet shows as text. On import one leading apostrophe is removed
when the next character is one of those, so every cell we write reads back exactly.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from bilingual_reader.files import write_output
from bilingual_reader.glossary.formats.common import (
    DEFAULT_SUBJECT,
    BadRow,
    FormatError,
    ParsedConcept,
    ParseResult,
    read_text,
)
from bilingual_reader.glossary.models import SUBJECT_FIELDS, Concept
from bilingual_reader.glossary.terms import format_terms, parse_terms
from bilingual_reader.thai.text import clean_text

__all__ = ["COLUMNS", "guard_cell", "read_csv", "unguard_cell", "write_csv"]

COLUMNS = ("term", "translation", "pronunciation", "tags", "subject", "pos", "definition", "note", "id")
_TEXT_COLUMNS = frozenset({"term", "translation", "definition", "note"})
_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "'")


def guard_cell(value: str) -> str:
    """Defuse a spreadsheet formula: prefix an apostrophe to risky cells (see the module docstring)."""
    return "'" + value if value.startswith(_TRIGGERS) else value


def unguard_cell(value: str) -> str:
    """Undo ``guard_cell``."""
    return value[1:] if len(value) > 1 and value[0] == "'" and value[1] in "".join(_TRIGGERS) else value


def read_csv(path: Path) -> ParseResult:
    """Read a CSV glossary; ``term`` is required, other columns optional (a Lute export reads as is)."""
    text = read_text(path)
    result = ParseResult()
    if not text.strip():
        raise FormatError(f"{path}: empty file")
    try:
        for line, row in term_rows(text):
            if row is None:
                result.errors.append(BadRow(str(path), line, "more cells than header columns"))
                continue
            try:
                concept = _concept({k: _cell(k, v) for k, v in row.items()})
            except ValueError as err:
                result.errors.append(BadRow(str(path), line, str(err)))
                continue
            result.concepts.append(ParsedConcept(line, concept))
    except NoTermColumn:
        raise FormatError(f"{path}:1: no 'term' column in the header") from None
    except csv.Error as err:
        raise FormatError(f"{path}: bad CSV: {err}") from None
    return result


class NoTermColumn(ValueError):
    """A CSV's header has no ``term`` column."""


def term_rows(text: str) -> Iterator[tuple[int, dict[str, str] | None]]:
    """The rows of a term CSV (ours, or Lute's export) as (line, cells by lower-cased column, unguarded), or
    (line, None) for a row with more cells than the header. Raises ``NoTermColumn`` and ``csv.Error``."""
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [h.strip().lower() for h in reader.fieldnames or []]
    if "term" not in header:
        raise NoTermColumn(text[:80])
    reader.fieldnames = header
    for row in reader:
        if None in row:
            yield reader.line_num, None
        else:
            yield reader.line_num, {k: unguard_cell(v or "") for k, v in row.items()}


def _cell(column: str, value: str) -> str:
    """A cell's text: free-text columns are cleaned, codes only stripped."""
    return clean_text(value) if value and column in _TEXT_COLUMNS else value.strip()


def _concept(cells: dict[str, str]) -> Concept:
    pos = cells.get("pos") or "noun"
    subject = cells.get("subject") or ""
    if not subject:
        tags = [t.strip() for t in cells.get("tags", "").split(",")]
        subject = next((t for t in tags if t in SUBJECT_FIELDS), DEFAULT_SUBJECT)
    terms = parse_terms(cells.get("term", ""), "th", pos) + parse_terms(
        cells.get("translation", ""), "en", pos
    )
    return Concept(
        subject=subject,
        terms=tuple(terms),
        definition=cells.get("definition", ""),
        note=cells.get("note", ""),
    )


def _reading(concept: Concept) -> str:
    """The tone-marked reading of the preferred Thai term, for Lute's ``pronunciation`` column."""
    from bilingual_reader.thai.pronunciation import dictionary_split, pronounce

    thai = concept.thai
    return pronounce(thai[0].text, split=dictionary_split).tones if thai else ""


def csv_text(concepts: list[Concept]) -> str:
    """The CSV text for ``concepts`` (header first, CRLF line ends as RFC 4180).

    ``pronunciation`` is written (the tone-marked reading) for Lute and ignored on import: it is derived.
    """
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for c in concepts:
        pos = c.terms[0].pos if c.terms else "noun"
        row = [format_terms(c.thai), format_terms(c.english), _reading(c), c.subject, c.subject, pos]
        row += [c.definition, c.note, "" if c.id is None else str(c.id)]
        writer.writerow([guard_cell(cell) for cell in row])
    return out.getvalue()


def write_csv(concepts: list[Concept], path: Path) -> None:
    """Write a CSV glossary (UTF-8, no BOM)."""
    write_output(path, csv_text(concepts))
