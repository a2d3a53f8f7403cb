"""``add``, ``library list`` and ``library remove``: texts of every format copied into the library."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from bilingual_reader import paths
from bilingual_reader.cli import main
from bilingual_reader.library.store import Library, Position

FORMATS = Path(__file__).resolve().parent.parent / "fixtures" / "documents"


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("BILINGUAL_READER_DATA_DIR", str(folder))
    return folder


def run(*args: str, input: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


def listing() -> list[dict[str, object]]:
    code, out, _ = run("library", "list", "--json")
    assert code == 0
    rows: list[dict[str, object]] = json.loads(out)
    return rows


def test_add_copies_each_format_with_its_own_title_and_list_shows_it(data_dir: Path) -> None:
    code, out, err = run(
        "add", str(FORMATS / "page.html"), str(FORMATS / "notes.md"), str(FORMATS / "clip.srt")
    )
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "added: 1  ฝึกคอบร้าโกลด์ 2566  (html, 5 paragraphs)",
        "added: 2  ปืนใหญ่อัตตาจร  (markdown, 6 paragraphs)",
        "added: 3  clip.srt  (srt, 3 paragraphs)",
    ]
    rows = listing()
    assert sorted((r["id"], r["title"], r["kind"], r["paragraphs"], r["progress"]) for r in rows) == [
        (1, "ฝึกคอบร้าโกลด์ 2566", "html", 5, 0.0),
        (2, "ปืนใหญ่อัตตาจร", "markdown", 6, 0.0),
        (3, "clip.srt", "srt", 3, 0.0),
    ]
    copies = sorted(p.suffix for p in (data_dir / "library").iterdir())
    assert copies == [".html", ".md", ".srt"]
    assert (data_dir / "library").stat().st_mode & 0o777 == 0o700


def test_adding_the_same_text_twice_keeps_one(data_dir: Path) -> None:
    run("add", str(FORMATS / "notes.md"))
    code, out, _ = run("add", str(FORMATS / "notes.md"))
    assert (code, out) == (0, "already in the library: 1  ปืนใหญ่อัตตาจร  (markdown, 6 paragraphs)\n")
    assert len(listing()) == 1


def test_add_from_standard_input_sniffs_the_format() -> None:
    code, out, _ = run("add", "-", input=(FORMATS / "clip.vtt").read_bytes())
    assert (code, out) == (0, "added: 1  การฝึกคอบร้าโกลด์ เริ่มต้นแล้ว  (vtt, 2 paragraphs)\n")
    assert listing()[0]["source"] == "<standard input>"


def test_one_bad_file_adds_nothing(tmp_path: Path, data_dir: Path) -> None:
    bad = tmp_path / "bad.vtt"
    bad.write_bytes(b"WEBVTT\n\n00:00:01.000 --> 00:00:0x.000\nhello\n")
    code, out, err = run("add", str(FORMATS / "notes.md"), str(bad))
    assert (code, out) == (2, "")
    assert err == f"bilingual-reader: {bad}:3: broken cue timing '00:00:01.000 --> 00:00:0x.000'\n"
    assert listing() == []
    assert not (data_dir / "library").exists()


def test_list_shows_progress_and_remove_deletes_the_text_its_copy_and_its_position(data_dir: Path) -> None:
    run("add", str(FORMATS / "notes.md"), str(FORMATS / "page.html"))
    library = Library.open()
    entry = library.entry(1)
    assert entry is not None
    library.save_position(entry.article_id, Position(2, 0, 0), entry.paragraphs)
    library.mark_opened(entry.article_id)
    library.close()
    code, out, _ = run("library", "list")
    assert code == 0
    first = out.splitlines()[0]
    assert first.startswith(
        "   1  ปืนใหญ่อัตตาจร  [markdown, 6 paragraphs, 123 characters]  50% read  last opened: 20"
    )
    code, out, _ = run("library", "remove", "1")
    assert (code, out) == (0, "removed: 1  ปืนใหญ่อัตตาจร\n")
    assert [r["id"] for r in listing()] == [2]
    assert [p.suffix for p in (data_dir / "library").iterdir()] == [".html"]
    library = Library.open()
    assert library.position(entry.article_id) is None
    library.close()


def test_remove_of_an_unknown_id_is_one_line() -> None:
    code, out, err = run("library", "remove", "7")
    assert (code, out, err) == (
        2,
        "",
        "bilingual-reader: no text with id 7 in the library (see `library list`)\n",
    )


def test_a_library_file_that_is_not_a_database_is_never_overwritten(data_dir: Path) -> None:
    paths.private_folder(data_dir)
    (data_dir / "library.db").write_bytes(b"my notes, not a database")
    code, _, err = run("add", str(FORMATS / "notes.md"))
    assert code == 2
    database = data_dir / "library.db"
    assert err == f"bilingual-reader: {database}: not a library database (not SQLite); left as it is\n"
    assert (data_dir / "library.db").read_bytes() == b"my notes, not a database"
    assert os.listdir(data_dir) == ["library.db"]


def test_an_empty_library_says_how_to_add() -> None:
    assert run("library", "list") == (
        0,
        "The library is empty: add texts with `bilingual-reader add FILE`.\n",
        "",
    )


def test_list_known_gives_the_share_of_distinct_thai_words_known_and_keeps_the_words(tmp_path: Path) -> None:
    from bilingual_reader.learner.locations import resolve_learner_path
    from bilingual_reader.learner.statuses import Status
    from bilingual_reader.learner.store import LearnerStore

    text = tmp_path / "words.txt"
    text.write_text("ทหาร เรือ ทหาร 12 K2\n", encoding="utf-8")
    run("add", str(text))
    code, out, _ = run("library", "list", "--known", "--json")
    assert (code, json.loads(out)[0]["known_share"]) == (0, 0.0)
    learner = LearnerStore.open(resolve_learner_path(None))
    learner.set_status("ทหาร", Status.WELL_KNOWN)
    learner.close()
    code, out, _ = run("library", "list", "--known")
    assert (code, " 50% known " in out) == (0, True)
    library = Library.open()
    assert library.word_keys(library.entries()[0].article_id) == {"ทหาร", "เรือ"}
    library.close()
