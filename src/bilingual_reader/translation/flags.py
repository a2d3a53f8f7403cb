"""Flags on suspicious machine translations: Thai left in the English, echoed source, loops, odd length."""

from __future__ import annotations

import re

THAI_SCRIPT = "thai-script"
ECHO = "echo"
REPETITION = "repetition"
LENGTH_RATIO = "length-ratio"

DESCRIPTIONS = {
    THAI_SCRIPT: "Thai script left in the English",
    ECHO: "the output repeats the Thai source",
    REPETITION: "repeated words (the model may be looping)",
    LENGTH_RATIO: "the English is much shorter or longer than the Thai",
}

_THAI = re.compile("[\u0e01-\u0e5b]")
_THAI_RUN = re.compile("[\u0e01-\u0e5b]{6,}")
MIN_CHARS_FOR_RATIO = 20
RATIO_RANGE = (0.3, 4.0)  # English characters per Thai character outside this range is suspicious


def _loops(words: list[str]) -> bool:
    """An n-gram (n ≤ 4) three times in a row, or a 3+-gram seen three times anywhere."""
    for n in range(1, 5):
        for i in range(len(words) - 3 * n + 1):
            if words[i : i + n] == words[i + n : i + 2 * n] == words[i + 2 * n : i + 3 * n]:
                return True
    for n in (3, 4):
        seen: dict[tuple[str, ...], int] = {}
        for i in range(len(words) - n + 1):
            gram = tuple(words[i : i + n])
            seen[gram] = seen.get(gram, 0) + 1
            if seen[gram] >= 3:
                return True
    return False


def flag_translation(thai: str, english: str) -> tuple[str, ...]:
    """The flags that apply to a machine translation of ``thai``, in a fixed order."""
    flags: list[str] = []
    source = " ".join(thai.split())
    output = " ".join(english.split())
    if not output:
        return ()
    if _THAI.search(output):
        flags.append(THAI_SCRIPT)
    if _THAI.search(source) and (output == source or any(run in source for run in _THAI_RUN.findall(output))):
        flags.append(ECHO)
    if _loops(re.findall(r"\w+", output.casefold())):
        flags.append(REPETITION)
    if len(source) >= MIN_CHARS_FOR_RATIO:
        ratio = len(output) / len(source)
        if not RATIO_RANGE[0] <= ratio <= RATIO_RANGE[1]:
            flags.append(LENGTH_RATIO)
    return tuple(flags)
