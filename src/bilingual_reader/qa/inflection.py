"""English inflection for term matching, from lemminflect's dictionary (no hand-written suffix rules).

Which words of a term take which forms depends on the term's part of speech (the glossary's ``pos``):
a noun's last word (its head) takes its plurals (howitzer → howitzers, man → men, aircraft → aircraft);
a verb takes its verb forms (fire → fires, fired, firing; shoot → shot), on its first word when the term has
several (shoot down → shot down); an adjective or adverb of one word its comparative and superlative
(heavy → heavier, heaviest). Words the dictionary does not know (acronyms, jargon) take no forms from it.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from bilingual_reader.qa.spelling import canonical

#: The Penn tags of the forms each part of speech takes (the base form is always there).
_TAGS = {
    "noun": ("NNS",),
    "verb": ("VBD", "VBN", "VBG", "VBZ"),
    "adj": ("JJR", "JJS"),
    "adv": ("RBR", "RBS"),
}
_UPOS = {"noun": "NOUN", "verb": "VERB", "adj": "ADJ", "adv": "ADV"}
_ALIASES = {"n": "noun", "v": "verb", "adjective": "adj", "a": "adj", "adverb": "adv"}


def part_of_speech(pos: str) -> str:
    """A glossary part of speech in the short form used here (``adjective`` → ``adj``)."""
    pos = pos.strip().casefold()
    return _ALIASES.get(pos, pos)


@lru_cache(maxsize=16384)
def forms_of(word: str, pos: str) -> tuple[str, ...]:
    """The canonical inflected forms of one canonical word used as ``pos`` (not the word itself)."""
    tags = _TAGS.get(pos)
    if tags is None or not word.isalpha():
        return ()
    from lemminflect import getAllInflections  # loads numpy and a 270 kB table: only when a check runs

    table = getAllInflections(word, upos=_UPOS[pos])
    found = {canonical(form) for tag in tags for form in table.get(tag, ())}
    found.discard(word)
    return tuple(sorted(found))


def load() -> None:
    """Load lemminflect and its table now (about a second): call it off the UI thread before a check."""
    forms_of("fire", "verb")


def inflected(words: Sequence[str], pos: str) -> list[tuple[str, ...]]:
    """The inflected word sequences of a term given as canonical words (the term itself not included)."""
    pos = part_of_speech(pos)
    if not words:
        return []
    if pos == "noun":
        at = len(words) - 1
    elif pos == "verb" or len(words) == 1:
        at = 0
    else:
        return []
    return [(*words[:at], form, *words[at + 1 :]) for form in forms_of(words[at], pos)]
