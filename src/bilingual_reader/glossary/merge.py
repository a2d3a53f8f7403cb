"""``glossary merge OTHER.db``: bring another glossary's concepts in, with the import conflict policies."""

from __future__ import annotations

from pathlib import Path

from bilingual_reader.glossary.errors import GlossaryError
from bilingual_reader.glossary.formats import ParsedConcept, ParseResult
from bilingual_reader.glossary.importing import ImportReport, OnConflict, import_concepts
from bilingual_reader.glossary.store import Glossary

__all__ = ["merge_glossary"]


def merge_glossary(
    glossary: Glossary,
    other: Path,
    *,
    on_conflict: OnConflict | str = OnConflict.SKIP,
    dry_run: bool = False,
) -> ImportReport:
    """Import every concept of the glossary file ``other`` (opened read-only) into ``glossary``."""
    if glossary.path is not None and other.exists() and glossary.path.resolve() == other.resolve():
        raise GlossaryError(f"{other}: cannot merge a glossary into itself")
    if not other.is_file():
        raise GlossaryError(f"{other}: no such glossary file")
    with Glossary.open(other, read_only=True) as source:
        concepts = source.concepts()
    parsed = ParseResult(concepts=[ParsedConcept(c.id or 0, c) for c in concepts])
    origin = f"merge {other.name}"
    return import_concepts(
        glossary, parsed, source=str(other), on_conflict=on_conflict, dry_run=dry_run, origin=origin
    )
