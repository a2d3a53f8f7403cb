"""Where each concept came from: set by every path that creates one (add, import, merge, the shipped
build), kept by edits and merges, carried by JSON, and filled in by the migration of an older glossary
(backed up first)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from sqlite_utils import Database

from bilingual_reader.glossary import schema
from bilingual_reader.glossary.formats.jsonfmt import read_json, write_json
from bilingual_reader.glossary.importing import OnConflict, import_file
from bilingual_reader.glossary.merge import merge_glossary
from bilingual_reader.glossary.models import Concept, Term
from bilingual_reader.glossary.source import build_database
from bilingual_reader.glossary.store import Glossary

GUN = Concept("weapons", (Term("ปืน", "th"), Term("gun", "en")))
SHIP = Concept("naval", (Term("เรือรบ", "th"), Term("warship", "en")))
TANK = Concept("vehicles", (Term("รถถัง", "th"), Term("tank", "en")))


def _origins(glossary: Glossary) -> dict[str, str]:
    return {c.headword: c.origin for c in glossary.concepts()}


def test_added_by_hand_is_personal_and_an_edit_keeps_the_origin() -> None:
    with Glossary.memory() as glossary:
        stored = glossary.add(GUN)
        assert stored.origin == "personal"
        edited = glossary.update(replace(stored, definition="A weapon."))
        assert edited.origin == "personal"


@pytest.mark.parametrize(
    ("policy", "expected"),
    [
        (OnConflict.SKIP, {"ปืน": "personal", "เรือรบ": "import class.json"}),
        (OnConflict.REPLACE, {"ปืน": "import class.json", "เรือรบ": "import class.json"}),
        (OnConflict.MERGE, {"ปืน": "personal", "เรือรบ": "import class.json"}),  # merged: still the student's
    ],
)
def test_an_import_labels_what_it_adds_or_replaces(
    tmp_path: Path, policy: OnConflict, expected: dict[str, str]
) -> None:
    exported = tmp_path / "class.json"
    write_json([replace(GUN, definition="From the class."), replace(SHIP, origin="shipped")], exported)
    with Glossary.memory() as glossary:
        glossary.add(GUN)
        import_file(glossary, exported, on_conflict=policy)
        assert _origins(glossary) == expected


def test_a_merge_labels_with_the_other_files_name(tmp_path: Path) -> None:
    other = tmp_path / "colleague.db"
    with Glossary.open(other) as colleague:
        colleague.add(TANK)
    with Glossary.memory() as glossary:
        merge_glossary(glossary, other)
        assert _origins(glossary) == {"รถถัง": "merge colleague.db"}


def test_json_carries_the_origin(tmp_path: Path) -> None:
    path = tmp_path / "out.json"
    write_json([replace(GUN, origin="class pack 3B")], path)
    assert [c.concept.origin for c in read_json(path).concepts] == ["class pack 3B"]


def test_the_shipped_build_says_shipped(tmp_path: Path) -> None:
    tsv = tmp_path / "g.tsv"
    tsv.write_text(
        "id\tsubject\tthai\tenglish\tpos\tdefinition\tnote\n1\tweapons\tปืน\tgun\tnoun\t\t\n", encoding="utf-8"
    )
    build_database(tsv, tmp_path / "g.db")
    with Glossary.open(tmp_path / "g.db", read_only=True) as glossary:
        assert _origins(glossary) == {"ปืน": "shipped"}


def test_migrating_an_older_glossary_backs_it_up_and_says_what_it_can(tmp_path: Path) -> None:
    """Concepts created at the shipped build's time came with the shipped file; the others are unknown."""
    path = tmp_path / "glossary.db"
    db = Database(path)
    schema.migrations.apply(db, stop_before="m006_concept_origin")
    for concept_id, created, thai, english in (
        (1, schema.SHIPPED_BUILD_TIME, "ปืน", "gun"),
        (2, "2026-11-30T10:00:00+00:00", "เรือรบ", "warship"),
    ):
        db.execute(
            "INSERT INTO concepts (id, subject, created, updated) VALUES (?, 'general', ?, ?)",
            (concept_id, created, created),
        )
        for text, lang in ((thai, "th"), (english, "en")):
            db.execute(
                "INSERT INTO terms (concept_id, lang, text, key) VALUES (?, ?, ?, ?)",
                (concept_id, lang, text, text),
            )
    db.conn.commit()
    db.close()
    with Glossary.open(path) as glossary:
        assert _origins(glossary) == {"ปืน": "shipped", "เรือรบ": ""}
        assert schema.applied_names(glossary.conn) == list(schema.MIGRATION_NAMES)
    assert schema.applied_names(Database(tmp_path / "glossary.db.bak-5")) == list(schema.MIGRATION_NAMES[:5])
