"""Thai sentence splitting with pythainlp's CRFCut model, on the words of our own segmenter.

``pythainlp.tokenize.sent_tokenize(engine="crfcut")`` runs pythainlp's pure-Python newmm, which builds its
own Trie of the 62k-word list (0.5-0.7 s, ~60 MiB) although nlpo3 already holds those words. This runs the
same model (shipped in the pythainlp wheel, read by python-crfsuite) on ``segmenter.word_pieces``. The
feature extraction, ender/starter word lists and labelling rules follow pythainlp's ``tokenize/crfcut.py``
(Apache-2.0, PyThaiNLP Project).
"""

from __future__ import annotations

import functools
import re
import threading
from typing import Any

from bilingual_reader.thai.corpora import corpus_file

__all__ = ["crfcut_split"]

MODEL_FILE = "sentenceseg_crfcut.model"
_WINDOW = 2
_MAX_N_GRAM = 3
_LOCK = threading.Lock()
# pythainlp's word_tokenize rejoins numbers newmm breaks (12,000 / 3.5 / 10:30); so does this.
_BROKEN_NUMBER = re.compile(r"\d+(?:[.,:]\d+)+")

_ENDERS = frozenset(
    (
        "ครับ",
        "ค่ะ",
        "คะ",
        "นะคะ",
        "นะ",
        "จ้ะ",
        "จ้า",
        "จ๋า",
        "ฮะ",
        "ๆ",
        "ได้",
        "แล้ว",
        "ด้วย",
        "เลย",
        "มาก",
        "น้อย",
        "กัน",
        "เช่นกัน",
        "เท่านั้น",
        "อยู่",
        "ลง",
        "ขึ้น",
        "มา",
        "ไป",
        "ไว้",
        "เอง",
        "อีก",
        "ใหม่",
        "จริงๆ",
        "บ้าง",
        "หมด",
        "ทีเดียว",
        "เดียว",
        "นั้น",
        "นี้",
        "เหล่านี้",
        "เหล่านั้น",
        "อย่างไร",
        "ยังไง",
        "หรือไม่",
        "มั้ย",
        "ไหน",
        "ไหม",
        "อะไร",
        "ทำไม",
        "เมื่อไหร่",
        "เมื่อไร",
    )
)
_STARTERS = frozenset(
    (
        "ผม",
        "ฉัน",
        "ดิฉัน",
        "ชั้น",
        "คุณ",
        "มัน",
        "เขา",
        "เค้า",
        "เธอ",
        "เรา",
        "พวกเรา",
        "พวกเขา",
        "กู",
        "มึง",
        "แก",
        "ข้าพเจ้า",
        "และ",
        "หรือ",
        "แต่",
        "เมื่อ",
        "ถ้า",
        "ใน",
        "ด้วย",
        "เพราะ",
        "เนื่องจาก",
        "ซึ่ง",
        "ไม่",
        "ตอนนี้",
        "ทีนี้",
        "ดังนั้น",
        "เพราะฉะนั้น",
        "ฉะนั้น",
        "ตั้งแต่",
        "ในที่สุด",
        "ก็",
        "กับ",
        "แก่",
        "ต่อ",
        "นั้น",
        "นี้",
        "เหล่านี้",
        "เหล่านั้น",
    )
)


@functools.cache
def _tagger() -> Any:
    """The CRF tagger with pythainlp's sentence model loaded (once)."""
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(corpus_file(MODEL_FILE)))
    return tagger


def _features(doc: list[str]) -> list[list[str]]:
    """pythainlp's ``_extract_features``: word, ender and starter n-grams in a window around each word."""
    padded = ["xxpad"] * _WINDOW + doc + ["xxpad"] * _WINDOW
    enders = ["ender" if token in _ENDERS else "normal" for token in padded]
    starters = ["starter" if token in _STARTERS else "normal" for token in padded]
    features = []
    for i in range(_WINDOW, len(padded) - _WINDOW):
        word = ["bias"]
        for n in range(1, min(_MAX_N_GRAM + 1, 2 + _WINDOW * 2)):
            for j in range(i - _WINDOW, i + _WINDOW + 2 - n):
                position = f"{n}_{j - i}_{j - i + n}"
                word.append(f"word_{position}={'|'.join(padded[j : j + n])}")
                word.append(f"ender_{position}={'|'.join(enders[j : j + n])}")
                word.append(f"starter_{position}={'|'.join(starters[j : j + n])}")
        features.append(word)
    return features


def _rejoin_numbers(pieces: list[str]) -> list[str]:
    """Join pieces that together spell a number newmm cut apart (``12`` ``,`` ``000`` → ``12,000``)."""
    text = "".join(pieces)
    spans = [m.span() for m in _BROKEN_NUMBER.finditer(text)]
    if not spans:
        return pieces
    out: list[str] = []
    pos = 0
    for piece in pieces:
        start, end = pos, pos + len(piece)
        pos = end
        joined = out and any(s < start < e for s, e in spans)
        if joined:
            out[-1] += piece
        else:
            out.append(piece)
    return out


def crfcut_split(text: str) -> list[str]:
    """Sentences of ``text`` as pythainlp's ``sent_tokenize(text, engine="crfcut")`` gives them."""
    from bilingual_reader.thai.segmenter import word_pieces

    tokens = _rejoin_numbers(word_pieces(text))
    if not tokens:
        return []
    with _LOCK:
        labels = list(_tagger().tag(_features(tokens)))
    labels[-1] = "E"
    for i, token in enumerate(tokens):
        if token.strip().endswith(("!", ".", "?")):
            labels[i] = "E"
        elif (i == 0 or labels[i - 1] == "E") and token.strip() == "":
            labels[i] = "I"
    sentences: list[str] = []
    current = ""
    for token, label in zip(tokens, labels, strict=True):
        current += token
        if label == "E" and current:
            sentences.append(current)
            current = ""
    return sentences
