"""Terminal escapes through glossary data (issue 15 §1): cleaned on the way in, stripped on the way out.

Every field of every import format, ``glossary add/edit`` and the store carry OSC 0 (retitle), OSC 52
(clipboard), CSI, DCS, C1 controls and bidi overrides/isolates; the database must hold none of them (checked
with raw SQL), and a database that already holds them (an old or crafted one) must not put them on the
terminal or into an export.
"""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from bilingual_reader.cli import main
from bilingual_reader.glossary.formats import FORMATS
from bilingual_reader.glossary.importing import import_file
from bilingual_reader.glossary.models import Concept, Status, Term
from bilingual_reader.glossary.source import read_tsv
from bilingual_reader.glossary.store import Glossary

#: name -> a hostile sequence; each one must vanish completely.
PAYLOADS = {
    "osc0": "\x1b]0;pwned\x07",
    "osc52": "\x1b]52;c;ZXZpbA==\x1b\\",
    "osc-unterminated": "\x1b]8;;http://evil/",
    "csi": "\x1b[2J\x1b[31m",
    "dcs": "\x1bP1$qm\x1b\\",
    "c1-csi": "\x9b2J",
    "c1-osc": "\x9d0;pwned\x9c",
    "c1-controls": "\x80\x9a\x81",
    "c1-dcs-unterminated": "\x90qm",
    "bidi": "\u202e\u2066\u2069\u202d\u202c",
}
#: Unterminated strings run to the end of their line (a terminal would swallow the rest too): put last.
TRAILING = {"osc-unterminated", "c1-dcs-unterminated"}
EVERYTHING = "".join(v for k, v in PAYLOADS.items() if k not in TRAILING)
#: Characters that must never reach the database, a terminal or an export.
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def hostile_concept(payload: str) -> Concept:
    def h(word: str) -> str:
        return f"{word}{payload}" if payload in TRAILING_VALUES else f"{payload}{word}{payload}"

    return Concept(
        subject=h("weapons"),
        terms=(
            Term(h("รถถัง"), "th", Status.PREFERRED, h("noun")),
            Term(h("tank"), "en", Status.PREFERRED, h("noun")),
            Term(h("main battle tank"), "en", Status.ADMITTED, h("noun")),
        ),
        definition=h("a tracked armoured vehicle"),
        note=h("see also armour"),
    )


TRAILING_VALUES = {PAYLOADS[k] for k in TRAILING}
EXPECTED = Concept(
    subject="weapons",
    terms=(
        Term("รถถัง", "th", Status.PREFERRED, "noun"),
        Term("tank", "en", Status.PREFERRED, "noun"),
        Term("main battle tank", "en", Status.ADMITTED, "noun"),
    ),
    definition="a tracked armoured vehicle",
    note="see also armour",
)


def raw_rows(path: Path) -> list[tuple[object, ...]]:
    """Every text the database holds, read with plain SQL (no cleaning on the way out)."""
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT subject, definition, note FROM concepts").fetchall()
        rows += conn.execute("SELECT text, key, pos, status, lang FROM terms").fetchall()
    return rows


def assert_clean_database(path: Path) -> None:
    rows = raw_rows(path)
    assert rows
    for row in rows:
        for value in row:
            assert not UNSAFE.search(str(value)), row


def stored_signature(glossary: Glossary) -> list[tuple[object, ...]]:
    return [
        (c.subject, c.definition, c.note, [(t.text, t.lang, t.status, t.pos) for t in c.thai + c.english])
        for c in glossary.concepts()
    ]


def expected_signature(fmt: str) -> list[tuple[object, ...]]:
    terms = [(t.text, t.lang, t.status, t.pos) for t in EXPECTED.thai + EXPECTED.english]
    if fmt == "omegat":  # carries terms and a comment only
        return [("general", "", "a tracked armoured vehicle | see also armour", terms)]
    return [(EXPECTED.subject, EXPECTED.definition, EXPECTED.note, terms)]


@pytest.fixture(scope="module")
def empty_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new, empty glossary file made once a module; the tests below each start from a copy (making one
    runs the migrations, ~8 ms; a copy well under 1)."""
    made = tmp_path_factory.mktemp("empty") / "empty.db"
    Glossary.open(made).close()
    return made


@pytest.fixture
def empty_db(empty_file: Path, tmp_path: Path) -> Path:
    """This test's copy of ``empty_file``, checked empty."""
    shutil.copyfile(empty_file, tmp_path / "g.db")
    with sqlite3.connect(tmp_path / "g.db") as conn:
        assert conn.execute("SELECT count(*) FROM concepts").fetchone() == (0,)
    return tmp_path / "g.db"


@pytest.mark.parametrize("payload", PAYLOADS.values(), ids=PAYLOADS.keys())
@pytest.mark.parametrize("fmt", ["omegat", "csv", "json", "tbx"])
def test_every_import_format_cleans_every_field(
    tmp_path: Path, empty_db: Path, fmt: str, payload: str
) -> None:
    if fmt == "tbx" and "\x1b" in payload:
        pytest.skip("XML 1.0 cannot hold ESC at all (see test_tbx_with_an_escape_is_refused)")
    source = tmp_path / f"hostile{FORMATS[fmt].suffixes[0]}"
    FORMATS[fmt].write([hostile_concept(payload)], source)
    with Glossary.open(empty_db) as glossary:
        import_file(glossary, source, fmt=fmt)
        if payload in TRAILING_VALUES:  # an unterminated string takes the rest of its cell or line with it
            assert [c.headword for c in glossary.concepts()] == ["รถถัง"]
        else:
            assert stored_signature(glossary) == expected_signature(fmt)
    assert_clean_database(tmp_path / "g.db")


def test_tbx_with_an_escape_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "hostile.tbx"
    source.write_text(
        '<?xml version="1.0"?><martif type="TBX"><text><body><termEntry>'
        '<langSet xml:lang="th"><tig><term>&#27;]0;pwned&#7;รถถัง</term></tig></langSet>'
        "</termEntry></body></text></martif>",
        encoding="utf-8",
    )
    with Glossary.open(tmp_path / "g.db") as glossary:
        with pytest.raises(Exception, match=r"hostile\.tbx:1: bad XML") as caught:
            import_file(glossary, source)
        assert "\n" not in str(caught.value)
        assert glossary.count() == 0


@pytest.mark.parametrize("payload", PAYLOADS.values(), ids=PAYLOADS.keys())
def test_the_store_cleans_what_add_and_update_are_given(tmp_path: Path, empty_db: Path, payload: str) -> None:
    """The entry form and `glossary add/edit` store through Glossary.add/update."""
    with Glossary.open(empty_db) as glossary:
        stored = glossary.add(hostile_concept(payload))
        assert stored_signature(glossary) == expected_signature("json")
        glossary.update(replace(hostile_concept(payload), id=stored.id))
        assert stored_signature(glossary) == expected_signature("json")
    assert_clean_database(tmp_path / "g.db")


@pytest.mark.parametrize("payload", PAYLOADS.values(), ids=PAYLOADS.keys())
def test_glossary_add_and_edit_from_the_command_line(tmp_path: Path, payload: str) -> None:
    db = tmp_path / "g.db"
    Glossary.open(db).close()  # `glossary init`: a glossary named on the command line must exist

    def h(word: str) -> str:
        return f"{word}{payload}" if payload in TRAILING_VALUES else f"{payload}{word}{payload}"

    def run(*args: str) -> str:
        result = CliRunner().invoke(main, ["glossary", "--glossary", str(db), *args])
        assert result.exit_code == 0, result.output
        assert not UNSAFE.search(result.output)
        return result.output

    run(
        "add",
        "--th",
        h("รถถัง"),
        "--en",
        h("tank"),
        "--pos",
        h("noun"),
        "--definition",
        h("d"),
        "--note",
        h("n"),
    )
    run("edit", "1", "--en", h("main battle tank"), "--note", h("a note"), "--definition", h("defined"))
    assert_clean_database(db)
    with Glossary.open(db, read_only=True) as glossary:
        (concept,) = glossary.concepts()
    assert (concept.english[0].text, concept.note, concept.definition) == (
        "main battle tank",
        "a note",
        "defined",
    )


def test_glossary_tsv_source_is_cleaned(tmp_path: Path) -> None:
    tsv = tmp_path / "glossary.tsv"
    payload = EVERYTHING
    cells = ["1", "weapons", f"{payload}รถถัง", f"tank{payload}", "noun", f"{payload}d", f"n{payload}"]
    tsv.write_text(
        "id\tsubject\tthai\tenglish\tpos\tdefinition\tnote\n" + "\t".join(cells) + "\n", encoding="utf-8"
    )
    (concept,) = read_tsv(tsv)
    assert (concept.headword, concept.english[0].text, concept.definition, concept.note) == (
        "รถถัง",
        "tank",
        "d",
        "n",
    )


# -- a database that already holds dirty rows ---------------------------------------------------------------


@pytest.fixture
def dirty_db(dirty_file: Path, tmp_path: Path) -> Path:
    """This test's copy of ``dirty_file``."""
    return Path(shutil.copyfile(dirty_file, tmp_path / "dirty.db"))


@pytest.fixture(scope="module")
def dirty_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A glossary whose rows were written raw (an old version, another program, an attacker); made once a
    module."""
    db = tmp_path_factory.mktemp("dirty") / "dirty.db"
    with Glossary.open(db) as glossary:
        glossary.add(EXPECTED)
    everything = EVERYTHING
    with sqlite3.connect(db) as conn:
        conn.execute(
            "UPDATE concepts SET subject = ?, definition = ?, note = ?",
            (f"weapons{everything}", f"{everything}defined", f"noted{everything}"),
        )
        conn.execute(
            "UPDATE terms SET text = ? || text || ?, pos = ? || pos", (everything, everything, everything)
        )
    conn.close()
    return _whole(db)


@pytest.mark.parametrize(
    "args",
    [
        ("glossary", "list"),
        ("glossary", "list", "--json"),
        ("glossary", "show", "1"),
        ("glossary", "show", "รถถัง"),
        ("glossary", "show", "1", "--json"),
        ("glossary", "search", "tank"),
        ("glossary", "stats"),
        ("glossary", "stats", "--json"),
        ("lookup", "รถถัง"),
        ("lookup", "รถถัง", "--json"),
    ],
    ids=lambda a: "-".join(a),
)
def test_dirty_rows_never_reach_the_terminal(dirty_db: Path, args: tuple[str, ...]) -> None:
    result = CliRunner().invoke(main, ["--glossary", str(dirty_db), *args])
    assert result.exit_code == 0, result.output
    assert "tank" in result.output or "concepts" in result.output
    assert not UNSAFE.search(result.output), result.output
    if "--json" in args:
        assert "\\u001b" not in result.output and "\\u009" not in result.output


@pytest.mark.parametrize("fmt", ["omegat", "csv", "json", "tbx"])
def test_dirty_rows_never_reach_an_export(dirty_db: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"out{FORMATS[fmt].suffixes[0]}"
    result = CliRunner().invoke(
        main, ["--glossary", str(dirty_db), "glossary", "export", str(out), "--format", fmt]
    )
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "tank" in text
    assert not UNSAFE.search(text.replace("\r\n", "\n"))
    if fmt == "json":
        data = json.loads(text)
        assert not UNSAFE.search(json.dumps(data, ensure_ascii=False))


# -- crafted rows: statuses and types the schema would refuse -----------------------------------------------


@pytest.fixture
def crafted_db(crafted_file: Path, tmp_path: Path) -> Path:
    """This test's copy of ``crafted_file``."""
    return Path(shutil.copyfile(crafted_file, tmp_path / "crafted.db"))


@pytest.fixture(scope="module")
def crafted_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A glossary with a term of an unknown status, a BLOB term, a number as a note, an unknown language;
    made once a module."""
    db = tmp_path_factory.mktemp("crafted") / "crafted.db"
    with Glossary.open(db) as glossary:
        glossary.add(EXPECTED)
        glossary.add(Concept("weapons", (Term("ปืน", "th"), Term("gun", "en"))))
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA ignore_check_constraints = 1")
        conn.execute("UPDATE terms SET status = 'bogus' WHERE text = 'main battle tank'")
        conn.execute("UPDATE terms SET text = CAST(? AS BLOB) WHERE text = 'gun'", ("gu\x1b]0;x\x07n",))
        conn.execute("UPDATE concepts SET note = 12345678901234567890.5 WHERE id = 1")
        conn.execute(
            "INSERT INTO terms (concept_id, lang, text, key, status, pos)"
            " VALUES (2, 'xx', 'x', 'x', 'preferred', 'noun')"
        )
    conn.close()
    return _whole(db)


def _whole(db: Path) -> Path:
    """``db``, checked to be all in its file (nothing left in a write-ahead log), so a copy of the file is
    the glossary."""
    wal = db.with_name(db.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    return db


@pytest.mark.parametrize(
    "args",
    [
        ("glossary", "list"),
        ("glossary", "list", "--json"),
        ("glossary", "show", "1"),
        ("glossary", "search", "tank"),
        ("glossary", "stats"),
        ("lookup", "รถถัง"),
        ("lookup", "ปืน"),
    ],
    ids=lambda a: "-".join(a),
)
def test_crafted_rows_are_read_or_left_out_without_a_traceback(
    crafted_db: Path, args: tuple[str, ...]
) -> None:
    result = CliRunner().invoke(main, ["--glossary", str(crafted_db), *args])
    assert result.exit_code == 0, result.output
    assert result.exception is None
    assert not UNSAFE.search(result.output)
    assert "bogus" not in result.output


def test_stats_count_what_the_other_commands_read(crafted_db: Path) -> None:
    """Stats counted a crafted status (`bogus 1`) and language the other commands leave out."""
    result = CliRunner().invoke(main, ["--glossary", str(crafted_db), "glossary", "stats", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {
        "concepts": 2,
        "terms": 4,
        "by_subject": {"weapons": 2},
        "by_language": {"th": 2, "en": 2},
        "by_status": {"preferred": 4},
        "check_disabled": 0,
        "unreadable_terms": 2,
    }
    result = CliRunner().invoke(main, ["--glossary", str(crafted_db), "glossary", "stats"])
    assert "unreadable terms (unknown status or language, left out): 2" in result.stdout


def test_a_crafted_glossary_merges_what_can_be_read(crafted_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "target.db"
    Glossary.open(target).close()  # `glossary init`: a glossary named on the command line must exist
    result = CliRunner().invoke(main, ["glossary", "--glossary", str(target), "merge", str(crafted_db)])
    assert result.exit_code == 0, result.output
    with Glossary.open(target, read_only=True) as glossary:
        got = {c.headword: [t.text for t in c.english] for c in glossary.concepts()}
    assert got == {"รถถัง": ["tank"], "ปืน": ["gun"]}
    assert_clean_database(target)
