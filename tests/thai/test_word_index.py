"""Word lists as tries built once into the cache folder, then mapped by later processes (thai.word_index)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import pytest

from bilingual_reader.thai import corpora, repairs, word_index

WORDS = ["ปืน", "ปืนใหญ่", "รถถัง", "a b"]


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    cache = tmp_path / "cache"
    cache.mkdir()
    monkeypatch.setattr(word_index, "_cache_folder", lambda: cache)
    return cache


@pytest.fixture
def source(tmp_path: Path) -> Path:
    """The list file the keys are said to come from."""
    file = tmp_path / "words.txt"
    file.write_text("\n".join(WORDS), encoding="utf-8")
    return file


def _counting(words: list[str], calls: list[int]) -> Callable[[], Iterable[str]]:
    def keys() -> Iterable[str]:
        calls.append(1)
        return words

    return keys


def test_a_trie_is_built_once_then_mapped_from_its_file(folder: Path, source: Path) -> None:
    calls: list[int] = []
    first = word_index.cached_trie("test", [source], _counting(WORDS, calls))
    (saved,) = folder.glob("test-*.marisa")
    second = word_index.cached_trie("test", [source], _counting(WORDS, calls))
    assert calls == [1]  # the second one was mapped, not built
    for trie in (first, second):
        assert sorted(trie.keys()) == sorted(WORDS)
        assert "ปืน" in trie and "ปื" not in trie and "" not in trie
        assert trie.prefixes("ปืนใหญ่มาก") == ["ปืน", "ปืนใหญ่"]
    assert saved.stat().st_size > 0


def test_a_changed_source_or_another_kind_gets_another_file(folder: Path, source: Path) -> None:
    calls: list[int] = []
    word_index.cached_trie("test", [source], _counting(WORDS, calls))
    other = word_index.cached_trie("other", [source], _counting(["เรือ"], calls))
    source.write_text("รถ", encoding="utf-8")
    changed = word_index.cached_trie("test", [source], _counting(["รถ"], calls))
    assert calls == [1, 1, 1]
    assert list(changed.keys()) == ["รถ"] and list(other.keys()) == ["เรือ"]
    assert len(list(folder.glob("*.marisa"))) == 3


def test_a_damaged_file_is_built_again(folder: Path, source: Path) -> None:
    calls: list[int] = []
    word_index.cached_trie("test", [source], _counting(WORDS, calls))
    (saved,) = folder.glob("test-*.marisa")
    saved.write_bytes(saved.read_bytes()[:20])
    trie = word_index.cached_trie("test", [source], _counting(WORDS, calls))
    assert calls == [1, 1] and sorted(trie.keys()) == sorted(WORDS)
    again = word_index.cached_trie("test", [source], _counting(WORDS, calls))
    assert calls == [1, 1] and sorted(again.keys()) == sorted(WORDS)  # the file was written anew


def test_without_a_cache_folder_the_trie_is_built_in_memory(
    source: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(word_index, "_cache_folder", lambda: None)
    lines = [" ปืน".encode(), "ปืน\t".encode()]
    trie = word_index.cached_bytes_trie("test", [source], lambda: [("ปืน", line) for line in lines])
    assert sorted(trie["ปืน"]) == sorted(lines)


def test_an_unwritable_cache_folder_is_no_error(
    tmp_path: Path, source: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setattr(word_index, "_cache_folder", lambda: blocked)
    trie = word_index.cached_trie("test", [source], lambda: WORDS)
    assert "ปืนใหญ่" in trie


def test_the_word_index_holds_exactly_pythainlp_s_word_list() -> None:
    assert set(corpora.thai_word_index().keys()) == corpora.thai_words()  # type: ignore[attr-defined]


def test_the_common_words_index_holds_exactly_the_common_tnc_words() -> None:
    common = repairs._read_common(corpora.corpus_file("tnc_freq.txt"))
    assert len(common) > 5000
    assert set(repairs._common().keys()) == common  # type: ignore[attr-defined]


def test_the_titles_index_holds_the_wikipedia_titles_but_the_comments() -> None:
    lines = corpora.corpus_file("wikipedia_titles_th.txt").read_text(encoding="utf-8").split("\n")
    assert lines[0].startswith("#") and lines[-1]  # a comment first; no line break after the last title
    titles = [line for line in lines if line and not line.startswith("#")]
    assert len(titles) > 200_000
    assert len(repairs._titles()) == len(set(titles))  # type: ignore[arg-type]
    assert all(map(repairs.is_title, titles[::50]))
    asked = [lines[0], "", "ฐานทัพอากาศโยโกตะ", "โยโกตะ", lines[-1]]
    assert [repairs.is_title(text) for text in asked] == [False, False, False, True, True]
