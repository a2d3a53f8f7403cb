"""Lute's term CSV: a round trip, Lute's own export read as is, bad rows fail the whole file."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilingual_reader.learner.lute_csv import LuteImportFailed, export_lute_csv, import_lute_csv
from bilingual_reader.learner.statuses import Status
from bilingual_reader.learner.store import LearnerStore


def test_round_trip_keeps_status_translation_pronunciation_tags(store: LearnerStore, tmp_path: Path) -> None:
    source = tmp_path / "lute.csv"
    source.write_text(
        "language,term,translation,parent,status,tags,pronunciation\n"
        'Thai,ทหาร,soldier,,1,"army, noun",thá-hǎan\n'
        "Thai,เรือ,ship,,W,,\n"
        "Thai,ยาน,=craft,,I,,\n"
        "Thai,ปืน,gun,,,,\n"
        "Spanish,gato,cat,,1,,\n",
        encoding="utf-8",
    )
    report = import_lute_csv(store, source)
    assert (report.added, report.updated, report.other_language) == (4, 0, 1)
    assert store.statuses({"ทหาร", "เรือ", "ยาน", "ปืน"}) == {
        "ทหาร": Status.NEW,
        "เรือ": Status.WELL_KNOWN,
        "ยาน": Status.IGNORED,
        "ปืน": Status.NEW,  # blank is 1 in Lute
    }
    out = tmp_path / "out.csv"
    assert export_lute_csv(store, out) == 4
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "language,term,translation,parent,status,tags,pronunciation"
    assert 'Thai,ทหาร,soldier,,1,"army, noun",thá-hǎan' in lines
    assert "Thai,ยาน,'=craft,,I,," in lines  # a formula is defused
    other = LearnerStore.memory()
    again = import_lute_csv(other, out)
    assert (again.added, again.updated) == (4, 0)
    assert [(w.key, w.status, w.translation, w.tags, w.pronunciation) for w in other.words()] == [
        (w.key, w.status, w.translation, w.tags, w.pronunciation) for w in store.words()
    ]
    assert import_lute_csv(other, out).updated == 4


def test_lute_export_columns_read_as_is(store: LearnerStore, tmp_path: Path) -> None:
    # Lute's export: term, parent, translation, language, tags, added, status, link_status, pronunciation
    source = tmp_path / "lute_export.csv"
    source.write_text(
        "\ufeffterm,parent,translation,language,tags,added,status,link_status,pronunciation\n"
        "กองทัพ,,army,Thai,,2026-01-01,3,,\n",
        encoding="utf-8",
    )
    assert import_lute_csv(store, source).added == 1
    assert store.status("กองทัพ") is Status.FAMILIAR


def test_bad_rows_fail_the_whole_file_with_file_and_line(store: LearnerStore, tmp_path: Path) -> None:
    source = tmp_path / "bad.csv"
    source.write_text(
        "language,term,status\nThai,ทหาร,1\nThai,,2\nThai,ทหาร,3\nThai,F-16,1\nThai,เรือ,7\nThai,ปืน,1,extra\n",
        encoding="utf-8",
    )
    with pytest.raises(LuteImportFailed) as failed:
        import_lute_csv(store, source)
    assert str(failed.value) == f"{source}: 5 bad row(s); nothing imported"
    assert failed.value.errors == [
        f"{source}:3: no term",
        f"{source}:4: ทหาร is already on line 2",
        f"{source}:5: 'F-16' is not a Thai word (numbers, Latin words and punctuation have no status)",
        f"{source}:6: unknown status '7': use 1-5, W (well known), I (ignored) or 0 (unknown)",
        f"{source}:7: more cells than header columns",
    ]
    assert store.words() == []


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty file"),
        (b"word,status\n\xe0\xb8,1\n", "not UTF-8"),
        (b"a,b\n1,2\n", "no 'term' column"),
    ],
)
def test_unreadable_files(store: LearnerStore, tmp_path: Path, content: bytes, message: str) -> None:
    source = tmp_path / "x.csv"
    source.write_bytes(content)
    with pytest.raises(LuteImportFailed, match=message):
        import_lute_csv(store, source)


def test_a_folder_is_refused(store: LearnerStore, tmp_path: Path) -> None:
    with pytest.raises(LuteImportFailed, match="is a directory"):
        import_lute_csv(store, tmp_path)
