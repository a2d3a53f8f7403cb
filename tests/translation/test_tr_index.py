"""The package index: a local file:// index whose link points at a localhost HTTP server; offline failures."""

from __future__ import annotations

import functools
import json
import shutil
import threading
import time
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from bilingual_reader.translation.index import (
    IndexUnavailable,
    download,
    fetch_index,
    find_thai_english,
    install_from_index,
)
from bilingual_reader.translation.locations import downloads_dir, local_index_path
from bilingual_reader.translation.packages import installed_model


class _QuietHandler(SimpleHTTPRequestHandler):
    disable_nagle_algorithm = True  # the head and the body go as two writes: no 40 ms ACK wait between

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A localhost HTTP server (127.0.0.1 only) serving a folder; yields (base URL, folder)."""
    root = tmp_path / "served"
    root.mkdir()
    handler = functools.partial(_QuietHandler, directory=str(root))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, args=(0.01,), daemon=True)  # a quick shutdown
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/", root
    httpd.shutdown()
    httpd.server_close()


def _entry(version: str, links: list[str], **changes: str) -> dict[str, object]:
    return {
        "package_version": version,
        "from_code": "th",
        "to_code": "en",
        "type": "translate",
        "from_name": "Thai",
        "to_name": "English",
        "argos_version": "1.9",
        "links": links,
        **changes,
    }


def _index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, entries: list[object]) -> None:
    folder = tmp_path / "index"
    folder.mkdir()
    (folder / "index.json").write_text(json.dumps(entries))
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", folder.as_uri() + "/")


def test_install_from_file_index_and_localhost_server(
    server: tuple[str, Path], random_package_zip: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    base, root = server
    shutil.copyfile(random_package_zip, root / "th_en.argosmodel")
    _index(
        tmp_path,
        monkeypatch,
        [
            _entry("0.0.1", [base + "th_en.argosmodel"]),
            _entry("9.0", [base + "en_de.argosmodel"], from_code="en", to_code="de"),
        ],
    )
    seen: list[tuple[int, int | None]] = []
    started = time.monotonic()
    model = install_from_index(lambda done, total: seen.append((done, total)), timeout=5)
    assert time.monotonic() - started < 10
    assert model == installed_model()
    assert model.version == "0.0.1"
    size = random_package_zip.stat().st_size
    assert seen[-1] == (size, size)
    assert local_index_path().is_file()
    assert list(downloads_dir().iterdir()) == []  # the downloaded file is removed after install


def test_newest_thai_english_entry_is_chosen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _index(
        tmp_path,
        monkeypatch,
        [
            _entry("1.0", ["http://x/a"]),
            _entry("1.10", ["http://x/b"]),
            _entry("2.0", ["http://x/c"], type="sbd"),
        ],
    )
    chosen = find_thai_english(fetch_index(timeout=5))
    assert chosen is not None
    assert chosen.links == ["http://x/b"]


def test_offline_without_local_index_fails_fast() -> None:
    started = time.monotonic()
    with pytest.raises(IndexUnavailable) as caught:
        install_from_index(timeout=2)
    assert time.monotonic() - started < 5
    message = str(caught.value)
    assert "unreachable" in message and "model install --file" in message and "\n" not in message


def test_unreachable_index_falls_back_to_the_local_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    local_index_path().parent.mkdir(parents=True, exist_ok=True)
    local_index_path().write_text(json.dumps([_entry("1.9", ["http://x/y"])]))
    assert [p.package_version for p in fetch_index(timeout=2)] == ["1.9"]


def test_no_thai_english_package_in_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _index(tmp_path, monkeypatch, [_entry("1.0", ["http://x/a"], from_code="en", to_code="de")])
    with pytest.raises(IndexUnavailable, match="no Thai→English package in the index"):
        install_from_index(timeout=2)


def test_download_failure_is_one_line(
    server: tuple[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    base, _ = server
    _index(tmp_path, monkeypatch, [_entry("1.0", [base + "missing.argosmodel", "ftp://x/y"])])
    pkg = find_thai_english(fetch_index(timeout=5))
    assert pkg is not None
    with pytest.raises(IndexUnavailable) as caught:
        download(pkg, timeout=5)
    assert "download failed" in str(caught.value) and "\n" not in str(caught.value)
    assert installed_model() is None


def test_bad_downloaded_package_installs_nothing(
    server: tuple[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bilingual_reader.translation.packages import PackageError

    base, root = server
    (root / "bad.argosmodel").write_bytes(b"not a zip")
    _index(tmp_path, monkeypatch, [_entry("1.0", [base + "bad.argosmodel"])])
    with pytest.raises(PackageError, match="not a valid zip archive"):
        install_from_index(timeout=5)
    assert installed_model() is None


# Hostile indexes (issue 15) --------------------------------------------------------------------------------


def test_a_crafted_package_version_writes_nothing_outside_downloads(
    server: tuple[str, Path], random_package_zip: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    base, root = server
    shutil.copyfile(random_package_zip, root / "th_en.argosmodel")
    _index(tmp_path, monkeypatch, [_entry("../../../../escaped", [base + "th_en.argosmodel"])])
    before = {p for p in tmp_path.rglob("*")}
    install_from_index(timeout=5)
    assert installed_model() is not None
    assert not any("escaped" in p.name for p in tmp_path.rglob("*"))
    assert not any("escaped" in p.name for p in Path("/").glob("*"))
    assert {p for p in tmp_path.rglob("*") if p not in before and "argos" not in str(p)} == set()


def test_downloads_are_capped(
    server: tuple[str, Path], random_package_zip: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import bilingual_reader.translation.index as index

    base, root = server
    shutil.copyfile(random_package_zip, root / "th_en.argosmodel")
    _index(tmp_path, monkeypatch, [_entry("1.0", [base + "th_en.argosmodel"])])
    monkeypatch.setattr(index, "MAX_DOWNLOAD_BYTES", 1000)
    with pytest.raises(IndexUnavailable, match="larger than 1000"):
        install_from_index(timeout=5)
    assert installed_model() is None
    assert list(downloads_dir().iterdir()) == []


@pytest.mark.parametrize("right", [True, False])
def test_sha256_is_checked_where_the_index_gives_one(
    right: bool,
    server: tuple[str, Path],
    random_package_zip: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import hashlib

    base, root = server
    shutil.copyfile(random_package_zip, root / "th_en.argosmodel")
    digest = hashlib.sha256(random_package_zip.read_bytes()).hexdigest() if right else "0" * 64
    _index(tmp_path, monkeypatch, [_entry("1.0", [base + "th_en.argosmodel"], sha256=digest)])
    if right:
        assert install_from_index(timeout=5) == installed_model()
    else:
        with pytest.raises(IndexUnavailable, match="does not match"):
            install_from_index(timeout=5)
        assert installed_model() is None


def test_plain_http_is_named_in_a_warning(
    server: tuple[str, Path], random_package_zip: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    base, root = server
    shutil.copyfile(random_package_zip, root / "th_en.argosmodel")
    _index(tmp_path, monkeypatch, [_entry("1.0", ["ipfs://Qm", base + "th_en.argosmodel"])])
    warnings: list[str] = []
    install_from_index(timeout=5, warn=warnings.append)
    assert warnings == [f"downloading {base}th_en.argosmodel over plain http (not authenticated)"]
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", base)
    (root / "index.json").write_text(json.dumps([_entry("1.0", [base + "th_en.argosmodel"])]))
    warnings.clear()
    fetch_index(timeout=5, warn=warnings.append)
    assert warnings == [
        f"the package index {base}index.json is not https: what it lists is not authenticated"
    ]


def test_malformed_entries_are_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    good = _entry("1.9", ["https://x/good"])
    _index(
        tmp_path,
        monkeypatch,
        [
            None,
            [1],
            {**good, "languages": 5},
            {**good, "links": "https://x/bad"},
            {**good, "links": [7]},
            {**good, "package_version": {"a": 1}},
            {**good, "to_name": "\x1b]52;c;cHdu\x07"},
            _entry("9.0", ["ipfs://only"]),
            {**good, "sha256": "nope"},
            good,
        ],
    )
    (chosen,) = fetch_index(timeout=5)
    assert (chosen.package_version, chosen.links) == ("1.9", ["https://x/good"])
