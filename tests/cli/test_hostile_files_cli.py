"""Files that are not regular files, or are too large: one line, exit 2, no hang, nothing read past the limit.

These run the real command in a subprocess with a timeout: a FIFO used to hang `segment`, `read`,
`glossary import`, `check --english` and `--glossary` for ever, and `segment /dev/zero` grew to 5 GB.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "articles" / "01-nato-stoltenberg-visits-seoul-and-tokyo.txt"


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "BILINGUAL_READER_DATA_DIR": str(tmp_path / "data"), "PYTHAINLP_OFFLINE": "1"}
    return subprocess.run(
        [sys.executable, "-m", "bilingual_reader", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        stdin=subprocess.DEVNULL,
        check=False,
    )


@pytest.fixture
def glossary(tmp_path: Path) -> Path:
    target = tmp_path / "glossary.db"
    shutil.copy(ROOT / "glossary.db", target)
    return target


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("segment", "{fifo}"), "{fifo}: is a pipe (FIFO), not a regular file; give an article file"),
        (("read", "{fifo}"), "{fifo}: is a pipe (FIFO), not a regular file; give an article file"),
        (("segment", "/dev/zero"), "/dev/zero: is a device, not a regular file; give an article file"),
        (("glossary", "import", "{fifo}", "--format", "csv"), "{fifo}: is a pipe (FIFO), not a regular file"),
        (("check", str(SAMPLE), "--english", "{fifo}"), "{fifo}: is a pipe (FIFO), not a regular file"),
        (("--glossary", "{fifo}", "segment", str(SAMPLE)), "{fifo}: is a device, a pipe or a socket"),
        (("glossary", "--glossary", "{fifo}", "list"), "{fifo}: is a device, a pipe or a socket"),
    ],
    ids=[
        "segment-fifo",
        "read-fifo",
        "segment-dev-zero",
        "import-fifo",
        "english-fifo",
        "glossary-fifo",
        "list",
    ],
)
def test_no_command_hangs_on_a_pipe_or_a_device(
    tmp_path: Path, glossary: Path, args: tuple[str, ...], message: str
) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    filled = [a.format(fifo=fifo) for a in args]
    if "--glossary" not in filled:
        filled = ["--glossary", str(glossary), *filled]
    result = _run(tmp_path, *filled)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith(f"bilingual-reader: {message.format(fifo=fifo)}")
    assert result.stderr.count("\n") == 1


def test_glossary_dev_null_creates_no_journal(tmp_path: Path) -> None:
    """`--glossary /dev/null` used to create /dev/null-journal (as root)."""
    existed = Path("/dev/null-journal").exists()
    result = _run(tmp_path, "--glossary", "/dev/null", "glossary", "add", "--th", "รถถัง", "--en", "tank")
    assert result.returncode == 2
    assert (
        result.stderr == "bilingual-reader: /dev/null: is a device, a pipe or a socket, not a glossary file\n"
    )
    assert Path("/dev/null-journal").exists() == existed


def test_a_sparse_gigabyte_glossary_import_is_refused_at_once(tmp_path: Path, glossary: Path) -> None:
    huge = tmp_path / "huge.csv"
    with huge.open("wb") as handle:
        handle.write(b"term,translation\n")
        handle.truncate(1024**3)
    result = _run(tmp_path, "--glossary", str(glossary), "glossary", "import", str(huge))
    assert result.returncode == 2
    assert result.stderr == (
        f"bilingual-reader: {huge}: too large (1,073,741,824 bytes; the glossary file limit is 64 MiB)\n"
    )
