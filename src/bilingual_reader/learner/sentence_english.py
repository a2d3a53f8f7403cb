"""The English of a sentence a word was met in, from the translation memory: the paragraph's post-edit when
the sentence is the whole paragraph, else the newest machine translation of the sentence."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bilingual_reader.learner.store import Place

if TYPE_CHECKING:
    from bilingual_reader.translation.memory import TranslationMemory

__all__ = ["MemoryEnglish"]


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
