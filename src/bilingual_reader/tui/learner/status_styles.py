"""How a word's learning status looks in the Thai text.

Background tints from the Okabe-Ito palette (safe for colour-blind readers), with alpha so they blend with
dark and light themes alike: unknown words sky blue, learning words amber graded from strong (1) to faint (5),
known and ignored words plain. Glossary underlines and the cursor are drawn over these. With ``NO_COLOR`` the
tints turn grey, so the styles also carry text attributes: unknown bold, learning underlined, known plain.
"""

from __future__ import annotations

from bilingual_reader.learner.statuses import Status

__all__ = ["status_style"]

_UNKNOWN = "on #56B4E9 35%"
_LEARNING = {1: 60, 2: 45, 3: 32, 4: 21, 5: 12}

_COLOUR: dict[Status, str] = {Status.UNKNOWN: _UNKNOWN}
_COLOUR.update({Status(n): f"on #E69F00 {alpha}%" for n, alpha in _LEARNING.items()})
_NO_COLOUR: dict[Status, str] = {Status.UNKNOWN: "bold"}
_NO_COLOUR.update({Status(n): "underline" for n in _LEARNING})


def status_style(status: Status, *, no_color: bool = False) -> str | None:
    """The style string of a word with ``status`` (None: drawn plain)."""
    return (_NO_COLOUR if no_color else _COLOUR).get(status)
