"""Bad input: bad rows with line numbers, wrong encodings, XML bombs, external entities, empty files."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilingual_reader.glossary.formats import FormatError, read_file
from bilingual_reader.glossary.importing import ImportFailed, import_file
from bilingual_reader.glossary.store import Glossary

CSV_BAD = (
    "term,translation,subject,note\n"
    "ปืน,gun,weapons,ok\n"
    ",orphan,weapons,\n"
    "รถถัง,tank [best],armour,\n"
    "เรือ,ship ; boat [preferred],naval,\n"
    "ดาบ,sword,weapons,\n"
    "a,b,weapons,x,extra\n"
)
CSV_ERRORS = [
    "{p}:3: no Thai term",
    "{p}:4: unknown status [best] on 'tank' (expected preferred, admitted, deprecated or forbidden)",
    "{p}:5: more than one preferred English term",
    "{p}:7: more cells than header columns",
]
OMEGAT_BAD = "# head\nปืน\tgun\nonly-one-column\nดาบ\t\ngun\tปืน\nรถถัง\ttank\n"
JSON_BAD = (
    '{"concepts": [\n'
    '{"subject": "weapons", "terms": [{"text": "ปืน", "lang": "th"}, {"text": "gun", "lang": "en"}]},\n'
    '{"subject": "weapons", "terms": [{"text": "x", "lang": "fr"}]},\n'
    '{"subject": "weapons", "terms": "nope"},\n'
    '{"subject": "weapons", "terms": [{"text": "ดาบ", "lang": "th", "status": "best"}]}\n'
    "]}\n"
)
TBX_BAD = """<?xml version="1.0"?>
<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca">
<text><body>
<conceptEntry id="1"><langSec xml:lang="th"><termSec><term>ปืน</term></termSec></langSec>\
<langSec xml:lang="en"><termSec><term>gun</term></termSec></langSec></conceptEntry>
<conceptEntry id="2"><langSec xml:lang="th"><termSec><term> </term></termSec></langSec></conceptEntry>
<conceptEntry id="3"><langSec xml:lang="th"><termSec><term>ดาบ</term>
<termNote type="administrativeStatus">bestTerm-admn-sts</termNote></termSec></langSec></conceptEntry>
<conceptEntry id="4"><langSec xml:lang="en"><termSec><term>only English</term></termSec></langSec>
</conceptEntry>
</body></text></tbx>
"""
CASES = [
    ("bad.csv", CSV_BAD, CSV_ERRORS, 2),
    (
        "bad.txt",
        OMEGAT_BAD,
        [
            "{p}:3: expected source<TAB>target[<TAB>comment]",
            "{p}:4: expected source<TAB>target[<TAB>comment]",
            "{p}:5: the source 'gun' is not Thai (expected a Thai to English glossary)",
        ],
        2,
    ),
    (
        "bad.json",
        JSON_BAD,
        [
            "{p}:3: unknown term language 'fr'",
            "{p}:4: 'terms' must be a list",
            "{p}:5: unknown status 'best'",
        ],
        1,
    ),
    (
        "bad.tbx",
        TBX_BAD,
        [
            "{p}:5: empty or missing <term>",
            "{p}:7: unknown administrativeStatus 'bestTerm-admn-sts'",
            "{p}:8: no Thai term",
        ],
        1,
    ),
]


@pytest.mark.parametrize(("name", "text", "errors", "good"), CASES)
def test_bad_rows_fail_the_whole_import(
    tmp_path: Path, empty: Glossary, name: str, text: str, errors: list[str], good: int
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ImportFailed) as caught:
        import_file(empty, path)
    assert [str(e) for e in caught.value.errors] == [e.format(p=path) for e in errors]
    assert (
        str(caught.value)
        == f"{path}: {len(errors)} bad row(s); nothing imported (--skip-bad imports the rest)"
    )
    assert empty.count() == 0


@pytest.mark.parametrize(("name", "text", "errors", "good"), CASES)
def test_skip_bad_imports_the_rest(
    tmp_path: Path, empty: Glossary, name: str, text: str, errors: list[str], good: int
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    report = import_file(empty, path, skip_bad=True)
    assert (report.added, [str(e) for e in report.bad]) == (good, [e.format(p=path) for e in errors])
    assert empty.count() == good


@pytest.mark.parametrize("name", ["e.csv", "e.txt", "e.json", "e.tbx"])
@pytest.mark.parametrize("content", [b"", b"  \n"])
def test_empty_files_are_refused(tmp_path: Path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(FormatError) as caught:
        read_file(path)
    assert str(caught.value) == f"{path}: empty file"


@pytest.mark.parametrize("name", ["w.csv", "w.txt", "w.json", "w.tbx"])
def test_tis620_is_not_utf8(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes("term\nปืน\n".encode("tis-620"))
    with pytest.raises(FormatError) as caught:
        read_file(path)
    message = str(caught.value)
    assert message.startswith(f"{path}:") and "\n" not in message
    assert "not UTF-8" in message or "bad XML" in message


@pytest.mark.parametrize("name", ["u.csv", "u.txt", "u.json"])
def test_utf16_is_refused(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes("term,translation\nปืน,gun\n".encode("utf-16"))
    with pytest.raises(FormatError) as caught:
        read_file(path)
    assert str(caught.value) == f"{path}:1: not UTF-8 (byte 0xff at offset 0)"


def test_bad_json_syntax_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    path.write_text('{"concepts": [\n{"subject": }\n]}', encoding="utf-8")
    with pytest.raises(FormatError) as caught:
        read_file(path)
    assert str(caught.value) == f"{path}:2: bad JSON: Expecting value"


def test_csv_without_term_column(tmp_path: Path) -> None:
    path = tmp_path / "h.csv"
    path.write_text("word,meaning\nปืน,gun\n", encoding="utf-8")
    with pytest.raises(FormatError) as caught:
        read_file(path)
    assert str(caught.value) == f"{path}:1: no 'term' column in the header"


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<martif type="TBX"><text><body><termEntry><langSet xml:lang="th">
<tig><term>&lol9;</term></tig></langSet></termEntry></body></text></martif>
"""
EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE martif [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<martif type="TBX"><text><body><termEntry><langSet xml:lang="th">
<tig><term>&xxe;</term></tig></langSet></termEntry></body></text></martif>
"""
EXTERNAL_PARAMETER_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE martif [ <!ENTITY % remote SYSTEM "file:///etc/passwd"> %remote; ]>
<martif type="TBX"><text><body/></text></martif>
"""


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (BILLION_LAUGHS, "EntitiesForbidden"),
        (EXTERNAL_ENTITY, "EntitiesForbidden"),
        (EXTERNAL_PARAMETER_ENTITY, "EntitiesForbidden"),
    ],
    ids=["billion-laughs", "external-entity", "parameter-entity"],
)
def test_unsafe_xml_is_refused_in_one_line(tmp_path: Path, empty: Glossary, text: str, kind: str) -> None:
    path = tmp_path / "evil.tbx"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FormatError) as caught:
        import_file(empty, path)
    assert str(caught.value) == f"{path}: refused unsafe XML ({kind})"
    assert empty.count() == 0


def test_not_tbx_and_broken_xml(tmp_path: Path) -> None:
    other = tmp_path / "o.tbx"
    other.write_text("<?xml version='1.0'?>\n<html><body/></html>", encoding="utf-8")
    broken = tmp_path / "b.tbx"
    broken.write_text("<?xml version='1.0'?>\n<tbx>\n<text>\n</tbx>", encoding="utf-8")
    with pytest.raises(FormatError) as caught:
        read_file(other)
    assert str(caught.value) == f"{other}:2: not TBX (root element <html>)"
    with pytest.raises(FormatError) as caught:
        read_file(broken)
    assert str(caught.value) == f"{broken}:4: bad XML: mismatched tag"
