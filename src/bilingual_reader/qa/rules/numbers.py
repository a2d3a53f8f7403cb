"""Numbers: every number of the Thai (digits, Thai digits, multipliers, number words) must be in the English,
compared by value (12,000 = 12000; ๑๒ = 12; 3 ล้าน = 3 million); a digit number in the English with no Thai
source is reported too. Dates and years are left to the dates check, names such as F-16 to the text check.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bilingual_reader.qa.findings import Span
from bilingual_reader.qa.rules.dates import english_dates, thai_dates
from bilingual_reader.qa.rules.model import Kind, RuleFinding, Severity
from bilingual_reader.qa.rules.quantities import Quantity, english_quantities, mask, thai_quantities

__all__ = ["ONE_BY_ARTICLE", "check", "pair_quantities"]

#: The pairing of a Thai "one" (หนึ่ง) with an English article ("a year"), which is no English quantity.
ONE_BY_ARTICLE = -1
_ARTICLE = re.compile(r"\b(?:an?|one|single)\b", re.IGNORECASE)


@lru_cache(maxsize=16)  # numbers and units pair the same paragraph
def pair_quantities(
    thai: str, english: str
) -> tuple[tuple[Quantity, ...], tuple[Quantity, ...], dict[int, int]]:
    """The quantities of both sides outside dates, and which English quantity each Thai one matched
    (Thai position → English position, or :data:`ONE_BY_ARTICLE`)."""
    dated_thai = [(d.start, d.end) for d in thai_dates(thai) if d.weekday is None]
    dated_english = [(d.start, d.end) for d in english_dates(english)]
    sources = thai_quantities(mask(thai, dated_thai))
    targets = english_quantities(mask(english, dated_english))
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for i, source in enumerate(sources):
        same = [j for j, t in enumerate(targets) if j not in used and t.value == source.value]
        if same:
            best = min(same, key=lambda j: (targets[j].percent != source.percent, targets[j].from_word))
            pairs[i] = best
            used.add(best)
    # A Thai "one" may read "a year" in English, unless an unexplained English number word is its rendering.
    ones = [i for i, s in enumerate(sources) if i not in pairs and s.from_word and s.value == 1]
    words_left = sum(1 for j, t in enumerate(targets) if j not in used and t.from_word)
    explained = len(sources) - len(pairs) - len(ones)  # other Thai numbers that English words may render
    for i in ones:
        if words_left <= explained and _ARTICLE.search(english):
            pairs[i] = ONE_BY_ARTICLE  # หนึ่งปี: "a year"
    return sources, targets, pairs


def check(index: int, thai: str, english: str) -> list[RuleFinding]:
    """Missing and unexplained numbers of one paragraph."""
    sources, targets, pairs = pair_quantities(thai, english)
    findings = []
    for i, source in enumerate(sources):
        if i not in pairs:
            shown = _plain(source)
            message = f"the number {shown} is not in the English"
            span = Span(source.start, source.end, source.text)
            findings.append(RuleFinding(Kind.NUMBERS, "missing-number", index, message, thai=span))
    matched = set(pairs.values())
    names = _loose(thai)
    for j, target in enumerate(targets):
        if j not in matched and not target.from_word and not _part_of_name(english, target, names):
            span = Span(target.start, target.end, target.text)
            message = f"the number {target.text.strip()} has no source in the Thai"
            findings.append(
                RuleFinding(
                    Kind.NUMBERS, "extra-number", index, message, english=span, severity=Severity.WARNING
                )
            )
    return findings


def _loose(text: str) -> str:
    return re.sub(r"[\s\-‐–]+", "", text.casefold())


def _part_of_name(english: str, target: Quantity, names: str) -> bool:
    """A number written apart from its name (FA 50 for the Thai's FA-50) is part of the name."""
    before = re.search(r"([A-Za-z][A-Za-z0-9]*)[\s\-‐–]*$", english[: target.start])
    return before is not None and _loose(before.group(1) + target.text) in names


def _plain(quantity: Quantity) -> str:
    """How the value reads in English digits (3 ล้าน → 3,000,000)."""
    value = quantity.value
    text = f"{value:,f}".rstrip("0").rstrip(".") if "." in f"{value:f}" else f"{int(value):,}"
    if text != quantity.text.strip():
        text = f"{quantity.text.strip()} ({text})"
    return text + ("%" if quantity.percent and not text.endswith("%") else "")
