"""Messages the reader's workers and widgets post: past-tense events."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from bilingual_reader.thai.segmenter import Segmenter, Token


class ArticleSegmented(Message):
    """A segmenter was built (or reused) and every paragraph of the article was tokenized with it."""

    def __init__(self, segmenter: Segmenter, tokens: Sequence[Sequence[Token]]) -> None:
        super().__init__()
        self.segmenter = segmenter
        self.tokens = tokens


class WordClicked(Message):
    """The user clicked a word of a paragraph."""

    def __init__(self, paragraph: int, token: int) -> None:
        super().__init__()
        self.paragraph = paragraph
        self.token = token
