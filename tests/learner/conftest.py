"""Fixtures for the learner tests: a clock the test moves, a store on a file."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bilingual_reader.learner.store import LearnerStore


class FakeClock:
    """A clock that stays where the test puts it."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 11, 2, 9, 30, tzinfo=UTC))


@pytest.fixture
def store(tmp_path: Path, clock: FakeClock) -> Iterator[LearnerStore]:
    opened = LearnerStore.open(tmp_path / "learner.db", clock=clock)
    yield opened
    opened.close()
