"""The learner database: word statuses with their history, lookups, paragraphs read, personal settings.

One ``LearnerStore`` per connection, used by the thread that opened it. Every write is one transaction.
Times come from an injected clock (an aware ``datetime``); a row's ``day`` is that clock's calendar day.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Collection, Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from bilingual_reader.learner.opening import LearnerError, memory_database, open_database
from bilingual_reader.learner.statuses import Status
from bilingual_reader.learner.words import NOWHERE, Place, Word, word_key
from bilingual_reader.thai.text import is_thai, normalize_key

__all__ = ["NOWHERE", "Clock", "LearnerStore", "Place", "Word", "local_now", "word_key"]

Clock = Callable[[], datetime]


def local_now() -> datetime:
    """Now, in the local time zone (the default clock)."""
    return datetime.now().astimezone()


class LearnerStore:
    """What one learner knows, is learning and has read. Raises ``LearnerError`` on a write it cannot make."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        *,
        path: Path | None = None,
        read_only: bool = False,
        clock: Clock | None = None,
    ) -> None:
        """Wrap an open, migrated connection (use :meth:`open` or :meth:`memory`)."""
        self.conn = conn
        self.path = path
        self.read_only = read_only
        self.clock: Clock = clock or local_now
        self._recorded: set[tuple[str, int, str]] = set()  # paragraphs recorded: moving back writes nothing
        self._batching = False

    @classmethod
    def open(cls, path: Path, *, read_only: bool = False, clock: Clock | None = None) -> LearnerStore:
        """Open the database at ``path`` (created if missing, unless read-only)."""
        conn, read_only = open_database(path, read_only)
        return cls(conn, path=path, read_only=read_only, clock=clock)

    @classmethod
    def memory(cls, *, read_only: bool = False, clock: Clock | None = None) -> LearnerStore:
        """An empty store in memory (tests; the reader's stand-in when the file cannot be used)."""
        return cls(memory_database(), read_only=read_only, clock=clock)

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    def _stamp(self) -> tuple[str, str]:
        now = self.clock()
        return now.isoformat(timespec="seconds"), now.date().isoformat()

    @contextmanager
    def batch(self) -> Iterator[None]:
        """The writes made inside are one transaction (all or none): queued records written together."""
        if self._batching:
            yield
            return
        self._batching = True
        try:
            with self._transaction():
                yield
        finally:
            self._batching = False

    def _write(self, sql_batches: Callable[[sqlite3.Connection], object]) -> None:
        if self._batching:
            sql_batches(self.conn)
            return
        with self._transaction():
            sql_batches(self.conn)

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        if self.read_only:
            raise LearnerError(f"{self.path or 'the learner database'}: read-only; nothing saved")
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")
        except sqlite3.Error as err:
            raise LearnerError(f"{self.path or 'the learner database'}: cannot save ({err})") from err

    # Statuses ------------------------------------------------------------------------------------------

    def statuses(self, keys: Collection[str]) -> dict[str, Status]:
        """The statuses of the normalized ``keys`` that have one, in one query (the rest are unknown)."""
        if not keys:
            return {}
        sql = "SELECT key, status FROM words WHERE key IN (SELECT value FROM json_each(?)) AND status != 0"
        return {key: Status(status) for key, status in self._read(sql, (json.dumps(list(keys)),))}

    def _read(self, sql: str, params: tuple[object, ...] = ()) -> list[tuple[Any, ...]]:
        """Rows of a query; a damaged file is one line (``LearnerError``), never a traceback."""
        try:
            return self.conn.execute(sql, params).fetchall()
        except sqlite3.DatabaseError as err:
            raise LearnerError(f"{self.path or 'the learner database'}: cannot read ({err})") from err

    def status(self, word: str) -> Status:
        """The status of one word (unknown when never marked)."""
        return self.statuses([normalize_key(word)]).get(normalize_key(word), Status.UNKNOWN)

    def set_status(self, words: str | Iterable[str], status: Status, place: Place = NOWHERE) -> int:
        """Give ``words`` (one or several) ``status`` in one transaction; returns how many changed.

        Each change is kept in the history with the old status and where it was made (``place``).
        ``ValueError`` for a word with no Thai."""
        keys = dict.fromkeys(word_key(w) for w in ([words] if isinstance(words, str) else words))
        at, day = self._stamp()
        changed = 0

        def write(conn: sqlite3.Connection) -> None:
            nonlocal changed
            old = self.statuses_all(keys)
            for key in keys:
                before = old.get(key, Status.UNKNOWN)
                if before == status:
                    continue
                conn.execute(
                    "INSERT INTO words (key, status, created, changed) VALUES (?, ?, ?, ?)"
                    " ON CONFLICT (key) DO UPDATE SET status = excluded.status, changed = excluded.changed",
                    (key, int(status), at, at),
                )
                conn.execute(
                    "INSERT INTO history (key, old, new, at, day, article, title, paragraph, sentence)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (key, int(before), int(status), at, day, *_place(place)),
                )
                changed += 1

        self._write(write)
        return changed

    def statuses_all(self, keys: Collection[str]) -> dict[str, Status]:
        """Like :meth:`statuses`, but words set back to unknown are included (as unknown)."""
        sql = "SELECT key, status FROM words WHERE key IN (SELECT value FROM json_each(?))"
        return {key: Status(status) for key, status in self._read(sql, (json.dumps(list(keys)),))}

    def word(self, text: str) -> Word | None:
        """The stored row of one word."""
        row = self.conn.execute(
            f"SELECT {_COLUMNS} FROM words WHERE key = ?", (normalize_key(text),)
        ).fetchone()
        return None if row is None else _word(row)

    def words(self, statuses: Collection[Status] | None = None) -> list[Word]:
        """Marked words (all statuses but unknown, or the given ones), by status then word."""
        wanted = [int(s) for s in statuses] if statuses is not None else [int(s) for s in Status if s]
        sql = (
            f"SELECT {_COLUMNS} FROM words WHERE status IN (SELECT value FROM json_each(?))"
            " ORDER BY status, key"
        )
        return [_word(row) for row in self._read(sql, (json.dumps(wanted),))]

    def put_words(self, words: Iterable[Word]) -> tuple[int, int]:
        """Store whole rows (an import): new words added, existing ones updated; returns (added, updated).

        One transaction; status changes go into the history like any other."""
        at, day = self._stamp()
        rows = list(words)
        counts = [0, 0]

        def write(conn: sqlite3.Connection) -> None:
            old = self.statuses_all([w.key for w in rows])
            for w in rows:
                before = old.get(w.key)
                conn.execute(
                    "INSERT INTO words (key, status, translation, pronunciation, tags, created, changed)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET status = excluded.status,"
                    " translation = excluded.translation, pronunciation = excluded.pronunciation,"
                    " tags = excluded.tags, changed = CASE WHEN words.status = excluded.status"
                    " THEN words.changed ELSE excluded.changed END",
                    (w.key, int(w.status), w.translation, w.pronunciation, w.tags, at, at),
                )
                if (before or Status.UNKNOWN) != w.status:
                    conn.execute(
                        "INSERT INTO history (key, old, new, at, day) VALUES (?, ?, ?, ?, ?)",
                        (w.key, int(before or 0), int(w.status), at, day),
                    )
                counts[before is not None] += 1

        self._write(write)
        return counts[0], counts[1]

    # Lookups and reading --------------------------------------------------------------------------------

    def record_lookup(self, word: str, place: Place) -> None:
        """Remember that ``word`` was looked up, where (a Thai word only; anything else is ignored)."""
        key = normalize_key(word)
        if not is_thai(key):
            return
        at, day = self._stamp()
        self._write(
            lambda conn: conn.execute(
                "INSERT INTO lookups (key, article, title, paragraph, sentence, at, day)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (key, *_place(place), at, day),
            )
        )

    def record_read(self, article: str, paragraph: int, words: int) -> bool:
        """Count paragraph ``paragraph`` of ``article`` (``words`` words) as read today; once a day each.
        Returns whether it was new today."""
        at, day = self._stamp()
        if (article, paragraph, day) in self._recorded:
            return False
        added = False

        def write(conn: sqlite3.Connection) -> None:
            nonlocal added
            cursor = conn.execute(
                "INSERT OR IGNORE INTO reading (article, paragraph, day, words, at) VALUES (?, ?, ?, ?, ?)",
                (article, paragraph, day, words, at),
            )
            added = cursor.rowcount > 0

        self._write(write)
        self._recorded.add((article, paragraph, day))
        return added

    # Settings -------------------------------------------------------------------------------------------

    def setting(self, name: str, default: str = "") -> str:
        """A personal setting (the English display mode, the gloss level)."""
        row = self.conn.execute("SELECT value FROM settings WHERE name = ?", (name,)).fetchone()
        return default if row is None else str(row[0])

    def set_setting(self, name: str, value: str) -> None:
        """Remember a personal setting."""
        self._write(
            lambda conn: conn.execute(
                "INSERT INTO settings (name, value) VALUES (?, ?)"
                " ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                (name, value),
            )
        )


def _place(place: Place) -> tuple[str, str, int, str]:
    return place.article, place.title, place.paragraph, place.sentence


_COLUMNS = "key, status, translation, pronunciation, tags, created, changed"


def _word(row: tuple[str, int, str, str, str, str, str]) -> Word:
    return Word(row[0], Status(row[1]), *row[2:])
