"""Build src/bilingual_reader/data/dictionary.sqlite: Thai WordNet lemmas keyed for lookup, English lemmas.

Needs Debian's ``wordnet-base`` (``apt-get install wordnet-base``) only to build; the output is committed.

Debian rebuilds WordNet from its lexicographer sources, so its byte-offset synset ids drift from Princeton's
WordNet 3.0 ids that the Thai WordNet uses (verbs +18, adjectives +1 after some point). Each Thai synset id is
resolved by its exact id when Debian has a synset there, else by the shifted one.

Output: a SQLite file of three tables, read by key (a lookup reads a few rows, never the whole file):

- ``thai(key, synsets)``: a Thai lemma's normalized key (``normalize_key``) → its WordNet 3.0 synset ids
  (``04389033-n``), space-separated, in the Thai WordNet's order.
- ``english(synset, rank, count, lemmas, counts, pertains)``: a synset's best sense number among its
  lemmas in WordNet's index files (1 = most frequent), its SemCor tag count (how often it was seen, summed
  over its lemmas, from ``cntlist.rev``), its lemmas (``|``-separated, WordNet's order), each lemma's own
  tag count (space-separated), and for a relational adjective the noun synset it pertains to (the noun's
  row is included). Lemmas only: no glosses.
- ``loanwords(key, source)``: a Thai loanword's normalized key → the English word(s) it comes from
  (`` / ``-joined), from pythainlp's ``th_en_transliteration_v1.4.tsv`` (CC-BY-4.0).

Usage: uv run python scripts/build_wordnet_lemmas.py [--wordnet-dir DIR] [--thai-db PATH] [--out PATH]
"""

from __future__ import annotations

import argparse
import os
import re
import sqlite3
import sys
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

FILES = {"n": "noun", "v": "verb", "a": "adj", "s": "adj", "r": "adv"}
SHIFTS = {"n": (0,), "v": (0, 18), "a": (0, 1), "s": (0, 1), "r": (0,)}
SENSE_KEY_POS = {"1": "noun", "2": "verb", "3": "adj", "4": "adv", "5": "adj"}
ADJ_MARKER = re.compile(r"\((?:a|p|ip)\)$")
DEFAULT_OUT = Path(__file__).resolve().parent.parent / "src/bilingual_reader/data/dictionary.sqlite"
LOANWORDS = "th_en_transliteration_v1.4.tsv"
SCHEMA = """
CREATE TABLE thai (key TEXT PRIMARY KEY, synsets TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE english (
    synset TEXT PRIMARY KEY, rank INTEGER NOT NULL, count INTEGER NOT NULL,
    lemmas TEXT NOT NULL, counts TEXT NOT NULL, pertains TEXT
) WITHOUT ROWID;
CREATE TABLE loanwords (key TEXT PRIMARY KEY, source TEXT NOT NULL) WITHOUT ROWID;
"""


@dataclass(frozen=True)
class Synset:
    """One synset of a Debian data file: its lemmas (as written, underscores kept) and pertainym target."""

    words: tuple[str, ...]
    pertains: int | None  # byte offset of the noun a relational adjective pertains to


def read_data(path: Path) -> dict[int, Synset]:
    """Synset byte offset → lemmas (adjective markers dropped) and pertainym target, of one data file."""
    synsets: dict[int, Synset] = {}
    with path.open(encoding="utf-8", errors="replace") as handle:
        for line in handle:
            if line.startswith("  "):  # the licence header
                continue
            fields = line.split(" ")
            count = int(fields[3], 16)
            words = tuple(dict.fromkeys(ADJ_MARKER.sub("", w) for w in fields[4 : 4 + 2 * count : 2]))
            pointers_at = 4 + 2 * count
            pertains = None
            for i in range(int(fields[pointers_at])):
                symbol, offset, pos = fields[pointers_at + 1 + 4 * i : pointers_at + 4 + 4 * i]
                if symbol == "\\" and pos == "n" and pertains is None:
                    pertains = int(offset)
            synsets[int(fields[0])] = Synset(words, pertains)
    return synsets


def read_index(path: Path) -> dict[str, list[int]]:
    """Lemma (lower case, underscores) → its synset offsets in sense-number order, of one index file."""
    index: dict[str, list[int]] = {}
    with path.open(encoding="utf-8", errors="replace") as handle:
        for line in handle:
            if line.startswith("  "):
                continue
            fields = line.split()
            synset_count = int(fields[2])
            index[fields[0]] = [int(offset) for offset in fields[-synset_count:]]
    return index


def read_counts(path: Path) -> dict[tuple[str, str, int], int]:
    """(lemma, file name, sense number) → SemCor tag count, from ``cntlist.rev`` (missing file: none)."""
    counts: dict[tuple[str, str, int], int] = {}
    if not path.is_file():
        return counts
    with path.open(encoding="utf-8", errors="replace") as handle:
        for line in handle:
            fields = line.split()
            if len(fields) != 3:
                continue
            lemma, _, rest = fields[0].partition("%")
            key = (lemma, SENSE_KEY_POS.get(rest[:1], ""), int(fields[1]))
            counts[key] = counts.get(key, 0) + int(fields[2])
    return counts


def thai_rows(db: Path) -> list[tuple[str, str]]:
    """(synset id, Thai lemma) rows of the Thai WordNet, in its order."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        return list(conn.execute("SELECT synsetid, li FROM word_synset ORDER BY rowid"))


class WordNet:
    """Debian's WordNet files: lemmas, sense numbers and tag counts per synset."""

    def __init__(self, folder: Path) -> None:
        names = sorted(set(FILES.values()))
        self.data = {name: read_data(folder / f"data.{name}") for name in names}
        tag_counts = read_counts(folder / "cntlist.rev")
        self.rank: dict[tuple[str, int], int] = {}
        self.counts: dict[tuple[str, int, str], int] = {}  # (file, offset, lemma) → tag count
        for name in names:
            for lemma, offsets in read_index(folder / f"index.{name}").items():
                for number, offset in enumerate(offsets, start=1):
                    key = (name, offset)
                    self.rank[key] = min(number, self.rank.get(key, number))
                    self.counts[(name, offset, lemma)] = tag_counts.get((lemma, name, number), 0)

    def row(self, synset: str, name: str, offset: int) -> tuple[str, int, int, str, str, str | None]:
        """The ``english`` row of the synset at ``offset`` in file ``name``."""
        found = self.data[name][offset]
        counts = [self.counts.get((name, offset, w.lower()), 0) for w in found.words]
        lemmas = "|".join(w.replace("_", " ") for w in found.words)
        pertains = None if found.pertains is None else f"{found.pertains:08d}-n"
        rank = self.rank.get((name, offset), 99)
        return synset, rank, sum(counts), lemmas, " ".join(map(str, counts)), pertains


def resolve(wordnet: WordNet, synset: str) -> tuple[str, int] | None:
    """(file name, Debian offset) of a WordNet 3.0 synset id: the exact id, else the shifted one."""
    offset_text, _, pos = synset.partition("-")
    name = FILES.get(pos)
    if name is None or not offset_text.isdigit():
        return None
    for shift in SHIFTS[pos]:
        if int(offset_text) + shift in wordnet.data[name]:
            return name, int(offset_text) + shift
    return None


def read_loanwords(path: Path) -> dict[str, str]:
    """Normalized Thai loanword → its English source word(s), `` / ``-joined, from the TSV."""
    from bilingual_reader.thai.text import normalize_key

    sources: dict[str, list[str]] = {}
    if not path.is_file():
        return {}
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        fields = line.split("\t")
        if len(fields) < 2 or not fields[0].strip() or not fields[1].strip():
            continue
        found = sources.setdefault(normalize_key(fields[0]), [])
        if fields[1].strip() not in found:
            found.append(fields[1].strip())
    return {key: " / ".join(value) for key, value in sources.items() if key}


def build(
    wordnet: WordNet, rows: list[tuple[str, str]], loanwords: dict[str, str], out: Path
) -> tuple[int, int, int]:
    """Write the SQLite file; returns (Thai keys, English synsets, unresolved synset ids)."""
    from bilingual_reader.thai.text import normalize_key

    english: dict[str, tuple[str, int, int, str, str, str | None]] = {}
    unresolved: set[str] = set()
    thai: dict[str, list[str]] = {}
    for synset, lemma in rows:
        if synset not in english and synset not in unresolved:
            found = resolve(wordnet, synset)
            if found is None:
                unresolved.add(synset)
                continue
            english[synset] = wordnet.row(synset, *found)
            noun = english[synset][5]
            if noun is not None and noun not in english and int(noun[:8]) in wordnet.data["noun"]:
                english[noun] = wordnet.row(noun, "noun", int(noun[:8]))
        if synset in unresolved:
            continue
        key = normalize_key(lemma)
        synsets = thai.setdefault(key, [])
        if key and synset not in synsets:
            synsets.append(synset)
    partial = out.with_name(out.name + ".partial")
    partial.unlink(missing_ok=True)
    with sqlite3.connect(partial) as conn:
        conn.executescript(SCHEMA)
        conn.executemany("INSERT INTO thai VALUES (?, ?)", sorted((k, " ".join(v)) for k, v in thai.items()))
        conn.executemany("INSERT INTO english VALUES (?, ?, ?, ?, ?, ?)", sorted(english.values()))
        conn.executemany("INSERT INTO loanwords VALUES (?, ?)", sorted(loanwords.items()))
    conn.close()
    with sqlite3.connect(partial) as conn:
        conn.execute("VACUUM")
    conn.close()
    os.replace(partial, out)
    return len(thai), len(english), len(unresolved)


def main(argv: list[str] | None = None) -> int:
    """Build the file and print what was resolved."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--wordnet-dir", type=Path, default=Path("/usr/share/wordnet"))
    parser.add_argument(
        "--thai-db", type=Path, default=Path(str(files("pythainlp.corpus") / "wordnet_th.db"))
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    for name in sorted(set(FILES.values())):
        path = args.wordnet_dir / f"data.{name}"
        if not path.is_file():
            print(f"{path}: not found (apt-get install wordnet-base)", file=sys.stderr)
            return 2
    args.out.parent.mkdir(parents=True, exist_ok=True)
    loanwords = read_loanwords(args.thai_db.parent / LOANWORDS)
    keys, synsets, unresolved = build(WordNet(args.wordnet_dir), thai_rows(args.thai_db), loanwords, args.out)
    size = args.out.stat().st_size
    print(
        f"{args.out}: {keys} Thai keys, {synsets} synsets, {unresolved} unresolved ids,"
        f" {len(loanwords)} loanwords, {size} bytes"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
