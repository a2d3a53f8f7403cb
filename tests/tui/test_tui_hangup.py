"""The reader ends when its terminal goes away, even when no SIGHUP reaches it (as under ``uv run``)."""

from __future__ import annotations

import fcntl
import os
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

from .conftest import write_article, write_glossary


def _read_until(fd: int, wanted: bytes, seconds: float) -> bytes:
    """What the terminal shows until ``wanted`` appears (or ``seconds`` pass)."""
    seen = b""
    deadline = time.monotonic() + seconds
    while wanted not in seen and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if ready:
            seen += os.read(fd, 65536)
    return seen


def test_the_reader_exits_when_its_terminal_hangs_up_without_a_sighup(tmp_path: Path) -> None:
    article, glossary = write_article(tmp_path), write_glossary(tmp_path)
    master, terminal = os.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    reader = subprocess.Popen(
        [sys.executable, "-m", "bilingual_reader", "--glossary", str(glossary), "read", str(article)],
        stdin=terminal,
        stdout=terminal,
        stderr=terminal,
        start_new_session=True,  # the terminal is not its controlling one: its hang-up sends no SIGHUP
        env={**os.environ, "TERM": "xterm-256color"},
    )
    os.close(terminal)
    try:
        assert b"Look up" in _read_until(master, b"Look up", 60), "the reader's keys never showed"
        os.close(master)  # the terminal window closes
        assert reader.wait(timeout=30) is not None
    finally:
        if reader.poll() is None:
            reader.kill()
            reader.wait()
