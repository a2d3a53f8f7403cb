"""Benchmark: the terminology check on one ever longer paragraph, 20k to 2M characters.

A single 2 MB paragraph made `check` run for minutes (the overlap resolution compared every hit with every
kept hit). The paragraph is the shipped articles' text joined into one line and repeated, its English the
glossary's preferred terms in the same order; each size is timed against the smallest, measured in the same
run: linear work shows a time ratio close to the size ratio. Run with
`uv run python benchmarks/bench_check_growth.py`. Prints numbers; asserts nothing.
"""

from __future__ import annotations

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
    print(f"{'characters':>12} {'seconds':>9} {'findings':>9} {'size x':>7} {'time x':>7}")
    base: float | None = None
    for size in SIZES:
        paragraph = one_paragraph(size, thai)
        english = one_paragraph(size, english_unit)
        started = time.perf_counter()
        findings = list(checker.check_all([paragraph], [english]))
        seconds = time.perf_counter() - started
        base = base or seconds
        print(
            f"{size:>12,} {seconds:>9.2f} {len(findings):>9,} {size / SIZES[0]:>7.0f} {seconds / base:>7.1f}"
        )


if __name__ == "__main__":
    main()
