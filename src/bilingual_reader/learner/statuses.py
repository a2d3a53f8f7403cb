"""A word's learning status, as Lute numbers them: 0 unknown, 1-5 learning, 99 well known, 98 ignored."""

from __future__ import annotations

from enum import IntEnum

__all__ = ["LEARNING", "Status", "parse_status", "parse_statuses"]


class Status(IntEnum):
    """Where a learner is with a word (the values are Lute's, so its term CSV maps one to one)."""

    UNKNOWN = 0
    NEW = 1
    RECOGNIZED = 2
    FAMILIAR = 3
    LEARNED = 4
    KNOWN = 5
    IGNORED = 98
    WELL_KNOWN = 99

    @property
    def label(self) -> str:
        """A short name for lists and the popup."""
        return _LABELS[self]

    @property
    def lute_code(self) -> str:
        """The status as Lute's term CSV writes it (``1``-``5``, ``W``, ``I``; unknown is blank)."""
        return {Status.WELL_KNOWN: "W", Status.IGNORED: "I", Status.UNKNOWN: ""}.get(self, str(int(self)))

    @property
    def is_learning(self) -> bool:
        """Statuses 1-5."""
        return 1 <= self <= 5

    @property
    def is_known(self) -> bool:
        """Counts as known in an article's known share (ignored words are left out of the share)."""
        return self is Status.WELL_KNOWN


LEARNING = (Status.NEW, Status.RECOGNIZED, Status.FAMILIAR, Status.LEARNED, Status.KNOWN)

_LABELS = {
    Status.UNKNOWN: "unknown",
    Status.NEW: "1 new",
    Status.RECOGNIZED: "2 recognized",
    Status.FAMILIAR: "3 familiar",
    Status.LEARNED: "4 learned",
    Status.KNOWN: "5 known",
    Status.IGNORED: "ignored",
    Status.WELL_KNOWN: "well known",
}

_NAMES = {
    "unknown": Status.UNKNOWN,
    "0": Status.UNKNOWN,
    "w": Status.WELL_KNOWN,
    "well-known": Status.WELL_KNOWN,
    "wellknown": Status.WELL_KNOWN,
    "known": Status.WELL_KNOWN,
    "99": Status.WELL_KNOWN,
    "i": Status.IGNORED,
    "ignored": Status.IGNORED,
    "ignore": Status.IGNORED,
    "98": Status.IGNORED,
    **{str(n): Status(n) for n in range(1, 6)},
}


def parse_status(text: str) -> Status:
    """A status from the shell or a CSV cell: ``1``-``5``, ``W``/``99``/``well-known``,
    ``I``/``98``/``ignored``, ``0``/``unknown``. ``ValueError`` (one line listing the choices) otherwise."""
    found = _NAMES.get(text.strip().lower())
    if found is None:
        raise ValueError(f"unknown status {text!r}: use 1-5, W (well known), I (ignored) or 0 (unknown)")
    return found


def parse_statuses(text: str) -> frozenset[Status]:
    """A set of statuses: comma-separated statuses or ranges of learning ones (``1-4``, ``1-2,W``)."""
    found: set[Status] = set()
    for part in (p.strip() for p in text.split(",")):
        if not part:
            continue
        low, dash, high = part.partition("-")
        if dash and low.isdigit() and high.isdigit():
            first, last = int(low), int(high)
            if not (1 <= first <= last <= 5):
                raise ValueError(f"bad status range {part!r}: learning statuses go from 1 to 5")
            found.update(Status(n) for n in range(first, last + 1))
        else:
            found.add(parse_status(part))
    if not found:
        raise ValueError("no status given")
    return frozenset(found)
