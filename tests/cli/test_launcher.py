"""``bilingual-reader``: plain ``lookup`` and ``segment`` run without click, with click's output."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from bilingual_reader import launcher
from bilingual_reader.cli import main
from bilingual_reader.launcher import OneShot, parse

ROOT = Path(__file__).resolve().parents[2]
GLOSSARY = str(ROOT / "glossary.db")
SAMPLE = str(ROOT / "articles" / "01-nato-stoltenberg-visits-seoul-and-tokyo.txt")

PARSED = [
    (["lookup", "ปืน"], OneShot("lookup", "ปืน", False, None)),
    (["lookup", "ปืน", "--json"], OneShot("lookup", "ปืน", True, None)),
    (["--json", "lookup", "ปืน"], None),  # --json belongs to the command
    (["--glossary", "g.db", "lookup", "ปืน"], OneShot("lookup", "ปืน", False, "g.db")),
    (["--glossary=g.db", "segment", "a.txt"], OneShot("segment", "a.txt", False, "g.db")),
    (["segment", "--glossary", "s.db", "a.txt", "--json"], OneShot("segment", "a.txt", True, "s.db")),
    (["--glossary", "g.db", "lookup", "--glossary=s.db", "x"], OneShot("lookup", "x", False, "s.db")),
    (["lookup"], None),
    (["lookup", "a", "b"], None),
    (["lookup", "--help"], None),
    (["lookup", "-x"], None),
    (["lookup", "--", "-x"], None),
    (["lookup", "x", "--json", "--json"], None),
    (["lookup", "x", "--glossary"], None),
    (["lookup", "x", "--glossary="], None),
    (["--glossary", "/", "lookup", "x"], None),  # a folder: click says so
    (["--version"], None),
    ([], None),
    (["translate", "a.txt"], None),
    (["read", "a.txt"], None),
]


@pytest.mark.parametrize(("argv", "expected"), PARSED)
def test_which_command_lines_run_without_click(argv: list[str], expected: OneShot | None) -> None:
    assert parse(argv) == expected


def run_launcher(
    argv: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "argv", ["bilingual-reader", *argv])
    with pytest.raises(SystemExit) as exit_:
        launcher.run()
    out = capsys.readouterr()
    return int(exit_.value.code or 0), out.out, out.err


SAME = [
    ["--glossary", GLOSSARY, "lookup", "ปืนใหญ่อัตตาจร"],
    ["--glossary", GLOSSARY, "lookup", "ระบบขีปนาวุธ", "--json"],
    ["lookup", "--glossary", GLOSSARY, "เดินทาง"],
    ["--glossary", GLOSSARY, "segment", SAMPLE],
    ["segment", SAMPLE, "--json", f"--glossary={GLOSSARY}"],
    ["--glossary", GLOSSARY, "lookup", "  "],
    ["--glossary", GLOSSARY, "segment", "/no/such/article.txt"],
    ["--glossary", "/no/such/glossary.db", "lookup", "ปืน"],
]


@pytest.mark.parametrize("argv", SAME, ids=lambda argv: " ".join(argv[-2:]))
def test_without_click_the_output_and_errors_are_click_s(
    argv: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("BILINGUAL_READER_GLOSSARY", raising=False)
    assert parse(argv) is not None
    clicked = CliRunner().invoke(main, argv)
    assert run_launcher(argv, monkeypatch, capsys) == (clicked.exit_code, clicked.stdout, clicked.stderr)


def test_other_command_lines_go_to_click(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run_launcher(["lookup", "--help"], monkeypatch, capsys)
    assert code == 0 and "Look TEXT up" in out


def test_a_one_shot_lookup_imports_no_click() -> None:
    """Nor platformdirs, numpy, or nlpo3 (a lookup's sub-terms need the glossary terms, not the segmenter's
    dictionary)."""
    probe = (
        "import sys\n"
        "from bilingual_reader.launcher import run\n"
        "sys.argv = ['bilingual-reader', 'lookup', 'ปืนใหญ่อัตตาจร']\n"
        "try:\n    run()\nexcept SystemExit:\n    pass\n"
        "heavy = {'click', 'platformdirs', 'numpy', 'nlpo3', 'thaiphon'}\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & heavy))\n"
    )
    env = {**os.environ, "BILINGUAL_READER_GLOSSARY": GLOSSARY}
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True)
    assert "self-propelled howitzer" in done.stdout
    assert done.stdout.strip().splitlines()[-1] == "[]"


@pytest.mark.parametrize("command", [["segment", SAMPLE], ["translate", SAMPLE], ["glossary", "list"]])
def test_a_reader_that_stops_early_ends_the_command_quietly(command: list[str], tmp_path: Path) -> None:
    """``bilingual-reader segment FILE | head -1``: the command stops at the closed pipe, no traceback."""
    env = {
        **os.environ,
        "BILINGUAL_READER_GLOSSARY": GLOSSARY,
        "BILINGUAL_READER_DATA_DIR": str(tmp_path / "data"),
        "BILINGUAL_READER_CONFIG_DIR": str(tmp_path / "config"),
        "PYTHAINLP_OFFLINE": "1",
    }
    read, write = os.pipe()
    os.close(read)  # the reader is gone before the first line: every write meets a closed pipe
    with os.fdopen(write, "wb") as closed:
        done = subprocess.run(
            [sys.executable, "-c", "from bilingual_reader.launcher import run; run()", *command],
            stdout=closed,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            timeout=120,
        )
    assert "Traceback" not in done.stderr
    assert done.returncode in (1, 2)
