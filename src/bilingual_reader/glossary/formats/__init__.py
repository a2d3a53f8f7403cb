"""Glossary exchange formats (OmegaT TSV, CSV, TBX, JSON) and the dispatch between them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bilingual_reader.glossary.formats.common import (
    BadRow,
    FormatError,
    ParsedConcept,
    ParseResult,
    paused_gc,
)
from bilingual_reader.glossary.formats.csvfmt import read_csv, write_csv
from bilingual_reader.glossary.formats.jsonfmt import read_json, write_json
from bilingual_reader.glossary.formats.omegat import read_omegat, write_omegat
from bilingual_reader.glossary.formats.tbx import read_tbx, write_tbx
from bilingual_reader.glossary.models import Concept

__all__ = [
    "FORMATS",
    "FORMAT_NAMES",
    "BadRow",
    "Format",
    "FormatError",
    "ParseResult",
    "ParsedConcept",
    "detect_format",
    "export_file",
    "read_file",
]


@dataclass(frozen=True)
class Format:
    """One exchange format: its reader, writer and file name suffixes."""

    name: str
    read: Callable[[Path], ParseResult]
    write: Callable[[list[Concept], Path], None]
    suffixes: tuple[str, ...]


FORMATS: dict[str, Format] = {
    "omegat": Format("omegat", read_omegat, write_omegat, (".txt", ".utf8", ".tab", ".tsv")),
    "csv": Format("csv", read_csv, write_csv, (".csv",)),
    "tbx": Format("tbx", read_tbx, write_tbx, (".tbx", ".xml")),
    "json": Format("json", read_json, write_json, (".json",)),
}
FORMAT_NAMES = ("auto", *FORMATS)


def detect_format(path: Path, name: str = "auto") -> Format:
    """The format called ``name``, or for ``auto`` the one the file name suffix implies."""
    if name != "auto":
        if name not in FORMATS:
            raise FormatError(f"unknown format {name!r} (choose from {', '.join(FORMAT_NAMES)})")
        return FORMATS[name]
    suffix = path.suffix.lower()
    for fmt in FORMATS.values():
        if suffix in fmt.suffixes:
            return fmt
    raise FormatError(f"{path}: cannot tell the format from the suffix {suffix!r}; use --format")


def read_file(path: Path, name: str = "auto") -> ParseResult:
    """Parse ``path`` in format ``name``; raises ``FormatError`` for an unreadable file."""
    fmt = detect_format(path, name)
    with paused_gc():
        return fmt.read(path)


def export_file(concepts: list[Concept], path: Path, name: str = "auto") -> None:
    """Write ``concepts`` to ``path`` in format ``name``; ``FormatError`` if it cannot be written."""
    fmt = detect_format(path, name)
    try:
        fmt.write(concepts, path)
    except OSError as err:
        raise FormatError(f"{path}: cannot write: {err.strerror or err}") from None
