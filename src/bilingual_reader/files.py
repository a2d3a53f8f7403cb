"""Reading and writing the user's files safely: regular files only, bounded reads, atomic writes.

Every file the program reads from outside goes through :func:`read_input`, and every file a command writes
goes through :func:`check_destination` (before the work) and :func:`write_output` (after it).
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

__all__ = ["SQLITE_MAGIC", "FileProblem", "check_destination", "read_input", "write_output"]

SQLITE_MAGIC = b"SQLite format 3\x00"


class FileProblem(Exception):
    """A file that cannot be read or written as asked; ``str()`` is one line naming the file."""

    def __init__(self, path: str | os.PathLike[str], problem: str) -> None:
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


def read_input(path: str | os.PathLike[str], limit: int, what: str = "file") -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes: never blocks on a FIFO, never reads past it."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise FileProblem(path, f"no such {what}") from None
    except IsADirectoryError:
        raise FileProblem(path, f"is a directory, not a {what}") from None
    except OSError as error:
        raise FileProblem(path, f"cannot be read ({error.strerror or error})") from None
    with os.fdopen(fd, "rb") as handle:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise FileProblem(path, f"is a directory, not a {what}")
        if not stat.S_ISREG(mode):
            raise FileProblem(path, f"is not a regular file (a device, pipe or socket); give a {what}")
        if os.fstat(fd).st_size > limit:
            raise FileProblem(path, f"is larger than the {_size(limit)} limit for a {what}")
        try:
            data = handle.read(limit + 1)
        except OSError as error:
            raise FileProblem(path, f"cannot be read ({error.strerror or error})") from None
    if len(data) > limit:
        raise FileProblem(path, f"is larger than the {_size(limit)} limit for a {what}")
    return data


def check_destination(
    path: str | os.PathLike[str], *, protect: Iterable[str | os.PathLike[str]] = ()
) -> Path:
    """Refuse, before any work, an output path whose folder is missing, that is a folder, that is one of
    the ``protect`` files (the inputs and the open databases, with their -wal/-shm/-journal), or that holds
    an SQLite database."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise FileProblem(target, f"cannot be written: the folder {folder} does not exist")
    if target.is_dir():
        raise FileProblem(target, "is a directory; give a file name to write")
    if not os.access(folder, os.W_OK):
        raise FileProblem(target, f"cannot be written: the folder {folder} is not writable")
    if target.exists():
        for other in protect:
            for suffix in ("", "-wal", "-shm", "-journal"):
                candidate = Path(f"{other}{suffix}")
                with contextlib.suppress(OSError):
                    if candidate.exists() and os.path.samefile(candidate, target):
                        raise FileProblem(
                            target, "is one of this command's own inputs; refusing to overwrite it"
                        )
        with contextlib.suppress(OSError), target.open("rb") as handle:
            if handle.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC:
                raise FileProblem(target, "is an SQLite database; refusing to overwrite it")
    return target


def write_output(path: str | os.PathLike[str], data: bytes | str) -> None:
    """Write ``data`` to ``path`` atomically: a temporary file in the same folder, flushed, renamed over."""
    target = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(OSError):
            os.chmod(temporary, stat.S_IMODE(target.stat().st_mode) if target.exists() else 0o644)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _size(limit: int) -> str:
    for unit, size in (("GiB", 1024**3), ("MiB", 1024**2), ("KiB", 1024)):
        if limit >= size and limit % size == 0:
            return f"{limit // size} {unit}"
    return f"{limit} bytes"
