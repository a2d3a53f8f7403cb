"""Numbers in Thai and English text, normalized to values: digits (Thai or Arabic), separators, decimals,
multipliers (3 ล้าน = 3 million, 2.5 แสน = 250,000), number words before a classifier (สามลำ), percentages.

Spans index the text as given. Thai digits map one-to-one onto Arabic ones, so offsets survive the mapping.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

__all__ = ["Quantity", "arabic_digits", "english_quantities", "mask", "thai_quantities"]

_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")

_NUMBER = r"(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_DIGITS = re.compile(rf"(?<![\d.,]){_NUMBER}(?![\d])")

_THAI_MULTIPLIERS = {
    "ล้านล้าน": 10**12,
    "แสนล้าน": 10**11,
    "หมื่นล้าน": 10**10,
    "พันล้าน": 10**9,
    "ล้าน": 10**6,
    "แสน": 10**5,
    "หมื่น": 10**4,
    "พัน": 10**3,
}
_THAI_MULTIPLIER = re.compile(r"\s*(ล้านล้าน|แสนล้าน|หมื่นล้าน|พันล้าน|ล้าน|แสน|หมื่น|พัน(?!ธ|เอก|โท|ตรี))")
_THAI_PERCENT_AFTER = re.compile(r"\s*(%|เปอร์เซ็นต์)")
_THAI_PERCENT_BEFORE = re.compile(r"ร้อยละ\s*$")

_THAI_UNITS = {"หนึ่ง": 1, "เอ็ด": 1, "สอง": 2, "ยี่": 2, "สาม": 3, "สี่": 4, "ห้า": 5, "หก": 6, "เจ็ด": 7, "แปด": 8}
_THAI_UNITS["เก้า"] = 9
_CLASSIFIERS = (
    "คน|นาย|ลำ|ครั้ง|ประเทศ|วัน|ปี|เดือน|สัปดาห์|คัน|กอง|ชุด|หน่วย|ระบบ|ฉบับ|แห่ง|ข้อ|ชั่วโมง|นาที|กระบอก"
    "|นัด|ลูก|เครื่อง|ตัว|ราย|ฝ่าย|หมู่|กองพัน|กองพล|ลำดับ|รอบ|ขั้น|ด้าน|ชาติ|ทวีป|เท่า"
)
_THAI_WORD_NUMBER = re.compile(
    r"(?<!ทั้ง)(?P<word>(?:สอง|สาม|สี่|ห้า|หก|เจ็ด|แปด|เก้า|ยี่)?สิบ(?:เอ็ด|สอง|สาม|สี่|ห้า|หก|เจ็ด|แปด|เก้า)?"
    r"|หนึ่ง|สอง|สาม|สี่|ห้า|หก|เจ็ด|แปด|เก้า)(?=\s*(?:" + _CLASSIFIERS + "))"
)

_ENGLISH_MULTIPLIERS = {
    "thousand": 10**3,
    "million": 10**6,
    "billion": 10**9,
    "trillion": 10**12,
    "bn": 10**9,
}
_ENGLISH_MULTIPLIER = re.compile(r"[\s-]*(thousand|million|billion|trillion|bn)\b", re.IGNORECASE)
_ENGLISH_PERCENT = re.compile(r"\s*(%|per\s?cent\b)", re.IGNORECASE)
_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven"]
_ONES += ["twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80}
_TENS["ninety"] = 90
_ENGLISH_WORDS = (
    {word: n for n, word in enumerate(_ONES)} | _TENS | {"a": 1, "an": 1, "single": 1, "dozen": 12}
)
_ENGLISH_WORD_NUMBER = re.compile(
    r"\b(?P<word>(?:"
    + "|".join(_TENS)
    + r")(?:[-\s](?:"
    + "|".join(_ONES[1:10])
    + r"))?|"
    + "|".join(sorted(_ONES, key=len, reverse=True))
    + r"|dozen|single|an?(?=[\s-]+(?:thousand|million|billion|trillion)\b))\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Quantity:
    """A number met in text: its value (multiplier applied), where it is, and how it was written."""

    value: Decimal
    start: int
    end: int
    text: str
    percent: bool = False
    from_word: bool = False  # written as a word (สาม, three) rather than digits


def mask(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """``text`` with the given spans replaced by spaces (offsets kept)."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


#: A token holding a digit, with the hyphen-joined parts around it (F-16, 26T, K9, CHD620).
_DIGIT_TOKEN = re.compile(r"(?:[A-Za-z0-9]+[-‐–])*[A-Za-z0-9]*\d[A-Za-z0-9]*(?:[-‐–][A-Za-z0-9]+)*")
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th|s)", re.IGNORECASE)
_THAI_DIGIT = re.compile("[๐-๙]")


def arabic_digits(text: str) -> str:
    """``text`` with Thai digits as Arabic ones (one for one, so offsets are kept)."""
    return text.translate(_THAI_DIGITS) if _THAI_DIGIT.search(text) else text


def _latin_spans(text: str, ordinals: bool = False) -> list[tuple[int, int]]:
    """Tokens mixing Latin letters and digits (names such as K9 or F-16): their digits are no quantity.
    With ``ordinals``, 31st and 1990s stay quantities."""
    spans = []
    for m in _DIGIT_TOKEN.finditer(text):
        token = m.group()
        named = not token.isdigit() and any(c.isascii() and c.isalpha() for c in token)
        if named and not (ordinals and _ORDINAL.fullmatch(token)):
            spans.append(m.span())
    return spans


def _value(number: str) -> Decimal | None:
    try:
        return Decimal(number.replace(",", ""))
    except InvalidOperation:
        return None


@lru_cache(maxsize=16)  # reused by the kinds checking the same paragraph
def thai_quantities(thai: str) -> tuple[Quantity, ...]:
    """The quantities of a Thai text, in order (digits inside Latin names such as K9 or F-16 are left out)."""
    arabic = arabic_digits(thai)
    text = mask(arabic, _latin_spans(arabic))
    found: list[Quantity] = []
    for match in _DIGITS.finditer(text):
        value = _value(match.group("number"))
        if value is None:
            continue
        end = match.end()
        multiplier = _THAI_MULTIPLIER.match(text, end)
        if multiplier:
            value *= _THAI_MULTIPLIERS[multiplier.group(1)]
            end = multiplier.end()
        after = _THAI_PERCENT_AFTER.match(text, end)
        percent = bool(after) or bool(_THAI_PERCENT_BEFORE.search(text, 0, match.start()))
        end = after.end() if after else end
        found.append(Quantity(value.normalize(), match.start(), end, thai[match.start() : end], percent))
    for match in _THAI_WORD_NUMBER.finditer(text):
        value = Decimal(_thai_word_value(match.group("word")))
        found.append(Quantity(value, match.start(), match.end(), match.group(), from_word=True))
    return tuple(sorted(found, key=lambda q: q.start))


def _thai_word_value(word: str) -> int:
    if "สิบ" not in word:
        return _THAI_UNITS[word]
    tens, _, ones = word.partition("สิบ")
    return (_THAI_UNITS[tens] if tens else 1) * 10 + (_THAI_UNITS[ones] if ones else 0)


@lru_cache(maxsize=16)  # reused by the kinds checking the same paragraph
def english_quantities(english: str) -> tuple[Quantity, ...]:
    """The quantities of an English text, in order: digits, number words, multipliers, percentages."""
    text = mask(english, _latin_spans(english, ordinals=True))
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = []
    for match in _DIGITS.finditer(text):
        value = _value(match.group("number"))
        if value is not None:
            found.append(_english_tail(english, text, match.start(), match.end(), value, from_word=False))
            taken.append((found[-1].start, found[-1].end))
    for match in _ENGLISH_WORD_NUMBER.finditer(text):
        if any(start <= match.start() < end for start, end in taken):
            continue
        word = match.group("word").casefold()
        value = Decimal(_english_word_value(word))
        quantity = _english_tail(english, text, match.start(), match.end(), value, from_word=True)
        if word in ("a", "an") and quantity.end == match.end():
            continue  # the article alone is no number
        found.append(quantity)
    return tuple(sorted(found, key=lambda q: q.start))


def _english_word_value(word: str) -> int:
    parts = re.split(r"[-\s]", word)
    return sum(_ENGLISH_WORDS[p] for p in parts)


def _english_tail(english: str, text: str, start: int, end: int, value: Decimal, from_word: bool) -> Quantity:
    multiplier = _ENGLISH_MULTIPLIER.match(text, end)
    if multiplier:
        value *= _ENGLISH_MULTIPLIERS[multiplier.group(1).casefold()]
        end = multiplier.end()
    percent = _ENGLISH_PERCENT.match(text, end)
    if percent:
        end = percent.end()
    return Quantity(value.normalize(), start, end, english[start:end], bool(percent), from_word)
