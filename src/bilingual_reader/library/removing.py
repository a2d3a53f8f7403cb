"""Removing texts from the library: the records first (one transaction each), then their copies."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from pathlib import Path

from bilingual_reader.library.adding import library_folder
from bilingual_reader.library.store import Entry, Library

__all__ = ["remove_texts"]


def remove_texts(library: Library, ids: Iterable[int], folder: Path | None = None) -> list[Entry]:
    """Remove the texts with these ids (unknown ids are skipped); returns the entries removed."""
    removed = []
    for text_id in ids:
        entry = library.remove(text_id)
        if entry is None:
            continue
        removed.append(entry)
        with contextlib.suppress(OSError):
            ((folder or library_folder()) / Path(entry.file).name).unlink()
    return removed
