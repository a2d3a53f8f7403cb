"""Writing a handout from the reader: a private copy of the glossary for the worker thread, a file name that
overwrites nothing, and the write itself (through ``files.write_output``)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from bilingual_reader import paths
from bilingual_reader.files import check_destination, write_output
from bilingual_reader.glossary.store import Glossary
from bilingual_reader.teaching.handout import HandoutOptions, handout_html
from bilingual_reader.translation.errors import MemoryFileError
from bilingual_reader.translation.memory import TranslationMemory, memory_path

if TYPE_CHECKING:
    from bilingual_reader.documents.articles import Article

__all__ = ["glossary_copy", "handout_target", "write_handout"]


def glossary_copy(glossary: Glossary) -> Glossary:
    """A read-only in-memory copy of ``glossary`` that another thread may take over (call it on the thread
    that owns ``glossary``; the copy is cheap: SQLite's backup of a few hundred kilobytes)."""
    conn = sqlite3.connect(":memory:", check_same_thread=False)
    glossary.conn.backup(conn)
    return Glossary(conn, None, read_only=True)


def handout_target(article: Article, folder: Path | None = None) -> Path:
    """Where the reader writes a handout: ``<article>-handout.html`` in ``folder`` (default: the working
    folder when it is writable, else ``handouts/`` in the data folder), numbered so nothing is overwritten."""
    if folder is None:
        folder = Path.cwd()
        if not os.access(folder, os.W_OK):
            folder = paths.data_dir() / "handouts"
            paths.private_folder(folder)
    stem = article.path.stem if article.path is not None else "article"
    target = folder / f"{stem}-handout.html"
    number = 2
    while target.exists():
        target = folder / f"{stem}-handout-{number}.html"
        number += 1
    return target


def write_handout(
    article: Article,
    glossary: Glossary,
    target: Path,
    options: HandoutOptions | None = None,
    memory_file: Path | None = None,
) -> Path:
    """Build the handout (the English from the memory at ``memory_file``, default the user's, when it
    exists) and write it to ``target``; returns ``target``. Raises ``FileProblem`` or ``OSError``."""
    check_destination(target)
    location = memory_file or memory_path()
    memory = None
    if location.exists():
        try:
            memory = TranslationMemory(location)
        except MemoryFileError:
            memory = None  # the handout says the English is missing; the reader reports a broken memory
    try:
        page = handout_html(article, glossary, memory, options or HandoutOptions())
    finally:
        if memory is not None:
            memory.close()
    write_output(target, page)
    return target
