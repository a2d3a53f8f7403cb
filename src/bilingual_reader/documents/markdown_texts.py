"""Markdown texts (CommonMark, through markdown-it-py): headings, paragraphs, list items and quotes; a
first ``#`` heading is the title, YAML front matter is skipped."""

from __future__ import annotations

import re
from pathlib import Path

from bilingual_reader.documents.articles import Article
from bilingual_reader.documents.blocks import article_from_blocks
from bilingual_reader.documents.decoding import decode_text
from bilingual_reader.documents.html_blocks import html_blocks
from bilingual_reader.documents.web_pages import title_first

__all__ = ["read_markdown"]

_FRONT_MATTER = re.compile(r"\A---\n.*?\n(?:---|\.\.\.)\n", re.DOTALL)


def read_markdown(data: bytes, name: str, path: Path | None) -> Article:
    """The article of Markdown bytes (decoded like a plain text)."""
    from lxml import html
    from markdown_it import MarkdownIt

    text = decode_text(data, name).replace("\r\n", "\n").replace("\r", "\n")
    rendered = MarkdownIt("commonmark").render(_FRONT_MATTER.sub("", text))
    blocks = title_first(html_blocks(html.fromstring(f"<div>{rendered}</div>"))) if rendered.strip() else []
    return article_from_blocks(blocks, kind="markdown", name=name, path=path)
