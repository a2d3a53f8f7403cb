"""Benchmark: the streaming commands (``segment``, ``translate``, ``check``) on big books (the shipped
articles repeated with chapter headings, ``bench_big_books.make_book``) of 1 MB and 10 MB: peak RSS, CPU
(user + system) and wall time of each run, ours against another checkout (``--base DIR``, e.g.
``git archive e912c01 | tar -x -C /tmp/stream-base``; repeat it for more: ``base``, ``base1`` …) in the same
run, with ratios to the first.

Every run is a fresh process (``python -m bilingual_reader …``, byte code cached by a warm-up run per
checkout) measured from a probe process (``resource.getrusage(RUSAGE_CHILDREN)``), in a throwaway data
folder with the trained test model (tests/fixtures/argos) installed and every book translated first (not
measured), so ``translate`` and ``check`` read their English from the translation memory, the same for all
checkouts.
Run with ``uv run python benchmarks/bench_cli_stream.py [--base DIR] [--sizes 1m,10m]
[--commands segment,translate,check]``. Prints numbers and ratios; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import NamedTuple

from bench_big_books import SIZES, make_book

ROOT = Path(__file__).resolve().parent.parent
MODEL = ROOT / "tests" / "fixtures" / "argos" / "translate-th_en-test.argosmodel"
ARGS = {
    "segment": ["segment"],
    "translate": ["translate", "--no-steer", "--format", "json"],
    "check": ["check", "--no-steer", "--format", "table"],
}
#: Runs the command given after it, output to /dev/null; prints its wall time, CPU time and peak RSS.
PROBE = (
    "import json, resource, subprocess, sys, time; start = time.perf_counter(); "
    "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE); "
    "use = resource.getrusage(resource.RUSAGE_CHILDREN); "
    "print(json.dumps({'wall': time.perf_counter() - start, 'cpu': use.ru_utime + use.ru_stime, "
    "'rss_kib': use.ru_maxrss, 'code': code.returncode, 'err': code.stderr.decode()[-300:]}))"
)


def environment(home: Path, source: Path) -> dict[str, str]:
    """A fresh process's environment: the code under ``source``, data and settings in ``home``."""
    env = dict(os.environ, PYTHONPATH=str(source / "src"), PYTHAINLP_OFFLINE="1")
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as a user's Python: byte code cached after the warm-up run
    for name, folder in {
        "BILINGUAL_READER_DATA_DIR": "data",
        "BILINGUAL_READER_CONFIG_DIR": "config",
        "ARGOS_PACKAGES_DIR": "argos/packages",
        "XDG_DATA_HOME": "xdg-data",
        "XDG_CONFIG_HOME": "xdg-config",
        "XDG_CACHE_HOME": "xdg-cache",
    }.items():
        env[name] = str(home / folder)
    env["ARGOS_PACKAGE_INDEX"] = "file:///nonexistent/"
    return env


class Run(NamedTuple):
    """One command's run: wall and CPU seconds, peak RSS, exit code and the end of its stderr."""

    wall: float
    cpu: float
    rss_kib: int
    code: int
    err: str


def measure(command: str, book: Path, env: dict[str, str]) -> Run:
    """One run of ``command`` on ``book``."""
    args = [sys.executable, "-c", PROBE, sys.executable, "-m", "bilingual_reader", *ARGS[command], str(book)]
    done = subprocess.run(args, env=env, capture_output=True, text=True, check=True)
    return Run(**json.loads(done.stdout))


def prepare(home: Path, books: Path) -> None:
    """Install the test model and translate the 100 KB book into the memory (with our code)."""
    env = environment(home, ROOT)
    install = "from pathlib import Path; from bilingual_reader.translation.packages import install_file; "
    install += f"install_file(Path({str(MODEL)!r}))"
    subprocess.run([sys.executable, "-c", install], env=env, check=True, capture_output=True)
    small = books / "book-100k.txt"
    make_book(SIZES["100k"], small)
    subprocess.run(
        [sys.executable, "-m", "bilingual_reader", *ARGS["translate"], str(small)],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--base", type=Path, action="append", default=[], help="another checkout to compare with (repeatable)"
    )
    parser.add_argument("--sizes", default="1m,10m", help="comma-separated: 100k, 1m, 10m")
    parser.add_argument("--commands", default="segment,translate,check", help="comma-separated")
    options = parser.parse_args()
    codes = {"ours": ROOT, **{f"base{n or ''}": path.resolve() for n, path in enumerate(options.base)}}
    with tempfile.TemporaryDirectory() as tmp:
        home, books = Path(tmp) / "home", Path(tmp)
        prepare(home, books)
        for size in options.sizes.split(","):
            make_book(SIZES[size], books / f"book-{size}.txt")
            fill = [
                sys.executable,
                "-m",
                "bilingual_reader",
                *ARGS["translate"],
                str(books / f"book-{size}.txt"),
            ]
            # Its chapter headings into the memory: no run below translates anything
            subprocess.run(fill, env=environment(home, ROOT), check=True, stdout=subprocess.DEVNULL)
        for source in codes.values():  # warm-up: byte code written, caches built
            measure("segment", books / "book-100k.txt", environment(home, source))
        print(f"{'command':<10} {'book':<5} {'code':<5} {'peak RSS':>10} {'CPU':>8} {'wall':>8}  ours/base")
        for command in options.commands.split(","):
            for size in options.sizes.split(","):
                rows = {
                    name: measure(command, books / f"book-{size}.txt", environment(home, source))
                    for name, source in codes.items()
                }
                for name, run in rows.items():
                    print(
                        line(command, size, name, run, rows.get("base") if name == "ours" else None),
                        flush=True,
                    )


def line(command: str, size: str, name: str, run: Run, base: Run | None) -> str:
    """A row of the table, with ratios to ``base``."""
    text = f"{command:<10} {size:<5} {name:<5} {run.rss_kib / 1024:>7.1f} MB {run.cpu:>6.2f} s "
    text += f"{run.wall:>6.2f} s"
    if run.code not in (0, 1):  # check exits 1 when it finds problems
        text += f"  exit {run.code}: {run.err.strip().splitlines()[-1:]}"
    if base is not None:
        text += f"  RSS {run.rss_kib / base.rss_kib:.2f}x, CPU {run.cpu / base.cpu:.2f}x, "
        text += f"wall {run.wall / base.wall:.2f}x"
    return text


if __name__ == "__main__":
    main()
