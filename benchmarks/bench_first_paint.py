"""Benchmark: the reader's first frame at the terminal vs a bare Textual app showing the same text, same run.

Each measurement is a fresh process on a pseudo-terminal (160x45; imports included, timed from the moment
the process is started), so the app runs with its real terminal driver. Two moments per run:

- *render*: the compositor first renders the article's text (what this benchmark used to report);
- *write*: the terminal driver writes that frame (what the user waits for).

Kinds: a bare Textual app with one ``Static`` per paragraph of the sample article, the reader with no model,
and the reader with the test Argos model installed and the article already in the translation memory. For
the reader, once the first frame is written the benchmark types ``l`` and reports how long the word cursor
takes to answer (the write after the key's binding ran). Also lists the heavy modules loaded before the first
write.
Every start runs in its own copy of its kind's data and config folders (empty, or with the model installed
and the article in the memory), as a first run: after one start the reader opens on the library screen
instead of the article, and with the user's own folders it did so from the first start. A start that draws
no frame within 2 minutes is left out and counted; a key left unanswered costs only that cursor figure.
Run with `make bench` or `uv run python benchmarks/bench_first_paint.py [--rounds N] [--base DIR]` (default
7 rounds). ``--base DIR`` also runs the reader from another checkout's ``DIR/src`` in the same rounds (e.g.
``git archive main | tar -x -C DIR``, shipped files included), so that a change and its base meet the same
load. Prints numbers; asserts nothing.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEST_MODEL = ROOT / "tests" / "fixtures" / "argos" / "translate-th_en-test.argosmodel"

ROUNDS = int(sys.argv[sys.argv.index("--rounds") + 1]) if "--rounds" in sys.argv else 7
BASE = Path(sys.argv[sys.argv.index("--base") + 1]).resolve() if "--base" in sys.argv else None
SIZE = (160, 45)
HEAVY = (
    "ctranslate2",
    "sentencepiece",
    "argostranslate",
    "nlpo3",
    "thaiphon",
    "sqlite_utils",
    "lxml",
    "numpy",
)

PROBE = """
import time
import json, sys
from pathlib import Path
from textual.app import App
from textual.drivers.linux_driver import LinuxDriver
from textual.widget import Widget
KIND, GLOSSARY, HEAVY, START, OUT = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4]), sys.argv[5]
if KIND == "bare":
    from textual.containers import VerticalScroll
    from textual.widgets import Static as Target

    from bilingual_reader.documents.articles import load_article, sample_article_path

    class Bare(App[None]):
        def compose(self):
            with VerticalScroll():
                for text in load_article(sample_article_path()).paragraphs:
                    yield Target(text)

    app = Bare()
else:
    from bilingual_reader.tui.app import create_app
    from bilingual_reader.tui.reader import paragraph_view

    if isinstance(paragraph_view.ParagraphView, type) and issubclass(paragraph_view.ParagraphView, Widget):
        Target = paragraph_view.ParagraphView  # a widget per paragraph
    else:
        from bilingual_reader.tui.reader.article_view import ArticleView as Target  # one Line-API view

    app = create_app(None, Path(GLOSSARY))
result = {}

def now():
    return time.time() - START

def finish():
    with open(OUT, "w") as out:
        json.dump(result, out)
    app.exit()

render_lines = Widget.render_lines

def first_render(self, crop):
    lines = render_lines(self, crop)
    if isinstance(self, Target) and "render" not in result and getattr(self, "painted", True):
        result["render"] = now()  # the article's Thai was drawn (the view's ``painted``)
    return lines

write = LinuxDriver.write

def first_write(self, data):
    write(self, data)
    if "render" in result and "write" not in result:
        result["write"] = now()
        result["heavy"] = sorted({m.split(".")[0] for m in sys.modules} & set(HEAVY.split(",")))
        with open(OUT, "w") as out:  # kept even if the key is never answered
            json.dump(result, out)
        with open(OUT + ".written", "w"):
            pass
        if KIND == "bare":
            app.call_later(finish)
    elif "key" in result and "answered" not in result:
        result["answered"] = now()
        app.call_later(finish)

check_bindings = App._check_bindings

async def key_checked(self, key, priority=False):
    handled = await check_bindings(self, key, priority)
    if handled and key == "l" and "key" not in result:
        result["key"] = now()
    return handled

Widget.render_lines = first_render
LinuxDriver.write = first_write
App._check_bindings = key_checked
app.run()
"""


def measure(kind: str, glossary: Path, env: dict[str, str] | None = None) -> dict[str, object]:
    """Run one probe process on a pseudo-terminal (typing ``l`` once it has drawn) and return its times."""
    main, secondary = os.openpty()
    fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", SIZE[1], SIZE[0], 0, 0))
    env = dict(env if env is not None else os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # bytecode caches warm, as after an install's first run
    env["TERM"] = "xterm-256color"
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "result.json"
        start = time.time()
        probe = subprocess.Popen(
            [sys.executable, "-c", PROBE, kind, str(glossary), ",".join(HEAVY), repr(start), str(out)],
            stdin=secondary,
            stdout=secondary,
            stderr=secondary,
            env=env,
            close_fds=True,
        )
        os.close(secondary)
        drain = threading.Thread(target=_drain, args=(main,), daemon=True)
        drain.start()
        written = Path(str(out) + ".written")
        deadline = time.time() + 120
        while probe.poll() is None and not written.exists() and time.time() < deadline:
            time.sleep(0.001)
        if not written.exists():
            probe.kill()
        elif kind != "bare":
            os.write(main, b"l")
        try:
            probe.wait(120)
        except subprocess.TimeoutExpired:  # the key went unanswered: the frame's times still count
            pass
        finally:
            if probe.poll() is None:
                probe.kill()
                probe.wait()
        result: dict[str, object] = json.loads(out.read_text()) if out.exists() else {}
    os.close(main)
    if "write" not in result:  # told at the end: one stuck start must not throw away the others
        print(f"  ({kind} probe: no first frame within 2 minutes, exit {probe.returncode})", file=sys.stderr)
    return result


def _drain(fd: int) -> None:
    """Read the terminal's output so that the app never blocks writing it."""
    try:
        while os.read(fd, 65536):
            pass
    except OSError:
        pass


def fresh_env(home: Path) -> dict[str, str]:
    """An environment whose data, config and cache folders are new and empty under ``home`` (a first run:
    the reader opens the sample article, whatever the user running the benchmark has read before)."""
    env = dict(os.environ)
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        env[name] = str(home / name.lower())
    env["ARGOS_PACKAGES_DIR"] = str(home / "packages")
    env["BILINGUAL_READER_DATA_DIR"] = str(home / "data")
    return env


def model_env(home: Path, glossary: Path) -> dict[str, str]:
    """An environment with the test model installed and the sample article in the translation memory."""
    env = fresh_env(home)
    cli = [sys.executable, "-m", "bilingual_reader", "--glossary", str(glossary)]
    subprocess.run(
        [*cli, "model", "install", "--file", str(TEST_MODEL)], env=env, check=True, capture_output=True
    )
    from bilingual_reader.documents.articles import sample_article_path

    subprocess.run([*cli, "translate", str(sample_article_path())], env=env, capture_output=True)
    return env


def on_base(env: dict[str, str]) -> dict[str, str]:
    """``env`` with the base checkout's sources ahead of this one's."""
    assert BASE is not None
    return env | {"PYTHONPATH": os.pathsep.join(filter(None, [str(BASE / "src"), env.get("PYTHONPATH")]))}


def main() -> None:
    """Alternate the kinds so machine noise hits them alike; print medians and ratios."""
    from bilingual_reader import paths

    with tempfile.TemporaryDirectory() as tmp:
        glossary = Path(tmp) / "glossary.db"
        glossary.write_bytes(paths.shipped("glossary.db").read_bytes())
        # Each start gets its own copy of its kind's folders: after one start the reader opens on the library
        # screen, not the article (the cause of the "no first frame" starts).
        templates = {
            "bare": Path(tmp) / "bare",
            "reader": Path(tmp) / "reader",
            "reader+model": Path(tmp) / "home",
        }
        for folder in templates.values():
            folder.mkdir()
        model_env(templates["reader+model"], glossary)
        starts = iter(range(1_000_000))

        def fresh(kind: str) -> dict[str, str]:
            home = Path(tmp) / f"start-{next(starts)}"
            shutil.copytree(templates[kind], home)
            return fresh_env(home)

        runs: dict[str, list[dict[str, object]]] = {"bare": [], "reader": [], "reader+model": []}
        if BASE is not None:
            runs |= {"base reader": [], "base reader+model": []}
        measure("bare", glossary, fresh("bare"))  # warm the file and bytecode caches
        measure("reader", glossary, fresh("reader+model"))
        if BASE is not None:
            measure("reader", glossary, on_base(fresh("reader+model")))
        for _ in range(ROUNDS):
            for kind in runs:
                probe_kind = "bare" if kind == "bare" else "reader"
                env = fresh(kind.removeprefix("base "))
                env = on_base(env) if kind.startswith("base") else env
                runs[kind].append(measure(probe_kind, glossary, env))
        failed = {kind: sum("write" not in r for r in results) for kind, results in runs.items()}
        runs = {kind: [r for r in results if "write" in r] for kind, results in runs.items()}
    print(f"first frame, median of {ROUNDS} fresh processes on a {SIZE[0]}x{SIZE[1]} pseudo-terminal")
    if any(failed.values()):
        print(f"  starts that drew no frame within 2 minutes (left out): {failed}")
    bare = {m: statistics.median(float(r[m]) for r in runs["bare"]) for m in ("render", "write")}  # type: ignore[arg-type]
    for kind, results in runs.items():
        line = f"  {kind:<17}"
        for moment in ("render", "write"):
            median = statistics.median(float(r[moment]) for r in results)  # type: ignore[arg-type]
            line += f"  {moment} {median * 1000:6.1f} ms ({median / bare[moment]:.2f}x bare)"
        answered = [float(r["answered"]) - float(r["write"]) for r in results if "answered" in r]  # type: ignore[arg-type]
        if answered:
            line += f"  cursor answers {statistics.median(answered) * 1000:5.1f} ms after the frame"
        print(line)
    heavy = sorted({m for r in runs["reader"] + runs["reader+model"] for m in r.get("heavy", [])})  # type: ignore[attr-defined]
    if BASE is not None:
        print(f"  base: the reader from {BASE / 'src'}")
    print("  goal: reader's write <= 1.5x bare's write")
    print(f"  heavy modules loaded before the reader's first write: {', '.join(heavy) or 'none'}")


if __name__ == "__main__":
    main()
