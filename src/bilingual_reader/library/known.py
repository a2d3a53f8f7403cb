"""The known share of the library's texts: each text's distinct Thai words (segmented once, then kept in
the library database) against the learner's statuses (one query per text)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from bilingual_reader.documents.errors import ArticleError
from bilingual_reader.documents.opening import open_document
from bilingual_reader.learner.counts import count_statuses, word_keys
from bilingual_reader.library.store import Entry, Library

if TYPE_CHECKING:
    from bilingual_reader.learner.store import LearnerStore
    from bilingual_reader.thai.segmenter import Segmenter

__all__ = ["known_share", "known_shares", "text_word_keys"]


def known_shares(
    library: Library,
    entries: Iterable[Entry],
    learner: LearnerStore,
    segmenter: Callable[[], Segmenter],
    folder: Path,
) -> dict[int, float | None]:
    """Each entry's known share (0–1; None when its copy cannot be read). ``segmenter()`` is called only
    when a text's words were never saved."""
    by_article = {entry.article_id: entry.id for entry in entries}
    texts = [(entry.article_id, folder / entry.file) for entry in entries]
    return {
        by_article[article_id]: None if keys is None else known_share(keys, learner)
        for article_id, keys in text_word_keys(library, texts, segmenter)
    }


def known_share(keys: set[str], learner: LearnerStore) -> float:
    """The share of ``keys`` the learner knows (one query)."""
    return count_statuses(keys, learner.statuses(sorted(keys))).known_share


def text_word_keys(
    library: Library, texts: Iterable[tuple[str, Path]], segmenter: Callable[[], Segmenter]
) -> Iterator[tuple[str, set[str] | None]]:
    """For each ``(article_id, file)``: the text's distinct word keys (None: the file cannot be read), kept
    in ``library`` after the first time. Blocking (files, segmentation): the reader runs it in a worker
    with a library connection of the worker's own."""
    for article_id, file in texts:
        keys = library.word_keys(article_id)
        if keys is None:
            try:
                article = open_document(file)
            except ArticleError:
                yield article_id, None
                continue
            tokenizer = segmenter()
            keys = word_keys(tokenizer.tokenize(p) for p in article.paragraphs)
            library.save_word_keys(article_id, keys)
        yield article_id, keys
