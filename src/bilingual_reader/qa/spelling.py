"""English word forms for term matching: tokens with offsets, British→American canonical spelling, plurals."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_WORD = re.compile(r"[^\W_]+")
# What may sit between the words of one term: spaces and hyphens ("self-propelled" / "self propelled").
_JOINER = re.compile(r"[\s\-\u2010\u2011\u2012\u00ad]+")

# Whole-word British spellings the rules below do not reach, mapped to the American form.
_IRREGULAR = {
    "aeroplane": "airplane",
    "aeroplanes": "airplanes",
    "aluminium": "aluminum",
    "grey": "gray",
    "tyre": "tire",
    "tyres": "tires",
    "programme": "program",
    "programmes": "programs",
    "mould": "mold",
    "plough": "plow",
    "sulphur": "sulfur",
    "kerb": "curb",
    "jewellery": "jewelry",
    "cheque": "check",
    "gaol": "jail",
    "sceptic": "skeptic",
    "foetus": "fetus",
    "oestrogen": "estrogen",
    "diarrhoea": "diarrhea",
    "haemorrhage": "hemorrhage",
    "anaemia": "anemia",
    "paediatric": "pediatric",
    "orthopaedic": "orthopedic",
    "practise": "practice",
}
_DOUBLED_L = (
    "fuel",
    "label",
    "model",
    "travel",
    "cancel",
    "signal",
    "channel",
    "level",
    "marshal",
    "tunnel",
    "total",
    "counsel",
    "dial",
    "equal",
)
for _stem in _DOUBLED_L:
    for _ending in ("ed", "ing", "er", "ers", "or", "ors"):
        _IRREGULAR[_stem + "l" + _ending] = _stem + _ending

_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?<=[a-z]{3})our(?=(?:s|ed|ing|ite|ites|able|er|ers|less)?$)"), "or"),  # armour
    (re.compile(r"(?<=[a-z])ence(?=(?:s|d|less)?$)"), "ense"),  # defence, offence, licence
    (re.compile(r"(?<=[a-z]{3})is(?=(?:e|es|ed|ing|ation|ations|er|ers)$)"), "iz"),  # organise
    (re.compile(r"(?<=[a-z])ys(?=(?:e|es|ed|ing|er|ers)$)"), "yz"),  # analyse, paralyse
    (re.compile(r"(?<=[bcdfghjklmnpqrstvwxz])re(?=s?$)"), "er"),  # centre, metre, calibre
    (re.compile(r"(?<=[a-z]{3})ogue(?=s?$)"), "og"),  # catalogue, dialogue
    (re.compile(r"oeu"), "eu"),  # manoeuvre
)


@lru_cache(maxsize=65536)
def canonical(word: str) -> str:
    """One word casefolded, with British spelling mapped to the American form (both sides use this)."""
    word = word.casefold()
    irregular = _IRREGULAR.get(word)
    if irregular is not None:
        return irregular
    for pattern, replacement in _RULES:
        word = pattern.sub(replacement, word)
    return word


def plural_forms(key: str) -> tuple[str, ...]:
    """The plural spellings tolerated for a canonical term key (its last word takes -s, -es, -ies, …)."""
    forms = [key + "s", key + "es"]
    if key.endswith("y") and len(key) > 1 and key[-2] not in "aeiou":
        forms.append(key[:-1] + "ies")
    if key.endswith("man"):
        forms.append(key[:-3] + "men")
    if key.endswith("fe"):
        forms.append(key[:-2] + "ves")
    elif key.endswith("f"):
        forms.append(key[:-1] + "ves")
    return tuple(forms)


@dataclass(frozen=True, slots=True)
class Word:
    """One word of an English text: its canonical form and its character span."""

    key: str
    start: int
    end: int


def words(text: str) -> list[Word]:
    """The words of an English text, in order, with canonical forms."""
    return [Word(canonical(m.group()), m.start(), m.end()) for m in _WORD.finditer(text)]


def joined(text: str, left: Word, right: Word) -> bool:
    """True when two neighbouring words may belong to one term: joined by spaces or hyphens, by ``&``
    (``R&D``), or by the period of a one-letter abbreviation (``U.S. Army``)."""
    gap = text[left.end : right.start]
    if _JOINER.fullmatch(gap) is not None or gap.strip() == "&":
        return True
    return gap in (".", ". ") and left.end - left.start == 1


def term_key(term: str) -> str:
    """A term's match key: its words' canonical forms run together ("Self-propelled" → "selfpropelled")."""
    return "".join(w.key for w in words(term))
