"""Making a class pack: the articles, the glossary concepts found in them (or the whole glossary), and the
teacher's English for their paragraphs, zipped with a manifest of sizes and checksums."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bilingual_reader.glossary.formats.jsonfmt import json_text
from bilingual_reader.teaching.english import Origin, article_english
from bilingual_reader.teaching.found_terms import concepts_in
from bilingual_reader.teaching.pack_format import (
    ARTICLES,
    CARDS,
    FORMAT,
    GLOSSARY,
    MANIFEST,
    MAX_ARTICLES,
    MEMORY,
    VERSION,
    PackError,
    anki_problem,
    safe_name,
)

if TYPE_CHECKING:
    from bilingual_reader.documents.articles import Article
    from bilingual_reader.glossary.store import Glossary
    from bilingual_reader.translation.memory import TranslationMemory

__all__ = ["PackContents", "pack_bytes"]

_STAMP = (2020, 1, 1, 0, 0, 0)  # every member's time: a pack does not say when it was made


@dataclass(frozen=True)
class PackContents:
    """What went into a pack: its bytes, and how many articles, concepts and English paragraphs."""

    data: bytes
    articles: int
    concepts: int
    english: int


def _file_names(articles: Sequence[Article]) -> list[str]:
    names: list[str] = []
    for index, article in enumerate(articles, 1):
        stem = article.path.stem if article.path is not None else f"article-{index}"
        base = stem if safe_name(stem) else f"article-{index}"
        name, number = f"{base}.txt", 2
        while name in names:
            name, number = f"{base}-{number}.txt", number + 1
        names.append(name)
    return names


def _tmx(articles: Sequence[Article], memory: TranslationMemory | None) -> tuple[bytes, int]:
    from translate.storage import tmx

    store = tmx.tmxfile(sourcelanguage="th", targetlanguage="en")
    units = 0
    for article in articles if memory is not None else ():
        assert memory is not None
        for thai, english in zip(article.paragraphs, article_english(article.article_id, article.paragraphs,
                                                                      memory), strict=True):  # fmt: skip
            if english.origin is not Origin.NONE:
                store.addtranslation(thai, "th", english.text, "en", comment=f"teacher: {english.origin}")
                units += 1
    return bytes(store), units


def pack_bytes(
    name: str,
    articles: Sequence[Article],
    glossary: Glossary,
    memory: TranslationMemory | None,
    *,
    whole_glossary: bool = False,
    cards: bytes | None = None,
) -> PackContents:
    """The pack called ``name`` for ``articles`` (``cards``: an Anki package to put in it); raises
    :class:`PackError` for a bad name or count."""
    if not safe_name(name):
        raise PackError(f"{name!r}: a pack's name is letters, digits, spaces, dots, dashes and underscores")
    if not 1 <= len(articles) <= MAX_ARTICLES:
        raise PackError(f"a pack holds 1 to {MAX_ARTICLES} articles, not {len(articles)}")
    concepts = (
        glossary.concepts() if whole_glossary else concepts_in((a.paragraphs for a in articles), glossary)
    )
    tmx, english = _tmx(articles, memory)
    members = {
        f"{ARTICLES}{file}": ("\n".join(article.paragraphs) + "\n").encode("utf-8")
        for file, article in zip(_file_names(articles), articles, strict=True)
    }
    members[GLOSSARY] = json_text(concepts).encode("utf-8")
    if english:
        members[MEMORY] = tmx
    if cards is not None:
        problem = anki_problem(cards)
        if problem is not None:
            raise PackError(f"the flashcards are {problem}")
        members[CARDS] = cards
    listed = [
        {"path": path, "size": len(body), "sha256": hashlib.sha256(body).hexdigest()}
        for path, body in members.items()
    ]
    manifest = {"format": FORMAT, "version": VERSION, "name": name, "files": listed}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for path, body in [(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1).encode()),
                           *members.items()]:  # fmt: skip
            info = zipfile.ZipInfo(path, _STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, body)
    return PackContents(buffer.getvalue(), len(articles), len(concepts), english)
