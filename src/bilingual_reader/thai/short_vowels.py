"""Corrections to the Volubilis lexicon's vowel length: เ-าะ and ก็ are short, read long by the lexicon.

The lexicon transcribes the short vowel of เ-าะ (เกราะ, เพราะ, เหมาะ, เจาะ) and of ก็ as long /ɔː/ (its
tones are right); thaiphon's rules read them short. Its syllables carry no spelling, so each written
occurrence is matched to a long open /ɔː/ syllable by position.
"""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from thaiphon.model.syllable import Syllable
    from thaiphon.model.word import PhonologicalWord

__all__ = ["IPA_TONE_LETTERS", "shorten"]

# เ + one or two consonants (a cluster or a leading ห/อ) + an optional tone mark + า + ะ; and ก็.
SHORT_O = re.compile("เ[\u0e01-\u0e2e]{1,2}[\u0e48-\u0e4b]?าะ|ก็")
IPA_TONE_LETTERS = "˥˦˧˨˩"


def _long_open_o(syllable: Syllable) -> bool:
    from thaiphon.model.enums import VowelLength

    return (
        syllable.vowel.symbol == "ɔ" and syllable.vowel_length is VowelLength.LONG and syllable.coda is None
    )


def shorten(word: PhonologicalWord, spelling: str) -> PhonologicalWord:
    """``word`` with the syllables spelled เ-าะ or ก็ in ``spelling`` made short (and dead)."""
    found = [(m.start() + m.end()) / 2 / len(spelling) for m in SHORT_O.finditer(spelling)]
    syllables = list(word.syllables)
    candidates = [i for i, s in enumerate(syllables) if _long_open_o(s)]
    if not found or not candidates:
        return word
    from thaiphon.model.enums import SyllableType, VowelLength

    chosen: set[int] = set()
    for position in found:
        free = [i for i in candidates if i not in chosen]
        if not free:
            break
        chosen.add(min(free, key=lambda i: abs((i + 0.5) / len(syllables) - position)))
    for i in chosen:
        syllables[i] = dataclasses.replace(
            syllables[i], vowel_length=VowelLength.SHORT, syllable_type=SyllableType.DEAD
        )
    return dataclasses.replace(word, syllables=tuple(syllables))


def ends_short_open(word: PhonologicalWord) -> bool:
    """Whether the word's last syllable has a short vowel and no final consonant (a glottal stop follows)."""
    from thaiphon.model.enums import VowelLength

    if not word.syllables:
        return False
    last = word.syllables[-1]
    return last.vowel_length is VowelLength.SHORT and last.coda is None


def with_glottal_stop(ipa: str) -> str:
    """``ipa`` with /ʔ/ before the tone letters of its last syllable (``/tɕa˨˩/`` → ``/tɕaʔ˨˩/``)."""
    body = ipa.rstrip("/")
    tail = ipa[len(body) :]
    tones = len(body) - len(body.rstrip(IPA_TONE_LETTERS))
    if tones == 0:
        return body + "ʔ" + tail
    return body[:-tones] + "ʔ" + body[-tones:] + tail
