"""``glossary.tsv``, the reviewable source of ``glossary.db``: reading it and building the database.

Run ``python -m bilingual_reader.glossary.source [TSV [DB]]`` to rebuild the shipped database.
"""

from __future__ import annotations

import os
import re
import sqlite3
import sys
from dataclasses import replace
from pathlib import Path

from bilingual_reader import paths
from bilingual_reader.files import FileProblem, read_text_input
from bilingual_reader.glossary.errors import GlossaryError
from bilingual_reader.glossary.formats.common import MAX_GLOSSARY_FILE_BYTES
from bilingual_reader.glossary.models import SUBJECT_FIELDS, Concept, Term
from bilingual_reader.glossary.schema import SHIPPED, SHIPPED_BUILD_TIME
from bilingual_reader.glossary.store import Glossary
from bilingual_reader.glossary.terms import TermSyntaxError, parse_terms
from bilingual_reader.glossary.validation import concept_problems
from bilingual_reader.thai.text import clean_text

HEADER = ("id", "subject", "thai", "english", "pos", "definition", "note")
# The fixed timestamp a built database records, so the same TSV always builds the same bytes.
BUILD_TIMESTAMP = SHIPPED_BUILD_TIME
_POS = re.compile(r"^[a-z][a-z -]*$")


def read_tsv(path: str | os.PathLike[str]) -> list[Concept]:
    """Parse ``glossary.tsv``; every bad row is reported at once, one ``file:line: reason`` per line."""
    name = str(path)
    try:
        text = read_text_input(path, MAX_GLOSSARY_FILE_BYTES, "glossary file")
    except FileProblem as err:
        raise GlossaryError(str(err)) from None
    problems: list[str] = []
    concepts: list[Concept] = []
    first_line: dict[int, int] = {}
    header_seen = False
    for lineno, line in enumerate(text.split("\n"), start=1):
        line = line.rstrip("\r")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = line.split("\t")
        if not header_seen:
            header_seen = True
            if tuple(c.strip().lower() for c in cells) != HEADER:
                problems.append(f"{name}:{lineno}: the header must be: {' '.join(HEADER)} (tab-separated)")
            continue
        concept, row_problems = _parse_row(cells)
        if concept is not None and concept.id is not None:
            if concept.id in first_line:
                row_problems.append(f"duplicate id {concept.id} (first on line {first_line[concept.id]})")
            else:
                first_line[concept.id] = lineno
        problems.extend(f"{name}:{lineno}: {problem}" for problem in row_problems)
        if concept is not None and not row_problems:
            concepts.append(concept)
    if not header_seen:
        problems.append(f"{name}:1: no header row")
    if problems:
        raise GlossaryError("\n".join(problems))
    return concepts


def _parse_row(cells: list[str]) -> tuple[Concept | None, list[str]]:
    """One data row as a concept (``None`` if it cannot be built) and its problems."""
    if not 5 <= len(cells) <= len(HEADER):
        return None, [f"expected {len(HEADER)} tab-separated columns, found {len(cells)}"]
    id_text, subject, thai, english, pos, definition, note = (
        clean_text(c).strip() for c in [*cells, "", ""][: len(HEADER)]
    )
    problems: list[str] = []
    concept_id = int(id_text) if id_text.isascii() and id_text.isdigit() else None
    if concept_id is None or concept_id < 1:
        problems.append(f"id must be a positive whole number, not {id_text!r}")
    if subject not in SUBJECT_FIELDS:
        problems.append(f"unknown subject {subject!r} (expected one of: {', '.join(SUBJECT_FIELDS)})")
    pos = pos or "noun"
    if not _POS.match(pos):
        problems.append(f"bad part of speech {pos!r}")
    terms: list[Term] = []
    for lang, field, label in (("th", thai, "Thai"), ("en", english, "English")):
        try:
            parsed = parse_terms(field, lang, pos)
        except TermSyntaxError as err:
            problems.append(str(err))
            continue
        if not parsed:
            problems.append(f"no {label} term")
        terms.extend(parsed)
    concept = Concept(subject=subject, terms=tuple(terms), definition=definition, note=note, id=concept_id)
    if not problems:
        problems.extend(concept_problems(concept))
    return concept, problems


def build_database(tsv: str | os.PathLike[str], db: str | os.PathLike[str]) -> int:
    """Build ``db`` afresh from ``tsv`` (atomically: temp file, then replace); returns the concept count.

    The result is deterministic: the same TSV gives the same content (fixed timestamps, rollback journal).
    """
    concepts = read_tsv(tsv)
    target = Path(db)
    partial = target.with_name(f"{target.name}.{os.getpid()}.partial")
    glossary = Glossary.memory(clock=lambda: BUILD_TIMESTAMP)
    try:
        with glossary.transaction():
            for concept in concepts:
                glossary.add(replace(concept, origin=SHIPPED))
            glossary.db.conn.execute("UPDATE _sqlite_migrations SET applied_at = ?", (BUILD_TIMESTAMP,))
        partial.unlink(missing_ok=True)
        glossary.db.conn.execute("VACUUM INTO ?", (str(partial),))
        os.replace(partial, target)
    except (OSError, sqlite3.Error) as err:
        partial.unlink(missing_ok=True)
        raise GlossaryError(f"{target}: cannot write the glossary ({err})") from err
    finally:
        glossary.close()
    return len(concepts)


def main(argv: list[str] | None = None) -> int:
    """Command line: ``[TSV [DB]]``, defaulting to the shipped ``glossary.tsv`` and ``glossary.db``."""
    args = sys.argv[1:] if argv is None else argv
    tsv = Path(args[0]) if args else paths.shipped("glossary.tsv")
    db = Path(args[1]) if len(args) > 1 else tsv.with_name("glossary.db")
    try:
        count = build_database(tsv, db)
    except GlossaryError as err:
        print(err, file=sys.stderr)
        return 2
    print(f"{db}: {count} concepts from {tsv}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
