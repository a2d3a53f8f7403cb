"""Exact tokens on the labelled segmentation set (names, loanwords, compounds), and every shipped glossary
term whole: in each labelled sentence and in contexts where newmm used to cut terms."""

from __future__ import annotations

import functools

import pytest

from bilingual_reader import paths
from bilingual_reader.glossary.source import read_tsv
from bilingual_reader.thai.segmenter import Segmenter

from .segmentation_cases import CASES

#: Contexts around a term: a plain one, function words, an unlisted name after it (newmm glued เครื่องบิน's
#: last letter to กริพเพน), names made of syllables on both sides, and a compound after it.
CONTEXTS = ("{}", "และ{}ของไทย", "ส่ง{}ไป", "เลือก{}กริพเพน", "คาร์คิฟ{}โยโกตะ", "ที่{}ที่", "ใช้{}ลงจอด", "บา{}ลิ")


@functools.cache
def shipped_terms() -> frozenset[str]:
    """The Thai terms of the shipped glossary."""
    return frozenset(t.text for c in read_tsv(paths.shipped("glossary.tsv")) for t in c.thai)


@pytest.fixture(scope="module")
def seg() -> Segmenter:
    return Segmenter(shipped_terms())


def test_the_set_is_big() -> None:
    assert len(CASES) >= 60
    assert len(shipped_terms()) >= 300


@pytest.mark.parametrize("expected", [tokens for _, tokens in CASES])
def test_tokens(seg: Segmenter, expected: str) -> None:
    text = expected.replace("|", "")
    assert "|".join(t.text for t in seg.tokenize(text)) == expected


def test_glossary_terms_stay_whole_in_every_labelled_sentence(seg: Segmenter) -> None:
    checked = 0
    for _, expected in CASES:
        text = expected.replace("|", "")
        tokens = [t.text for t in seg.tokenize(text)]
        for term in shipped_terms():
            if term in text:
                checked += 1
                assert any(term in token for token in tokens), (term, tokens)
    assert checked >= 138


def test_every_shipped_glossary_term_stays_whole_in_every_context(seg: Segmenter) -> None:
    cut = []
    for term in sorted(shipped_terms()):
        for context in CONTEXTS:
            tokens = [t.text for t in seg.tokenize(context.format(term))]
            if not any(term in token for token in tokens):
                cut.append("|".join(tokens))
    assert cut == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a term newmm glued to a neighbour, at the start, at the end and inside both pieces
        ("กองทัพเรือส่งเรือ", "กองทัพเรือ|ส่ง|เรือ"),
        ("กองทัพอากาศเลือกเครื่องบินกริพเพน", "กองทัพอากาศ|เลือก|เครื่องบิน|กริพเพน"),
        ("เลือกคู่ขัดแย้งกริพเพน", "เลือก|คู่ขัดแย้ง|กริพเพน"),
        # a rare word beside a common one: the two common words win (newmm's tie)
        ("ส่งเจ้าหน้าที่มาร่วม", "ส่ง|เจ้าหน้าที่|มา|ร่วม"),
        ("ตั้งแต่วันจันทร์", "ตั้งแต่|วัน|จันทร์"),
        # a name of dictionary syllables that is a Wikipedia title is joined; common syllables are not
        ("ฐานทัพอากาศโยโกตะในกรุงโตเกียว", "ฐานทัพอากาศ|โยโกตะ|ใน|กรุง|โตเกียว"),
        ("ผมไปดูหนังกับแม่ที่ห้าง", "ผม|ไปดู|หนัง|กับ|แม่|ที่|ห้าง"),
    ],
)
def test_repairs_of_newmm(seg: Segmenter, text: str, expected: str) -> None:
    assert "|".join(t.text for t in seg.tokenize(text)) == expected
