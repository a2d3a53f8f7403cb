"""Headless Debian chromium for tests that render our HTML (not a test module).

Tests skip when chromium is missing on a developer's machine, and fail in CI (``CI`` set), where
``.ci/run`` installs it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-pdf-header-footer",
]


def chromium() -> str:
    """The chromium binary, or skip (fail in CI)."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed (.ci/run installs it)")
        pytest.skip("chromium is not installed")
    return found


def poppler() -> None:
    """Skip unless poppler's pdftotext/pdfinfo are installed (fail in CI: .ci/run installs poppler-utils)."""
    if shutil.which("pdftotext") is None:
        if os.environ.get("CI"):
            pytest.fail("poppler-utils is not installed (.ci/run installs it)")
        pytest.skip("poppler-utils is not installed")


def run(page: Path, profile: Path, *args: str) -> str:
    """Run chromium on a local page with ``args``; its standard output."""
    [out] = run_together((page, profile, args))
    return out


def run_together(*runs: tuple[Path, Path, tuple[str, ...]]) -> list[str]:
    """Several runs (page, profile, args) at once, each its own browser and profile: a start mostly
    waits, so the runs of one test overlap. Their standard outputs, in order."""
    binary = chromium()
    started = [
        subprocess.Popen(
            [binary, *FLAGS, f"--user-data-dir={profile}", *args, page.as_uri()],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for page, profile, args in runs
    ]
    outputs = []
    for process in started:
        out, err = process.communicate(timeout=120)
        if process.returncode != 0:
            raise subprocess.CalledProcessError(process.returncode, process.args, out, err)
        outputs.append(out)
    return outputs
