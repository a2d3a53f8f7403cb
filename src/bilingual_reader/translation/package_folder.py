"""The packages folder's housekeeping: a lock for installs and removals, and recovery after a crash.

An install extracts into ``.installing-<name>-<random>``; replacing a package moves the old one to
``.replacing-<name>-<random>`` before the new one moves in; a removal renames the package to
``.removing-<name>-<random>`` before deleting it. A crash can leave any of them behind: :func:`recover`
deletes staging and removal folders and puts a package caught mid-replacement back where it was (when its
place is still empty), so no crash loses the working model.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import secrets
import shutil
from collections.abc import Iterator
from pathlib import Path

STAGING = (".installing-", ".removing-", ".replacing-")


def unique_name(prefix: str, name: str) -> str:
    """A fresh hidden folder name ``<prefix><name>-<random>``."""
    return f"{prefix}{name}-{secrets.token_hex(4)}"


@contextlib.contextmanager
def locked(root: Path, wait: bool = True) -> Iterator[bool]:
    """Hold the lock on the folder itself (flock on its descriptor: no lock file among the packages).

    Another process installing or removing waits; with ``wait=False`` the lock is only tried: the body
    runs with False when someone else holds it.
    """
    fd = os.open(root, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            yield False
            return
        yield True
    finally:
        os.close(fd)  # closing releases the lock


def recover(root: Path) -> list[str]:
    """Clean up after crashed installs and removals (call with the lock held); return what was done."""
    done = []
    for folder in sorted(root.iterdir()):
        prefix = next((p for p in STAGING if folder.name.startswith(p)), None)
        if prefix is None or not folder.is_dir() or folder.is_symlink():
            continue
        name = folder.name[len(prefix) :].rpartition("-")[0]
        if prefix == ".replacing-" and name and not name.startswith(".") and not (root / name).exists():
            os.replace(folder, root / name)
            done.append(f"restored {root / name}")
        else:
            shutil.rmtree(folder, ignore_errors=True)
            done.append(f"removed {folder}")
    return done


def tidy(root: Path) -> list[str]:
    """:func:`recover` if the folder is writable and nobody is installing or removing right now."""
    if not root.is_dir() or not os.access(root, os.W_OK):
        return []
    try:
        with locked(root, wait=False) as taken:
            return recover(root) if taken else []
    except OSError:
        return []
