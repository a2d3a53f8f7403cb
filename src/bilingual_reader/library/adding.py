"""Adding documents to the library: every one is read (any format, or standard input) and checked first;
then the copies are written into the library folder and all the records in one transaction.

Nothing is added when any document cannot be read (the error names it); copies written for records that
could not be saved are removed again.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bilingual_reader import paths
from bilingual_reader.documents.articles import Article
from bilingual_reader.documents.errors import ArticleError
from bilingual_reader.documents.opening import (
    STDIN,
    SUFFIXES,
    document_from_bytes,
    kind_of,
    limit_for,
    read_stdin,
)
from bilingual_reader.files import FileProblem, read_input, write_output
from bilingual_reader.library.store import Entry, Library, NewText

__all__ = ["Added", "add_documents", "library_folder"]

_SUFFIX_OF_KIND = {
    "text": ".txt",
    "epub": ".epub",
    "html": ".html",
    "markdown": ".md",
    "srt": ".srt",
    "vtt": ".vtt",
}
_STDIN_NAME = "<standard input>"


@dataclass(frozen=True)
class Added:
    """What adding one document did: its entry, and whether it was in the library already (unchanged)."""

    entry: Entry
    already: bool


def library_folder() -> Path:
    """Where the library keeps its copies: ``library/`` in the data folder."""
    return paths.data_dir() / "library"


def add_documents(
    library: Library, sources: Sequence[str | os.PathLike[str]], folder: Path | None = None
) -> list[Added]:
    """Add the documents at ``sources`` (``"-"``: standard input) to ``library``, in order. Raises
    ``ArticleError`` (one line naming the file) before anything is written if one cannot be read."""
    read = [_read(source) for source in sources]
    target = folder or library_folder()
    new: dict[str, tuple[bytes, NewText]] = {}
    for data, article, source in read:
        if library.find(article.article_id) is None and article.article_id not in new:
            name = article.article_id[:24] + _SUFFIX_OF_KIND.get(article.kind, ".txt")
            chars = sum(len(p) for p in article.paragraphs)
            text = NewText(
                article.article_id, article.title, article.kind, name, source, len(article.paragraphs), chars
            )
            new[article.article_id] = (data, text)
    written: list[Path] = []
    try:
        if new:
            paths.private_folder(target)
        for data, text in new.values():
            write_output(target / text.file, data)
            written.append(target / text.file)
        library.add_texts([text for _, text in new.values()])
    except BaseException:
        for copy in written:
            with contextlib.suppress(OSError):
                copy.unlink()
        raise
    results = []
    for _, article, _ in read:
        entry = library.find(article.article_id)
        assert entry is not None
        results.append(Added(entry, article.article_id not in new))
        new.pop(article.article_id, None)
    return results


def _read(source: str | os.PathLike[str]) -> tuple[bytes, Article, str]:
    if str(source) == STDIN:
        data = read_stdin()
        return data, document_from_bytes(data, _STDIN_NAME, None), _STDIN_NAME
    path = Path(source)
    kind = SUFFIXES.get(path.suffix.lower())
    try:
        data = read_input(path, limit_for(kind), "document")
    except FileProblem as err:
        raise ArticleError(str(err)) from None
    article = document_from_bytes(data, str(path), path, kind or kind_of(data))
    return data, article, str(path.resolve())
