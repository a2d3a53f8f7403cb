"""The glossary store: concepts and their Thai/English terms in a SQLite file (see ``schema``).

A ``Glossary`` belongs to the thread that opened it (sqlite3's ``check_same_thread`` guards this):
open another one in a worker thread instead of sharing it.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from bilingual_reader.glossary import rows
from bilingual_reader.glossary.cleaning import clean_concept
from bilingual_reader.glossary.errors import DuplicateTermError, GlossaryError, UnknownConceptError
from bilingual_reader.glossary.models import Concept
from bilingual_reader.glossary.opening import memory_database, open_database
from bilingual_reader.glossary.validation import concept_problems
from bilingual_reader.thai.text import normalize_key

if TYPE_CHECKING:
    from sqlite_utils import Database

__all__ = ["DuplicateTermError", "Glossary", "GlossaryError", "UnknownConceptError", "utc_now"]

Clock = Callable[[], str]
#: The largest integer SQLite stores (64-bit signed); a larger id names no concept.
MAX_SQLITE_INTEGER = 2**63 - 1


def utc_now() -> str:
    """The current time as an ISO 8601 UTC timestamp (seconds), as stored in ``created``/``updated``."""
    return datetime.now(UTC).isoformat(timespec="seconds")


class Glossary:
    """An open glossary. Use ``Glossary.open(path)`` or ``Glossary.memory()``; close it (or use ``with``)."""

    def __init__(
        self, conn: sqlite3.Connection, path: Path | None, read_only: bool, clock: Clock | None = None
    ) -> None:
        """Wrap an already prepared connection; prefer ``open`` or ``memory``."""
        self._conn = conn
        self._db: Database | None = None
        self._path = path
        self._read_only = read_only
        self._clock = clock or utc_now
        self._name = str(path) if path is not None else ":memory:"

    @classmethod
    def open(
        cls, path: str | os.PathLike[str], *, read_only: bool = False, clock: Clock | None = None
    ) -> Glossary:
        """Open the glossary at ``path``, creating it if missing and upgrading an older one after a backup.

        A file that is not a glossary (not SQLite, corrupt, unknown schema) raises ``GlossaryError``
        and is left untouched. ``read_only=True``, or a file we may not write, opens it read-only.
        ``clock`` supplies the ``created``/``updated`` timestamps (default: now, UTC).
        """
        location = Path(path).expanduser()
        conn, read_only = open_database(location, read_only)
        return cls(conn, location, read_only, clock)

    @classmethod
    def memory(cls, *, clock: Clock | None = None) -> Glossary:
        """A new, empty glossary held in memory."""
        return cls(memory_database(), None, False, clock)

    @property
    def path(self) -> Path | None:
        """The glossary file (``None`` for an in-memory glossary)."""
        return self._path

    @property
    def read_only(self) -> bool:
        """True when writes are refused (opened with ``read_only=True`` or the file is not writable)."""
        return self._read_only

    @property
    def conn(self) -> sqlite3.Connection:
        """The underlying connection (for queries the methods do not offer; prefer the methods)."""
        return self._conn

    @property
    def db(self) -> Database:
        """The connection as a sqlite-utils database (for migrations and tools; imports sqlite-utils)."""
        if self._db is None:
            from sqlite_utils import Database

            self._db = Database(self._conn, execute_plugins=False)
        return self._db

    def close(self) -> None:
        """Close the connection (checkpointing the WAL)."""
        self._conn.close()

    def __enter__(self) -> Glossary:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def count(self) -> int:
        """The number of concepts."""
        return int(self._read("SELECT count(*) FROM concepts")[0][0])

    def concepts(self) -> list[Concept]:
        """Every concept by id, each with its terms preferred first (Thai before English within a status)."""
        return rows.concepts_from_rows(self._read(rows.ALL_SQL))

    def get(self, concept_id: int) -> Concept:
        """The concept with ``concept_id``; raises ``UnknownConceptError`` if there is none."""
        if not 0 <= concept_id <= MAX_SQLITE_INTEGER:  # SQLite cannot even be asked (OverflowError)
            raise UnknownConceptError(f"{self._name}: no concept with id {concept_id}")
        found = rows.concepts_from_rows(self._read(rows.BY_ID_SQL, (concept_id,)))
        if not found:
            raise UnknownConceptError(f"{self._name}: no concept with id {concept_id}")
        return found[0]

    def lookup(self, text: str) -> list[Concept]:
        """Concepts having a term (Thai or English, any status) whose normalized key equals ``text``'s."""
        key = normalize_key(text)
        if not key:
            return []
        return rows.concepts_from_rows(self._read(rows.BY_KEY_SQL, (key,)))

    def thai_terms(self) -> set[str]:
        """The normalized keys of every Thai term (all statuses), e.g. for the segmenter's dictionary."""
        return {row[0] for row in self._read(rows.THAI_KEYS_SQL)}

    @contextmanager
    def transaction(self) -> Iterator[Glossary]:
        """A block whose writes are all kept or, if it raises, all rolled back (nests as a savepoint).

        The outermost block takes the write lock first (``BEGIN IMMEDIATE``, waiting up to the busy
        timeout), so reading then writing cannot fail at once with "database is locked" because another
        process wrote in between.
        """
        self._require_writable()
        conn = self._conn
        try:
            if conn.in_transaction:
                with self.db.atomic():
                    yield self
                return
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield self
            except BaseException:
                conn.rollback()
                raise
            conn.execute("COMMIT")
        except sqlite3.Error as err:
            if conn.in_transaction:
                conn.rollback()
            raise GlossaryError(f"{self._name}: {err}") from err

    def add(self, concept: Concept) -> Concept:
        """Store a new concept (with its id if set, else a new one), its text cleaned; return it as stored."""
        concept = clean_concept(concept)
        self._validate(concept)
        with self.transaction():
            if concept.id is not None and self._exists(concept.id):
                raise GlossaryError(f"{self._name}: a concept with id {concept.id} already exists")
            self._refuse_taken_thai(concept)
            concept_id = rows.insert_concept(self._conn, concept, self._clock())
        return self.get(concept_id)

    def update(self, concept: Concept) -> Concept:
        """Replace the stored concept with ``concept.id`` (terms without a known id are added)."""
        concept_id = concept.id
        if concept_id is None:
            raise GlossaryError(f"{self._name}: cannot update a concept without an id")
        concept = clean_concept(concept)
        self._validate(concept)
        with self.transaction():
            if not self._exists(concept_id):
                raise UnknownConceptError(f"{self._name}: no concept with id {concept_id}")
            self._refuse_taken_thai(concept)
            rows.update_concept(self._conn, concept, self._clock())
        return self.get(concept_id)

    def thai_owner(self, concept: Concept) -> tuple[str, Concept] | None:
        """The first Thai term of ``concept`` that another stored concept has, with that concept."""
        for term in concept.thai:
            found = self._read(rows.THAI_OWNER_SQL, (normalize_key(term.text), concept.id or 0))
            if found:
                return term.text.strip(), self.get(int(found[0][0]))
        return None

    def _refuse_taken_thai(self, concept: Concept) -> None:
        """A Thai term is one concept's: raise ``DuplicateTermError`` naming the concept that has it."""
        taken = self.thai_owner(concept)
        if taken is not None:
            term, owner = taken
            english = owner.english[0].text if owner.english else ""
            name = f"{owner.headword} = {english}" if english else owner.headword
            raise DuplicateTermError(
                f"{self._name}: the Thai term {term!r} already belongs to concept {owner.id} ({name})",
                term,
                owner.id or 0,
            )

    def delete(self, concept_id: int) -> None:
        """Delete a concept and its terms; raises ``UnknownConceptError`` if there is none."""
        if not self._exists(concept_id):
            raise UnknownConceptError(f"{self._name}: no concept with id {concept_id}")
        with self.transaction():
            cursor = self._conn.execute("DELETE FROM concepts WHERE id = ?", (concept_id,))
            if cursor.rowcount == 0:
                raise UnknownConceptError(f"{self._name}: no concept with id {concept_id}")

    def _exists(self, concept_id: int) -> bool:
        if not 0 <= concept_id <= MAX_SQLITE_INTEGER:
            return False
        return bool(self._read("SELECT 1 FROM concepts WHERE id = ?", (concept_id,)))

    def _validate(self, concept: Concept) -> None:
        self._require_writable()
        problems = concept_problems(concept)
        if problems:
            raise GlossaryError(f"{self._name}: cannot store {_label(concept)}: {'; '.join(problems)}")

    def _require_writable(self) -> None:
        if self._read_only:
            raise GlossaryError(f"{self._name}: glossary is read-only")

    def _read(self, sql: str, params: tuple[object, ...] = ()) -> list[tuple[Any, ...]]:
        try:
            return self._conn.execute(sql, params).fetchall()
        except sqlite3.Error as err:
            raise GlossaryError(f"{self._name}: {err}") from err


def _label(concept: Concept) -> str:
    """How a concept is named in messages: its id, or its first term."""
    if concept.id is not None:
        return f"concept {concept.id}"
    return f"concept {concept.terms[0].text!r}" if concept.terms else "concept"
