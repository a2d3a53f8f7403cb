"""The translation memory: machine translations per sentence and human post-edits per paragraph, in SQLite.

Schema versions (``PRAGMA user_version``): 0 numbered post-edits' paragraphs from the line after the
title, under an article id that left the title out; 1 (issue 8) counts every line. Opening a version-0
memory moves its post-edits (and their history) to ``post_edits_v0`` (``post_edit_history_v0``) until their
article is translated again (:meth:`TranslationMemory.adopt_legacy_post_edits`).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from bilingual_reader import paths
from bilingual_reader.schema_version import upgrade
from bilingual_reader.translation.engines.base import Hypothesis, SentenceTranslation
from bilingual_reader.translation.errors import MemoryFileError
from bilingual_reader.translation.memory_file import TABLES, connect_memory, create_statement
from bilingual_reader.translation.sentences import SPLITTER_VERSION

MEMORY_NAME = "memory.db"
SCHEMA_VERSION = 1
_PER_PARAGRAPH = ("post_edits", "post_edit_history")  # keyed by article id and paragraph index
_CHUNK = 500  # keys per ``IN (…)`` query


def normalize_source(text: str) -> str:
    """The memory key of a source sentence: whitespace collapsed, trimmed."""
    return " ".join(text.split())


def source_hash(text: str) -> str:
    """SHA-256 hex of a normalized paragraph: a post-edit only applies to the text it was made for."""
    return hashlib.sha256(normalize_source(text).encode("utf-8")).hexdigest()


def split_key(paragraph: str) -> str:
    """The memory key of a paragraph's sentence split (changes when the splitter's rules change)."""
    return source_hash(f"{SPLITTER_VERSION}\n{paragraph}")


def memory_path() -> Path:
    """The user's translation memory file."""
    return paths.data_dir() / MEMORY_NAME


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


class TranslationMemory:
    """One SQLite connection to the memory; it belongs to the thread that opened it (open one per worker).

    Raises :class:`~bilingual_reader.translation.errors.MemoryFileError` for a file it cannot use.
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or memory_path()
        self.conn = connect_memory(self.path)
        try:
            upgrade(self.conn, SCHEMA_VERSION, self._upgrade)
        except sqlite3.Error as err:
            self.conn.close()
            raise MemoryFileError(f"{self.path}: cannot upgrade the translation memory ({err})") from None
        except BaseException:
            self.conn.close()
            raise

    def _upgrade(self, version: int) -> None:
        """Schema 0 → 1: keep stored post-edits aside under their old numbering (see the module's doc)."""
        if version == 0 and any(self._has_rows(table) for table in _PER_PARAGRAPH):
            for table in _PER_PARAGRAPH:
                self.conn.execute(f"alter table {table} rename to {table}_v0")
                self.conn.execute(create_statement(table))

    def _exists(self, table: str) -> bool:
        return self.conn.execute("select 1 from sqlite_master where name = ?", [table]).fetchone() is not None

    def _has_rows(self, table: str) -> bool:
        return self.conn.execute(f"select 1 from {table} limit 1").fetchone() is not None

    def adopt_legacy_post_edits(self, legacy_id: str, article_id: str) -> int:
        """Move an article's schema-0 post-edits (and history) to ``article_id``, one paragraph on.

        Returns how many post-edits moved; a later edit under the new numbering wins over an old one.
        """
        moved = 0
        with self.conn:
            for table in _PER_PARAGRAPH:
                if not self._exists(f"{table}_v0"):
                    continue
                key, rest = TABLES[table]
                columns = [c for c in (*key, *rest) if c not in ("article_id", "paragraph")]
                cursor = self.conn.execute(
                    f"insert or ignore into {table} (article_id, paragraph, {', '.join(columns)})"
                    f" select ?, paragraph + 1, {', '.join(columns)} from {table}_v0 where article_id = ?",
                    [article_id, legacy_id],
                )
                moved += cursor.rowcount if table == "post_edits" else 0
                self.conn.execute(f"delete from {table}_v0 where article_id = ?", [legacy_id])
        return moved

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    def __enter__(self) -> TranslationMemory:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get_sentences(
        self, model: str, settings: str | None, sources: Iterable[str]
    ) -> dict[str, SentenceTranslation]:
        """Stored translations of ``sources`` (keyed by the source as given) for a model and settings.

        ``settings`` None takes the newest translation by the model with any settings (shown while the
        settings file is broken).
        """
        wanted = {normalize_source(s): s for s in sources}
        found: dict[str, SentenceTranslation] = {}
        keys = list(wanted)
        where = "model = ?" + (" and settings = ?" if settings is not None else "")
        fixed = [model] if settings is None else [model, settings]
        for start in range(0, len(keys), _CHUNK):
            chunk = keys[start : start + _CHUNK]
            marks = ", ".join("?" for _ in chunk)
            rows = self.conn.execute(
                f"select source, best, nbest from sentences where {where} and source in ({marks})"
                " order by created",
                [*fixed, *chunk],
            ).fetchall()
            for source, best, nbest in rows:
                hyps = tuple(Hypothesis(str(t), float(s)) for t, s in json.loads(nbest))
                found[wanted[source]] = SentenceTranslation(wanted[source], str(best), hyps)
        return found

    def latest_model(self, prefix: str) -> str | None:
        """The model key starting with ``prefix`` that stored a sentence last (a server's last identity)."""
        row = self.conn.execute(
            "select model from sentences where model >= ? and model < ? order by created desc limit 1",
            [prefix, prefix + "\U0010ffff"],
        ).fetchone()
        return str(row[0]) if row else None

    def put_sentence(self, model: str, settings: str, translation: SentenceTranslation) -> None:
        """Store (or replace) one sentence's translation in its own transaction."""
        nbest = json.dumps([[h.text, h.score] for h in translation.nbest], ensure_ascii=False)
        with self.conn:
            self.conn.execute(
                "insert or replace into sentences (model, settings, source, best, nbest, created)"
                " values (?, ?, ?, ?, ?, ?)",
                [model, settings, normalize_source(translation.source), translation.best, nbest, _now()],
            )

    def get_steered(
        self, model: str, settings: str | None, source: str, terms: str
    ) -> tuple[str, str, tuple[str, ...]] | None:
        """A stored steering outcome of a sentence: (English, method, suggestions), or None.

        ``settings`` None: the newest outcome with any settings.
        """
        where = "" if settings is None else " and settings = ?"
        fixed = [] if settings is None else [settings]
        row = self.conn.execute(
            f"select text, method, suggestions from steered where model = ?{where} and source = ?"
            " and terms = ? order by created desc limit 1",
            [model, *fixed, normalize_source(source), terms],
        ).fetchone()
        if row is None:
            return None
        return str(row[0]), str(row[1]), tuple(str(s) for s in json.loads(row[2]))

    def put_steered(
        self,
        model: str,
        settings: str,
        source: str,
        terms: str,
        outcome: tuple[str, str, tuple[str, ...]],
    ) -> None:
        """Store a sentence's steering outcome: (English, method, suggestions)."""
        text, method, suggestions = outcome
        with self.conn:
            self.conn.execute(
                "insert or replace into steered"
                " (model, settings, source, terms, text, method, suggestions, created)"
                " values (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    model,
                    settings,
                    normalize_source(source),
                    terms,
                    text,
                    method,
                    json.dumps(list(suggestions), ensure_ascii=False),
                    _now(),
                ],
            )

    def get_splits(self, paragraphs: Iterable[str]) -> dict[str, list[str]]:
        """The stored sentence splits of ``paragraphs`` (keyed by the paragraph as given)."""
        wanted = {split_key(p): p for p in paragraphs}
        found: dict[str, list[str]] = {}
        keys = list(wanted)
        for start in range(0, len(keys), _CHUNK):
            chunk = keys[start : start + _CHUNK]
            marks = ", ".join("?" for _ in chunk)
            for key, sentences in self.conn.execute(
                f"select key, sentences from splits where key in ({marks})", chunk
            ):
                found[wanted[key]] = [str(s) for s in json.loads(sentences)]
        return found

    def put_splits(self, splits: dict[str, list[str]]) -> None:
        """Store paragraphs' sentence splits (paragraph → its sentences) in one transaction."""
        if not splits:
            return
        rows = [(split_key(p), json.dumps(s, ensure_ascii=False)) for p, s in splits.items()]
        with self.conn:
            self.conn.executemany("insert or replace into splits (key, sentences) values (?, ?)", rows)

    def get_post_edits(self, article_id: str) -> dict[tuple[int, str], str]:
        """Every post-edit of an article: (paragraph, source hash) → English."""
        rows = self.conn.execute(
            "select paragraph, source_hash, english from post_edits where article_id = ?", [article_id]
        )
        return {(int(p), str(h)): str(e) for p, h, e in rows}

    def get_post_edit(self, article_id: str, paragraph: int, thai: str) -> str | None:
        """The post-edited English of a paragraph, if one was saved for this exact Thai."""
        row = self.conn.execute(
            "select english from post_edits where article_id = ? and paragraph = ? and source_hash = ?",
            [article_id, paragraph, source_hash(thai)],
        ).fetchone()
        return None if row is None else str(row[0])

    def save_post_edit(self, article_id: str, paragraph: int, thai: str, english: str) -> None:
        """Save a paragraph's post-edited English (machine translation never replaces it); kept in history."""
        key = [article_id, paragraph, source_hash(thai)]
        now = _now()
        with self.conn:
            self.conn.execute(
                "insert or replace into post_edits (article_id, paragraph, source_hash, english, updated)"
                " values (?, ?, ?, ?, ?)",
                [*key, english, now],
            )
            self.conn.execute(
                "insert or replace into post_edit_history"
                " (article_id, paragraph, source_hash, saved, english, reverted) values (?, ?, ?, ?, ?, '')",
                [*key, now, english],
            )
            self.conn.execute(
                "insert or replace into post_edit_sources (source_hash, thai) values (?, ?)",
                [key[2], normalize_source(thai)],
            )

    def revert_post_edit(self, article_id: str, paragraph: int, thai: str) -> str | None:
        """Drop a paragraph's post-edit so the machine translation shows again; returns the edit (None: none).

        The reverted text stays in ``post_edit_history`` (see :meth:`post_edit_history`).
        """
        key = [article_id, paragraph, source_hash(thai)]
        with self.conn:
            row = self.conn.execute(
                "select english, updated from post_edits where article_id = ? and paragraph = ?"
                " and source_hash = ?",
                key,
            ).fetchone()
            if row is None:
                return None
            self.conn.execute(
                "insert or ignore into post_edit_history"
                " (article_id, paragraph, source_hash, saved, english, reverted) values (?, ?, ?, ?, ?, '')",
                [*key, row[1], row[0]],
            )
            self.conn.execute(
                "update post_edit_history set reverted = ? where article_id = ? and paragraph = ?"
                " and source_hash = ? and saved = ?",
                [_now(), *key, row[1]],
            )
            self.conn.execute(
                "delete from post_edits where article_id = ? and paragraph = ? and source_hash = ?", key
            )
        return str(row[0])

    def post_edit_history(self, article_id: str, paragraph: int, thai: str) -> list[tuple[str, str, str]]:
        """Every post-edit saved for this paragraph's Thai, oldest first: (saved, English, reverted or "")."""
        rows = self.conn.execute(
            "select saved, english, reverted from post_edit_history where article_id = ? and paragraph = ?"
            " and source_hash = ? order by saved",
            [article_id, paragraph, source_hash(thai)],
        ).fetchall()
        return [(str(s), str(e), str(r)) for s, e, r in rows]
