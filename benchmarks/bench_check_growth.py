"""Benchmark: the terminology check on one ever longer paragraph, 20k to 2M characters.

A single 2 MB paragraph made `check` run for minutes (the overlap resolution compared every hit with every
kept hit). The paragraph is the shipped articles' text joined into one line and repeated, its English the
glossary's preferred terms in the same order. Each size is timed in CPU seconds of this process (so other
work on the machine counts less) against the smallest and against the size before it, in the same run:
linear work shows a time ratio close to the size ratio (n log n: 1.47 times the size ratio from 20k to 2M
characters). The 2M run is then repeated with the garbage collector off, which shows how much of what is
above linear is the collector walking the objects one paragraph makes. Run with
`uv run python benchmarks/bench_check_growth.py`. Prints numbers; asserts nothing.
"""

from __future__ import annotations

import gc
import math
import os
import time

os.environ.setdefault("PYTHAINLP_OFFLINE", "1")

from bilingual_reader import paths
from bilingual_reader.documents.articles import list_articles, load_article
from bilingual_reader.glossary.store import Glossary
from bilingual_reader.qa.check import TermChecker

SIZES = (20_000, 200_000, 2_000_000)


def one_paragraph(size: int, thai: str) -> str:
    """``thai`` repeated to exactly ``size`` characters, as one line."""
    return (thai * (size // len(thai) + 1))[:size]


def main() -> None:
    with Glossary.open(paths.shipped("glossary.db"), read_only=True) as glossary:
        concepts = glossary.concepts()
    checker = TermChecker(concepts)
    thai = " ".join(p for path in list_articles() for p in load_article(path).paragraphs)
    english_terms = [c.english[0].text for c in concepts if c.english]
    english_unit = " and ".join(english_terms) + ". "
    print(f"glossary: {len(concepts)} concepts; paragraph source: {len(thai):,} characters of Thai")
    print(f"{'characters':>12} {'cpu s':>8} {'findings':>9} {'size x':>7} {'time x':>7} {'x previous':>11}")
    _timed(checker, one_paragraph(SIZES[0], thai), one_paragraph(SIZES[0], english_unit))  # warm caches
    times: list[float] = []
    for size in SIZES:
        paragraph = one_paragraph(size, thai)
        english = one_paragraph(size, english_unit)
        seconds, found = _timed(checker, paragraph, english)
        previous = seconds / times[-1] if times else 1.0
        times.append(seconds)
        print(
            f"{size:>12,} {seconds:>8.2f} {found:>9,} {size / SIZES[0]:>7.0f} {seconds / times[0]:>7.1f}"
            f" {previous:>11.1f}"
        )
    n_log_n = SIZES[-1] * math.log(SIZES[-1]) / (SIZES[0] * math.log(SIZES[0]))
    print(f"size x{SIZES[-1] // SIZES[0]}: linear would be x{SIZES[-1] // SIZES[0]}, n log n x{n_log_n:.0f}")
    gc.disable()
    try:
        seconds, _ = _timed(checker, paragraph, english)
    finally:
        gc.enable()
    print(f"{SIZES[-1]:,} characters with the garbage collector off: {seconds:.2f} cpu s")


def _timed(checker: TermChecker, paragraph: str, english: str) -> tuple[float, int]:
    """CPU seconds and number of findings of one check of one paragraph."""
    started = time.process_time()
    found = sum(1 for _ in checker.check_all([paragraph], [english]))
    return time.process_time() - started, found


if __name__ == "__main__":
    main()
