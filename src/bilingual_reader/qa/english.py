"""Reading a supplied English translation (``--english``): paragraph-aligned plain text, or TMX."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from bilingual_reader.documents.bilingual import BilingualError, parse_bilingual
from bilingual_reader.files import FileProblem, not_utf8, read_input
from bilingual_reader.thai.text import clean_text, normalize_key

#: Largest ``--english`` file read, in bytes (16 MiB): the English of a largest article (5 MiB), as TMX
#: with its Thai side and markup.
MAX_ENGLISH_BYTES = 16 * 1024**2
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


class EnglishError(Exception):
    """An English file that cannot be used; ``str(err)`` is one line naming the file."""


def read_english(path: str | Path, paragraphs: Sequence[str]) -> list[str | None]:
    """The English for each Thai paragraph, from a ``.tmx`` file or paragraph-aligned plain text.

    Plain text: one paragraph per non-empty line (or per blank-line-separated block), exactly as many as
    the article has (its title line is a paragraph too). TMX: units whose Thai
    side is a paragraph, or sentences inside one (joined in order); a paragraph no unit covers is None.
    """
    file = Path(path)
    data = _read(file)
    if file.suffix.lower() == ".tmx" or data.lstrip().startswith((b"<?xml", b"<tmx")):
        return _from_tmx(file, data, paragraphs)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise EnglishError(str(not_utf8(file, data, err))) from None
    return list(align_plain(text, len(paragraphs), str(file)))


def _read(file: Path) -> bytes:
    """The file's bytes, with one-line errors for anything but a regular file of at most 16 MiB."""
    try:
        return read_input(file, MAX_ENGLISH_BYTES, "English text or TMX file")
    except FileProblem as err:
        raise EnglishError(str(err)) from None


def align_plain(text: str, count: int, name: str = "<text>") -> list[str]:
    """Split plain English into ``count`` paragraphs: its non-empty lines, else its blank-line blocks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [line for line in (" ".join(clean_text(raw).split()) for raw in text.split("\n")) if line]
    blocks = [
        block for block in (" ".join(clean_text(raw).split()) for raw in _BLANK_LINE.split(text)) if block
    ]
    for candidate in (lines, blocks):
        if len(candidate) == count:
            return candidate
    raise EnglishError(
        f"{name}: {len(lines)} non-empty English lines for {count} Thai lines: give one English line "
        "per Thai line, the title included"
    )


def _from_tmx(file: Path, data: bytes, paragraphs: Sequence[str]) -> list[str | None]:
    """Align the units of a TMX (or XLIFF) file to paragraphs by their normalized Thai side."""
    try:
        units = parse_bilingual(file, data).units
    except BilingualError as err:
        raise EnglishError(str(err)) from None
    pairs = [(normalize_key(u.thai), u.english) for u in units if u.english is not None]
    if not pairs:
        raise EnglishError(f"{file}: no translation unit with both a Thai and an English side")
    result = [_tmx_english(normalize_key(p), pairs) for p in paragraphs]
    if paragraphs and all(r is None for r in result):
        raise EnglishError(f"{file}: no translation unit matches a paragraph of the article")
    return result


def _tmx_english(paragraph: str, pairs: list[tuple[str, str]]) -> str | None:
    """The English of one paragraph: a unit matching it whole, else its sentence units in order."""
    for thai, english in pairs:
        if thai == paragraph:
            return english
    pieces = sorted((paragraph.find(thai), english) for thai, english in pairs if thai and thai in paragraph)
    return " ".join(english for _, english in pieces) if pieces else None
