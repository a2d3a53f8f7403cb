"""One-shot commands and the popup lookup: wall time, CPU and peak memory against ``python -c pass``.

Each command runs in a fresh process, as a user runs it (the per-user glossary, seeded by the warm-up run
into a temporary data folder), with bytecode caches warm (one unmeasured run first writes them, even under
``PYTHONDONTWRITEBYTECODE``); the best of REPEATS runs counts (the machine may be shared). The commands run
interleaved, round by round, so a change of load hits them alike. Rows "through click" run the same command
line through the click program directly, as every command ran before ``launcher.py``.

The translate row is a warm ``translate`` of the sample article with the small test model installed: the
memory already holds every sentence (issue 17: ≤ 0.5 s), so it measures everything but the engine.

Also times ``lookup()`` as the popup calls it (the first call and p50/p99 of the warm ones) and the
memory of a process holding what the idle reader holds (segmenter, a lookup done, a sentence split).

Run with `make bench` or `uv run python benchmarks/bench_one_shot.py [--base DIR]` (DIR: another
checkout, whose ``src`` then runs the same command lines in the same rounds: before/after in one run).
Prints numbers; asserts nothing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("PYTHAINLP_OFFLINE", "1")

ROOT = Path(__file__).resolve().parent.parent
REPEATS = 7
WORD = "ปืนใหญ่อัตตาจร"
#: ``--base DIR``: also run the commands on the code of the checkout at DIR (e.g. ``git archive main``).
BASE = Path(sys.argv[sys.argv.index("--base") + 1]).resolve() if "--base" in sys.argv else None
TRAINED = ROOT / "tests" / "fixtures" / "argos" / "translate-th_en-test.argosmodel"
POPUP_WORDS = ["ปืนใหญ่อัตตาจร", "รถถังหนัก", "ยูเครน", "เดินทาง", "ปืน", "สันติภาพ", "คอบร้าโกลด์", "เกราะ"]
IDLE_PROBE = """
import resource, sys
from bilingual_reader.documents.articles import load_article, sample_article_path
from bilingual_reader.glossary.store import Glossary
from bilingual_reader.lookup import lookup
from bilingual_reader.thai.segmenter import Segmenter
from bilingual_reader.translation.sentences import split_sentences
glossary = Glossary.open(sys.argv[1], read_only=True)
segmenter = Segmenter(glossary.thai_terms())
article = load_article(sample_article_path())
tokens = [segmenter.tokenize(p) for p in article.paragraphs]
lookup("ปืนใหญ่อัตตาจร", glossary=glossary, segmenter=segmenter, article_tokens=tokens)
for paragraph in article.paragraphs:
    split_sentences(paragraph)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def run(argv: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (user + system) and peak RSS (KiB) of one run of ``argv``."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(argv)}: exit {process.returncode}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def best_of(commands: dict[str, list[str]], env: dict[str, str]) -> dict[str, tuple[float, float, int]]:
    """Per command: the best wall time, best CPU time and lowest peak RSS of REPEATS interleaved rounds,
    after one warm-up run of each."""
    for argv in commands.values():
        run(argv, env)
    runs: dict[str, list[tuple[float, float, int]]] = {name: [] for name in commands}
    for _ in range(REPEATS):
        for name, argv in commands.items():
            runs[name].append(run(argv, env))
    return {
        name: (min(r[0] for r in rs), min(r[1] for r in rs), min(r[2] for r in rs))
        for name, rs in runs.items()
    }


def popup_timings(glossary_path: Path) -> tuple[float, list[float]]:
    """Milliseconds of the first ``lookup()`` in this process and of every warm one (sorted)."""
    from bilingual_reader.documents.articles import load_article, sample_article_path
    from bilingual_reader.glossary.store import Glossary
    from bilingual_reader.lookup import lookup
    from bilingual_reader.thai.segmenter import Segmenter

    glossary = Glossary.open(glossary_path, read_only=True)
    segmenter = Segmenter(glossary.thai_terms())
    tokens = [segmenter.tokenize(p) for p in load_article(sample_article_path()).paragraphs]
    start = time.perf_counter()
    lookup(POPUP_WORDS[0], glossary=glossary, segmenter=segmenter, article_tokens=tokens)
    first = (time.perf_counter() - start) * 1000
    warm = []
    for _ in range(20):
        for word in POPUP_WORDS:
            start = time.perf_counter()
            lookup(word, glossary=glossary, segmenter=segmenter, article_tokens=tokens)
            warm.append((time.perf_counter() - start) * 1000)
    glossary.close()
    return first, sorted(warm)


def main() -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PYTHONDONTWRITEBYTECODE", "BILINGUAL_READER_GLOSSARY", "BILINGUAL_READER_DATA_DIR")
    }
    from bilingual_reader.documents.articles import sample_article_path

    with tempfile.TemporaryDirectory() as tmp:
        glossary = Path(tmp) / "glossary.db"
        shutil.copyfile(ROOT / "glossary.db", glossary)
        env["XDG_DATA_HOME"] = str(Path(tmp) / "data")  # the per-user glossary lands there
        env["XDG_CONFIG_HOME"] = str(Path(tmp) / "config")
        cli = [sys.executable, "-m", "bilingual_reader"]
        click = [sys.executable, "-c", "from bilingual_reader.cli import main; main()"]
        sample = str(sample_article_path())
        commands = {
            "python -c pass (baseline)": [sys.executable, "-c", "pass"],
            f"lookup {WORD}": [*cli, "lookup", WORD],
            "  lookup through click": [*click, "lookup", WORD],
            "segment <sample article>": [*cli, "segment", sample],
            "  segment through click": [*click, "segment", sample],
            "translate <sample> (all in memory)": [
                *cli,
                "translate",
                sample,
                "-o",
                str(Path(tmp) / "en.txt"),
            ],
        }
        if BASE is not None:  # the same command lines on another checkout's code, in the same rounds
            based = ["env", f"PYTHONPATH={BASE / 'src'}", *cli]
            for name in [n for n in commands if n[:1] not in (" ", "p")]:
                commands[f"  {name.split()[0]} (base checkout)"] = [*based, *commands[name][len(cli) :]]
        # The test model, and one translate that fills the memory: the row then makes no engine call.
        run([*cli, "model", "install", "--file", str(TRAINED)], env)
        run(commands["translate <sample> (all in memory)"], env)
        results = best_of(commands, env)
        base = results["python -c pass (baseline)"]
        print(
            f"{'command (best of ' + str(REPEATS) + ')':<34}{'wall ms':>9}{'× pass':>8}"
            f"{'cpu ms':>9}{'× pass':>8}{'peak MiB':>10}"
        )
        for name, (wall, cpu, rss) in results.items():
            print(
                f"{name:<34}{wall * 1000:>9.0f}{wall / base[0]:>8.1f}{cpu * 1000:>9.0f}"
                f"{cpu / max(base[1], 1e-3):>8.1f}{rss / 1024:>10.0f}"
            )
        idle = subprocess.run(
            [sys.executable, "-c", IDLE_PROBE, str(glossary)],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        print(f"reader's core (segmenter, a lookup, sentence splits): peak {int(idle.stdout) / 1024:.0f} MiB")
        first, warm = popup_timings(glossary)
    p50, p99 = warm[len(warm) // 2], warm[min(len(warm) - 1, int(0.99 * len(warm)))]
    print(f"popup lookup(): first {first:.1f} ms, warm p50 {p50:.2f} ms, p99 {p99:.2f} ms (goal < 50 ms)")


if __name__ == "__main__":
    main()
