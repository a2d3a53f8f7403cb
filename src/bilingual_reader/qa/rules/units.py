"""Units and currency: a Thai quantity with a unit (12 กิโลเมตร, 2,500 ตัน, 100 ล้านดอลลาร์) must come out with
the same number and a unit of the same kind (km, tonnes, dollars), not a different one.
"""

from __future__ import annotations

import re

from bilingual_reader.qa.findings import Span
from bilingual_reader.qa.rules.model import Kind, RuleFinding
from bilingual_reader.qa.rules.numbers import ONE_BY_ARTICLE, pair_quantities

__all__ = ["UNITS", "check"]

#: unit name → (Thai pattern, English pattern). Order matters: longer Thai words first.
UNITS: dict[str, tuple[str, str]] = {
    "nautical miles": (r"ไมล์ทะเล", r"nautical\s+miles?|nmi\b"),
    "kilometres": (r"กิโลเมตร|กม\.", r"kilomet(?:re|er)s?\b|km\b"),
    "metres": (r"เมตร", r"met(?:re|er)s?\b|m\b"),
    "miles": (r"ไมล์", r"miles?\b"),
    "kilograms": (r"กิโลกรัม|กก\.", r"kilograms?\b|kg\b|kilos?\b"),
    "tonnes": (r"ตัน", r"tonnes?\b|tons?\b|t\b"),
    "knots": (r"นอต|น็อต", r"knots?\b|kts?\b|kn\b"),
    "baht": (r"บาท", r"baht\b|thb\b|฿"),
    "dollars": (r"ดอลลาร์(?:สหรัฐ)?", r"dollars?\b|usd\b|us\$|\$"),
    "euros": (r"ยูโร", r"euros?\b|eur\b|€"),
    "yen": (r"เยน", r"yen\b|jpy\b|¥"),
    "won": (r"วอน", r"won\b|krw\b|₩"),
    "yuan": (r"หยวน", r"yuan\b|cny\b|rmb\b"),
}
_THAI_UNIT = re.compile(
    r"\s*(?:" + "|".join(f"(?P<u{i}>{t})" for i, (t, _) in enumerate(UNITS.values())) + ")"
)
_NAMES = list(UNITS)
_GAP = re.compile(r"[\s-]*(?:(?:US|U\.S\.)\s+)?")
_SIGN_BEFORE = re.compile(r"(?:us\$|\$|€|¥|₩|฿|usd|thb)\s*$", re.IGNORECASE)
_CURRENCIES = ("dollars", "euros", "yen", "won", "baht")
_ENGLISH_PATTERNS = {name: re.compile(rf"(?:{en})", re.IGNORECASE) for name, (_, en) in UNITS.items()}


def _thai_unit(thai: str, end: int) -> str | None:
    m = _THAI_UNIT.match(thai, end)
    if not m:
        return None
    return next(_NAMES[int(k[1:])] for k, v in m.groupdict().items() if v is not None)


def _english_unit(english: str, start: int, end: int) -> str | None:
    """The unit written right after (or, for a currency sign, right before) an English number."""
    sign = _SIGN_BEFORE.search(english, 0, start)
    if sign and sign.end() >= start - 1:
        for name in _CURRENCIES:
            if _ENGLISH_PATTERNS[name].fullmatch(sign.group().strip()):
                return name
    position = _GAP.match(english, end).end()  # type: ignore[union-attr]
    return next(
        (name for name, pattern in _ENGLISH_PATTERNS.items() if pattern.match(english, position)), None
    )


def check(index: int, thai: str, english: str) -> list[RuleFinding]:
    """Quantities whose unit is missing or different in the English (a missing number is for the numbers
    check)."""
    sources, targets, pairs = pair_quantities(thai, english)
    findings = []
    for i, source in enumerate(sources):
        unit = _thai_unit(thai, source.end)
        if unit is None or pairs.get(i, ONE_BY_ARTICLE) == ONE_BY_ARTICLE:
            continue
        target = targets[pairs[i]]
        found = _english_unit(english, target.start, target.end)
        if found == unit:
            continue
        thai_end = _THAI_UNIT.match(thai, source.end).end()  # type: ignore[union-attr]
        span = Span(source.start, thai_end, thai[source.start : thai_end])
        where = Span(target.start, target.end, target.text)
        if found is None:
            message = f"{target.text.strip()} needs its unit ({unit})"
            findings.append(RuleFinding(Kind.UNITS, "unit-missing", index, message, span, where))
        else:
            message = f"{target.text.strip()} is in {found}, the Thai says {unit}"
            findings.append(RuleFinding(Kind.UNITS, "unit-mismatch", index, message, span, where))
    return findings
