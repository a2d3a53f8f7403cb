"""Benchmark: issue 12's quality bars. Candidate recall on the labelled list (glossary terms removed from a
copy of the glossary), on its tune half (every other term: the one ranking changes are judged on), its
held-out half and the whole; and the time of a handout of the sample article and of a class pack of the
shipped articles (created and opened), each as a ratio to segmenting the same articles in the same run (a
cold process per measurement: the first handout pays for loading the pronunciation and dictionary data).

Run with `make bench` or `uv run python benchmarks/bench_teaching.py`. Prints numbers; asserts nothing.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("PYTHAINLP_OFFLINE", "1")

ROOT = Path(__file__).resolve().parent.parent
LABELLED = ROOT / "tests" / "fixtures" / "teaching" / "candidate_terms.txt"
SAMPLE = ROOT / "articles" / "01-nato-stoltenberg-visits-seoul-and-tokyo.txt"
ARTICLES = sorted((ROOT / "articles").glob("*.txt"))


CPU: dict[str, float] = {}  # command label -> CPU seconds of its process (user + system)


def _cli(*args: str, home: Path) -> float:
    """Seconds for one `bilingual-reader` command in a fresh process (the process start included); its CPU
    time goes into ``CPU`` (a loaded machine stretches wall time, not CPU time)."""
    env = {**os.environ, "BILINGUAL_READER_DATA_DIR": str(home), "BILINGUAL_READER_CONFIG_DIR": str(home)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "bilingual_reader", *args], check=True, env=env, capture_output=True
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    label = " ".join(a for a in args[:2] if not a.startswith("/"))
    CPU[label] = CPU.get(label, 0.0) + (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall


def recall() -> None:
    import sqlite3

    from bilingual_reader.documents.articles import load_article
    from bilingual_reader.glossary.store import Glossary
    from bilingual_reader.teaching.candidates import candidates
    from bilingual_reader.thai.text import normalize_key

    labelled = [t for t in LABELLED.read_text(encoding="utf-8").splitlines() if t and not t.startswith("#")]
    copy = sqlite3.connect(":memory:")
    with Glossary.open(ROOT / "glossary.db", read_only=True) as shipped:
        shipped.conn.backup(copy)
    copy.execute("PRAGMA foreign_keys = ON")
    glossary = Glossary(copy, None, False)
    for concept in glossary.concepts():
        if concept.id is not None and any(normalize_key(t.text) in set(labelled) for t in concept.thai):
            glossary.delete(concept.id)
    started = time.perf_counter()
    found = candidates([load_article(p).paragraphs for p in ARTICLES], glossary, limit=None)
    seconds = time.perf_counter() - started
    rank = {c.thai: i for i, c in enumerate(found)}
    parts = {"tune": labelled[0::2], "held-out": labelled[1::2], "all": labelled}
    for top in (20, 50, 100):
        said = []
        for part, terms in parts.items():
            hits = sum(rank.get(term, top) < top for term in terms)
            said.append(f"{part} {hits}/{len(terms)} = {hits / len(terms):.3f}")
        print(f"candidates recall@{top}: " + "; ".join(said))
    for part, terms in list(parts.items())[:2]:
        missed = [
            f"{term} ({rank[term] + 1 if term in rank else '-'})"
            for term in terms
            if rank.get(term, 50) >= 50
        ]
        print(f"missed in the top 50 ({part}, rank): {' '.join(missed)}")
    print(f"candidates over the 3 articles: {len(found)} in {seconds:.2f} s")


def timings() -> None:
    load = os.getloadavg()
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        segment = _cli("segment", str(SAMPLE), home=home / "h0")
        handout = _cli("handout", str(SAMPLE), "-o", str(home / "h.html"), home=home / "h1")
        segment_all = sum(_cli("segment", str(p), home=home / "h2") for p in ARTICLES)
        pack = home / "class.brpack"
        create = _cli("pack", "create", *map(str, ARTICLES), "-o", str(pack), home=home / "teacher")
        opened = _cli("pack", "open", str(pack), home=home / "student")
    print(f"load average at the start: {' '.join(f'{x:.1f}' for x in load)}; at the end: "
          f"{' '.join(f'{x:.1f}' for x in os.getloadavg())} (2 cores)")  # fmt: skip
    print(f"baseline: segment the sample article {segment:.2f} s; the 3 articles {segment_all:.2f} s")
    print(
        f"handout of the sample article: {handout:.2f} s = {handout / segment:.2f}x segmenting it "
        "(goal < 2 s)"
    )
    print(f"pack create + open of 3 articles: {create:.2f} + {opened:.2f} s = "
          f"{(create + opened) / segment_all:.2f}x segmenting them (goal < 5 s)")  # fmt: skip
    print("CPU seconds per command: " + ", ".join(f"{label} {cpu:.2f}" for label, cpu in CPU.items()))


if __name__ == "__main__":
    recall()
    timings()
