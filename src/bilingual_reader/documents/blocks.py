"""Building an :class:`Article` from blocks (headings, paragraphs, captions, cues) read from a format."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from bilingual_reader.documents.articles import Article, Chapter, Role
from bilingual_reader.documents.errors import ArticleError
from bilingual_reader.documents.headline import first_words
from bilingual_reader.thai.text import clean_text

__all__ = ["CHAPTER_LEVELS", "Block", "article_from_blocks"]

#: Headings down to this depth (h1–h3, #–###) are in the table of contents when a format gives none.
CHAPTER_LEVELS = 3


@dataclass(frozen=True)
class Block:
    """One paragraph as a format reader found it: its role, raw text, heading depth (1–6; 0 for body
    text), the times of a subtitle cue, and the anchors (EPUB ``file#id``) that point at it."""

    role: Role
    text: str
    level: int = 0
    time: tuple[int, int] | None = None
    anchors: tuple[str, ...] = ()


def article_from_blocks(
    blocks: Iterable[Block],
    *,
    kind: str,
    name: str,
    path: Path | None,
    title: str = "",
    toc: Iterable[tuple[str, str, int]] | None = None,
) -> Article:
    """An article from ``blocks``: each cleaned (whitespace collapsed), the empty ones dropped.

    ``title`` (the EPUB or HTML title) is the header's text, else the first title or heading, else the
    first words. ``toc`` gives the table of contents as (title, anchor, level); without it the headings
    (down to :data:`CHAPTER_LEVELS`) are the chapters. Raises :class:`ArticleError` naming ``name`` when no
    text is left.
    """
    kept: list[Block] = []
    anchors: dict[str, int] = {}
    pending: list[str] = []
    for block in blocks:
        pending.extend(block.anchors)
        text = " ".join(clean_text(block.text).split())
        if not text:
            continue
        for anchor in pending:
            anchors.setdefault(anchor, len(kept))
        pending.clear()
        kept.append(Block(block.role, text, block.level, block.time))
    if not kept:
        raise ArticleError(f"{name}: no readable text in this {_FORMAT_NAMES.get(kind, kind)} file")
    chapters = _chapters(kept, anchors, toc)
    roles = tuple(b.role for b in kept)
    shown = " ".join(clean_text(title).split())
    if not shown:
        heading = next((b.text for b in kept if b.role in ("title", "heading")), kept[0].text)
        shown = first_words(heading, 120)
    times = tuple(b.time or (0, 0) for b in kept) if any(b.time for b in kept) else ()
    return Article(
        path=path,
        title=shown,
        paragraphs=tuple(b.text for b in kept),
        headline=roles[0] == "title",
        kind=kind,
        marked_roles=roles,
        chapters=chapters,
        times=times,
    )


_FORMAT_NAMES = {"epub": "EPUB", "html": "HTML", "markdown": "Markdown", "srt": "SubRip", "vtt": "WebVTT"}


def _chapters(
    kept: list[Block], anchors: dict[str, int], toc: Iterable[tuple[str, str, int]] | None
) -> tuple[Chapter, ...]:
    found: list[Chapter] = []
    if toc is not None:
        for title, anchor, level in toc:
            start = anchors.get(anchor)
            if start is None and "#" in anchor:
                start = anchors.get(anchor.split("#", 1)[0])
            text = " ".join(clean_text(title).split())
            if start is not None and text:
                found.append(Chapter(text, start, max(1, level)))
        if found:
            return tuple(sorted(found, key=lambda c: c.start))
    return tuple(
        Chapter(b.text, index, b.level)
        for index, b in enumerate(kept)
        if b.role == "heading" and 0 < b.level <= CHAPTER_LEVELS
    )
