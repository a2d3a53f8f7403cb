"""Benchmark: time to first paint of the reader on the sample article vs a bare Textual app, same run.

Each measurement is a fresh process (imports included) that runs the app headless and stops when the
article's text is first rendered. Three kinds: a bare Textual app, the reader with no model, and the reader
with the test Argos model installed and the article already in the translation memory. Also lists the heavy
modules loaded before first paint (there should be none: no ctranslate2 even with a model).
Run with `make bench` or `uv run python benchmarks/bench_first_paint.py`. Prints numbers; asserts nothing.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEST_MODEL = ROOT / "tests" / "fixtures" / "argos" / "translate-th_en-test.argosmodel"

ROUNDS = 7
HEAVY = ("ctranslate2", "sentencepiece", "argostranslate", "nlpo3", "thaiphon", "sqlite_utils", "lxml")

PROBE = """
import time
t0 = time.perf_counter()
import json, sys
from pathlib import Path
from textual.widget import Widget
KIND, GLOSSARY = sys.argv[1], sys.argv[2]
if KIND == "bare":
    from textual.app import App
    from textual.widgets import Static as Target

    class Bare(App[None]):
        def compose(self):
            yield Target("bare")

    app = Bare()
else:
    from bilingual_reader.tui.app import create_app
    from bilingual_reader.tui.reader.paragraph_view import ParagraphView as Target

    app = create_app(None, Path(GLOSSARY))
result = {}
render_lines = Widget.render_lines

def first_paint(self, crop):
    # The first time the compositor renders the article's text (or the bare app's Static) is first paint.
    if isinstance(self, Target) and not result:
        result["seconds"] = time.perf_counter() - t0
        result["heavy"] = sorted({m.split(".")[0] for m in sys.modules} & set(sys.argv[3].split(",")))
        app.call_later(app.exit)
    return render_lines(self, crop)

Widget.render_lines = first_paint
app.run(headless=True, size=(160, 45))
print(json.dumps(result))
"""


def measure(kind: str, glossary: Path, env: dict[str, str] | None = None) -> dict[str, object]:
    """Run one probe process and return its measurement."""
    out = subprocess.run(
        [sys.executable, "-c", PROBE, kind, str(glossary), ",".join(HEAVY)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    ).stdout
    result: dict[str, object] = json.loads(out.strip().splitlines()[-1])
    return result


def model_env(home: Path, glossary: Path) -> dict[str, str]:
    """An environment with the test model installed and the sample article in the translation memory."""
    env = dict(os.environ)
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        env[name] = str(home / name.lower())
    env["ARGOS_PACKAGES_DIR"] = str(home / "packages")
    env["BILINGUAL_READER_DATA_DIR"] = str(home / "data")
    cli = [sys.executable, "-m", "bilingual_reader", "--glossary", str(glossary)]
    subprocess.run(
        [*cli, "model", "install", "--file", str(TEST_MODEL)], env=env, check=True, capture_output=True
    )
    from bilingual_reader.documents.articles import sample_article_path

    subprocess.run([*cli, "translate", str(sample_article_path())], env=env, capture_output=True)
    return env


def main() -> None:
    """Alternate the kinds so machine noise hits them alike; print medians and ratios."""
    from bilingual_reader import paths

    with tempfile.TemporaryDirectory() as tmp:
        glossary = Path(tmp) / "glossary.db"
        glossary.write_bytes(paths.shipped("glossary.db").read_bytes())
        env = model_env(Path(tmp) / "home", glossary)
        times: dict[str, list[float]] = {"bare": [], "reader": [], "reader+model": []}
        heavy: set[str] = set()
        measure("bare", glossary)  # warm the file cache
        measure("reader", glossary, env)
        for _ in range(ROUNDS):
            for kind in times:
                run = measure(
                    "bare" if kind == "bare" else "reader", glossary, env if "model" in kind else None
                )
                times[kind].append(float(run["seconds"]))  # type: ignore[arg-type]
                heavy.update(run.get("heavy", []))  # type: ignore[arg-type]
    bare = statistics.median(times["bare"])
    print(f"first paint, median of {ROUNDS} fresh processes (160x45, headless)")
    for kind, values in times.items():
        median = statistics.median(values)
        print(f"  {kind:<34}: {median * 1000:7.1f} ms   {median / bare:.2f}x bare")
    print("  goal: reader <= 1.5x bare")
    print(f"  heavy modules loaded before first paint: {', '.join(sorted(heavy)) or 'none'}")


if __name__ == "__main__":
    main()
