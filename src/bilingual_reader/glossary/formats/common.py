"""Shared pieces of the exchange formats: parse results and one-line errors."""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from bilingual_reader.files import FileProblem, read_input, read_text_input
from bilingual_reader.glossary.models import Concept
from bilingual_reader.glossary.validation import concept_problems

__all__ = [
    "BadRow",
    "FormatError",
    "ParseResult",
    "ParsedConcept",
    "check_concept",
    "paused_gc",
    "read_bytes",
    "read_text",
]

#: Default subject field for imported concepts whose format carries none.
DEFAULT_SUBJECT = "general"
#: Largest glossary file read (import, ``glossary.tsv``), in bytes (64 MiB): about 200,000 concepts in JSON,
#: twice the largest glossary the import is benchmarked on; a larger file is refused before it is read.
MAX_GLOSSARY_FILE_BYTES = 64 * 1024**2


class FormatError(Exception):
    """A whole file cannot be read (encoding, syntax, unsafe XML); ``str(err)``: one line naming it."""


@dataclass(frozen=True)
class BadRow:
    """One rejected row: where it is and why."""

    path: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.reason}"


@dataclass(frozen=True)
class ParsedConcept:
    """A concept read from a file, with the line it starts on.

    ``keys``, if the reader computed them, are ``normalize_key`` of each term's text, in term order.
    """

    line: int
    concept: Concept
    keys: tuple[str, ...] | None = None


@dataclass
class ParseResult:
    """Everything read from one file: concepts in file order (validated on import) and the bad rows."""

    concepts: list[ParsedConcept] = field(default_factory=list)
    errors: list[BadRow] = field(default_factory=list)


def read_bytes(path: Path) -> bytes:
    """A glossary file's bytes: a regular file of at most ``MAX_GLOSSARY_FILE_BYTES`` (else FormatError)."""
    try:
        return read_input(path, MAX_GLOSSARY_FILE_BYTES, "glossary file")
    except FileProblem as err:
        raise FormatError(str(err)) from None


def read_text(path: Path) -> str:
    """The file's text as UTF-8 (a BOM is dropped); raise ``FormatError`` naming the file otherwise."""
    try:
        text = read_text_input(path, MAX_GLOSSARY_FILE_BYTES, "glossary file")
    except FileProblem as err:
        raise FormatError(str(err)) from None
    if "\x00" in text:
        raise FormatError(f"{path}: contains NUL bytes (UTF-16 or a binary file?)")
    return text


def check_concept(concept: Concept, keys: Sequence[str] | None = None) -> str | None:
    """Why ``concept`` cannot go into a glossary (the store's rules, one line), or None when it can.

    A subject outside ``SUBJECT_FIELDS`` is accepted (the store allows it), so a glossary with its own
    subjects round-trips. ``keys``: as for ``concept_problems``.
    """
    problems = concept_problems(concept, keys)
    return "; ".join(problems) if problems else None


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector for a bulk parse or import.

    Reading 100k concepts allocates millions of acyclic objects; each full collection would walk all of
    them again (it roughly doubled the JSON import time). The previous state is restored afterwards.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
