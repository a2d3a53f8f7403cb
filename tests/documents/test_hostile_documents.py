"""Bad documents of every format: one line naming the file, never a traceback, nothing read unbounded."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from bilingual_reader.documents.articles import MAX_ARTICLE_BYTES
from bilingual_reader.documents.epub_books import MAX_MEMBER_BYTES
from bilingual_reader.documents.errors import ArticleError
from bilingual_reader.documents.opening import open_document


def _refused(path: Path, pattern: str) -> None:
    with pytest.raises(ArticleError) as caught:
        open_document(path)
    message = str(caught.value)
    assert message.startswith(str(path)), message
    assert "\n" not in message
    assert pattern in message, message


def test_a_truncated_epub_is_refused(book_epub: Path) -> None:
    book_epub.write_bytes(book_epub.read_bytes()[:700])
    _refused(book_epub, "not an EPUB (not a ZIP archive, or truncated or damaged)")


@pytest.mark.parametrize("member", ["../evil.xhtml", "OEBPS/../../evil.xhtml", "/etc/evil", "C:/evil"])
def test_an_epub_with_a_member_outside_the_book_is_refused(
    epub_with: Callable[[dict[str, bytes]], Path], member: str
) -> None:
    _refused(epub_with({member: b"x"}), f"unsafe member path {member!r}")


def test_an_epub_with_a_huge_member_is_refused_before_it_is_unpacked(
    epub_with: Callable[[dict[str, bytes]], Path],
) -> None:
    path = epub_with({"OEBPS/bomb.xhtml": b"\0" * (MAX_MEMBER_BYTES + 1)})
    assert path.stat().st_size < 100_000  # a ZIP bomb: small packed
    _refused(path, "member 'OEBPS/bomb.xhtml' unpacks to 16,777,217 bytes (at most 16 MiB)")


def test_an_epub_without_its_container_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "empty.epub"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/epub+zip")
    _refused(path, "not a readable EPUB (KeyError")


def test_a_zip_that_is_not_a_book_and_text_that_is_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "words.epub"
    path.write_text("ข่าว", encoding="utf-8")
    _refused(path, "not an EPUB")


@pytest.mark.parametrize(
    ("name", "data", "pattern"),
    [
        (
            "scripts.html",
            b"<html><head><script>a()</script></head><body><script>b()</script><style>p{}</style></body></html>",
            "no readable text in this HTML file",
        ),
        ("blank.html", b"   \n", "no readable text in this HTML file"),
        ("menu.md", b"<script>x()</script>\n", "no readable text in this Markdown file"),
        (
            "broken.srt",
            b"1\n00:00:01,000 --> 00:0x:02,500\nhello\n\n2\n00:00:03,000 --> 00:00:04,000\nworld\n",
            ":2: broken cue timing '00:00:01,000 --> 00:0x:02,500'",
        ),
        ("backwards.srt", b"1\n00:00:05,000 --> 00:00:01,000\nhello\n", ":2: broken cue timing"),
        ("minutes.vtt", b"WEBVTT\n\n00:61.000 --> 00:62.000\nhello\n", ":3: broken cue timing"),
        ("broken.vtt", b"WEBVTT\n\n00:00:01.000 --> 00:00:0x.000\nhello\n", ":3: broken cue timing"),
        ("headless.vtt", b"00:00:01.000 --> 00:00:02.000\nhello\n", "not a usable WebVTT file"),
        ("prose.srt", "ข่าว\nไม่ใช่คำบรรยาย\n".encode(), "not a usable SubRip file"),
        ("nocues.vtt", b"WEBVTT\n\nNOTE nothing\n", "no cues in this WebVTT file"),
        ("binary.md", b"\x00\x01\x02", "binary file (NUL bytes)"),
    ],
)
def test_bad_web_pages_markdown_and_subtitles_are_one_line(
    tmp_path: Path, name: str, data: bytes, pattern: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    _refused(path, pattern)


def test_a_document_too_large_for_its_format_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "big.html"
    with path.open("wb") as handle:
        handle.truncate(MAX_ARTICLE_BYTES + 1)
    _refused(path, "too large")
