"""JSON: our full schema, one concept per line so that errors can name a line.

``{"format": "bilingual-reader-glossary", "version": 1, "concepts": [{"id", "subject", "definition", "note",
"check_enabled", "origin", "terms": [{"text", "lang", "status", "pos"}]}]}`` ("origin": where the concept
came from; an import labels what it adds itself). A bare list of concepts is accepted too.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from bilingual_reader.files import write_output
from bilingual_reader.glossary.formats.common import (
    BadRow,
    FormatError,
    ParsedConcept,
    ParseResult,
    read_text,
)
from bilingual_reader.glossary.models import Concept, Status, Term
from bilingual_reader.thai.text import clean_and_key, clean_text

__all__ = ["FORMAT_NAME", "concept_from_dict", "concept_to_dict", "read_json", "write_json"]

FORMAT_NAME = "bilingual-reader-glossary"
VERSION = 1
_LANGS = frozenset(("th", "en"))
_STATUSES = {s.value: s for s in Status}
_ARRAY = re.compile(r'(?<!\\)"concepts"\s*:\s*\[')
_DECODER = json.JSONDecoder()
_GAP = re.compile(r"[ \t\r\n]*")  # JSON whitespace
_SEPARATOR = re.compile(r"[ \t\r\n]*(,?)[ \t\r\n]*")  # between array elements


def concept_to_dict(concept: Concept) -> dict[str, Any]:
    """A concept as plain JSON data."""
    return {
        "id": concept.id,
        "subject": concept.subject,
        "definition": concept.definition,
        "note": concept.note,
        "check_enabled": concept.check_enabled,
        "origin": concept.origin,
        "terms": [
            {"text": t.text, "lang": t.lang, "status": t.status.value, "pos": t.pos}
            for t in concept.thai + concept.english
        ],
    }


def _str(data: dict[str, Any], key: str, default: str = "", *, text: bool = False) -> str:
    """A string field; free text (``text=True``) is cleaned, codes are only stripped."""
    value = data.get(key, default)
    if not isinstance(value, str):
        raise ValueError(f"{key!r} must be a string")
    return clean_text(value) if text and value else value.strip()


def concept_from_dict(data: Any) -> Concept:
    """A concept from JSON data (its id is dropped); ``ValueError`` says what is wrong."""
    return _concept_and_keys(data)[0]


def _concept_and_keys(data: Any) -> tuple[Concept, tuple[str, ...]]:
    """``concept_from_dict`` and its terms' ``normalize_key`` (in term order), cleaning each text once."""
    if not isinstance(data, dict):
        raise ValueError("a concept must be an object")
    raw_terms = data.get("terms")
    if not isinstance(raw_terms, list):
        raise ValueError("'terms' must be a list")
    terms = []
    keys = []
    for raw in raw_terms:
        if not isinstance(raw, dict):
            raise ValueError("a term must be an object")
        lang = raw.get("lang", "")  # the fast paths take exact values; ``_str`` checks and strips the rest
        if type(lang) is not str or lang not in _LANGS:
            lang = _str(raw, "lang")
            if lang not in _LANGS:
                raise ValueError(f"unknown term language {lang!r}")
        word = raw.get("status", "preferred")
        status = _STATUSES.get(word) if type(word) is str else None
        if status is None:
            word = _str(raw, "status", "preferred")
            status = _STATUSES.get(word)
            if status is None:
                raise ValueError(f"unknown status {word!r}")
        value = raw.get("text", "")
        if not isinstance(value, str):
            raise ValueError("'text' must be a string")
        text, key = clean_and_key(value)
        pos = raw.get("pos", "noun")
        pos = (pos if type(pos) is str and pos == "noun" else _str(raw, "pos", "noun")) or "noun"
        terms.append(Term(text, lang, status, pos))
        keys.append(key)
    check = data.get("check_enabled", True)
    if not isinstance(check, bool):
        raise ValueError("'check_enabled' must be true or false")
    concept = Concept(
        subject=_str(data, "subject", "general"),
        terms=tuple(terms),
        definition=_str(data, "definition", text=True),
        note=_str(data, "note", text=True),
        check_enabled=check,
        origin=_str(data, "origin"),
    )
    return concept, tuple(keys)


def _item_lines(text: str, count: int) -> list[int]:
    """The line each element of the ``concepts`` array starts on (best effort)."""
    match = _ARRAY.search(text) if not text.lstrip().startswith("[") else re.search(r"\[", text)
    if match is None:
        return list(range(1, count + 1))
    decoder, pos = json.JSONDecoder(), match.end()
    lines: list[int] = []
    line, counted = 1, 0
    while len(lines) < count:
        while pos < len(text) and text[pos] in " \t\r\n,":
            pos += 1
        line, counted = line + text.count("\n", counted, pos), pos
        lines.append(line)
        try:
            pos = decoder.raw_decode(text, pos)[1]
        except ValueError:
            break
    return lines + [lines[-1] if lines else 1] * (count - len(lines))


def _canonical(text: str) -> tuple[list[Any], list[int]] | None:
    """Our own export's layout (see ``json_text``: one concept per line): one parse, lines by position.

    ``None`` for any other layout: the caller then decodes element by element to learn each one's line.
    """
    if not text.startswith(f'{{"format": "{FORMAT_NAME}"'):
        return None
    body = text.split("\n")
    elements = body[1:-2]
    if body[-2:] != ["]}", ""] or not all(line.startswith("{") for line in elements):
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    found = data.get("concepts") if isinstance(data, dict) else None
    if not isinstance(found, list) or len(found) != len(elements):
        return None
    return found, list(range(2, len(elements) + 2))


def _decoded_array(text: str) -> tuple[list[Any], list[int]] | None:
    """The ``concepts`` array's elements and their lines, decoded in one pass with no second parse.

    ``None`` when the document is not plainly shaped (or not valid JSON): the caller then parses it whole.
    """
    bare = text.lstrip().startswith("[")
    match = re.search(r"\[", text) if bare else _ARRAY.search(text)
    if match is None:
        return None
    decode = _DECODER.raw_decode
    items: list[Any] = []
    lines: list[int] = []
    separator = _SEPARATOR.match
    line, counted = 1, 0
    try:
        pos = _GAP.match(text, match.end()).end()  # type: ignore[union-attr]  # always matches
        while not text.startswith("]", pos):
            line, counted = line + text.count("\n", counted, pos), pos
            item, pos = decode(text, pos)
            items.append(item)
            lines.append(line)
            gap = separator(text, pos)
            pos = gap.end()  # type: ignore[union-attr]  # always matches
            if not gap.group(1) and not text.startswith("]", pos):  # type: ignore[union-attr]
                return None
        frame = json.loads(text[: match.end()] + text[pos:])  # the document around an empty array
    except ValueError:
        return None
    if frame != [] and not (isinstance(frame, dict) and frame.get("concepts") == []):
        return None
    return items, lines


def read_json(path: Path) -> ParseResult:
    """Read a JSON glossary; nesting too deep or a number too long to read is a one-line ``FormatError``."""
    try:
        return _read_json(path)
    except RecursionError:
        raise FormatError(f"{path}: bad JSON: nested too deeply") from None
    except ValueError as err:  # int() of a number of more than 4,300 digits
        if "digits" not in str(err):
            raise
        raise FormatError(f"{path}: bad JSON: a number too long to read") from None


def _read_json(path: Path) -> ParseResult:
    text = read_text(path)
    if not text.strip():
        raise FormatError(f"{path}: empty file")
    items: list[Any]
    decoded = _canonical(text) or _decoded_array(text)
    if decoded is not None:
        items, lines = decoded
    else:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as err:
            raise FormatError(f"{path}:{err.lineno}: bad JSON: {err.msg}") from None
        found = data.get("concepts") if isinstance(data, dict) else data
        if not isinstance(found, list):
            raise FormatError(f"{path}: expected a 'concepts' list")
        items, lines = found, _item_lines(text, len(found))
    result = ParseResult()
    for line, item in zip(lines, items, strict=True):
        try:
            concept, keys = _concept_and_keys(item)
        except ValueError as err:
            result.errors.append(BadRow(str(path), line, str(err)))
            continue
        result.concepts.append(ParsedConcept(line, concept, keys))
    return result


def json_text(concepts: list[Concept]) -> str:
    """The JSON document for ``concepts``, one concept per line."""
    rows = ",\n".join(json.dumps(concept_to_dict(c), ensure_ascii=False) for c in concepts)
    head = f'{{"format": "{FORMAT_NAME}", "version": {VERSION}, "concepts": [\n'
    return head + rows + "\n]}\n"


def write_json(concepts: list[Concept], path: Path) -> None:
    """Write a JSON glossary (UTF-8)."""
    write_output(path, json_text(concepts))
