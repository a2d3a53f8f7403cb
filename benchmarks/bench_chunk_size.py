"""Benchmark: the translation chunk size (sentences per engine call) on the full-size random model.

    uv run python benchmarks/bench_chunk_size.py [--sentences 64] [--rounds 3] [--sizes 8,16,32,64]

The model is bench_translation's full-size random-weight Transformer (Argos 1.9 shape, int8, cached under
.bench/), every sentence forced to 25 output tokens so each chunk size does the same work. Sizes are timed
in interleaved rounds (4, 8, 16, … then again) and the best round of each is kept, since other processes
share these cores; ratios are to chunk_size 16 (the default before this measurement) in the same run, in
wall and in CPU time (threads=1: CPU time is what a loaded machine disturbs least). Each size runs both
ways the engine batches (``MODES``). Prints numbers; asserts nothing.
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
#: Both ways the engine batches: the reader's ramp (4, 8, then windows by length) and the command line's
#: ``ramp=False`` (everything it is given batched by length at once).
MODES = {True: "ramp (reader)", False: "ramp=False (command line)"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=64, help="how many sentences per timing")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds; the best is kept")
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="chunk sizes, comma-separated")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    if BASELINE not in sizes:
        sizes.insert(0, BASELINE)
    model = read_package(full_size_package())
    sentences = [s for p in load_article(SEED).paragraphs * 20 for s in split_sentences(p)][: args.sentences]
    engines = {}
    for size in sizes:
        engine = LocalEngine(model, dataclasses.replace(EngineSettings(), chunk_size=size), FORCED)
        engine.load()
        engines[size] = engine
    runs = [(size, ramp) for size in sizes for ramp in MODES]
    best = {run: (float("inf"), float("inf")) for run in runs}
    for round_number in range(1, args.rounds + 1):
        for size, ramp in runs:
            start, cpu = time.perf_counter(), time.process_time()
            list(engines[size].translate(sentences, ramp=ramp))
            wall, cpu = time.perf_counter() - start, time.process_time() - cpu
            best[size, ramp] = (min(best[size, ramp][0], wall), min(best[size, ramp][1], cpu))
            print(f"  round {round_number}, {MODES[ramp]}, chunk_size {size}: {wall:.2f} s, cpu {cpu:.2f} s")
    n = len(sentences)
    print(f"chunk size, full-size random model, beam 4, threads=1, {n} sentences, best of {args.rounds}")
    print(f"{'mode':<26}{'chunk_size':>10} {'ms/sentence':>12} {'vs 16':>7} {'cpu ms/sent':>12} {'vs 16':>7}")
    for size, ramp in runs:
        (wall, cpu), (base_wall, base_cpu) = best[size, ramp], best[BASELINE, ramp]
        print(
            f"{MODES[ramp]:<26}{size:>10} {1000 * wall / n:>12.1f} {base_wall / wall:>6.2f}x"
            f" {1000 * cpu / n:>12.1f} {base_cpu / cpu:>6.2f}x"
        )


if __name__ == "__main__":
    main()
