"""Where bilingual-reader keeps its files: per-user data, config, and the files it ships."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "bilingual-reader"
_PACKAGE_DIR = Path(__file__).resolve().parent
# A wheel carries the shipped files inside the package; a source checkout has them at the project root.
_SHIPPED_CANDIDATES = (_PACKAGE_DIR / "_shipped", _PACKAGE_DIR.parent.parent)


def data_dir() -> Path:
    """The per-user data directory (``BILINGUAL_READER_DATA_DIR`` overrides the platform default)."""
    override = os.environ.get("BILINGUAL_READER_DATA_DIR")
    return Path(override) if override else platformdirs.user_data_path(APP_NAME)


def config_dir() -> Path:
    """The per-user config directory (``BILINGUAL_READER_CONFIG_DIR`` overrides the platform default)."""
    override = os.environ.get("BILINGUAL_READER_CONFIG_DIR")
    return Path(override) if override else platformdirs.user_config_path(APP_NAME)


def shipped(name: str) -> Path:
    """A file or directory shipped with the program: ``articles``, ``glossary.db``, ``glossary.tsv``."""
    for base in _SHIPPED_CANDIDATES:
        candidate = base / name
        if candidate.exists():
            return candidate
    return _SHIPPED_CANDIDATES[-1] / name


def articles_dir() -> Path:
    """The directory of articles shipped with the program."""
    return shipped("articles")
