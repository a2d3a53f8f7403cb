"""A long text file as an article that never holds its paragraphs all at once (``translate`` of a book).

It is read twice: a first pass counts the paragraphs and hashes them (the article's id, under which the
translation memory keeps post-edits, is a hash of all of them), keeping nothing; the second pass hands the
paragraphs out in reading order, a window at a time (:class:`WindowedParagraphs`). Both passes clean a part
at a time (:mod:`bilingual_reader.documents.streaming`): the same paragraphs, id and title as reading it
whole.
"""

from __future__ import annotations

import hashlib
import os
from collections import deque
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import overload

from bilingual_reader.documents.articles import Article, Role
from bilingual_reader.documents.headline import header_title
from bilingual_reader.documents.streaming import ParagraphStream, stream_document

__all__ = ["StreamedArticle", "WindowedParagraphs", "open_streamed"]


class WindowedParagraphs(Sequence[str]):
    """``count`` paragraphs read from ``source`` as they are asked for, in reading order: those more than
    ``keep`` before the last one asked are dropped (asking for one of them again is an error)."""

    def __init__(self, count: int, source: Iterator[str], keep: int) -> None:
        self._count, self._source, self._keep = count, source, keep
        self._start = 0
        self._held: deque[str] = deque()

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[str]: ...
    def __getitem__(self, index: int | slice) -> str | Sequence[str]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._count))]
        if index < 0:
            index += self._count
        if not 0 <= index < self._count:
            raise IndexError(index)
        if index < self._start:
            raise IndexError(f"paragraph {index} was already read and dropped (read in order)")
        while self._start + len(self._held) <= index:
            self._held.append(next(self._source))
        while self._start < index - self._keep:
            self._held.popleft()
            self._start += 1
        return self._held[index - self._start]


class StreamedArticle:
    """What translating needs of an article (id, legacy id, title, roles, paragraphs), for a long text
    whose paragraphs are read again as they are translated (:class:`WindowedParagraphs`)."""

    def __init__(
        self,
        path: Path,
        title: str,
        headline: bool,
        ids: tuple[str, str | None],
        paragraphs: Sequence[str],
        headings: frozenset[int] = frozenset(),
    ) -> None:
        """``headings``: the indexes of its chapter lines (the first pass notes them)."""
        self.path = path
        self.title = title
        self.headline = headline
        self.article_id, self.legacy_id = ids
        self.paragraphs = paragraphs
        self.headings = headings

    def role(self, index: int) -> Role:
        """The role :meth:`Article.role` gives: a chapter line is a heading, a headline first line the
        title, the rest paragraphs."""
        if index in self.headings:
            return "heading"
        return "title" if self.headline and index == 0 else "paragraph"


def open_streamed(path: str | os.PathLike[str], keep: int = 64) -> Article | StreamedArticle:
    """The document at ``path``: read whole (an :class:`Article`) unless it is a long plain text, then a
    :class:`StreamedArticle` holding about ``keep`` paragraphs at a time. Raises ``ArticleError``."""
    first = stream_document(path)
    if first.article is not None:
        return first.article
    count, ids, head, headings = _measure(first)
    headline = first.role(0) == "title"
    title = head if headline else header_title(head, Path(path))
    again = stream_document(path)
    paragraphs = WindowedParagraphs(count, (p for _, p, _ in again), keep)
    return StreamedArticle(Path(path), title, headline, ids, paragraphs, headings)


def _measure(stream: ParagraphStream) -> tuple[int, tuple[str, str | None], str, frozenset[int]]:
    """The paragraphs' count, the article's id and legacy id (``article_id_of`` of all the paragraphs and
    of all but the first), the first paragraph, and the indexes of the headings."""
    whole, rest = hashlib.sha256(), hashlib.sha256()
    count, head = 0, ""
    headings: set[int] = set()
    for index, paragraph, role in stream:
        if role == "heading":
            headings.add(index)
        data = paragraph.encode("utf-8")
        if index == 0:
            head = paragraph
            whole.update(data)
        else:
            whole.update(b"\n" + data)
            rest.update(data if index == 1 else b"\n" + data)
        count += 1
    return count, (whole.hexdigest(), rest.hexdigest() if count > 1 else None), head, frozenset(headings)
