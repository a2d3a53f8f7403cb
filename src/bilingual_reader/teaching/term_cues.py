"""What tells a term from ordinary words in a Thai article: grammar words, verbs, grammar compounds, and
how much more often a word occurs in the articles than in general Thai (its keyness against the Thai
National Corpus). Used by :mod:`bilingual_reader.teaching.candidates`."""

from __future__ import annotations

import functools
import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from bilingual_reader.thai.corpora import corpus_file
from bilingual_reader.thai.dictionary import senses
from bilingual_reader.thai.frequency import TNC_FILE, frequency
from bilingual_reader.thai.segmenter import Segmenter
from bilingual_reader.thai.text import normalize_key

if TYPE_CHECKING:
    from bilingual_reader.glossary.models import Concept

__all__ = [
    "CUES", "GRAMMAR", "INSIDE", "domain_words", "english_domain", "grammar_compound", "has_domain_word",
    "is_place", "keyness", "speaks_domain", "verb_like",
]  # fmt: skip

#: Words that start a defense term: a candidate beginning with one ranks higher.
CUES = (
    "เรือ", "ปืน", "ระบบ", "กอง", "รถ", "เครื่องบิน", "ขีปนาวุธ", "จรวด", "หน่วย", "กระสุน", "ยาน", "อาวุธ",
    "ทุ่นระเบิด", "ทหาร", "การฝึก", "ศูนย์", "กรม", "ฐาน", "เฮลิคอปเตอร์", "อากาศยาน", "ชุด", "หน้ากาก",
    "กระทรวง", "สงคราม", "อู่", "ยุทธ", "กำลัง",
)  # fmt: skip
#: Grammar words: a candidate never starts or ends with one (การ and ความ may start one: they make nouns).
GRAMMAR = frozenset((
    "ที่", "และ", "ของ", "ใน", "ได้", "จะ", "ให้", "เป็น", "มี", "ว่า", "ซึ่ง", "กับ", "จาก", "โดย",
    "แต่", "ไม่", "ยัง", "ก็", "หรือ", "เพื่อ", "แก่", "ต่อ", "ไป", "มา", "อยู่", "แล้ว", "นี้", "นั้น",
    "ทั้ง", "ถึง", "ราว", "กว่า", "คือ", "ได้แก่", "รวมถึง", "เช่น", "ขณะที่", "หลังจาก", "ตาม", "ด้วย",
    "อีก", "เมื่อ", "ระหว่าง", "ไว้", "ขึ้น", "ลง", "ครั้ง", "อย่าง", "ต้อง", "ยังคง", "กำลัง", "เคย",
    "ซึ่งเป็น", "โดยมี", "ทั้งนี้", "นอกจากนี้", "ส่วน", "ด้าน", "หลาย", "แต่ละ", "จำนวน", "มาก", "สูง",
    "ใหม่", "ทั้งสอง", "ลำ", "คัน", "ลูก", "นัด", "กระบอก", "ราย", "แห่ง", "นาย", "ผู้", "เขา",
    "ตั้งแต่", "จน", "หาก", "ถ้า", "นับ", "เป็นต้น", "ก่อน", "หลัง", "ภายใต้", "ภายใน", "ให้แก่",
    "กล่าว", "ระบุ", "กัน", "ที่สุด",
))  # fmt: skip
#: Words a noun phrase does not hold inside it (ด้าน and ทาง may: ความร่วมมือด้านความมั่นคง, ทางทหาร).
INSIDE = frozenset((
    "ที่", "ใน", "ของ", "แก่", "ตาม", "และ", "กับ", "จาก", "ให้", "ได้", "จะ", "เป็น", "มี", "ว่า",
    "ซึ่ง", "โดย", "เพื่อ", "ไม่", "ต่อ", "ไป", "มา", "หรือ",
))  # fmt: skip
# Function words that, glued to a word, make a grammar compound the segmenter keeps whole (ใน+ประเทศ,
# ก่อน+ที่, ร่วม+กับ); content prefixes such as ผู้, นาย, การ are not among them.
_GLUE = (
    "ที่", "ใน", "ของ", "และ", "กับ", "จาก", "ให้", "ได้", "จะ", "เป็น", "มี", "ว่า", "ซึ่ง", "โดย", "เพื่อ",
    "ไม่", "ยัง", "ก่อน", "ครั้ง", "นี้", "นั้น", "ขึ้น", "มาก", "กัน", "ต้อง", "ทั้งสอง", "ทั้ง", "ที่สุด", "แล้ว",
    "อยู่",
)  # fmt: skip
_ORCHID_TAGS = "pos_orchid_unigram.json"
_COUNTRIES = "countries_th.txt"
# Places are names, not terms: countries (pythainlp's list), continents and oceans, points of the compass,
# and what กรุง (capital), ภูมิภาค (region), ทวีป, มหาสมุทร, จังหวัด, เมือง name.
_REGIONS = frozenset((
    "เอเชีย", "ยุโรป", "แอฟริกา", "อเมริกา", "แปซิฟิก", "แอตแลนติก", "อินโด", "ตะวันออก", "ตะวันตก",
    "ตะวันออกกลาง", "เหนือ", "ใต้", "อาเซียน",
))  # fmt: skip
_PLACE_PREFIXES = ("กรุง", "ภูมิภาค", "ทวีป", "มหาสมุทร", "จังหวัด", "เมือง")
_NUMBERS = ("ล้าน", "พัน", "หมื่น", "แสน", "ร้อย", "หนึ่ง", "สอง", "สาม", "สี่", "ห้า", "หก", "เจ็ด", "แปด", "เก้า", "สิบ")


def grammar_compound(key: str) -> bool:
    """Whether a single token is a function word glued to a word (ในประเทศ, ก่อนที่, ร่วมกับ, มากขึ้น)."""
    for glue in _GLUE:
        if key.startswith(glue) and _is_word(key[len(glue) :]):
            return True
        if key.endswith(glue) and _is_word(key[: -len(glue)]):
            return True
    return False


@functools.cache
def _countries() -> frozenset[str]:
    text = corpus_file(_COUNTRIES).read_text(encoding="utf-8-sig")
    return frozenset(normalize_key(line) for line in text.splitlines() if line.strip())


def is_place(parts: Sequence[str]) -> bool:
    """Whether a candidate's words name a place (ยูเครน, กรุงโซล, ภูมิภาคอินโด, เอเชียแปซิฟิก) or a quantity."""
    if parts and parts[0].startswith(_PLACE_PREFIXES + _NUMBERS):  # a quantity (ล้านดอลลาร์) is no term either
        return True
    return bool(parts) and all(p in _REGIONS or p in _countries() for p in parts)


def _is_word(text: str) -> bool:
    return len(text) >= 2 and (text in GRAMMAR or frequency(text) is not None)


@functools.cache
def _orchid() -> dict[str, str]:
    """The ORCHID corpus's most frequent tag of each word (pythainlp's unigram tagger data)."""
    with corpus_file(_ORCHID_TAGS).open(encoding="utf-8-sig") as handle:
        tags: dict[str, str] = json.load(handle)
    return tags


@functools.lru_cache(maxsize=8192)
def verb_like(key: str) -> bool:
    """Whether a word is a verb or adjective (ORCHID tag, else WordNet senses): no term starts with one."""
    tag = _orchid().get(key)
    if tag is not None:
        return tag.startswith("V")
    kinds = {sense.pos for sense in senses(key)}
    return bool(kinds) and kinds <= {"verb", "adj"}


@functools.cache
def _tnc_total() -> int:
    """The number of words the TNC frequency list counts."""
    total = 0
    with corpus_file(TNC_FILE).open("rb") as handle:
        for line in handle:
            count = line.rpartition(b"\t")[2].strip()
            total += int(count) if count.isdigit() else 0
    return max(total, 1)


def keyness(key: str, count: int, words: int) -> float:
    """log10 of how many times more often the word occurs in ``words`` running words than in the TNC
    (a word the TNC does not list counts as seen once there)."""
    found = frequency(key)
    general = ((found.count if found else 0) + 1) / _tnc_total()
    return math.log10(max(count / max(words, 1) / general, 1.0))


def domain_words(terms: Iterable[str], segmenter: Segmenter, *, least: int = 3) -> frozenset[str]:
    """The words that recur inside the glossary's own terms (เครื่องบิน, ขีปนาวุธ, ทหาร, ระเบิด…): the
    glossary a teacher has says what this subject's terms are made of."""
    seen: Counter[str] = Counter()
    for term in terms:
        seen.update({_content(t.text) for t in segmenter.tokenize(term) if t.is_word} - {""})
    return frozenset(word for word, count in seen.items() if count >= least)


def _content(word: str) -> str:
    """The word's key when it can carry meaning (two letters or more, not a grammar word), else ``""``."""
    key = normalize_key(word)
    return "" if len(key) < 2 or key in GRAMMAR or key in ("การ", "ความ") else key


def has_domain_word(key: str, domain: frozenset[str], segmenter: Segmenter) -> bool:
    """Whether a candidate holds one of the domain's words (การต่อเรือ holds เรือ)."""
    return any(_content(t.text) in domain for t in segmenter.tokenize(key) if t.is_word)


_ENGLISH_WORD = re.compile(r"[a-z]{3,}")
_ENGLISH_GRAMMAR = frozenset(("the", "and", "for", "with", "from", "into"))


def _english_words(text: str) -> set[str]:
    return set(_ENGLISH_WORD.findall(text.lower())) - _ENGLISH_GRAMMAR


def english_domain(concepts: Iterable[Concept], *, least: int = 3) -> frozenset[str]:
    """The English words that recur in the glossary's English terms (missile, naval, combat, mine…): the
    subject's vocabulary as the glossary's other side says it."""
    seen: Counter[str] = Counter()
    for concept in concepts:
        seen.update({w for term in concept.terms if term.lang == "en" for w in _english_words(term.text)})
    return frozenset(word for word, count in seen.items() if count >= least)


def speaks_domain(key: str, parts: Sequence[str], domain: frozenset[str]) -> bool:
    """Whether the dictionary's English for the candidate (else for one of its words) is a noun made of the
    subject's English words (ภารกิจ: "military mission"; การสู้รบ: "combat")."""
    for word in (key,) if senses(key) else parts:
        for sense in senses(word)[:2]:
            if sense.pos == "noun" and any(_english_words(lemma) & domain for lemma in sense.lemmas):
                return True
    return False
