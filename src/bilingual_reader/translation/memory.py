"""The translation memory: machine translations per sentence and human post-edits per paragraph, in SQLite."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bilingual_reader import paths
from bilingual_reader.translation.engine import Hypothesis, SentenceTranslation

MEMORY_NAME = "memory.db"


def normalize_source(text: str) -> str:
    """The memory key of a source sentence: whitespace collapsed, trimmed."""
    return " ".join(text.split())


def source_hash(text: str) -> str:
    """SHA-256 hex of a normalized paragraph: a post-edit only applies to the text it was made for."""
    return hashlib.sha256(normalize_source(text).encode("utf-8")).hexdigest()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class TranslationMemory:
    """One SQLite connection to the memory; it belongs to the thread that opened it (open one per worker)."""

    def __init__(self, path: Path | None = None) -> None:
        import sqlite_utils

        self.path = path or paths.data_dir() / MEMORY_NAME
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite_utils.Database(self.path)
        self.db.execute("PRAGMA busy_timeout = 5000")
        self.db.enable_wal()
        self.db.execute("PRAGMA synchronous = NORMAL")  # with WAL: an app crash loses nothing committed
        with self.db.conn:
            self.db.table("sentences").create(
                {"model": str, "settings": str, "source": str, "best": str, "nbest": str, "created": str},
                pk=("model", "settings", "source"),
                if_not_exists=True,
            )
            self.db.table("post_edits").create(
                {"article_id": str, "paragraph": int, "source_hash": str, "english": str, "updated": str},
                pk=("article_id", "paragraph", "source_hash"),
                if_not_exists=True,
            )
            # Added with glossary steering: a new table, so older memory.db files gain it on open and
            # older code ignores it. ``terms`` identifies the glossary terms a sentence was steered to.
            self.db.table("steered").create(
                {
                    "model": str,
                    "settings": str,
                    "source": str,
                    "terms": str,
                    "text": str,
                    "method": str,
                    "suggestions": str,
                    "created": str,
                },
                pk=("model", "settings", "source", "terms"),
                if_not_exists=True,
            )

    def close(self) -> None:
        """Close the connection."""
        self.db.close()

    def __enter__(self) -> TranslationMemory:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get_sentences(
        self, model: str, settings: str, sources: Iterable[str]
    ) -> dict[str, SentenceTranslation]:
        """Stored translations of ``sources`` (keyed by the source as given) for a model and settings."""
        wanted = {normalize_source(s): s for s in sources}
        found: dict[str, SentenceTranslation] = {}
        keys = list(wanted)
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            marks = ", ".join("?" for _ in chunk)
            rows = self.db.execute(
                "select source, best, nbest from sentences"
                f" where model = ? and settings = ? and source in ({marks})",
                [model, settings, *chunk],
            ).fetchall()
            for source, best, nbest in rows:
                hyps = tuple(Hypothesis(str(t), float(s)) for t, s in json.loads(nbest))
                found[wanted[source]] = SentenceTranslation(wanted[source], best, hyps)
        return found

    def put_sentence(self, model: str, settings: str, translation: SentenceTranslation) -> None:
        """Store (or replace) one sentence's translation in its own transaction."""
        row: dict[str, Any] = {
            "model": model,
            "settings": settings,
            "source": normalize_source(translation.source),
            "best": translation.best,
            "nbest": json.dumps([[h.text, h.score] for h in translation.nbest], ensure_ascii=False),
            "created": _now(),
        }
        with self.db.conn:
            self.db.table("sentences").upsert(row, pk=("model", "settings", "source"))

    def get_steered(
        self, model: str, settings: str, source: str, terms: str
    ) -> tuple[str, str, tuple[str, ...]] | None:
        """A stored steering outcome of a sentence: (English, method, suggestions), or None."""
        row = self.db.execute(
            "select text, method, suggestions from steered"
            " where model = ? and settings = ? and source = ? and terms = ?",
            [model, settings, normalize_source(source), terms],
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
        row: dict[str, Any] = {
            "model": model,
            "settings": settings,
            "source": normalize_source(source),
            "terms": terms,
            "text": text,
            "method": method,
            "suggestions": json.dumps(list(suggestions), ensure_ascii=False),
            "created": _now(),
        }
        with self.db.conn:
            self.db.table("steered").upsert(row, pk=("model", "settings", "source", "terms"))

    def get_post_edit(self, article_id: str, paragraph: int, thai: str) -> str | None:
        """The post-edited English of a paragraph, if one was saved for this exact Thai."""
        row = self.db.execute(
            "select english from post_edits where article_id = ? and paragraph = ? and source_hash = ?",
            [article_id, paragraph, source_hash(thai)],
        ).fetchone()
        return None if row is None else str(row[0])

    def save_post_edit(self, article_id: str, paragraph: int, thai: str, english: str) -> None:
        """Save a paragraph's post-edited English (machine translation never overwrites it)."""
        row = {
            "article_id": article_id,
            "paragraph": paragraph,
            "source_hash": source_hash(thai),
            "english": english,
            "updated": _now(),
        }
        with self.db.conn:
            self.db.table("post_edits").upsert(row, pk=("article_id", "paragraph", "source_hash"))

    def delete_post_edit(self, article_id: str, paragraph: int, thai: str) -> bool:
        """Forget a paragraph's post-edit; True if there was one."""
        with self.db.conn:
            cursor = self.db.execute(
                "delete from post_edits where article_id = ? and paragraph = ? and source_hash = ?",
                [article_id, paragraph, source_hash(thai)],
            )
        return bool(cursor.rowcount)
