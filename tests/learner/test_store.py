"""The learner database: statuses keyed by the normalized word, history, lookups, reading, bad files."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from bilingual_reader.learner.opening import LearnerError
from bilingual_reader.learner.statuses import Status, parse_status, parse_statuses
from bilingual_reader.learner.store import LearnerStore, Place
from learner.conftest import FakeClock


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1", Status.NEW),
        ("5", Status.KNOWN),
        ("W", Status.WELL_KNOWN),
        ("99", Status.WELL_KNOWN),
        ("well-known", Status.WELL_KNOWN),
        ("i", Status.IGNORED),
        ("98", Status.IGNORED),
        ("unknown", Status.UNKNOWN),
        ("0", Status.UNKNOWN),
    ],
)
def test_statuses_parse_like_lute(text: str, expected: Status) -> None:
    assert parse_status(text) is expected


def test_status_ranges() -> None:
    assert parse_statuses("1-4") == {Status.NEW, Status.RECOGNIZED, Status.FAMILIAR, Status.LEARNED}
    assert parse_statuses("1-2,W") == {Status.NEW, Status.RECOGNIZED, Status.WELL_KNOWN}
    with pytest.raises(ValueError, match="unknown status 'x'"):
        parse_status("x")
    with pytest.raises(ValueError, match="bad status range"):
        parse_statuses("0-7")


def test_set_status_keys_on_the_normalized_word_and_keeps_history(
    store: LearnerStore, clock: FakeClock
) -> None:
    assert store.set_status("ทหาร", Status.NEW) == 1
    clock.advance(days=1)
    # a zero-width space and surrounding blanks do not make another word
    assert store.set_status(" ทห\u200bาร ", Status.FAMILIAR) == 1
    assert store.set_status("ทหาร", Status.FAMILIAR) == 0
    assert store.status("ทหาร") is Status.FAMILIAR
    word = store.word("ทหาร")
    assert word is not None
    assert (word.created, word.changed) == ("2026-11-02T09:30:00+00:00", "2026-11-03T09:30:00+00:00")
    history = store.conn.execute("SELECT key, old, new, day FROM history ORDER BY id").fetchall()
    assert history == [("ทหาร", 0, 1, "2026-11-02"), ("ทหาร", 1, 3, "2026-11-03")]


def test_statuses_is_one_query_for_many_words(store: LearnerStore) -> None:
    store.set_status(["เรือ", "ปืน", "รถถัง"], Status.WELL_KNOWN)
    store.set_status("ปืน", Status.UNKNOWN)
    store.set_status("ยาน", Status.IGNORED)
    queries: list[str] = []
    store.conn.set_trace_callback(queries.append)
    found = store.statuses({"เรือ", "ปืน", "รถถัง", "ยาน", "บิน"})
    store.conn.set_trace_callback(None)
    assert found == {"เรือ": Status.WELL_KNOWN, "รถถัง": Status.WELL_KNOWN, "ยาน": Status.IGNORED}
    assert len(queries) == 1


@pytest.mark.parametrize("text", ["2026", "F-16", "ABC", ",", " "])
def test_only_thai_words_get_a_status(store: LearnerStore, text: str) -> None:
    with pytest.raises(ValueError, match="not a Thai word"):
        store.set_status(text, Status.NEW)


def test_words_lists_by_status_then_word(store: LearnerStore) -> None:
    store.set_status(["ข", "ก"], Status.NEW)
    store.set_status("ค", Status.WELL_KNOWN)
    assert [(w.key, w.status) for w in store.words()] == [
        ("ก", Status.NEW),
        ("ข", Status.NEW),
        ("ค", Status.WELL_KNOWN),
    ]
    assert [w.key for w in store.words({Status.WELL_KNOWN})] == ["ค"]


def test_lookups_and_paragraphs_read_are_recorded(store: LearnerStore, clock: FakeClock) -> None:
    store.record_lookup("เยือน", Place("a1", "T", 2, "ผู้นำเยือนไทย"))
    store.record_lookup("2026", Place("a1", "T", 2, "x"))  # not a word
    assert store.conn.execute("SELECT key, article, paragraph, sentence FROM lookups").fetchall() == [
        ("เยือน", "a1", 2, "ผู้นำเยือนไทย")
    ]
    assert store.record_read("a1", 0, 12) is True
    statements: list[str] = []
    store.conn.set_trace_callback(statements.append)
    assert store.record_read("a1", 0, 12) is False  # the same paragraph twice a day counts once
    store.conn.set_trace_callback(None)
    assert statements == []  # and costs no SQL at all (the reader records one on each paragraph move)
    clock.advance(days=1)
    assert store.record_read("a1", 0, 12) is True  # read again the next day: counted again


def test_settings_are_remembered(tmp_path: Path, clock: FakeClock) -> None:
    store = LearnerStore.open(tmp_path / "l.db", clock=clock)
    store.set_setting("english", "hidden")
    store.close()
    again = LearnerStore.open(tmp_path / "l.db")
    assert again.setting("english", "beside") == "hidden"
    assert again.setting("gloss", "2") == "2"
    again.close()


def test_a_corrupt_file_is_one_clear_error_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "learner.db"
    store = LearnerStore.open(path)
    store.set_status("เรือ", Status.NEW)
    store.close()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    path.write_bytes(bytes(data))
    with pytest.raises(LearnerError, match=r"learner\.db: (corrupt|cannot read)"):
        LearnerStore.open(path)
    assert path.read_bytes() == bytes(data)


def test_another_file_is_refused(tmp_path: Path) -> None:
    text = tmp_path / "notes.db"
    text.write_text("hello", encoding="utf-8")
    with pytest.raises(LearnerError, match="not a SQLite database"):
        LearnerStore.open(text)
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(LearnerError, match="not a bilingual-reader learner database"):
        LearnerStore.open(other)


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda p: p.mkdir(), "is a directory, not a learner database file"),
        (lambda p: os.mkfifo(p), "is a device, a pipe or a socket, not a learner database file"),
    ],
    ids=["directory", "fifo"],
)
def test_a_folder_or_a_pipe_is_refused_in_the_words_every_store_uses(
    tmp_path: Path, make: object, expected: str
) -> None:
    path = tmp_path / "learner.db"
    make(path)  # type: ignore[operator]
    with pytest.raises(LearnerError) as caught:
        LearnerStore.open(path)
    assert str(caught.value) == f"{path}: {expected}"


def test_a_read_only_file_opens_read_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "learner.db"
    LearnerStore.open(path).close()
    path.chmod(0o444)
    if os.geteuid() == 0:  # root may write any file (CI runs as root): answer for it as for its owner
        access = os.access
        monkeypatch.setattr(
            os,
            "access",
            lambda p, mode, **kw: access(p, mode, **kw) and not (Path(p) == path and mode & os.W_OK),
        )
    store = LearnerStore.open(path)
    assert store.read_only
    with pytest.raises(LearnerError, match="read-only; nothing saved"):
        store.set_status("เรือ", Status.NEW)


def test_asked_read_only_refuses_writes(tmp_path: Path) -> None:
    path = tmp_path / "learner.db"
    LearnerStore.open(path).close()
    store = LearnerStore.open(path, read_only=True)
    with pytest.raises(LearnerError, match="read-only; nothing saved"):
        store.set_status("เรือ", Status.NEW)
    assert store.status("เรือ") is Status.UNKNOWN


def test_an_older_schema_is_backed_up_then_migrated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from bilingual_reader.learner import schema

    path = tmp_path / "learner.db"
    LearnerStore.open(path).close()

    def step_two(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE extra (x)")

    # the file is at version 1; this version of the program pretends to have a step 2
    monkeypatch.setattr(schema, "STEPS", (*schema.STEPS, step_two))
    monkeypatch.setattr(schema, "SCHEMA_VERSION", 2)
    LearnerStore.open(path).close()
    assert (tmp_path / "learner.db.bak-1").is_file()
    tables = {r[0] for r in sqlite3.connect(path).execute("SELECT name FROM sqlite_master")}
    assert "extra" in tables
    backup = {
        r[0] for r in sqlite3.connect(tmp_path / "learner.db.bak-1").execute("SELECT name FROM sqlite_master")
    }
    assert "extra" not in backup


def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "learner.db"
    LearnerStore.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(LearnerError, match="newer version"):
        LearnerStore.open(path)
