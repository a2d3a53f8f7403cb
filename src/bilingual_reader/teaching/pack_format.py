"""The class pack's format: a zip holding ``manifest.json`` (format, version, name, and every other member
with its size and SHA-256), ``articles/*.txt`` (UTF-8), ``glossary.json`` (the glossary's JSON export) and
``memory.tmx`` (the teacher's English per paragraph), and optionally ``cards.apkg`` (flashcards: an Anki
package, as ``cards export`` writes it).

A pack passes between people: everything here is checked before a byte of it is used (see ``pack_read``).
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass

__all__ = [
    "ARTICLES",
    "CARDS",
    "FORMAT",
    "GLOSSARY",
    "LIMITS",
    "MANIFEST",
    "MAX_ARTICLES",
    "MAX_PACK_BYTES",
    "MAX_UNPACKED_BYTES",
    "MEMORY",
    "VERSION",
    "PackError",
    "PackMember",
    "anki_problem",
    "safe_name",
]

FORMAT = "bilingual-reader class pack"
VERSION = 1
MANIFEST = "manifest.json"
GLOSSARY = "glossary.json"
MEMORY = "memory.tmx"
CARDS = "cards.apkg"
ARTICLES = "articles/"
#: The largest pack file read (64 MiB), and the most its members may unpack to together (128 MiB).
MAX_PACK_BYTES = 64 * 1024**2
MAX_UNPACKED_BYTES = 128 * 1024**2
#: The largest each kind of member may be: an article as ``documents.articles``, the glossary as a glossary
#: import, the memory as a TMX file, the manifest 1 MiB.
LIMITS = {
    MANIFEST: 1024**2,
    GLOSSARY: 64 * 1024**2,
    MEMORY: 16 * 1024**2,
    CARDS: 32 * 1024**2,
    ARTICLES: 5 * 1024**2,
}
#: The most articles a pack may hold.
MAX_ARTICLES = 200
# A pack's name and its articles' file names: letters (any script), digits, spaces, dots, dashes and
# underscores; never a leading dot, never a path.
_NAME = re.compile(r"[^\W][\w .\-]{0,99}")


class PackError(Exception):
    """A class pack that cannot be used; ``str()`` is one line naming the pack (and the member)."""


@dataclass(frozen=True)
class PackMember:
    """A member named in the manifest: its path in the zip, size and SHA-256 hex."""

    path: str
    size: int
    sha256: str


def anki_problem(data: bytes) -> str | None:
    """Why ``data`` is not an Anki package (a zip holding a collection), or None when it is one."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as deck:
            names = set(deck.namelist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError) as err:
        return f"not an Anki package ({err})"
    if not names & {"collection.anki2", "collection.anki21", "collection.anki21b"}:
        return "not an Anki package (no collection in it)"
    return None


def safe_name(name: str) -> bool:
    """True for a name that can be a file or folder name as it is (no separators, no leading dot)."""
    return bool(_NAME.fullmatch(name)) and not name.endswith((".", " "))
