"""Benchmark: the lookup key (⏎ on a word in the reader → the popup on screen) on the sample article and on
generated books of 100 KB, 1 MB and 10 MB (``bench_big_books.make_book``), against another checkout
(``--base DIR``, e.g. ``git archive`` of main before a change) measured in the same run, turn about.

Each measurement is a fresh process running the reader headless (``App.run_test``, 160x45 or ``--width``, no
model, a fresh learner database), with the app's ``_display`` (where a changed screen goes to the terminal)
timed. Once the start-up work is over (no worker running and the text segmented, or ``--settle`` seconds
passed), a reader's round is repeated ``--lookups`` times: move the cursor (``l``, every third round ``j``),
let the app go idle, then time ⏎ from the key event to the next frame (wall, and the process's CPU time:
what the key cost whatever else the machine did), wait for the popup's own workers (the occurrence count),
close it with Escape (a popup screen in older checkouts, a widget over the reader since). The first lookup
is in the figures (it is a learner's first lookup too).
Run with ``uv run python benchmarks/bench_lookup.py [--base DIR] [--sizes sample,100k,1m,10m]``.
Prints p95, median and max per size and the ratio ours / base of the p95s; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

from bench_big_books import FRAME_TIMER, SIZES, make_book, p95, run_probe

from bilingual_reader import paths

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 900

PROBE = (
    r"""
import asyncio, json, sys, time
from pathlib import Path
from textual import events
from bilingual_reader.tui.app import create_app

BOOK, GLOSSARY, OUT, WIDTH, LOOKUPS, SETTLE = sys.argv[1:7]
app = create_app(Path(BOOK) if BOOK != "-" else None, Path(GLOSSARY))
"""
    + FRAME_TIMER
    + r"""
async def quiet(pilot, limit):
    began = time.perf_counter()
    while busy() and time.perf_counter() - began < limit:
        await asyncio.sleep(0.005)
    await pilot.pause()

def popup_shown(reader):
    # the popup over the reader (a widget of its screen), or a popup screen on top (older checkouts)
    popup = getattr(reader.lookup, "popup", None)
    return app.screen is not reader or bool(getattr(popup, "shown", False))

async def main():
    result = {}
    async with app.run_test(size=(int(WIDTH), 45)) as pilot:
        while not getattr(app.screen, "drawn", False):
            await asyncio.sleep(0.002)
        began = time.perf_counter()
        while busy() or not getattr(getattr(app.screen, "segmenting", None), "done", True):
            if time.perf_counter() - began > float(SETTLE):
                result["unsettled"] = busy()
                break
            await asyncio.sleep(0.05)
        await pilot.pause()
        reader = app.screen
        times = []
        for round in range(int(LOOKUPS)):
            await pilot.press("j" if round % 3 == 2 else "l")
            await quiet(pilot, 5)
            times.append(await key_to_frame("enter"))
            result.setdefault("screen", type(app.screen).__name__ if app.screen is not reader else "overlay")
            await quiet(pilot, 10)
            while popup_shown(reader):
                await pilot.press("escape")
                await pilot.pause()
            await quiet(pilot, 5)
        result["times"] = times
        app.exit()
    Path(OUT).write_text(json.dumps(result))

asyncio.run(main())
"""
)


def measure(book: Path | None, source: Path, glossary: Path, args: argparse.Namespace) -> dict[str, object]:
    """One probe process reading ``book`` (None: the sample article) with the code under ``source``."""
    env = dict(os.environ, PYTHONPATH=str(source / "src"), PYTHAINLP_OFFLINE="1")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "result.json"
        env["XDG_DATA_HOME"] = env["XDG_CONFIG_HOME"] = tmp  # no model, a fresh library and learner
        probe = [
            str(book or "-"),
            str(glossary),
            str(out),
            str(args.width),
            str(args.lookups),
            str(args.settle),
        ]
        return run_probe([sys.executable, "-c", PROBE, *probe], env, out, TIMEOUT)


def figures(data: dict[str, object]) -> dict[str, float]:
    """p95, median, max and first of the wall and CPU times (ms)."""
    times = data["times"]
    assert isinstance(times, list)
    wall, cpu = [w for w, _ in times], [c for _, c in times]
    return {
        "p95": p95(wall),
        "median": statistics.median(wall) * 1000,
        "max": max(wall) * 1000,
        "first": wall[0] * 1000,
        "cpu p95": p95(cpu),
        "cpu median": statistics.median(cpu) * 1000,
        "cpu first": cpu[0] * 1000,
    }


def describe(name: str, data: dict[str, object]) -> str:
    """One line of results."""
    if "error" in data:
        return f"{name:>16}: {data['error']}"
    f = figures(data)
    unsettled = f"  (still busy: {data['unsettled']})" if data.get("unsettled") else ""
    return (
        f"{name:>16}: ⏎ p95 {f['p95']:6.1f} ms  median {f['median']:6.1f}  max {f['max']:6.1f}"
        f"  first {f['first']:6.1f}"
        f"  | CPU p95 {f['cpu p95']:6.1f}  median {f['cpu median']:6.1f}  first {f['cpu first']:6.1f}"
        f"  [{data.get('screen')}]{unsettled}"
    )


def main() -> None:
    """Measure each size with this checkout and the base, in turn; print figures and ratios."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", type=Path, help="another checkout to compare with (same venv)")
    parser.add_argument("--sizes", default="sample,100k,1m,10m")
    parser.add_argument("--width", type=int, default=160)
    parser.add_argument("--lookups", type=int, default=20)
    parser.add_argument("--settle", type=float, default=240.0, help="longest wait for the start-up work (s)")
    args = parser.parse_args()
    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        glossary = Path(tmp) / "glossary.db"
        glossary.write_bytes(paths.shipped("glossary.db").read_bytes())
        for label in args.sizes.split(","):
            book = None
            if label != "sample":
                book = Path(tmp) / f"book-{label}.txt"
                make_book(SIZES[label], book)
            ours = measure(book, ROOT, glossary, args)
            print(describe(label, ours), flush=True)
            if args.base is not None:
                base = measure(book, args.base, glossary, args)
                print(describe(f"{label} (base)", base), flush=True)
                if "error" not in ours and "error" not in base:
                    a, b = figures(ours), figures(base)
                    print(
                        f"{'':>16}  ours / base: p95 {a['p95'] / b['p95']:.2f}×  CPU p95 "
                        f"{a['cpu p95'] / b['cpu p95']:.2f}×  median {a['median'] / b['median']:.2f}×",
                        flush=True,
                    )
    print(f"load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
