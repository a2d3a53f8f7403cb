"""Cleaning Thai text and the normalized keys used for every glossary lookup."""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = [
    "INVISIBLE_CHARS",
    "clean_and_key",
    "clean_text",
    "has_text",
    "is_thai",
    "normalize_key",
    "printable",
]

#: Invisible characters that break lookups and would become tokens: ZWSP, ZWNJ, ZWJ, WJ, SHY, BOM, the
#: bidi marks LRM / RLM / ALM, and the bidi embeddings, overrides and isolates (LRE RLE PDF LRO RLO,
#: LRI RLI FSI PDI), which can make displayed text read differently from what it is ("Trojan Source").
INVISIBLE_CHARS = (
    "\u200b\u200c\u200d\u2060\u00ad\ufeff\u200e\u200f\u061c"
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)

# CSI sequences (colours, cursor moves); OSC (titles, clipboard, hyperlinks), DCS, SOS, PM and APC strings
# up to their terminator, or to the end of the line when unterminated (never across a line: an
# unterminated string must not swallow the paragraphs after it); two-byte escapes; the 8-bit forms.
_ANSI = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c\n\r\x0b\x0c\x85\u2028\u2029]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[@-Z\\-_]"
    r"|\x9b[0-?]*[ -/]*[@-~]"
)
_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85\x0b\x0c]")
_SPACES = str.maketrans({"\t": " ", "\u00a0": " ", "\u202f": " ", "\u3000": " "})
_DROP = {ord(ch): None for ch in INVISIBLE_CHARS}
_DROP.update({cp: None for cp in range(0x20) if cp != 0x0A})
_DROP.update({cp: None for cp in range(0x7F, 0xA0)})
_UNPRINTABLE: dict[int, str | None] = dict(_DROP)
_UNPRINTABLE[0x09] = " "
_UNPRINTABLE.update({ord(ch): " " for ch in "\u2028\u2029"})
_WHITESPACE = re.compile(r"\s+")
_AFTER_BREAK = re.compile("\n[ \n]*")  # what follows a line break (pythainlp removes "[ \n]*\n[ \n]*")
# Thai consonants (including the vowel letters ฤ and ฦ): every Thai word holds at least one.
_THAI_LETTER = re.compile("[\u0e01-\u0e2e]")
_THAI_BLOCK = re.compile("[\u0e00-\u0e7f]")

# Everything pythainlp's ``normalize`` would change, as one search (it runs ~27 substitutions, ~60 µs a
# string): doubled sara e, a tone mark or thanthakhat before an above/below vowel, nikhahit + sara aa, a
# follow vowel before a tone mark, lakkhangyao, a repeated vowel or sign, repeated tone marks, a mark at the
# start or after a space, and the spacing rules of ``remove_dup_spaces``. Text it does not match is already
# normal; a test checks the two agree on pythainlp's whole word list and on mutated text.
_ABOVE, _BELOW, _TONES, _FOLLOW = (
    "\u0e31\u0e34-\u0e37\u0e4d\u0e47",
    "\u0e38\u0e39",
    "\u0e48-\u0e4b",
    "\u0e30\u0e32\u0e33\u0e45",
)
_NOREPEAT = f"{_FOLLOW}\u0e40-\u0e44{_ABOVE}{_BELOW}\u0e3a\u0e4c\u0e4d\u0e4e"
_DANGLING = f"{_ABOVE}{_BELOW}{_TONES}\u0e3a\u0e4c\u0e4d\u0e4e"
_NEEDS_NORMALIZE = re.compile(
    "\u0e40\u0e40"
    f"|[{_TONES}\u0e4c][{_ABOVE}{_BELOW}]"
    f"|\u0e4d[{_TONES}]*\u0e32"
    f"|[{_FOLLOW}][{_TONES}]"
    "|\u0e45"
    f"|([{_NOREPEAT}]) *\\1"
    f"|[{_TONES}]{{2}}"
    f"|^[{_DANGLING}]| [{_DANGLING}]"
    "|  |\n[ \n]| \n|^\\s|\\s$"
)
# Every character the first cleaning steps (ANSI escapes, line breaks, spaces, dropped characters) act on.
_UNSAFE = (
    "\x00-\x09\x0b-\x1f\x7f-\xa0\u00ad\u061c\u200b-\u200f\u2028\u2029\u202a-\u202f\u2060\u2066-\u2069"
    "\u3000\ufeff"
)
# No match of either: ``clean_text`` returns the text unchanged (for text without Thai,
# ``_NEEDS_NORMALIZE`` reduces to the spacing rules of ``remove_dup_spaces``).
_UNSAFE_CHAR = re.compile(f"[{_UNSAFE}]")
# The characters each first cleaning step acts on, one class each: the regular expression engine scans a
# long text for one class fast (~2 ms a megabyte), for an alternation slowly (~50 ms a megabyte).
_ESCAPE_START = re.compile("[\x1b\x90\x98\x9b\x9d-\x9f]")
_BREAK_CHAR = re.compile("[\r\u2028\u2029\x85\x0b\x0c]")
_TRANSLATED_CHAR = re.compile("[" + re.escape("".join(chr(c) for c in {**_SPACES, **_DROP})) + "]")
# ``_NEEDS_NORMALIZE``'s branches split into such fast searches (see ``_needs_normalize``):
# tone/thanthakhat + above/below vowel, follow vowel + tone, two tones (and rare look-alikes) ...
_MARK_PAIR = re.compile(f"[{_TONES}\u0e4c{_FOLLOW}][{_ABOVE}{_BELOW}{_TONES}]")
# ... a repeated vowel or sign, a mark after a space, a mark at the start.
_REPEATED = re.compile(f"([{_NOREPEAT}]) *\\1")
_SPACE_MARK = re.compile(f" [{_DANGLING}]")
_DANGLING_MARK = re.compile(f"[{_DANGLING}]")
_LONG = 4096


def _is_plain(text: str) -> bool:
    """Whether ``clean_text`` leaves ``text`` as it is and its key is ``text.casefold()``.

    ``isprintable`` is false for every character cleaning acts on and for all whitespace but the space
    (they are Unicode "Other" or "Separator"); what remains are runs of spaces, spaces at the ends and,
    with Thai, ``normalize``'s spellings. Pure ASCII (most English terms) needs no regular expression.
    """
    if not text.isprintable():
        return False
    if text.isascii():
        return "  " not in text and text[:1] != " " and text[-1:] != " "
    return not _needs_normalize(text)


def _needs_normalize(text: str) -> bool:
    """``_NEEDS_NORMALIZE.search(text) is not None``, fast on a long text (a book: ~15 ms a megabyte
    instead of ~50): substring tests and one-class searches, the full alternation only where a rare pair
    of marks turns up, or for a short text (a word, a line), where one search is quicker."""
    if len(text) < _LONG:
        return _NEEDS_NORMALIZE.search(text) is not None
    if "  " in text or "\n\n" in text or "\n " in text or " \n" in text or "\u0e40\u0e40" in text:
        return True
    if text[:1].isspace() or text[-1:].isspace() or "\u0e45" in text:
        return True
    if _DANGLING_MARK.match(text) or _SPACE_MARK.search(text) or _REPEATED.search(text):
        return True
    if "\u0e4d" in text or _MARK_PAIR.search(text):
        return _NEEDS_NORMALIZE.search(text) is not None
    return False


def _normalize(text: str) -> str:
    """``pythainlp.util.normalize``, skipped where it would change nothing (the common case).

    pythainlp is imported only here, for text that needs it: importing it costs ~0.15 s of a one-shot command.
    """
    if not _THAI_BLOCK.search(text):
        return _remove_dup_spaces(text)
    if not _needs_normalize(text):
        return text
    # normalize() starts with remove_dup_spaces; what often remains (blank lines, a final line break) is
    # only spacing, and then the rest of normalize() changes nothing.
    text = _remove_dup_spaces(text)
    if not _needs_normalize(text):
        return text
    from pythainlp.util import normalize

    result: str = normalize(text)
    return result


def _remove_dup_spaces(text: str) -> str:
    """``pythainlp.util.remove_dup_spaces``: space runs to one, line-break runs to one, ends stripped."""
    while "  " in text:
        text = text.replace("  ", " ")
    if "\n" in text:  # spaces are single now: a space before a break goes, then what follows a break
        text = _AFTER_BREAK.sub("\n", text.replace(" \n", "\n"))
    return text.strip()


def clean_text(text: str) -> str:
    """Strip invisible characters, ANSI escapes and control characters, then ``pythainlp.util.normalize``.

    Line breaks are kept (``\\r\\n``, ``\\r`` and Unicode separators become ``\\n``); tabs and no-break
    spaces become spaces. ``normalize`` fixes look-alike Thai spellings (tone typed after sara am or before a
    vowel, doubled tone marks, ``เเ`` for ``แ``), collapses runs of spaces and strips the ends. NFKC is never
    applied: it would decompose sara am (U+0E33).
    """
    if _is_plain(text):  # already clean: the common case
        return text
    unsafe = _UNSAFE_CHAR.search(text) is not None
    if not unsafe and not _needs_normalize(text):
        return text
    return _normalize(_first_steps(text) if unsafe else text)


def _first_steps(text: str) -> str:
    """``_clean``'s steps before ``normalize``, each only where its characters occur (a book is mostly
    clean: a step over all of it would cost ~0.1 s a megabyte)."""
    if _ESCAPE_START.search(text):
        text = _ANSI.sub("", text)
    if _BREAK_CHAR.search(text):
        text = _NEWLINES.sub("\n", text)
    if _TRANSLATED_CHAR.search(text):
        text = text.translate(_SPACES).translate(_DROP)
    return text


def has_text(text: str) -> bool:
    """Whether ``text`` holds anything but whitespace once escapes and invisible characters are dropped:
    then what follows it in a longer text is not at the text's start, where cleaning drops a dangling mark
    (``clean_text`` of a text cleaned a part at a time: ``documents.streaming``)."""
    return bool(_first_steps(text).strip())


def printable(text: str, *, keep_newlines: bool = True) -> str:
    """``text`` safe to print on a terminal: escape sequences, control characters (C0 but the newline,
    DEL, C1) and the invisible and bidi characters removed; nothing else changed.

    For text read back from a glossary written before it was cleaned (or by another program): cleaning on
    the way in keeps these out, this keeps them off the screen and out of exported files all the same.
    """
    if text.isprintable():
        return text
    text = _ANSI.sub("", text).translate(_UNPRINTABLE)
    return text if keep_newlines else " ".join(text.split("\n"))


def _clean(text: str) -> str:
    """``clean_text`` step by step, without the already-clean shortcut."""
    text = _ANSI.sub("", text)
    text = _NEWLINES.sub("\n", text)
    text = text.translate(_SPACES).translate(_DROP)
    return _normalize(text)


@lru_cache(maxsize=1 << 16)
def normalize_key(text: str) -> str:
    """The key for glossary lookups, Thai or English: cleaned, whitespace collapsed, stripped, casefolded."""
    if _is_plain(text):
        return text.casefold()
    return _WHITESPACE.sub(" ", clean_text(text)).strip().casefold()


def clean_and_key(text: str) -> tuple[str, str]:
    """``clean_text(text)`` and that cleaned text's ``normalize_key``, in one pass when it is already clean.

    Exactly ``(cleaned, normalize_key(cleaned))`` where ``cleaned = clean_text(text)``: the key of the text
    a glossary stores. Bypasses ``normalize_key``'s cache, so bulk imports do not evict the reader's keys.
    """
    if _is_plain(text):
        return text, text.casefold()
    cleaned = clean_text(text)
    return cleaned, _WHITESPACE.sub(" ", clean_text(cleaned)).strip().casefold()


def is_thai(text: str) -> bool:
    """Whether ``text`` contains a Thai letter (digits, marks and punctuation alone do not count)."""
    return _THAI_LETTER.search(text) is not None
