"""Readings of the shipped glossary's Thai terms, computed ahead of time (``data/pronunciations.tsv``).

Loading thaiphon is about half of what a one-shot ``lookup`` costs; for a glossary term the reading is
read from this table instead. ``scripts/build_pronunciations.py`` writes it with the very call it stands
for (``pronounce(key, split=dictionary_split)``). Its first line names the thaiphon, Volubilis data and
pythainlp releases it was built with: when another release is installed the table is not used. A test
checks every row against what ``pronounce`` computes today.
"""

from __future__ import annotations

import functools
import importlib.util
import os
from pathlib import Path

__all__ = ["TABLE_FILE", "installed_versions", "reading"]

TABLE_FILE = Path(__file__).resolve().parent.parent / "data" / "pronunciations.tsv"
#: The packages whose data and code decide a reading (besides ours).
PACKAGES = ("thaiphon", "thaiphon_data_volubilis", "pythainlp")

Reading = tuple[str, str, str, bool]  # rtgs, tones, ipa, from_lexicon


def installed_versions() -> str:
    """``thaiphon-0.7.0 thaiphon_data_volubilis-0.2.0 pythainlp-…``: the installed releases of
    :data:`PACKAGES`, from their ``.dist-info`` folder names (no ``importlib.metadata``, a slow import)."""
    spec = importlib.util.find_spec("thaiphon")
    if spec is None or spec.origin is None:
        return ""
    names = os.listdir(Path(spec.origin).parent.parent)
    found = []
    for package in PACKAGES:
        releases = sorted(
            name.removesuffix(".dist-info")
            for name in names
            if name.startswith(f"{package}-") and name.endswith(".dist-info")
        )
        found.append(releases[-1] if len(releases) == 1 else f"{package}-?")
    return " ".join(found)


@functools.cache
def _rows() -> dict[str, Reading]:
    """The table's rows by word; none when the file is missing or was built with other releases."""
    try:
        text = TABLE_FILE.read_text(encoding="utf-8")
    except OSError:
        return {}
    header, _, body = text.partition("\n")
    if header != f"# {installed_versions()}":
        return {}
    rows: dict[str, Reading] = {}
    for line in body.splitlines():
        word, rtgs, tones, ipa, lexicon = line.split("\t")
        rows[word] = (rtgs, tones, ipa, lexicon == "1")
    return rows


def reading(word: str) -> Reading | None:
    """The table's reading of ``word`` (exactly as given), or None."""
    return _rows().get(word)
