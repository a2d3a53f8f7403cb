"""JSON as ``json.dumps(value, ensure_ascii=False, indent=2)`` writes it, without its pure-Python encoder.

With ``indent``, the standard library encodes in Python a generator per value (its C encoder knows no
indent): that was a quarter of the CPU of ``check --format json`` on a book, a finding at a time. Here a
string is escaped by the C function ``json`` itself uses, and the rest is joined directly: the same text.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring  # the C one when it is built
from typing import Any

__all__ = ["indented"]

_INFINITY = float("inf")


def indented(value: Any, newline: str = "\n") -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2).replace("\\n", newline)``: ``newline`` starts every
    line but the first (a line break and the indent of the place the value goes)."""
    kind = type(value)
    if kind is str:
        return encode_basestring(value)
    if kind is int:
        return int.__repr__(value)
    if value is None:
        return "null"
    if kind is bool:
        return "true" if value else "false"
    if kind is float:
        return _float(value)
    if kind is dict:
        return _object(value, newline)
    if kind is list or kind is tuple:
        if not value:
            return "[]"
        deeper = newline + "  "
        return "[" + deeper + ("," + deeper).join([indented(v, deeper) for v in value]) + newline + "]"
    return _standard(value, newline)


def _object(value: dict[Any, Any], newline: str) -> str:
    if not value:
        return "{}"
    deeper = newline + "  "
    items = []
    for key, item in value.items():
        if type(key) is not str:
            return _standard(value, newline)
        kind = type(item)  # the commonest kinds again, without a call
        if kind is str:
            text = encode_basestring(item)
        elif kind is int:
            text = int.__repr__(item)
        elif item is None:
            text = "null"
        elif kind is bool:
            text = "true" if item else "false"
        else:
            text = indented(item, deeper)
        items.append(encode_basestring(key) + ": " + text)
    return "{" + deeper + ("," + deeper).join(items) + newline + "}"


def _standard(value: Any, newline: str) -> str:
    """What json itself writes: subclasses of str, int or float (enums), keys that are not strings, and
    values it cannot write (its TypeError)."""
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", newline)


def _float(value: float) -> str:
    """A float as json writes it (``allow_nan``: NaN and the infinities by name)."""
    if value != value:
        return "NaN"
    if value == _INFINITY:
        return "Infinity"
    if value == -_INFINITY:
        return "-Infinity"
    return float.__repr__(value)
