"""The QA rules' parts: quantities and dates read exactly, checklists refused in one line, --checks parsed."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilingual_reader.qa.rules.checklist import SHIPPED, ChecklistError, load_checklist
from bilingual_reader.qa.rules.dates import english_dates, thai_dates
from bilingual_reader.qa.rules.model import KINDS, Kind
from bilingual_reader.qa.rules.quantities import english_quantities, thai_quantities
from bilingual_reader.qa.rules.run import check_document, parse_kinds


@pytest.mark.parametrize(
    ("thai", "values"),
    [
        ("ทหาร 12,000 นาย", ["12000"]),
        ("๑๒ คน", ["12"]),
        ("3 ล้านบาท", ["3000000"]),
        ("2.5 แสน", ["250000"]),
        ("4 หมื่นคน", ["40000"]),
        ("12,000 ล้านดอลลาร์", ["12000000000"]),
        ("5 หมื่นล้าน", ["50000000000"]),
        ("ร้อยละ 2", ["2"]),
        ("10-20 กิโลเมตร", ["10", "20"]),
        ("เรือสามลำ", ["3"]),
        ("ยี่สิบเอ็ดคน", ["21"]),
        ("ทั้งสองฝ่าย", []),
        ("สามารถยิง", []),
        ("K9 F-16 FA-50 S26T CHD620", []),
        ("พันเอกสมชาย 2 นาย", ["2"]),
    ],
)
def test_thai_quantities(thai: str, values: list[str]) -> None:
    assert [f"{q.value:f}" for q in thai_quantities(thai)] == values


@pytest.mark.parametrize(
    ("english", "values"),
    [
        ("12,000 troops", ["12000"]),
        ("US$12 billion", ["12000000000"]),
        ("three ships", ["3"]),
        ("twenty-one days", ["21"]),
        ("a million people", ["1000000"]),
        ("a ship", []),
        ("2 percent", ["2"]),
        ("the F-16 and K9", []),
        ("on the 31st", ["31"]),
    ],
)
def test_english_quantities(english: str, values: list[str]) -> None:
    assert [f"{q.value:f}" for q in english_quantities(english)] == values


@pytest.mark.parametrize(
    ("thai", "expected"),
    [
        ("วันที่ 29 มกราคม 2566", [(29, 1, 2566, 2023)]),
        ("29 ม.ค. 66", [(29, 1, 2566, 2023)]),
        ("เดือนมิถุนายน 2565", [(None, 6, 2565, 2022)]),
        ("ปี พ.ศ. 2570", [(None, None, 2570, 2027)]),
        ("ปี ค.ศ. 2027", [(None, None, 2027, 2027)]),
        ("๓๑ ธ.ค. ๒๕๖๕", [(31, 12, 2565, 2022)]),
        ("มกราคม 66", [(None, 1, None, None)]),
        ("ทหาร 2,566 นาย", []),
    ],
)
def test_thai_dates(thai: str, expected: list[tuple[int | None, ...]]) -> None:
    assert [(d.day, d.month, d.year, d.ce_year) for d in thai_dates(thai)] == expected


@pytest.mark.parametrize(
    ("english", "expected"),
    [
        ("January 29, 2023", [(29, 1, 2023, False)]),
        ("29 Jan 2023", [(29, 1, 2023, False)]),
        ("30th January", [(30, 1, None, False)]),
        ("June 2022", [(None, 6, 2022, False)]),
        ("in 2566 B.E.", [(None, None, 2566, True)]),
        ("you may go", []),
    ],
)
def test_english_dates(english: str, expected: list[tuple[object, ...]]) -> None:
    assert [(d.day, d.month, d.year, d.marked_be) for d in english_dates(english)] == expected


def test_the_shipped_checklist_loads() -> None:
    assert len(load_checklist(SHIPPED)) >= 8


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '[[rule]]\nname = "x"\nthai = "(ปืน"\nforbids = "gun"\n',
            "rule “x”: bad regular expression in 'thai'",
        ),
        ('[[rule]]\nname = "y"\nthai = "ปืน"\n', "rule “y”: needs 'requires' or 'forbids'"),
        ('[[rule]]\nname = "z"\nthai = "ปืน"\nforbids = "a"\nseverity = "loud"\n', "rule “z”: severity"),
        ("[[rule]\n", "not valid TOML"),
    ],
)
def test_a_bad_checklist_is_one_line_naming_the_rule(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "list.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ChecklistError) as error:
        load_checklist(path)
    assert message in str(error.value) and str(path) in str(error.value)
    assert "\n" not in str(error.value)


def test_checks_are_parsed_and_unknown_ones_refused() -> None:
    assert parse_kinds("all") == (set(KINDS), True)
    assert parse_kinds("terms,numbers") == ({Kind.NUMBERS}, True)
    assert parse_kinds("dates") == ({Kind.DATES}, False)
    with pytest.raises(ValueError, match="unknown check"):
        parse_kinds("numbers,bogus")


def test_only_the_chosen_kinds_run_and_untranslated_paragraphs_are_skipped() -> None:
    thai = ["ทหาร 12 นาย เมื่อปี 2565", "เรือ 3 ลำ"]
    english = ["12 soldiers in 2565", None]
    assert {f.code for f in check_document(thai, english, {Kind.DATES})} == {"be-year-kept"}
    assert {f.code for f in check_document(thai, english, {Kind.NUMBERS})} == set()
    dismissed = {(0, "dates:be-year-kept:ปี 2565")}
    (finding,) = check_document(thai, english, {Kind.DATES}, dismissed=dismissed)
    assert finding.dismissed and not finding.is_problem
