"""Term keys computed while parsing: the JSON reader's keys, and validation and import that reuse them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bilingual_reader.glossary.formats import ParsedConcept, ParseResult, read_file
from bilingual_reader.glossary.formats.common import check_concept
from bilingual_reader.glossary.importing import ImportFailed, import_concepts
from bilingual_reader.glossary.models import Concept, Status, Term
from bilingual_reader.glossary.store import Glossary
from bilingual_reader.glossary.validation import concept_problems
from bilingual_reader.thai.text import normalize_key

TERMS = [
    {"text": "  รถ\u200bถัง  หนัก ", "lang": "th"},
    {"text": "ท\u0e33\u0e48", "lang": "th", "status": "admitted"},
    {"text": "Main   Battle\tTANK", "lang": "en"},
    {"text": "Straße", "lang": "en", "status": "deprecated"},
]


def test_json_reader_gives_each_terms_key(tmp_path: Path) -> None:
    path = tmp_path / "g.json"
    path.write_text(json.dumps({"concepts": [{"subject": "armour", "terms": TERMS}]}), encoding="utf-8")
    (item,) = read_file(path).concepts
    assert [t.text for t in item.concept.terms] == ["รถถัง หนัก", "ท\u0e48\u0e33", "Main Battle TANK", "Straße"]
    assert item.keys == ("รถถัง หนัก", "ท\u0e48\u0e33", "main battle tank", "strasse")
    assert item.keys == tuple(normalize_key(t.text) for t in item.concept.terms)


DUPLICATE = Concept("armour", (Term("รถถัง", "th"), Term("รถ ถัง", "th", Status.ADMITTED), Term("tank", "en")))


@pytest.mark.parametrize(
    ("concept", "keys", "expected"),
    [
        (DUPLICATE, None, []),
        (DUPLICATE, ("รถถัง", "รถถัง", "tank"), ["duplicate Thai term 'รถ ถัง'"]),
        (DUPLICATE, ("รถถัง", "x"), []),  # the wrong length: ignored, the keys are computed
        (DUPLICATE, ("รถถัง", "", "tank"), ["empty Thai term"]),
    ],
)
def test_concept_problems_uses_given_keys(
    concept: Concept, keys: tuple[str, ...] | None, expected: list[str]
) -> None:
    assert concept_problems(concept, keys) == expected
    assert check_concept(concept, keys) == ("; ".join(expected) or None)


def test_import_stores_the_parsed_keys(tmp_path: Path) -> None:
    tank = Concept("armour", (Term("รถถัง", "th"), Term("Tank", "en")))
    ship = Concept("naval", (Term("เรือรบ", "th"), Term("Warship", "en")))
    parsed = ParseResult(concepts=[ParsedConcept(3, tank, ("รถถัง", "tank")), ParsedConcept(4, ship)])
    with Glossary.open(tmp_path / "g.db") as glossary:
        report = import_concepts(glossary, parsed, source="s")
        rows = glossary.db.conn.execute("SELECT text, key FROM terms ORDER BY id").fetchall()
    assert report.added == 2
    assert rows == [("รถถัง", "รถถัง"), ("Tank", "tank"), ("เรือรบ", "เรือรบ"), ("Warship", "warship")]


def test_import_reports_duplicates_the_parsed_keys_reveal(tmp_path: Path) -> None:
    parsed = ParseResult(concepts=[ParsedConcept(7, DUPLICATE, ("รถถัง", "รถถัง", "tank"))])
    with Glossary.open(tmp_path / "g.db") as glossary, pytest.raises(ImportFailed) as caught:
        import_concepts(glossary, parsed, source="s")
    assert [str(e) for e in caught.value.errors] == ["s:7: duplicate Thai term 'รถ ถัง'"]
