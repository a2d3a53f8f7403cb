"""Benchmark: the reader with a learner database of 50,000 marked words vs an empty one, same run.

The learner database opens after the first frame and the article's statuses come in one query for its
distinct words, so neither moment should move. Measured headless (``App.run_test``, 160x45) in this process:

- *first paint*: from creating the app to the first frame with the article's text;
- *statuses shown*: to the moment the article is segmented and its words styled by status.

Made to hold on a shared, loaded machine: the two kinds are interleaved in ABBA order (``ROUNDS`` pairs,
default 9, or the first argument), and each moment is taken both as wall time and as this process's CPU time
(all threads), which other processes' load does not inflate. Ratios (50k / empty) are given as the ratio
of the medians and as the median of the per-round ratios (a round's two runs share the load of that moment).
The load average is printed before and after. The goal is ≤ 1.1. Asserts nothing.
Run with `make bench` or `uv run python benchmarks/bench_learner_paint.py [ROUNDS]`.
"""

from __future__ import annotations

import asyncio
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("PYTHAINLP_OFFLINE", "1")
ROUNDS = 9
WORDS = 50_000
SIZE = (160, 45)
TIMEOUT = 120.0


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


Moments = dict[str, float]
"""paint, shown (wall seconds) and paint_cpu, shown_cpu (process CPU seconds), from creating the app."""


async def one_run(glossary: Path, learner: Path) -> Moments:
    """The moments of one fresh app, timed where they happen: the reader's ``start`` (called once the first
    frame with its text is drawn) and the first status fetch returning."""
    from bilingual_reader.documents.articles import sample_article_path
    from bilingual_reader.tui.app import create_app
    from bilingual_reader.tui.learner.controller import LearnerController
    from bilingual_reader.tui.reader.screen import ReaderScreen
    from bilingual_reader.tui.services import ReaderServices

    moments: dict[str, float] = {}
    start_method, fetch_method = ReaderScreen.start, LearnerController.tokens_ready

    def start(screen: ReaderScreen) -> None:
        moments.setdefault("paint", time.perf_counter())
        moments.setdefault("paint_cpu", time.process_time())
        start_method(screen)

    def fetch(controller: LearnerController, paragraphs: Any) -> bool:
        found = fetch_method(controller, paragraphs)
        moments.setdefault("shown", time.perf_counter())
        moments.setdefault("shown_cpu", time.process_time())
        return found

    ReaderScreen.start = start
    LearnerController.tokens_ready = fetch
    try:
        began, began_cpu = time.perf_counter(), time.process_time()
        # the sample by path: with no path, a user's reading history would open the library screen instead
        app = create_app(sample_article_path(), ReaderServices(glossary, learner=learner))
        async with app.run_test(size=SIZE) as pilot:
            while "shown" not in moments:
                if time.perf_counter() - began > TIMEOUT:
                    raise SystemExit(
                        f"no statuses shown after {TIMEOUT:.0f} s: the reader did not open the sample"
                    )
                await pilot.pause(0.01)
            await app.workers.wait_for_complete()
    finally:
        ReaderScreen.start, LearnerController.tokens_ready = start_method, fetch_method
    return {
        "paint": moments["paint"] - began,
        "shown": moments["shown"] - began,
        "paint_cpu": moments["paint_cpu"] - began_cpu,
        "shown_cpu": moments["shown_cpu"] - began_cpu,
    }


def load() -> str:
    """The 1, 5 and 15 minute load averages."""
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def main() -> None:
    import shutil

    os.environ["BILINGUAL_READER_DATA_DIR"] = tempfile.mkdtemp(prefix="bench-learner-data-")

    from bilingual_reader import paths

    folder = Path(tempfile.mkdtemp(prefix="bench-learner-"))
    glossary = folder / "glossary.db"
    shutil.copyfile(paths.shipped("glossary.db"), glossary)
    empty, full = folder / "empty.db", folder / "full.db"
    make_learner(empty, 0)
    began = time.perf_counter()
    make_learner(full, WORDS)
    print(f"learner database with {WORDS:,} marked words built in {time.perf_counter() - began:.1f} s")
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else ROUNDS
    print(f"load average before: {load()}  ({os.cpu_count()} CPUs; {rounds} rounds, ABBA order)")
    asyncio.run(one_run(glossary, empty))  # warm imports, the segmenter's dictionary, caches
    asyncio.run(one_run(glossary, full))
    results: dict[str, list[Moments]] = {"empty": [], "50k": []}
    for round_ in range(rounds):
        order = [("empty", empty), ("50k", full)]
        for name, path in order if round_ % 2 == 0 else order[::-1]:
            results[name].append(asyncio.run(one_run(glossary, path)))
    keys = ("paint", "shown", "paint_cpu", "shown_cpu")
    medians = {
        name: {k: statistics.median(r[k] for r in runs) for k in keys} for name, runs in results.items()
    }
    for name, m in medians.items():
        print(
            f"{name:>6}: first paint {m['paint'] * 1000:7.1f} ms wall {m['paint_cpu'] * 1000:7.1f} ms CPU   "
            f"statuses shown {m['shown'] * 1000:7.1f} ms wall {m['shown_cpu'] * 1000:7.1f} ms CPU"
        )
    labels = ("first paint, wall", "statuses shown, wall", "first paint, CPU", "statuses shown, CPU")
    for key, label in zip(keys, labels, strict=True):
        of_medians = medians["50k"][key] / medians["empty"][key]
        paired = statistics.median(
            f[key] / e[key] for e, f in zip(results["empty"], results["50k"], strict=True)
        )
        print(f"ratio 50k/empty, {label:<21}: of medians {of_medians:.3f}, median of rounds {paired:.3f}")
    print(f"goal: <= 1.1; load average after: {load()}")
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
