"""Cleaning Thai text and the normalized keys used for every glossary lookup."""

from __future__ import annotations

import re

from pythainlp.util import normalize

__all__ = ["INVISIBLE_CHARS", "clean_text", "is_thai", "normalize_key"]

#: Invisible characters that break lookups and would become tokens: ZWSP, ZWNJ, ZWJ, WJ, SHY, BOM,
#: and the bidi marks LRM / RLM.
INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\u00ad\ufeff\u200e\u200f"

# CSI sequences (colours, cursor moves), OSC sequences (titles, hyperlinks), and two-byte escapes.
_ANSI = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"
    r"|\x1b[@-Z\\-_]"
    r"|\x9b[0-?]*[ -/]*[@-~]"
)
_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85\x0b\x0c]")
_SPACES = str.maketrans({"\t": " ", "\u00a0": " ", "\u202f": " ", "\u3000": " "})
_DROP = {ord(ch): None for ch in INVISIBLE_CHARS}
_DROP.update({cp: None for cp in range(0x20) if cp != 0x0A})
_DROP.update({cp: None for cp in range(0x7F, 0xA0)})
_WHITESPACE = re.compile(r"\s+")
# Thai consonants (including the vowel letters ฤ and ฦ): every Thai word holds at least one.
_THAI_LETTER = re.compile("[\u0e01-\u0e2e]")


def clean_text(text: str) -> str:
    """Strip invisible characters, ANSI escapes and control characters, then ``pythainlp.util.normalize``.

    Line breaks are kept (``\\r\\n``, ``\\r`` and Unicode separators become ``\\n``); tabs and no-break
    spaces become spaces. ``normalize`` fixes look-alike Thai spellings (tone typed after sara am or before a
    vowel, doubled tone marks, ``เเ`` for ``แ``), collapses runs of spaces and strips the ends. NFKC is never
    applied: it would decompose sara am (U+0E33).
    """
    text = _ANSI.sub("", text)
    text = _NEWLINES.sub("\n", text)
    text = text.translate(_SPACES).translate(_DROP)
    return normalize(text)


def normalize_key(text: str) -> str:
    """The key for glossary lookups, Thai or English: cleaned, whitespace collapsed, stripped, casefolded."""
    return _WHITESPACE.sub(" ", clean_text(text)).strip().casefold()


def is_thai(text: str) -> bool:
    """Whether ``text`` contains a Thai letter (digits, marks and punctuation alone do not count)."""
    return _THAI_LETTER.search(text) is not None
