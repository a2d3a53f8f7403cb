"""Sentence splitting with pythainlp's CRFCut model on our segmenter's words (no second word list)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from bilingual_reader.documents.articles import list_articles, load_article
from bilingual_reader.thai import segmenter
from bilingual_reader.thai.crfcut import _rejoin_numbers, crfcut_split

PARAGRAPHS = [" ".join(p.split()) for path in list_articles() for p in load_article(path).paragraphs]


def test_same_sentences_as_pythainlp_on_every_shipped_paragraph(monkeypatch: pytest.MonkeyPatch) -> None:
    # As in a process with no glossary segmenter loaded yet: the words are pythainlp's alone.
    from pythainlp.tokenize import sent_tokenize

    monkeypatch.setattr(segmenter, "_LAST", None)
    assert len(PARAGRAPHS) >= 25
    assert [p for p in PARAGRAPHS if crfcut_split(p) != sent_tokenize(p, engine="crfcut")] == []


@pytest.mark.parametrize(
    ("pieces", "expected"),
    [
        (["ราคา", "12", ",", "000", " ", "บาท"], ["ราคา", "12,000", " ", "บาท"]),
        (["3", ".", "5", "ล้าน"], ["3.5", "ล้าน"]),
        (["เวลา", "10", ":", "30", "น", "."], ["เวลา", "10:30", "น", "."]),
        (["ปี", " ", "2566", ","], ["ปี", " ", "2566", ","]),
    ],
)
def test_numbers_newmm_cuts_are_rejoined(pieces: list[str], expected: list[str]) -> None:
    assert _rejoin_numbers(pieces) == expected


def test_empty_text() -> None:
    assert crfcut_split("") == []


def test_splitting_builds_no_pythainlp_trie() -> None:
    probe = (
        "import sys\n"
        "from bilingual_reader.documents.articles import load_article, sample_article_path\n"
        "from bilingual_reader.translation.sentences import split_sentences\n"
        "for p in load_article(sample_article_path()).paragraphs:\n    split_sentences(p)\n"
        "print('pythainlp' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
