"""Unit tests of the reader's plain parts: word steps, the popup text, what importing the app loads."""

from __future__ import annotations

import subprocess
import sys

import pytest

from bilingual_reader.glossary.models import Concept, Status, Term
from bilingual_reader.lookup import LookupResult
from bilingual_reader.thai.dictionary import Sense
from bilingual_reader.thai.pronunciation import Pronunciation
from bilingual_reader.tui.reader.popup_content import lookup_content
from bilingual_reader.tui.reader.words import Chunk, plain_chunks, step_word, token_containing

TOKENS = [
    Chunk("ทหาร", 0, 4, True),
    Chunk(" ", 4, 5, False),
    Chunk("(", 5, 6, False),
    Chunk("K9", 6, 8, False),
    Chunk(")", 8, 9, False),
    Chunk(" ", 9, 10, False),
    Chunk("ยิง", 10, 13, True),
]


@pytest.mark.parametrize(
    ("index", "step", "expected"),
    [
        (None, 1, 0),
        (None, -1, 6),
        (0, 1, 3),  # skips the space and the bracket; K9 is a name, so the cursor stops on it
        (3, 1, 6),
        (6, 1, None),
        (6, -1, 3),
        (0, -1, None),
    ],
)
def test_step_word(index: int | None, step: int, expected: int | None) -> None:
    assert step_word(TOKENS, index, step) == expected


@pytest.mark.parametrize(("offset", "expected"), [(0, 0), (3, 0), (4, 3), (7, 3), (9, 6), (99, 6)])
def test_token_containing(offset: int, expected: int) -> None:
    assert token_containing(TOKENS, offset) == expected


def test_plain_chunks_cover_the_text() -> None:
    chunks = plain_chunks("ปืนใหญ่ K9  ยิง")
    assert [(c.text, c.start, c.end, c.is_word) for c in chunks] == [
        ("ปืนใหญ่", 0, 7, True),
        (" ", 7, 8, False),
        ("K9", 8, 10, True),
        ("  ", 10, 12, False),
        ("ยิง", 12, 15, True),
    ]


GUN = Concept(
    "weapons",
    (
        Term("ปืนใหญ่อัตตาจร", "th"),
        Term("self-propelled gun", "en"),
        Term("SPG", "en", Status.ADMITTED),
        Term("automatic artillery", "en", Status.FORBIDDEN),
    ),
    definition="Artillery on its own chassis.",
    note="Not automatic.",
)


def test_popup_text_for_a_glossary_term() -> None:
    result = LookupResult(
        text="ปืนใหญ่อัตตาจร",
        concepts=(GUN,),
        pronunciation=Pronunciation("puen yai at ta chon", "bpʉʉn-yài", "/pɯːn/", True),
        subterms=(("ปืนใหญ่", (Concept("weapons", (Term("ปืนใหญ่", "th"), Term("artillery", "en"))),)),),
        occurrences=2,
        senses=(),
        loanword=None,
    )
    assert str(lookup_content(result)) == (
        "ปืนใหญ่อัตตาจร\n\n"
        "RTGS  puen yai at ta chon\nTones bpʉʉn-yài\nIPA   /pɯːn/\n\n"
        "self-propelled gun (preferred)\nSPG (admitted)\nautomatic artillery ✗ forbidden\n"
        "Subject: weapons\nDefinition: Artillery on its own chassis.\nNote: Not automatic.\n\n"
        "Glossary terms inside:\nปืนใหญ่ — artillery\n\n"
        "Occurs 2 times in this article."
    )


def test_popup_text_for_a_word_not_in_the_glossary() -> None:
    result = LookupResult(
        text="คอมพิวเตอร์",
        concepts=(),
        pronunciation=None,
        subterms=(),
        occurrences=1,
        senses=(Sense("noun", "06571301-n", ("computer", "computing machine")),),
        loanword="English",
    )
    assert str(lookup_content(result, "คอมพิวเตอร์")) == (
        "คอมพิวเตอร์\n\nNot in the glossary.\n\nDictionary:\nnoun computer, computing machine\n\n"
        "Loanword from English\n\nOccurs once in this article."
    )


def test_importing_the_app_loads_nothing_heavy() -> None:
    """First paint must not wait for the segmenter, the dictionaries, the store or the translator."""
    heavy = ["bilingual_reader.thai.segmenter", "nlpo3", "thaiphon", "ctranslate2", "sqlite_utils", "lxml"]
    code = f"import sys, bilingual_reader.tui.app; print([m for m in {heavy!r} if m in sys.modules])"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
