"""The known share of the library's texts: each text's distinct Thai words (segmented once, then kept in
the library database) against the learner's statuses (one query per text)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from bilingual_reader.documents.errors import ArticleError
from bilingual_reader.documents.opening import open_document
from bilingual_reader.learner.counts import count_statuses, word_keys
from bilingual_reader.library.store import Entry, Library

if TYPE_CHECKING:
    from bilingual_reader.learner.store import LearnerStore
    from bilingual_reader.thai.segmenter import Segmenter

__all__ = ["known_shares"]


def known_shares(
    library: Library,
    entries: Iterable[Entry],
    learner: LearnerStore,
    segmenter: Callable[[], Segmenter],
    folder: Path,
) -> dict[int, float | None]:
    """Each entry's known share (0–1; None when its copy cannot be read). ``segmenter()`` is called only
    when a text's words were never saved."""
    shares: dict[int, float | None] = {}
    for entry in entries:
        keys = library.word_keys(entry.article_id)
        if keys is None:
            try:
                article = open_document(folder / entry.file)
            except ArticleError:
                shares[entry.id] = None
                continue
            tokenizer = segmenter()
            keys = word_keys(tokenizer.tokenize(p) for p in article.paragraphs)
            library.save_word_keys(entry.article_id, keys)
        shares[entry.id] = count_statuses(keys, learner.statuses(sorted(keys))).known_share
    return shares
