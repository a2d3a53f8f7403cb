"""The learner's records: a marked word, where a word was met, and the key a word is stored under."""

from __future__ import annotations

from dataclasses import dataclass

from bilingual_reader.learner.statuses import Status
from bilingual_reader.thai.text import is_thai, normalize_key

__all__ = ["NOWHERE", "Place", "Word", "word_key"]


def word_key(text: str) -> str:
    """The key a word is stored under: its normalized form (``ValueError`` if it holds no Thai letter)."""
    key = normalize_key(text)
    if not is_thai(key):
        raise ValueError(f"{text!r} is not a Thai word (numbers, Latin words and punctuation have no status)")
    return key


@dataclass(frozen=True)
class Word:
    """A marked word."""

    key: str
    status: Status
    translation: str = ""
    pronunciation: str = ""
    tags: str = ""
    created: str = ""
    changed: str = ""


@dataclass(frozen=True)
class Place:
    """Where a word was met: the article (id and title), the paragraph and the Thai sentence."""

    article: str
    title: str
    paragraph: int
    sentence: str


NOWHERE = Place("", "", -1, "")
