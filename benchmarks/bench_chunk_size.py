"""Benchmark: the translation chunk size (sentences per engine call) on the full-size random model.

    uv run python benchmarks/bench_chunk_size.py [--sentences 64] [--rounds 3]

The model is bench_translation's full-size random-weight Transformer (Argos 1.9 shape, int8, cached under
.bench/), every sentence forced to 25 output tokens so each chunk size does the same work. Sizes are timed
in interleaved rounds (4, 8, 16, … then again) and the best round of each is kept, since other processes
share these cores; ratios are to chunk_size 16 (the default before this measurement) in the same run. The
engine's chunks ramp up 4, 8, … to the chunk size, as in real use. Prints numbers; asserts nothing.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_translation import FORCED, SEED, full_size_package  # noqa: E402

from bilingual_reader.documents.articles import load_article  # noqa: E402
from bilingual_reader.translation.engines.local import LocalEngine  # noqa: E402
from bilingual_reader.translation.packages import read_package  # noqa: E402
from bilingual_reader.translation.sentences import split_sentences  # noqa: E402
from bilingual_reader.translation.settings import EngineSettings  # noqa: E402

SIZES = (4, 8, 16, 32, 64)
BASELINE = 16


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=64, help="how many sentences per timing")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds; the best is kept")
    args = parser.parse_args()
    model = read_package(full_size_package())
    sentences = [s for p in load_article(SEED).paragraphs * 20 for s in split_sentences(p)][: args.sentences]
    engines = {}
    for size in SIZES:
        engine = LocalEngine(model, dataclasses.replace(EngineSettings(), chunk_size=size), FORCED)
        engine.load()
        engines[size] = engine
    best = dict.fromkeys(SIZES, float("inf"))
    for round_number in range(1, args.rounds + 1):
        for size in SIZES:
            start = time.perf_counter()
            list(engines[size].translate(sentences))
            seconds = time.perf_counter() - start
            best[size] = min(best[size], seconds)
            print(f"  round {round_number}, chunk_size {size}: {seconds:.2f} s", flush=True)
    n = len(sentences)
    print(f"chunk size, full-size random model, beam 4, threads=1, {n} sentences, best of {args.rounds}")
    print(f"{'chunk_size':>10} {'ms/sentence':>12} {'vs 16':>7}")
    for size in SIZES:
        print(f"{size:>10} {1000 * best[size] / n:>12.1f} {best[BASELINE] / best[size]:>6.2f}x")


if __name__ == "__main__":
    main()
