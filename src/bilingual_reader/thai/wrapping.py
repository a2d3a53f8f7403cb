"""Wrapping tokens into terminal lines by cell width, never breaking inside a word."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len, split_graphemes

__all__ = ["Line", "Piece", "grapheme_clusters", "token_at", "wrap_tokens"]

# Spacing marks that belong to the cluster before them (Unicode Grapheme_Cluster_Break=SpacingMark):
# Thai and Lao sara am.
_SPACING_MARKS = frozenset("\u0e33\u0eb3")


@dataclass(frozen=True)
class Piece:
    """A token, or part of one too wide for a line, placed at cell column ``col`` of its line."""

    token: int
    text: str
    col: int
    width: int


@dataclass(frozen=True)
class Line:
    """One terminal line of wrapped tokens."""

    pieces: tuple[Piece, ...]

    @property
    def width(self) -> int:
        """The line's width in terminal cells."""
        return sum(piece.width for piece in self.pieces)

    @property
    def text(self) -> str:
        """The line's text."""
        return "".join(piece.text for piece in self.pieces)


def grapheme_clusters(text: str) -> list[str]:
    """Split ``text`` into grapheme clusters: zero-width marks and sara am stay with their base character."""
    spans, _ = split_graphemes(text)
    clusters: list[str] = []
    for start, end, _width in spans:
        chunk = text[start:end]
        if clusters and (chunk[0] in _SPACING_MARKS or cell_len(chunk) == 0):
            clusters[-1] += chunk
        else:
            clusters.append(chunk)
    return clusters


def wrap_tokens(tokens: Sequence[str], width: int) -> list[Line]:
    """Pack tokens greedily into lines of at most ``width`` cells (measured with ``rich.cells.cell_len``).

    A token is only broken when it is wider than ``width``, and then between grapheme clusters. Whitespace
    tokens at the start of a line are dropped. A single cluster wider than ``width`` gets a line of its own.
    """
    if width < 1:
        raise ValueError(f"width must be at least 1, not {width}")
    lines: list[Line] = []
    current: list[Piece] = []
    col = 0

    def flush() -> None:
        nonlocal current, col
        if current:
            lines.append(Line(tuple(current)))
        current, col = [], 0

    for index, token in enumerate(tokens):
        size = cell_len(token)
        if token.isspace():
            if current and col + size <= width:
                current.append(Piece(index, token, col, size))
                col += size
            elif current:
                flush()
            continue
        if col + size <= width:
            current.append(Piece(index, token, col, size))
            col += size
            continue
        flush()
        if size <= width:
            current.append(Piece(index, token, 0, size))
            col = size
            continue
        chunk, chunk_width = "", 0
        for cluster in grapheme_clusters(token):
            cluster_width = cell_len(cluster)
            if chunk and chunk_width + cluster_width > width:
                current.append(Piece(index, chunk, 0, chunk_width))
                flush()
                chunk, chunk_width = "", 0
            chunk += cluster
            chunk_width += cluster_width
        current.append(Piece(index, chunk, 0, chunk_width))
        col = chunk_width
    flush()
    return lines


def token_at(line: Line, col: int) -> int | None:
    """The index of the token drawn at cell column ``col`` of ``line``, or None past its end."""
    for piece in line.pieces:
        if piece.col <= col < piece.col + piece.width:
            return piece.token
    return None
