"""The steps every store's SQLite file (glossary, learner database) goes through when opened: check it,
create it privately if missing, connect, prepare (migrate); and the backup taken before an upgrade."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from bilingual_reader import paths
from bilingual_reader.files import database_kind, database_writable

Fail = Callable[[str], Exception]


def open_store_file(
    path: Path,
    read_only: bool,
    *,
    what: str,
    fail: Fail,
    connect: Callable[[Path, bool], sqlite3.Connection],
    prepare: Callable[[sqlite3.Connection, Path, bool], sqlite3.Connection],
) -> tuple[sqlite3.Connection, bool]:
    """Open (creating if needed) the store file at ``path``; returns the prepared connection and whether it
    is read-only (asked for, or the file or its folder cannot be written).

    ``what`` names the store in messages ("glossary"); ``fail(message)`` makes the store's own one-line
    error.
    """
    exists = check_store_file(path, what=what, fail=fail)
    read_only = read_only or (exists and not database_writable(path))
    if not exists:
        if read_only:
            raise fail(f"{path}: no such {what} file")
        try:
            paths.private_folder(path.parent)
            paths.private_file(path)
        except OSError as err:
            raise fail(f"{path}: cannot create the {what} ({err.strerror})") from err
    conn = connect(path, read_only)
    try:
        return prepare(conn, path, read_only), read_only
    except BaseException:
        conn.close()
        raise


def check_store_file(path: Path, *, what: str, fail: Fail) -> bool:
    """True if ``path`` holds a SQLite file (or is empty), False if there is nothing there; raises
    ``fail(message)`` for anything else (a folder, a device or pipe, a file that is not SQLite). Never
    writes."""
    try:
        kind = database_kind(path)
    except OSError as err:
        raise fail(f"{path}: cannot read the {what} ({err.strerror})") from err
    if kind == "directory":
        raise fail(f"{path}: is a directory, not a {what} file")
    if kind == "special":
        raise fail(f"{path}: is a device, a pipe or a socket, not a {what} file")
    if kind == "other":
        raise fail(f"{path}: not a SQLite database")
    return kind == "sqlite"


def backup_copy(conn: sqlite3.Connection, path: Path, version: int, *, what: str, fail: Fail) -> Path:
    """Copy the database to ``<name>.bak-<version>`` with the SQLite backup API before an upgrade; never
    overwrites (``.bak-<version>.<n>``), and leaves no partial file behind."""
    target = path.with_name(f"{path.name}.bak-{version}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.bak-{version}.{n}")
    partial = target.with_name(target.name + ".partial")
    try:
        backup_into(conn, partial)
        os.replace(partial, target)
    except (sqlite3.Error, OSError) as err:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise fail(f"{path}: cannot back up the {what} before upgrading it ({err})") from err
    return target


def backup_into(conn: sqlite3.Connection, target: Path) -> None:
    """Copy the database behind ``conn`` into the private file ``target`` (backup API, WAL included)."""
    paths.private_file(target)
    copy = sqlite3.connect(target)
    try:
        conn.backup(copy)
    finally:
        copy.close()
