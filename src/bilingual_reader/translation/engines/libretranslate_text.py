"""Undoing what LibreTranslate does to the model's English: the final punctuation it drops.

LibreTranslate 1.9 passes every translation through ``improve_translation_formatting``: when the source
ends in one of ``! ? . , ; 。`` the English is made to end in the same mark; otherwise a final mark the model
wrote is *removed* ("สวัสดีครับ" → "Hello"). Thai seldom ends a sentence with a mark, so nearly every
sentence came back without its full stop, unlike the local engine's English. :func:`restore_final_mark`
puts it back: the mark is gone, so it is a "?" after a Thai question word (ไหม, อะไร, ทำไม, …, maybe
followed by a polite particle) and a "." otherwise.
"""

from __future__ import annotations

import re

#: The marks LibreTranslate's formatting mirrors from the source or strips from the English.
SERVER_MARKS = frozenset("!?.,;。")
_QUESTION = re.compile(
    r"(ไหม|มั้ย|มั๊ย|หรือไม่|หรือเปล่า|หรือยัง|หรือ|เหรอ|อะไร|ใคร|ทำไม|อย่างไร|ยังไง|เมื่อไร|เมื่อไหร่|ที่ไหน|ไหน"
    r"|เท่าไร|เท่าไหร่|กี่\S*)\s*(ครับ|คะ|ค่ะ|จ๊ะ|จ้ะ|นะ|ล่ะ|เนี่ย)*$"
)
_CLOSED = re.compile(r"[.!?…]['\"”’)\]]*$")


def restore_final_mark(thai: str, english: str) -> str:
    """``english`` with the final mark LibreTranslate dropped put back (unchanged when it kept one)."""
    thai, english = thai.strip(), english.rstrip()
    if not thai or not english or thai[-1] in SERVER_MARKS or english[-1] in SERVER_MARKS:
        return english
    if _CLOSED.search(english):
        return english
    return english + ("?" if _QUESTION.search(thai) else ".")
