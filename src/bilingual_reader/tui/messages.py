"""Messages the reader's components post (the screen passes them on): past-tense events, as dataclasses."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from textual.message import Message

if TYPE_CHECKING:
    from bilingual_reader.thai.segmenter import Segmenter, Token

Change = Literal["added", "updated", "deleted"]


@dataclass
class ArticleSegmented(Message):
    """A segmenter was built (or reused) and every paragraph of the article was tokenized with it."""

    segmenter: Segmenter
    tokens: Sequence[Sequence[Token]]


@dataclass
class WordClicked(Message):
    """The user clicked a word of a paragraph."""

    paragraph: int
    token: int


@dataclass
class CursorMoved(Message):
    """The word cursor is now on ``token`` of ``paragraph`` (None: the paragraph has no word)."""

    paragraph: int
    token: int | None

    def can_replace(self, message: Message) -> bool:
        """Only the latest position matters when keys repeat faster than the screen draws."""
        return isinstance(message, CursorMoved)


@dataclass
class FindingsChanged(Message):
    """Paragraph ``paragraph`` was checked again: its terminology findings changed."""

    paragraph: int


class ChecksSettled(Message):
    """The terminology check is built and every paragraph that waited for it has been checked."""


@dataclass
class GlossaryChanged(Message):
    """A concept was added, updated or deleted (and committed): the article should re-highlight."""

    concept_id: int
    change: Change


@dataclass
class EnglishTermClicked(Message):
    """A glossary term marked in a paragraph's English was clicked: ``thai`` is its Thai term's offset."""

    paragraph: int
    thai: int


@dataclass
class VisibleChanged(Message):
    """Paragraphs ``first``..``last`` (inclusive) are on screen now (-1, -1: none)."""

    first: int
    last: int

    def can_replace(self, message: Message) -> bool:
        """Only the latest range matters while scrolling."""
        return isinstance(message, VisibleChanged)


@dataclass
class ParagraphsSegmented(Message):
    """Some paragraphs were tokenized with ``segmenter`` (by index) by segmentation run ``run``; ``done``: the
    whole article now is."""

    segmenter: Segmenter
    tokens: dict[int, list[Token]]
    done: bool = False
    run: int = 0
