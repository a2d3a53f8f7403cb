"""Benchmark: the reader on big books (the shipped articles repeated with chapter headings) of 100 KB,
1 MB and 10 MB against the sample article, and against another checkout (``--base DIR``, e.g. a
worktree of an older main) in the same run.

Each measurement is a fresh process running the reader headless (``App.run_test``, 160x45, no model):
- *first screen*: from the process start until the text view has drawn Thai;
- *keys*: p95 of the time from a key (``j``, ``End``, a lookup: ``⏎`` then ``Esc``) to the screen drawn
  again (press, then wait until the app is idle);
- *RSS*: the process's peak resident memory.
Run with ``uv run python benchmarks/bench_big_books.py [--base DIR] [--sizes 100k,1m,10m]``. Prints numbers
and ratios; asserts nothing.
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
TIMEOUT = 180

PROBE = r"""
import asyncio, json, resource, sys, time
START, BOOK, GLOSSARY, OUT = float(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
from pathlib import Path
from bilingual_reader.tui.app import create_app

app = create_app(Path(BOOK) if BOOK != "-" else None, Path(GLOSSARY))
result = {}

async def main():
    async with app.run_test(size=(160, 45)) as pilot:
        while True:
            await asyncio.sleep(0.005)
            screen = app.screen
            if getattr(screen, "drawn", False):
                break
        result["first"] = time.time() - START
        keys = {"j": [], "end": [], "lookup": []}
        for round in range(12):
            for name, presses in (("j", ["j"]), ("end", ["end" if round % 2 == 0 else "home"]),
                                  ("lookup", ["enter", "escape"])):
                began = time.perf_counter()
                for key in presses:
                    await pilot.press(key)
                await pilot.pause()
                keys[name].append((time.perf_counter() - began) / len(presses))
        result["keys"] = keys
        app.exit()

asyncio.run(main())
result["rss"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
Path(OUT).write_text(json.dumps(result))
"""


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


def measure(book: Path | None, source: Path, glossary: Path) -> dict[str, object] | None:
    """One probe process reading ``book`` (None: the sample article) with the code under ``source``."""
    env = dict(os.environ, PYTHONPATH=str(source / "src"), PYTHAINLP_OFFLINE="1")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "result.json"
        env["XDG_DATA_HOME"] = env["XDG_CONFIG_HOME"] = tmp  # no model, no memory: the same for both
        start = time.time()
        args = [sys.executable, "-c", PROBE, repr(start), str(book or "-"), str(glossary), str(out)]
        try:
            subprocess.run(args, env=env, timeout=TIMEOUT, check=True, capture_output=True)
        except subprocess.TimeoutExpired:
            return None
        except subprocess.CalledProcessError as err:
            print(err.stderr.decode()[-2000:], file=sys.stderr)
            return None
        data: dict[str, object] = json.loads(out.read_text())
        return data


def p95(values: list[float]) -> float:
    """The 95th percentile (ms)."""
    return statistics.quantiles(values, n=20)[-1] * 1000 if len(values) > 1 else values[0] * 1000


def describe(name: str, data: dict[str, object] | None) -> str:
    """One line of results."""
    if data is None:
        return f"{name:>24}: did not draw within {TIMEOUT} s"
    keys = data["keys"]
    assert isinstance(keys, dict)
    parts = " ".join(f"{k} p95 {p95(v):6.1f} ms" for k, v in keys.items())
    return f"{name:>24}: first screen {data['first']:6.2f} s  {parts}  RSS {data['rss']:6.0f} MiB"


def main() -> None:
    """Measure each size with this checkout (and the base), print figures and ratios."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", type=Path, help="another checkout to compare with (same venv)")
    parser.add_argument("--sizes", default="100k,1m,10m")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        glossary = Path(tmp) / "glossary.db"
        glossary.write_bytes(paths.shipped("glossary.db").read_bytes())
        sample = measure(None, ROOT, glossary)
        print(describe("sample article", sample))
        for label in args.sizes.split(","):
            book = Path(tmp) / f"book-{label}.txt"
            make_book(SIZES[label], book)
            ours = measure(book, ROOT, glossary)
            print(describe(f"{label} book", ours))
            if sample is not None and ours is not None:
                print(
                    f"{'':>24}  first screen / sample: {float(ours['first']) / float(sample['first']):.2f}×"
                )  # type: ignore[arg-type]
            if args.base is not None:
                base = measure(book, args.base, glossary)
                print(describe(f"{label} book (base)", base))
                if base is not None and ours is not None:
                    print(f"{'':>24}  base/ours: {float(base['first']) / float(ours['first']):.2f}×")  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
