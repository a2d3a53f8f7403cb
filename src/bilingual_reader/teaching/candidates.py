"""Candidate glossary terms in articles: the recurring multi-word noun phrases and loanwords the glossary does
not have, ranked by how often they occur, how long they are and whether they end a defense head
(เรือ…, ปืน…, ระบบ…, กอง…), each with its contexts."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bilingual_reader.thai.dictionary import loanword_source
from bilingual_reader.thai.frequency import frequency
from bilingual_reader.thai.segmenter import Segmenter, Token
from bilingual_reader.thai.text import normalize_key

if TYPE_CHECKING:
    from bilingual_reader.glossary.store import Glossary

__all__ = ["Candidate", "candidates"]

#: Words that start a defense term: a candidate beginning with one ranks higher.
CUES = (
    "เรือ", "ปืน", "ระบบ", "กอง", "รถ", "เครื่องบิน", "ขีปนาวุธ", "จรวด", "หน่วย", "กระสุน", "ยาน", "อาวุธ",
    "ทุ่นระเบิด", "ทหาร", "การฝึก", "ศูนย์", "กรม", "ฐาน", "เฮลิคอปเตอร์", "อากาศยาน", "ชุด", "หน้ากาก",
)  # fmt: skip
# Grammar words: a candidate never starts or ends with one (การ and ความ may start one: they make nouns).
_STOP = frozenset((
    "ที่", "และ", "ของ", "ใน", "ได้", "จะ", "ให้", "เป็น", "มี", "ว่า", "ซึ่ง", "กับ", "จาก", "โดย",
    "แต่", "ไม่", "ยัง", "ก็", "หรือ", "เพื่อ", "แก่", "ต่อ", "ไป", "มา", "อยู่", "แล้ว", "นี้", "นั้น",
    "ทั้ง", "ถึง", "ราว", "กว่า", "คือ", "ได้แก่", "รวมถึง", "เช่น", "ขณะที่", "หลังจาก", "ตาม", "ด้วย",
    "อีก", "เมื่อ", "ระหว่าง", "ไว้", "ขึ้น", "ลง", "ครั้ง", "อย่าง", "ต้อง", "ยังคง", "กำลัง", "เคย",
    "ซึ่งเป็น", "โดยมี", "ทั้งนี้", "นอกจากนี้", "ส่วน", "ด้าน", "หลาย", "แต่ละ", "จำนวน", "มาก", "สูง",
    "ใหม่", "ทั้งสอง", "ลำ", "คัน", "ลูก", "นัด", "กระบอก", "ราย", "แห่ง", "นาย", "ผู้", "เขา", "ไว้",
    "ตั้งแต่", "จน", "ยัง", "หาก", "ถ้า", "นับ", "เป็นต้น", "ก่อน", "หลัง", "ภายใต้", "ภายใน", "ให้แก่",
    "กล่าว", "ระบุ",
))  # fmt: skip
# Words a noun phrase does not hold inside it (ด้าน and ทาง may: ความร่วมมือด้านความมั่นคง, ทางทหาร).
_INSIDE = frozenset((
    "ที่", "ใน", "ของ", "แก่", "ตาม", "และ", "กับ", "จาก", "ให้", "ได้", "จะ", "เป็น", "มี", "ว่า",
    "ซึ่ง", "โดย", "เพื่อ", "ไม่", "ต่อ", "ไป", "มา", "หรือ",
))  # fmt: skip
_MAX_TOKENS = 4
_COMMON_RANK = 5_000  # a single word ranked beyond this in the TNC list (or not in it) can be a candidate
_CONTEXTS = 3
_WIDTH = 30  # characters of context on each side


@dataclass
class Candidate:
    """A candidate term: its Thai, occurrences, tokens, score, and up to three contexts."""

    thai: str
    count: int
    tokens: int
    score: float = 0.0
    contexts: list[str] = field(default_factory=list)
    loanword: str | None = None


def _runs(tokens: Sequence[Token]) -> list[list[Token]]:
    """Maximal runs of adjacent Thai word tokens (a space, punctuation or Latin ends a run)."""
    runs: list[list[Token]] = [[]]
    for token in tokens:
        if token.is_word:
            runs[-1].append(token)
        elif runs[-1]:
            runs.append([])
    return [run for run in runs if run]


@functools.lru_cache(maxsize=4096)
def _single_worthy(key: str) -> bool:
    """A single word is a candidate when it has a defense head, is a loanword, or is not common."""
    if len(key) < 4:
        return False
    if key.startswith(CUES) and key not in CUES:
        return True
    found = frequency(key)
    return found is None or found.rank > _COMMON_RANK or loanword_source(key) is not None


def _score(candidate: Candidate) -> float:
    cue = 2.0 if candidate.thai.startswith(CUES) else 0.0
    loan = 1.0 if candidate.loanword else 0.0
    return candidate.count * (1.0 + 0.4 * (candidate.tokens - 1)) + cue + loan + len(candidate.thai) / 40


def candidates(
    articles: Iterable[Sequence[str]], glossary: Glossary, *, limit: int | None = 50, min_count: int = 2
) -> list[Candidate]:
    """The candidates in the articles' paragraphs, best first (``limit`` None: all)."""
    terms = glossary.thai_terms()
    segmenter = Segmenter(terms)
    known = {normalize_key(t) for t in terms}
    found: dict[str, Candidate] = {}
    for paragraphs in articles:
        for paragraph in paragraphs:
            for run in _runs(segmenter.tokenize(paragraph)):
                for start in range(len(run)):
                    for end in range(start + 1, min(start + _MAX_TOKENS, len(run)) + 1):
                        first, last = run[start], run[end - 1]
                        if first.text in _STOP or last.text in _STOP or last.text in ("การ", "ความ"):
                            continue
                        if any(t.text in _INSIDE for t in run[start + 1 : end - 1]):
                            break
                        key = normalize_key(paragraph[first.start : last.end])
                        if key in known or (end - start == 1 and (first.is_term or not _single_worthy(key))):
                            continue
                        item = found.setdefault(key, Candidate(key, 0, end - start))
                        item.count += 1
                        if len(item.contexts) < _CONTEXTS:
                            left = paragraph[max(0, first.start - _WIDTH) : first.start]
                            right = paragraph[last.end : last.end + _WIDTH]
                            item.contexts.append(f"…{left}[{key}]{right}…")
    kept = [c for c in found.values() if c.count >= min_count]
    longer = sorted(kept, key=lambda c: -len(c.thai))
    # A candidate inside a longer one that occurs as often is only a part of it (คอบร้า in คอบร้าโกลด์).
    chosen = [
        c for c in kept if not any(o.count >= c.count and c.thai in o.thai and o is not c for o in longer)
    ]
    for candidate in chosen:
        candidate.loanword = loanword_source(candidate.thai)
        candidate.score = _score(candidate)
    chosen.sort(key=lambda c: (-c.score, c.thai))
    return chosen if limit is None else chosen[:limit]
