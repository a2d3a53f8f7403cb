"""The translation memory: sentences per model and settings, post-edits per paragraph."""

from __future__ import annotations

import threading

import pytest

from bilingual_reader import paths
from bilingual_reader.translation.engines.base import Hypothesis, SentenceTranslation
from bilingual_reader.translation.memory import TranslationMemory

TR = SentenceTranslation(
    "ทหาร  สวมเสื้อเกราะ",
    "Soldiers wore armor.",
    (Hypothesis("Soldiers wore armor.", -0.2), Hypothesis("ทหาร", -1.5)),
)


def test_sentence_round_trip_and_keys() -> None:
    with TranslationMemory() as memory:
        assert memory.path == paths.data_dir() / "memory.db"
        memory.put_sentence("m@1", "s1", TR)
        found = memory.get_sentences("m@1", "s1", ["ทหาร สวมเสื้อเกราะ", "อื่น"])
        assert found == {"ทหาร สวมเสื้อเกราะ": SentenceTranslation("ทหาร สวมเสื้อเกราะ", TR.best, TR.nbest)}
        assert memory.get_sentences("m@2", "s1", [TR.source]) == {}
        assert memory.get_sentences("m@1", "s2", [TR.source]) == {}
        memory.put_sentence("m@1", "s1", SentenceTranslation(TR.source, "New.", ()))
        assert memory.get_sentences("m@1", "s1", [TR.source])[TR.source].best == "New."
        assert memory.conn.execute("select count(*) from sentences").fetchone() == (1,)


def test_memory_persists_across_connections() -> None:
    with TranslationMemory() as memory:
        memory.put_sentence("m@1", "s1", TR)
        memory.save_post_edit("art", 3, "ทหาร", "Troops.")
    with TranslationMemory() as memory:
        assert memory.get_sentences("m@1", "s1", [TR.source])[TR.source] == TR
        assert memory.get_post_edit("art", 3, "ทหาร") == "Troops."


def test_post_edits_are_tied_to_article_paragraph_and_text() -> None:
    with TranslationMemory() as memory:
        memory.save_post_edit("art", 0, "ทหาร  สวม", "Troops wear.")
        assert memory.get_post_edit("art", 0, "ทหาร สวม") == "Troops wear."
        assert memory.get_post_edit("art", 0, "ทหารสวม") is None
        assert memory.get_post_edit("art", 1, "ทหาร สวม") is None
        assert memory.get_post_edit("other", 0, "ทหาร สวม") is None
        memory.save_post_edit("art", 0, "ทหาร สวม", "Soldiers wear.")
        assert memory.get_post_edit("art", 0, "ทหาร สวม") == "Soldiers wear."
        assert memory.revert_post_edit("art", 0, "ทหาร สวม") == "Soldiers wear."
        assert memory.revert_post_edit("art", 0, "ทหาร สวม") is None
        assert memory.get_post_edit("art", 0, "ทหาร สวม") is None
        history = memory.post_edit_history("art", 0, "ทหาร สวม")
        assert [(english, bool(reverted)) for _, english, reverted in history] == [
            ("Troops wear.", False),
            ("Soldiers wear.", True),
        ]


def test_a_connection_belongs_to_its_thread() -> None:
    import sqlite3

    memory = TranslationMemory()
    errors: list[BaseException] = []

    def use() -> None:
        try:
            memory.get_post_edit("a", 0, "x")
        except BaseException as err:
            errors.append(err)

    thread = threading.Thread(target=use)
    thread.start()
    thread.join()
    memory.close()
    assert len(errors) == 1
    assert isinstance(errors[0], sqlite3.ProgrammingError)


def test_worker_thread_owns_its_own_connection() -> None:
    results: list[str | None] = []

    def worker() -> None:
        with TranslationMemory() as memory:
            memory.save_post_edit("a", 0, "x", "X")
            results.append(memory.get_post_edit("a", 0, "x"))

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    assert results == ["X"]
    with TranslationMemory() as memory:
        assert memory.get_post_edit("a", 0, "x") == "X"


@pytest.mark.parametrize("count", [0, 1, 1200])
def test_bulk_lookup(count: int) -> None:
    with TranslationMemory() as memory:
        sources = [f"ประโยค {i}" for i in range(count)]
        for s in sources[::2]:
            memory.put_sentence("m", "s", SentenceTranslation(s, s.upper(), ()))
        found = memory.get_sentences("m", "s", sources)
        assert sorted(found) == sorted(sources[::2])
