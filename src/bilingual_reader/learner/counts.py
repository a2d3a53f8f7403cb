"""An article's words by status: the distinct Thai words, how many are known, learning, unknown."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from bilingual_reader.learner.statuses import Status
from bilingual_reader.thai.text import is_thai, normalize_key

if TYPE_CHECKING:
    from bilingual_reader.learner.store import LearnerStore
    from bilingual_reader.thai.segmenter import Segmenter

__all__ = ["ArticleCounts", "article_counts", "count_statuses", "text_key", "token_key", "word_keys"]


class _TokenLike(Protocol):
    @property
    def text(self) -> str: ...


def text_key(text: str) -> str | None:
    """The learner key of a word, or None when it can have no status (numbers, Latin, punctuation)."""
    key = normalize_key(text)
    return key if is_thai(key) else None


def token_key(token: _TokenLike) -> str | None:
    """The learner key of a token (see :func:`text_key`)."""
    return text_key(token.text)


def word_keys(paragraphs: Iterable[Iterable[_TokenLike]]) -> set[str]:
    """The distinct learner keys of an article's tokens."""
    return {key for tokens in paragraphs for t in tokens if (key := token_key(t)) is not None}


@dataclass(frozen=True)
class ArticleCounts:
    """Distinct Thai words of an article by status. Ignored words are left out of ``words`` and the share."""

    words: int
    known: int
    learning: int
    unknown: int
    ignored: int

    @property
    def known_share(self) -> float:
        """Known words over the words counted (1.0 for an article without Thai words)."""
        return self.known / self.words if self.words else 1.0

    def header(self) -> str:
        """The reader header's summary: ``62% known · 14 unknown · 9 learning``; ``no Thai words counted``
        before any word is (the text is not segmented yet, or could not be, or has no Thai)."""
        if not self.words:
            return "no Thai words counted" + (f" · {self.ignored} ignored" if self.ignored else "")
        return f"{self.known_share:.0%} known · {self.unknown} unknown · {self.learning} learning"


def count_statuses(keys: Iterable[str], statuses: Mapping[str, Status]) -> ArticleCounts:
    """Count distinct ``keys`` by the ``statuses`` known for them (missing: unknown)."""
    known = learning = unknown = ignored = total = 0
    for key in set(keys):
        status = statuses.get(key, Status.UNKNOWN)
        if status is Status.IGNORED:
            ignored += 1
            continue
        total += 1
        if status.is_known:
            known += 1
        elif status.is_learning:
            learning += 1
        else:
            unknown += 1
    return ArticleCounts(total, known, learning, unknown, ignored)


def article_counts(store: LearnerStore, paragraphs: Sequence[str], segmenter: Segmenter) -> ArticleCounts:
    """Segment ``paragraphs`` and count their words by the learner's statuses (one status query)."""
    keys = word_keys(segmenter.tokenize(p) for p in paragraphs)
    return count_statuses(keys, store.statuses(keys))
