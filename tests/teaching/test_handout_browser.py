"""The handout in a real browser: Debian's chromium prints it to PDF (A4 and Letter) and to a PNG; the PDF
has the pages the sections ask for, page numbers, the Thai text, and no word beyond the page's margins.
The sample article's handout is rendered once (PDF, PNG and DOM from one chromium run) for its tests."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from bilingual_reader.documents.articles import load_article
from bilingual_reader.glossary.store import Glossary
from bilingual_reader.teaching.handout import HandoutOptions, Section, handout_html
from qa.browser import poppler, run
from support import ROOT
from teaching.handout_data import small_article, small_glossary

SAMPLE = ROOT / "articles" / "01-nato-stoltenberg-visits-seoul-and-tokyo.txt"
#: Page sizes in PostScript points, and the print margins of the stylesheet (14 mm left and right).
SIZES = {"a4": (595.0, 842.0), "letter": (612.0, 792.0)}
MARGIN = 14 / 25.4 * 72


def _print(page: str, folder: Path) -> Path:
    html = folder / "handout.html"
    html.write_text(page, encoding="utf-8")
    pdf = folder / "handout.pdf"
    run(html, folder / "profile", f"--print-to-pdf={pdf}")
    return pdf


def _info(pdf: Path) -> tuple[int, float, float]:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = re.search(r"Pages:\s+(\d+)", info)
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info)
    assert pages and size
    return int(pages.group(1)), float(size.group(1)), float(size.group(2))


def _words_beyond_margin(pdf: Path, width: float) -> list[str]:
    """Words whose box reaches into the right margin (pdftotext's own layout of the printed PDF)."""
    xhtml = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True)
    words = re.findall(
        r'<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', xhtml.stdout
    )
    assert words
    return [text for x_max, text in words if float(x_max) > width - MARGIN + 1]


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_sections_break_pages_and_pages_are_numbered(tmp_path: Path, paper: str) -> None:
    options = HandoutOptions(sections=frozenset({Section.THAI, Section.CLOZE}), paper=paper)
    with small_glossary() as glossary:
        pdf = _print(handout_html(small_article(tmp_path), glossary, None, options), tmp_path)
    poppler()
    pages, width, height = _info(pdf)
    assert pages == 3  # the Thai text; the worksheet; its answer key on a page of its own
    assert (round(width), round(height)) == SIZES[paper]
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    first, second, third = text.split("\f")[:3]
    assert "Thai text" in first and "page 1 of 3" in first and "Cloze" not in first
    assert "Cloze worksheet" in second and "page 2 of 3" in second and "Answer key" not in second
    assert "Answer key" in third and "page 3 of 3" in third
    assert "กองทัพเรือ" in first.replace(" ", "")  # the Thai fonts made it into the PDF
    assert _words_beyond_margin(pdf, width) == []


@dataclass(frozen=True)
class Rendering:
    """One chromium run on the sample article's A4 handout: its PDF, a screenshot, and the DOM at 688 px
    (A4's 182 mm between the margins; Letter's is wider) after a probe script marked the elements wider."""

    pdf: Path
    png: Path
    dom: str


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Rendering:
    with Glossary.open(ROOT / "glossary.db", read_only=True) as glossary:
        page = handout_html(load_article(SAMPLE), glossary, None, HandoutOptions(paper="a4"))
    folder = tmp_path_factory.mktemp("sample-handout")
    script = (
        "<script>const w = document.documentElement.clientWidth; const wide = [...document.querySelectorAll("
        "'body *')].filter(e => e.getBoundingClientRect().right > w + 0.5).map(e => e.tagName + '.' + "
        "e.className); document.body.dataset.overflow = wide.length ? wide.slice(0, 5).join(' ') : 'none';"
        "</script></body>"
    )
    html, pdf, png = folder / "handout.html", folder / "handout.pdf", folder / "handout.png"
    html.write_text(page.replace("</body>", script), encoding="utf-8")
    dom = run(
        html,
        folder / "profile",
        f"--print-to-pdf={pdf}",
        f"--screenshot={png}",
        "--dump-dom",
        "--window-size=688,1000",
    )
    return Rendering(pdf, png, dom)


def test_the_sample_article_prints_whole_without_overflow(sample: Rendering) -> None:
    assert sample.png.stat().st_size > 20_000
    poppler()
    pages, width, _ = _info(sample.pdf)
    assert 12 <= pages <= 40
    text = subprocess.run(
        ["pdftotext", "-layout", str(sample.pdf), "-"], capture_output=True, text=True
    ).stdout
    squeezed = text.replace(" ", "")
    assert "เลขาธิการนาโต" in squeezed and "ขีปนาวุธข้ามทวีป" in squeezed
    assert f"page {pages} of {pages}" in text
    assert _words_beyond_margin(sample.pdf, width) == []


def test_no_element_is_wider_than_a_printed_a4_column(sample: Rendering) -> None:
    """The browser's own layout at 688 px."""
    assert 'data-overflow="none"' in sample.dom
