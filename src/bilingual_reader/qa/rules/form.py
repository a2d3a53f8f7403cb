"""Form: English empty or identical to the Thai, repeated words, unbalanced brackets and quotes, double
spaces, and English so much shorter than the Thai that a trailing sentence is probably missing.
"""

from __future__ import annotations

import re

from bilingual_reader.qa.findings import Span
from bilingual_reader.qa.rules.model import Kind, RuleFinding, Severity

__all__ = ["SHORT_RATIO", "check"]

#: English characters per Thai character below which (for Thai of at least ``_MIN_THAI`` characters) the
#: English is reported as short. Human and machine translations of the shipped articles run 0.9–1.5.
SHORT_RATIO = 0.5
_MIN_THAI = 60
_REPEATED = re.compile(r"\b(?P<word>[A-Za-z]+)\s+(?P=word)\b", re.IGNORECASE)
_ALLOWED_REPEATS = {"had", "that", "is", "bye", "very", "no", "so"}
_DOUBLE_SPACE = re.compile(r"(?<=\S) {2,}(?=\S)")
_PAIRS = (("(", ")"), ("[", "]"), ("{", "}"), ("“", "”"), ("‘", "’"))


def _finding(code: str, index: int, message: str, english: Span | None = None) -> RuleFinding:
    return RuleFinding(Kind.FORM, code, index, message, english=english, severity=Severity.WARNING)


def check(index: int, thai: str, english: str) -> list[RuleFinding]:
    """Form problems of one paragraph's English."""
    source, target = " ".join(thai.split()), " ".join(english.split())
    if not target:
        return [RuleFinding(Kind.FORM, "english-empty", index, "the English is empty")]
    if target == source:
        return [RuleFinding(Kind.FORM, "english-identical", index, "the English is the Thai, untranslated")]
    findings = []
    for m in _REPEATED.finditer(english):
        if m.group("word").casefold() not in _ALLOWED_REPEATS:
            span = Span(m.start(), m.end(), m.group())
            findings.append(_finding("repeated-word", index, f"repeated word “{m.group('word')}”", span))
    for opening, closing in _PAIRS:
        if english.count(opening) != english.count(closing):
            opened, closed = english.count(opening), english.count(closing)
            message = f"unbalanced {opening}{closing}: {opened} opening, {closed} closing"
            findings.append(_finding("unbalanced", index, message))
    if english.count('"') % 2:
        findings.append(_finding("unbalanced", index, 'unbalanced straight quotes (")'))
    for m in _DOUBLE_SPACE.finditer(english):
        findings.append(_finding("double-space", index, "double space", Span(m.start(), m.end(), m.group())))
    if len(source) >= _MIN_THAI and len(target) / len(source) < SHORT_RATIO:
        message = (
            f"the English is short for the Thai ({len(target)} vs {len(source)} characters): "
            "a sentence may be missing"
        )
        findings.append(_finding("english-short", index, message))
    return findings
