"""EPUB 2 and 3 books through ebooklib: the spine's documents in reading order, their headings, paragraphs
and captions, the book's table of contents as chapters, and its title.

The ZIP is checked before ebooklib sees it: a damaged or truncated archive, a member path with ``..`` or an
absolute path, a member over :data:`MAX_MEMBER_BYTES` or a total over :data:`MAX_UNPACKED_BYTES` (a ZIP bomb)
is refused with one line naming the file.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bilingual_reader.documents.articles import Article
from bilingual_reader.documents.blocks import Block, article_from_blocks
from bilingual_reader.documents.errors import ArticleError
from bilingual_reader.documents.html_blocks import html_blocks

__all__ = ["MAX_EPUB_BYTES", "MAX_MEMBER_BYTES", "MAX_UNPACKED_BYTES", "read_epub"]

#: Largest EPUB file read (64 MiB: room for pictures, which are never shown).
MAX_EPUB_BYTES = 64 * 1024**2
#: Largest member of the ZIP, unpacked.
MAX_MEMBER_BYTES = 16 * 1024**2
#: Largest total of all members, unpacked.
MAX_UNPACKED_BYTES = 128 * 1024**2
_MEMBERS = 10_000


def read_epub(data: bytes, name: str, path: Path | None) -> Article:
    """The article of an EPUB's bytes: every spine document's blocks, the TOC as chapters."""
    _check_zip(data, name)
    from ebooklib import ITEM_DOCUMENT, epub

    try:
        book = epub.read_epub(io.BytesIO(data), {"ignore_ncx": True})
        toc = list(_toc(book.toc, 1))
        blocks = list(_spine_blocks(book, ITEM_DOCUMENT))
        titles = book.get_metadata("DC", "title")
    except ArticleError:
        raise
    except Exception as err:  # a third-party parser of hostile data: whatever it raises is one line
        raise ArticleError(f"{name}: not a readable EPUB ({_detail(err)})") from None
    title = str(titles[0][0]) if titles and titles[0] and titles[0][0] else ""
    return article_from_blocks(blocks, kind="epub", name=name, path=path, title=title, toc=toc)


def _check_zip(data: bytes, name: str) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError):
        raise ArticleError(f"{name}: not an EPUB (not a ZIP archive, or truncated or damaged)") from None
    if len(members) > _MEMBERS:
        raise ArticleError(f"{name}: refused EPUB: {len(members):,} members (at most {_MEMBERS:,})")
    total = 0
    for member in members:
        parts = member.filename.replace("\\", "/").split("/")
        if member.filename.startswith(("/", "\\")) or ".." in parts or ":" in parts[0]:
            raise ArticleError(f"{name}: refused EPUB: unsafe member path {member.filename!r}")
        if member.file_size > MAX_MEMBER_BYTES:
            raise ArticleError(
                f"{name}: refused EPUB: member {member.filename!r} unpacks to {member.file_size:,} bytes "
                f"(at most {MAX_MEMBER_BYTES // 1024**2} MiB)"
            )
        total += member.file_size
    if total > MAX_UNPACKED_BYTES:
        raise ArticleError(
            f"{name}: refused EPUB: unpacks to {total:,} bytes (at most {MAX_UNPACKED_BYTES // 1024**2} MiB)"
        )


def _spine_blocks(book: Any, document_type: int) -> Iterator[Block]:
    from lxml import html

    for item_id, _linear in book.spine:
        item = book.get_item_with_id(item_id)
        if item is None or item.get_type() != document_type:
            continue
        content = item.get_content()
        if not content or not content.strip():
            continue
        root = html.fromstring(content, parser=html.HTMLParser(encoding="utf-8"))
        body = root.find(".//body")
        yield from html_blocks(body if body is not None else root, item.get_name())


def _toc(entries: Any, level: int) -> Iterator[tuple[str, str, int]]:
    """(title, anchor, level) of every TOC entry, depth first; anchors are normalised member names."""
    for entry in entries:
        if isinstance(entry, tuple | list) and len(entry) == 2:
            section, children = entry
            if getattr(section, "href", None):
                yield str(section.title or ""), _anchor(section.href), level
            yield from _toc(children, level + 1)
        elif getattr(entry, "href", None):
            yield str(entry.title or ""), _anchor(entry.href), level


def _anchor(href: str) -> str:
    file, _, fragment = href.partition("#")
    normal = posixpath.normpath(file)
    return f"{normal}#{fragment}" if fragment else normal


def _detail(err: Exception) -> str:
    text = str(err).splitlines()[0] if str(err) else ""
    return f"{type(err).__name__}: {text}"[:160] if text else type(err).__name__
