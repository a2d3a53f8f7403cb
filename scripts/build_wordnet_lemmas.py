"""Build src/bilingual_reader/data/wordnet_lemmas.tsv.gz: English WordNet 3.0 lemmas of Thai WordNet synsets.

Needs Debian's ``wordnet-base`` (``apt-get install wordnet-base``) only to build; the output is committed.

Debian rebuilds WordNet from its lexicographer sources, so its byte-offset synset ids drift from Princeton's
WordNet 3.0 ids that the Thai WordNet uses (verbs +18, adjectives +1 after some point). Each Thai synset id is
resolved by its exact id when Debian has a synset there, else by the shifted one.

Output: gzip TSV, one line per synset, sorted: ``synset<TAB>rank<TAB>lemma|lemma|…`` where ``synset`` is
the WordNet 3.0 id (``04389033-n``) and ``rank`` the best sense number (1 = most frequent) the synset has
among its lemmas in WordNet's index files. Lemmas only: no glosses.

Usage: uv run python scripts/build_wordnet_lemmas.py [--wordnet-dir DIR] [--thai-db PATH] [--out PATH]
"""

from __future__ import annotations

import argparse
import gzip
import re
import sqlite3
import sys
from importlib.resources import files
from pathlib import Path

FILES = {"n": "noun", "v": "verb", "a": "adj", "s": "adj", "r": "adv"}
SHIFTS = {"n": (0,), "v": (0, 18), "a": (0, 1), "s": (0, 1), "r": (0,)}
ADJ_MARKER = re.compile(r"\((?:a|p|ip)\)$")
DEFAULT_OUT = Path(__file__).resolve().parent.parent / "src/bilingual_reader/data/wordnet_lemmas.tsv.gz"


def read_data(path: Path) -> dict[int, tuple[str, ...]]:
    """Synset byte offset → lemmas (spaces for underscores, adjective markers dropped) of one data file."""
    synsets: dict[int, tuple[str, ...]] = {}
    with path.open(encoding="utf-8", errors="replace") as handle:
        for line in handle:
            if line.startswith("  "):  # the licence header
                continue
            fields = line.split(" ")
            count = int(fields[3], 16)
            words = fields[4 : 4 + 2 * count : 2]
            lemmas = tuple(dict.fromkeys(ADJ_MARKER.sub("", w).replace("_", " ") for w in words))
            synsets[int(fields[0])] = lemmas
    return synsets


def read_ranks(path: Path) -> dict[int, int]:
    """Synset byte offset → the best (lowest) sense number it has for any lemma of one index file."""
    ranks: dict[int, int] = {}
    with path.open(encoding="utf-8", errors="replace") as handle:
        for line in handle:
            if line.startswith("  "):
                continue
            fields = line.split()
            synset_count = int(fields[2])
            for number, offset in enumerate(fields[-synset_count:], start=1):
                key = int(offset)
                ranks[key] = min(number, ranks.get(key, number))
    return ranks


def thai_synsets(db: Path) -> list[str]:
    """The distinct synset ids the Thai WordNet uses."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        return [row[0] for row in conn.execute("SELECT DISTINCT synsetid FROM word_synset ORDER BY synsetid")]


def main(argv: list[str] | None = None) -> int:
    """Build the table and print what was resolved."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--wordnet-dir", type=Path, default=Path("/usr/share/wordnet"))
    parser.add_argument(
        "--thai-db", type=Path, default=Path(str(files("pythainlp.corpus") / "wordnet_th.db"))
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    data: dict[str, dict[int, tuple[str, ...]]] = {}
    ranks: dict[str, dict[int, int]] = {}
    for name in sorted(set(FILES.values())):
        path = args.wordnet_dir / f"data.{name}"
        if not path.is_file():
            print(f"{path}: not found (apt-get install wordnet-base)", file=sys.stderr)
            return 2
        data[name] = read_data(path)
        ranks[name] = read_ranks(args.wordnet_dir / f"index.{name}")
    rows: list[str] = []
    exact = shifted = missing = 0
    for synset in thai_synsets(args.thai_db):
        offset_text, _, pos = synset.partition("-")
        kind = FILES.get(pos)
        if kind is None or not offset_text.isdigit():
            missing += 1
            continue
        for shift in SHIFTS[pos]:
            offset = int(offset_text) + shift
            if offset in data[kind]:
                exact += shift == 0
                shifted += shift != 0
                lemmas = data[kind][offset]
                rows.append(f"{synset}\t{ranks[kind].get(offset, 99)}\t{'|'.join(lemmas)}\n")
                break
        else:
            missing += 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as out:
        out.write("".join(rows).encode("utf-8"))
    size = args.out.stat().st_size
    counts = f"{exact} exact, {shifted} shifted"
    print(f"{args.out}: {len(rows)} synsets ({counts}), {missing} unresolved, {size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
