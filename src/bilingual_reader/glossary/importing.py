"""Importing concepts into a glossary: all-or-nothing or skipping bad rows, with a conflict policy."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import NamedTuple, TypedDict, Unpack

from bilingual_reader.glossary.cleaning import clean_concept
from bilingual_reader.glossary.conflicts import merge_concepts
from bilingual_reader.glossary.errors import GlossaryError
from bilingual_reader.glossary.formats import BadRow, ParsedConcept, ParseResult, read_file
from bilingual_reader.glossary.formats.common import check_concept, paused_gc
from bilingual_reader.glossary.models import Concept
from bilingual_reader.glossary.store import Glossary, utc_now
from bilingual_reader.glossary.writing import (
    insert_concepts,
    thai_index,
    update_concept,
    write_lock,
)
from bilingual_reader.thai.text import normalize_key

__all__ = ["ImportFailed", "ImportReport", "OnConflict", "import_concepts", "import_file"]


class OnConflict(StrEnum):
    """What to do when an incoming concept has a Thai term that a stored concept already has."""

    SKIP = "skip"
    REPLACE = "replace"
    MERGE = "merge"


class ImportFailed(GlossaryError):
    """Bad rows stopped an all-or-nothing import; ``errors`` holds one ``BadRow`` per row."""

    def __init__(self, source: str, errors: Sequence[BadRow]) -> None:
        self.errors = list(errors)
        count = len(self.errors)
        super().__init__(f"{source}: {count} bad row(s); nothing imported (--skip-bad imports the rest)")


@dataclass
class ImportReport:
    """What an import did (or, in a dry run, would do)."""

    source: str
    dry_run: bool = False
    added: int = 0
    replaced: int = 0
    merged: int = 0
    skipped: int = 0
    bad: list[BadRow] = field(default_factory=list)
    locked_seconds: float = 0.0  # how long the write lock was held

    def summary(self) -> str:
        """One line: the counts, with "would" in a dry run."""
        verb = "would " if self.dry_run else ""
        counts = (
            f"{verb}add {self.added}, {verb}replace {self.replaced}, {verb}merge {self.merged}, "
            f"skip {self.skipped} existing, {len(self.bad)} bad row(s)"
        )
        return f"{self.source}: {counts}" + (" (dry run: nothing written)" if self.dry_run else "")


def import_concepts(
    glossary: Glossary,
    parsed: ParseResult,
    *,
    source: str = "",
    on_conflict: OnConflict | str = OnConflict.SKIP,
    skip_bad: bool = False,
    dry_run: bool = False,
    origin: str = "",
) -> ImportReport:
    """Bring parsed concepts into ``glossary`` in one transaction (all kept or none).

    ``origin`` labels the concepts added or replaced (``import FILE``, ``class pack NAME``); a merged
    concept keeps its own.

    Any bad row raises ``ImportFailed`` before anything is written unless ``skip_bad``; a Thai term that an
    earlier row of the same file has is a bad row (a Thai term belongs to one concept). A conflict is an
    incoming concept having a Thai term of a concept already in the glossary (of several such concepts,
    the one sharing most terms, then the lowest id); ``on_conflict`` decides. Ids in the file are ignored.
    """
    policy = OnConflict(on_conflict)
    with paused_gc():
        return _import(glossary, parsed, source, policy, skip_bad, dry_run, origin)


def _import(
    glossary: Glossary,
    parsed: ParseResult,
    source: str,
    policy: OnConflict,
    skip_bad: bool,
    dry_run: bool,
    origin: str,
) -> ImportReport:
    prepared: list[_Prepared] = []  # slow normalization, before the lock
    errors = list(parsed.errors)
    first_line: dict[str, int] = {}  # Thai key -> the line of the row that has it
    for item in parsed.concepts:
        ready = _prepare(item)
        reason = check_concept(item.concept, ready.keys) or _repeated(ready, item.line, first_line)
        if reason:
            errors.append(BadRow(source, item.line, reason))
        else:
            prepared.append(ready)
    errors.sort(key=lambda e: e.line)
    if errors and not skip_bad:
        raise ImportFailed(source, errors)
    report = ImportReport(source=source, dry_run=dry_run, bad=errors)
    started = time.perf_counter()
    try:
        with write_lock(glossary) as conn:
            started = time.perf_counter()
            existing = thai_index(conn)
            now = utc_now()
            adds: list[tuple[Concept, Sequence[str]]] = []
            split: list[BadRow] = []  # rows that would update one concept with another one's Thai term
            for ready in prepared:
                candidates = sorted({cid for key in ready.thai for cid in existing.get(key, ())})
                target = _target(glossary, candidates, ready)
                if target is not None and policy is not OnConflict.SKIP and len(candidates) > 1:
                    split.append(BadRow(source, ready.line, _two_owners(glossary, ready, existing)))
                    continue
                if target is None:
                    report.added += 1
                    adds.append((replace(ready.concept, origin=origin or ready.concept.origin), ready.keys))
                    continue
                if policy is not OnConflict.SKIP:  # keep ids in file order around updates
                    insert_concepts(conn, adds, now)
                    adds = []
                _update(glossary, report, target, replace(ready.concept, origin=origin), policy)
            insert_concepts(conn, adds, now)
            if split and not skip_bad:
                raise ImportFailed(source, sorted(errors + split, key=lambda e: e.line))  # rolls back
            report.bad = sorted(errors + split, key=lambda e: e.line)
            if dry_run:
                raise _DryRun  # roll everything back
    except _DryRun:
        pass
    report.locked_seconds = time.perf_counter() - started
    return report


class _DryRun(Exception):
    """Raised inside the transaction to roll a dry run back."""


class _Prepared(NamedTuple):
    """An incoming concept without ids, its terms' keys (in term order), its Thai terms' keys and its line."""

    concept: Concept
    keys: tuple[str, ...]
    thai: tuple[str, ...]
    line: int


def _prepare(item: ParsedConcept) -> _Prepared:
    fresh = _fresh(item.concept)
    concept = clean_concept(fresh)
    keys = item.keys
    if keys is None or len(keys) != len(concept.terms) or concept is not fresh:
        keys = tuple([normalize_key(t.text) for t in concept.terms])
    thai = tuple(key for term, key in zip(concept.terms, keys, strict=True) if term.lang == "th")
    return _Prepared(concept, keys, thai, item.line)


def _repeated(ready: _Prepared, line: int, first_line: dict[str, int]) -> str | None:
    """Why a valid row repeats a Thai term of an earlier row (None if it does not); records its terms."""
    for key in ready.thai:
        if key in first_line:
            text = next(t.text for t, k in zip(ready.concept.terms, ready.keys, strict=True) if k == key)
            return f"the Thai term {text.strip()!r} is also on line {first_line[key]}"
    for key in ready.thai:
        first_line[key] = line
    return None


def _two_owners(glossary: Glossary, ready: _Prepared, existing: dict[str, list[int]]) -> str:
    """Why a row cannot replace or merge: its Thai terms belong to more than one stored concept."""
    owners: dict[int, str] = {}
    for term, key in zip(ready.concept.terms, ready.keys, strict=True):
        for cid in existing.get(key, ()) if term.lang == "th" else ():
            owners.setdefault(cid, term.text.strip())
    named = ", ".join(
        f"{text!r} to concept {cid} ({glossary.get(cid).headword})" for cid, text in owners.items()
    )
    return f"its Thai terms belong to {len(owners)} concepts: {named}; a Thai term belongs to one concept"


def _update(
    glossary: Glossary, report: ImportReport, target: int, concept: Concept, policy: OnConflict
) -> None:
    conn = glossary.db.conn
    if policy is OnConflict.SKIP:
        report.skipped += 1
    elif policy is OnConflict.REPLACE:
        report.replaced += 1
        update_concept(conn, replace(concept, id=target))
    else:
        report.merged += 1
        update_concept(conn, merge_concepts(glossary.get(target), concept))


def _target(glossary: Glossary, candidates: list[int], item: _Prepared) -> int | None:
    """The conflicting concept: among homonyms, the one sharing the most terms (then the lowest id)."""
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    keys = set(zip((t.lang for t in item.concept.terms), item.keys, strict=True))

    def shared(cid: int) -> tuple[int, int]:
        other = {(t.lang, normalize_key(t.text)) for t in glossary.get(cid).terms}
        return (len(keys & other), -cid)

    return max(candidates, key=shared)


def _fresh(concept: Concept) -> Concept:
    """The concept without its own or its terms' ids."""
    if concept.id is None and all(t.id is None for t in concept.terms):
        return concept
    return replace(concept, id=None, terms=tuple(replace(t, id=None) for t in concept.terms))


class ImportOptions(TypedDict, total=False):
    """``import_concepts``' policy options, passed on by ``import_file``."""

    on_conflict: OnConflict | str
    skip_bad: bool
    dry_run: bool
    origin: str


def import_file(
    glossary: Glossary, path: Path, *, fmt: str = "auto", **options: Unpack[ImportOptions]
) -> ImportReport:
    """Parse ``path`` (``FormatError`` if unreadable) and import it with ``import_concepts`` (the concepts'
    origin: ``import FILE-NAME`` unless ``options`` name one)."""
    options.setdefault("origin", f"import {path.name}")
    return import_concepts(glossary, read_file(path, fmt), source=str(path), **options)
