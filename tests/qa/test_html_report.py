"""The HTML QA report: self-contained, grouped by kind, and rendered by a real browser (Debian chromium)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from bilingual_reader.glossary.store import Glossary
from bilingual_reader.qa.check import TermChecker
from bilingual_reader.qa.html_report import html_report
from bilingual_reader.qa.results import DocumentResult
from bilingual_reader.qa.rules.checklist import SHIPPED, load_checklist
from bilingual_reader.qa.rules.run import check_document
from bilingual_reader.qa.tsv_report import COLUMNS, tsv_report
from qa.browser import poppler, run
from support import ROOT

ARTICLE = ROOT / "articles" / "01-nato-stoltenberg-visits-seoul-and-tokyo.txt"
PLANTED = ROOT / "tests" / "fixtures" / "qa" / "01-nato.planted.en.txt"


def _lines(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def result() -> DocumentResult:
    thai, english = _lines(ARTICLE), _lines(PLANTED)
    with Glossary.open(ROOT / "glossary.db", read_only=True) as glossary:
        terms = list(TermChecker(glossary.concepts()).check_all(thai, english))
    rules = check_document(thai, list(english), rules=load_checklist(SHIPPED), term_findings=terms)
    return DocumentResult(ARTICLE.name, thai, english, terms, rules)


def test_the_planted_mistakes_are_all_found(result: DocumentResult) -> None:
    found = {(r.paragraph, r.code) for r in result.rules}
    assert {
        (1, "missing-number"),
        (1, "be-year-kept"),
        (1, "latin-missing"),
        (2, "missing-date"),
        (2, "wrong-year"),
        (4, "unit-mismatch"),
        (5, "missing-number"),
        (5, "repeated-word"),
        (8, "latin-missing"),
        (9, "be-year-kept"),
    } <= found


def test_the_page_is_self_contained_and_grouped_by_kind(result: DocumentResult) -> None:
    page = html_report([result], title="Sample <QA>")
    assert "<title>Sample &lt;QA&gt;</title>" in page
    assert not re.search(r"(?:src|href)\s*=|@import|url\(|<script", page, re.IGNORECASE)
    headings = re.findall(r"<h3>(\w+)</h3>", page)
    assert headings[:1] == ["terms"] and {"numbers", "dates", "text", "units", "form"} <= set(headings)
    assert "<mark>29 January 2566</mark>" in page


def test_tsv_has_one_row_per_problem_and_defuses_formulas(result: DocumentResult) -> None:
    rows = [line.split("\t") for line in tsv_report([result]).splitlines()]
    assert tuple(rows[0]) == COLUMNS
    problems = [f for f in result.terms if f.status.value != "ok"] + list(result.rules)
    assert len(rows) - 1 == len(problems)
    hostile = DocumentResult("=cmd|' /C calc'!A0", ["ก"], ["=1+1"], (), ())
    assert all(not cell.startswith("=") for cell in tsv_report([hostile]).splitlines()[-1].split("\t"))


def test_chromium_prints_it_to_pdf_without_overflow(result: DocumentResult, tmp_path: Path) -> None:
    """One chromium run prints the page to PDF, takes a screenshot and gives the DOM at A4's width, where
    a probe script marked whether the page is wider than the window."""
    probe = tmp_path / "report.html"
    probe.write_text(
        html_report([result]).replace(
            "</body>",
            "<script>document.body.dataset.overflow = String(document.documentElement.scrollWidth > "
            "window.innerWidth)</script></body>",
        ),
        encoding="utf-8",
    )
    pdf, png = tmp_path / "report.pdf", tmp_path / "report.png"
    flags = (f"--print-to-pdf={pdf}", f"--screenshot={png}", "--dump-dom", "--window-size=794,1123")
    dom = run(probe, tmp_path / "profile", *flags)
    assert 'data-overflow="false"' in dom
    assert png.stat().st_size > 10_000
    poppler()
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]
    assert 2 <= pages <= 30
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "QA report" in text and "2566 is a Buddhist-era year" in text
    assert "เลขาธิการนาโต" in text.replace(" ", "")  # Thai made it through the fonts
