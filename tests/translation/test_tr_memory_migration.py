"""Post-edits stored before every line was a paragraph (memory schema 0) move to the new numbering."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from bilingual_reader.documents.articles import article_from_text
from bilingual_reader.translation.memory import SCHEMA_VERSION, TranslationMemory, source_hash
from bilingual_reader.translation.pipeline import translate_article

from .fakes import FakeEngine

TEXT = "ข่าวทหาร\nกองทัพบก ซื้อปืน\nทหาร สวมเสื้อเกราะ\n"


def _old_memory(path: Path, rows: list[tuple[str, int, str, str]]) -> None:
    """A memory.db as schema 0 wrote it: post-edits numbered without the title line."""
    conn = sqlite3.connect(path)
    conn.execute(
        "CREATE TABLE [post_edits] ([article_id] TEXT, [paragraph] INTEGER, [source_hash] TEXT, "
        "[english] TEXT, [updated] TEXT, PRIMARY KEY ([article_id], [paragraph], [source_hash]))"
    )
    conn.executemany("INSERT INTO post_edits VALUES (?, ?, ?, ?, '2026-01-01T00:00:00+00:00')", rows)
    conn.commit()
    conn.close()


def test_old_post_edits_show_again_on_their_paragraph(tmp_path: Path) -> None:
    article = article_from_text(TEXT)
    assert article.legacy_id is not None
    path = tmp_path / "memory.db"
    _old_memory(path, [(article.legacy_id, 1, source_hash("ทหาร สวมเสื้อเกราะ"), "Soldiers wear vests.")])
    with TranslationMemory(path) as memory:
        results = {r.index: r for r in translate_article(article, engine=FakeEngine(), memory=memory)}
        assert (results[2].source, results[2].english) == ("post-edit", "Soldiers wear vests.")
        assert [results[i].source for i in (0, 1)] == ["engine", "engine"]
        assert memory.get_post_edit(article.article_id, 2, "ทหาร สวมเสื้อเกราะ") == "Soldiers wear vests."
        assert memory.adopt_legacy_post_edits(article.legacy_id, article.article_id) == 0  # moved once
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("SELECT count(*) FROM post_edits_v0").fetchone()[0] == 0
    conn.close()


def test_a_new_memory_has_the_current_schema(tmp_path: Path) -> None:
    with TranslationMemory(tmp_path / "memory.db") as memory:
        memory.save_post_edit("a", 0, "ทหาร", "Soldier")
    with TranslationMemory(tmp_path / "memory.db") as memory:
        assert memory.get_post_edit("a", 0, "ทหาร") == "Soldier"
        assert memory.adopt_legacy_post_edits("old", "a") == 0
