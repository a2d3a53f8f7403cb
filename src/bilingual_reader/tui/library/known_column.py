"""The Known column of the library screen: the share of each text's distinct words the learner knows.

A text's words are read and segmented once (then kept in the library database), which takes seconds for a
book: a thread worker loops over ``library.known.text_word_keys`` with a library connection of its own and
posts each text's words; the screen (the UI thread, which owns the learner database) counts them with one
query and fills the cell.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from bilingual_reader.learner.store import LearnerStore
    from bilingual_reader.thai.segmenter import Segmenter
    from bilingual_reader.tui.services import ReaderServices


class KnownWords(Message):
    """A text's distinct word keys (None: its file cannot be read), found by the worker."""

    def __init__(self, article_id: str, keys: set[str] | None) -> None:
        super().__init__()
        self.article_id = article_id
        self.keys = keys


@dataclass(frozen=True)
class KnownSource:
    """What the Known column needs: the library file for the worker's own connection (None: the user's),
    a segmenter (built in the worker), and the learner database (opened on the UI thread)."""

    library_path: Path | None
    segmenter: Callable[[], Segmenter]
    learner: Callable[[], LearnerStore]

    @classmethod
    def of(cls, services: ReaderServices) -> KnownSource:
        """The source for the app's services: the glossary's terms are read now, on the UI thread."""
        glossary = services.glossary
        terms = set(glossary.thai_terms()) if glossary is not None else set()
        return cls(services.reading.path, lambda: services.segmenter(terms), services.open_learner)


def find_known_words(
    source: KnownSource,
    texts: list[tuple[str, Path]],
    post: Callable[[KnownWords], object],
    cancelled: Callable[[], bool],
) -> None:
    """Post each text's word keys (blocking: run in a thread worker)."""
    from bilingual_reader.library.known import text_word_keys
    from bilingual_reader.library.store import Library, LibraryError

    try:
        library = Library.open(source.library_path)
    except LibraryError:
        return
    try:
        for article_id, keys in text_word_keys(library, texts, source.segmenter):
            if cancelled():
                return
            post(KnownWords(article_id, keys))
    finally:
        library.close()


def share_text(share: float | None) -> str:
    """How a cell shows a share: ``42%``, ``?`` for a file that cannot be read."""
    return "?" if share is None else f"{share:.0%}"
