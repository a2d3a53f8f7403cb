"""Progress across days with the clock injected: words read, new words, lookups, statuses, streak."""

from __future__ import annotations

from datetime import date

from bilingual_reader.learner.stats import DayStats, progress
from bilingual_reader.learner.statuses import Status
from bilingual_reader.learner.store import LearnerStore, Place
from learner.conftest import FakeClock

HERE = Place("a", "T", 0, "s")


def test_counts_across_days(store: LearnerStore, clock: FakeClock) -> None:
    # day 1 (2026-11-02): read two paragraphs (one twice), mark three words, look one up
    store.record_read("a", 0, 40)
    store.record_read("a", 1, 25)
    store.record_read("a", 0, 40)
    store.set_status(["ทหาร", "ปืน"], Status.NEW)
    store.set_status("เรือ", Status.WELL_KNOWN)
    store.record_lookup("เยือน", HERE)
    # day 2: nothing. day 3: ทหาร learned further, ปืน known, one new word, paragraph 0 read again
    clock.advance(days=2)
    store.set_status("ทหาร", Status.FAMILIAR)
    store.set_status("ปืน", Status.WELL_KNOWN)
    store.set_status("ยาน", Status.NEW)
    store.record_read("a", 0, 40)
    store.record_lookup("เยือน", HERE)
    store.record_lookup("ยาน", HERE)

    found = progress(store, days=4)
    assert found.days == (
        DayStats("2026-11-01", 0, 0, 0, 0, 0),
        DayStats("2026-11-02", 65, 3, 1, 2, 1),
        DayStats("2026-11-03", 0, 0, 0, 2, 1),
        DayStats("2026-11-04", 40, 1, 2, 2, 2),
    )
    assert found.streak == 1
    assert found.statuses["1 new"] == 1 and found.statuses["3 familiar"] == 1
    assert found.statuses["well known"] == 2
    assert found.to_dict()["days"][1]["words_read"] == 65


def test_streak_counts_back_from_yesterday_until_today_is_active(
    store: LearnerStore, clock: FakeClock
) -> None:
    for _ in range(3):
        store.record_read("a", 0, 10)
        clock.advance(days=1)
    # three days in a row, nothing yet today
    assert progress(store).streak == 3
    store.record_lookup("ทหาร", HERE)
    assert progress(store).streak == 4
    assert progress(store, today=date(2026, 11, 10)).streak == 0


def test_statuses_before_the_window_carry_in(store: LearnerStore, clock: FakeClock) -> None:
    store.set_status(["ทหาร", "ปืน"], Status.NEW)
    clock.advance(days=40)
    assert progress(store, days=2).days[0] == DayStats("2026-12-11", 0, 0, 0, 2, 0)
