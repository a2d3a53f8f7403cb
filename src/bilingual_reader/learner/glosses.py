"""Short English for a Thai word: the glossary's preferred term, else the most common dictionary sense, else a
machine gloss (the word translated alone); and the fuller English a flashcard shows."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bilingual_reader.thai.text import normalize_key

if TYPE_CHECKING:
    from bilingual_reader.glossary.store import Glossary

__all__ = ["Gloss", "MachineGloss", "card_english", "gloss_for"]

#: Translates one Thai word alone (None when no model is installed); cached by whoever provides it.
MachineGloss = Callable[[str], str | None]


@dataclass(frozen=True)
class Gloss:
    """A short gloss and where it came from: ``glossary``, ``dictionary`` or ``machine``."""

    text: str
    source: str

    @property
    def is_machine(self) -> bool:
        """True for a machine gloss (marked as such wherever it is shown)."""
        return self.source == "machine"

    def display(self) -> str:
        """The gloss as shown: a machine gloss gets a trailing ``*``."""
        return f"{self.text}*" if self.is_machine else self.text


def gloss_for(word: str, glossary: Glossary | None, machine: MachineGloss | None = None) -> Gloss | None:
    """The short gloss of ``word`` (None when nothing knows it)."""
    from bilingual_reader.thai.dictionary import senses

    key = normalize_key(word)
    if glossary is not None:
        for concept in glossary.lookup(key):
            approved = [t for t in concept.english if t.status.approved]
            if approved:
                return Gloss(approved[0].text, "glossary")
    found = senses(key)
    if found:
        return Gloss(found[0].lemmas[0].replace("_", " "), "dictionary")
    if machine is not None:
        text = machine(key)
        if text:
            return Gloss(text.strip(), "machine")
    return None


def card_english(word: str, glossary: Glossary | None, fallback: str = "") -> tuple[str, str]:
    """A flashcard's English and the glossary subject field (``""`` without an entry): the glossary's
    preferred and admitted terms, else up to three dictionary senses, else ``fallback`` (the learner's)."""
    from bilingual_reader.thai.dictionary import senses

    key = normalize_key(word)
    if glossary is not None:
        for concept in glossary.lookup(key):
            approved = [t.text for t in concept.english if t.status.approved]
            if approved:
                return "; ".join(approved), concept.subject
    found = senses(key)[:3]
    if found:
        return "; ".join(", ".join(s.lemmas[:3]).replace("_", " ") for s in found), ""
    return fallback, ""
