"""Benchmark: how the translation pipeline grows with the article, 2.5k → 20k paragraphs (issue 15 §2).

An instant fake engine, so what is timed is the pipeline itself: sentence bookkeeping, the memory (one
commit per sentence, as in real use) and the article id. Each size runs cold (empty memory: every sentence
goes through the engine and is stored) and warm (everything in the memory, as on reopening). Linear work
shows as a time ratio equal to the size ratio (×2, ×4, ×8); the old pipeline's rescans showed ×3, ×10,
×34 for cold runs. Paragraphs are short (one sentence each, no crfcut) so the splitter does not hide the
pipeline. Run with `uv run python benchmarks/bench_pipeline.py`. Prints numbers; asserts nothing.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

os.environ.setdefault("PYTHAINLP_OFFLINE", "1")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from bilingual_reader.documents.articles import article_from_text  # noqa: E402
from bilingual_reader.translation.engines.base import Hypothesis, SentenceTranslation  # noqa: E402
from bilingual_reader.translation.memory import TranslationMemory  # noqa: E402
from bilingual_reader.translation.pipeline import translate_article  # noqa: E402

SIZES = (2_500, 5_000, 10_000, 20_000)
WORDS = ("กองทัพบก", "จัดซื้อ", "ปืนใหญ่", "อัตตาจร", "ทหาร", "สวม", "เสื้อเกราะ", "เรือดำน้ำ", "โดรน")


class InstantEngine:
    """Translates every sentence at once to a fixed English text."""

    model_key = "instant@1"
    settings_key = "bench"

    def translate(self, sentences: Sequence[str]) -> Iterator[SentenceTranslation]:
        for sentence in sentences:
            yield SentenceTranslation(sentence, "English.", (Hypothesis("English.", -0.1),))


def paragraphs(count: int) -> list[str]:
    """``count`` distinct short Thai paragraphs."""
    return [f"{WORDS[n % len(WORDS)]}{WORDS[(n // 9) % len(WORDS)]} ลำดับที่ {n}" for n in range(count)]


def timed_run(count: int, memory_file: Path) -> tuple[float, float]:
    """CPU seconds for a cold and then a warm translation of a ``count``-paragraph article."""
    article = article_from_text("\n".join(paragraphs(count)), title="bench")
    with TranslationMemory(memory_file) as memory:
        start = time.process_time()
        cold = sum(1 for _ in translate_article(article, engine=InstantEngine(), memory=memory))
        middle = time.process_time()
        warm = sum(1 for _ in translate_article(article, engine=InstantEngine(), memory=memory))
        end = time.process_time()
    assert cold == warm == count
    return middle - start, end - middle


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        results = {n: timed_run(n, Path(folder) / f"memory-{n}.db") for n in SIZES}
    base = SIZES[0]
    cold0, warm0 = results[base]
    print(f"pipeline growth with an instant engine (ratios to {base:,} paragraphs in this run)")
    print(f"{'paragraphs':>10} {'size':>5} {'cold cpu s':>10} {'ratio':>6} {'warm cpu s':>10} {'ratio':>6}")
    for n in SIZES:
        cold, warm = results[n]
        growth = f"{cold:>10.2f} {cold / cold0:>5.1f}x {warm:>10.2f} {warm / warm0:>5.1f}x"
        print(f"{n:>10,} {n / base:>4.0f}x {growth}")


if __name__ == "__main__":
    main()
