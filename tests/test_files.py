"""files.py: bounded reads of regular files only, destinations checked before the work, atomic writes."""

from __future__ import annotations

import os
import socket
import sqlite3
import threading
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from bilingual_reader.files import (
    FileProblem,
    atomic_output,
    check_destination,
    database_kind,
    read_input,
    write_output,
)


def test_reads_a_regular_file_up_to_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "ok.txt"
    path.write_bytes(b"x" * 100)
    assert read_input(path, 100) == b"x" * 100


def test_one_byte_over_the_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 101)
    with pytest.raises(FileProblem) as caught:
        read_input(path, 100, "glossary file")
    assert str(caught.value) == f"{path}: too large (101 bytes; the glossary file limit is 100 bytes)"


def test_a_sparse_gigabyte_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "sparse.csv"
    with path.open("wb") as handle:
        handle.truncate(1024**3)
    tracemalloc.start()
    try:
        with pytest.raises(FileProblem, match=r"too large \(1,073,741,824 bytes; the file limit is 5 MiB\)"):
            read_input(path, 5 * 1024**2)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 1024**2


def test_a_file_lying_about_its_size_is_read_only_to_the_limit_plus_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A /proc file says it is empty; a file may grow between fstat and read: read at most limit + 1."""
    path = tmp_path / "grows.txt"
    path.write_bytes(b"y" * 10_000)
    real_fstat = os.fstat

    class Small:
        def __init__(self, status: os.stat_result) -> None:
            self.st_mode, self.st_size = status.st_mode, 0

    monkeypatch.setattr(os, "fstat", lambda fd: Small(real_fstat(fd)))
    sizes: list[int] = []
    real_fdopen = os.fdopen

    def spying_fdopen(fd: int, mode: str) -> object:
        handle = real_fdopen(fd, mode)
        read = handle.read

        class Spy:
            def __enter__(self) -> Spy:
                return self

            def __exit__(self, *exc: object) -> None:
                handle.close()

            def read(self, size: int) -> bytes:
                data: bytes = read(size)
                sizes.append(len(data))
                return data

        return Spy()

    monkeypatch.setattr(os, "fdopen", spying_fdopen)
    with pytest.raises(FileProblem, match=r"too large \(the file limit is 100 bytes\)$"):
        read_input(path, 100)
    assert sizes == [101]


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    outcome: list[BaseException] = []
    reader = threading.Thread(target=lambda: _capture(outcome, fifo), daemon=True)
    reader.start()
    reader.join(timeout=20)
    if reader.is_alive():  # unblock the reader so the test run can end, then fail
        with open(fifo, "wb"):
            pass
        pytest.fail("read_input blocked on a FIFO")
    assert [str(e) for e in outcome] == [f"{fifo}: is a pipe (FIFO), not a regular file; give a file"]


def _capture(outcome: list[BaseException], path: Path) -> None:
    try:
        read_input(path, 100)
    except FileProblem as err:
        outcome.append(err)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: None, "no such file"),
        (lambda p: p.mkdir(), "is a directory, not an article file"),
    ],
    ids=["missing", "directory"],
)
def test_missing_and_directories(tmp_path: Path, make: object, message: str) -> None:
    path = tmp_path / "thing"
    assert callable(make)
    make(path)
    with pytest.raises(FileProblem) as caught:
        read_input(path, 100, "article file")
    assert str(caught.value).startswith(f"{path}: {message}")


def test_a_path_through_a_file_is_no_such_file(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    path = tmp_path / "file" / "inside.txt"
    with pytest.raises(FileProblem, match="no such file"):
        read_input(path, 100)


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null", "/dev/urandom"])
def test_devices_are_refused(device: str) -> None:
    with pytest.raises(FileProblem) as caught:
        read_input(device, 100, "article file")
    assert str(caught.value) == f"{device}: is a device, not a regular file; give an article file"


def test_a_socket_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.sock"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        with pytest.raises(FileProblem, match="is a socket, not a regular file"):
            read_input(path, 100)
    finally:
        server.close()


def test_a_symlink_to_a_fifo_is_refused(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "link.txt").symlink_to(tmp_path / "pipe")
    with pytest.raises(FileProblem, match="is a pipe"):
        read_input(tmp_path / "link.txt", 100)


# -- destinations ------------------------------------------------------------------------------------------


def test_a_missing_folder_is_refused_before_the_work(tmp_path: Path) -> None:
    folder = tmp_path / "missing"
    with pytest.raises(FileProblem) as caught:
        check_destination(folder / "out.md")
    assert str(caught.value) == f"{folder / 'out.md'}: cannot be written: the folder {folder} does not exist"


def test_a_folder_device_or_fifo_is_refused(tmp_path: Path) -> None:
    with pytest.raises(FileProblem, match="is a directory"):
        check_destination(tmp_path)
    with pytest.raises(FileProblem, match="not a regular file"):
        check_destination("/dev/null")
    os.mkfifo(tmp_path / "pipe")
    with pytest.raises(FileProblem, match="not a regular file"):
        check_destination(tmp_path / "pipe")


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm", "-journal"])
def test_protected_files_and_their_companions_are_refused_existing_or_not(
    tmp_path: Path, suffix: str
) -> None:
    glossary = tmp_path / "glossary.db"
    glossary.write_bytes(b"")
    with pytest.raises(FileProblem, match="own inputs; refusing to overwrite it"):
        check_destination(tmp_path / f"glossary.db{suffix}", protect=[glossary])


def test_protection_sees_through_symlinks_and_relative_paths(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = tmp_path / "article.txt"
    article.write_text("ข่าว")
    (tmp_path / "alias.md").symlink_to(article)
    with pytest.raises(FileProblem, match="own inputs"):
        check_destination(tmp_path / "alias.md", protect=[article])
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path)
    with pytest.raises(FileProblem, match="own inputs"):
        check_destination("sub/../article.txt", protect=[article])


def test_any_sqlite_file_is_refused(tmp_path: Path) -> None:
    database = tmp_path / "other.json"
    sqlite3.connect(database).execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(FileProblem, match="is an SQLite database; refusing to overwrite it"):
        check_destination(database)


def test_an_ordinary_existing_file_may_be_replaced(tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    out.write_text("old")
    assert check_destination(out, protect=[tmp_path / "glossary.db"]) == out


# -- atomic writes ----------------------------------------------------------------------------------------


def test_write_output_replaces_atomically(tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    out.write_text("old")
    out.chmod(0o600)
    write_output(out, "new ข่าว")
    assert out.read_text(encoding="utf-8") == "new ข่าว"
    assert out.stat().st_mode & 0o777 == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


@pytest.mark.parametrize(
    ("umask", "mode"),
    [(0o022, 0o644), (0o027, 0o640), (0o077, 0o600), (0o002, 0o664)],
    ids=["022", "027", "077", "002"],
)
def test_a_new_output_gets_the_mode_the_umask_gives(tmp_path: Path, umask: int, mode: int) -> None:
    """Exports were 0644 whatever the umask: a private umask (077) still made a world-readable file."""
    previous = os.umask(umask)
    try:
        write_output(tmp_path / "out.txt", "x")
        with open(tmp_path / "plain.txt", "w") as plain:  # what an ordinary open gives, for comparison
            plain.write("x")
    finally:
        os.umask(previous)
    assert (tmp_path / "out.txt").stat().st_mode & 0o777 == mode
    assert (tmp_path / "plain.txt").stat().st_mode & 0o777 == mode


def test_a_failed_write_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out.txt"
    out.write_text("old")

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError, match="No space left"):
        write_output(out, b"new")
    assert out.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


@pytest.mark.parametrize("name", ["glossary.db", "memory.db", "review.db", "learner.db", "memory.db-wal"])
def test_the_programs_own_databases_are_refused_before_they_exist(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """`glossary export`, `words export` and `cards export` wrote a CSV or an Anki deck named memory.db,
    review.db or learner.db into the data folder; every later translation or check then failed on it."""
    monkeypatch.setenv("BILINGUAL_READER_DATA_DIR", str(tmp_path))
    with pytest.raises(FileProblem, match="refusing to overwrite it"):
        check_destination(tmp_path / name)
    assert not (tmp_path / name).exists()


def test_the_own_database_names_are_the_ones_the_stores_use() -> None:
    from bilingual_reader import paths
    from bilingual_reader.glossary import locations
    from bilingual_reader.learner import locations as learner_locations
    from bilingual_reader.qa import dismissals
    from bilingual_reader.translation import memory

    names = (locations.FILE_NAME, memory.MEMORY_NAME, dismissals.FILE_NAME, learner_locations.FILE_NAME)
    assert set(names) == set(paths.OWN_DATABASES)


@pytest.mark.parametrize(
    ("make", "kind"),
    [
        (lambda p: None, "missing"),
        (lambda p: p.mkdir(), "directory"),
        (lambda p: os.mkfifo(p), "special"),
        (lambda p: p.write_bytes(b""), "sqlite"),
        (lambda p: sqlite3.connect(p).execute("CREATE TABLE t (x)").connection.commit(), "sqlite"),
        (lambda p: p.write_text("term,english\n"), "other"),
    ],
)
def test_database_kind_tells_what_a_database_path_holds_without_blocking(
    tmp_path: Path, make: Callable[[Path], object], kind: str
) -> None:
    path = tmp_path / "some.db"
    make(path)
    assert database_kind(path) == kind


def test_atomic_output_writes_in_pieces_and_an_interrupted_write_leaves_the_file_as_it_was(
    tmp_path: Path,
) -> None:
    target = tmp_path / "book.json"
    target.write_bytes(b"old")
    with pytest.raises(KeyboardInterrupt), atomic_output(target) as handle:
        handle.write(b"new, half")
        raise KeyboardInterrupt
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["book.json"]  # no temporary file left
    with atomic_output(target) as handle:
        handle.write(b"new, ")
        handle.write(b"whole")
    assert target.read_bytes() == b"new, whole"
