"""Benchmark the translation engine against argostranslate's call pattern and raw CTranslate2, in one run.

    uv run python benchmarks/bench_translation.py [--sentences 64] [--skip-tuning]

The model is a full-size random-weight Transformer of the Argos 1.9 shape (6+6 layers, d 512, 8 heads,
FFN 2048, 32k vocabulary, int8), built once and cached under .bench/; ``--shape opus`` times the OPUS-MT
conversion shape instead (Marian dimensions, the same sizes, but separate 32k source and target vocabularies,
untied embeddings, and only the Thai SentencePiece model shipped). Random weights give gibberish, so every
method is forced to produce exactly 25 tokens per sentence (min = max decoding length): the same work for all.
Input: the seed article (articles/01-…) repeated 20 times, split by our Thai sentence splitter; to keep the
run under a few minutes only the first ``--sentences`` sentences are timed (the output says so).

The comparison counts CPU time (every method runs on one thread, ``intra_threads=1``), the best of
``--repeats`` rounds in which the methods take turns, so other processes on the shared cores slow them alike;
the thread sweeps of the tuning part count wall time, as threads are what they compare.
"""

from __future__ import annotations

import argparse
import dataclasses
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))  # model_builder: test and benchmark tooling

import model_builder as builder  # noqa: E402
from bilingual_reader.documents.articles import load_article  # noqa: E402
from bilingual_reader.translation.engines.local import LocalEngine  # noqa: E402
from bilingual_reader.translation.packages import read_package  # noqa: E402
from bilingual_reader.translation.sentences import split_sentences  # noqa: E402
from bilingual_reader.translation.session import STREAM_WINDOW  # noqa: E402
from bilingual_reader.translation.settings import EngineSettings  # noqa: E402

CACHE = ROOT / ".bench"
FORCED = {"min_decoding_length": 25, "max_decoding_length": 25}
SEED = ROOT / "articles" / "01-nato-stoltenberg-visits-seoul-and-tokyo.txt"


def full_size_package(shape: str = "joint") -> Path:
    """The cached full-size random package of ``shape`` (joint or opus; built on first use, ~30 s)."""
    folder = CACHE / ("translate-th_en-random-full" if shape == "joint" else "translate-th_en-random-opus")
    if (folder / "model" / "model.bin").is_file():
        return folder
    work = CACHE / f"build-{shape}"
    work.mkdir(parents=True, exist_ok=True)
    lines = [p for a in sorted((ROOT / "articles").glob("*.txt")) for p in load_article(a).paragraphs]
    sp_model = builder.train_sentencepiece(lines, work / "spm", vocab_size=4000)
    vocab = builder.vocabulary(sp_model)
    vocab += [f"<extra_{i}>" for i in range(32000 - len(vocab))]
    target = None
    if shape == "opus":  # English pieces the shipped Thai model does not know
        target = ["<unk>", "<s>", "</s>"] + [f"\u2581w{i}" if i % 3 else f"p{i}" for i in range(32000 - 3)]
    weights = builder.random_weights(vocab, layers=6, d_model=512, ffn=2048, seed=1, target_vocab=target)
    builder.build_model(
        weights, vocab, work / "ct2", layers=6, heads=8, quantization="int8", target_vocab=target
    )
    return builder.write_package_dir(folder, work / "ct2", sp_model)


def timed(fn: Callable[[], Any], repeats: int = 1) -> float:
    """The best of ``repeats`` wall-clock timings (other processes share these 2 cores)."""
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def best_cpu(methods: dict[str, Callable[[], Any]], repeats: int) -> dict[str, float]:
    """Each method's best CPU seconds over ``repeats`` rounds, the methods taking turns in each round."""
    best = dict.fromkeys(methods, float("inf"))
    for _ in range(repeats):
        for name, method in methods.items():
            start = time.process_time()
            method()
            best[name] = min(best[name], time.process_time() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=48, help="how many sentences to time")
    parser.add_argument("--repeats", type=int, default=3, help="best of this many rounds per measurement")
    parser.add_argument("--skip-tuning", action="store_true", help="skip the thread and chunk-size sweeps")
    parser.add_argument("--shape", choices=["joint", "opus"], default="joint", help="package shape to time")
    parser.add_argument(
        "--windows",
        default="",
        help="also time the command line with these windows (paragraphs, comma-separated; 0: all at once)",
    )
    args = parser.parse_args()

    import ctranslate2
    import sentencepiece

    built = timed(lambda: full_size_package(args.shape))
    model = read_package(full_size_package(args.shape))
    article = load_article(SEED)
    by_paragraph = [split_sentences(p) for p in article.paragraphs * 20]
    every = [s for group in by_paragraph for s in group]
    sentences = every[: args.sentences]
    groups, left = [], len(sentences)
    for group in by_paragraph:
        if left <= 0:
            break
        groups.append(group[:left])
        left -= len(group)
    print(f"model: {model.path} ({model.size_bytes / 1e6:.1f} MB, ready in {built:.1f} s)")
    print(
        f"input: {SEED.name} x20 = {len(every)} sentences; SUBSET timed: first {len(sentences)} "
        f"({len(groups)} paragraphs), 25 output tokens forced per sentence, cpu threads as noted"
    )
    sp = sentencepiece.SentencePieceProcessor(model_file=str(model.path / "sentencepiece.model"))
    tokens = [sp.encode(s, out_type=str) for s in sentences]
    token_groups = [[sp.encode(s, out_type=str) for s in g] for g in groups]

    def translator(threads: int, compute: str = "int8") -> Any:
        return ctranslate2.Translator(
            str(model.path / "model"),
            device="cpu",
            compute_type=compute,
            inter_threads=1,
            intra_threads=threads,
        )

    raw_t = translator(1)

    def argos_pattern(beam: int) -> None:  # argostranslate 1.11: one call per paragraph, 32-token batches
        for group in token_groups:
            raw_t.translate_batch(
                group,
                replace_unknowns=True,
                max_batch_size=32,
                batch_type="tokens",
                beam_size=beam,
                num_hypotheses=1,
                length_penalty=0.2,
                return_scores=True,
                **FORCED,
            )

    def raw(beam: int, batch: int = 0) -> None:
        raw_t.translate_batch(tokens, beam_size=beam, max_batch_size=batch, **FORCED)

    def ours(settings: EngineSettings) -> Callable[[], object]:
        engine = LocalEngine(model, settings, decode_options=FORCED)
        engine.load()
        return lambda: list(engine.translate(sentences))

    def command_line(window: int) -> Callable[[], object]:
        """``translate``'s path: windows of paragraphs (TranslationSession.stream), no first small batches."""
        engine = LocalEngine(model, base, decode_options=FORCED)
        engine.load()
        size = window or len(groups)
        windows = [[s for g in groups[i : i + size] for s in g] for i in range(0, len(groups), size)]
        return lambda: [list(engine.translate(w, ramp=False)) for w in windows]

    n = len(sentences)
    base = EngineSettings()
    r = args.repeats
    cli_row = f"ours, command line, {STREAM_WINDOW} paragraphs"
    windows = {f"  command line, window {w or 'all'}": int(w) for w in args.windows.split(",") if w}
    rows = best_cpu(
        {
            "argos pattern, beam 4": lambda: argos_pattern(4),
            "raw CTranslate2, beam 4": lambda: raw(4),
            "raw, beam 4, max_batch_size=16": lambda: raw(4, 16),
            "ours, beam 4": ours(base),
            cli_row: command_line(STREAM_WINDOW),
            "raw CTranslate2, greedy": lambda: raw(1),
            "ours, greedy (--fast)": ours(base.fast()),
            **{name: command_line(w) for name, w in windows.items()},
        },
        r,
    )
    print(f"\n{'method (intra_threads=1, int8)':38} {'cpu s':>8} {'ms/sent':>8}  (CPU time)")
    for name, seconds in rows.items():
        print(f"{name:38} {seconds:8.2f} {1000 * seconds / n:8.1f}")
    argos, raw4, ours4 = rows["argos pattern, beam 4"], rows["raw CTranslate2, beam 4"], rows["ours, beam 4"]
    greedy_ratio = rows["raw CTranslate2, greedy"] / rows["ours, greedy (--fast)"]
    cli = rows[cli_row]
    print(f"\nours (reader) vs argos pattern at beam 4: {argos / ours4:.2f}x faster")
    print(f"ours (reader) vs raw CTranslate2 at beam 4: {raw4 / ours4:.2f}x its speed")
    print(f"ours (command line) vs argos pattern at beam 4: {argos / cli:.2f}x faster (goal >= 2.5x)")
    print(f"ours (command line) vs raw CTranslate2 at beam 4: {raw4 / cli:.2f}x its speed (goal >= 0.9x)")
    for name in windows:
        print(f"{name.strip()}: {argos / rows[name]:.2f}x the argos pattern, {raw4 / rows[name]:.2f}x raw")
    greedy = rows["ours, greedy (--fast)"]
    print(
        f"ours greedy vs raw greedy: {greedy_ratio:.2f}x; ours greedy vs argos pattern: {argos / greedy:.1f}x"
    )

    if not args.skip_tuning:
        small, sweep = sentences[:4], sentences[:32]
        ns = len(sweep)

        def ours_on(settings: EngineSettings) -> Callable[[], object]:
            engine = LocalEngine(model, settings, decode_options=FORCED)
            engine.load()
            return lambda: list(engine.translate(sweep))

        tiny = ROOT / "tests" / "fixtures" / "argos" / "translate-th_en-test.argosmodel"
        print("\nthe int8 + intra_threads=0 pathology on the tiny test model (45 sentences, one per call):")
        with tempfile.TemporaryDirectory() as tmp:
            with zipfile.ZipFile(tiny) as zf:
                zf.extractall(tmp)
            pkg = Path(tmp) / "translate-th_en-test"
            tsp = sentencepiece.SentencePieceProcessor(model_file=str(pkg / "sentencepiece.model"))
            lines = (
                (ROOT / "scripts" / "train_test_model" / "corpus.tsv")
                .read_text(encoding="utf-8")
                .splitlines()
            )
            thai = [tsp.encode(x.split("\t")[0], out_type=str) for x in lines if x and not x.startswith("#")]
            for threads in (0, 1):
                t = ctranslate2.Translator(str(pkg / "model"), compute_type="int8", intra_threads=threads)
                s = timed(lambda t=t: [t.translate_batch([x], beam_size=4) for x in thai], r)
                print(f"  intra_threads={threads}: {1000 * s / len(thai):7.2f} ms/sentence")
        print(f"threads, full-size model (int8, one sentence per call, {len(small)} sentences):")
        for threads in (0, 1, 2):
            t = translator(threads)
            s = timed(
                lambda t=t: [
                    t.translate_batch([sp.encode(x, out_type=str)], beam_size=4, **FORCED) for x in small
                ],
                r,
            )
            print(f"  intra_threads={threads}: {1000 * s / len(small):7.1f} ms/sentence")
        print(f"threads and compute type (ours, beam 4, {ns} sentences in chunks of 16):")
        for threads, compute in ((0, "int8"), (1, "int8"), (2, "int8"), (1, "float32")):
            s = timed(ours_on(dataclasses.replace(base, threads=threads, compute_type=compute)), r)
            print(f"  threads={threads} {compute:8}: {1000 * s / ns:7.1f} ms/sentence")
        print(f"chunk size (ours, beam 4, threads=1, {ns} sentences; chunks ramp up 4, 8, ... to it):")
        for chunk in (4, 16, 32):
            s = timed(ours_on(dataclasses.replace(base, chunk_size=chunk)), r)
            print(f"  chunk_size={chunk:3}: {1000 * s / ns:7.1f} ms/sentence")

    probe = (
        "import sys; import bilingual_reader.translation.pipeline, "
        "bilingual_reader.translation.engines.local, bilingual_reader.translation.memory, "
        "bilingual_reader.cli.translate; "
        "print('ctranslate2' in sys.modules, 'argostranslate' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout.split()
    print(f"\nimporting the translation pipeline loads ctranslate2: {out[0]}, argostranslate: {out[1]}")


if __name__ == "__main__":
    main()
