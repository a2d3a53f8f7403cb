"""Tests for loading articles: encodings, cleaning, title/paragraphs, and bad input."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from bilingual_reader import paths
from bilingual_reader.documents.articles import (
    MAX_ARTICLE_BYTES,
    Article,
    ArticleError,
    article_from_text,
    list_articles,
    load_article,
    sample_article_path,
)

TEXT = "นาโต้เยือนโซล\n\nรถถังหนักและปืนใหญ่อัตตาจร\nเลขาธิการ Jens Stoltenberg เดินทางถึงกรุงโซล\n"
EXPECTED = Article(
    path=None,
    title="นาโต้เยือนโซล",
    paragraphs=("นาโต้เยือนโซล", "รถถังหนักและปืนใหญ่อัตตาจร", "เลขาธิการ Jens Stoltenberg เดินทางถึงกรุงโซล"),
    headline=True,
)


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [
        ("utf-8", b""),
        ("utf-8-sig", b""),
        ("utf-16", b""),  # Python writes the BOM
        ("utf-16-le", b"\xff\xfe"),
        ("utf-16-be", b"\xfe\xff"),
        ("tis-620", b""),
        ("cp874", b""),
    ],
)
def test_load_encodings(tmp_path: Path, encoding: str, prefix: bytes) -> None:
    file = tmp_path / f"{encoding}.txt"
    file.write_bytes(prefix + TEXT.replace("\n", "\r\n").encode(encoding))
    article = load_article(file)
    assert article.title == EXPECTED.title
    assert article.paragraphs == EXPECTED.paragraphs
    assert article.path == file


def test_cp874_specific_characters(tmp_path: Path) -> None:
    file = tmp_path / "win874.txt"
    file.write_bytes("“ข่าว” – ทดสอบ…\nย่อหน้า".encode("cp874"))
    assert load_article(file) == Article(file, "“ข่าว” – ทดสอบ…", ("“ข่าว” – ทดสอบ…", "ย่อหน้า"), True)


def test_tis620_with_a_typo_still_loads(tmp_path: Path) -> None:
    file = tmp_path / "typo.txt"
    body = "รถถังหนักและปืนใหญ่อัตตาจร" * 5
    file.write_bytes(f"หัวข้อ\n{body} \u0e48คำ\n".encode("tis-620"))
    # pythainlp.util.normalize drops the space before the stray tone mark
    assert load_article(file).paragraphs == ("หัวข้อ", f"{body}\u0e48คำ")


def test_cleaning_applies_to_title_and_paragraphs(tmp_path: Path) -> None:
    file = tmp_path / "dirty.txt"
    raw = "\ufeff\x1b[1mหัว\u200bข้อ\x1b[0m\n  \t \nรถ\u00adถัง\u2060หนัก   ยิง\x07\n\u0e40\u0e40ผน  \n"
    file.write_text(raw, encoding="utf-8")
    assert load_article(file) == Article(file, "หัวข้อ", ("หัวข้อ", "รถถังหนัก ยิง", "แผน"), True)


def test_article_from_text() -> None:
    assert article_from_text(TEXT) == EXPECTED
    with_title = article_from_text(TEXT, title="ชื่อ")
    assert with_title.title == "ชื่อ"
    assert with_title.paragraphs == EXPECTED.paragraphs
    assert not with_title.headline
    assert with_title.roles == ("paragraph", "paragraph", "paragraph")


def test_article_id_is_sha256_of_paragraphs() -> None:
    expected = hashlib.sha256("\n".join(EXPECTED.paragraphs).encode()).hexdigest()
    assert EXPECTED.article_id == expected
    assert article_from_text(TEXT, title="อีกชื่อ").article_id == expected  # the header text is not part of it
    assert article_from_text("อีกชื่อ\n" + TEXT).article_id != expected  # the first line is


def _write(tmp_path: Path, kind: str) -> Path:
    """Create a bad input of the given kind and return its path."""
    file = tmp_path / f"bad-{kind}.txt"
    if kind == "missing":
        return file
    if kind == "directory":
        file.mkdir()
    elif kind == "binary":
        file.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    elif kind == "empty":
        file.write_bytes(b"")
    elif kind == "blank":
        file.write_text(" \n\u200b\n\t\n", encoding="utf-8")
    elif kind == "undecodable":
        file.write_bytes("ข่าว\n".encode() + b"abc \xdb\xfc\xff\n")
    elif kind == "latin1":
        file.write_bytes("café crème\n".encode("latin-1"))
    elif kind == "bad-utf16":
        file.write_bytes(b"\xff\xfe" + "ข่าว".encode("utf-16-le") + b"\x00\xd8")
    elif kind == "huge":
        file.write_bytes(b"a" * (MAX_ARTICLE_BYTES + 1))
    return file


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        ("missing", "no such file"),
        ("directory", "is a directory"),
        ("binary", "binary file"),
        ("empty", "empty file"),
        ("blank", "empty (no text after cleaning)"),
        ("undecodable", "line 2: not UTF-8 (byte 0xdb)"),
        ("latin1", "line 1: not UTF-8 (byte 0xe9)"),
        ("bad-utf16", "invalid UTF-16"),
        ("huge", "too large"),
    ],
)
def test_bad_input(tmp_path: Path, kind: str, message: str) -> None:
    file = _write(tmp_path, kind)
    with pytest.raises(ArticleError) as info:
        load_article(file)
    text = str(info.value)
    assert text.startswith(f"{file}: ")
    assert message in text
    assert "\n" not in text


def test_list_articles_sorted_txt_only(tmp_path: Path) -> None:
    for name in ("b.txt", "a.txt", "c.md"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "d.txt").mkdir()
    assert list_articles(tmp_path) == [tmp_path / "a.txt", tmp_path / "b.txt"]
    assert list_articles(tmp_path / "nowhere") == []


def test_sample_article_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "02-b.txt").write_text("ข\nค", encoding="utf-8")
    (tmp_path / "01-a.txt").write_text("ก\nข", encoding="utf-8")
    monkeypatch.setattr(paths, "articles_dir", lambda: tmp_path)
    assert sample_article_path() == tmp_path / "01-a.txt"


def test_sample_article_path_without_articles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(paths, "articles_dir", lambda: tmp_path)
    with pytest.raises(ArticleError, match="no articles"):
        sample_article_path()


def test_shipped_articles_load() -> None:
    shipped = list_articles()
    if not shipped:
        pytest.skip("no shipped articles yet")
    for path in shipped:
        article = load_article(path)
        assert article.title
        assert article.paragraphs, path
    assert sample_article_path() == shipped[0]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: os.mkfifo(p), "is a pipe (FIFO), not a regular file; give an article file"),
        (lambda p: p.symlink_to("/dev/zero"), "is a device, not a regular file; give an article file"),
        (lambda p: p.open("wb").truncate(1024**3), "too large (1,073,741,824 bytes; the article file limit"),
    ],
    ids=["fifo", "dev-zero", "sparse-1GB"],
)
def test_hostile_files_are_refused_without_reading(
    tmp_path: Path, make: Callable[[Path], object], message: str
) -> None:
    """A FIFO hung `read` and `segment`, /dev/zero grew to 5 GB, a sparse 1 GB file took 2 GB first."""
    file = tmp_path / "article.txt"
    make(file)
    with pytest.raises(ArticleError) as info:
        load_article(file)
    assert str(info.value).startswith(f"{file}: {message}")


def test_an_unterminated_osc_drops_only_the_rest_of_its_line() -> None:
    """`ESC ]` without a terminator used to swallow every following paragraph."""
    article = article_from_text("หัวข้อ\nย่อหน้าหนึ่ง\x1b]0;ชื่อใหม่\nย่อหน้าสอง\nย่อหน้าสาม\n")
    assert article.paragraphs == ("หัวข้อ", "ย่อหน้าหนึ่ง", "ย่อหน้าสอง", "ย่อหน้าสาม")


@pytest.mark.parametrize(
    "control",
    [
        "\x1b]0;title\x07",
        "\x1b]52;c;ZXZpbA==\x1b\\",
        "\x1b[2J",
        "\x1bP1$qm\x1b\\",
        "\x9b31m",
        "\x9d0;t\x9c",
        "\x9a",
    ],
)
def test_escapes_and_c1_controls_leave_no_trace(control: str) -> None:
    article = article_from_text(f"หัวข้อ\nรถ{control}ถัง\n")
    assert article.paragraphs == ("หัวข้อ", "รถถัง")


@pytest.mark.parametrize(
    "control",
    ["\u202e", "\u202d", "\u202a", "\u202b", "\u202c", "\u2066", "\u2067", "\u2068", "\u2069", "\u061c"],
)
def test_bidi_overrides_and_isolates_are_dropped(control: str) -> None:
    article = article_from_text(f"หัวข้อ\nรถ{control}ถัง tank{control}s\n")
    assert article.paragraphs == ("หัวข้อ", "รถถัง tanks")


LEAD = (
    "นายJens Stoltenberg เลขาธิการนาโต เดินทางถึงกรุงโซลเมื่อวันที่ 29 มกราคม เพื่อเยือนเกาหลีใต้"
    "อย่างเป็นทางการ ก่อนเดินทางต่อไปยังกรุงโตเกียว โดยเรียกร้องให้เกาหลีใต้พิจารณาเพิ่มความช่วยเหลือ"
    "ทางทหารแก่ยูเครน รวมถึงการส่งอาวุธยุทโธปกรณ์โดยตรง ซึ่งขัดกับนโยบายเดิมของรัฐบาลเกาหลีใต้"
)


def test_every_line_is_a_paragraph_and_a_headline_is_also_the_title(tmp_path: Path) -> None:
    file = tmp_path / "news.txt"
    file.write_text(TEXT, encoding="utf-8")
    article = load_article(file)
    assert article.paragraphs == (
        "นาโต้เยือนโซล",
        "รถถังหนักและปืนใหญ่อัตตาจร",
        "เลขาธิการ Jens Stoltenberg เดินทางถึงกรุงโซล",
    )
    assert article.title == "นาโต้เยือนโซล"
    assert article.roles == ("title", "paragraph", "paragraph")


def test_a_lead_paragraph_first_stays_a_paragraph_and_the_header_shows_the_file_name(tmp_path: Path) -> None:
    file = tmp_path / "lead-first.txt"
    file.write_text(f"{LEAD}\nย่อหน้าที่สอง\n", encoding="utf-8")
    article = load_article(file)
    assert article.paragraphs == (LEAD, "ย่อหน้าที่สอง")
    assert article.roles == ("paragraph", "paragraph")
    assert not article.headline
    assert article.title == "lead-first.txt"


def test_without_a_file_name_the_header_shows_the_first_words() -> None:
    article = article_from_text(f"{LEAD}\nย่อหน้าที่สอง")
    assert article.title == "นายJens Stoltenberg เลขาธิการนาโต…"


def test_a_one_line_file_is_one_paragraph(tmp_path: Path) -> None:
    file = tmp_path / "one.txt"
    file.write_text("กองทัพเรือเดินหน้าโครงการเรือดำน้ำ\n", encoding="utf-8")
    article = load_article(file)
    assert article.paragraphs == ("กองทัพเรือเดินหน้าโครงการเรือดำน้ำ",)
    assert article.roles == ("paragraph",)
    assert article.title == "one.txt"
    assert article.legacy_id is None


def test_legacy_id_is_the_id_earlier_versions_gave_the_article() -> None:
    article = article_from_text(TEXT)
    old = hashlib.sha256("\n".join(article.paragraphs[1:]).encode()).hexdigest()
    assert article.legacy_id == old
    assert article.article_id != old
