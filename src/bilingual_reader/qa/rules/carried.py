"""Carried-over text: Latin-script names, codes and URLs of the Thai (K9, FA-50, NATO, Jens Stoltenberg) must
appear in the English (case-insensitive, tolerant of hyphens and spaces); Thai script left in the English is
reported.
"""

from __future__ import annotations

import re

from bilingual_reader.qa.findings import Span
from bilingual_reader.qa.rules.model import Kind, RuleFinding

__all__ = ["check", "latin_runs"]

_URL = r"(?:https?://|www\.)[^\s\u0e00-\u0e7f]+"
_WORD = r"[A-Za-z0-9][A-Za-z0-9.&'’]*(?:[-‐–/][A-Za-z0-9.&'’]+)*"
#: A URL, or Latin words joined by single spaces (a multi-word name is one run), holding at least one letter.
_LATIN_RUN = re.compile(rf"{_URL}|{_WORD}(?: {_WORD})*")
_THAI_RUN = re.compile(r"[\u0e01-\u0e5b]+(?:\s+[\u0e01-\u0e5b]+)*")
_LOOSE = re.compile(r"[\s\-‐–./]+")


def latin_runs(thai: str) -> list[tuple[int, int, str]]:
    """The Latin-script runs of a Thai text that hold a letter (bare numbers are the numbers check's)."""
    runs = []
    for m in _LATIN_RUN.finditer(thai):
        text = m.group().rstrip(".")
        if any(c.isalpha() and c.isascii() for c in text):
            runs.append((m.start(), m.start() + len(text), text))
    return runs


def _loose(text: str) -> str:
    return _LOOSE.sub("", text.casefold())


def check(index: int, thai: str, english: str) -> list[RuleFinding]:
    """Latin runs of the Thai missing from the English, and Thai script left in the English."""
    findings = []
    target = _loose(english)
    for start, end, text in latin_runs(thai):
        if _loose(text) not in target:
            missing = [w for w in text.split(" ") if _loose(w) not in target]
            what = text if len(missing) == len(text.split(" ")) else " ".join(missing)
            message = f"“{what}” from the Thai is not in the English"
            findings.append(
                RuleFinding(Kind.TEXT, "latin-missing", index, message, thai=Span(start, end, text))
            )
    for m in _THAI_RUN.finditer(english):
        span = Span(m.start(), m.end(), m.group())
        message = f"Thai script left in the English: “{m.group()}”"
        findings.append(RuleFinding(Kind.TEXT, "thai-in-english", index, message, english=span))
    return findings
