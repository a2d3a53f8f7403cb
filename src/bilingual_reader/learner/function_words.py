"""Short glosses for the most frequent Thai function words, chosen by hand.

Thai WordNet lists content senses first, so its most common sense of a function word misleads a learner
(ที่ "topographic point", นาย "boss", เขา "mountain", กับ "dish"); a word that has no WordNet sense at all
(และ, ใน, จะ) would get no gloss. An interlinear gloss wants the grammatical sense, short. Parentheses
say what a word does where no English word matches.
"""

from __future__ import annotations

__all__ = ["FUNCTION_GLOSSES", "function_gloss"]

FUNCTION_GLOSSES: dict[str, str] = {
    # connectives and prepositions
    "ที่": "that, at",
    "และ": "and",
    "หรือ": "or",
    "แต่": "but",
    "ใน": "in",
    "ของ": "of",
    "กับ": "with",
    "แก่": "to",
    "แด่": "to",
    "ต่อ": "to, toward",
    "จาก": "from",
    "โดย": "by",
    "เพื่อ": "for, to",
    "ถึง": "to, reach",
    "ตาม": "following",
    "ระหว่าง": "between, during",
    "ซึ่ง": "which",
    "ว่า": "that (says)",
    "เพราะ": "because",
    "ถ้า": "if",
    "หาก": "if",
    "เมื่อ": "when",
    "แห่ง": "of",
    "ด้วย": "also, with",
    "กว่า": "than",
    "จน": "until",
    "ก็": "so, then",
    "คือ": "is, namely",
    "เป็น": "be, as",
    # auxiliaries and aspect
    "จะ": "will",
    "ได้": "can, did",
    "ไม่": "not",
    "ไม่ได้": "did not",
    "แล้ว": "already",
    "กำลัง": "(now) -ing",
    "ต้อง": "must",
    "ควร": "should",
    "อาจ": "may",
    "เคย": "ever",
    "ยัง": "still",
    "อยู่": "be (at)",
    "ให้": "give, let",
    "ถูก": "(passive)",
    "มี": "have",
    # nominalisers, classifiers, quantifiers
    "การ": "(act of)",
    "ความ": "(-ness)",
    "นี้": "this",
    "นั้น": "that",
    "ทุก": "every",
    "บาง": "some",
    "หลาย": "many",
    "ทั้ง": "all, both",
    "อีก": "more, again",
    "มาก": "very, much",
    "เพียง": "only",
    "แค่": "only",
    "คน": "person",
    "ราย": "(case)",
    "ครั้ง": "time(s)",
    "ลำ": "(boats, planes)",
    "คัน": "(vehicles)",
    "ตัว": "(body, item)",
    # people and address
    "นาย": "Mr.",
    "นาง": "Mrs.",
    "นางสาว": "Miss",
    "เขา": "he, they",
    "เธอ": "she, you",
    "เรา": "we",
    "ผม": "I (male)",
    "ฉัน": "I",
    "คุณ": "you",
    "พวก": "group of",
    "กัน": "each other",
    "ตนเอง": "oneself",
    "เอง": "oneself",
    # direction verbs used after another verb
    "ไป": "go",
    "มา": "come",
    "ขึ้น": "up",
    "ลง": "down",
    "เข้า": "into",
    "ออก": "out",
    # particles
    "ครับ": "(polite, male)",
    "ค่ะ": "(polite, female)",
    "คะ": "(polite question)",
    "นะ": "(softener)",
}


def function_gloss(key: str) -> str | None:
    """The curated gloss of a normalized word, if it is one of the frequent function words."""
    return FUNCTION_GLOSSES.get(key)
