"""Dismissed hits in review.db."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilingual_reader import paths
from bilingual_reader.qa.dismissals import ReviewError, ReviewStore, review_path


def test_review_db_lives_in_the_data_dir() -> None:
    assert review_path() == paths.data_dir() / "review.db"


def test_dismiss_and_restore_survive_reopening() -> None:
    store = ReviewStore.open()
    store.dismiss("article-a", 3, 7)
    store.dismiss("article-a", 3, 7)
    store.dismiss("article-a", 4, 1)
    store.dismiss("article-b", 0, 7)
    store.close()
    store = ReviewStore.open()
    assert store.dismissed("article-a") == {(3, 7), (4, 1)}
    store.restore("article-a", 3, 7)
    store.restore("article-a", 9, 9)
    assert store.dismissed("article-a") == {(4, 1)}
    assert store.dismissed("article-b") == {(0, 7)}
    assert store.dismissed("unknown") == frozenset()
    store.close()


def test_memory_store() -> None:
    store = ReviewStore.memory()
    store.dismiss("x", 0, 1)
    assert store.dismissed("x") == {(0, 1)}


def test_a_file_that_is_not_sqlite_is_one_line_error(tmp_path: Path) -> None:
    bad = tmp_path / "review.db"
    bad.write_text("not a database at all, just text " * 10, encoding="utf-8")
    with pytest.raises(ReviewError, match=r"review\.db: ") as caught:
        ReviewStore.open(bad)
    assert "\n" not in str(caught.value)
