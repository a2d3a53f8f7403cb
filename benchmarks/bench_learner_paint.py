"""Benchmark: the reader with a learner database of 50,000 marked words vs an empty one, same run.

The learner database opens after the first frame and the article's statuses come in one query for its
distinct words, so neither moment should move. Measured headless (``App.run_test``, 160x45) in this process,
alternating the two kinds, 5 rounds each, median:

- *first paint*: from creating the app to the first frame with the article's text;
- *statuses shown*: to the moment the article is segmented and its words styled by status.

Prints the medians and the ratios (50k / empty); the goal is ≤ 1.1. Asserts nothing.
Run with `make bench` or `uv run python benchmarks/bench_learner_paint.py`.
"""

from __future__ import annotations

import asyncio
import os
import random
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("PYTHAINLP_OFFLINE", "1")
ROUNDS = 5
WORDS = 50_000
SIZE = (160, 45)


def make_learner(path: Path, words: int) -> None:
    """A learner database with ``words`` marked Thai words: the sample article's and made-up ones."""
    from bilingual_reader.learner.statuses import Status
    from bilingual_reader.learner.store import LearnerStore
    from bilingual_reader.thai.corpora import thai_words

    store = LearnerStore.open(path)
    pool = sorted(thai_words())
    random.Random(7).shuffle(pool)
    statuses = [Status.NEW, Status.FAMILIAR, Status.KNOWN, Status.WELL_KNOWN, Status.IGNORED]
    chosen = pool[:words]
    for start in range(0, len(chosen), 5_000):
        batch = chosen[start : start + 5_000]
        store.set_status(batch, statuses[(start // 5_000) % len(statuses)])
    store.close()


async def one_run(glossary: Path, learner: Path) -> tuple[float, float]:
    """(first paint, statuses shown) in seconds for one fresh app, timed where they happen: the reader's
    ``start`` (called once the first frame with its text is drawn) and the first status fetch returning."""
    from bilingual_reader.tui.app import create_app
    from bilingual_reader.tui.learner.controller import LearnerController
    from bilingual_reader.tui.reader.screen import ReaderScreen
    from bilingual_reader.tui.services import ReaderServices

    moments: dict[str, float] = {}
    start_method, fetch_method = ReaderScreen.start, LearnerController.tokens_ready

    def start(screen: ReaderScreen) -> None:
        moments.setdefault("paint", time.perf_counter())
        start_method(screen)

    def fetch(controller: LearnerController, paragraphs: Any) -> bool:
        found = fetch_method(controller, paragraphs)
        moments.setdefault("shown", time.perf_counter())
        return found

    ReaderScreen.start = start
    LearnerController.tokens_ready = fetch
    try:
        began = time.perf_counter()
        app = create_app(None, ReaderServices(glossary, learner=learner))
        async with app.run_test(size=SIZE) as pilot:
            while "shown" not in moments:
                await pilot.pause(0.01)
            await app.workers.wait_for_complete()
    finally:
        ReaderScreen.start, LearnerController.tokens_ready = start_method, fetch_method
    return moments["paint"] - began, moments["shown"] - began


def main() -> None:
    import shutil

    from bilingual_reader import paths

    folder = Path(tempfile.mkdtemp(prefix="bench-learner-"))
    glossary = folder / "glossary.db"
    shutil.copyfile(paths.shipped("glossary.db"), glossary)
    empty, full = folder / "empty.db", folder / "full.db"
    make_learner(empty, 0)
    began = time.perf_counter()
    make_learner(full, WORDS)
    print(f"learner database with {WORDS:,} marked words built in {time.perf_counter() - began:.1f} s")
    asyncio.run(one_run(glossary, empty))  # warm imports, the segmenter's dictionary, caches
    results: dict[str, list[tuple[float, float]]] = {"empty": [], "50k": []}
    for _ in range(ROUNDS):
        for name, path in (("empty", empty), ("50k", full)):
            results[name].append(asyncio.run(one_run(glossary, path)))
    medians = {
        name: (statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs))
        for name, runs in results.items()
    }
    for name, (paint, shown) in medians.items():
        print(f"{name:>6}: first paint {paint * 1000:7.1f} ms   statuses shown {shown * 1000:7.1f} ms")
    paint_ratio = medians["50k"][0] / medians["empty"][0]
    shown_ratio = medians["50k"][1] / medians["empty"][1]
    print(f"ratio 50k/empty: first paint {paint_ratio:.3f}, statuses shown {shown_ratio:.3f} (goal <= 1.1)")
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
