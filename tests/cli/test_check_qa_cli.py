"""`check` beyond terms: the kinds, several files and folders, XLIFF/TMX input, HTML/TSV/JSON reports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from bilingual_reader.cli import main
from bilingual_reader.documents.bilingual import xliff_bytes
from support import ROOT

GLOSSARY = ROOT / "glossary.db"
THAI = "ข่าววันนี้\nกองทัพเรือส่งเรือ 3 ลำ เมื่อวันที่ 29 มกราคม 2566\nทหาร 12,000 นาย\n"
GOOD = "Today's news\nThe navy sent 3 ships on 29 January 2023.\n12,000 soldiers\n"
BAD = "Today's news\nThe navy sent ships on 29 January 2566.\n12,000 soldiers\n"


def _files(tmp_path: Path, english: str, name: str = "a") -> tuple[Path, Path]:
    article, translation = tmp_path / f"{name}.txt", tmp_path / f"{name}.en.txt"
    article.write_text(THAI, encoding="utf-8")
    translation.write_text(english, encoding="utf-8")
    return article, translation


def _check(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["check", "--glossary", str(GLOSSARY), *args])
    return result.exit_code, result.stdout, result.stderr


def test_a_clean_translation_passes_and_a_planted_one_fails(tmp_path: Path) -> None:
    article, good = _files(tmp_path, GOOD)
    assert _check(str(article), "--english", str(good))[0] == 0
    _, bad = _files(tmp_path, BAD, "b")
    code, out, _ = _check(str(article), "--english", str(bad))
    assert code == 1
    assert "numbers/missing-number: the number 3 is not in the English  [numbers:missing-number:3]" in out
    assert "dates/be-year-kept: 2566 is a Buddhist-era year: write 2023 (or mark it B.E.)" in out


def test_checks_choose_the_kinds(tmp_path: Path) -> None:
    article, bad = _files(tmp_path, BAD)
    code, out, _ = _check("--checks", "dates", str(article), "--english", str(bad))
    assert code == 1 and "be-year-kept" in out and "missing-number" not in out
    assert _check("--checks", "form", str(article), "--english", str(bad))[0] == 0
    code, _, err = _check("--checks", "dates,bogus", str(article), "--english", str(bad))
    assert code == 2 and "--checks: unknown check(s) bogus" in err


def test_json_has_the_checks_beside_the_terms(tmp_path: Path) -> None:
    article, bad = _files(tmp_path, BAD)
    code, out, _ = _check("--format", "json", str(article), "--english", str(bad))
    report = json.loads(out)
    assert code == 1 and report["checks"]["summary"] == {"dates": 1, "numbers": 1}
    assert {f["code"] for f in report["checks"]["findings"]} == {"missing-number", "be-year-kept"}


def test_html_and_tsv_reports_are_written_atomically(tmp_path: Path) -> None:
    article, bad = _files(tmp_path, BAD)
    page = tmp_path / "report.html"
    code, out, err = _check("--format", "html", "-o", str(page), str(article), "--english", str(bad))
    assert code == 1 and out == "" and f"wrote {page}" in err
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    rows = _check("--format", "tsv", str(article), "--english", str(bad))[1].splitlines()
    assert rows[0].startswith("file\tparagraph\tkind") and len(rows) == 3
    code, _, err = _check("--format", "html", "-o", str(tmp_path / "no" / "r.html"), str(article))
    assert code == 2 and "does not exist" in err
    code, _, err = _check("-o", str(article), "--format", "tsv", str(article), "--english", str(bad))
    assert code == 2 and "one of this command's" in err and article.read_text(encoding="utf-8") == THAI


def test_several_files_and_a_folder_of_bilingual_files(tmp_path: Path) -> None:
    folder = tmp_path / "cat"
    folder.mkdir()
    thai = THAI.splitlines()
    (folder / "good.xlf").write_bytes(xliff_bytes("good.txt", thai, GOOD.splitlines()))
    (folder / "bad.xlf").write_bytes(xliff_bytes("bad.txt", thai, BAD.splitlines()))
    code, out, _ = _check(str(folder))
    assert code == 1
    assert out.splitlines()[-1] == "total: 2 documents, 1 failing, 2 problems"
    assert _check(str(folder / "good.xlf"))[0] == 0
    code, _, err = _check(str(folder / "good.xlf"), str(folder / "bad.xlf"), "--english", "x.txt")
    assert code == 2 and "exactly one article" in err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('[[rule]]\nname = "r"\nthai = "("\nforbids = "x"\n', "rule “r”: bad regular expression in 'thai'"),
        ('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><xliff/>', "refused unsafe XML"),
    ],
)
def test_bad_checklists_and_bilingual_files_are_one_line(tmp_path: Path, content: str, message: str) -> None:
    article, good = _files(tmp_path, GOOD)
    if "rule" in content:
        checklist = tmp_path / "list.toml"
        checklist.write_text(content, encoding="utf-8")
        code, _, err = _check("--checklist", str(checklist), str(article), "--english", str(good))
    else:
        bad = tmp_path / "bomb.xlf"
        bad.write_text(content, encoding="utf-8")
        code, _, err = _check(str(bad))
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1


def test_strict_fails_on_warnings(tmp_path: Path) -> None:
    article, english = _files(tmp_path, GOOD.replace("The navy", "The the navy"))
    assert _check(str(article), "--english", str(english))[0] == 0
    code, out, _ = _check("--strict", str(article), "--english", str(english))
    assert code == 1 and "form/repeated-word" in out


def test_a_check_finding_can_be_dismissed_and_restored(tmp_path: Path) -> None:
    article, bad = _files(tmp_path, BAD)
    args = ("--checks", "dates", str(article), "--english", str(bad))
    key = "dates:be-year-kept:วันที่ 29 มกราคม 2566"
    code, out, _ = _check(*args)
    assert code == 1 and f"[{key}]" in out
    paragraph = next(line for line in out.splitlines() if key in line).split()[0].lstrip("¶")
    code, out, _ = _check(*args, "--dismiss", f"{paragraph}:{key}")
    assert code == 0 and "dismissed" in out
    assert _check(*args)[0] == 0  # kept for this article
    assert _check(*args, "--restore", f"{paragraph}:{key}")[0] == 1
    code, _, err = _check(*args, "--dismiss", "1:nonsense")
    assert code == 2 and "expected PARAGRAPH:CONCEPT" in err
