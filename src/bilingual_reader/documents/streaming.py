"""A document's paragraphs as it is read, for commands that stream a book (``segment``): a plain-text file
(or standard input) is read, decoded and cleaned a part at a time, so memory stays bounded whatever its
length; the paragraphs are exactly those of reading it whole (:func:`clean_paragraphs`). Other formats, and
text that is not UTF-8, are read whole (:func:`~bilingual_reader.documents.opening.open_document`).
"""

from __future__ import annotations

import codecs
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from itertools import chain, islice
from pathlib import Path
from typing import BinaryIO

from bilingual_reader.documents.articles import MAX_ARTICLE_BYTES, Article, Role, opens_with_headline
from bilingual_reader.documents.chapter_lines import is_chapter_line
from bilingual_reader.documents.errors import ArticleError
from bilingual_reader.thai.text import clean_text, has_text

__all__ = ["PART_BYTES", "ParagraphStream", "clean_paragraphs", "stream_document", "text_parts"]

#: How much of a text file is read, decoded and cleaned at a time.
PART_BYTES = 256 * 1024
# Cleaning looks at the start of the text (a mark there is dropped, a lakkhangyao kept): a later part is
# cleaned behind this line, which is then dropped, so its first line is cleaned as a line inside the text.
_GUARD = "\u0e01\n"


def clean_paragraphs(parts: Iterable[str]) -> Iterator[str]:
    """The paragraphs of the text made of ``parts`` (each but the last ending with a line break): exactly
    the non-empty stripped lines of ``clean_text`` of the whole text, cleaned a part at a time."""
    started = False  # whether the text so far holds anything (then a part does not start the text)
    for part in parts:
        if started:
            cleaned = clean_text(_GUARD + part).partition("\n")[2]
        else:
            cleaned, started = clean_text(part), has_text(part)
        for raw in cleaned.split("\n"):
            line = raw.strip()
            if line:
                yield line


def text_parts(
    stream: BinaryIO, name: str, first: bytes = b"", limit: int = MAX_ARTICLE_BYTES, size: int = PART_BYTES
) -> Iterator[str]:
    """UTF-8 text from ``stream`` (``first``: bytes already read from it) a part at a time, each ending at a
    line break but the last, as soon as it has arrived (a pipe is not waited on to fill a part); a BOM is
    dropped. :class:`ArticleError` (one line naming ``name`` and the line) for bytes that are not UTF-8, a
    NUL byte, or more than ``limit`` bytes."""
    read = getattr(stream, "read1", stream.read)
    pending, total, lines = first, len(first), 0
    while True:
        cut = pending.rfind(b"\n") + 1
        if cut:
            chunk, pending = pending[:cut], pending[cut:]
            yield _decoded(chunk, name, lines)
            lines += chunk.count(b"\n")
        data = read(size)
        total += len(data)
        if total > limit:
            raise ArticleError(f"{name}: too large (the article file limit is {limit // (1 << 20)} MiB)")
        if not data:
            if pending:
                yield _decoded(pending, name, lines)
            return
        pending += data


def _decoded(chunk: bytes, name: str, lines: int) -> str:
    """A part's text; ``lines``: the line breaks before it (for the message)."""
    if b"\x00" in chunk:
        raise ArticleError(f"{name}: binary file (NUL bytes); UTF-16 text needs a byte-order mark")
    try:
        return chunk.decode("utf-8-sig" if lines == 0 else "utf-8")
    except UnicodeDecodeError as err:
        line = lines + chunk.count(b"\n", 0, err.start) + 1
        raise ArticleError(f"{name}: line {line}: not UTF-8 (byte 0x{chunk[err.start]:02x})") from None


class ParagraphStream:
    """A document's paragraphs with their roles, read as they are iterated: ``(index, paragraph, role)``.

    ``known`` holds the paragraphs read so far; ``article`` is the whole article when the document was
    read whole (short or not plain UTF-8 text; then ``complete`` and ``known`` holds all the paragraphs),
    so a caller can use them all up front (a dictionary of their words).
    """

    def __init__(
        self, known: list[str], rest: Iterator[str], role: Callable[[int], Role], article: Article | None
    ):
        self.known = known
        self.article = article
        self.complete = article is not None
        self.role = role
        self._rest = rest

    def __iter__(self) -> Iterator[tuple[int, str, Role]]:
        for index, paragraph in enumerate(chain(self.known, self._rest)):
            role = self.role(index)
            if role == "paragraph" and not self.complete and is_chapter_line(paragraph):
                role = "heading"  # as article_from_text marks a chapter line
            yield index, paragraph, role


def stream_document(path: str | os.PathLike[str]) -> ParagraphStream:
    """The paragraphs of the document at ``path`` (``"-"``: standard input) as a :class:`ParagraphStream`.

    Plain UTF-8 text longer than :data:`PART_BYTES` is streamed (its first paragraphs are read now, to know
    whether the first is a title); anything else is read whole (``open_document``), with its errors."""
    from bilingual_reader.documents.opening import STDIN, SUFFIXES, limit_for, open_document
    from bilingual_reader.files import FileProblem, open_input

    if str(path) == STDIN:
        return _open(sys.stdin.buffer, "<standard input>", None, None)
    kind = SUFFIXES.get(Path(path).suffix.lower())
    if kind not in (None, "text"):
        return _whole(open_document(path, kind))
    try:
        handle = open_input(path, limit_for(kind), "article file")
    except FileProblem as err:
        raise ArticleError(str(err)) from None
    return _open(handle, str(path), Path(path), kind)


def _open(handle: BinaryIO, name: str, path: Path | None, kind: str | None) -> ParagraphStream:
    """Stream what ``handle`` holds when it is long UTF-8 text, else read it whole; ``path`` None: stdin."""
    from bilingual_reader.documents.opening import document_from_bytes, kind_of, limit_for

    head = handle.read(PART_BYTES)
    chosen = kind or kind_of(head)
    if len(head) < PART_BYTES or chosen != "text" or not _utf8(head):
        limit = limit_for(kind)
        data = head + handle.read(limit + 1 - len(head))
        if path is not None:
            handle.close()
        if len(data) > limit:
            raise ArticleError(f"{name}: too large (more than {limit:,} bytes)")
        return _whole(document_from_bytes(data, name, path, chosen))
    paragraphs = clean_paragraphs(_closing(text_parts(handle, name, head), handle if path else None))
    known = list(islice(paragraphs, 2))
    headline = opens_with_headline(known)
    return ParagraphStream(known, paragraphs, lambda i: "title" if headline and i == 0 else "paragraph", None)


def _utf8(head: bytes) -> bool:
    """Whether a text's first bytes are UTF-8 (an incomplete last character allowed), with no NUL byte."""
    if b"\x00" in head:
        return False
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, False)
    except UnicodeDecodeError:
        return False
    return True


def _closing(parts: Iterator[str], handle: BinaryIO | None) -> Iterator[str]:
    """``parts``, closing ``handle`` (if any) when they end or are abandoned."""
    try:
        yield from parts
    finally:
        if handle is not None:
            handle.close()


def _whole(article: Article) -> ParagraphStream:
    """A document read whole, as a stream."""
    return ParagraphStream(list(article.paragraphs), iter(()), article.role, article)
