"""Dates, Buddhist-era years and weekdays: Thai dates (29 มกราคม 2566, 29 ม.ค. 66, ปี 2565, วันจันทร์) must
come out in the English in a usual English form, with the Common-era year (B.E. − 543) unless marked B.E.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from bilingual_reader.qa.findings import Span
from bilingual_reader.qa.rules.model import Kind, RuleFinding
from bilingual_reader.qa.rules.quantities import arabic_digits

__all__ = ["EnglishDate", "ThaiDate", "check", "english_dates", "thai_dates"]

BE_OFFSET = 543
_THAI_MONTHS = [
    ("มกราคม", "ม.ค."),
    ("กุมภาพันธ์", "ก.พ."),
    ("มีนาคม", "มี.ค."),
    ("เมษายน", "เม.ย."),
    ("พฤษภาคม", "พ.ค."),
    ("มิถุนายน", "มิ.ย."),
    ("กรกฎาคม", "ก.ค."),
    ("สิงหาคม", "ส.ค."),
    ("กันยายน", "ก.ย."),
    ("ตุลาคม", "ต.ค."),
    ("พฤศจิกายน", "พ.ย."),
    ("ธันวาคม", "ธ.ค."),
]
_MONTH_OF = {name: n for n, pair in enumerate(_THAI_MONTHS, 1) for name in pair}
_THAI_WEEKDAYS = ["จันทร์", "อังคาร", "พุธ", "พฤหัสบดี", "ศุกร์", "เสาร์", "อาทิตย์"]
_ENGLISH_MONTHS = [
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
]  # fmt: skip
_ENGLISH_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

_month_alternatives = "|".join(re.escape(m) for m in sorted(_MONTH_OF, key=len, reverse=True))
_ERA = r"(?P<era>พ\.\s?ศ\.|ค\.\s?ศ\.)"
_THAI_MONTH = re.compile(_month_alternatives)
_BEFORE_MONTH = re.compile(r"(?:(?:วันที่|ที่)\s*)?(?:(?<!\d)(?P<day>\d{1,2})\s*)?(?:เดือน\s*)?$")
_AFTER_MONTH = re.compile(rf"\s*(?:{_ERA}\s*)?(?P<year>\d{{4}}|\d{{2}})(?!\d)")
_THAI_YEAR = re.compile(rf"(?:{_ERA}|ปี(?:\s*พ\.\s?ศ\.)?|ปี\s*ค\.\s?ศ\.)\s*(?P<year>\d{{4}})(?!\d)")
_THAI_WEEKDAY = re.compile(r"วัน(?P<weekday>" + "|".join(_THAI_WEEKDAYS) + ")")

_month_english = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
_month_english += r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_ORD = r"(?:st|nd|rd|th)?"
_ENGLISH_DATE = re.compile(
    rf"\b(?:(?P<day1>\d{{1,2}}){_ORD}\s+(?:of\s+)?{_month_english}"
    rf"|{_month_english.replace('month', 'month2')}(?:\s+(?P<day2>\d{{1,2}}){_ORD}(?!\d))?)"
    r"(?:,?\s+(?:of\s+)?(?P<year>\d{4})(?!\d))?",
    re.IGNORECASE,
)
_ENGLISH_YEAR = re.compile(
    r"(?<![\d,.])(?P<year>\d{4})(?![\d,])(?P<be>\s*(?:B\.\s?E\.|BE\b|Buddhist\s+Era))?"
)
_BE_BEFORE = re.compile(r"(?:B\.\s?E\.|BE|Buddhist\s+Era)\s*$")


@dataclass(frozen=True)
class ThaiDate:
    """A date, month-year or year of the Thai, with its Common-era year (None when absent)."""

    start: int
    end: int
    day: int | None
    month: int | None
    year: int | None  # as written, expanded to four digits
    ce_year: int | None
    weekday: int | None = None


@dataclass(frozen=True)
class EnglishDate:
    """A date, month or year found in the English."""

    start: int
    end: int
    day: int | None
    month: int | None
    year: int | None
    marked_be: bool = False


def _year(raw: str | None, era: str | None) -> tuple[int | None, int | None]:
    if raw is None:
        return None, None
    year = int(raw)
    common = era is not None and era.startswith("ค")
    if len(raw) == 2:
        year += 2000 if common else 2500
    if common or not 2400 <= year <= 2700:
        return year, year
    return year, year - BE_OFFSET


@lru_cache(maxsize=16)  # reused by the kinds checking the same paragraph
def thai_dates(thai: str) -> tuple[ThaiDate, ...]:
    """Dates, years (after ปี, พ.ศ. or ค.ศ.) and weekdays of a Thai text, in order, not overlapping."""
    text = arabic_digits(thai)
    found: list[ThaiDate] = []
    for m in _THAI_MONTH.finditer(text):
        before = _BEFORE_MONTH.search(text, max(0, m.start() - 24), m.start())
        assert before is not None  # every part of it is optional
        day = _int(before.group("day"))
        after = _AFTER_MONTH.match(text, m.end())
        year = ce = None
        if after and (len(after.group("year")) == 4 or after.group("era") or day is not None):
            year, ce = _year(after.group("year"), after.group("era"))  # "มกราคม 66" alone is no year
        end = after.end() if after and year is not None else m.end()
        found.append(ThaiDate(before.start(), end, day, _MONTH_OF[m.group()], year, ce))
    for m in _THAI_YEAR.finditer(text):
        if not any(d.start <= m.start("year") < d.end for d in found):
            year, ce = _year(m.group("year"), m.group("era"))
            found.append(ThaiDate(m.start(), m.end(), None, None, year, ce))
    for m in _THAI_WEEKDAY.finditer(text):
        found.append(ThaiDate(m.start(), m.end(), None, None, None, None, _THAI_WEEKDAYS.index(m["weekday"])))
    return tuple(sorted(found, key=lambda d: d.start))


@lru_cache(maxsize=16)  # reused by the kinds checking the same paragraph
def english_dates(english: str) -> tuple[EnglishDate, ...]:
    """Dates (January 29, 2023 / 29 January 2023 / 29 Jan 2023 / January 2023) and lone years, in order."""
    found: list[EnglishDate] = []
    for m in _ENGLISH_DATE.finditer(english):
        month_name = (m.group("month") or m.group("month2")).casefold()[:3]
        month = next(i for i, name in enumerate(_ENGLISH_MONTHS, 1) if name.startswith(month_name))
        day = _int(m.group("day1") or m.group("day2"))
        if day is None and m.group("year") is None and month_name == "may":
            continue  # the verb
        year = _int(m.group("year"))
        tail = _ENGLISH_YEAR.match(english, m.start("year")) if year is not None else None
        marked = bool(tail and tail.group("be"))
        end = tail.end() if tail and tail.group("be") else m.end()
        found.append(EnglishDate(m.start(), end, day, month, year, marked))
    for m in _ENGLISH_YEAR.finditer(english):
        if not any(d.start <= m.start() < d.end for d in found):
            marked = bool(m.group("be")) or bool(_BE_BEFORE.search(english, 0, m.start()))
            found.append(EnglishDate(m.start(), m.end(), None, None, int(m.group("year")), marked))
    return tuple(sorted(found, key=lambda d: d.start))


def _int(raw: str | None) -> int | None:
    return None if raw is None else int(raw)


def check(index: int, thai: str, english: str) -> list[RuleFinding]:
    """Findings for the dates, years and weekdays of one paragraph."""
    return list(_judge(index, thai, english, thai_dates(thai), english_dates(english)))


def _judge(
    index: int, thai: str, english: str, sources: tuple[ThaiDate, ...], targets: tuple[EnglishDate, ...]
) -> Iterator[RuleFinding]:
    folded = english.casefold()
    for date in sources:
        span = Span(date.start, date.end, thai[date.start : date.end])
        if date.weekday is not None:
            name = _ENGLISH_WEEKDAYS[date.weekday]
            if not re.search(rf"\b{name[:3]}(?:{name[3:]})?\b", folded):
                yield _finding("missing-weekday", index, f"the weekday {name.title()} is missing", span)
            continue
        yield from _judge_date(index, english, date, span, targets)


def _judge_date(
    index: int, english: str, date: ThaiDate, span: Span, targets: tuple[EnglishDate, ...]
) -> Iterator[RuleFinding]:
    def same_day(target: EnglishDate) -> bool:
        return (date.month is None or target.month == date.month) and (
            date.day is None or target.day == date.day
        )

    candidates = [t for t in targets if same_day(t) and (date.month is None or t.month is not None)]
    if date.year is not None:
        with_year = [t for t in candidates if t.year is not None]
        if any(t.year == date.ce_year or (t.year == date.year and t.marked_be) for t in with_year):
            return
        kept = next((t for t in with_year if t.year == date.year and date.year != date.ce_year), None)
        if kept is not None:
            where = Span(kept.start, kept.end, english[kept.start : kept.end])
            message = f"{date.year} is a Buddhist-era year: write {date.ce_year} (or mark it B.E.)"
            yield _finding("be-year-kept", index, message, span, where)
            return
        if with_year:
            t = with_year[0]
            where = Span(t.start, t.end, english[t.start : t.end])
            yield _finding("wrong-year", index, f"the year should be {date.ce_year}", span, where)
            return
        if candidates and date.month is not None:
            yield _finding("missing-year", index, f"the year {date.ce_year} is missing", span)
            return
    elif candidates:
        return
    what = _describe(date)
    yield _finding("missing-date", index, f"the date {what} is missing", span)


def _describe(date: ThaiDate) -> str:
    parts = [_ENGLISH_MONTHS[date.month - 1].title()] if date.month else []
    if date.day:
        parts.append(str(date.day))
    text = " ".join(parts)
    if date.ce_year:
        text = f"{text}, {date.ce_year}" if text else str(date.ce_year)
    return text


def _finding(code: str, index: int, message: str, thai: Span, english: Span | None = None) -> RuleFinding:
    return RuleFinding(Kind.DATES, code, index, message, thai, english)
