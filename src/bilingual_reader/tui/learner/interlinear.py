"""Interlinear layout: Thai words with a short gloss under each, in columns as wide as the wider of the two,
wrapped together between words (never inside one). Pure layout: no widgets."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len

__all__ = ["Cell", "interlinear_rows"]


@dataclass(frozen=True)
class Cell:
    """One token in a row: its index, its Thai, its gloss ("" for none), and the column width it takes."""

    token: int
    thai: str
    gloss: str
    width: int


def _fit(text: str, width: int) -> str:
    """``text`` cut to ``width`` cells (a gloss wider than the whole line ends in an ellipsis)."""
    if cell_len(text) <= width:
        return text
    out = ""
    for char in text:
        if cell_len(out + char) > width - 1:
            break
        out += char
    return out + "…"


def interlinear_rows(texts: Sequence[str], glosses: Sequence[str | None], width: int) -> list[list[Cell]]:
    """Rows of cells for tokens ``texts`` with ``glosses`` (None: no gloss) in ``width`` cells.

    A glossed word's column is ``max(Thai width, gloss width + 1)`` so the next gloss never touches it;
    whitespace tokens at the start of a row are dropped (they would only indent it). A token wider than the
    line gets a row of its own (its gloss cut with an ellipsis)."""
    width = max(1, width)
    rows: list[list[Cell]] = []
    row: list[Cell] = []
    used = 0
    for index, (text, gloss) in enumerate(zip(texts, glosses, strict=True)):
        if text.isspace() and not row:
            continue
        if text.isspace():
            text = " "
        gloss_text = gloss or ""
        cells = max(cell_len(text), cell_len(gloss_text) + 1 if gloss_text else 0)
        if row and used + cells > width:
            rows.append(row)
            row, used = [], 0
            if text.isspace():
                continue
        cells = min(cells, width) if cell_len(text) <= width else cell_len(text)
        row.append(Cell(index, text, _fit(gloss_text, max(1, cells - 1)) if gloss_text else "", cells))
        used += cells
    if row:
        rows.append(row)
    return rows
