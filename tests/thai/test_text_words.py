"""A segmenter made for known texts loads only the dictionary lines whose words occur in them, and gives the
very tokens of the whole dictionary (``thai.text_words``)."""

from __future__ import annotations

import random
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

from bilingual_reader import paths
from bilingual_reader.documents.articles import list_articles, load_article
from bilingual_reader.glossary.source import read_tsv
from bilingual_reader.thai import text_words
from bilingual_reader.thai.corpora import thai_words
from bilingual_reader.thai.segmenter import Segmenter
from bilingual_reader.thai.text_words import lines_for

from .segmentation_cases import CASES, HELD_OUT

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "articles" / "01-nato-stoltenberg-visits-seoul-and-tokyo.txt"


@cache
def _terms() -> frozenset[str]:
    concepts = read_tsv(paths.shipped("glossary.tsv"))
    return frozenset(term.text for concept in concepts for term in concept.thai)


@cache
def _whole() -> Segmenter:
    return Segmenter(_terms())


def _paragraphs() -> list[str]:
    shipped = [p for path in list_articles() for p in load_article(path).paragraphs]
    labelled = ["".join(tokens.split("|")) for _, tokens in CASES]
    return shipped + labelled + ["".join(t.split("|")) for t in HELD_OUT]


@cache
def _sorted_words() -> tuple[str, ...]:
    return tuple(sorted(thai_words()))


def _soups(count: int, seed: int) -> list[str]:
    """Texts strung from dictionary words, glossary terms, Latin, digits, punctuation and stray letters."""
    rng = random.Random(seed)
    words, terms = _sorted_words(), sorted(_terms())
    texts = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randrange(1, 12)):
            roll = rng.random()
            if roll < 0.5:
                parts.append(rng.choice(words))
            elif roll < 0.7:
                parts.append(rng.choice(terms))
            elif roll < 0.8:
                parts.append(rng.choice([" ", ",", ".", "(", ")", "K9", "-", "12", "\t", "  "]))
            else:
                parts.append("".join(chr(rng.randrange(0x0E01, 0x0E5C)) for _ in range(rng.randrange(1, 4))))
        texts.append("".join(parts))
    return texts


def _windows(paragraphs: list[str], count: int, seed: int) -> list[str]:
    """Pieces of the paragraphs cut anywhere (inside a word or a character cluster too)."""
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        paragraph = rng.choice(paragraphs)
        start = rng.randrange(len(paragraph))
        texts.append(paragraph[start : start + rng.randrange(1, 160)])
    return texts


@pytest.mark.parametrize(
    "group",
    [
        pytest.param(lambda path=path: list(load_article(path).paragraphs), id=path.name)
        for path in list_articles()
    ]
    + [
        pytest.param(lambda: ["".join(tokens.split("|")) for _, tokens in CASES], id="labelled sentences"),
        pytest.param(lambda: ["".join(t.split("|")) for t in HELD_OUT], id="held-out sentences"),
        pytest.param(lambda: _windows(_paragraphs(), 150, 17), id="pieces of paragraphs"),
        pytest.param(lambda: _soups(150, 18), id="word soups"),
    ],
)
def test_a_segmenter_for_its_texts_gives_the_whole_dictionary_s_tokens(group: object) -> None:
    texts = group()  # type: ignore[operator]
    made_for = Segmenter(_terms(), texts=texts)
    for text in texts:
        assert made_for.tokenize(text) == _whole().tokenize(text), text
    assert made_for._dict_name is None  # the whole dictionary was never asked for


@cache
def _book() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """A book's paragraphs, the terms, and the reference: ``lines_for`` of all the paragraphs at once
    (computed once for the batch sizes below)."""
    paragraphs = (*_paragraphs(), *_soups(40, 19), *_paragraphs()[:5])  # repeats are looked at once
    terms = (*_terms(), " อัตตาจร\t", "ไม่มีในหนังสือ")
    return paragraphs, terms, tuple(lines_for(paragraphs, terms))


@pytest.mark.parametrize("batch", [1, 3, 256])
def test_a_book_read_a_batch_at_a_time_gives_the_lines_of_all_its_paragraphs(batch: int) -> None:
    paragraphs, terms, expected = _book()
    found = text_words.lines_in(iter(paragraphs), terms, batch)
    assert found == list(expected)
    assert " อัตตาจร\t" in found and "ไม่มีในหนังสือ" not in found


def test_a_segmenter_for_a_book_gives_the_whole_dictionary_s_tokens_with_its_words_only() -> None:
    paragraphs = [*_paragraphs(), *_soups(60, 20)]
    book = Segmenter(_terms(), book=iter(paragraphs))
    pieces = _windows(paragraphs, 60, 21)
    for text in [*paragraphs, *pieces]:
        assert book.tokenize(text) == _whole().tokenize(text), text
    assert book._dict_name is None  # the whole dictionary was never loaded


def test_another_text_is_segmented_with_the_whole_dictionary() -> None:
    made_for = Segmenter(_terms(), texts=["ปืน"])
    text = "ประธานาธิบดีเกาหลีใต้เดินทางถึงกรุงโซล"
    assert made_for.tokenize(text) == _whole().tokenize(text)
    assert made_for._dict_name is not None


def test_lines_are_chosen_by_their_stripped_word_and_passed_as_they_are() -> None:
    lines = lines_for(["xปืนใหญ่อัตตาจรx"], [" อัตตาจร\t", "อัตตา\nจร", "ไม่มี", "\x1c"])
    assert " อัตตาจร\t" in lines  # nlpo3 trims what it trims, here as in the whole dictionary
    assert "อัตตา\nจร" not in lines and "ไม่มี" not in lines  # no line with a break; a word not in the text
    assert "\x1c" in lines  # all whitespace to str.strip: nlpo3 may keep something of it
    assert {"ปืน", "ปืนใหญ่", "ใหญ่", "อัตตา", "จร"} <= set(lines)  # words of the word file
    assert lines == sorted(set(lines))


def test_a_one_shot_segment_loads_only_the_words_of_its_document() -> None:
    probe = (
        "from bilingual_reader.launcher import segment_lines\n"
        "from bilingual_reader.thai import segmenter\n"
        f"lines = list(segment_lines({str(SAMPLE)!r}, {str(ROOT / 'glossary.db')!r}, False))\n"
        "print(len(lines), sorted(n.rsplit('-', 1)[0] for n in segmenter._LOADED))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split(" ", 1)[1].strip() == "['bilingual-reader-texts']", done.stdout


def test_a_word_file_line_with_whitespace_around_its_word_is_passed_as_it_is() -> None:
    odd = text_words._odd_lines(" ปืน\nปืน\nรถ\n\tเรือ \n".encode())
    assert sorted(odd) == sorted([("ปืน", " ปืน".encode()), ("ปืน", "ปืน".encode()), ("เรือ", "\tเรือ ".encode())])
