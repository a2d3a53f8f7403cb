"""Benchmark: Segmenter (nlpo3 newmm) against pythainlp newmm + Trie on ~1 MB of Thai, 10k-term glossary.

Run with `make bench` or `uv run python benchmarks/bench_segmentation.py`. Prints numbers; asserts nothing.
"""

from __future__ import annotations

import os
import random
import re
import time
from collections.abc import Callable

os.environ.setdefault("PYTHAINLP_OFFLINE", "1")

from pythainlp.corpus import thai_words
from pythainlp.tokenize import word_tokenize
from pythainlp.util import Trie

from bilingual_reader import paths
from bilingual_reader.documents.articles import list_articles, load_article
from bilingual_reader.thai.segmenter import Segmenter

TARGET_CHARS = 1_000_000
GLOSSARY_SIZE = 10_000
REPEATS = 3
FALLBACK = "ส่งรถถังหนักและปืนใหญ่อัตตาจรให้ยูเครน ประธานาธิบดีเกาหลีใต้Yoon Suk-yeolหารือเรื่องระบบขีปนาวุธ"


def corpus() -> list[str]:
    """The shipped articles' paragraphs, repeated to about TARGET_CHARS characters."""
    base = [p for path in list_articles() for p in load_article(path).paragraphs] or [FALLBACK]
    size = sum(len(p) for p in base)
    return base * max(1, round(TARGET_CHARS / size))


def glossary_terms() -> set[str]:
    """Real Thai terms from glossary.tsv (if present) plus compounds of two dictionary words, 10k in all."""
    terms: set[str] = set()
    tsv = paths.shipped("glossary.tsv")
    if tsv.exists():  # TODO: use glossary.source.read_tsv once it exists
        rows = [ln.split("\t") for ln in tsv.read_text(encoding="utf-8").splitlines()]
        rows = [r for r in rows if r and r[0] and not r[0].startswith("#")]
        column = rows[0].index("thai") if "thai" in rows[0] else -1
        for row in rows[1:] if column >= 0 else []:
            for term in row[column].split(" ; ") if len(row) > column else []:
                term = re.sub(r"\s*\[[a-z]+\]\s*$", "", term).strip()
                if term:
                    terms.add(term)
    words = sorted(w for w in thai_words() if " " not in w and 2 <= len(w) <= 8)
    rng = random.Random(20261128)
    while len(terms) < GLOSSARY_SIZE:
        terms.add(rng.choice(words) + rng.choice(words))
    return terms


def best_of(count: Callable[[str], int], paragraphs: list[str]) -> tuple[float, int]:
    """The best time of REPEATS runs over all paragraphs (the machine may be shared), and the token count."""
    times, tokens = [], 0
    for _ in range(REPEATS):
        start = time.perf_counter()
        tokens = sum(count(p) for p in paragraphs)
        times.append(time.perf_counter() - start)
    return min(times), tokens


def rate(chars: int, seconds: float) -> str:
    """Characters per second, formatted."""
    return f"{chars / seconds / 1e6:6.2f} M chars/s ({seconds:.2f} s)"


def main() -> None:
    paragraphs = corpus()
    chars = sum(len(p) for p in paragraphs)
    terms = glossary_terms()
    print(f"text: {chars:,} chars in {len(paragraphs):,} paragraphs; glossary: {len(terms):,} terms")

    start = time.perf_counter()
    segmenter = Segmenter(terms)
    print(f"Segmenter build (nlpo3 dict):         {time.perf_counter() - start:.2f} s")
    start = time.perf_counter()
    trie = Trie(set(thai_words()) | segmenter.terms)
    print(f"baseline build (pythainlp Trie):      {time.perf_counter() - start:.2f} s")

    ours, ours_tokens = best_of(lambda p: len(segmenter.tokenize(p)), paragraphs)
    base, base_tokens = best_of(lambda p: len(word_tokenize(p, engine="newmm", custom_dict=trie)), paragraphs)

    print(f"Segmenter.tokenize (nlpo3 + Tokens):  {rate(chars, ours)}  {ours_tokens:,} tokens")
    print(f"pythainlp newmm + Trie (baseline):    {rate(chars, base)}  {base_tokens:,} tokens")
    print(f"ratio: {base / ours:.1f}x faster than the baseline (best of {REPEATS} runs each)")


if __name__ == "__main__":
    main()
