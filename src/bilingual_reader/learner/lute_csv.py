"""Lute's term CSV (``language, term, translation, parent, status, tags, pronunciation``), in and out.

Import is all-or-nothing: any bad row (no term, no Thai in it, a status Lute would refuse, the same term
twice, too many cells) fails the whole file with one ``file:line: reason`` per row. Rows of another
language are left out and counted. Statuses are Lute's: ``1``-``5``, ``W``, ``I``, blank (= 1); we also
read ``98``/``99``. Cells that a spreadsheet would run as a formula are written with a leading apostrophe
(the glossary's CSV rule) and read back without it.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from bilingual_reader.files import FileProblem, read_text_input, write_output
from bilingual_reader.glossary.formats.csvfmt import NoTermColumn, guard_cell, term_rows
from bilingual_reader.learner.statuses import Status, parse_status
from bilingual_reader.learner.store import LearnerStore, Word, word_key
from bilingual_reader.thai.text import clean_text

__all__ = ["COLUMNS", "LuteImportFailed", "LuteImportReport", "export_lute_csv", "import_lute_csv"]

COLUMNS = ("language", "term", "translation", "parent", "status", "tags", "pronunciation")
MAX_CSV_BYTES = 64 * 1024**2
_THAI_NAMES = frozenset({"thai", "th", "ไทย", "ภาษาไทย"})


class LuteImportFailed(Exception):
    """The file could not be imported; ``errors`` holds one ``file:line: reason`` line per bad row."""

    def __init__(self, message: str, errors: list[str] | None = None) -> None:
        self.errors = errors or []
        super().__init__(message)


@dataclass
class LuteImportReport:
    """What an import did."""

    source: str
    added: int = 0
    updated: int = 0
    other_language: int = 0
    words: list[Word] = field(default_factory=list)

    def summary(self) -> str:
        """One line with the counts."""
        other = f", {self.other_language} row(s) in another language left out" if self.other_language else ""
        return f"{self.source}: added {self.added}, updated {self.updated}{other}"


def read_lute_csv(path: Path) -> LuteImportReport:
    """Parse a Lute term CSV into words (nothing stored); ``LuteImportFailed`` on any bad row."""
    try:
        text = read_text_input(path, MAX_CSV_BYTES, "term CSV file")
    except FileProblem as err:
        raise LuteImportFailed(str(err)) from None
    if not text.strip():
        raise LuteImportFailed(f"{path}: empty file")
    report = LuteImportReport(str(path))
    errors: list[str] = []
    seen: dict[str, int] = {}
    try:
        for line, row in term_rows(text):
            if row is None:
                errors.append(f"{path}:{line}: more cells than header columns")
                continue
            cells = {k: v.strip() for k, v in row.items()}
            if cells.get("language") and cells["language"].lower() not in _THAI_NAMES:
                report.other_language += 1
                continue
            try:
                word = _word(cells)
            except ValueError as err:
                errors.append(f"{path}:{line}: {err}")
                continue
            if word.key in seen:
                errors.append(f"{path}:{line}: {word.key} is already on line {seen[word.key]}")
                continue
            seen[word.key] = line
            report.words.append(word)
    except NoTermColumn:
        raise LuteImportFailed(f"{path}:1: no 'term' column in the header") from None
    except csv.Error as err:
        raise LuteImportFailed(f"{path}: bad CSV: {err}") from None
    if errors:
        raise LuteImportFailed(f"{path}: {len(errors)} bad row(s); nothing imported", errors)
    return report


def _word(cells: dict[str, str]) -> Word:
    term = clean_text(cells.get("term", ""))
    if not term:
        raise ValueError("no term")
    key = word_key(term)
    code = cells.get("status", "")
    status = Status.NEW if code == "" else parse_status(code)
    return Word(
        key,
        status,
        translation=clean_text(cells.get("translation", "")),
        pronunciation=cells.get("pronunciation", ""),
        tags=cells.get("tags", ""),
    )


def import_lute_csv(store: LearnerStore, path: Path) -> LuteImportReport:
    """Import a Lute term CSV into ``store`` in one transaction (all rows or none)."""
    report = read_lute_csv(path)
    report.added, report.updated = store.put_words(report.words)
    return report


def lute_csv_text(words: list[Word]) -> str:
    """The CSV text for ``words`` (Lute's columns, CRLF line ends; unknown words are left out)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for w in words:
        if w.status is Status.UNKNOWN:
            continue
        row = ["Thai", w.key, w.translation, "", w.status.lute_code, w.tags, w.pronunciation]
        writer.writerow([guard_cell(cell) for cell in row])
    return out.getvalue()


def export_lute_csv(store: LearnerStore, path: Path, statuses: frozenset[Status] | None = None) -> int:
    """Write the marked words (optionally of some statuses) to ``path`` as Lute's CSV; returns the count."""
    words = [w for w in store.words(statuses) if w.status is not Status.UNKNOWN]
    write_output(path, lute_csv_text(words))
    return len(words)
