"""The header's title cut to leave room for its subtitle (known share, counts, translation progress)."""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size

#: Cells the header itself takes beside the title and subtitle: its icon (8) and clock space (10).
_CHROME = 18
#: The title never gets fewer cells than this, however long the subtitle.
_MINIMUM = 16


def fitted_title(title: str, sub_title: str, width: int) -> str:
    """``title`` cut with "…" so that it and ``sub_title`` fit a header ``width`` cells wide."""
    room = max(width - _CHROME - (cell_len(sub_title) + 3 if sub_title else 0), _MINIMUM)
    if cell_len(title) <= room:
        return title
    return set_cell_size(title, room - 1).rstrip() + "…"
