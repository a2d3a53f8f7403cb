"""Every format round-trips: export, then import into an empty glossary, gives the same concepts."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from bilingual_reader.glossary.formats import export_file, read_file
from bilingual_reader.glossary.importing import import_file
from bilingual_reader.glossary.store import Glossary
from support import signature, signatures


@pytest.mark.parametrize("name", ["json.json", "tbx.tbx", "csv.csv"])
def test_full_round_trip(tmp_path: Path, filled: Glossary, empty: Glossary, name: str) -> None:
    path = tmp_path / name
    export_file(filled.concepts(), path)
    report = import_file(empty, path)
    assert (report.added, report.replaced, report.merged, report.skipped, report.bad) == (
        filled.count(),
        0,
        0,
        0,
        [],
    )
    assert signatures(empty) == signatures(filled)


def test_json_keeps_the_check_flag(tmp_path: Path, filled: Glossary, empty: Glossary) -> None:
    first = filled.concepts()[0]
    filled.update(replace(first, check_enabled=False))
    export_file(filled.concepts(), tmp_path / "g.json")
    import_file(empty, tmp_path / "g.json")
    assert signatures(empty) == signatures(filled)
    assert [c.check_enabled for c in empty.concepts()].count(False) == 1


def _approved_pairs(glossary: Glossary) -> set[tuple[str, str]]:
    return {
        (th.text, en.text)
        for c in glossary.concepts()
        for th in c.thai
        if th.status.approved
        for en in c.english
        if en.status.approved
    }


def test_omegat_round_trip_keeps_every_approved_pair(
    tmp_path: Path, filled: Glossary, empty: Glossary
) -> None:
    """OmegaT carries only source/target pairs: those, and one concept per source term, come back."""
    path = tmp_path / "glossary.txt"
    export_file(filled.concepts(), path)
    import_file(empty, path)
    assert _approved_pairs(empty) == _approved_pairs(filled)
    sources = {th for th, _ in _approved_pairs(filled)}
    assert sorted(c.headword for c in empty.concepts()) == sorted(sources)


def test_omegat_synonyms_of_one_source_merge(tmp_path: Path, empty: Glossary) -> None:
    path = tmp_path / "g.utf8"
    path.write_bytes(
        "\ufeff# comment\nปืนใหญ่\tartillery\tbig guns\n\nปืนใหญ่\tcannon\n\nรถถัง\ttank\tarmour\n".encode()
    )
    import_file(empty, path)
    assert [signature(c) for c in empty.concepts()] == [
        (
            "general",
            "",
            "big guns",
            True,
            (
                ("th", "ปืนใหญ่", "preferred", "noun"),
                ("en", "artillery", "preferred", "noun"),
                ("en", "cannon", "admitted", "noun"),
            ),
        ),
        (
            "general",
            "",
            "armour",
            True,
            (("th", "รถถัง", "preferred", "noun"), ("en", "tank", "preferred", "noun")),
        ),
    ]


def test_csv_guards_formulas_and_reads_them_back(tmp_path: Path, sample: Glossary) -> None:
    path = tmp_path / "g.csv"
    export_file(sample.concepts(), path)
    text = path.read_text(encoding="utf-8")
    assert "'=1+1 looks like a formula" in text
    assert "'-minus sign term" in text
    assert "'@mention" in text
    assert "''quoted" in text
    assert not any(line.startswith(("=", "+", "-", "@")) for line in text.splitlines())
    notes = {c.note for c in (p.concept for p in read_file(path).concepts)}
    assert {"@mention, +plus", "'quoted"} <= notes


def test_tbx_v2_martif_with_tig_and_ntig(tmp_path: Path, empty: Glossary) -> None:
    path = tmp_path / "v2.tbx"
    path.write_text(
        """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">
<martif type="TBX" xml:lang="en">
 <martifHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></martifHeader>
 <text><body>
  <termEntry id="t1">
   <descripGrp><descrip type="subjectField">Weapons</descrip></descripGrp>
   <langSet xml:lang="th-TH">
    <tig><term>ปืนใหญ่</term><termNote type="partOfSpeech">noun</termNote></tig>
    <ntig><termGrp><term>ปืน</term>
      <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termGrp></ntig>
   </langSet>
   <langSet xml:lang="en-US">
    <descripGrp><descrip type="definition">Large guns.</descrip></descripGrp>
    <tig><term>artillery</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
    <tig><term>big gun</term><termNote type="partOfSpeech">adjective</termNote></tig>
   </langSet>
   <langSet xml:lang="fr"><tig><term>artillerie</term></tig></langSet>
  </termEntry>
  <termEntry id="t2">
   <descrip type="subjectField">Space</descrip>
   <langSet xml:lang="th"><tig><term>ดาวเทียม</term></tig></langSet>
   <langSet xml:lang="en"><tig><term>satellite</term></tig></langSet>
  </termEntry>
 </body></text>
</martif>
""",
        encoding="utf-8",
    )
    report = import_file(empty, path)
    assert report.added == 2
    assert [signature(c) for c in empty.concepts()] == [
        (
            "weapons",
            "Large guns.",
            "",
            True,
            (
                ("th", "ปืนใหญ่", "preferred", "noun"),
                ("th", "ปืน", "deprecated", "noun"),
                ("en", "artillery", "preferred", "noun"),
                ("en", "big gun", "admitted", "adj"),
            ),
        ),
        (
            "Space",  # a subject of its own is kept
            "",
            "",
            True,
            (("th", "ดาวเทียม", "preferred", "noun"), ("en", "satellite", "preferred", "noun")),
        ),
    ]


@pytest.mark.parametrize("name", ["g.json", "g.tbx", "g.csv"])
def test_a_subject_of_its_own_round_trips(tmp_path: Path, empty: Glossary, name: str) -> None:
    from bilingual_reader.glossary.models import Concept, Term

    with Glossary.open(tmp_path / "own.db") as own:
        own.add(Concept("cyber", (Term("ไซเบอร์", "th"), Term("cyber", "en"))))
        export_file(own.concepts(), tmp_path / name)
        import_file(empty, tmp_path / name)
        assert signatures(empty) == signatures(own)


def test_a_lute_term_export_reads(tmp_path: Path, empty: Glossary) -> None:
    path = tmp_path / "lute.csv"
    path.write_text(
        "language,term,translation,parent,status,tags,pronunciation\n"
        'Thai,รถถัง,tank,,3,"armour, army",rot thang\n'
        "Thai,ปืน,gun ; firearm,,1,,\n",
        encoding="utf-8",
    )
    import_file(empty, path)
    assert [signature(c) for c in empty.concepts()] == [
        ("armour", "", "", True, (("th", "รถถัง", "preferred", "noun"), ("en", "tank", "preferred", "noun"))),
        (
            "general",
            "",
            "",
            True,
            (
                ("th", "ปืน", "preferred", "noun"),
                ("en", "gun", "preferred", "noun"),
                ("en", "firearm", "admitted", "noun"),
            ),
        ),
    ]
