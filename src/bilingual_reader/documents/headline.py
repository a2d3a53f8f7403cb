"""Telling a headline from a lead paragraph, and naming an article that has no headline.

The rule (issue 8): the first line of an article is also its title when the article has more lines and
the first line is *short* and holds *no sentence*:

- at most :data:`HEADLINE_MAX_CHARS` characters (the shipped headlines are 84–88; lead paragraphs 250+);
- no sentence end inside it: no ``.``, ``!`` or ``?`` followed by a space and more text (initials such as
  "U.S." do not count);
- it does not end with a full stop (a question or exclamation mark may close a headline).

Thai marks sentences with spaces, not punctuation, and so do its headlines: for Thai the length is what
tells a lead paragraph from a headline.
"""

from __future__ import annotations

import re
from pathlib import Path

__all__ = ["HEADLINE_MAX_CHARS", "header_title", "is_headline"]

#: Longest first line still taken for a headline, in characters.
HEADLINE_MAX_CHARS = 120
#: Longest "first words" shown in the header of an article with no headline and no file name.
FIRST_WORDS_CHARS = 48

# ., ! or ? followed by a space and more text, not after a lone capital (initials: "U.S. Navy")
_SENTENCE_END_INSIDE = re.compile(r"(?<![.\s][A-Z])(?<!^[A-Z])[.!?]\s+\S")
_THAI_MARK = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")


def is_headline(line: str) -> bool:
    """True when ``line`` (a cleaned first line) reads as a headline rather than a paragraph."""
    text = line.strip()
    if not text or len(text) > HEADLINE_MAX_CHARS:
        return False
    if text.endswith(".") and not text.endswith(("...", "…")):
        return False
    return _SENTENCE_END_INSIDE.search(text) is None


def header_title(first_line: str, path: Path | None) -> str:
    """What the header shows for an article without a headline: the file's name, else its first words."""
    if path is not None:
        return path.name
    return first_words(first_line)


def first_words(text: str, limit: int = FIRST_WORDS_CHARS) -> str:
    """``text`` cut to at most ``limit`` characters, at a space if there is one, never before a Thai mark."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    if cut <= 0:
        cut = limit - 1
        while cut > 0 and _THAI_MARK.match(text[cut]):
            cut -= 1
    return text[:cut].rstrip() + "…"
