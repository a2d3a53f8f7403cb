"""The rows of the library screen: the user's texts, then the articles shipped with the program (the
sample first), so that a new user always finds something to open, even with an empty library."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from bilingual_reader.documents.articles import list_articles
from bilingual_reader.documents.errors import ArticleError
from bilingual_reader.documents.opening import open_document

if TYPE_CHECKING:
    from bilingual_reader.library.store import Library

#: The kind shown for a shipped article.
BUILT_IN = "built-in"


@dataclass(frozen=True)
class Row:
    """One text of the library screen. ``entry_id`` None: a shipped article (it cannot be removed)."""

    key: str
    title: str
    kind: str
    characters: int
    progress: float
    opened_at: str | None
    path: Path
    article_id: str
    entry_id: int | None = None


def library_rows(library: Library, folder: Path) -> list[Row]:
    """The texts added to ``library`` (copies in ``folder``)."""
    return [
        Row(
            str(e.id),
            e.title,
            e.kind,
            e.characters,
            e.progress,
            e.opened_at,
            folder / e.file,
            e.article_id,
            e.id,
        )
        for e in library.entries()
    ]


def built_in_rows(library: Library, articles: Path | None = None) -> list[Row]:
    """The shipped articles (``articles``: their folder, default the shipped one) not also added to the
    library, with where each was left. Small plain-text files, read on the UI thread."""
    added = {e.article_id for e in library.entries()}
    rows = []
    for number, path in enumerate(list_articles(articles)):
        try:
            article = open_document(path)
        except ArticleError:
            continue
        if article.article_id in added:
            continue
        read = library.read_at(article.article_id)
        progress = 0.0
        if read is not None and article.paragraphs:
            progress = min(1.0, (read[0].paragraph + 1) / len(article.paragraphs))
        title = article.title or path.stem
        kind = f"{BUILT_IN} (sample)" if number == 0 else BUILT_IN
        rows.append(
            Row(
                f"built-in:{path.name}",
                title,
                kind,
                sum(map(len, article.paragraphs)),
                progress,
                None if read is None else read[1],
                path,
                article.article_id,
            )
        )
    return rows
