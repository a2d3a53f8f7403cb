"""``json_text.indented`` writes what ``json.dumps(…, ensure_ascii=False, indent=2)`` writes, to the byte."""

from __future__ import annotations

import json
import random
from enum import IntEnum, StrEnum
from typing import Any

import pytest

from bilingual_reader.json_text import indented
from support import budget


class Level(IntEnum):
    LOW = 1


class Status(StrEnum):
    OK = "ok"


class Name(str):
    pass


TRICKY: list[Any] = [
    "",
    'quote " backslash \\ slash / tab \t line \n return \r nul \x00 escape \x1b',
    "\u0e01\u0e34\u0e19 \u2028\u2029 \ud83d\ude00 \ufeff",
    0,
    -1,
    10**40,
    True,
    False,
    None,
    0.1,
    -0.0,
    1e-300,
    1e300,
    float("nan"),
    float("inf"),
    float("-inf"),
    [],
    {},
    (1, "two"),
    [[], {}, [[]], {"": {}}],
    {"\u0e01": 1, "": [None, True], 'k"\n': {"deep": [1.5, {"x": False}]}},
    {1: "int key", "s": 2},
    {"nested": {2.5: "float key", None: "none key", True: "bool key"}},
    {"level": Level.LOW, "status": Status.OK, "name": Name("n")},
    [Level.LOW, Status.OK, Name("n")],
]


@pytest.mark.parametrize("newline", ["\n", "\n    "])
def test_tricky_values_are_written_as_json_writes_them(newline: str) -> None:
    for value in TRICKY:
        expected = json.dumps(value, ensure_ascii=False, indent=2).replace("\n", newline)
        assert indented(value, newline) == expected, value


def _random_value(rng: random.Random, depth: int) -> Any:
    choice = rng.randrange(10 if depth < 4 else 7)
    if choice == 0:
        return "".join(rng.choice('a"\\\n\x01\u0e01 \ud7ff\u2028') for _ in range(rng.randrange(6)))
    if choice == 1:
        return rng.randint(-(10**20), 10**20)
    if choice == 2:
        return rng.choice([True, False, None])
    if choice == 3:
        return rng.choice([rng.uniform(-1e6, 1e6), rng.random() * 1e-12, float("nan"), float("inf")])
    if choice in (4, 5, 6):
        return rng.choice([Level.LOW, Status.OK, Name("x"), "plain", 7])
    if choice in (7, 8):
        return [_random_value(rng, depth + 1) for _ in range(rng.randrange(4))]
    return {str(_random_value(rng, 4)): _random_value(rng, depth + 1) for _ in range(rng.randrange(4))}


def test_random_values_are_written_as_json_writes_them() -> None:
    rng = random.Random(20261202)
    for _ in range(budget(300, 10_000)):
        value = _random_value(rng, 0)
        expected = json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n  ")
        assert indented(value, "\n  ") == expected, value


def test_what_json_cannot_write_is_its_error() -> None:
    with pytest.raises(TypeError, match="not JSON serializable"):
        indented({"x": object()})
