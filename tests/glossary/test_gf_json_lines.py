"""The JSON reader's one-pass decoding keeps the line numbers and falls back for odd documents."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bilingual_reader.glossary.formats import FormatError
from bilingual_reader.glossary.formats.jsonfmt import read_json

GOOD = {"subject": "armour", "terms": [{"text": "รถถัง", "lang": "th"}]}
BAD = {"subject": "armour", "terms": [{"text": "x", "lang": "fr"}]}


def _doc(concepts: list[object], **extra: object) -> dict[str, object]:
    return {"format": "bilingual-reader-glossary", "version": 1, "concepts": concepts, **extra}


@pytest.mark.parametrize(
    ("text", "lines", "bad"),
    [
        # our own layout: one concept per line
        ("\n".join(['{"concepts": [', json.dumps(GOOD) + ",", json.dumps(BAD), "]}"]), [2], [3]),
        (json.dumps(_doc([GOOD, BAD, GOOD]), indent=2), [5, 23], [14]),  # pretty-printed
        (json.dumps([GOOD, GOOD]), [1, 1], []),  # a bare list on one line
        (json.dumps(_doc([BAD, GOOD], note="after")), [1], [1]),  # keys after the array
        ('{"concepts": [], "format": "x"}', [], []),
        ('{"note": "\\"concepts\\": [1]", "concepts": [' + json.dumps(GOOD) + "]}", [1], []),
        ('{"concepts": [1, 2], "concepts": [' + json.dumps(GOOD) + "]}", [1], []),  # last key wins
    ],
    ids=["layout", "indented", "bare", "trailing-keys", "empty", "lookalike-in-string", "duplicate-key"],
)
def test_lines_of_good_and_bad_concepts(tmp_path: Path, text: str, lines: list[int], bad: list[int]) -> None:
    path = tmp_path / "g.json"
    path.write_text(text, encoding="utf-8")
    result = read_json(path)
    assert [c.line for c in result.concepts] == lines
    assert [e.line for e in result.errors] == bad


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"concepts": [\n{"subject": "a",\n"terms": [}\n]}', r"g\.json:3: bad JSON: Expecting value"),
        ('{"concepts": [\n{"terms": []}\n]\n', r"g\.json:4: bad JSON: Expecting ',' delimiter"),
        ('{"concepts": [{"terms": []} {"terms": []}]}', r"g\.json:1: bad JSON: Expecting ',' delimiter"),
        ('{"concepts": {}}', r"g\.json: expected a 'concepts' list"),
    ],
)
def test_bad_documents_fall_back_to_the_full_parser(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "g.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FormatError, match=message):
        read_json(path)


def test_our_export_layout_keeps_exact_lines(tmp_path: Path) -> None:
    """The export's own layout is parsed in one go; line numbers still point at each concept."""
    from bilingual_reader.glossary.formats.jsonfmt import json_text
    from bilingual_reader.glossary.models import Concept, Term

    concepts = [Concept("armour", (Term(f"เกราะ{i}", "th"), Term(f"armor {i}", "en"))) for i in range(4)]
    text = json_text(concepts).replace('"lang": "en"', '"lang": "fr"', 1)  # break the first concept
    text = text.replace('"text": "เกราะ3"', '"text": 3')  # and the last
    path = tmp_path / "g.json"
    path.write_text(text, encoding="utf-8")
    result = read_json(path)
    assert [c.line for c in result.concepts] == [3, 4]
    assert [e.line for e in result.errors] == [2, 5]
