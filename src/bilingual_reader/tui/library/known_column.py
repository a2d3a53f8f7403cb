"""The Known column of the library screen: the share of each text's distinct words the learner knows.

A text's words are read and segmented once (then kept in the library database), which takes seconds for a
book, and counting them against the learner's statuses grows with the text too: a thread worker loops over
``library.known.text_word_keys`` with library and learner connections of its own (the learner's read-only)
and posts each text's share; the screen only fills the cell.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from bilingual_reader.thai.segmenter import Segmenter
    from bilingual_reader.tui.services import ReaderServices


class KnownWords(Message):
    """The share of a text's distinct words the learner knows (None: its file cannot be read)."""

    def __init__(self, article_id: str, share: float | None) -> None:
        super().__init__()
        self.article_id = article_id
        self.share = share


@dataclass(frozen=True)
class KnownSource:
    """What the Known column needs: the library and learner files for the worker's own connections (None:
    the user's library; no learner file: nothing known), and a segmenter (built in the worker)."""

    library_path: Path | None
    segmenter: Callable[[], Segmenter]
    learner_path: Path | None

    @classmethod
    def of(cls, services: ReaderServices) -> KnownSource:
        """The source for the app's services: the glossary's terms are read now, on the UI thread."""
        glossary = services.glossary
        terms = set(glossary.thai_terms()) if glossary is not None else set()
        learner = services.open_learner().path
        return cls(services.reading.path, lambda: services.segmenter(terms), learner)


def find_known_words(
    source: KnownSource,
    texts: list[tuple[str, Path]],
    post: Callable[[KnownWords], object],
    cancelled: Callable[[], bool],
) -> None:
    """Post each text's known share (blocking: run in a thread worker)."""
    from bilingual_reader.learner.opening import LearnerError
    from bilingual_reader.learner.store import LearnerStore
    from bilingual_reader.library.known import known_share, text_word_keys
    from bilingual_reader.library.store import Library, LibraryError

    try:
        library = Library.open(source.library_path)
    except LibraryError:
        return
    path = source.learner_path
    try:
        learner = LearnerStore.open(path, read_only=True) if path and path.exists() else None
    except LearnerError:  # the reader already said why it cannot use it: nothing counts as known
        learner = None
    learner = learner or LearnerStore.memory(read_only=True)
    try:
        for article_id, keys in text_word_keys(library, texts, source.segmenter):
            if cancelled():
                return
            post(KnownWords(article_id, None if keys is None else known_share(keys, learner)))
    finally:
        learner.close()
        library.close()


def share_text(share: float | None) -> str:
    """How a cell shows a share: ``42%``, ``?`` for a file that cannot be read."""
    return "?" if share is None else f"{share:.0%}"
