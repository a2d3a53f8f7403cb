"""Progress from the learner database: words read, new words, lookups per day, statuses over time, streak."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from typing import Any

from bilingual_reader.learner.statuses import Status
from bilingual_reader.learner.store import LearnerStore

__all__ = ["DayStats", "Progress", "progress"]


@dataclass(frozen=True)
class DayStats:
    """One day: words read (paragraphs moved through), words marked for the first time, lookups, and the
    number of learning (1-5) and well-known words at the end of the day."""

    day: str
    words_read: int
    new_words: int
    lookups: int
    learning: int
    known: int


@dataclass(frozen=True)
class Progress:
    """The last ``len(days)`` days, oldest first; the streak of active days ending today (or yesterday);
    today's counts of words by status."""

    days: tuple[DayStats, ...]
    streak: int
    statuses: dict[str, int]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form."""
        return {"streak": self.streak, "statuses": self.statuses, "days": [asdict(d) for d in self.days]}


def progress(store: LearnerStore, days: int = 30, today: date | None = None) -> Progress:
    """The learner's progress over the ``days`` days ending ``today`` (default: the store's clock's day)."""
    today = today or store.clock().date()
    first = today - timedelta(days=days - 1)
    conn = store.conn
    read = Counter(dict(conn.execute("SELECT day, SUM(words) FROM reading GROUP BY day").fetchall()))
    looked = Counter(dict(conn.execute("SELECT day, COUNT(*) FROM lookups GROUP BY day").fetchall()))
    new = Counter(
        dict(
            conn.execute("SELECT day, COUNT(DISTINCT key) FROM history WHERE old = 0 GROUP BY day").fetchall()
        )
    )
    current: dict[str, int] = {}
    per_day: dict[str, tuple[int, int]] = {}
    buckets = Counter[str]()
    for key, status, day in conn.execute("SELECT key, new, day FROM history ORDER BY id"):
        buckets[_bucket(current.get(key, 0))] -= 1
        buckets[_bucket(status)] += 1
        current[key] = status
        per_day[day] = (buckets["learning"], buckets["known"])
    snapshot = (0, 0)
    for day in sorted(d for d in per_day if d < first.isoformat()):
        snapshot = per_day[day]
    rows = []
    for offset in range(days):
        day = (first + timedelta(days=offset)).isoformat()
        snapshot = per_day.get(day, snapshot)
        rows.append(DayStats(day, read[day], new[day], looked[day], *snapshot))
    active = set(read) | set(looked) | set(per_day)
    return Progress(tuple(rows), _streak(active, today), _statuses(current))


def _bucket(status: int) -> str:
    return "learning" if 1 <= status <= 5 else "known" if status == Status.WELL_KNOWN else "other"


def _statuses(current: dict[str, int]) -> dict[str, int]:
    counts = Counter(Status(s).label for s in current.values() if s)
    return {s.label: counts[s.label] for s in Status if s}


def _streak(active: set[str], today: date) -> int:
    """Consecutive active days ending today; a day not yet active today does not break yesterday's run."""
    day = today if today.isoformat() in active else today - timedelta(days=1)
    count = 0
    while day.isoformat() in active:
        count += 1
        day -= timedelta(days=1)
    return count
