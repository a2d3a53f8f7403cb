"""Shared test fixtures: every test runs with its own data, config and Argos directories."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ["PYTHAINLP_OFFLINE"] = "1"

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def isolated_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """Point every per-user directory at a fresh temporary folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("BILINGUAL_READER_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("BILINGUAL_READER_CONFIG_DIR", str(home / "config"))
    monkeypatch.delenv("BILINGUAL_READER_GLOSSARY", raising=False)
    yield home
