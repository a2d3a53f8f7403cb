"""Where Argos keeps packages, the index and downloads: the environment wins, then argostranslate settings."""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_INDEX = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/"


def _argos_settings() -> object:
    # argostranslate.settings reads its settings (and creates directories) once, at import.
    import argostranslate.settings

    return argostranslate.settings


def _xdg(name: str, default: Path) -> Path:
    value = os.environ.get(name)
    return Path(value) if value else default


def argos_data_dir() -> Path:
    """argostranslate's data directory (``$XDG_DATA_HOME/argos-translate``)."""
    return _xdg("XDG_DATA_HOME", Path.home() / ".local" / "share") / "argos-translate"


def packages_dir() -> Path:
    """The directory installed packages live in (``ARGOS_PACKAGES_DIR`` honoured, read on every call)."""
    override = os.environ.get("ARGOS_PACKAGES_DIR")
    if override:
        return Path(override)
    return Path(str(getattr(_argos_settings(), "package_data_dir")))  # noqa: B009


def index_url() -> str:
    """The base URL of the package index (``ARGOS_PACKAGE_INDEX``), with a trailing slash."""
    url = os.environ.get("ARGOS_PACKAGE_INDEX") or str(
        getattr(_argos_settings(), "package_index", DEFAULT_INDEX)
    )
    return url if url.endswith("/") else url + "/"


def local_index_path() -> Path:
    """Where the downloaded ``index.json`` is kept (the file argostranslate reads)."""
    return argos_data_dir() / "index.json"


def downloads_dir() -> Path:
    """Where downloaded ``.argosmodel`` files go (argostranslate's cache)."""
    return _xdg("XDG_CACHE_HOME", Path.home() / ".local" / "cache") / "argos-translate" / "downloads"
