"""The Argos package index: fetch it (bounded in time, clear when offline), download, install Thai→English.

Nothing taken from the index names a file: the download goes to a fresh temporary name in the downloads
folder. Entries are checked field by field (a malformed entry is skipped, never fatal); downloads are capped
in size, checked against a ``sha256`` when the entry gives one (argospm-index entries do not), and a link or
an index that is not https is named in a warning. ``ipfs://`` links (and the index's "ifps://" typos) are
skipped.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bilingual_reader.translation.locations import downloads_dir, index_url, local_index_path
from bilingual_reader.translation.metadata import SOURCE, TARGET, PackageError, check_metadata
from bilingual_reader.translation.packages import InstalledModel, install_file

Progress = Callable[[int, int | None], None]
Warn = Callable[[str], None]
MAX_INDEX_BYTES = 20 * 1024**2
MAX_DOWNLOAD_BYTES = 1024**3  # the real Thai→English package is 72 MB
CHUNK = 256 * 1024


class IndexUnavailable(Exception):
    """The package index or a download is unavailable; ``str(err)`` is one line."""


@dataclass(frozen=True)
class IndexEntry:
    """One Thai→English translation package listed in the index."""

    package_version: str
    links: list[str]
    sha256: str | None = None
    from_code: str = SOURCE
    to_code: str = TARGET
    type: str = "translate"


def parse_entry(entry: Any) -> IndexEntry | None:
    """The entry if it is a well-formed Thai→English translation package with a link, else None."""
    try:
        metadata = check_metadata(Path("index.json"), entry)
    except PackageError:
        return None
    links = [link for link in entry.get("links") or [] if link.startswith(("https://", "http://"))]
    digest = entry.get("sha256")
    if not links or (
        digest is not None and not (isinstance(digest, str) and re.fullmatch("[0-9a-f]{64}", digest))
    ):
        return None
    return IndexEntry(metadata.version, links, digest)


def _fetch(url: str, timeout: float) -> bytes:
    request = urllib.request.Request(url, headers={"User-Agent": "bilingual-reader"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        data: bytes = response.read(MAX_INDEX_BYTES + 1)
    if len(data) > MAX_INDEX_BYTES:
        raise ValueError("index larger than 20 MB")
    return data


def _entries(data: bytes) -> list[Any]:
    try:
        entries = json.loads(data.decode("utf-8"))
    except RecursionError:
        raise ValueError("index.json is nested too deeply") from None
    if not isinstance(entries, list):
        raise ValueError("index.json is not a list")
    return entries


def fetch_index(timeout: float = 10.0, warn: Warn | None = None) -> list[IndexEntry]:
    """Refresh the local index from ``index_url()`` and return its Thai→English entries.

    When the index cannot be reached, a previously downloaded index is used; with none, this raises
    :class:`IndexUnavailable` at once (argostranslate itself would recurse until ``RecursionError``).
    """
    url = index_url() + "index.json"
    if warn and not url.startswith(("https://", "file://")):
        warn(f"the package index {url} is not https: what it lists is not authenticated")
    local = local_index_path()
    try:
        data = _fetch(url, timeout)
        entries = _entries(data)
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
            with local.open("rb") as f:
                entries = _entries(f.read(MAX_INDEX_BYTES + 1))
        except (OSError, ValueError) as local_err:
            raise IndexUnavailable(f"{local}: unreadable package index ({local_err})") from None
    return [e for e in map(parse_entry, entries) if e is not None]


def find_thai_english(packages: list[IndexEntry]) -> IndexEntry | None:
    """The newest Thai→English translation package in an index, or None."""
    from packaging.version import InvalidVersion, Version

    def version(pkg: IndexEntry) -> Version:
        try:
            return Version(pkg.package_version)
        except InvalidVersion:
            return Version("0")

    return max(packages, key=version) if packages else None


def _get(link: str, out: Any, progress: Progress | None, timeout: float) -> str:
    """Download ``link`` into ``out`` (at most MAX_DOWNLOAD_BYTES); return the sha256 of what came."""
    digest = hashlib.sha256()
    request = urllib.request.Request(link, headers={"User-Agent": "bilingual-reader"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        length = response.headers.get("Content-Length")
        total = int(length) if length and length.isdigit() and len(length) < 20 else None
        if total is not None and total > MAX_DOWNLOAD_BYTES:
            raise ValueError(f"package of {total} bytes is larger than {MAX_DOWNLOAD_BYTES}")
        done = 0
        while chunk := response.read(CHUNK):
            done += len(chunk)
            if done > MAX_DOWNLOAD_BYTES:
                raise ValueError(f"package larger than {MAX_DOWNLOAD_BYTES} bytes")
            digest.update(chunk)
            out.write(chunk)
            if progress:
                progress(done, total)
    return digest.hexdigest()


def download(
    pkg: IndexEntry, progress: Progress | None = None, timeout: float = 30.0, warn: Warn | None = None
) -> Path:
    """Download a package's file into the downloads directory, reporting (bytes done, total)."""
    folder = downloads_dir()
    folder.mkdir(parents=True, exist_ok=True)
    errors = []
    for link in pkg.links:
        if warn and link.startswith("http://"):
            warn(f"downloading {link} over plain http (not authenticated)")
        fd, name = tempfile.mkstemp(prefix="translate-th_en-", suffix=".argosmodel", dir=folder)
        target = Path(name)
        try:
            with os.fdopen(fd, "wb") as out:
                digest = _get(link, out, progress, timeout)
            if pkg.sha256 is not None and digest != pkg.sha256:
                raise ValueError(f"sha256 {digest} does not match the index's {pkg.sha256}")
            return target
        except (OSError, ValueError, urllib.error.URLError) as err:
            target.unlink(missing_ok=True)
            errors.append(f"{link}: {err}")
    raise IndexUnavailable("download failed: " + "; ".join(errors or ["no links"]))


def install_from_index(
    progress: Progress | None = None, timeout: float = 10.0, warn: Warn | None = None
) -> InstalledModel:
    """Fetch the index, download the newest Thai→English package, validate and install it."""
    pkg = find_thai_english(fetch_index(timeout, warn))
    if pkg is None:
        raise IndexUnavailable(f"no Thai→English package in the index at {index_url()}")
    path = download(pkg, progress, timeout=max(timeout, 30.0), warn=warn)
    try:
        return install_file(path)
    finally:
        path.unlink(missing_ok=True)
