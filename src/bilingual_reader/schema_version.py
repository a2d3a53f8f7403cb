"""Upgrading a SQLite database's schema once, under a write lock, tracked by ``PRAGMA user_version``."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

__all__ = ["upgrade"]


def upgrade(conn: sqlite3.Connection, target: int, steps: Callable[[int], None]) -> None:
    """Run ``steps(current_version)`` and set ``user_version`` to ``target``, if it is lower.

    One ``BEGIN IMMEDIATE`` transaction: two connections opening an old database at once upgrade it once
    (the second sees the new version), and a failure leaves it as it was. DDL is transactional in SQLite.
    """
    if _version(conn) >= target:
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        current = _version(conn)
        if current < target:
            steps(current)
            conn.execute(f"PRAGMA user_version = {int(target)}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])
