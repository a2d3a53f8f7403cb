"""Benchmark: the reader on big books (the shipped articles repeated with chapter headings) of 100 KB,
1 MB and 10 MB against the sample article, and against another checkout (``--base DIR``, e.g. a
worktree of main before the text view was rewritten, 098d3f5) in the same run.

Each measurement is a fresh process running the reader headless (``App.run_test``, 160x45, no model), with
the app's ``_display`` (where a changed screen goes to the terminal) timed:
- *first screen*: from the process start to the first frame in which the text view has drawn Thai;
- *keys*: p95 of the time from a key event (``j``; ``End``/``Home`` in turn; a lookup, ``⏎``; ``PageDown``
  from the top on, 0.3 s apart, as a reader turns pages) to the next frame, measured once the start-up work
  is over (no worker running, the text segmented) and the process is idle before each key, so a key is not
  timed behind other work. Also one ``j`` right after the first screen
  (during the start-up work) and when the start-up work was over;
  Each key's p95 is given in wall time and, in brackets, in the process's CPU time (what the key cost,
  whatever else the machine was doing);
- *RSS*: the process's peak resident memory.
Run with ``uv run python benchmarks/bench_big_books.py [--base DIR] [--sizes 100k,1m,10m] [--width 160]``.
Prints numbers and ratios; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bilingual_reader import paths

ROOT = Path(__file__).resolve().parent.parent
SIZES = {"100k": 100_000, "1m": 1_000_000, "10m": 10_000_000}
TIMEOUT = 420

#: Times a key from its event to the next frame the app hands the terminal (wall and process CPU), for the
#: probes run in a fresh process; needs ``app``, and ``asyncio``, ``time`` and ``events`` imported.
FRAME_TIMER = r"""
frames = []  # when the compositor handed the app a changed screen (what a terminal driver would write)
cpus = []  # the process's CPU time then
original = app._display

def display(screen, renderable):
    if renderable is not None:
        frames.append(time.perf_counter())
        cpus.append(time.process_time())
    original(screen, renderable)

app._display = display

async def key_to_frame(key, timeout=30.0):
    # From the key event sent to the next frame with a change: the key's own cost, and nothing else's.
    seen = len(frames)
    began, cpu = time.perf_counter(), time.process_time()
    app._driver.send_message(events.Key(key, None))
    while len(frames) == seen:
        if time.perf_counter() - began > timeout:
            return timeout, timeout
        await asyncio.sleep(0.0005)
    return frames[seen] - began, cpus[seen] - cpu

def busy():
    return [w.name for w in app.workers if not w.is_finished]

"""

PROBE = (
    r"""
import asyncio, json, resource, sys, time
START, BOOK, GLOSSARY, OUT = float(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
WIDTH = int(sys.argv[5])
from pathlib import Path
from textual import events
from bilingual_reader.tui.app import create_app

app = create_app(Path(BOOK) if BOOK != "-" else None, Path(GLOSSARY))
result = {}
"""
    + FRAME_TIMER
    + r"""
async def main():
    async with app.run_test(size=(WIDTH, 45)) as pilot:
        while not getattr(app.screen, "drawn", False):
            await asyncio.sleep(0.002)
        seen = len(frames)
        while len(frames) == seen:
            await asyncio.sleep(0.001)
        result["first"] = frames[seen] - START_PERF
        result["first_cpu"] = cpus[seen]  # the process's CPU time from its start
        result["j_during_start"] = (await key_to_frame("j"))[0]
        began = time.perf_counter()
        while busy() or not getattr(getattr(app.screen, "segmenting", None), "done", True):
            if time.perf_counter() - began > SETTLE:
                result["unsettled"] = busy()
                break
            await asyncio.sleep(0.05)
        result["settled"] = time.perf_counter() - START_PERF
        result["settled_cpu"] = time.process_time()
        await pilot.pause()
        keys = {"j": [], "end": [], "lookup": []}
        for round in range(20):
            presses = [("end", "end"), ("end", "home"), ("j", "j")] + [("lookup", "enter")] * (round < 12)
            for name, key in presses:
                keys[name].append(await key_to_frame(key))
                await pilot.pause()
            if round < 12:
                await pilot.press("escape")
                await pilot.pause()
        # Reading on: page down through the text from the top, with a pause to read each page (a page down
        # that changes nothing, at the end of the text, ends the run).
        keys["page"] = []
        await pilot.press("home")
        for _ in range(20):
            await asyncio.sleep(0.3)
            wall, cpu = await key_to_frame("pagedown", 2.0)
            if wall >= 2.0:
                break
            keys["page"].append((wall, cpu))
        result["keys"] = keys
        app.exit()

SETTLE = 240
START_PERF = time.perf_counter() - (time.time() - START)
asyncio.run(main())
result["rss"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
Path(OUT).write_text(json.dumps(result))
"""
)


def make_book(size: int, path: Path) -> None:
    """The shipped articles repeated, each a chapter under a heading line, to about ``size`` bytes."""
    articles = sorted(paths.shipped("articles").glob("*.txt"))
    texts = [a.read_text(encoding="utf-8").strip() for a in articles]
    assert texts, "no shipped articles"
    parts: list[str] = []
    total, chapter = 0, 0
    while total < size:
        chapter += 1
        block = f"บทที่ {chapter}\n" + texts[chapter % len(texts)] + "\n"
        parts.append(block)
        total += len(block.encode("utf-8"))
    path.write_text("".join(parts), encoding="utf-8")


def measure(book: Path | None, source: Path, glossary: Path, width: int) -> dict[str, object]:
    """One probe process reading ``book`` (None: the sample article) with the code under ``source``."""
    env = dict(os.environ, PYTHONPATH=str(source / "src"), PYTHAINLP_OFFLINE="1")
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as a user's Python: byte code cached after the warm-up run
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "result.json"
        env["XDG_DATA_HOME"] = env["XDG_CONFIG_HOME"] = tmp  # no model, no memory: the same for both
        start = time.time()
        args = [sys.executable, "-c", PROBE, repr(start), str(book or "-"), str(glossary), str(out)]
        args.append(str(width))
        return run_probe(args, env, out, TIMEOUT)


def run_probe(args: list[str], env: dict[str, str], out: Path, timeout: int) -> dict[str, object]:
    """Run a probe process; the JSON it wrote to ``out``, or ``{"error": its last line}``."""
    try:
        subprocess.run(args, env=env, timeout=timeout, check=True, capture_output=True)
    except subprocess.TimeoutExpired:
        return {"error": f"no result within {timeout} s"}
    except subprocess.CalledProcessError as err:
        lines = err.stderr.decode(errors="replace").strip().splitlines()
        return {"error": lines[-1] if lines else f"exit {err.returncode}"}
    data: dict[str, object] = json.loads(out.read_text())
    return data


def p95(values: list[float]) -> float:
    """The 95th percentile (ms)."""
    return statistics.quantiles(values, n=20)[-1] * 1000 if len(values) > 1 else values[0] * 1000


def describe(name: str, data: dict[str, object]) -> str:
    """One line of results."""
    if "error" in data:
        return f"{name:>18}: {data['error']}"
    keys = data["keys"]
    assert isinstance(keys, dict)
    parts = "  ".join(
        f"{k} p95 {p95([w for w, _ in v]):6.1f} ms (CPU {p95([c for _, c in v]):5.1f}, median"
        f" {statistics.median(c for _, c in v) * 1000:5.1f})"
        for k, v in keys.items()
        if v
    )
    unsettled = f"  (still busy: {data['unsettled']})" if data.get("unsettled") else ""
    return (
        f"{name:>18}: first screen {float(data['first']):6.2f} s (CPU {float(data.get('first_cpu', 0)):5.2f})"  # type: ignore[arg-type]
        f"  {parts}  RSS {float(data['rss']):5.0f} MiB"  # type: ignore[arg-type]
        f"  | j during start-up {float(data['j_during_start']) * 1000:6.1f} ms, settled at"  # type: ignore[arg-type]
        f" {float(data['settled']):6.1f} s (CPU {float(data.get('settled_cpu', 0)):5.1f}){unsettled}"  # type: ignore[arg-type]
    )


def ratio(ours: dict[str, object], other: dict[str, object], what: str) -> str:
    """``ours`` first screen / ``other``'s, or a dash when either failed."""
    if "error" in ours or "error" in other:
        return f"first screen / {what}: -"
    return f"first screen / {what}: {float(ours['first']) / float(other['first']):.2f}×"  # type: ignore[arg-type]


def main() -> None:
    """Measure each size with this checkout (and the base), print figures and ratios."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", type=Path, help="another checkout to compare with (same venv)")
    parser.add_argument("--sizes", default="100k,1m,10m")
    parser.add_argument("--width", type=int, default=160)
    args = parser.parse_args()
    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    with tempfile.TemporaryDirectory() as tmp:
        glossary = Path(tmp) / "glossary.db"
        glossary.write_bytes(paths.shipped("glossary.db").read_bytes())
        # A first run per checkout, not shown, writes the byte code every run below then reads (without it
        # each run compiled its imports: ~1.2 s of CPU before the first screen, whatever the book).
        measure(None, ROOT, glossary, args.width)
        if args.base is not None:
            measure(None, args.base, glossary, args.width)
        sample = measure(None, ROOT, glossary, args.width)
        print(describe("sample article", sample), flush=True)
        if args.base is not None:
            base_sample = measure(None, args.base, glossary, args.width)
            print(describe("sample (base)", base_sample), flush=True)
        for label in args.sizes.split(","):
            book = Path(tmp) / f"book-{label}.txt"
            make_book(SIZES[label], book)
            ours = measure(book, ROOT, glossary, args.width)
            print(describe(f"{label} book", ours))
            print(f"{'':>18}  {ratio(ours, sample, 'sample')}", flush=True)
            if args.base is not None:
                base = measure(book, args.base, glossary, args.width)
                print(describe(f"{label} book (base)", base))
                print(f"{'':>18}  {ratio(base, ours, 'ours')}", flush=True)
    print(f"load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
