"""A large import rebuilds the key index once; the index must be there, and used, afterwards."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bilingual_reader.glossary.errors import GlossaryError
from bilingual_reader.glossary.importing import import_file
from bilingual_reader.glossary.models import Concept, Term
from bilingual_reader.glossary.store import Glossary
from bilingual_reader.glossary.writing import _REBUILD_INDEX_FROM

COUNT = _REBUILD_INDEX_FROM + 1


def _csv(path: Path, rows: int, bad_last: bool = False) -> Path:
    lines = ["term,translation,subject"]
    lines += [f"คำทดสอบ{i},test term {i},general" for i in range(rows)]
    if bad_last:
        lines.append(",no thai term,general")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _has_key_index(glossary: Glossary) -> bool:
    sql = "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'terms_key_concept'"
    return bool(glossary.db.conn.execute(sql).fetchone()[0])


@pytest.fixture(scope="module")
def imported_file(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    """A glossary file holding one concept of its own and then a large import, made once a module (the
    import ~0.4 CPU-s, a copy ~1 ms); and how many concepts the import reported added."""
    folder = tmp_path_factory.mktemp("bulk")
    with Glossary.open(folder / "g.db") as glossary:
        glossary.add(Concept("general", (Term("ของเดิม", "th"), Term("old entry", "en"))))
        report = import_file(glossary, _csv(folder / "big.csv", COUNT))
    assert not (folder / "g.db-wal").exists() or (folder / "g.db-wal").stat().st_size == 0
    return folder / "g.db", report.added


@pytest.fixture
def imported(imported_file: tuple[Path, int], tmp_path: Path) -> tuple[Glossary, int]:
    """A copy of ``imported_file``'s glossary, open (each test may change its own)."""
    made, added = imported_file
    shutil.copyfile(made, tmp_path / "g.db")
    return Glossary.open(tmp_path / "g.db"), added


def test_large_import_keeps_the_key_index_and_lookups_work(imported: tuple[Glossary, int]) -> None:
    glossary, added = imported
    assert added == COUNT
    assert glossary.count() == COUNT + 1
    assert _has_key_index(glossary)
    plan = " ".join(
        str(row[-1])
        for row in glossary.db.conn.execute(
            "EXPLAIN QUERY PLAN SELECT concept_id FROM terms WHERE key = ?", ("test term 7",)
        )
    )
    assert "terms_key_concept" in plan
    assert [c.headword for c in glossary.lookup("Test Term 4999")] == ["คำทดสอบ4999"]
    glossary.close()


def test_failed_large_import_rolls_back_with_the_index(tmp_path: Path) -> None:
    glossary = Glossary.open(tmp_path / "g.db")
    with pytest.raises(GlossaryError):
        import_file(glossary, _csv(tmp_path / "bad.csv", COUNT, bad_last=True))
    assert glossary.count() == 0
    assert _has_key_index(glossary)
    glossary.close()


def test_large_import_fills_the_search_index_and_keeps_its_trigger(imported: tuple[Glossary, int]) -> None:
    """The concept added before the import is still found after the index was rebuilt."""
    from bilingual_reader.glossary.schema import SEARCH_INDEX
    from bilingual_reader.glossary.search import search

    glossary, _ = imported
    conn = glossary.db.conn
    conn.execute(f"INSERT INTO {SEARCH_INDEX} ({SEARCH_INDEX}) VALUES ('integrity-check')")
    assert [c.headword for c in search(glossary, "ทดสอบ4999")] == ["คำทดสอบ4999"]
    assert [c.headword for c in search(glossary, "ของเดิม")] == ["ของเดิม"]
    with glossary.transaction():
        glossary.add(Concept("general", (Term("คำใหม่หลังนำเข้า", "th"), Term("after import", "en"))))
    assert [c.headword for c in search(glossary, "ใหม่หลังนำ")] == ["คำใหม่หลังนำเข้า"]
    trigger = conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'terms_fts_insert'").fetchone()
    assert trigger == (1,)
    glossary.close()
