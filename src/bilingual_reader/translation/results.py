"""What the translation pipeline yields: each paragraph's English (:class:`ParagraphResult`), where it came
from (:data:`Source`), and what it needs of an article (:class:`ArticleLike`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, Protocol

from bilingual_reader.translation.engines.base import SentenceTranslation

if TYPE_CHECKING:
    from collections.abc import Sequence

    from bilingual_reader.translation.steering import SentenceSteering

Source = Literal["memory", "engine", "post-edit", "failed"]


class ArticleLike(Protocol):
    """What the pipeline needs of an article (``bilingual_reader.documents.articles.Article`` fits)."""

    @property
    def article_id(self) -> str: ...

    @property
    def paragraphs(self) -> Sequence[str]: ...


@dataclass(frozen=True)
class ParagraphResult:
    """One paragraph's English: ``english`` is what to show (the post-edit if any), ``machine`` the MT.

    With glossary steering, ``machine`` (and ``english`` without a post-edit) is the steered MT, and
    ``steering`` holds one record per sentence (its unsteered original and how it was fixed); ``sentences``
    stay the engine's own output. Post-edited paragraphs are never steered.
    """

    index: int
    thai: str
    english: str
    source: Source
    sentences: tuple[SentenceTranslation, ...] = ()
    flags: tuple[str, ...] = ()
    error: str | None = None
    machine: str = ""
    model: str = ""
    steering: tuple[SentenceSteering, ...] = ()
    unavailable: bool = False  # failed because the engine can translate nothing now (a server is down)
    teacher: bool = False  # the post-edit is a teacher's English brought by a class pack

    @property
    def unsteered(self) -> str:
        """The machine translation before glossary steering."""
        if not self.steering:
            return self.machine
        return " ".join(s.original for s in self.steering if s.original)
