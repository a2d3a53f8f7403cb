"""The library database's tables (``PRAGMA user_version`` 2): texts, reading positions, bookmarks,
per-chapter positions, and (since 2) each text's distinct word keys for its known share. Positions and
bookmarks are keyed by the article id (its content), so the sample article and files read without ``add``
resume too."""

from __future__ import annotations

SCHEMA_VERSION = 2

SCHEMA = """
CREATE TABLE IF NOT EXISTS texts (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    kind TEXT NOT NULL,
    file TEXT NOT NULL,
    source TEXT NOT NULL,
    paragraphs INTEGER NOT NULL,
    characters INTEGER NOT NULL,
    added_at TEXT NOT NULL,
    opened_at TEXT
);
CREATE TABLE IF NOT EXISTS positions (
    article_id TEXT PRIMARY KEY,
    paragraph INTEGER NOT NULL,
    offset INTEGER NOT NULL,
    top INTEGER NOT NULL,
    paragraphs INTEGER NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS bookmarks (
    article_id TEXT NOT NULL,
    paragraph INTEGER NOT NULL,
    offset INTEGER NOT NULL,
    label TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (article_id, paragraph, offset)
);
CREATE TABLE IF NOT EXISTS chapter_positions (
    article_id TEXT NOT NULL,
    chapter INTEGER NOT NULL,
    paragraph INTEGER NOT NULL,
    offset INTEGER NOT NULL,
    PRIMARY KEY (article_id, chapter)
);
CREATE TABLE IF NOT EXISTS text_words (
    article_id TEXT NOT NULL,
    key TEXT NOT NULL,
    PRIMARY KEY (article_id, key)
);
CREATE TABLE IF NOT EXISTS text_words_done (
    article_id TEXT PRIMARY KEY
);
"""
