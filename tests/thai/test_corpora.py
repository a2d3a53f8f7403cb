"""pythainlp's word list answered without building the word set, for a one-shot lookup."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path

import pytest

from bilingual_reader.thai import corpora

WORDS = ["ปืน", "ปืนใหญ่", "ใหญ่", "อัตตา", "จร", "ยูเครน", "เดินทาง", "ใหญ่อัต", "ปืนใหญ่อัตตาจร", "ก", "",
         " ปืน", "ปืน ", "ปืน\nใหญ่", "#", "abc"]  # fmt: skip


@functools.cache
def _word_set() -> frozenset[str]:
    """``corpora.thai_words()`` made once for these tests, outside its cache (which they watch)."""
    words: frozenset[str] = corpora.thai_words.__wrapped__()
    return words


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No word set built and no searches counted yet, as in a new process (and again afterwards)."""
    monkeypatch.setattr(corpora, "_searches", 0)
    corpora.thai_words.cache_clear()
    corpora._words_text.cache_clear()
    yield
    corpora.thai_words.cache_clear()
    corpora._words_text.cache_clear()


@pytest.mark.parametrize("word", WORDS)
def test_a_search_answers_as_the_word_set_does(fresh: None, word: str) -> None:
    searched = corpora.is_thai_word(word)
    assert corpora.thai_words.cache_info().currsize == 0  # answered without the set
    assert searched == (word in _word_set())


def test_the_set_is_built_after_enough_searches(fresh: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(corpora, "SEARCHES_BEFORE_SET", 3)
    answers = [corpora.is_thai_word(w) for w in WORDS[:3]]
    assert corpora.thai_words.cache_info().currsize == 0
    assert corpora.is_thai_word("ปืน") and answers == [True, True, True]
    assert corpora.thai_words.cache_info().currsize == 1


def test_a_word_file_with_comments_or_spaces_is_answered_by_the_set(
    fresh: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    words = tmp_path / "corpus" / corpora.WORDS_FILE
    words.parent.mkdir()
    words.write_text("ปืน # a gun\nใหญ่ \nรถ\n", encoding="utf-8")
    monkeypatch.setattr(corpora, "corpus_file", lambda name: tmp_path / "corpus" / name)
    assert [corpora.is_thai_word(w) for w in ("ปืน", "ใหญ่", "รถ", "ปืน # a gun")] == [True, True, True, False]
    assert corpora.thai_words.cache_info().currsize == 1
