"""HTML pages saved from the web: the main text (readability-lxml drops menus, ads and sidebars), read into
headings, paragraphs and captions; the page's ``<title>`` (without the site's name) is the title."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from bilingual_reader.documents.articles import Article
from bilingual_reader.documents.blocks import Block, article_from_blocks
from bilingual_reader.documents.decoding import decode_text
from bilingual_reader.documents.errors import ArticleError
from bilingual_reader.documents.html_blocks import html_blocks

__all__ = ["read_web_page", "title_first"]

# lxml refuses a str that still declares its encoding; the bytes were decoded already.
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)


def read_web_page(data: bytes, name: str, path: Path | None) -> Article:
    """The article of a saved web page's bytes; one line naming the file when no text is found."""
    from lxml import etree, html
    from readability import Document
    from readability.readability import Unparseable

    text = _XML_DECLARATION.sub("", decode_text(data, name))
    try:
        document = Document(text)
        title = document.short_title() or ""
        summary = document.summary(html_partial=True)
        root = html.fromstring(summary) if summary.strip() else None
    except (Unparseable, etree.LxmlError, ValueError) as err:
        raise ArticleError(f"{name}: no readable text in this HTML file ({type(err).__name__})") from None
    if root is None:
        raise ArticleError(f"{name}: no readable text in this HTML file")
    if title.strip() in ("[no-title]", ""):
        title = ""
    return article_from_blocks(title_first(html_blocks(root)), kind="html", name=name, path=path, title=title)


def title_first(blocks: Iterable[Block]) -> list[Block]:
    """The blocks with a first-level heading that opens the text marked as its title, unless more first-level
    headings follow: then they are all chapters (``# Chapter 1`` … ``# Chapter 3``), the first one too."""
    found = list(blocks)
    first = next((i for i, b in enumerate(found) if b.text.strip()), None)
    tops = sum(1 for b in found if b.role == "heading" and b.level == 1)
    if first is not None and found[first].role == "heading" and found[first].level == 1 and tops == 1:
        block = found[first]
        found[first] = Block("title", block.text, 1, anchors=block.anchors)
    return found
