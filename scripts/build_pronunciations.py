"""Build src/bilingual_reader/data/pronunciations.tsv: the readings of the shipped glossary's Thai terms.

``uv run python scripts/build_pronunciations.py [GLOSSARY_DB]`` (default: the shipped ``glossary.db``).
Each row is ``pronounce(key, split=dictionary_split)`` for a Thai term's lookup key, as ``lookup`` asks for
it; the first line names the releases of thaiphon, its Volubilis data and pythainlp (see
``bilingual_reader.thai.pronunciation_table``). Run it again after changing how readings are made or
after upgrading one of those packages (a test fails until then).
"""

from __future__ import annotations

import sys
from pathlib import Path

from bilingual_reader.files import write_output
from bilingual_reader.glossary.store import Glossary
from bilingual_reader.thai.pronunciation import compute, dictionary_split
from bilingual_reader.thai.pronunciation_table import TABLE_FILE, installed_versions
from bilingual_reader.thai.text import is_thai, normalize_key

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    """Write the table; the exit code."""
    source = Path(argv[0]) if argv else ROOT / "glossary.db"
    with Glossary.open(source, read_only=True) as glossary:
        keys = sorted({normalize_key(term) for term in glossary.thai_terms()})
    lines = [f"# {installed_versions()}"]
    for key in keys:
        if not key or not is_thai(key) or "\t" in key or "\n" in key:
            continue
        p = compute(key, split=dictionary_split)
        lines.append("\t".join((key, p.rtgs, p.tones, p.ipa, "1" if p.from_lexicon else "0")))
    write_output(TABLE_FILE, ("\n".join(lines) + "\n").encode("utf-8"))
    print(f"{TABLE_FILE}: {len(lines) - 1} readings", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
