"""Glossary lookup speed: 100k concepts in a temp file, lookup p50/p99 against same-run baselines.

Run: ``uv run python benchmarks/bench_glossary_lookup.py [N_CONCEPTS]``. Prints numbers; asserts nothing.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bilingual_reader.glossary.models import Concept, Term
from bilingual_reader.glossary.store import Glossary
from bilingual_reader.thai.text import normalize_key

SYLLABLES = [
    "กา",
    "ขี",
    "คุ",
    "งู",
    "จะ",
    "ฉิ",
    "ชอ",
    "ซึ",
    "ดำ",
    "ตั้ง",
    "ถัง",
    "ทอง",
    "นา",
    "บิน",
    "ปืน",
    "ผา",
    "พล",
    "ฟ้า",
    "มด",
    "ยศ",
    "รถ",
    "ลม",
    "วิ",
    "ศึก",
    "สาร",
    "หาญ",
    "อาวุธ",
    "เรือ",
    "แม่",
    "โจม",
]
SAMPLES = 20_000


def thai_word(i: int) -> str:
    """A distinct made-up Thai word for each ``i`` below 30**4 (four syllables)."""
    parts = []
    for _ in range(4):
        i, r = divmod(i, len(SYLLABLES))
        parts.append(SYLLABLES[r])
    return "".join(parts)


def timings(fn: Callable[[str], object], keys: list[str]) -> list[float]:
    """Per-call wall time in microseconds."""
    result = []
    for key in keys:
        start = time.perf_counter_ns()
        fn(key)
        result.append((time.perf_counter_ns() - start) / 1000)
    return sorted(result)


def pct(sorted_values: list[float], q: float) -> float:
    """The q-th quantile of an already sorted list."""
    return sorted_values[min(len(sorted_values) - 1, int(q * len(sorted_values)))]


def main() -> None:
    """Build, then time lookups (hits and misses, Thai and English) and the baselines."""
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        glossary = Glossary.open(Path(tmp) / "glossary.db")
        with glossary.transaction():
            for i in range(count):
                glossary.add(Concept("general", (Term(thai_word(i), "th"), Term(f"Term {i}", "en"))))
        built = time.perf_counter() - start
        print(f"built {glossary.count()} concepts in {built:.1f} s")
        rng = random.Random(7)
        picks = [rng.randrange(count) for _ in range(SAMPLES)]
        queries = {
            "lookup thai hit": [thai_word(i) for i in picks],
            "lookup english hit": [f"TERM {i}" for i in picks],
            "lookup miss": [f"missing {i}" for i in picks],
        }
        conn = glossary.db.conn
        index = {thai_word(i): i for i in range(count)}
        baselines = {
            "SELECT 1 round trip": timings(
                lambda _k: conn.execute("SELECT 1").fetchone(), queries["lookup miss"]
            ),
            "dict lookup": timings(index.get, queries["lookup thai hit"]),
            "normalize_key alone": timings(normalize_key, queries["lookup thai hit"]),
        }
        timings(glossary.lookup, queries["lookup thai hit"][:1000])  # warm the page cache
        results = {name: timings(glossary.lookup, keys) for name, keys in queries.items()}
        base = baselines["SELECT 1 round trip"]
        print(f"{'operation':<22}{'p50 µs':>10}{'p99 µs':>10}{'p50 / SELECT 1':>17}{'p99 / SELECT 1':>17}")
        for name, values in {**baselines, **results}.items():
            p50, p99 = pct(values, 0.5), pct(values, 0.99)
            ratios = f"{p50 / pct(base, 0.5):>17.1f}{p99 / pct(base, 0.99):>17.1f}"
            print(f"{name:<22}{p50:>10.1f}{p99:>10.1f}{ratios}")
        glossary.close()


if __name__ == "__main__":
    main()
