"""Benchmark: time to first paint of the reader on the sample article vs a bare Textual app, same run.

Each measurement is a fresh process (imports included) that runs the app headless and stops at its first
refresh. Also lists the heavy modules loaded before first paint (there should be none).
Run with `make bench` or `uv run python benchmarks/bench_first_paint.py`. Prints numbers; asserts nothing.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

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
    from bilingual_reader.tui.paragraph_view import ParagraphView as Target

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


def measure(kind: str, glossary: Path) -> dict[str, object]:
    """Run one probe process and return its measurement."""
    out = subprocess.run(
        [sys.executable, "-c", PROBE, kind, str(glossary), ",".join(HEAVY)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    result: dict[str, object] = json.loads(out.strip().splitlines()[-1])
    return result


def main() -> None:
    """Alternate bare and reader runs so machine noise hits both alike; print medians and the ratio."""
    from bilingual_reader import paths

    with tempfile.TemporaryDirectory() as tmp:
        glossary = Path(tmp) / "glossary.db"
        glossary.write_bytes(paths.shipped("glossary.db").read_bytes())
        bare: list[float] = []
        reader: list[float] = []
        heavy: set[str] = set()
        measure("bare", glossary)  # warm the file cache
        measure("reader", glossary)
        for _ in range(ROUNDS):
            bare.append(float(measure("bare", glossary)["seconds"]))  # type: ignore[arg-type]
            run = measure("reader", glossary)
            reader.append(float(run["seconds"]))  # type: ignore[arg-type]
            heavy.update(run["heavy"])  # type: ignore[arg-type]
    b, r = statistics.median(bare), statistics.median(reader)
    print(f"first paint, median of {ROUNDS} fresh processes (160x45, headless)")
    print(f"  bare Textual app : {b * 1000:7.1f} ms")
    print(f"  reader (sample)  : {r * 1000:7.1f} ms")
    print(f"  ratio            : {r / b:.2f}x   (goal <= 1.5x)")
    print(f"  heavy modules loaded before first paint: {', '.join(sorted(heavy)) or 'none'}")


if __name__ == "__main__":
    main()
