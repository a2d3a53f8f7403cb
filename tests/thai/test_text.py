"""Tests for text cleaning, normalized keys and Thai detection."""

from __future__ import annotations

import pytest

from bilingual_reader.thai.text import clean_text, is_thai, normalize_key
from support import DEEP, budget


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # tone typed after a decomposed sara am (nikhahit + tone + sara aa) -> tone + sara am
        ("ท\u0e4d\u0e48\u0e32", "ท\u0e48\u0e33"),
        # tone typed after sara am
        ("ท\u0e33\u0e48", "ท\u0e48\u0e33"),
        # tone typed before sara ii
        ("ท\u0e48\u0e35", "ท\u0e35\u0e48"),
        # doubled tone mark
        ("ที\u0e48\u0e48", "ที\u0e48"),
        # two sara e for sara ae
        ("\u0e40\u0e40ผน", "แผน"),
        # invisible characters: ZWSP, ZWNJ, ZWJ, WJ, SHY, BOM
        ("ปืนใหญ่\u200bอัตตาจร", "ปืนใหญ่อัตตาจร"),
        ("\ufeffรถ\u200cถัง\u200d\u2060\u00ad", "รถถัง"),
        # ANSI escapes and control characters; tabs and no-break spaces become spaces
        ("\x1b[1;31mรถถัง\x1b[0m", "รถถัง"),
        ("a\x07b\x00c", "abc"),
        ("a\tb\u00a0c", "a b c"),
        ("\x1b]0;title\x07ข่าว", "ข่าว"),
        # line breaks are kept (CRLF and CR normalized)
        ("บรรทัด1\r\nบรรทัด2\rบรรทัด3", "บรรทัด1\nบรรทัด2\nบรรทัด3"),
        # never NFKC: sara am stays one code point
        ("น้ำ", "น\u0e49\u0e33"),
        ("กรุงเทพฯ", "กรุงเทพฯ"),
    ],
)
def test_clean_text(raw: str, expected: str) -> None:
    assert clean_text(raw) == expected


@pytest.mark.parametrize(
    ("variant", "canonical"),
    [
        ("น\u0e4d\u0e49\u0e32มัน", "น้ำมัน"),
        ("น\u0e33\u0e49มัน", "น้ำมัน"),
        ("ปืนใหญ่\u200bอัตตาจร", "ปืนใหญ่อัตตาจร"),
        ("ที\u0e48\u0e48ตั้ง", "ที่ตั้ง"),
        ("ท\u0e48\u0e35่ตั้ง", "ที่ตั้ง"),
        ("\u0e40\u0e40ผนที่", "แผนที่"),
        ("  Main   Battle\tTank ", "main battle tank"),
        ("MAIN\nBATTLE TANK", "main battle tank"),
    ],
)
def test_normalize_key_matches_variants(variant: str, canonical: str) -> None:
    assert normalize_key(variant) == normalize_key(canonical)


def test_normalize_key_exact() -> None:
    assert normalize_key("  Main   Battle\tTANK ") == "main battle tank"
    assert normalize_key("รถ\u200bถัง  หนัก") == "รถถัง หนัก"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("รถถัง", True), ("Yoon รถ", True), ("๑๒๓", False), ("abc", False), ("", False), ("\u0e48", False)],
)
def test_is_thai(text: str, expected: bool) -> None:
    assert is_thai(text) is expected


def test_fast_normalize_agrees_with_pythainlp_on_words_articles_and_mutations() -> None:
    """The skip-if-already-normal shortcut must never change what ``normalize`` returns."""
    import random

    from pythainlp.corpus import thai_words
    from pythainlp.util import normalize

    from bilingual_reader.documents.articles import list_articles
    from bilingual_reader.thai.text import _normalize

    rng = random.Random(20261128)
    base = sorted(thai_words())
    samples = list(base) if DEEP else rng.sample(base, 8_000)  # pythainlp's normalize costs ~60 µs a string
    for path in list_articles():
        samples.extend(path.read_text(encoding="utf-8").splitlines())
    alphabet = [chr(c) for c in range(0x0E01, 0x0E5C)] + [" ", " ", "\n", "a", "K", "9", "-"]
    for _ in range(budget(6_000, 30_000)):
        word = list(rng.choice(base))
        for _ in range(rng.randint(1, 3)):
            word.insert(rng.randint(0, len(word)), rng.choice(alphabet))
        samples.append("".join(word))
    samples.extend(
        "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 8))) for _ in range(budget(6_000, 30_000))
    )
    mismatches = [s for s in samples if _normalize(s) != normalize(s)]
    assert mismatches == []


@pytest.mark.parametrize(
    ("long", "tries"), [(None, budget(12, 300)), (640, budget(300, 3_000))], ids=["real", "lower"]
)
def test_long_texts_take_the_fast_searches_and_clean_as_pythainlp_does(
    long: int | None, tries: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A book-sized text is checked with substring and one-class searches instead of one alternation:
    the same answer as the alternation, and the same cleaning as pythainlp's ``normalize``, wherever one
    defect sits in an otherwise clean text.

    The reference, pythainlp's ``normalize`` of the whole text, costs ~1 ms a kilobyte: a few defects in a
    text past the real threshold (``_LONG``, 4 KiB), and many in a text past a threshold lowered to 640
    characters (what is longer takes the same searches; ~1/5 of the cost)."""
    import random

    from pythainlp.util import normalize

    from bilingual_reader.documents.articles import list_articles
    from bilingual_reader.thai import text as thai_text
    from bilingual_reader.thai.text import _NEEDS_NORMALIZE, _needs_normalize

    if long is not None:
        assert long < thai_text._LONG
        monkeypatch.setattr(thai_text, "_LONG", long)
    threshold = thai_text._LONG
    rng = random.Random(4)
    lines = [line for p in list_articles() for line in p.read_text(encoding="utf-8").splitlines() if line]
    # The shortest run of the articles' lines past the threshold: any longer text takes the same searches.
    count = next(n for n in range(1, len(lines) + 1) if len("\n".join(lines[:n])) > threshold)
    base = "\n".join(clean_text(line) for line in lines[:count])
    assert len(base) > threshold and not _needs_normalize(base) and clean_text(base) == base
    defects = [
        *"\u0e48\u0e49\u0e4b\u0e4c\u0e4d\u0e40\u0e45\u0e32\u0e33\u0e34\u0e38\u0e31\u0e47 \n\t\r\u00a0\u200b",
        *[
            "  ",
            "\n\n",
            " \n",
            "\n ",
            "\u0e40\u0e40",
            "\u0e4d\u0e32",
            "\u0e32\u0e48",
            "\x1b[1m",
            "\u0e48\u0e48",
        ],
    ]
    for _ in range(tries):
        at = rng.randint(0, len(base))
        text = base[:at] + rng.choice(defects) + base[at:]
        assert _needs_normalize(text) == (_NEEDS_NORMALIZE.search(text) is not None), (
            at,
            text[at - 3 : at + 5],
        )
        first = text.replace("\x1b[1m", "").replace("\r", "\n").replace("\t", " ").replace("\u00a0", " ")
        assert clean_text(text) == normalize(first.replace("\u200b", "")), (at, text[at - 3 : at + 5])


def _old_key(text: str) -> str:
    """``normalize_key`` as it was before the already-clean shortcut."""
    import re

    from bilingual_reader.thai.text import _clean

    return re.sub(r"\s+", " ", _clean(text)).strip().casefold()


def test_clean_shortcuts_agree_with_the_full_pipeline() -> None:
    """The already-clean shortcuts (``clean_text``, ``normalize_key``, ``clean_and_key``) change nothing."""
    import random

    from bilingual_reader.thai.text import INVISIBLE_CHARS, _clean, clean_and_key

    rng = random.Random(5)
    alphabet = [
        *"abcXYZ09 -.",
        *["  ", "\n", "\r", "\t", "\u00a0", "\u202f", "\u3000", "\u2003", "\x1b[1m", "\x1b", "\x85", "\x07"],
        *INVISIBLE_CHARS,
        *["ก", "ท", "\u0e33", "\u0e48", "\u0e35", "\u0e40", "\u0e4d", "\u0e32", "\u0e38", "\u0e31", "ß", "İ"],
    ]
    samples = ["", " ", "tank", "Main Battle Tank", "รถถัง", "รถถัง หนัก", "a\nb", "ﬁ"]
    samples += [
        "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 7))) for _ in range(budget(5_000, 100_000))
    ]
    for text in samples:
        cleaned = _clean(text)
        assert clean_text(text) == cleaned, repr(text)
        assert normalize_key(text) == _old_key(text), repr(text)
        assert clean_and_key(text) == (cleaned, _old_key(cleaned)), repr(text)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Main Battle Tank", ("Main Battle Tank", "main battle tank")),
        ("  Main   Battle\tTANK ", ("Main Battle TANK", "main battle tank")),
        ("รถ\u200bถัง  หนัก", ("รถถัง หนัก", "รถถัง หนัก")),
        ("Straße\nline", ("Straße\nline", "strasse line")),
        ("", ("", "")),
    ],
)
def test_clean_and_key(raw: str, expected: tuple[str, str]) -> None:
    from bilingual_reader.thai.text import clean_and_key

    assert clean_and_key(raw) == expected
