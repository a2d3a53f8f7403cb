"""The Argos package index: fetch it (bounded in time, clear when offline), download, install Thai→English."""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bilingual_reader.translation.locations import downloads_dir, index_url, local_index_path
from bilingual_reader.translation.packages import SOURCE, TARGET, InstalledModel, install_file

Progress = Callable[[int, int | None], None]
MAX_INDEX_BYTES = 20 * 1024**2
CHUNK = 256 * 1024


class IndexUnavailable(Exception):
    """The package index or a download is unavailable; ``str(err)`` is one line."""


def _fetch(url: str, timeout: float) -> bytes:
    request = urllib.request.Request(url, headers={"User-Agent": "bilingual-reader"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        data: bytes = response.read(MAX_INDEX_BYTES + 1)
    if len(data) > MAX_INDEX_BYTES:
        raise ValueError("index larger than 20 MB")
    return data


def fetch_index(timeout: float = 10.0) -> list[Any]:
    """Refresh the local index from ``index_url()`` and return its ``AvailablePackage`` entries.

    When the index cannot be reached, a previously downloaded index is used; with none, this raises
    :class:`IndexUnavailable` at once (argostranslate itself would recurse until ``RecursionError``).
    """
    from argostranslate.package import AvailablePackage

    url = index_url() + "index.json"
    local = local_index_path()
    try:
        data = _fetch(url, timeout)
        entries = json.loads(data.decode("utf-8"))
        if not isinstance(entries, list):
            raise ValueError("index.json is not a list")
        local.parent.mkdir(parents=True, exist_ok=True)
        part = local.with_suffix(".part")
        part.write_bytes(data)
        os.replace(part, local)
    except (OSError, ValueError, urllib.error.URLError) as err:
        if not local.is_file():
            raise IndexUnavailable(
                f"package index {url} unreachable ({err}); install from a file with "
                "`bilingual-reader model install --file PATH.argosmodel`"
            ) from None
        try:
            entries = json.loads(local.read_text(encoding="utf-8"))
        except (OSError, ValueError) as local_err:
            raise IndexUnavailable(f"{local}: unreadable package index ({local_err})") from None
    return [AvailablePackage(e) for e in entries if isinstance(e, dict)]


def find_thai_english(packages: list[Any]) -> Any | None:
    """The newest Thai→English translation package in an index, or None."""
    from packaging.version import InvalidVersion, Version

    def version(pkg: Any) -> Version:
        try:
            return Version(str(pkg.package_version))
        except InvalidVersion:
            return Version("0")

    matches = [
        p for p in packages if (p.from_code, p.to_code, p.type) == (SOURCE, TARGET, "translate") and p.links
    ]
    return max(matches, key=version) if matches else None


def download(pkg: Any, progress: Progress | None = None, timeout: float = 30.0) -> Path:
    """Download a package's file to the Argos downloads directory, reporting (bytes done, total)."""
    from argostranslate.package import argospm_package_name

    target = downloads_dir() / f"{argospm_package_name(pkg)}-{pkg.package_version}.argosmodel"
    target.parent.mkdir(parents=True, exist_ok=True)
    part = target.with_suffix(".part")
    errors = []
    for link in pkg.links:
        if not str(link).startswith(("http://", "https://")):
            errors.append(f"{link}: not http(s)")
            continue
        try:
            request = urllib.request.Request(str(link), headers={"User-Agent": "bilingual-reader"})
            with urllib.request.urlopen(request, timeout=timeout) as response, part.open("wb") as out:
                length = response.headers.get("Content-Length")
                total = int(length) if length and length.isdigit() else None
                done = 0
                while chunk := response.read(CHUNK):
                    out.write(chunk)
                    done += len(chunk)
                    if progress:
                        progress(done, total)
            os.replace(part, target)
            return target
        except (OSError, urllib.error.URLError) as err:
            errors.append(f"{link}: {err}")
    part.unlink(missing_ok=True)
    raise IndexUnavailable("download failed: " + "; ".join(errors or ["no links"]))


def install_from_index(progress: Progress | None = None, timeout: float = 10.0) -> InstalledModel:
    """Fetch the index, download the newest Thai→English package, validate and install it."""
    pkg = find_thai_english(fetch_index(timeout))
    if pkg is None:
        raise IndexUnavailable(f"no Thai→English package in the index at {index_url()}")
    path = download(pkg, progress, timeout=max(timeout, 30.0))
    try:
        return install_file(path)
    finally:
        path.unlink(missing_ok=True)
