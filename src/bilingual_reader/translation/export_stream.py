"""The export formats written paragraph by paragraph: the same bytes as ``export.render``, in pieces.

``translate`` streams a book through :func:`stream_render`: each paragraph's piece is written as soon as
it is translated, so nothing article-sized is held. Text, Markdown and JSON pieces are built here; TMX and
XLIFF pieces are cut out of a one-unit document of ``export`` (the header before the first unit, the
footer after the last), so the XML is translate-toolkit's own.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from bilingual_reader.translation.export import Titled, paragraph_json, render, to_json, to_markdown
from bilingual_reader.translation.results import ParagraphResult

__all__ = ["stream_render"]

_BODY, _END = b"<body>\n", b"</body>"


def stream_render(fmt: str, article: Titled, results: Iterable[ParagraphResult]) -> Iterator[bytes]:
    """``render(fmt, article, results)`` in pieces, one per paragraph (plus a header and a footer), in
    the order of ``results``."""
    if fmt in ("tmx", "xliff"):
        yield from _xml(fmt, article, results)
    elif fmt == "json":
        yield from _json(article, results)
    else:
        yield from _plain(fmt, article, results)


def _plain(fmt: str, article: Titled, results: Iterable[ParagraphResult]) -> Iterator[bytes]:
    any_written = False
    for result in results:
        if fmt == "markdown":  # lines joined by "\n" over the article: each paragraph ends with a blank
            piece = to_markdown(article, [result]).removesuffix("\n")
            piece = ("\n" if any_written else "") + piece + "\n"
        else:
            piece = render(fmt, article, [result]).decode("utf-8")
            piece = ("\n" if any_written else "") + piece
        any_written = True
        yield piece.encode("utf-8")
    if not any_written:
        yield render(fmt, article, []) if fmt != "markdown" else b""


def _json(article: Titled, results: Iterable[ParagraphResult]) -> Iterator[bytes]:
    head = json.dumps({"title": article.title}, ensure_ascii=False, indent=2).removesuffix("\n}")
    any_written = False
    for result in results:
        item = json.dumps(paragraph_json(article, result), ensure_ascii=False, indent=2)
        item = item.replace("\n", "\n    ")
        start = f'{head},\n  "paragraphs": [\n' if not any_written else ",\n"
        any_written = True
        yield f"{start}    {item}".encode()
    if not any_written:
        yield to_json(article, []).encode("utf-8")
    else:
        yield b"\n  ]\n}\n"


def _xml(fmt: str, article: Titled, results: Iterable[ParagraphResult]) -> Iterator[bytes]:
    """Units cut out of one-unit documents; the header of the first, the footer of any (all the same)."""
    from bilingual_reader.documents.bilingual import xliff_bytes
    from bilingual_reader.translation.export import to_tmx, unit_english

    footer: bytes | None = None
    for result in results:
        if fmt == "tmx":
            whole = to_tmx([result])
        else:
            english, machine = unit_english(result)
            name = article.title or "article"
            whole = xliff_bytes(name, [result.thai], [english], [machine], result.index + 1)
        start, end = whole.find(_BODY), whole.rfind(_END)
        if start < 0 or end < 0:
            continue  # no unit (TMX leaves out untranslated paragraphs)
        start += len(_BODY)
        line = whole.rfind(b"\n", 0, end) + 1  # the footer starts with the indent of </body>
        if footer is None:
            yield whole[:start]
        footer = whole[line:]
        yield whole[start:line]
    if footer is None:
        yield render(fmt, article, [])
    else:
        yield footer
