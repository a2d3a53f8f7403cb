"""Short English for a Thai word: the glossary's preferred term, else a curated function-word gloss, else the
most common dictionary sense, else a machine gloss (the word translated alone); and the fuller English a
flashcard shows."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bilingual_reader.thai.text import normalize_key

if TYPE_CHECKING:
    from bilingual_reader.glossary.store import Glossary

__all__ = [
    "MACHINE_GLOSS_CELLS",
    "Gloss",
    "MachineGloss",
    "card_english",
    "gloss_for",
    "needs_machine",
    "short_gloss",
]

#: Translates one Thai word alone (None when no model is installed); cached by whoever provides it.
MachineGloss = Callable[[str], str | None]

#: A machine gloss longer than this is cut (an interlinear column is as wide as its gloss).
MACHINE_GLOSS_CELLS = 24


@dataclass(frozen=True)
class Gloss:
    """A short gloss and where it came from: ``glossary``, ``function`` (curated), ``dictionary`` or
    ``machine``."""

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
    found = _known_gloss(normalize_key(word), glossary)
    if found is not None or machine is None:
        return found
    text = short_gloss(machine(normalize_key(word)) or "")
    return Gloss(text, "machine") if text else None


def needs_machine(word: str, glossary: Glossary | None) -> bool:
    """True when only a machine gloss could gloss ``word`` (no glossary entry, no curated or dictionary
    sense): the reader then asks its translation worker."""
    return _known_gloss(normalize_key(word), glossary) is None


def short_gloss(text: str) -> str:
    """A machine translation of a lone word made gloss-sized: one line, no final full stop, at most
    ``MACHINE_GLOSS_CELLS`` characters (cut with an ellipsis)."""
    text = " ".join(text.split()).rstrip(".")
    if len(text) > MACHINE_GLOSS_CELLS:
        text = text[: MACHINE_GLOSS_CELLS - 1].rstrip() + "…"
    return text


def _known_gloss(key: str, glossary: Glossary | None) -> Gloss | None:
    from bilingual_reader.learner.function_words import function_gloss
    from bilingual_reader.thai.dictionary import senses

    if glossary is not None:
        for concept in glossary.lookup(key):
            approved = [t for t in concept.english if t.status.approved]
            if approved:
                return Gloss(approved[0].text, "glossary")
    curated = function_gloss(key)
    if curated is not None:
        return Gloss(curated, "function")
    found = senses(key)
    if found:
        return Gloss(found[0].lemmas[0].replace("_", " "), "dictionary")
    return None


def card_english(word: str, glossary: Glossary | None, fallback: str = "") -> tuple[str, str]:
    """A flashcard's English and the glossary subject field (``""`` without an entry): the glossary's
    preferred and admitted terms, else a function word's curated gloss, else up to three dictionary senses,
    else ``fallback`` (the learner's)."""
    from bilingual_reader.learner.function_words import function_gloss
    from bilingual_reader.thai.dictionary import senses

    key = normalize_key(word)
    if glossary is not None:
        for concept in glossary.lookup(key):
            approved = [t.text for t in concept.english if t.status.approved]
            if approved:
                return "; ".join(approved), concept.subject
    curated = function_gloss(key)
    if curated is not None:
        return curated, ""
    found = senses(key)[:3]
    if found:
        return "; ".join(", ".join(s.lemmas[:3]).replace("_", " ") for s in found), ""
    return fallback, ""
