"""Benchmark: the QA kinds beyond terms (numbers, dates, text, units, consistency, form, checklist).

1. Precision and recall per kind on the labelled set (tests/qa/rule_cases.py).
2. What the Thai-aware rules add over a naive baseline measured in the same run: digits-only string
   comparison (every ASCII digit run of the Thai must occur in the English, every English digit run in the
   Thai), scored per case on the numbers and dates cases (a case is positive when it expects a finding).
3. Throughput: the full QA (terms + every kind + the shipped checklist) on the three shipped articles
   ×100 against the term check alone, as a ratio (goal ≤ 3).

Run with `uv run python benchmarks/bench_qa_rules.py`. Prints numbers; asserts nothing.
"""

from __future__ import annotations

import os
import re
import sys
import time
from pathlib import Path

os.environ.setdefault("PYTHAINLP_OFFLINE", "1")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from bilingual_reader.glossary.store import Glossary  # noqa: E402
from bilingual_reader.qa.check import TermChecker  # noqa: E402
from bilingual_reader.qa.rules.checklist import SHIPPED, load_checklist  # noqa: E402
from bilingual_reader.qa.rules.model import KINDS  # noqa: E402
from bilingual_reader.qa.rules.run import check_document  # noqa: E402
from qa.rule_cases import CASES, Case  # noqa: E402
from qa.rule_scoring import CODES, predict, score  # noqa: E402

REPEATS = 100
ARTICLES = sorted((ROOT / "articles").glob("*.txt"))
ENGLISH = ROOT / "tests" / "fixtures" / "qa" / "01-nato.en.txt"


def _naive_flags(thai: str, english: str) -> bool:
    source, target = re.findall(r"\d+", thai.replace(",", "")), re.findall(r"\d+", english.replace(",", ""))
    return sorted(source) != sorted(target)


def _case_level(cases: list[Case]) -> None:
    kinds = {"numbers", "dates"}
    chosen = [c for c in cases if c[0] in kinds and isinstance(c[1], str)]
    for name, flags in (
        ("naive digits", lambda c: _naive_flags(str(c[1]), str(c[2]))),
        ("thai-aware rules", lambda c: any(CODES.get(f.code) in kinds for f in predict(c))),
    ):
        tp = fp = fn = 0
        for case in chosen:
            expected = any(CODES.get(item.split(":", 1)[0]) in kinds for item in case[3])
            got = flags(case)
            tp += expected and got
            fp += got and not expected
            fn += expected and not got
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        print(f"  {name:<17} precision {precision:.3f}  recall {recall:.3f}  ({len(chosen)} cases)")


def _paragraphs() -> tuple[list[str], list[str]]:
    thai = [line for path in ARTICLES for line in path.read_text("utf-8").splitlines() if line.strip()]
    english = [line for line in ENGLISH.read_text("utf-8").splitlines() if line.strip()]
    aligned = [english[i % len(english)] for i in range(len(thai))]
    return thai * REPEATS, aligned * REPEATS


def main() -> None:
    """Print the scores, the baseline comparison and the throughput ratio."""
    scores, _ = score(CASES)
    print(f"QA rules on {len(CASES)} labelled cases:")
    for kind in KINDS:
        s = scores[kind]
        counts = f"(tp {s.tp}, fp {s.fp}, fn {s.fn})"
        print(f"  {kind.value:<12} precision {s.precision:.3f}  recall {s.recall:.3f}  {counts}")
    print("numbers and dates, per case, against the naive baseline:")
    _case_level(CASES)

    thai, english = _paragraphs()
    with Glossary.open(ROOT / "glossary.db", read_only=True) as glossary:
        checker = TermChecker(glossary.concepts())
    rules = load_checklist(SHIPPED)
    start = time.perf_counter()
    terms = list(checker.check_all(thai, english))
    term_time = time.perf_counter() - start
    start = time.perf_counter()
    terms = list(checker.check_all(thai, english))
    findings = check_document(thai, list(english), KINDS, rules, terms)
    full_time = time.perf_counter() - start
    print(
        f"throughput on {len(thai)} paragraphs (3 articles ×{REPEATS}): term check {term_time:.2f} s, "
        f"full QA {full_time:.2f} s, ratio {full_time / term_time:.2f} (goal ≤ 3); {len(findings)} findings"
    )


if __name__ == "__main__":
    main()
