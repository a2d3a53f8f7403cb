"""Benchmark the LibreTranslate engine against the local one on the same package, and 1 vs 4 clients.

    uv run python benchmarks/bench_libretranslate.py [--sentences 200] [--clients 4]

Needs LibreTranslate's own venv (``make libretranslate``); without it the benchmark says so and exits 0.
Starts one real server (``tests/libretranslate_server.py``) with the trained test package and prints:
- the server's start time (offline, to the first answer of ``/languages``);
- the same ``--sentences`` corpus sentences through ``LocalEngine`` and through ``LibreTranslateEngine``
  (batches of 16, 4 in flight), best of 3, and the ratio (remote / local);
- what a new engine pays once to learn who the server is (its version and model fingerprint), best of 3;
- one client vs ``--clients`` clients translating those sentences at once against the one server: the
  throughput (sentences a second, all clients together) and its ratio.
Decoding differs a little: the local engine decodes with its settings (beam 4, patience 2, safety limits),
the server with Argos's (beam 4, 3 hypotheses here for the alternatives). Ratios are measured in one run;
the load average at the start and the end says how busy the machine was.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))  # the server harness and the corpus: test and benchmark tooling

import libretranslate_server as harness  # noqa: E402
from bilingual_reader.translation.engines.libretranslate import LibreTranslateEngine  # noqa: E402
from bilingual_reader.translation.engines.local import LocalEngine  # noqa: E402
from bilingual_reader.translation.packages import read_package  # noqa: E402
from support import corpus_pairs  # noqa: E402


def best_of(runs: int, work: Callable[[], object]) -> float:
    """The fastest of ``runs`` timings of ``work`` (seconds)."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def concurrent(url: str, clients: int, sentences: list[str]) -> float:
    """Wall time for ``clients`` engines each translating ``sentences`` at the same moment."""
    engines = [LibreTranslateEngine(url) for _ in range(clients)]
    for engine in engines:
        engine.info()
    threads = [threading.Thread(target=lambda e=e: list(e.translate(sentences))) for e in engines]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=200)
    parser.add_argument("--clients", type=int, default=4)
    args = parser.parse_args()
    reason = harness.missing_reason()
    if reason is not None:
        print(f"skipped: {reason}")
        return
    thai = [t for t, _ in corpus_pairs()]
    sentences = [f"{thai[i % len(thai)]}" for i in range(args.sentences)]
    with tempfile.TemporaryDirectory(prefix="bench-lt-") as folder:
        home = Path(folder)
        harness.finish(harness.prepare_home(home))
        server = harness.LibreTranslateServer(home).start().wait()
        try:
            print(f"server start (offline, to the first /languages answer): {server.startup:.1f} s")
            print("load average at the start: {:.1f} {:.1f} {:.1f}".format(*os.getloadavg()))
            package = read_package(home / "packages" / "translate-th_en-test")
            local = LocalEngine(package)
            remote = LibreTranslateEngine(server.url)
            list(local.translate(sentences[:4]))  # load the model
            remote.info()
            t_local = best_of(3, lambda: list(local.translate(sentences)))
            t_remote = best_of(3, lambda: list(remote.translate(sentences)))
            n = len(sentences)
            print(f"{n} sentences, local engine:         {t_local * 1000:8.0f} ms ({n / t_local:6.1f}/s)")
            print(f"{n} sentences, LibreTranslate engine: {t_remote * 1000:8.0f} ms ({n / t_remote:6.1f}/s)")
            print(f"ratio remote / local: {t_remote / t_local:.2f}x")
            ask = best_of(3, lambda: LibreTranslateEngine(server.url).contact())
            print(f"who it is (a new engine: 3 GETs and the probe sentence): {ask * 1000:.0f} ms")
            one = concurrent(server.url, 1, sentences)
            many = concurrent(server.url, args.clients, sentences)
            rate_one, rate_many = n / one, args.clients * n / many
            print(f"1 client:  {rate_one:6.1f} sentences/s")
            print(f"{args.clients} clients: {rate_many:6.1f} sentences/s together")
            print(f"throughput ratio {args.clients} / 1 clients: {rate_many / rate_one:.2f}x")
            print("load average at the end: {:.1f} {:.1f} {:.1f}".format(*os.getloadavg()))
        finally:
            server.stop()


if __name__ == "__main__":
    main()
