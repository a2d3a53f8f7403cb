"""The one entry point for every document: :func:`open_document` reads a file (or standard input) of any
format the reader knows into an :class:`~bilingual_reader.documents.articles.Article`.

The format is told by the file's suffix, else sniffed from its first bytes (standard input, unknown
suffixes). Every read is bounded (:func:`bilingual_reader.files.read_input`); every problem is an
:class:`~bilingual_reader.documents.errors.ArticleError` whose message is one line naming the file.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import BinaryIO

from bilingual_reader.documents.articles import MAX_ARTICLE_BYTES, Article, article_from_text
from bilingual_reader.documents.decoding import decode_text
from bilingual_reader.documents.errors import ArticleError
from bilingual_reader.files import FileProblem, read_input

__all__ = [
    "KINDS",
    "STDIN",
    "SUFFIXES",
    "document_from_bytes",
    "kind_of",
    "limit_for",
    "open_document",
    "read_stdin",
]

#: The name that means standard input.
STDIN = "-"
#: The formats, by the suffixes that announce them.
SUFFIXES = {
    ".txt": "text",
    ".text": "text",
    ".epub": "epub",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".md": "markdown",
    ".markdown": "markdown",
    ".srt": "srt",
    ".vtt": "vtt",
}
KINDS = ("text", "epub", "html", "markdown", "srt", "vtt")
_STDIN_NAME = "<standard input>"
_WHAT = {
    "text": "article",
    "epub": "EPUB",
    "html": "HTML",
    "markdown": "Markdown",
    "srt": "SubRip",
    "vtt": "WebVTT",
}
_SRT_START = re.compile(rb"\A\s*\d+\s*\r?\n\s*\d+:\d{1,2}:\d{1,2}[,.]\d+\s*-->")
#: Markdown, sniffed in the first 16 KiB (see :func:`kind_of`): front matter at the start, or an ATX heading
#: (``#`` to ``######``, a space, text) on a line of its own; else two or more of the weaker marks below.
_MARKDOWN_SURE = re.compile(rb"\A---[ \t]*\r?\n(?:.*\r?\n){0,50}?---[ \t]*\r?\n|^#{1,6}[ \t]+\S", re.M)
_MARKDOWN_MARKS = (
    re.compile(rb"\*\*[^*\n]+\*\*|__[^_\n]+__"),  # strong
    re.compile(rb"\[[^\]\n]+\]\([^)\s]+\)"),  # a link
    re.compile(rb"^[ \t]{0,3}[-*+][ \t]+\S", re.M),  # a list item
    re.compile(rb"^[ \t]{0,3}>[ \t]?\S", re.M),  # a quote
    re.compile(rb"^[ \t]{0,3}(?:```|~~~)", re.M),  # a code fence
)
_SNIFF_BYTES = 16 * 1024


def open_document(path: str | os.PathLike[str], kind: str | None = None) -> Article:
    """Read the document at ``path`` (``"-"``: standard input) into an article; ``kind`` overrides the
    format the suffix or the content tells."""
    if str(path) == STDIN:
        return document_from_bytes(read_stdin(), _STDIN_NAME, None, kind)
    file = Path(path)
    chosen = kind or SUFFIXES.get(file.suffix.lower())
    limit = limit_for(chosen)
    try:
        data = read_input(file, limit, f"{_WHAT.get(chosen or 'text', 'article')} file")
    except FileProblem as err:
        raise ArticleError(str(err)) from None
    return document_from_bytes(data, str(path), file, chosen)


def document_from_bytes(data: bytes, name: str, path: Path | None, kind: str | None = None) -> Article:
    """The article of a document's bytes already read (``name`` for messages, ``path`` kept on it)."""
    chosen = kind or kind_of(data)
    if chosen == "epub":
        from bilingual_reader.documents.epub_books import read_epub

        return read_epub(data, name, path)
    if chosen == "html":
        from bilingual_reader.documents.web_pages import read_web_page

        return read_web_page(data, name, path)
    if chosen == "markdown":
        from bilingual_reader.documents.markdown_texts import read_markdown

        return read_markdown(data, name, path)
    if chosen in ("srt", "vtt"):
        from bilingual_reader.documents.subtitles import read_subtitles

        return read_subtitles(data, name, path, chosen)
    if len(data) > MAX_ARTICLE_BYTES:
        raise ArticleError(f"{name}: too large (the article file limit is 16 MiB)")
    if path is None:
        return article_from_text(decode_text(data, name))
    return article_from_text(decode_text(data, name), path=path)


def kind_of(data: bytes) -> str:
    """The format told by a document's first bytes: EPUB (a ZIP), HTML, WebVTT, SubRip, Markdown, else text.

    Markdown is told by front matter at the start or a ``# heading`` line (``#`` to ``######``, a space,
    text) in the first 16 KiB, or else by two different weaker marks there (``**strong**``, a
    ``[link](url)``, a ``- list item``, a ``> quote``, a code fence). A hashtag (``#ทหาร``, no space) or a
    lone ``- `` line is not enough: plain text stays plain text.
    """
    if data.startswith(b"PK\x03\x04"):
        return "epub"
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in head:
        return "html"
    if head.startswith(b"webvtt"):
        return "vtt"
    if _SRT_START.match(head):
        return "srt"
    return "markdown" if _looks_like_markdown(data[:_SNIFF_BYTES].lstrip(b"\xef\xbb\xbf")) else "text"


def _looks_like_markdown(head: bytes) -> bool:
    if _MARKDOWN_SURE.search(head):
        return True
    return sum(1 for mark in _MARKDOWN_MARKS if mark.search(head)) >= 2


def read_stdin(stream: BinaryIO | None = None, limit: int | None = None) -> bytes:
    """Standard input's bytes, at most ``limit`` (default: the largest EPUB); more is refused unread."""
    from bilingual_reader.documents.epub_books import MAX_EPUB_BYTES

    source = stream if stream is not None else sys.stdin.buffer
    bound = limit if limit is not None else MAX_EPUB_BYTES
    data = source.read(bound + 1)
    if len(data) > bound:
        raise ArticleError(f"{_STDIN_NAME}: too large (more than {bound:,} bytes)")
    return data


def limit_for(kind: str | None) -> int:
    """The largest file read for a document of ``kind`` (None: not known yet, the largest of all)."""
    if kind == "epub" or kind is None:
        from bilingual_reader.documents.epub_books import MAX_EPUB_BYTES

        return MAX_EPUB_BYTES
    return MAX_ARTICLE_BYTES
