"""Benchmark: the terminology check's precision/recall on the labelled set, and its throughput.

The baseline, measured in the same run, is the naive check CAT tools start from: a Thai term fires when it
is a substring of the paragraph (no longest match), an English term counts when it occurs as a
case-insensitive whole-word regex (no plurals, hyphen or spelling variants). Run with
`uv run python benchmarks/bench_terminology.py`. Prints numbers; asserts nothing.
"""

from __future__ import annotations

import os
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

os.environ.setdefault("PYTHAINLP_OFFLINE", "1")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from bilingual_reader import paths  # noqa: E402
from bilingual_reader.documents.articles import list_articles, load_article  # noqa: E402
from bilingual_reader.glossary.models import Concept  # noqa: E402
from bilingual_reader.glossary.source import read_tsv  # noqa: E402
from bilingual_reader.qa.check import TermChecker  # noqa: E402
from bilingual_reader.thai.text import normalize_key  # noqa: E402
from qa.labelled import Case, Label, load, run, score  # noqa: E402

PARAGRAPHS = 10_000
REPEATS = 3

Check = Callable[[str, str], list[tuple[int | None, str, str, str | None]]]


def naive_checker(concepts: Sequence[Concept]) -> Check:
    """The baseline: every Thai term by substring, every English term by a whole-word regex."""
    rows = []
    for c in concepts:
        good = [t.text for t in c.english if t.status.approved]
        if not c.check_enabled or not good:
            continue
        bad = [t.text for t in c.english if not t.status.approved]
        pattern = [re.compile(rf"\b{re.escape(t)}\b", re.IGNORECASE) for t in good]
        forbidden = [re.compile(rf"\b{re.escape(t)}\b", re.IGNORECASE) for t in bad]
        rows.append((c.id, [normalize_key(t.text) for t in c.thai], pattern, forbidden))

    def check(thai: str, english: str) -> list[tuple[int | None, str, str, str | None]]:
        key = thai.casefold()
        out: list[tuple[int | None, str, str, str | None]] = []
        for concept_id, thai_terms, good, bad in rows:
            for term in thai_terms:
                if (at := key.find(term)) >= 0:
                    term = thai[at : at + len(term)]
                    found = next((m for p in good if (m := p.search(english))), None)
                    wrong = next((m for p in bad if (m := p.search(english))), None)
                    if found:
                        out.append((concept_id, "ok", term, found.group()))
                    elif wrong:
                        out.append((concept_id, "forbidden", term, wrong.group()))
                    else:
                        out.append((concept_id, "missing", term, None))
        return out

    return check


def naive_score(check: Check, cases: Sequence[Case]) -> tuple[float, float]:
    """Precision and recall of the baseline on the labelled set."""
    predicted: Counter[Label] = Counter()
    expected: Counter[Label] = Counter()
    for index, case in enumerate(cases):
        predicted.update((index, *found) for found in check(case.thai, case.english))
        expected.update((index, *e) for e in case.expected)
    result = score(predicted, expected)
    return result.precision, result.recall


def workload(cases: Sequence[Case]) -> list[tuple[str, str]]:
    """Labelled pairs plus the shipped articles' paragraphs (with empty English), to PARAGRAPHS pairs."""
    pairs = [(c.thai, c.english) for c in cases]
    pairs += [(p, "") for path in list_articles() for p in load_article(path).paragraphs]
    return (pairs * (PARAGRAPHS // len(pairs) + 1))[:PARAGRAPHS]


def rate(label: str, check: Callable[[str, str], object], pairs: Sequence[tuple[str, str]]) -> float:
    """Best-of-REPEATS paragraphs per second."""
    best = float("inf")
    for _ in range(REPEATS):
        start = time.perf_counter()
        for thai, english in pairs:
            check(thai, english)
        best = min(best, time.perf_counter() - start)
    per_second = len(pairs) / best
    print(f"  {label:<42} {per_second:>10,.0f} paragraphs/s")
    return per_second


def _bound(checker: TermChecker) -> Callable[[str, str], object]:
    """The checker as a function of one (Thai, English) pair."""
    return lambda thai, english: checker.check(0, thai, english)


def before_score(concepts: Sequence[Concept], cases: Sequence[Case]) -> tuple[float, float]:
    """The check as it was before dictionary inflection and the deprecated status: suffix plurals only,
    and a deprecated term reported as forbidden."""
    predicted, expected = run(TermChecker(concepts, inflect=False), cases)
    relabelled: Counter[Label] = Counter()
    for (case, concept, status, thai, english), n in predicted.items():
        relabelled[(case, concept, "forbidden" if status == "deprecated" else status, thai, english)] += n
    result = score(relabelled, expected)
    return result.precision, result.recall


def main() -> None:
    """Print quality on the labelled set, then throughput with the fixture and the shipped glossary."""
    concepts, cases = load()
    result = score(*run(TermChecker(concepts), cases))
    base_p, base_r = naive_score(naive_checker(concepts), cases)
    before_p, before_r = before_score(concepts, cases)
    print(f"labelled set: {len(cases)} cases, {result.expected} expected findings")
    print(f"  check:    precision {result.precision:.3f}  recall {result.recall:.3f}")
    print(f"  before inflection and the deprecated status: precision {before_p:.3f}  recall {before_r:.3f}")
    print(f"  baseline: precision {base_p:.3f}  recall {base_r:.3f}")
    tsv = paths.shipped("glossary.tsv")
    shipped = read_tsv(tsv) if tsv.is_file() else []
    pairs = workload(cases)
    chars = sum(len(t) + len(e) for t, e in pairs)
    print(f"throughput: {len(pairs):,} paragraphs ({chars:,} characters), best of {REPEATS}")
    for name, glossary in (("fixture", concepts), ("shipped + fixture", [*shipped, *concepts])):
        start = time.perf_counter()
        checker = TermChecker(glossary)
        built = time.perf_counter() - start
        print(f" {name} glossary: {len(glossary)} concepts (checker built in {built * 1000:.1f} ms)")
        ours = rate("check (longest match, word forms)", _bound(checker), pairs)
        naive = rate("baseline (substring + regex)", naive_checker(glossary), pairs)
        print(f"  speed vs baseline: {ours / naive:.2f}x")


if __name__ == "__main__":
    main()
