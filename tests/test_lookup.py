"""The lookup the popup and ``bilingual-reader lookup`` show."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bilingual_reader.documents.articles import load_article, sample_article_path
from bilingual_reader.glossary.models import Concept, Status, Term
from bilingual_reader.glossary.store import Glossary
from bilingual_reader.lookup import lookup, result_to_dict
from bilingual_reader.thai.frequency import Frequency
from bilingual_reader.thai.pronunciation import dictionary_split
from bilingual_reader.thai.segmenter import Segmenter

#: With the Thai tests in one xdist worker (tests/thai/conftest.py): pythainlp's newmm, thaiphon's lexicon
#: and the glossary segmenter loaded there once.
pytestmark = pytest.mark.xdist_group("thai")

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return Glossary.open(ROOT / "glossary.db", read_only=True)


@pytest.fixture(scope="module")
def segmenter(glossary: Glossary) -> Segmenter:
    return Segmenter(glossary.thai_terms())


def test_glossary_term_with_pronunciation_and_subterms(glossary: Glossary, segmenter: Segmenter) -> None:
    result = lookup("ปืนใหญ่อัตตาจร", glossary=glossary, segmenter=segmenter)
    assert result.in_glossary
    english = [t.text for t in result.concepts[0].english]
    assert "self-propelled artillery" in english
    assert result.concepts[0].english[-1].status is Status.FORBIDDEN
    assert [term for term, _ in result.subterms] == ["ปืนใหญ่", "ปืน"]
    assert result.subterms[0][1][0].english[0].text == "artillery"
    assert result.pronunciation is not None
    assert result.pronunciation.rtgs == "puenyai atta chon"


def test_word_not_in_glossary_gets_dictionary_senses(glossary: Glossary, segmenter: Segmenter) -> None:
    result = lookup("แมว", glossary=glossary, segmenter=segmenter)
    assert not result.in_glossary
    assert any("cat" in sense.lemmas for sense in result.senses)


def test_loanword_source(glossary: Glossary) -> None:
    result = lookup("คอมพิวเตอร์", glossary=glossary)
    assert result.loanword is not None and "computer" in result.loanword


def test_english_text_finds_concept_without_thai_extras(glossary: Glossary) -> None:
    result = lookup("Body Armor", glossary=glossary)
    assert [c.headword for c in result.concepts] == ["เสื้อเกราะ"]
    assert result.pronunciation is None and result.senses == ()


def test_occurrences_count_tokens_and_terms_inside_compounds() -> None:
    store = Glossary.memory()
    for thai, english in (("ขีปนาวุธ", "missile"), ("ระบบขีปนาวุธ", "missile system")):
        store.add(Concept(subject="weapons", terms=(Term(thai, "th"), Term(english, "en", Status.PREFERRED))))
    segmenter = Segmenter(store.thai_terms())
    paragraphs = ["เกาหลีเหนือทดสอบขีปนาวุธ", "ระบบขีปนาวุธใหม่และขีปนาวุธเก่า"]
    tokens = [segmenter.tokenize(p) for p in paragraphs]
    result = lookup("ขีปนาวุธ", glossary=store, segmenter=segmenter, article_tokens=tokens)
    assert result.occurrences == 3


def test_sample_article_occurrences(glossary: Glossary, segmenter: Segmenter) -> None:
    article = load_article(sample_article_path())
    tokens = [segmenter.tokenize(p) for p in article.paragraphs]
    result = lookup("ยุทโธปกรณ์", glossary=glossary, segmenter=segmenter, article_tokens=tokens)
    assert result.occurrences == sum(p.count("ยุทโธปกรณ์") for p in article.paragraphs)


def test_result_to_dict_is_json_ready(glossary: Glossary, segmenter: Segmenter) -> None:
    data = result_to_dict(lookup("เสื้อเกราะ", glossary=glossary, segmenter=segmenter))
    assert data["in_glossary"] is True
    english = [t for t in data["concepts"][0]["terms"] if t["lang"] == "en"]
    assert english[0] == {"text": "body armor", "lang": "en", "status": "preferred", "pos": "noun"}
    assert data["pronunciation"]["rtgs"] == "sueakro"


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("เดินทาง", Frequency(rank=384, count=12408, band="very common")),
        ("ปืน", Frequency(rank=1237, count=3479, band="common")),
        ("ยูเครน", Frequency(rank=10105, count=127, band="less common")),
        ("ที่", Frequency(rank=1, count=818364, band="very common")),  # the file's first line
        ("ปืนใหญ่อัตตาจร", None),
    ],
)
def test_frequency_band_from_the_tnc_list(glossary: Glossary, word: str, expected: Frequency | None) -> None:
    result = lookup(word, glossary=glossary)
    assert result.frequency == expected
    data = result_to_dict(result)["frequency"]
    assert data == (
        None if expected is None else {"rank": expected.rank, "count": expected.count, "band": expected.band}
    )


def test_english_text_has_no_frequency(glossary: Glossary) -> None:
    assert lookup("tank", glossary=glossary).frequency is None


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        # Glossary terms missing from the word list are split (the segmenter would keep them whole).
        ("ปืนใหญ่อัตตาจร", ["ปืนใหญ่", "อัตตา", "จร"]),
        ("รถถังหนัก", ["รถถัง", "หนัก"]),
        ("ระบบขีปนาวุธ", ["ระบบ", "ขีปนาวุธ"]),
        ("ปืนใหญ่", ["ปืนใหญ่"]),
        # A run of clusters that starts no dictionary word stays one piece.
        ("คอบร้าโกลด์", ["คอบ", "ร้า", "โกลด์"]),
        ("", []),
    ],
)
def test_dictionary_split(word: str, expected: list[str]) -> None:
    assert dictionary_split(word) == expected


def test_dictionary_split_agrees_with_pythainlp_newmm(glossary: Glossary, segmenter: Segmenter) -> None:
    from pythainlp.tokenize import word_tokenize

    words = set(glossary.thai_terms())
    for paragraph in load_article(sample_article_path()).paragraphs:
        words.update(t.text for t in segmenter.tokenize(paragraph) if t.is_word)
    differ = [w for w in sorted(words) if dictionary_split(w) != [p for p in word_tokenize(w) if p.strip()]]
    assert differ == []
    assert len(words) > 150


def test_one_shot_lookup_imports_neither_numpy_nor_pythainlp_nor_sqlite_utils() -> None:
    probe = (
        "import sys\n"
        "from bilingual_reader.cli import main\n"
        "sys.argv = ['bilingual-reader', 'lookup', 'ปืนใหญ่อัตตาจร']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'numpy', 'pythainlp', 'sqlite_utils'}))\n"
    )
    env = {**os.environ, "BILINGUAL_READER_GLOSSARY": str(ROOT / "glossary.db")}
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True)
    assert "self-propelled howitzer" in done.stdout
    assert done.stdout.strip().splitlines()[-1] == "[]"
