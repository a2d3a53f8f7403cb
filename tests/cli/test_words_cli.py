"""`bilingual-reader words list|set|import|export` against a learner database named by option or env."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from bilingual_reader.cli import main


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False, env=env)
    return result.exit_code, result.stdout, result.stderr


def test_set_then_list_by_status(tmp_path: Path) -> None:
    db = str(tmp_path / "me.db")
    assert run("--learner", db, "words", "set", "3", "ทหาร", "เรือ")[1] == "2 word(s) set to 3 familiar\n"
    assert run("words", "set", "W", "ปืน", "--learner", db)[0] == 0
    code, out, _ = run("--learner", db, "words", "list")
    assert code == 0
    assert [line.split("\t")[:2] for line in out.splitlines()] == [
        ["ทหาร", "3 familiar"],
        ["เรือ", "3 familiar"],
        ["ปืน", "well known"],
    ]
    code, out, _ = run("words", "list", "--status", "W", "--json", env={"BILINGUAL_READER_LEARNER": db})
    assert [json.loads(line)["word"] for line in out.splitlines()] == ["ปืน"]


def test_the_default_database_is_in_the_data_folder(isolated_dirs: Path) -> None:
    assert run("words", "set", "1", "ทหาร")[0] == 0
    assert (isolated_dirs / "data" / "learner.db").is_file()


def test_listing_a_missing_database_creates_nothing(tmp_path: Path) -> None:
    code, out, _ = run("--learner", str(tmp_path / "none.db"), "words", "list")
    assert (code, out) == (0, "")
    assert not (tmp_path / "none.db").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("words", "set", "7", "ทหาร"), "unknown status '7'"),
        (("words", "set", "1", "F-16"), "'F-16' is not a Thai word"),
        (("words", "list", "--status", "0-9"), "--status: bad status range"),
    ],
)
def test_bad_arguments_are_one_line(tmp_path: Path, args: tuple[str, ...], message: str) -> None:
    code, _, err = run("--learner", str(tmp_path / "l.db"), *args)
    assert code == 2
    assert message in err and len(err.splitlines()) == 1


def test_a_corrupt_database_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x01" * 2000)
    code, _, err = run("--learner", str(bad), "words", "list")
    assert code == 2
    assert err.startswith(f"bilingual-reader: {bad}: ") and len(err.splitlines()) == 1


def test_import_export_round_trip(tmp_path: Path) -> None:
    db = str(tmp_path / "l.db")
    source = tmp_path / "in.csv"
    source.write_text(
        "language,term,translation,status\nThai,ทหาร,soldier,2\nThai,เรือ,ship,W\n", encoding="utf-8"
    )
    code, out, _ = run("--learner", db, "words", "import", str(source))
    assert (code, out) == (0, f"{source}: added 2, updated 0\n")
    target = tmp_path / "out.csv"
    code, out, _ = run("--learner", db, "words", "export", str(target), "--status", "1-5")
    assert (code, out) == (0, f"{target}: exported 1 word(s)\n")
    assert target.read_text(encoding="utf-8").splitlines()[1] == "Thai,ทหาร,soldier,,2,,"


def test_import_with_bad_rows_lists_them_and_imports_nothing(tmp_path: Path) -> None:
    db = tmp_path / "l.db"
    source = tmp_path / "in.csv"
    source.write_text("term,status\nทหาร,1\nเรือ,X\n", encoding="utf-8")
    code, _, err = run("--learner", str(db), "words", "import", str(source))
    assert code == 2
    assert err.splitlines() == [
        f"{source}:3: unknown status 'X': use 1-5, W (well known), I (ignored) or 0 (unknown)",
        f"bilingual-reader: {source}: 1 bad row(s); nothing imported",
    ]
    assert run("--learner", str(db), "words", "list")[1] == ""


def test_export_refuses_to_overwrite_the_database(tmp_path: Path) -> None:
    db = tmp_path / "l.db"
    run("--learner", str(db), "words", "set", "1", "ทหาร")
    code, _, err = run("--learner", str(db), "words", "export", str(db))
    assert code == 2
    assert "refusing to overwrite" in err


def test_the_reader_gets_the_learner_option(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, object] = {}

    def fake_run_reader(
        article: Path | None, glossary: Path, engine: object = None, *, learner: Path | None = None
    ) -> None:
        seen.update(article=article, learner=learner)

    monkeypatch.setattr("bilingual_reader.tui.app.run_reader", fake_run_reader)
    assert run("--learner", str(tmp_path / "me.db"))[0] == 0
    assert seen == {"article": None, "learner": tmp_path / "me.db"}
