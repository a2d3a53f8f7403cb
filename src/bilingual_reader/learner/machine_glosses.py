"""Machine glosses: words that nothing else glosses, each translated alone by the installed model and kept in
the translation memory (a lone word is filed like a sentence, so the next reader recalls it without the
engine). A headless generator: the reader runs it in a thread worker."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

from bilingual_reader.learner.glosses import short_gloss

if TYPE_CHECKING:
    from bilingual_reader.translation.session import TranslationSession

__all__ = ["machine_glosses"]


def machine_glosses(
    session: TranslationSession, words: Sequence[str], cancelled: Callable[[], bool] = lambda: False
) -> Iterator[tuple[str, str]]:
    """(word, short gloss) for each of ``words`` (normalized keys): first those the memory holds, then the
    rest from the engine (stored in the memory as they come). A session without an engine (a broken
    settings file) yields only what the memory holds. A word the model leaves empty is skipped."""
    from bilingual_reader.translation.engines.base import Recall, memory_key

    engine = session.engine
    model, settings = memory_key(engine, session.memory.latest_model), engine.settings_key
    recalled = session.memory.get_sentences(model, settings, words)
    for word in words:
        if word in recalled and (text := short_gloss(recalled[word].best)):
            yield word, text
    missing = [w for w in dict.fromkeys(words) if w not in recalled]
    if not missing or isinstance(engine, Recall) or settings is None or cancelled():
        return
    for translation in engine.translate(missing):
        session.memory.put_sentence(model, settings, translation)
        if text := short_gloss(translation.best):
            yield translation.source, text
        if cancelled():
            return
