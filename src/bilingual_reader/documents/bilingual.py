"""Bilingual files from CAT tools: XLIFF 1.2, XLIFF 2.0 and TMX (through translate-toolkit), read as Thai
source and English target units, and an article written as XLIFF 1.2 for post-editing.

Parsing is safe: the bytes are read bounded, defusedxml refuses entity declarations and external references
(XML bombs) before translate-toolkit's lxml parser sees them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Any

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from bilingual_reader.files import FileProblem, read_input
from bilingual_reader.thai.text import clean_text

__all__ = [
    "MAX_BILINGUAL_BYTES",
    "SUFFIXES",
    "Bilingual",
    "BilingualError",
    "Unit",
    "parse_bilingual",
    "read_bilingual",
    "xliff_bytes",
]

#: Largest XLIFF/TMX file read (16 MiB): a largest article's Thai and English with markup.
MAX_BILINGUAL_BYTES = 16 * 1024**2
SUFFIXES = (".xlf", ".xliff", ".tmx")
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_XLIFF12 = "urn:oasis:names:tc:xliff:document:1.2"
_MT_ORIGIN = "machine-translation"
_MACHINE_NOTE = "machine translation"  # a TMX note saying the English is a model's, not yet reviewed


class BilingualError(Exception):
    """A bilingual file that cannot be used; ``str()`` is one line naming the file (and line)."""


@dataclass(frozen=True)
class Unit:
    """One translation unit: its id in the file, the Thai source, the English target (None if empty), the
    machine translation it started from (our XLIFF's ``alt-trans``; None if unknown) and whether the target
    still waits for review (XLIFF ``state="needs-review-translation"``; a TMX note "machine translation")."""

    id: str
    thai: str
    english: str | None
    machine: str | None = None
    needs_review: bool = False


@dataclass(frozen=True)
class Bilingual:
    """The units of a bilingual file, in file order."""

    path: Path
    format: str  # "xliff-1.2", "xliff-2.0" or "tmx"
    units: tuple[Unit, ...]

    @property
    def thai(self) -> list[str]:
        """The Thai sources, as the paragraphs of a document."""
        return [u.thai for u in self.units]

    @property
    def english(self) -> list[str | None]:
        """The English targets, aligned with :attr:`thai`."""
        return [u.english for u in self.units]


def _safe_root(path: Path, data: bytes) -> Any:
    if not data.strip():
        raise BilingualError(f"{path}: empty file")
    try:
        return SafeET.fromstring(data)
    except DefusedXmlException as err:
        raise BilingualError(f"{path}: refused unsafe XML ({type(err).__name__})") from None
    except SafeET.ParseError as err:
        line = err.position[0] if err.position else 1
        raise BilingualError(f"{path}:{line}: bad XML: {str(err).split(':')[0]}") from None


def read_bilingual(path: str | Path) -> Bilingual:
    """Read an XLIFF 1.x/2.0 or TMX file; Thai must be the source language (or the ``th`` TMX variant)."""
    file = Path(path)
    try:
        data = read_input(file, MAX_BILINGUAL_BYTES, "XLIFF or TMX file")
    except FileProblem as err:
        raise BilingualError(str(err)) from None
    return parse_bilingual(file, data)


def parse_bilingual(file: Path, data: bytes) -> Bilingual:
    """Parse the bytes of an XLIFF or TMX file already read (``file`` names it in errors)."""
    root = _safe_root(file, data)
    tag = root.tag.rsplit("}", 1)[-1]
    try:
        if tag == "tmx":
            return Bilingual(file, "tmx", tuple(_tmx_units(file, data)))
        if tag == "xliff":
            if str(root.get("version", "")).startswith("2") or ":2." in root.tag:
                return Bilingual(file, "xliff-2.0", tuple(_xliff2_units(file, data)))
            return Bilingual(file, "xliff-1.2", tuple(_xliff1_units(file, data)))
    except (ValueError, AssertionError, AttributeError, KeyError) as err:
        detail = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise BilingualError(f"{file}: not a usable bilingual file ({detail})") from None
    raise BilingualError(f"{file}: not XLIFF or TMX (root element <{tag}>)")


def _english(text: object) -> str | None:
    cleaned = " ".join(clean_text(str(text or "")).split())
    return cleaned or None


def _xliff1_units(path: Path, data: bytes) -> list[Unit]:
    from translate.storage.xliff import xlifffile

    store: Any = xlifffile(BytesIO(data))
    units = []
    for n, unit in enumerate(store.getunits(), 1):
        if unit.isheader() or not unit.source:
            continue
        alternatives = unit.getalttrans(origin=_MT_ORIGIN)
        machine = _english(alternatives[0].target) if alternatives else None
        target = unit.xmlelement.find(unit.namespaced("target"))
        review = target is not None and str(target.get("state", "")).startswith("needs-review")
        uid = str(unit.xmlelement.get("id") or n)
        units.append(Unit(uid, clean_text(str(unit.source)).strip(), _english(unit.target), machine, review))
    return _checked(path, units)


def _xliff2_units(path: Path, data: bytes) -> list[Unit]:
    from translate.storage.xliff2 import Xliff2File

    store: Any = Xliff2File(BytesIO(data))
    units = [
        Unit(str(unit.getid() or n), clean_text(str(unit.source)).strip(), _english(unit.target))
        for n, unit in enumerate(store.units, 1)
        if unit.source
    ]
    return _checked(path, units)


def _tmx_units(path: Path, data: bytes) -> list[Unit]:
    from translate.storage.tmx import tmxfile

    store: Any = tmxfile(BytesIO(data))
    units = []
    for n, unit in enumerate(store.units, 1):
        sides: dict[str, str] = {}
        for node in unit.getlanguageNodes():
            lang = str(node.get(_XML_LANG) or "").lower()[:2]
            text = unit.getNodeText(node)
            if lang in ("th", "en") and text and lang not in sides:
                sides[lang] = text
        if "th" in sides:
            machine = _MACHINE_NOTE in str(unit.getnotes() or "")  # a class pack's unreviewed English
            english = _english(sides.get("en"))
            units.append(Unit(str(n), clean_text(sides["th"]).strip(), english, needs_review=machine))
    return _checked(path, units)


def _checked(path: Path, units: list[Unit]) -> list[Unit]:
    if not units:
        raise BilingualError(f"{path}: no translation unit with a Thai source")
    return units


def xliff_bytes(
    name: str,
    thai: Sequence[str],
    english: Sequence[str | None],
    machine: Sequence[bool] | None = None,
    first: int = 1,
) -> bytes:
    """An XLIFF 1.2 file for post-editing in a CAT tool: one unit per paragraph (id ``p1``, ``p2`` …, from
    ``p{first}``), Thai source, English target marked ``needs-review-translation`` where it is machine
    translation."""
    from translate.storage import xliff

    unit_base: Any = xliff.Xliff1Unit
    file_base: Any = xliff.xlifffile

    class Unit12(unit_base):  # type: ignore[misc]
        namespace = _XLIFF12

    class Xliff12(file_base):  # type: ignore[misc]
        UnitClass = Unit12
        XMLskeleton = file_base.XMLskeleton.replace("1.1", "1.2").replace("NoName", "article")
        namespace = _XLIFF12

    store: Any = Xliff12(sourcelanguage="th-TH", targetlanguage="en-US")
    store.setfilename(store.getfilenode("article"), name)
    for index, source in enumerate(thai):
        unit = store.addsourceunit(source, filename=name)
        unit.setid(f"p{index + first}")
        target = english[index] if index < len(english) else None
        if target:
            unit.target = target
            if machine is None or machine[index]:
                unit.xmlelement.find(unit.namespaced("target")).set("state", "needs-review-translation")
                unit.markapproved(False)
                unit.addalttrans(target, origin=_MT_ORIGIN, lang="en-US")
    return bytes(store)
