"""The readings computed ahead for the shipped glossary's Thai terms (``data/pronunciations.tsv``)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bilingual_reader.glossary.store import Glossary
from bilingual_reader.thai import pronunciation_table
from bilingual_reader.thai.pronunciation import Pronunciation, compute, dictionary_split, pronounce
from bilingual_reader.thai.text import is_thai, normalize_key
from support import ROOT


def _rows() -> list[list[str]]:
    lines = pronunciation_table.TABLE_FILE.read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines[1:]]


def test_the_table_was_built_with_the_installed_releases() -> None:
    """Else it is ignored: run scripts/build_pronunciations.py after upgrading thaiphon or pythainlp."""
    header = pronunciation_table.TABLE_FILE.read_text(encoding="utf-8").partition("\n")[0]
    assert header == f"# {pronunciation_table.installed_versions()}"
    assert "thaiphon-" in header and "pythainlp-" in header and "?" not in header


def test_every_row_is_what_pronounce_computes_today() -> None:
    """Changing how readings are made means running scripts/build_pronunciations.py again."""
    rows = _rows()
    assert len(rows) > 300
    for word, rtgs, tones, ipa, lexicon in rows:
        expected = compute(word, split=dictionary_split)
        assert expected == Pronunciation(rtgs, tones, ipa, lexicon == "1"), f"{word}: run the script again"


def test_the_table_holds_every_thai_term_of_the_shipped_glossary() -> None:
    with Glossary.open(ROOT / "glossary.db", read_only=True) as glossary:
        keys = {normalize_key(t) for t in glossary.thai_terms()}
    missing = {k for k in keys if is_thai(k)} - {row[0] for row in _rows()}
    assert not missing, "run scripts/build_pronunciations.py after changing the glossary's Thai terms"


def test_pronounce_answers_from_the_table_only_with_the_dictionary_split() -> None:
    word = _rows()[0][0]
    assert pronunciation_table.reading(word) is not None
    assert pronounce(word, split=dictionary_split) == compute(word, split=dictionary_split)
    assert pronounce(word) == compute(word)  # no split: computed, as before
    assert pronunciation_table.reading("ไม่ใช่ศัพท์ในอภิธานศัพท์") is None


@pytest.mark.parametrize(
    "content",
    ["# thaiphon-0.0.1 thaiphon_data_volubilis-0.0.1 pythainlp-0.0.1\nปืน\tx\tx\tx\t1\n", ""],
)
def test_a_table_of_other_releases_or_missing_is_not_used(
    content: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    table = tmp_path / "pronunciations.tsv"
    if content:
        table.write_text(content, encoding="utf-8")
    monkeypatch.setattr(pronunciation_table, "TABLE_FILE", table)
    pronunciation_table._rows.cache_clear()
    try:
        assert pronunciation_table.reading("ปืน") is None
        assert pronounce("ปืน", split=dictionary_split).rtgs == "puen"
    finally:
        pronunciation_table._rows.cache_clear()


def test_a_one_shot_lookup_of_a_glossary_term_loads_no_thaiphon() -> None:
    probe = (
        "import sys\n"
        "from bilingual_reader.launcher import run\n"
        "sys.argv = ['bilingual-reader', 'lookup', 'ปืนใหญ่อัตตาจร']\n"
        "try:\n    run()\nexcept SystemExit:\n    pass\n"
        "print('thaiphon' in sys.modules)\n"
    )
    env = {**os.environ, "BILINGUAL_READER_GLOSSARY": str(ROOT / "glossary.db")}
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True)
    assert "pronunciation: puenyai atta chon" in done.stdout
    assert done.stdout.splitlines()[-1] == "False"
