"""Benchmark: import 100k generated concepts (goal < 5 s), against raw sqlite executemany; search latency.

Run: ``uv run python benchmarks/bench_glossary_import.py [N]``. Everything happens in a temporary directory.
"""

from __future__ import annotations

import gc
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bilingual_reader.glossary.formats import export_file, read_file
from bilingual_reader.glossary.importing import import_concepts
from bilingual_reader.glossary.models import SUBJECT_FIELDS, Concept, Status, Term
from bilingual_reader.glossary.search import search
from bilingual_reader.glossary.store import Glossary, utc_now
from bilingual_reader.thai.text import normalize_key

THAI = "กขคงจฉชซญดตถทธนบปผพฟภมยรลวศษสหอฮ"
VOWELS = "ะาิีึืุูเแโใไ"
WORDS = [
    "air",
    "armour",
    "artillery",
    "battalion",
    "carrier",
    "defense",
    "fighter",
    "gun",
    "missile",
    "navy",
    "radar",
    "rifle",
    "tank",
    "troop",
]


def generate(n: int, seed: int = 7) -> list[Concept]:
    """``n`` concepts with unique Thai headwords, a Thai synonym and two English terms each."""
    rng = random.Random(seed)
    concepts = []
    for i in range(n):
        stem = "".join(rng.choice(THAI) + rng.choice(VOWELS) for _ in range(3))
        thai = stem + "".join(THAI[(i // len(THAI) ** k) % len(THAI)] for k in range(4))
        words = " ".join(rng.sample(WORDS, 2))
        terms = (
            Term(thai, "th"),
            Term(thai + "ใหม่", "th", Status.ADMITTED),
            Term(f"{words} {i}", "en"),
            Term(f"{words} mk {i}", "en", Status.ADMITTED),
        )
        concepts.append(Concept(SUBJECT_FIELDS[i % len(SUBJECT_FIELDS)], terms, f"definition {i}", ""))
    return concepts


def baseline(concepts: list[Concept], path: Path) -> tuple[float, float]:
    """Seconds to normalize every term's key, and to write the rows with raw SQL in one transaction.

    The SQL is the fastest we found: ``executemany`` for concepts, one ``INSERT … SELECT`` from a JSON
    array for terms (one statement, so the FTS5 triggers index them in one pass).
    """
    start = time.perf_counter()
    keys = [[normalize_key(t.text) for t in c.terms] for c in concepts]
    normalized = time.perf_counter() - start
    with Glossary.open(path) as glossary:
        conn, now = glossary.db.conn, utc_now()
        start = time.perf_counter()
        with conn:
            conn.executemany(
                "INSERT INTO concepts (id, subject, definition, note, check_enabled, created, updated)"
                " VALUES (?, ?, ?, ?, 1, ?, ?)",
                ((i, c.subject, c.definition, c.note, now, now) for i, c in enumerate(concepts, start=1)),
            )
            rows = [
                (i, t.lang, t.text, key, t.status.value, t.pos)
                for i, (c, ks) in enumerate(zip(concepts, keys, strict=True), start=1)
                for t, key in zip(c.terms, ks, strict=True)
            ]
            conn.execute(
                "INSERT INTO terms (concept_id, lang, text, key, status, pos)"
                " SELECT value->>0, value->>1, value->>2, value->>3, value->>4, value->>5 FROM json_each(?)",
                (json.dumps(rows, ensure_ascii=False),),
            )
        return normalized, time.perf_counter() - start


def latency_ms(fn: object, queries: list[str]) -> tuple[float, float]:
    """Median and p99 in milliseconds of ``fn(query)`` over ``queries``."""
    times = []
    for query in queries:
        start = time.perf_counter()
        fn(query)  # type: ignore[operator]
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(len(times) * 0.99))]


def main(n: int = 100_000) -> None:
    """Run the benchmark and print the numbers."""
    concepts = generate(n)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        normalized, base = baseline(concepts, folder / "baseline.db")
        export_file(concepts, folder / "glossary.json")
        with Glossary.open(folder / "import.db") as glossary:
            start = time.perf_counter()
            parsed = read_file(folder / "glossary.json")
            parse = time.perf_counter() - start
            report = import_concepts(glossary, parsed, source="glossary.json")
            total = time.perf_counter() - start
            start = time.perf_counter()
            gc.collect()  # the collection the import deferred (it pauses the collector)
            collect = time.perf_counter() - start
            assert report.added == n, report.summary()
            terms = sum(len(c.terms) for c in concepts)
            print(f"concepts: {n} ({terms} terms)")
            print(f"floor: normalize_key on every term {normalized:.2f} s + raw SQL {base:.2f} s")
            steps = f"JSON parse {parse:.2f} s + import {total - parse:.2f} s"
            print(f"import ({steps}): {total:.2f} s (goal < 5 s)")
            print(f"ratio import / floor: {total / (normalized + base):.1f}x")
            print(f"garbage collection deferred by the import: {collect:.2f} s")
            print(f"write lock held: {report.locked_seconds:.2f} s (normalization is done before locking)")
            rng = random.Random(1)
            sample = rng.sample(concepts, 200)
            med, p99 = latency_ms(glossary.lookup, [c.thai[0].text for c in sample])
            print(f"lookup (exact key): median {med:.3f} ms, p99 {p99:.3f} ms (goal p99 < 1 ms)")
            med, p99 = latency_ms(lambda q: search(glossary, q), [c.thai[0].text[2:6] for c in sample[:50]])
            print(f"search Thai substring (4 letters): median {med:.1f} ms, p99 {p99:.1f} ms")
            med, p99 = latency_ms(
                lambda q: search(glossary, q), [f"{c.english[0].text.split()[0][:4]}" for c in sample[:50]]
            )
            print(f"search English word prefix (limit 200): median {med:.1f} ms, p99 {p99:.1f} ms")
            med, p99 = latency_ms(lambda q: search(glossary, q), [c.english[0].text for c in sample[:50]])
            print(f"search English full term: median {med:.1f} ms, p99 {p99:.1f} ms")
            med, p99 = latency_ms(lambda q: search(glossary, q), [c.thai[0].text[:2] for c in sample[:50]])
            print(f"search Thai 2 letters (too short for trigrams): median {med:.1f} ms, p99 {p99:.1f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
