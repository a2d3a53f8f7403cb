"""The learner's word statuses for a teacher's vocabulary list.

Until the learner store exists (issue 10), no word has a status: asking for statuses is an error that says
so, and the list is made from the glossary and the frequency band alone.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

__all__ = ["StatusUnavailable", "learner_statuses"]


class StatusUnavailable(Exception):
    """Learner statuses were asked for but cannot be read; ``str()`` is one line."""


def learner_statuses(wanted: Collection[str]) -> Callable[[str], str | None] | None:
    """A function from a word to its learner status, or None when no status is wanted."""
    if not wanted:
        return None
    raise StatusUnavailable(
        "--status needs the learner's word statuses, which this version does not keep yet"
    )
