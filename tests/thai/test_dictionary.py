"""The general dictionary: Thai WordNet senses, English lemmas, loanword sources, the shipped file's build."""

from __future__ import annotations

import importlib.util
import sqlite3
import subprocess
import sys
from importlib.resources import files
from pathlib import Path
from types import ModuleType

import pytest

from bilingual_reader.thai.dictionary import DICTIONARY_FILE, Sense, loanword_source, senses

ROOT = Path(__file__).resolve().parent.parent.parent
TANK = Sense("noun", "04389033-n", ("tank", "army tank", "armored combat vehicle", "armoured combat vehicle"))


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("รถถัง", [TANK]),
        ("รถ\u200bถัง", [TANK]),  # invisible characters in the query are dropped
        (" รถถัง\u00ad ", [TANK]),
        ("เรือดำน้ำ", [Sense("noun", "04347754-n", ("submarine", "pigboat", "sub", "U-boat"))]),
        ("ขีปนาวุธ", [Sense("noun", "04008634-n", ("projectile", "missile"))]),
        ("ซึ่งต่อต้านรถถัง", [Sense("adj", "01630673-a", ("antitank",))]),
        # Verb and adjective ids that Debian's WordNet shifts (+18, +1): resolved to the right synset.
        ("สำเร็จการศึกษา", [Sense("verb", "02264397-v", ("graduate",))]),
        # The noun's "two, 2, II" were shown by the more common adjective: only "deuce" is new.
        ("๒", [Sense("adj", "02186470-a", ("two", "2", "ii")), Sense("noun", "13743269-n", ("deuce",))]),
        # เเ (two sara e) is normalized to แ; "contour map" (never seen in SemCor) gives way to "map".
        ("เเผนที่", [Sense("noun", "03720163-n", ("map",))]),
        ("สันติภาพ", []),
        ("xyz", []),
        ("", []),
    ],
)
def test_senses(word: str, expected: list[Sense]) -> None:
    assert senses(word) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        # Issue 8 §7: "Browning automatic rifle" came first; a sense never seen gives way to a common one.
        ("ปืน", [("noun", ("gun",))]),
        # Only "adj Ukrainian" was shown: the adjective brings the noun it pertains to.
        ("ยูเครน", [("noun", ("Ukraine", "Ukrayina")), ("adj", ("Ukrainian",))]),
        # "peregrinate" (never seen) dropped; "travel" shown once, not in three senses.
        ("เดินทาง", [("verb", ("travel", "go", "move", "locomote")), ("verb", ("journey",))]),
        # Most common first (SemCor tag counts 36, 31, 26, 16, 7), each English word once.
        (
            "ยิง",
            [
                ("verb", ("shoot", "hit", "pip")),
                ("verb", ("open fire", "fire")),
                ("verb", ("blast",)),
                ("verb", ("discharge",)),
                ("verb", ("go off",)),
            ],
        ),
    ],
)
def test_senses_are_ordered_by_frequency_merged_and_pruned(
    word: str, expected: list[tuple[str, tuple[str, ...]]]
) -> None:
    assert [(s.pos, s.lemmas) for s in senses(word)] == expected


def test_soldier_is_among_the_senses_of_thahan() -> None:
    assert Sense("noun", "10622053-n", ("soldier",)) in senses("ทหาร")


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("เฮลิคอปเตอร์", "helicopter"),
        ("คอมพิวเตอร์", "computer"),
        ("บอยแบนด์", "boy band"),
        ("กะรัต", "carat / karat"),
        ("เฮลิ\u200bคอปเตอร์", "helicopter"),
        ("รถถัง", None),
        ("", None),
    ],
)
def test_loanword_source(word: str, expected: str | None) -> None:
    assert loanword_source(word) == expected


def test_shipped_file_is_read_by_key_and_covers_every_thai_synset() -> None:
    assert DICTIONARY_FILE.stat().st_size < 9_000_000
    with sqlite3.connect(f"file:{DICTIONARY_FILE}?mode=ro", uri=True) as conn:
        english = {row[0] for row in conn.execute("SELECT synset FROM english")}
        used = {s for (synsets,) in conn.execute("SELECT synsets FROM thai") for s in synsets.split()}
        plans = [
            str(row) for row in conn.execute("EXPLAIN QUERY PLAN SELECT synsets FROM thai WHERE key = 'x'")
        ]
    db = files("pythainlp.corpus").joinpath("wordnet_th.db")
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        thai = {row[0] for row in conn.execute("SELECT DISTINCT synsetid FROM word_synset")}
    assert used == thai
    assert len(used) == 72208
    assert used <= english
    assert any("PRIMARY KEY" in plan for plan in plans)


def test_wordnet_licence_ships_with_the_data() -> None:
    licence = (DICTIONARY_FILE.parent / "WORDNET-LICENSE").read_text(encoding="utf-8")
    assert "WordNet 3.0 Copyright 2006 by Princeton University" in licence


def test_import_opens_nothing() -> None:
    probe = "import bilingual_reader.thai.dictionary as d\nprint(d._connection.cache_info().currsize)"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "0"


def _build_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_wordnet_lemmas", ROOT / "scripts/build_wordnet_lemmas.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_build_resolves_ids_counts_pertainyms_and_loanwords(tmp_path: Path) -> None:
    wordnet = tmp_path / "wordnet"
    wordnet.mkdir()
    licence = "  1 This software and database is being provided to you\n"
    data = {
        "noun": "00000100 06 n 02 tank 0 army_tank 0 000 | an enclosed armored vehicle\n"
        "00000500 15 n 01 Ukraine 0 000 | a country\n",
        "verb": "00000218 02 v 01 shoot 0 000 | fire a gun\n",  # WordNet 3.0 id 00000200, shifted +18
        # 00000300, shifted +1; a relational adjective pointing (\\) at the noun 00000500
        "adj": "00000301 00 a 01 antitank(a) 0 001 \\ 00000500 n 0101 | used against tanks\n",
        "adv": "00000400 02 r 01 quickly 0 000 | with speed\n",
    }
    index = {
        "noun": "tank n 1 0 1 1 00000100\nukraine n 1 0 1 0 00000500\n",
        "verb": "shoot v 1 0 1 1 00000218\n",
        "adj": "",
        "adv": "",
    }
    for name in data:
        (wordnet / f"data.{name}").write_text(licence + data[name], encoding="utf-8")
        (wordnet / f"index.{name}").write_text(licence + index[name], encoding="utf-8")
    (wordnet / "cntlist.rev").write_text("tank%1:06:00:: 1 12\nshoot%2:33:00:: 1 3\n", encoding="utf-8")
    thai_db = tmp_path / "th.db"
    with sqlite3.connect(thai_db) as conn:
        conn.execute("CREATE TABLE word_synset(synsetid text, li text, primary key(synsetid, li))")
        conn.executemany(
            "INSERT INTO word_synset VALUES (?, ?)",
            [("00000100-n", "รถถัง"), ("00000200-v", "ยิง"), ("00000300-a", "ต่อต้านรถถัง"), ("09999999-n", "x")],
        )
    (tmp_path / "th_en_transliteration_v1.4.tsv").write_text(
        "word\ttransliteration\nรถ\u200bถัง\ttank\nรถถัง\ttanker\n", encoding="utf-8"
    )
    out = tmp_path / "dictionary.sqlite"
    script = _build_script()
    assert script.main(["--wordnet-dir", str(wordnet), "--thai-db", str(thai_db), "--out", str(out)]) == 0
    with sqlite3.connect(out) as conn:
        assert conn.execute("SELECT * FROM thai ORDER BY key").fetchall() == [
            ("ต่อต้านรถถัง", "00000300-a"),
            ("ยิง", "00000200-v"),
            ("รถถัง", "00000100-n"),
        ]
        assert conn.execute("SELECT * FROM english ORDER BY synset").fetchall() == [
            ("00000100-n", 1, 12, "tank|army tank", "12 0", None),
            ("00000200-v", 1, 3, "shoot", "3", None),
            ("00000300-a", 99, 0, "antitank", "0", "00000500-n"),
            ("00000500-n", 1, 0, "Ukraine", "0", None),
        ]
        assert conn.execute("SELECT * FROM loanwords").fetchall() == [("รถถัง", "tank / tanker")]


def test_build_reports_missing_wordnet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _build_script().main(["--wordnet-dir", str(tmp_path), "--out", str(tmp_path / "x.sqlite")]) == 2
    assert capsys.readouterr().err == f"{tmp_path}/data.adj: not found (apt-get install wordnet-base)\n"
