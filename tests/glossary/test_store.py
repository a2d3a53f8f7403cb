"""The glossary store: CRUD, lookup, transactions, opening bad/read-only files, and migrations."""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Callable
from contextlib import closing
from dataclasses import replace
from pathlib import Path

import pytest
from sqlite_utils import Database

from bilingual_reader.files import SQLITE_MAGIC
from bilingual_reader.glossary import schema
from bilingual_reader.glossary.models import Concept, Status, Term
from bilingual_reader.glossary.store import DuplicateTermError, Glossary, GlossaryError, UnknownConceptError

P, A, D, F = Status.PREFERRED, Status.ADMITTED, Status.DEPRECATED, Status.FORBIDDEN
TANK = Concept(
    subject="armour",
    terms=(
        Term("Main battle tank", "en", A),
        Term("รถถังหลัก", "th", A),
        Term("รถถัง", "th", P),
        Term("tank", "en", P),
        Term("รถเกราะ", "th", F),
    ),
    definition="A tracked armoured fighting vehicle.",
    note="ทดสอบ",
)
MISSILE = Concept(subject="munitions", terms=(Term("ขีปนาวุธ", "th"), Term("missile", "en")))


def dump(path: Path) -> list[str]:
    """A database's content as SQL statements."""
    with closing(sqlite3.connect(path)) as conn:
        return list(conn.iterdump())


def clock() -> str:
    return "2026-01-02T03:04:05+00:00"


def shape(concept: Concept) -> tuple[object, ...]:
    """A concept without ids, to compare stored content."""
    terms = tuple((t.lang, t.text, str(t.status), t.pos) for t in concept.terms)
    return (concept.subject, terms, concept.definition, concept.note, concept.check_enabled)


@pytest.fixture
def glossary(tmp_path: Path) -> Glossary:
    return Glossary.open(tmp_path / "glossary.db", clock=clock)


def test_add_returns_stored_concept_with_terms_preferred_first(glossary: Glossary) -> None:
    stored = glossary.add(TANK)
    assert stored.id == 1
    assert [(t.text, t.status) for t in stored.terms] == [
        ("รถถัง", P),
        ("tank", P),
        ("รถถังหลัก", A),
        ("Main battle tank", A),
        ("รถเกราะ", F),
    ]
    assert all(t.id is not None for t in stored.terms)
    assert glossary.get(1) == stored
    assert glossary.concepts() == [stored]
    assert glossary.count() == 1


@pytest.mark.parametrize(
    ("query", "ids"),
    [
        ("รถถัง", [1]),
        ("  รถถัง ", [1]),
        ("รถ\u200bถัง", [1]),  # zero-width space
        ("TANK", [1]),
        ("main   battle\ttank", [1]),
        ("รถเกราะ", [1]),  # forbidden terms are found too
        ("ขีปนาวุธ", [2]),
        ("Missile", [2]),
        ("รถ", []),
        ("", []),
        ("   ", []),
    ],
)
def test_lookup_by_normalized_key(glossary: Glossary, query: str, ids: list[int]) -> None:
    glossary.add(TANK)
    glossary.add(MISSILE)
    assert [c.id for c in glossary.lookup(query)] == ids


def test_lookup_normalizes_thai_spelling_on_insert_and_lookup(glossary: Glossary) -> None:
    # Tone mark typed before the vowel (ี่ vs ่ี) and doubled sara e for sara ae are the same key.
    stored = glossary.add(Concept("naval", (Term("เเท่น", "th"), Term("platform", "en"))))
    assert stored.terms[0].text == "เเท่น"
    assert [c.id for c in glossary.lookup("แท่น")] == [stored.id]
    assert glossary.thai_terms() == {"แท่น"}


def test_lookup_returns_every_concept_sharing_a_term(glossary: Glossary) -> None:
    first = glossary.add(Concept("armour", (Term("รถถัง", "th"), Term("tank", "en"))))
    second = glossary.add(Concept("logistics", (Term("ถังน้ำมัน", "th"), Term("tank", "en"))))
    assert glossary.lookup("tank") == [first, second]


def test_thai_terms_are_normalized_keys_of_all_statuses(glossary: Glossary) -> None:
    glossary.add(TANK)
    glossary.add(Concept("general", (Term("Radar", "en"), Term("เรดาร์", "th", D))))
    assert glossary.thai_terms() == {"รถถัง", "รถถังหลัก", "รถเกราะ", "เรดาร์"}


def test_add_keeps_an_explicit_id_and_refuses_a_duplicate(glossary: Glossary) -> None:
    assert glossary.add(Concept("naval", MISSILE.terms, id=40)).id == 40
    assert glossary.add(TANK).id == 41
    with pytest.raises(GlossaryError, match="a concept with id 40 already exists"):
        glossary.add(Concept("naval", TANK.terms, id=40))
    assert glossary.count() == 2


@pytest.mark.parametrize(
    ("concept", "reason"),
    [
        (Concept("armour", ()), "no terms"),
        (Concept("armour", (Term("tank", "de"),)), "unknown language 'de' (expected 'th' or 'en')"),
        (Concept("armour", (Term("  ", "en"),)), "empty English term"),
        (Concept("armour", (Term("tank", "en"), Term("Tank", "en", A))), "duplicate English term 'Tank'"),
        (Concept("armour", (Term("รถถัง", "th"), Term("รถรบ", "th"))), "more than one preferred Thai term"),
        (Concept(" ", (Term("tank", "en"),)), "empty subject"),
    ],
)
def test_add_refuses_invalid_concepts(glossary: Glossary, concept: Concept, reason: str) -> None:
    with pytest.raises(GlossaryError) as info:
        glossary.add(concept)
    assert str(info.value).endswith(reason)
    assert str(info.value).startswith(f"{glossary.path}: cannot store concept")
    assert glossary.count() == 0


def test_a_thai_term_belongs_to_one_concept(glossary: Glossary) -> None:
    tank = glossary.add(TANK)
    twin = Concept("vehicles", (Term("รถถังหลัก", "th"), Term("main tank", "en")))
    expected = f"{glossary.path}: the Thai term 'รถถังหลัก' already belongs to concept {tank.id} (รถถัง = tank)"
    with pytest.raises(DuplicateTermError) as info:
        glossary.add(twin)
    assert (str(info.value), info.value.term, info.value.owner_id) == (expected, "รถถังหลัก", tank.id)
    missile = glossary.add(MISSILE)
    with pytest.raises(DuplicateTermError, match="'รถถัง' already belongs to concept 1"):
        glossary.update(replace(missile, terms=(*missile.terms, Term("รถถัง ", "th", A))))
    assert glossary.update(replace(tank, note="")).note == ""  # its own terms are no conflict
    assert glossary.count() == 2


@pytest.mark.parametrize(
    ("terms", "reason"),
    [
        ((Term("รถถัง", "th"),), "no English term"),
        ((Term("tank", "en"),), "no Thai term"),
        (
            (Term("รถถัง T-90", "th"), Term("tank", "en")),
            "the Thai term 'รถถัง T-90' has Latin letters (put English in the English terms)",
        ),
        ((Term("90", "th"), Term("tank", "en")), "the Thai term '90' has no Thai letters"),
        (
            (Term("รถถัง", "th"), Term("tank รถถัง", "en")),
            "the English term 'tank รถถัง' has Thai letters (put Thai in the Thai terms)",
        ),
    ],
)
def test_each_language_is_there_in_its_own_script(
    glossary: Glossary, terms: tuple[Term, ...], reason: str
) -> None:
    with pytest.raises(GlossaryError) as info:
        glossary.add(Concept("armour", terms))
    assert str(info.value).endswith(f"cannot store concept {terms[0].text!r}: {reason}")


def test_update_rewrites_fields_and_terms_keeping_term_ids(glossary: Glossary) -> None:
    stored = glossary.add(TANK)
    thai = stored.terms[0]
    changed = Concept(
        subject="vehicles",
        terms=(Term("รถถังรบ", "th", P, id=thai.id), Term("tank", "en", P), Term("MBT", "en", A, "abbr")),
        definition="",
        note="n",
        id=stored.id,
        check_enabled=False,
    )
    updated = glossary.update(changed)
    assert updated.terms[0].id == thai.id
    assert shape(updated) == (
        "vehicles",
        (
            ("th", "รถถังรบ", "preferred", "noun"),
            ("en", "tank", "preferred", "noun"),
            ("en", "MBT", "admitted", "abbr"),
        ),
        "",
        "n",
        False,
    )
    assert glossary.lookup("รถถัง") == []
    assert glossary.lookup("mbt") == [updated]
    assert glossary.thai_terms() == {"รถถังรบ"}


def test_update_and_delete_unknown_or_unsaved(glossary: Glossary) -> None:
    with pytest.raises(UnknownConceptError, match="no concept with id 7"):
        glossary.update(Concept("armour", TANK.terms, id=7))
    with pytest.raises(GlossaryError, match="without an id"):
        glossary.update(TANK)
    with pytest.raises(UnknownConceptError, match="no concept with id 7"):
        glossary.delete(7)
    with pytest.raises(UnknownConceptError, match="no concept with id 7"):
        glossary.get(7)


def test_delete_cascades_to_terms(glossary: Glossary) -> None:
    glossary.add(TANK)
    kept = glossary.add(MISSILE)
    glossary.delete(1)
    assert glossary.concepts() == [kept]
    assert glossary.db.conn.execute("SELECT count(*) FROM terms").fetchone() == (2,)
    assert glossary.lookup("tank") == []


def test_transaction_is_all_or_nothing(glossary: Glossary) -> None:
    with pytest.raises(GlossaryError, match="no terms"), glossary.transaction():
        glossary.add(TANK)
        glossary.add(Concept("armour", ()))
    assert glossary.count() == 0
    with pytest.raises(RuntimeError), glossary.transaction():
        glossary.add(TANK)
        glossary.delete(1)
        glossary.add(MISSILE)
        raise RuntimeError("boom")
    assert glossary.count() == 0
    with glossary.transaction() as same:
        assert same is glossary
        glossary.add(TANK)
        glossary.add(MISSILE)
    assert glossary.count() == 2


def test_nested_transaction_rolls_back_only_the_inner_block(glossary: Glossary) -> None:
    with glossary.transaction():
        glossary.add(TANK)
        with pytest.raises(RuntimeError), glossary.transaction():
            glossary.add(MISSILE)
            raise RuntimeError("inner")
    assert [c.id for c in glossary.concepts()] == [1]


def test_timestamps_come_from_the_clock(tmp_path: Path) -> None:
    times = iter(["2026-01-01T00:00:00+00:00", "2026-02-01T00:00:00+00:00"])
    glossary = Glossary.open(tmp_path / "g.db", clock=lambda: next(times))
    stored = glossary.add(MISSILE)
    glossary.update(stored)
    row = glossary.db.conn.execute("SELECT created, updated FROM concepts").fetchone()
    assert row == ("2026-01-01T00:00:00+00:00", "2026-02-01T00:00:00+00:00")


def test_connection_settings(glossary: Glossary) -> None:
    conn = glossary.db.conn
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    assert conn.execute("PRAGMA foreign_keys").fetchone() == (1,)
    assert conn.execute("PRAGMA busy_timeout").fetchone() == (30_000,)
    assert glossary.read_only is False


def test_memory_glossary() -> None:
    glossary = Glossary.memory()
    assert glossary.path is None
    assert glossary.add(MISSILE).id == 1
    assert glossary.lookup("missile")[0].subject == "munitions"


def test_a_glossary_belongs_to_its_thread(glossary: Glossary) -> None:
    errors: list[BaseException] = []

    def use() -> None:
        try:
            glossary.count()
        except GlossaryError as err:
            errors.append(err)

    worker = threading.Thread(target=use)
    worker.start()
    worker.join()
    assert len(errors) == 1
    assert "thread" in str(errors[0])


def test_open_creates_missing_parents(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "glossary.db"
    with Glossary.open(path) as glossary:
        assert glossary.path == path
        assert glossary.count() == 0
    assert schema.applied_names(Database(path)) == list(schema.MIGRATION_NAMES)


def _foreign_sqlite(path: Path) -> None:
    Database(path).table("notes").insert({"text": "x"})


def _newer_glossary(path: Path) -> None:
    with Glossary.open(path) as glossary:
        glossary.db.table("_sqlite_migrations").insert(
            {"migration_set": schema.MIGRATION_SET, "name": "m999_future", "applied_at": "x"}
        )
        glossary.db.disable_wal()  # a read-only open of a WAL file may add empty -wal/-shm files


def _corrupt_sqlite(path: Path) -> None:
    with Glossary.open(path) as glossary:
        glossary.add(TANK)
        glossary.db.disable_wal()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # clobber the schema page after the header
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda p: p.write_text("id\tsubject\n1\tarmour\n", encoding="utf-8"), "not a SQLite database"),
        (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200)), "not a SQLite database"),
        (lambda p: p.write_bytes(SQLITE_MAGIC + b"\x10\x00" + bytes(90)), "corrupt"),
        (_corrupt_sqlite, "corrupt"),
        (_foreign_sqlite, "not a bilingual-reader glossary (unrecognised schema)"),
        (
            _newer_glossary,
            "unrecognised glossary schema (made by a newer version? unknown migration m999_future)",
        ),
        (lambda p: p.mkdir(), "is a directory"),
    ],
)
@pytest.mark.parametrize("read_only", [False, True])
def test_open_refuses_files_that_are_not_our_glossary(
    tmp_path: Path, make: Callable[[Path], object], reason: str, read_only: bool
) -> None:
    path = tmp_path / "glossary.db"
    make(path)
    before = sorted(tmp_path.iterdir())
    content = path.read_bytes() if path.is_file() else None
    with pytest.raises(GlossaryError) as info:
        Glossary.open(path, read_only=read_only)
    message = str(info.value)
    assert message.startswith(f"{path}: ")
    assert reason in message
    assert "\n" not in message
    assert sorted(tmp_path.iterdir()) == before
    if content is not None:
        assert path.read_bytes() == content


def test_open_read_only_refuses_writes_and_leaves_the_file_alone(tmp_path: Path) -> None:
    path = tmp_path / "glossary.db"
    with Glossary.open(path) as glossary:
        stored = glossary.add(TANK)
        glossary.db.disable_wal()
    content = path.read_bytes()
    with Glossary.open(path, read_only=True) as glossary:
        assert glossary.read_only is True
        assert glossary.lookup("tank") == [stored]
        writes: list[Callable[[], object]] = [
            lambda: glossary.add(MISSILE),
            lambda: glossary.update(stored),
            lambda: glossary.delete(1),
            lambda: glossary.transaction().__enter__(),
        ]
        for write in writes:
            with pytest.raises(GlossaryError, match=r"^.*glossary\.db: glossary is read-only$"):
                write()
    assert path.read_bytes() == content


def test_open_without_write_permission_is_read_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "glossary.db"
    Glossary.open(path).close()
    # Tests run as root, who may write anything: simulate a file we may not write.
    monkeypatch.setattr(os, "access", lambda *args, **kwargs: False)
    with Glossary.open(path) as glossary:
        assert glossary.read_only is True
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            glossary.db.conn.execute("DELETE FROM concepts")


def test_open_read_only_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "none.db"
    with pytest.raises(GlossaryError, match=r"none\.db: no such glossary file$"):
        Glossary.open(path, read_only=True)
    assert not path.exists()


def _first_schema_glossary(path: Path) -> None:
    """A glossary as the first version wrote it: only the first migration."""
    db = Database(path)
    schema.migrations.apply(db, stop_before=schema.MIGRATION_NAMES[1])
    db.table("concepts").insert({"id": 3, "subject": "naval", "definition": "d", "note": ""})
    for text, lang, status in (("เรือรบ", "th", "preferred"), ("Warship", "en", "preferred")):
        key = text.casefold()
        db.table("terms").insert({"concept_id": 3, "lang": lang, "text": text, "key": key, "status": status})
    db.close()


def test_opening_an_older_glossary_backs_it_up_then_migrates(tmp_path: Path) -> None:
    path = tmp_path / "glossary.db"
    _first_schema_glossary(path)
    original = dump(path)
    with Glossary.open(path) as glossary:
        assert shape(glossary.get(3)) == (
            "naval",
            (("th", "เรือรบ", "preferred", "noun"), ("en", "Warship", "preferred", "noun")),
            "d",
            "",
            True,
        )
        assert glossary.lookup("warship")[0].id == 3
        assert schema.applied_names(glossary.db) == list(schema.MIGRATION_NAMES)
    backup = tmp_path / "glossary.db.bak-1"
    assert dump(backup) == original
    assert schema.applied_names(Database(backup)) == [schema.MIGRATION_NAMES[0]]
    # Opening again finds nothing to migrate: no second backup.
    Glossary.open(path).close()
    assert sorted(p.name for p in tmp_path.glob("*.bak-*")) == ["glossary.db.bak-1"]


def test_backup_never_overwrites_an_earlier_backup(tmp_path: Path) -> None:
    path = tmp_path / "glossary.db"
    _first_schema_glossary(path)
    (tmp_path / "glossary.db.bak-1").write_text("older backup", encoding="utf-8")
    Glossary.open(path).close()
    assert (tmp_path / "glossary.db.bak-1").read_text(encoding="utf-8") == "older backup"
    assert schema.applied_names(Database(tmp_path / "glossary.db.bak-1.2")) == [schema.MIGRATION_NAMES[0]]


def test_read_only_older_glossary_is_migrated_in_memory_only(tmp_path: Path) -> None:
    path = tmp_path / "glossary.db"
    _first_schema_glossary(path)
    original = path.read_bytes()
    with Glossary.open(path, read_only=True) as glossary:
        assert glossary.read_only is True
        assert [t.pos for t in glossary.get(3).terms] == ["noun", "noun"]
    assert path.read_bytes() == original
    assert sorted(p.name for p in tmp_path.iterdir()) == ["glossary.db"]


@pytest.mark.parametrize("name", ["a b#c?d%20.db", "ศัพท์.db"])
def test_open_paths_with_uri_characters(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    with Glossary.open(path) as glossary:
        glossary.add(MISSILE)
    with Glossary.open(path, read_only=True) as glossary:
        assert glossary.count() == 1
    # A read-only connection to a WAL file may leave empty -wal/-shm files behind.
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".db") == [name]


def test_an_empty_file_becomes_a_glossary_but_not_when_read_only(tmp_path: Path) -> None:
    path = tmp_path / "glossary.db"
    path.touch()
    with pytest.raises(GlossaryError, match=r"glossary\.db: empty database, not a glossary$"):
        Glossary.open(path, read_only=True)
    assert path.read_bytes() == b""
    with Glossary.open(path) as glossary:
        assert glossary.count() == 0
    assert path.read_bytes().startswith(SQLITE_MAGIC)
