"""The English of a sentence a word was met in, from the translation memory: the paragraph's post-edit when
the sentence is the whole paragraph, else the newest machine translation of the sentence."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from bilingual_reader.learner.store import Place

if TYPE_CHECKING:
    from bilingual_reader.translation.memory import TranslationMemory

__all__ = ["MemoryEnglish", "machine_gloss", "memory_english"]


class MemoryEnglish:
    """``SentenceEnglish`` over an open translation memory (used by the thread that opened it)."""

    def __init__(self, memory: TranslationMemory) -> None:
        """Read from ``memory``."""
        self.memory = memory

    def __call__(self, place: Place) -> str:
        """The sentence's English, or ``""`` when the memory has none."""
        from bilingual_reader.translation.memory import normalize_source

        if place.article and place.paragraph >= 0:
            edited = self.memory.get_post_edit(place.article, place.paragraph, place.sentence)
            if edited:
                return edited
        row = self.memory.conn.execute(
            "select best from sentences where source = ? order by created desc limit 1",
            [normalize_source(place.sentence)],
        ).fetchone()
        return "" if row is None else str(row[0])


@contextmanager
def memory_english(path: Path | None = None) -> Iterator[MemoryEnglish | None]:
    """The English of sentences from the translation memory at ``path`` (None: the user's), opened for the
    block and closed after it; None when there is no memory it can open."""
    from bilingual_reader.translation.errors import MemoryFileError
    from bilingual_reader.translation.memory import TranslationMemory, memory_path

    if not (path or memory_path()).exists():
        yield None
        return
    try:
        memory = TranslationMemory(path)
    except MemoryFileError:
        yield None
        return
    try:
        yield MemoryEnglish(memory)
    finally:
        memory.close()


def machine_gloss(english: MemoryEnglish, key: str) -> str:
    """The memory's translation of a normalized word alone (what the reader's machine gloss stored)."""
    return english(Place("", "", -1, key))
