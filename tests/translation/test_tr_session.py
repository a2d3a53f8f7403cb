"""One translation session: the installed model, the settings, the memory and steering, in one place."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from bilingual_reader.documents.articles import article_from_text
from bilingual_reader.glossary.models import Concept, Term
from bilingual_reader.qa.check import TermChecker
from bilingual_reader.translation.engines.base import Engine, PrefixEngine
from bilingual_reader.translation.engines.local import LocalEngine
from bilingual_reader.translation.errors import MemoryFileError, NoModelError, SettingsError
from bilingual_reader.translation.memory import TranslationMemory, memory_path
from bilingual_reader.translation.packages import InstalledModel, remove_models
from bilingual_reader.translation.session import open_session
from bilingual_reader.translation.settings import EngineSettings, config_path

from .fakes import FakeEngine

VEST = Concept("armour", (Term("เสื้อเกราะ", "th"), Term("protective vest", "en")), id=1)


def test_opens_the_installed_model_with_the_settings(trained_model: InstalledModel) -> None:
    with open_session(fast=True) as session:
        engine = session.engine
        assert isinstance(engine, LocalEngine)
        assert (engine.model, engine.settings) == (trained_model, EngineSettings().fast())
        assert not engine.loaded
        assert isinstance(engine, Engine) and isinstance(engine, PrefixEngine)
    with open_session(fast=True) as again:
        assert again.engine is engine  # the loaded model is shared by later sessions


def test_without_a_model_one_error() -> None:
    remove_models()
    with pytest.raises(NoModelError) as caught:
        open_session()
    assert str(caught.value) == "no Thai→English model installed: run `bilingual-reader model install`"


def test_bad_settings_are_reported_before_the_memory_is_created(trained_model: InstalledModel) -> None:
    config_path().parent.mkdir(parents=True, exist_ok=True)
    config_path().write_text('[translation]\nbeam_size = "big"\n', encoding="utf-8")
    with pytest.raises(SettingsError):
        open_session()
    assert not memory_path().exists()


def test_steering_needs_a_checker_and_the_setting() -> None:
    checker = TermChecker([VEST])
    with open_session(engine=FakeEngine(), checker=checker) as session:
        assert session.steerer is not None and session.steerer.checker is checker
    with open_session(engine=FakeEngine(), checker=checker, steer=False) as session:
        assert session.steerer is None
    with open_session(engine=FakeEngine()) as session:
        assert session.steerer is None


def test_a_session_translates_and_fills_the_memory() -> None:
    article = article_from_text("ทหาร\nโดรน", title="T")
    engine = FakeEngine()
    with open_session(engine=engine) as session:
        assert [r.english for r in session.translate(article)] == ["EN(ทหาร)", "EN(โดรน)"]
    with open_session(engine=engine) as session:
        assert {r.source for r in session.translate(article)} == {"memory"}
    assert engine.calls == 1


# A memory file we cannot use: one line naming it, a hint, and the file left as it was ----------------------


def _foreign(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("create table people (name text)")
    conn.commit()
    conn.close()


def _old_schema(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("create table sentences (model text, source text)")
    conn.commit()
    conn.close()


def _truncated(path: Path) -> None:
    with TranslationMemory(path) as memory:
        for n in range(300):
            memory.save_post_edit("a", n, f"ทหาร {n}", "x" * 200)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda p: p.write_bytes(bytes(range(256)) * 8), "not a SQLite database; move it aside"),
        (_truncated, "corrupt translation memory"),
        (_foreign, "not a translation memory (unrecognised schema)"),
        (_old_schema, "unrecognised translation memory schema (sentences lacks settings)"),
        (lambda p: p.mkdir(), "is a directory, not a translation memory"),
        (lambda p: os.mkfifo(p), "is a device, a pipe or a socket, not a translation memory"),
    ],
    ids=["random-bytes", "truncated", "other-schema", "missing-column", "directory", "fifo"],
)
def test_an_unusable_memory_is_one_line_and_never_written(make: object, expected: str) -> None:
    path = memory_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    make(path)  # type: ignore[operator]
    before = path.read_bytes() if path.is_file() else None
    with pytest.raises(MemoryFileError) as caught:
        open_session(engine=FakeEngine())
    message = str(caught.value)
    assert message.startswith(f"{path}: {expected}")
    assert message.endswith("; move it aside to start a new memory (it was left unchanged)")
    assert "\n" not in message
    if before is not None:
        assert path.read_bytes() == before
    assert not path.with_name("memory.db-wal").exists()


def test_a_new_memory_is_private(tmp_path: Path) -> None:
    path = tmp_path / "data" / "memory.db"
    TranslationMemory(path).close()
    assert (path.stat().st_mode & 0o777, path.parent.stat().st_mode & 0o777) == (0o600, 0o700)


# Reverting a post-edit, and a broken settings file in the reader -------------------------------------------


def test_revert_shows_the_machine_translation_again_and_keeps_the_edit_in_history() -> None:
    article = article_from_text("ทหาร\nโดรน", title="T")
    engine = FakeEngine()
    with open_session(engine=engine) as session:
        list(session.translate(article))
        session.memory.save_post_edit(article.article_id, 1, "โดรน", "A drone, edited.")
        assert [r.english for r in session.translate(article)][1] == "A drone, edited."
        reverted = session.revert(article, 1)
        assert reverted is not None
        assert (reverted.english, reverted.source) == ("EN(โดรน)", "memory")
        assert session.revert(article, 1) is None  # nothing left to revert
        assert [r.source for r in session.translate(article)] == ["memory", "memory"]
        history = session.memory.post_edit_history(article.article_id, 1, "โดรน")
        assert [(english, bool(reverted)) for _, english, reverted in history] == [("A drone, edited.", True)]
    assert engine.calls == 1


def test_revert_translates_when_the_memory_lacks_the_machine_translation() -> None:
    article = article_from_text("ทหาร\nโดรน", title="T")
    engine = FakeEngine()
    with open_session(engine=engine) as session:
        session.memory.save_post_edit(article.article_id, 0, "ทหาร", "Edited.")
        reverted = session.revert(article, 0)
        assert reverted is not None and (reverted.english, reverted.source) == ("EN(ทหาร)", "engine")


def test_with_recall_a_broken_settings_file_still_shows_the_memory(trained_model: InstalledModel) -> None:
    article = article_from_text("ทหาร\nโดรน\nเรือรบ", title="T")
    with open_session(engine=FakeEngine()) as session:
        list(session.translate(article_from_text("ทหาร", title="T")))
        session.memory.save_post_edit(article.article_id, 1, "โดรน", "Edited.")
    config_path().parent.mkdir(parents=True, exist_ok=True)
    config_path().write_text("[translation]\nbeam_size = 'big'\n", encoding="utf-8")
    with pytest.raises(SettingsError):
        open_session()
    fake = FakeEngine()
    with open_session(engine=fake, recall=True) as session:
        assert str(session.problem).endswith("beam_size must be an integer from 1 to 16, not 'big'")
        shown = [(r.index, r.source, r.english) for r in session.translate(article)]
        assert shown == [(0, "memory", "EN(ทหาร)"), (1, "post-edit", "Edited.")]
    assert fake.calls == 0
    with open_session(recall=True) as session:  # the installed model's key: no memory hits of the fake
        assert str(session.problem).endswith("beam_size must be an integer from 1 to 16, not 'big'")
        assert [(r.index, r.source) for r in session.translate(article)] == [(1, "post-edit")]
        with pytest.raises(SettingsError):
            session.retranslate(article, 0)
