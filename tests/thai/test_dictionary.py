"""The general dictionary: Thai WordNet senses, English lemmas, loanword sources, the lemma table build."""

from __future__ import annotations

import gzip
import importlib.util
import sqlite3
import subprocess
import sys
from importlib.resources import files
from pathlib import Path
from types import ModuleType

import pytest

from bilingual_reader.thai.dictionary import Sense, loanword_source, senses

ROOT = Path(__file__).resolve().parent.parent.parent
LEMMAS = ROOT / "src/bilingual_reader/data/wordnet_lemmas.tsv.gz"
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
        (
            "๒",
            [
                Sense("noun", "13743269-n", ("two", "2", "II", "deuce")),
                Sense("adj", "02186470-a", ("two", "2", "ii")),
            ],
        ),
        # เเ (two sara e) is normalized to แ.
        (
            "เเผนที่",
            [
                Sense("noun", "03096142-n", ("contour map", "relief map")),
                Sense("noun", "03720163-n", ("map",)),
            ],
        ),
        ("สันติภาพ", []),
        ("xyz", []),
        ("", []),
    ],
)
def test_senses(word: str, expected: list[Sense]) -> None:
    assert senses(word) == expected


def test_senses_are_ordered_by_wordnet_rank() -> None:
    assert [s.synset for s in senses("ยิง")][:3] == ["01135783-v", "01137138-v", "02484570-v"]
    assert senses("ยิง")[0] == Sense("verb", "01135783-v", ("open fire", "fire"))


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


def test_shipped_table_is_small_and_covers_every_thai_synset() -> None:
    assert LEMMAS.stat().st_size < 2_000_000
    with gzip.open(LEMMAS, "rt", encoding="utf-8") as handle:
        shipped = {line.split("\t", 1)[0] for line in handle}
    db = files("pythainlp.corpus").joinpath("wordnet_th.db")
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        thai = {row[0] for row in conn.execute("SELECT DISTINCT synsetid FROM word_synset")}
    assert shipped == thai
    assert len(shipped) == 72208


def test_wordnet_licence_ships_with_the_data() -> None:
    licence = (LEMMAS.parent / "WORDNET-LICENSE").read_text(encoding="utf-8")
    assert "WordNet 3.0 Copyright 2006 by Princeton University" in licence


def test_import_loads_no_data() -> None:
    probe = "import sys, bilingual_reader.thai.dictionary as d\nprint(d._thai.cache_info().currsize)"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "0"


def _build_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_wordnet_lemmas", ROOT / "scripts/build_wordnet_lemmas.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_build_resolves_exact_then_shifted_ids(tmp_path: Path) -> None:
    wordnet = tmp_path / "wordnet"
    wordnet.mkdir()
    licence = "  1 This software and database is being provided to you\n"
    data = {
        "noun": "00000100 06 n 02 tank 0 army_tank 0 000 | an enclosed armored vehicle\n",
        "verb": "00000218 02 v 01 shoot 0 000 | fire a gun\n",  # WordNet 3.0 id 00000200, shifted +18
        "adj": "00000301 00 a 01 antitank(a) 0 000 | used against tanks\n",  # 00000300, shifted +1
        "adv": "00000400 02 r 01 quickly 0 000 | with speed\n",
    }
    index = {"noun": "tank n 1 0 1 0 00000100\n", "verb": "shoot v 1 0 1 0 00000218\n", "adj": "", "adv": ""}
    for name in data:
        (wordnet / f"data.{name}").write_text(licence + data[name], encoding="utf-8")
        (wordnet / f"index.{name}").write_text(licence + index[name], encoding="utf-8")
    thai_db = tmp_path / "th.db"
    with sqlite3.connect(thai_db) as conn:
        conn.execute("CREATE TABLE word_synset(synsetid text, li text, primary key(synsetid, li))")
        conn.executemany(
            "INSERT INTO word_synset VALUES (?, ?)",
            [("00000100-n", "รถถัง"), ("00000200-v", "ยิง"), ("00000300-a", "ต่อต้านรถถัง"), ("09999999-n", "x")],
        )
    out = tmp_path / "lemmas.tsv.gz"
    script = _build_script()
    assert script.main(["--wordnet-dir", str(wordnet), "--thai-db", str(thai_db), "--out", str(out)]) == 0
    with gzip.open(out, "rt", encoding="utf-8") as handle:
        assert handle.read() == (
            "00000100-n\t1\ttank|army tank\n00000200-v\t1\tshoot\n00000300-a\t99\tantitank\n"
        )


def test_build_reports_missing_wordnet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _build_script().main(["--wordnet-dir", str(tmp_path), "--out", str(tmp_path / "x.gz")]) == 2
    assert capsys.readouterr().err == f"{tmp_path}/data.adj: not found (apt-get install wordnet-base)\n"
