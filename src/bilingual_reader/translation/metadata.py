"""An Argos package's ``metadata.json``: every field real packages carry accepted, hostile values refused.

Real metadata (argospm-index entries, packages converted by LibreTranslate Locomotive) carries
``package_version`` ("1.9", "1.0", sometimes a number), ``argos_version``, ``from_code``/``from_name``,
``to_code``/``to_name``, ``links`` (https, ipfs, even "ifps" typos, or absent), ``code``, ``type``,
``languages``, ``dependencies``, ``source_languages``/``target_languages``, ``from_codes``/``to_codes`` and
``target_prefix``. Unknown fields are ignored; a known field of the wrong type, text with control characters
or an absurd length is refused, as is anything that is not a JSON object.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SOURCE, TARGET = "th", "en"
MAX_METADATA_BYTES = 1024**2
TEXT_FIELDS: tuple[str, ...] = (
    "from_name",
    "to_name",
    "code",
    "type",
    "from_code",
    "to_code",
    "target_prefix",
)
LIST_FIELDS = (
    "links",
    "languages",
    "dependencies",
    "source_languages",
    "target_languages",
    "from_codes",
    "to_codes",
)


class PackageError(Exception):
    """A package file or directory that cannot be used; ``str(err)`` is one line naming the file."""


class ForeignPackage(PackageError):
    """A readable package of another kind or language pair."""


def fail(path: Path, reason: str) -> PackageError:
    """A :class:`PackageError` naming ``path``."""
    return PackageError(f"{path}: {reason}")


@dataclass(frozen=True)
class Metadata:
    """The fields of a Thai→English package's metadata.json that the reader uses."""

    version: str
    target_prefix: str
    argos_version: str


def clean_text(value: str, limit: int = 200) -> str | None:
    """``value`` if it is short and free of control and format characters (escapes, bidi), else None."""
    if len(value) > limit or any(unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") for c in value):
        return None
    return value


def _version(path: Path, value: Any, name: str) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise fail(path, f"metadata.json: {name} must be a string")
    text = clean_text(str(value), 64)
    if text is None:
        raise fail(path, f"metadata.json: {name} has control characters or is too long")
    return text


def check_metadata(path: Path, metadata: Any) -> Metadata:
    """Validate a package's metadata and require a Thai→English translation package."""
    if not isinstance(metadata, dict):
        raise fail(path, "metadata.json is not a JSON object")
    for name in TEXT_FIELDS:
        value = metadata.get(name)
        if value is not None and (not isinstance(value, str) or clean_text(value) is None):
            raise fail(path, f"metadata.json: {name} must be a short string without control characters")
    for name in LIST_FIELDS:
        if metadata.get(name) is not None and not isinstance(metadata[name], list):
            raise fail(path, f"metadata.json: {name} must be a list")
    if not all(isinstance(link, str) for link in metadata.get("links") or []):
        raise fail(path, "metadata.json: links must be strings")
    kind = metadata.get("type") or "translate"
    if kind != "translate":
        raise ForeignPackage(f"{path}: package type is {kind!r}, not 'translate'")
    pair = (metadata.get("from_code"), metadata.get("to_code"))
    if pair != (SOURCE, TARGET):
        raise ForeignPackage(f"{path}: package translates {pair[0]}→{pair[1]}, not {SOURCE}→{TARGET}")
    prefix = metadata.get("target_prefix") or ""
    if any(c.isspace() for c in prefix):
        raise fail(path, "metadata.json: target_prefix must be one token")
    return Metadata(
        version=_version(path, metadata.get("package_version", ""), "package_version"),
        target_prefix=prefix,
        argos_version=_version(path, metadata.get("argos_version", ""), "argos_version"),
    )


def parse_metadata(path: Path, data: bytes) -> Metadata:
    """Parse and check the bytes of a metadata.json (``path`` names the package in errors)."""
    if len(data) > MAX_METADATA_BYTES:
        raise fail(path, f"metadata.json is larger than {MAX_METADATA_BYTES} bytes")
    try:
        metadata = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as err:
        reason = "nested too deeply" if isinstance(err, RecursionError) else str(err).splitlines()[0]
        raise fail(path, f"metadata.json is not valid JSON ({reason})") from None
    return check_metadata(path, metadata)
