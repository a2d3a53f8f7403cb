"""glossary.tsv: parsing, error reporting, deterministic builds, and agreement with the shipped database."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bilingual_reader.glossary.models import Concept, Status, Term
from bilingual_reader.glossary.source import BUILD_TIMESTAMP, build_database, main, read_tsv
from bilingual_reader.glossary.store import Glossary, GlossaryError

ROOT = Path(__file__).resolve().parents[2]
HEADER = "id\tsubject\tthai\tenglish\tpos\tdefinition\tnote\n"
P, A, D, F = Status.PREFERRED, Status.ADMITTED, Status.DEPRECATED, Status.FORBIDDEN

GOOD = (
    "# the defense glossary\n"
    + HEADER
    + "1\tarmour\tรถถัง ; รถถังหลัก\ttank ; main battle tank [admitted] ; tank engine [forbidden]\tnoun\t"
    "A tracked armoured vehicle.\tcheck usage\n"
    "\n"
    "  # a comment\n"
    "7\tmunitions\tขีปนาวุธ [admitted] ; จรวดนำวิถี [preferred]\tmissile\t\tA guided weapon.\n"
    "3\tdiplomacy\tเจรจา\tnegotiate ; parley [deprecated]\tverb\r\n"
)


def shape(concept: Concept) -> tuple[object, ...]:
    """A concept without term ids and with terms sorted, to compare content."""
    terms = sorted((t.lang, t.text, str(t.status), t.pos) for t in concept.terms)
    return (
        concept.id,
        concept.subject,
        tuple(terms),
        concept.definition,
        concept.note,
        concept.check_enabled,
    )


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "glossary.tsv"
    path.write_text(text, encoding="utf-8")
    return path


def test_read_tsv_parses_terms_statuses_and_columns(tmp_path: Path) -> None:
    concepts = read_tsv(write(tmp_path, GOOD))
    assert concepts == [
        Concept(
            "armour",
            (
                Term("รถถัง", "th", P),
                Term("รถถังหลัก", "th", A),
                Term("tank", "en", P),
                Term("main battle tank", "en", A),
                Term("tank engine", "en", F),
            ),
            "A tracked armoured vehicle.",
            "check usage",
            id=1,
        ),
        Concept(
            "munitions",
            (Term("ขีปนาวุธ", "th", A), Term("จรวดนำวิถี", "th", P), Term("missile", "en", P)),
            "A guided weapon.",
            "",
            id=7,
        ),
        Concept(
            "diplomacy",
            (
                Term("เจรจา", "th", P, "verb"),
                Term("negotiate", "en", P, "verb"),
                Term("parley", "en", D, "verb"),
            ),
            id=3,
        ),
    ]


def test_read_tsv_reports_every_bad_row_with_file_and_line(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        HEADER
        + "1\tarmour\tรถถัง\ttank\tnoun\t\t\n"
        + "x\tweapons\tปืน\tgun\tnoun\t\t\n"
        + "2\tspace\tดาวเทียม\tsatellite\tnoun\t\t\n"
        + "1\tarmour\tรถรบ\tcombat vehicle\tnoun\t\t\n"
        + "4\tnaval\t\twarship\tnoun\t\t\n"
        + "5\tnaval\tเรือ [official]\tship\tnoun\t\t\n"
        + "6\tnaval\tเรือ ;\tship\tnoun\t\t\n"
        + "7\tnaval\tเรือรบ ; เรือ [preferred]\twarship\tnoun\t\t\n"
        + "8\tnaval\n"
        + "9\tnaval\tเรือ\tship ; Ship [admitted]\tNoun!\t\t\n",
    )
    with pytest.raises(GlossaryError) as info:
        read_tsv(path)
    assert str(info.value).split("\n") == [
        f"{path}:3: id must be a positive whole number, not 'x'",
        f"{path}:4: unknown subject 'space' (expected one of: weapons, armour, vehicles, aviation, naval, "
        "munitions, air defense, forces, ranks, organisations, diplomacy, logistics, medical, general)",
        f"{path}:5: duplicate id 1 (first on line 2)",
        f"{path}:6: no Thai term",
        f"{path}:7: unknown status [official] on 'เรือ' "
        "(expected preferred, admitted, deprecated or forbidden)",
        f"{path}:8: empty term in 'เรือ ;'",
        f"{path}:9: more than one preferred Thai term",
        f"{path}:10: expected 7 tab-separated columns, found 2",
        f"{path}:11: bad part of speech 'Noun!'",
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "{path}:1: no header row"),
        (b"# only a comment\n", "{path}:1: no header row"),
        (
            b"id\tthai\n",
            "{path}:1: the header must be: id subject thai english pos definition note (tab-separated)",
        ),
        (HEADER.encode() + b"1\tarmour\t\xe0\xb8\tx\n", "{path}:2: not UTF-8 (byte 0xe0 at offset 53)"),
    ],
)
def test_read_tsv_whole_file_problems(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "glossary.tsv"
    path.write_bytes(content)
    with pytest.raises(GlossaryError) as info:
        read_tsv(path)
    assert str(info.value) == message.format(path=path)


def test_read_tsv_missing_file(tmp_path: Path) -> None:
    with pytest.raises(GlossaryError, match=r"none\.tsv: no such file$"):
        read_tsv(tmp_path / "none.tsv")


def test_read_tsv_accepts_bom_and_cleans_invisible_characters(tmp_path: Path) -> None:
    path = tmp_path / "glossary.tsv"
    path.write_bytes(("\ufeff" + HEADER + "2\tnaval\tเรือ\u200bรบ\twar  ship\tnoun\n").encode())
    assert read_tsv(path) == [Concept("naval", (Term("เรือรบ", "th"), Term("war ship", "en")), id=2)]


def test_build_database_is_deterministic_and_matches_the_tsv(tmp_path: Path) -> None:
    tsv = write(tmp_path, GOOD)
    first, second = tmp_path / "a.db", tmp_path / "b.db"
    assert build_database(tsv, first) == 3
    assert build_database(tsv, second) == 3
    assert first.read_bytes() == second.read_bytes()
    with Glossary.open(first, read_only=True) as glossary:
        assert [shape(c) for c in glossary.concepts()] == sorted(shape(c) for c in read_tsv(tsv))
        row = glossary.db.conn.execute("SELECT DISTINCT created, updated FROM concepts").fetchall()
        assert row == [(BUILD_TIMESTAMP, BUILD_TIMESTAMP)]
        assert glossary.db.conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.db", "b.db", "glossary.tsv"]


def test_build_database_replaces_the_old_file_only_when_the_tsv_is_good(tmp_path: Path) -> None:
    db = tmp_path / "glossary.db"
    build_database(write(tmp_path, GOOD), db)
    content = db.read_bytes()
    with pytest.raises(GlossaryError, match=r"glossary\.tsv:2: "):
        build_database(write(tmp_path, HEADER + "1\tnowhere\tก\tk\tnoun\n"), db)
    assert db.read_bytes() == content
    build_database(write(tmp_path, HEADER + "5\tnaval\tเรือ\tship\tnoun\n"), db)
    with Glossary.open(db) as glossary:
        assert [c.id for c in glossary.concepts()] == [5]


def test_main_builds_and_reports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tsv = write(tmp_path, GOOD)
    assert main([str(tsv)]) == 0
    assert capsys.readouterr().out == f"{tmp_path / 'glossary.db'}: 3 concepts from {tsv}\n"
    assert main([str(tmp_path / "none.tsv"), str(tmp_path / "x.db")]) == 2
    assert capsys.readouterr().err == f"{tmp_path / 'none.tsv'}: no such file\n"
    assert not (tmp_path / "x.db").exists()


@pytest.mark.skipif(
    not (ROOT / "glossary.tsv").is_file() or not (ROOT / "glossary.db").is_file(),
    reason="glossary.tsv or glossary.db is not in the checkout",
)
def test_shipped_database_agrees_with_the_tsv() -> None:
    concepts = read_tsv(ROOT / "glossary.tsv")
    with Glossary.open(ROOT / "glossary.db", read_only=True) as glossary:
        stored = glossary.concepts()
    message = "glossary.db is stale: run `uv run python scripts/build_glossary.py`"
    assert [shape(c) for c in stored] == sorted(shape(c) for c in concepts), message


def test_build_script(tmp_path: Path) -> None:
    tsv, db = write(tmp_path, GOOD), tmp_path / "out.db"
    script = str(ROOT / "scripts" / "build_glossary.py")
    done = subprocess.run(
        [sys.executable, script, str(tsv), str(db)], capture_output=True, text=True, check=False
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, f"{db}: 3 concepts from {tsv}\n", "")
    with Glossary.open(db, read_only=True) as glossary:
        assert glossary.count() == 3
