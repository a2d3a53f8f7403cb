"""Dismissals stored before every line was a paragraph (schema 0) move to the new numbering, not lost."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from bilingual_reader.documents.articles import article_from_text
from bilingual_reader.qa.dismissals import SCHEMA_VERSION, ReviewStore

TEXT = "ข่าวทหาร\nกองทัพส่งรถถังไปชายแดน\nโดรนสองลำถูกยิงตก\n"


def _old_layout(path: Path, rows: list[tuple[str, int, int]]) -> None:
    """A review.db as version 0 wrote it: no user_version, the title line not counted."""
    conn = sqlite3.connect(path)
    conn.execute(
        "CREATE TABLE [dismissals] ([article_id] TEXT, [paragraph] INTEGER, [concept_id] INTEGER, "
        "[created] TEXT, PRIMARY KEY ([article_id], [paragraph], [concept_id]))"
    )
    conn.executemany("INSERT INTO dismissals VALUES (?, ?, ?, '2026-01-01T00:00:00+00:00')", rows)
    conn.commit()
    conn.close()


def test_old_dismissals_move_one_paragraph_on_under_the_new_id(tmp_path: Path) -> None:
    article = article_from_text(TEXT)
    assert article.legacy_id is not None
    path = tmp_path / "review.db"
    # old numbering: 0 = กองทัพส่งรถถัง…, 1 = โดรนสองลำ… (the title line was not a paragraph)
    _old_layout(path, [(article.legacy_id, 0, 1), (article.legacy_id, 1, 2), ("other-article", 0, 9)])
    store = ReviewStore.open(path)
    try:
        assert store.dismissed(article.article_id) == frozenset()  # not moved without the old id
        assert store.dismissed(article.article_id, article.legacy_id) == {(1, 1), (2, 2)}
        assert store.dismissed(article.article_id, article.legacy_id) == {(1, 1), (2, 2)}  # moved once
        store.restore(article.article_id, 2, 2)
        assert store.dismissed(article.article_id, article.legacy_id) == {(1, 1)}  # a restore sticks
    finally:
        store.close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("SELECT article_id, paragraph, concept_id FROM dismissals_v0").fetchall() == [
        ("other-article", 0, 9)
    ]
    conn.close()


def test_a_new_database_has_the_current_schema(tmp_path: Path) -> None:
    store = ReviewStore.open(tmp_path / "review.db")
    store.dismiss("a", 0, 1)
    assert store.dismissed("a", "old") == {(0, 1)}
    store.close()
    conn = sqlite3.connect(tmp_path / "review.db")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'dismissals_v0'").fetchall() == []
    conn.close()


def test_reopening_a_migrated_database_keeps_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "review.db"
    store = ReviewStore.open(path)
    store.dismiss("a", 3, 1)
    store.close()
    store = ReviewStore.open(path)
    assert store.dismissed("a") == {(3, 1)}
    store.close()
