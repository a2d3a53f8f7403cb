"""Chapter lines in a plain text: ``บทที่ 1``, ``ตอนที่ ๑๒ การเดินทาง``, ``Chapter III``, ``บทนำ`` ….

A plain-text book marks each chapter with a short line of its own. The reader takes such a line for a
heading and lists it in the table of contents, as it does an EPUB's or a Markdown file's headings. Only
words that always name a part of a book count (``บทที่``, not ``บท`` or ``ตอน``, which begin ordinary
sentences: "ตอน 5 โมงเย็น"), followed by a number in Arabic or Thai digits, Roman numerals or Thai words.
"""

from __future__ import annotations

import re

__all__ = ["CHAPTER_LINE_MAX_CHARS", "is_chapter_line"]

#: Longest line still taken for a chapter line, in characters (a number and a short title).
CHAPTER_LINE_MAX_CHARS = 80

_THAI_NUMBERS = "หนึ่ง|สอง|สาม|สี่|ห้า|หก|เจ็ด|แปด|เก้า|สิบ|ยี่สิบ|ร้อย"
_NUMBER = rf"(?:[0-9๐-๙]+|[IVXLCDM]+\b|(?:{_THAI_NUMBERS})+)"
_CHAPTER_LINE = re.compile(
    rf"(?:บทที่|ตอนที่|ภาคที่|เล่มที่|(?:Chapter|CHAPTER|Part|PART|Book|BOOK)\s)\s*{_NUMBER}(?:[\s:.\-–—].*)?",
)
_NAMED = frozenset({"บทนำ", "บทส่งท้าย", "อารัมภบท", "ปัจฉิมบท", "Prologue", "PROLOGUE", "Epilogue", "EPILOGUE"})


def is_chapter_line(line: str) -> bool:
    """True when ``line`` (a cleaned line of a plain text) names a chapter or a part of a book."""
    text = line.strip()
    if not text or len(text) > CHAPTER_LINE_MAX_CHARS:
        return False
    return text in _NAMED or _CHAPTER_LINE.fullmatch(text) is not None
