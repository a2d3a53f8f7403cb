"""Benchmark: accuracy on the labelled segmentation set before and after the names and loanwords of
``thai.names``, then Segmenter (nlpo3 newmm) against pythainlp newmm + Trie on ~1 MB of Thai, 10k terms.

Before: newmm over pythainlp's words and the glossary terms (the segmenter until issue 8 §7). After: the
segmenter (plus our extra words, names after a title, joined syllable fragments, glossary terms kept whole,
rare-word pairs split by TNC frequency, syllable names joined by Wikipedia titles). The "held out" group was
written after those repairs and is not in "all".

Run with `make bench` or `uv run python benchmarks/bench_segmentation.py`. Prints numbers; asserts nothing.
"""

from __future__ import annotations

import os
import random
import re
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path

os.environ.setdefault("PYTHAINLP_OFFLINE", "1")

from pythainlp.corpus import thai_words
from pythainlp.tokenize import word_tokenize
from pythainlp.util import Trie

from bilingual_reader import paths
from bilingual_reader.documents.articles import list_articles, load_article
from bilingual_reader.glossary.source import read_tsv
from bilingual_reader.thai.corpora import WORDS_FILE, corpus_file
from bilingual_reader.thai.segmenter import Segmenter, _regroup

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from thai.segmentation_cases import CASES, HELD_OUT

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


def best_of(count: Callable[[str], int], paragraphs: list[str]) -> tuple[float, float, int]:
    """The best wall and CPU times of REPEATS runs over all paragraphs (the machine may be shared: CPU time
    is what other processes disturb least), and the token count."""
    walls, cpus, tokens = [], [], 0
    for _ in range(REPEATS):
        start, cpu = time.perf_counter(), time.process_time()
        tokens = sum(count(p) for p in paragraphs)
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    return min(walls), min(cpus), tokens


def rate(chars: int, seconds: float, cpu: float) -> str:
    """Characters per second, formatted, with the CPU time."""
    return f"{chars / seconds / 1e6:6.2f} M chars/s ({seconds:.2f} s, cpu {cpu:.2f} s)"


def _spans(tokens: Iterable[str]) -> set[tuple[int, int]]:
    """The (start, end) of each token."""
    spans, pos = set(), 0
    for token in tokens:
        spans.add((pos, pos + len(token)))
        pos += len(token)
    return spans


def before_segmenter(terms: set[str]) -> Callable[[str], list[str]]:
    """The segmenter as it was: newmm over pythainlp's words ∪ the glossary terms, nothing joined after."""
    import nlpo3

    words = corpus_file(WORDS_FILE).read_text(encoding="utf-8-sig")
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt", delete=False) as handle:
        handle.write(words.rstrip("\n") + "\n" + "\n".join(sorted(terms)) + "\n")
    nlpo3.load_dict(handle.name, "bench-before")
    os.unlink(handle.name)
    return lambda text: _regroup(nlpo3.segment(text, "bench-before"))


def labelled_accuracy() -> None:
    """Exact-match token accuracy (token recall/precision by span, whole sentences) per group, before and
    after, and how many glossary-term occurrences stay inside one token."""
    terms = {t.text for c in read_tsv(paths.shipped("glossary.tsv")) for t in c.thai}
    after = Segmenter(terms)
    ways: dict[str, Callable[[str], list[str]]] = {
        "before": before_segmenter(terms),
        "after": lambda t: [x.text for x in after.tokenize(t)],
    }
    print(f"labelled set: {len(CASES)} sentences (tests/thai/segmentation_cases.py)")
    cases = [*CASES, *(("held out", tokens) for tokens in HELD_OUT)]
    groups = [*sorted({g for g, _ in cases}), "all (held out aside)"]
    for name, segment in ways.items():
        print(f" {name}:")
        for group in groups:
            hits, expected_n, predicted_n, exact, count = 0, 0, 0, 0, 0
            whole, occurrences = 0, 0
            for g, tokens in cases:
                if group != g and not (group.startswith("all") and g != "held out"):
                    continue
                expected = tokens.split("|")
                text = "".join(expected)
                predicted = segment(text)
                want, got = _spans(expected), _spans(predicted)
                hits += len(want & got)
                expected_n += len(want)
                predicted_n += len(got)
                exact += predicted == expected
                count += 1
                for term in terms:
                    if term in text:
                        occurrences += 1
                        whole += any(term in token for token in predicted)
            print(
                f"  {group:<16} tokens: recall {hits / expected_n:.3f} precision {hits / predicted_n:.3f}  "
                f"sentences exact {exact}/{count}  glossary terms whole {whole}/{occurrences}"
            )


def main() -> None:
    labelled_accuracy()
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

    ours, ours_cpu, ours_tokens = best_of(lambda p: len(segmenter.tokenize(p)), paragraphs)
    base, base_cpu, base_tokens = best_of(
        lambda p: len(word_tokenize(p, engine="newmm", custom_dict=trie)), paragraphs
    )

    print(f"Segmenter.tokenize (nlpo3 + Tokens):  {rate(chars, ours, ours_cpu)}  {ours_tokens:,} tokens")
    print(f"pythainlp newmm + Trie (baseline):    {rate(chars, base, base_cpu)}  {base_tokens:,} tokens")
    print(
        f"ratio: {base / ours:.1f}x faster than the baseline in wall time,"
        f" {base_cpu / ours_cpu:.1f}x in CPU time (best of {REPEATS} runs each)"
    )


if __name__ == "__main__":
    main()
