"""``bilingual-reader glossary …`` end to end through click."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from bilingual_reader.cli import main
from bilingual_reader.glossary.store import Glossary
from support import SAMPLE_TSV, signatures


def run(db: Path, *args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(main, ["glossary", "--glossary", str(db), *args], input=input)


def init(db: Path) -> Path:
    """Create an empty glossary at ``db`` the way a user does (``glossary init``)."""
    result = CliRunner().invoke(main, ["glossary", "init", str(db)])
    assert (result.exit_code, result.stdout) == (0, f"created an empty glossary: {db}\n")
    return db


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = init(tmp_path / "g.db")
    result = run(
        path,
        "add",
        "--th",
        "ปืนใหญ่",
        "--th",
        "ปืน [deprecated]",
        "--en",
        "artillery",
        "--en",
        "gun [admitted]",
        "--subject",
        "weapons",
        "--definition",
        "Big guns.",
    )
    assert (result.exit_code, result.stdout) == (
        0,
        "added concept 1: ปืนใหญ่ ; ปืน [deprecated] = artillery ; gun\n",
    )
    assert run(path, "add", "--th", "เรือรบ", "--en", "warship", "--subject", "naval").exit_code == 0
    return path


def test_list_table_and_json(db: Path) -> None:
    assert run(db, "list").stdout.splitlines() == [
        "ID  Thai                     English          Subject",
        "1   ปืนใหญ่ ; ปืน [deprecated]  artillery ; gun  weapons",
        "2   เรือรบ                    warship          naval",  # widths in cells, not code points
    ]
    data = json.loads(run(db, "list", "--json", "--subject", "naval").stdout)
    assert [(c["id"], [t["text"] for t in c["terms"]]) for c in data] == [(2, ["เรือรบ", "warship"])]


def test_main_group_option_reaches_the_subgroup(db: Path) -> None:
    result = CliRunner().invoke(main, ["--glossary", str(db), "glossary", "search", "รบ"])
    assert result.stdout.splitlines()[1:] == ["2   เรือรบ  warship  naval"]


def test_show_by_id_and_term(db: Path) -> None:
    expected = [
        "concept 1  [weapons]  from personal",
        "  th  ปืนใหญ่  (preferred, noun)",
        "  th  ปืน  (deprecated, noun)",
        "  en  artillery  (preferred, noun)",
        "  en  gun  (admitted, noun)",
        "  definition: Big guns.",
    ]
    assert run(db, "show", "1").stdout.splitlines() == expected
    assert run(db, "show", "GUN").stdout.splitlines() == expected


def test_a_thai_term_already_in_a_concept_is_refused_or_merged(db: Path) -> None:
    result = run(db, "add", "--th", "ปืน", "--en", "gun")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"bilingual-reader: {db}: the Thai term 'ปืน' already belongs to concept 1 (ปืนใหญ่ = artillery); "
        "--merge adds these terms to it\n"
    )
    result = run(db, "add", "--th", "ปืน", "--en", "cannon", "--note", "merged", "--merge")
    assert (result.exit_code, result.stdout) == (
        0,
        "merged into concept 1: ปืนใหญ่ ; ปืน [deprecated] = artillery ; gun ; cannon\n",
    )
    assert run(db, "list").stdout.count("\n") == 3  # the header and two concepts: nothing added
    result = run(db, "edit", "2", "--th", "เรือรบ ; ปืนใหญ่ [admitted]")
    assert result.exit_code == 2
    assert "the Thai term 'ปืนใหญ่' already belongs to concept 1" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--th", "ดาบ"), "no English term"),
        (
            ("--th", "sword", "--en", "sword"),
            "the Thai term 'sword' has Latin letters (put English in the English terms)",
        ),
    ],
)
def test_the_store_rules_hold_on_the_command_line(db: Path, args: tuple[str, ...], message: str) -> None:
    result = run(db, "add", *args)
    assert (result.exit_code, result.stderr.splitlines()[-1].endswith(message)) == (2, True)


def test_the_form_syntax_sets_statuses(db: Path) -> None:
    result = run(db, "add", "--th", "ดาบ ; ดาบยาว [deprecated]", "--en", "sword", "--en", "sabre [forbidden]")
    assert result.stdout == "added concept 3: ดาบ ; ดาบยาว [deprecated] = sword ; sabre [forbidden]\n"
    assert run(db, "show", "3").stdout.splitlines()[1:] == [
        "  th  ดาบ  (preferred, noun)",
        "  th  ดาบยาว  (deprecated, noun)",
        "  en  sword  (preferred, noun)",
        "  en  sabre  (forbidden, noun)",
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("show", "99"), "no concept with id 99"),
        (("show", "ดาบ"), "no concept has the term 'ดาบ'"),
        (("add", "--en", "x"), "add needs at least one --th term"),
        (
            ("add", "--th", "ดาบ", "--th", "ดาบ", "--en", "sword"),
            "cannot store concept 'ดาบ': duplicate Thai term 'ดาบ'",
        ),
        (("edit", "7", "--note", "x"), "no concept with id 7"),
        (
            ("add", "--th", "ดาบ", "--en", "test:bogus"),
            "--en: 'test:bogus': unknown status 'bogus' (expected preferred, admitted, deprecated or "
            "forbidden); a status is written in brackets: 'test [deprecated]'",
        ),
        (
            ("edit", "1", "--en", "artillery [best]"),
            "--en: unknown status [best] on 'artillery' "
            "(expected preferred, admitted, deprecated or forbidden)",
        ),
        (("import", "missing.csv"), "missing.csv: no such file"),
        (("import", "x.doc"), "x.doc: cannot tell the format from the suffix '.doc'; use --format"),
    ],
)
def test_errors_are_one_line_exit_2(db: Path, args: tuple[str, ...], message: str) -> None:
    result = run(db, *args)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("bilingual-reader: ") and result.stderr.rstrip().endswith(message)


def test_not_a_glossary(tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.db"
    bogus.write_text("hello")
    result = run(bogus, "list")
    assert (result.exit_code, result.stderr) == (2, f"bilingual-reader: {bogus}: not a SQLite database\n")


def test_edit_and_remove(db: Path) -> None:
    result = run(db, "edit", "2", "--en", "warship", "--en", "battleship", "--note", "navy", "--pos", "noun")
    assert result.stdout == "updated concept 2: เรือรบ = warship ; battleship\n"
    with Glossary.open(db) as glossary:
        assert glossary.get(2).note == "navy"
    assert run(db, "remove", "2", input="n\n").exit_code == 1
    assert run(db, "remove", "2", input="y\n").stdout.endswith("removed concept 2: เรือรบ\n")
    assert run(db, "remove", "1", "--yes").stdout == "removed concept 1: ปืนใหญ่\n"
    assert run(db, "stats").stdout.startswith("concepts: 0\n")


def test_stats(db: Path) -> None:
    assert run(db, "stats").stdout.splitlines() == [
        "concepts: 2",
        "terms: 6",
        "by subject: naval 1, weapons 1",
        "by language: th 3, en 3",
        "by status: preferred 4, admitted 1, deprecated 1",
        "term check off: 0",
    ]
    assert json.loads(run(db, "stats", "--json").stdout)["by_status"]["deprecated"] == 1


@pytest.mark.parametrize("fmt", ["csv", "json", "tbx"])
def test_export_import_round_trip(tmp_path: Path, fmt: str) -> None:
    source, target, exported = init(tmp_path / "s.db"), init(tmp_path / "t.db"), tmp_path / f"out.{fmt}"
    assert run(source, "import", str(tmp_path / "in.json")).exit_code == 2  # no such file yet
    with Glossary.open(source) as glossary:
        from bilingual_reader.glossary.source import read_tsv

        for concept in read_tsv(SAMPLE_TSV):
            glossary.add(concept)
    assert run(source, "export", str(exported)).stdout == f"{exported}: exported 10 concept(s)\n"
    dry = run(target, "import", str(exported), "--dry-run")
    assert dry.stdout == (
        f"{exported}: would add 10, would replace 0, would merge 0, skip 0 existing, 0 bad row(s)"
        " (dry run: nothing written)\n"
    )
    assert run(target, "import", str(exported), "--format", fmt).exit_code == 0
    again = run(target, "import", str(exported), "--on-conflict", "merge")
    assert again.stdout == f"{exported}: add 0, replace 0, merge 10, skip 0 existing, 0 bad row(s)\n"
    with Glossary.open(source) as a, Glossary.open(target) as b:
        assert signatures(a) == signatures(b)


def test_import_bad_rows(tmp_path: Path, db: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("term,translation\nดาบ,sword\n,orphan\nหอก,spear [x]\n", encoding="utf-8")
    result = run(db, "import", str(bad))
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"{bad}:3: no Thai term",
        f"{bad}:4: unknown status [x] on 'spear' (expected preferred, admitted, deprecated or forbidden)",
        f"bilingual-reader: {bad}: 2 bad row(s); nothing imported (--skip-bad imports the rest)",
    ]
    result = run(db, "import", str(bad), "--skip-bad")
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        f"skipped {bad}:3: no Thai term",
        f"skipped {bad}:4: unknown status [x] on 'spear' "
        "(expected preferred, admitted, deprecated or forbidden)",
    ]
    assert result.stdout == f"{bad}: add 1, replace 0, merge 0, skip 0 existing, 2 bad row(s)\n"


def test_merge_command(tmp_path: Path, db: Path) -> None:
    other = init(tmp_path / "other.db")
    run(other, "add", "--th", "เรือรบ", "--en", "man-of-war", "--subject", "naval")
    run(other, "add", "--th", "ดาบ", "--en", "sword", "--subject", "weapons")
    result = run(db, "merge", str(other), "--on-conflict", "merge")
    assert result.stdout == f"{other}: add 1, replace 0, merge 1, skip 0 existing, 0 bad row(s)\n"
    assert run(db, "show", "เรือรบ").stdout.splitlines()[1:] == [
        "  th  เรือรบ  (preferred, noun)",
        "  en  warship  (preferred, noun)",
        "  en  man-of-war  (admitted, noun)",
    ]
