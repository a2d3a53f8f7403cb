"""Flags on suspicious machine translations."""

from __future__ import annotations

import pytest

from bilingual_reader.translation.flags import DESCRIPTIONS, flag_translation

CASES = [
    ("ทหารสวมเสื้อเกราะระหว่างการฝึก", "The soldiers wore body armor during the exercise.", ()),
    ("ทหารสวมเสื้อเกราะระหว่างการฝึก", "", ()),
    (
        "ทหารสวมเสื้อเกราะระหว่างการฝึก",
        "The soldiers wore เสื้อเกราะ during the exercise.",
        ("thai-script", "echo"),
    ),
    ("ทหารสวมเสื้อเกราะระหว่างการฝึก", "ทหารสวมเสื้อเกราะระหว่างการฝึก", ("thai-script", "echo")),
    ("ทหารสวมเสื้อเกราะระหว่างการฝึก", "The soldiers wore ก armor during the exercise.", ("thai-script",)),
    ("NATO", "NATO", ()),
    ("ทหารสวมเสื้อเกราะระหว่างการฝึก", "The the the soldiers wore armor in the exercise.", ("repetition",)),
    ("ทหารสวมเสื้อเกราะระหว่างการฝึกวันนี้", "The army of the army of the army of the north.", ("repetition",)),
    ("ทหารสวมเสื้อเกราะระหว่างการฝึกวันนี้", "Body armor, body armor and more body armor here.", ()),
    ("ทหารสวมเสื้อเกราะระหว่างการฝึกวันนี้", "New body armor, new body armor and new body armor.", ("repetition",)),
    ("ทหารสวมเสื้อเกราะระหว่างการฝึก", "Armor.", ("length-ratio",)),
    ("ทหาร", "Soldiers.", ()),
    (
        "ทหารสวมเสื้อเกราะระหว่างการฝึก",
        "The soldiers " + "wore body armor and helmets " * 2 + "x" * 100,
        ("length-ratio",),
    ),
]


@pytest.mark.parametrize(("thai", "english", "expected"), CASES)
def test_flags(thai: str, english: str, expected: tuple[str, ...]) -> None:
    assert flag_translation(thai, english) == expected


def test_every_flag_is_described() -> None:
    assert sorted(DESCRIPTIONS) == ["echo", "length-ratio", "repetition", "thai-script"]
