"""The blocks of an HTML or XHTML tree: headings, paragraphs and captions in reading order, without
scripts, styles, forms and navigation."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from bilingual_reader.documents.articles import Role
from bilingual_reader.documents.blocks import Block

__all__ = ["html_blocks"]

_SKIP = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "head",
        "nav",
        "form",
        "button",
        "select",
        "textarea",
        "iframe",
        "object",
        "svg",
        "math",
    ]
)
_CAPTIONS = frozenset({"figcaption", "caption"})
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_BLOCKS = (
    frozenset(
        [
            "p",
            "div",
            "section",
            "article",
            "main",
            "body",
            "html",
            "blockquote",
            "pre",
            "ul",
            "ol",
            "li",
            "dl",
            "dt",
            "dd",
            "table",
            "thead",
            "tbody",
            "tfoot",
            "tr",
            "td",
            "th",
            "figure",
            "aside",
            "header",
            "footer",
            "address",
            "hr",
            "center",
            "details",
            "summary",
            "hgroup",
        ]
    )
    | _CAPTIONS
    | frozenset(_HEADINGS)
)


def html_blocks(root: Any, anchor_prefix: str = "") -> Iterator[Block]:
    """The blocks under ``root`` (an lxml element). Each element's ``id`` becomes the anchor
    ``anchor_prefix + "#" + id`` of the next block; ``anchor_prefix`` itself anchors the first block."""
    walker = _Walker(anchor_prefix)
    if anchor_prefix:
        walker.anchors.append(anchor_prefix)
    walker.walk(root)
    walker.flush()
    yield from walker.blocks


class _Walker:
    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.blocks: list[Block] = []
        self.run: list[str] = []
        self.anchors: list[str] = []

    def flush(self, role: Role = "paragraph", level: int = 0) -> None:
        text = "".join(self.run)
        self.run.clear()
        if text.strip():
            self.blocks.append(Block(role, text, level, anchors=tuple(self.anchors)))
            self.anchors.clear()

    def walk(self, element: Any) -> None:
        tag = _tag(element)
        if tag in _SKIP or not isinstance(tag, str) or _hidden(element):
            return
        self._note_id(element)
        if tag in _HEADINGS or tag in _CAPTIONS or (tag in _BLOCKS and not _has_block(element)):
            self.flush()
            self._inline(element)
            if tag in _HEADINGS:
                self.flush("heading", _HEADINGS[tag])
            else:
                self.flush("caption" if tag in _CAPTIONS else "paragraph")
            return
        if tag in _BLOCKS:
            self.flush()
        self.run.append(element.text or "")
        for child in element:
            if _tag(child) in _BLOCKS or _has_block(child):
                self.walk(child)
            else:
                self._inline(child)
            self.run.append(child.tail or "")
        if tag in _BLOCKS:
            self.flush()

    def _inline(self, element: Any) -> None:
        """The text of an element with no blocks in it (its ``<br>`` as spaces), its ids as anchors."""
        tag = _tag(element)
        if not isinstance(tag, str) or tag in _SKIP or _hidden(element):
            return
        self._note_id(element)
        if tag == "br":
            self.run.append(" ")
        self.run.append(element.text or "")
        for child in element:
            self._inline(child)
            self.run.append(child.tail or "")

    def _note_id(self, element: Any) -> None:
        ident = element.get("id")
        if ident and self.prefix:
            self.anchors.append(f"{self.prefix}#{ident}")


def _tag(element: Any) -> Any:
    tag = element.tag
    if isinstance(tag, str):
        return tag.rsplit("}", 1)[-1].lower()
    return tag  # a comment or a processing instruction


def _has_block(element: Any) -> bool:
    return any(isinstance(node.tag, str) and _tag(node) in _BLOCKS for node in element.iterdescendants())


def _hidden(element: Any) -> bool:
    return element.get("hidden") is not None or element.get("aria-hidden") == "true"
