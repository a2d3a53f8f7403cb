"""Turning the bytes of a text file into text: byte-order marks, UTF-8, then Thai TIS-620/Windows-874."""

from __future__ import annotations

import codecs
import re

from bilingual_reader.documents.errors import ArticleError

__all__ = ["decode_text"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Thai vowels and marks that can only follow a Thai character; in text wrongly decoded as Windows-874
# (Latin-1 accents, say) they turn up after ASCII letters. A few are typos; many mean a wrong encoding.
_MISPLACED = re.compile("(?:^|[^\u0e01-\u0e4e])[\u0e30-\u0e3a\u0e45\u0e47-\u0e4e]", re.MULTILINE)
_THAI = re.compile("[\u0e01-\u0e5b]")
_THAI_LETTER = re.compile("[\u0e01-\u0e2e]")


def decode_text(data: bytes, name: str) -> str:
    """Decode the bytes of a text file named ``name``: a BOM's encoding, else UTF-8, else Windows-874 (a
    superset of TIS-620) when that gives plausible Thai. Raises :class:`ArticleError` (one line naming the
    file) for an empty or binary file or undecodable bytes."""
    if not data:
        raise ArticleError(f"{name}: empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise ArticleError(f"{name}: invalid {encoding.upper()} at byte {exc.start}") from None
    if b"\x00" in data:
        raise ArticleError(f"{name}: binary file (NUL bytes); UTF-16 text needs a byte-order mark")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        text = data.decode("cp874")
    except UnicodeDecodeError:
        text = ""
    if text and _THAI_LETTER.search(text):
        misplaced = len(_MISPLACED.findall(text))
        if misplaced * 100 <= len(_THAI.findall(text)):  # at most 1% of the Thai characters
            return text
    line = data.count(b"\n", 0, utf8_error.start) + 1
    bad = data[utf8_error.start]
    raise ArticleError(
        f"{name}: line {line}: not UTF-8 (byte 0x{bad:02x}) and not Thai in TIS-620/Windows-874"
    )
