"""The FTS5 search index stays in sync with the terms; older glossaries get it; writes take the lock first."""

from __future__ import annotations

import gc
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from sqlite_utils import Database

from bilingual_reader.glossary import schema
from bilingual_reader.glossary.errors import GlossaryError
from bilingual_reader.glossary.formats import ParsedConcept, ParseResult
from bilingual_reader.glossary.importing import ImportFailed, import_concepts
from bilingual_reader.glossary.models import Concept, Status, Term
from bilingual_reader.glossary.search import search
from bilingual_reader.glossary.store import Glossary

INDEX = schema.SEARCH_INDEX


def indexed(glossary: Glossary, fragment: str) -> list[str]:
    """The keys of the terms the FTS index finds for ``fragment`` (3+ characters), sorted."""
    sql = f"SELECT t.key FROM {INDEX} JOIN terms AS t ON t.id = {INDEX}.rowid WHERE {INDEX} MATCH ?"
    return sorted(row[0] for row in glossary.db.conn.execute(sql, (f'"{fragment}"',)))


def assert_in_sync(glossary: Glossary) -> None:
    """FTS5's own check of the index against the terms table (raises if they differ)."""
    glossary.db.conn.execute(f"INSERT INTO {INDEX} ({INDEX}, rank) VALUES ('integrity-check', 1)")


def tank() -> Concept:
    return Concept("armour", (Term("รถถังหลัก", "th"), Term("Main battle tank", "en")))


def test_add_update_delete_keep_the_index_in_sync() -> None:
    with Glossary.memory() as glossary:
        added = glossary.add(tank())
        assert indexed(glossary, "ถังหล") == ["รถถังหลัก"]
        assert indexed(glossary, "battle") == ["main battle tank"]
        assert_in_sync(glossary)

        thai = replace(added.terms[0], text="รถถังเบา")
        glossary.update(replace(added, terms=(thai, added.terms[1], Term("MBT", "en", Status.ADMITTED))))
        assert indexed(glossary, "ถังหล") == []
        assert indexed(glossary, "ถังเบ") == ["รถถังเบา"]
        assert indexed(glossary, "mbt") == ["mbt"]
        assert_in_sync(glossary)

        mbt = Term("MBT", "en", Status.PREFERRED)
        glossary.update(replace(glossary.get(added.id or 0), terms=(thai, mbt)))  # a term removed
        assert indexed(glossary, "battle") == []
        assert_in_sync(glossary)

        glossary.delete(added.id or 0)  # the terms go by cascade
        assert indexed(glossary, "ถังเบ") == []
        assert indexed(glossary, "รถถ") == []
        assert_in_sync(glossary)


def _parsed(*concepts: Concept) -> ParseResult:
    return ParseResult(concepts=[ParsedConcept(n, c) for n, c in enumerate(concepts, start=1)])


@pytest.mark.parametrize("policy", ["skip", "replace", "merge"])
def test_import_keeps_the_index_in_sync(policy: str) -> None:
    with Glossary.memory() as glossary:
        glossary.add(tank())
        incoming = [
            Concept("armour", (Term("รถถังหลัก", "th"), Term("MBT", "en"))),  # conflicts with the tank
            Concept("naval", (Term("เรือดำน้ำ", "th"), Term("Submarine", "en"))),
            Concept("aviation", (Term("เครื่องบินขับไล่", "th"), Term("Fighter aircraft", "en"))),
        ]
        report = import_concepts(glossary, _parsed(*incoming), source="x.json", on_conflict=policy)
        assert report.added == 2
        assert indexed(glossary, "ดำน้") == ["เรือดำน้ำ"]
        assert indexed(glossary, "aircraft") == ["fighter aircraft"]
        assert indexed(glossary, "mbt") == ([] if policy == "skip" else ["mbt"])
        assert indexed(glossary, "battle") == ([] if policy == "replace" else ["main battle tank"])
        assert [c.headword for c in glossary.concepts()] == ["รถถังหลัก", "เรือดำน้ำ", "เครื่องบินขับไล่"]
        assert [c.id for c in glossary.concepts()] == [1, 2, 3]
        assert_in_sync(glossary)


def test_import_ids_follow_the_file_around_updates() -> None:
    with Glossary.memory() as glossary:
        glossary.add(tank())
        glossary.delete(
            glossary.add(Concept("naval", (Term("เรือ", "th"), Term("ship", "en")))).id or 0
        )  # id 2 is used up
        incoming = [
            Concept("naval", (Term("เรือดำน้ำ", "th"), Term("submarine", "en"))),
            Concept("armour", (Term("รถถังหลัก", "th"), Term("MBT", "en"))),
            Concept("aviation", (Term("เครื่องบิน", "th"), Term("aircraft", "en"))),
        ]
        import_concepts(glossary, _parsed(*incoming), source="x.json", on_conflict="merge")
        assert [(c.id, c.headword) for c in glossary.concepts()] == [
            (1, "รถถังหลัก"),
            (3, "เรือดำน้ำ"),
            (4, "เครื่องบิน"),
        ]
        assert [t.text for t in glossary.get(1).terms] == ["รถถังหลัก", "Main battle tank", "MBT"]


def test_dry_run_import_leaves_the_index_untouched() -> None:
    with Glossary.memory() as glossary:
        import_concepts(glossary, _parsed(tank()), source="x.json", dry_run=True)
        assert indexed(glossary, "ถังหล") == []
        assert_in_sync(glossary)


def _previous_schema_glossary(path: Path) -> None:
    """A glossary as the version before the search index wrote it, with one concept."""
    db = Database(path)
    schema.migrations.apply(db, stop_before="m005_search_index")
    db.table("concepts").insert({"id": 7, "subject": "armour", "definition": "", "note": ""})
    for text, lang in (("รถถังหลัก", "th"), ("Main battle tank", "en")):
        db.table("terms").insert({"concept_id": 7, "lang": lang, "text": text, "key": text.casefold()})
    db.close()


def test_a_glossary_from_the_previous_schema_gets_the_index(tmp_path: Path) -> None:
    path = tmp_path / "glossary.db"
    _previous_schema_glossary(path)
    with Glossary.open(path) as glossary:
        assert schema.applied_names(glossary.db) == list(schema.MIGRATION_NAMES)
        assert indexed(glossary, "ถังหล") == ["รถถังหลัก"]
        assert [c.id for c in search(glossary, "ถังหล")] == [7]
        assert [c.id for c in search(glossary, "battle tan")] == [7]
        glossary.add(Concept("naval", (Term("เรือดำน้ำ", "th"), Term("submarine", "en"))))
        assert_in_sync(glossary)
    assert (tmp_path / "glossary.db.bak-4").is_file()


def test_a_read_only_previous_glossary_is_searchable(tmp_path: Path) -> None:
    path = tmp_path / "glossary.db"
    _previous_schema_glossary(path)
    with Glossary.open(path, read_only=True) as glossary:
        assert [c.id for c in search(glossary, "ถังหล")] == [7]
    assert schema.applied_names(Database(path)) == list(schema.MIGRATION_NAMES[:4])


@pytest.mark.parametrize(
    ("query", "headwords"),
    [
        ("ถัง", ["รถถังเบา", "รถถังหลัก"]),  # Thai, indexed (3 characters); shorter terms first
        ("ถั", ["รถถังเบา", "รถถังหลัก"]),  # Thai, too short for the index: scanned
        ("light", ["รถถังเบา"]),
        ("li ta", ["รถถังเบา"]),  # short words: scanned
        ("ght", []),  # inside a word: the index finds it, the word check drops it
        ('tank"', ["รถถังเบา", "รถถังหลัก"]),  # quotes are not FTS syntax
        ("tank OR x", []),  # nor are operators
    ],
)
def test_search_through_the_index_keeps_the_semantics(query: str, headwords: list[str]) -> None:
    with Glossary.memory() as glossary:
        glossary.add(tank())
        glossary.add(Concept("armour", (Term("รถถังเบา", "th"), Term("Light tank", "en"))))
        assert [c.headword for c in search(glossary, query)] == headwords


def test_search_limit_cuts_the_ranked_list() -> None:
    with Glossary.memory() as glossary:
        for n in range(5):
            glossary.add(Concept("general", (Term(f"ปืนแบบ{n}", "th"), Term(f"gun type {n}", "en"))))
        glossary.add(Concept("general", (Term("ปืน", "th"), Term("firearm", "en"))))
        assert [c.headword for c in search(glossary, "ปืน", limit=2)] == ["ปืน", "ปืนแบบ0"]
        assert [c.headword for c in search(glossary, "type", limit=2)] == ["ปืนแบบ0", "ปืนแบบ1"]
        assert search(glossary, "ปืน", limit=0) == []
        assert len(search(glossary, "gun", limit=None)) == 5


def test_a_write_transaction_takes_the_lock_before_writing(tmp_path: Path) -> None:
    path = tmp_path / "glossary.db"
    with Glossary.open(path) as glossary, glossary.transaction():
        other = sqlite3.connect(path, timeout=0)
        try:
            with pytest.raises(sqlite3.OperationalError, match="database is locked"):
                other.execute("BEGIN IMMEDIATE")
        finally:
            other.close()


def test_a_failed_transaction_rolls_back_and_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "glossary.db"
    with Glossary.open(path) as glossary:
        with pytest.raises(GlossaryError, match=r"glossary\.db: .*no such table"), glossary.transaction():
            glossary.add(tank())
            glossary.db.conn.execute("INSERT INTO nowhere VALUES (1)")
        assert glossary.count() == 0
        assert not glossary.db.conn.in_transaction


def test_search_reads_past_the_bounded_sort_when_one_concept_fills_it() -> None:
    with Glossary.memory() as glossary:
        many = tuple(Term(f"tank {n:02}", "en", Status.ADMITTED) for n in range(1, 21))
        glossary.add(Concept("armour", (Term("รถถัง", "th"), *many)))
        glossary.add(Concept("armour", (Term("รถถังเบา", "th"), Term("tank 100", "en"))))
        assert [c.headword for c in search(glossary, "tank", limit=2)] == ["รถถัง", "รถถังเบา"]
        assert [c.headword for c in search(glossary, "100", limit=1)] == ["รถถังเบา"]


@pytest.mark.parametrize("enabled", [True, False])
def test_import_restores_the_garbage_collector(enabled: bool) -> None:
    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        with Glossary.memory() as glossary:
            import_concepts(glossary, _parsed(tank()), source="x.json")
            with pytest.raises(ImportFailed):
                import_concepts(glossary, _parsed(Concept("armour", ())), source="x.json")
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
