"""Reading and writing the user's files safely: regular files only, bounded reads, atomic writes.

Every file the program reads from outside goes through :func:`read_input`, and every file a command writes
goes through :func:`check_destination` (before the work) and :func:`write_output` (after it).
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

__all__ = [
    "SQLITE_MAGIC",
    "FileProblem",
    "check_destination",
    "database_kind",
    "database_writable",
    "not_utf8",
    "open_input",
    "read_input",
    "read_text_input",
    "write_output",
]

SQLITE_MAGIC = b"SQLite format 3\x00"


def database_kind(path: Path) -> str:
    """What ``path`` is to a database opener: ``"missing"``, ``"directory"``, ``"special"`` (a device, FIFO or
    socket, which SQLite would block on or write a journal beside), ``"sqlite"`` (SQLite's header, or an
    empty file) or ``"other"``. Never blocks, never writes; a file it may not read raises ``OSError``."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return "missing"
    if stat.S_ISDIR(mode):
        return "directory"
    if not stat.S_ISREG(mode):
        return "special"
    with path.open("rb") as handle:
        head = handle.read(len(SQLITE_MAGIC))
    return "sqlite" if not head or head == SQLITE_MAGIC else "other"


def database_writable(path: Path) -> bool:
    """Whether SQLite may write ``path``: the file and its directory (journal, WAL) must be writable."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK)


class FileProblem(Exception):
    """A file that cannot be read or written as asked; ``str()`` is one line naming the file (and the line
    of it, when given)."""

    def __init__(self, path: str | os.PathLike[str], problem: str, line: int | None = None) -> None:
        self.path = Path(path)
        self.problem = problem
        self.line = line
        super().__init__(f"{self.path}{'' if line is None else f':{line}'}: {problem}")


def open_input(path: str | os.PathLike[str], limit: int, what: str = "file") -> BinaryIO:
    """A regular file of at most ``limit`` bytes opened for reading, with :func:`read_input`'s checks
    (never a FIFO or device; a size over ``limit`` refused); for reading a large file a part at a time.
    The caller reads at most ``limit + 1`` bytes and refuses more."""
    try:
        _require_regular(path, os.stat(path).st_mode, what)
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise FileProblem(path, "no such file") from None
    except NotADirectoryError:
        raise FileProblem(path, "no such file (a part of the path is not a folder)") from None
    except OSError as error:
        raise FileProblem(path, f"cannot be read ({error.strerror or error})") from None
    handle = os.fdopen(fd, "rb")
    status = os.fstat(fd)
    try:
        _require_regular(path, status.st_mode, what)
        if status.st_size > limit:
            raise _too_large(path, status.st_size, limit, what)
    except FileProblem:
        handle.close()
        raise
    return handle


def read_input(path: str | os.PathLike[str], limit: int, what: str = "file") -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes: never blocks on a FIFO, never reads past it.

    Anything else (missing, a directory, a device, a FIFO, a socket, larger than ``limit``) raises
    :class:`FileProblem`. A device or FIFO is refused before it is opened (opening some devices acts);
    the size is checked again on the open file and at most ``limit + 1`` bytes are ever read, so a file
    that lies about its size (``/proc``) or grows meanwhile is refused too.
    """
    with open_input(path, limit, what) as handle:
        try:
            data = handle.read(limit + 1)
        except OSError as error:
            raise FileProblem(path, f"cannot be read ({error.strerror or error})") from None
    if len(data) > limit:
        raise _too_large(path, None, limit, what)
    return data


def read_text_input(path: str | os.PathLike[str], limit: int, what: str = "file") -> str:
    """The UTF-8 text (a BOM dropped) of a regular file of at most ``limit`` bytes (:func:`read_input`);
    bytes that are not UTF-8 raise :func:`not_utf8`'s :class:`FileProblem`."""
    data = read_input(path, limit, what)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise not_utf8(path, data, err) from None


def not_utf8(path: str | os.PathLike[str], data: bytes, err: UnicodeDecodeError) -> FileProblem:
    """The one error for a file's ``data`` that is not UTF-8: ``FILE:LINE: not UTF-8 (byte 0xff at offset
    N)``, the line and offset in the file's bytes."""
    offset = len(data) - len(err.object) + err.start  # utf-8-sig counts from after the BOM
    line = data.count(b"\n", 0, offset) + 1
    return FileProblem(path, f"not UTF-8 (byte {data[offset]:#04x} at offset {offset})", line)


def _require_regular(path: str | os.PathLike[str], mode: int, what: str) -> None:
    if stat.S_ISDIR(mode):
        raise FileProblem(path, f"is a directory, not {_a(what)}")
    if not stat.S_ISREG(mode):
        kind = "a pipe (FIFO)" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else "a device"
        raise FileProblem(path, f"is {kind}, not a regular file; give {_a(what)}")


def _a(what: str) -> str:
    return f"{'an' if what[:1] in tuple('aeiou') else 'a'} {what}"


def _too_large(path: str | os.PathLike[str], size: int | None, limit: int, what: str) -> FileProblem:
    told = f"{size:,} bytes; " if size is not None else ""
    return FileProblem(path, f"too large ({told}the {what} limit is {_size(limit)})")


def check_destination(
    path: str | os.PathLike[str], *, protect: Iterable[str | os.PathLike[str]] = ()
) -> Path:
    """Refuse, before any work, an output path whose folder is missing, that is a folder, a device or a
    FIFO, that is one of the ``protect`` files (the inputs and the open databases) or one of the program's
    own databases in the data folder (``paths.own_databases``), with their -wal/-shm/-journal, whether they
    exist now or not, or that holds an SQLite database."""
    from bilingual_reader.paths import own_databases

    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise FileProblem(target, f"cannot be written: the folder {folder} does not exist")
    if target.is_dir():
        raise FileProblem(target, "is a directory; give a file name to write")
    if not os.access(folder, os.W_OK):
        raise FileProblem(target, f"cannot be written: the folder {folder} is not writable")
    resolved = _resolved(target)
    for other in (*protect, *own_databases()):
        for suffix in ("", "-wal", "-shm", "-journal"):
            candidate = Path(f"{other}{suffix}")
            if _resolved(candidate) == resolved or _same(candidate, target):
                raise FileProblem(target, "is one of this command's own inputs; refusing to overwrite it")
    if target.exists():
        if not target.is_file():
            raise FileProblem(target, "is not a regular file (a device or a pipe); give a file name to write")
        with contextlib.suppress(OSError), target.open("rb") as handle:
            if handle.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC:
                raise FileProblem(target, "is an SQLite database; refusing to overwrite it")
    return target


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


def _same(one: Path, other: Path) -> bool:
    try:
        return os.path.samefile(one, other)
    except (OSError, ValueError):
        return False


def write_output(path: str | os.PathLike[str], data: bytes | str) -> None:
    """Write ``data`` to ``path`` atomically: a temporary file in the same folder, flushed, renamed over.

    A file replaced keeps its permissions; a new one gets what ``open`` would give it (0666 less the
    umask: 0644 under 022, 0600 under 077), not the temporary file's 0600 nor a fixed 0644.
    """
    with atomic_output(path) as handle:
        handle.write(data.encode("utf-8") if isinstance(data, str) else data)


@contextlib.contextmanager
def atomic_output(path: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """A binary file to write ``path`` piece by piece, atomically as :func:`write_output` does: the
    pieces go to a temporary file in the same folder, renamed over ``path`` only when the block ends
    without an error (an error or Ctrl-C leaves ``path`` as it was)."""
    target = Path(path)
    import tempfile  # only for writes: reading commands do without it (and shutil, random)

    fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(OSError):
            os.chmod(temporary, stat.S_IMODE(target.stat().st_mode) if target.exists() else 0o666 & ~_umask())
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _umask() -> int:
    """The process's umask, read without changing it (``os.umask`` alone sets it, racing other threads)."""
    with (
        contextlib.suppress(OSError, ValueError),
        open("/proc/self/status", encoding="ascii", errors="replace") as status,
    ):
        for line in status:
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o022)  # no /proc (not Linux): set and put back at once
    os.umask(mask)
    return mask


def _size(limit: int) -> str:
    for unit, size in (("GiB", 1024**3), ("MiB", 1024**2), ("KiB", 1024)):
        if limit >= size and limit % size == 0:
            return f"{limit // size} {unit}"
    return f"{limit} bytes"
