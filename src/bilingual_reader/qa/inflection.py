"""English inflection for term matching, from lemminflect's dictionary (no hand-written suffix rules).

Which words of a term take which forms depends on the term's part of speech (the glossary's ``pos``):
a noun's last word (its head) takes its plurals (howitzer → howitzers, man → men, aircraft → aircraft);
a verb takes its verb forms (fire → fires, fired, firing; shoot → shot), on its first word when the term has
several (shoot down → shot down); an adjective or adverb of one word its comparative and superlative
(heavy → heavier, heaviest). Words the dictionary does not know (acronyms, jargon) take no forms from it.

The forms are what ``lemminflect.getAllInflections(word, upos)`` gives, read from lemminflect's own table
files without importing the package: its import loads numpy, and it parses the whole 40k-line table, about
a second before the first check. Here the table is decompressed once (10 ms) and each word is found by
binary search (the table is sorted by word).
"""

from __future__ import annotations

import bisect
import functools
import gzip
import importlib.util
from collections.abc import Sequence
from pathlib import Path

from bilingual_reader.qa.spelling import canonical

#: The Penn tags of the forms each part of speech takes (the base form is always there).
_TAGS = {
    "noun": ("NNS",),
    "verb": ("VBD", "VBN", "VBG", "VBZ"),
    "adj": ("JJR", "JJS"),
    "adv": ("RBR", "RBS"),
}
_ALIASES = {"n": "noun", "v": "verb", "adjective": "adj", "a": "adj", "adverb": "adv"}


def part_of_speech(pos: str) -> str:
    """A glossary part of speech in the short form used here (``adjective`` → ``adj``)."""
    pos = pos.strip().casefold()
    return _ALIASES.get(pos, pos)


_CATEGORY_TAGS = {  # the table's forms after "word,category," in this order (lemminflect's InflectionLUCodec)
    "noun": ("NNS",),
    "adj": ("JJR", "JJS"),
    "adv": ("RBR", "RBS"),
    "verb": ("VBD", "VBN", "VBG", "VBZ"),
}
#: Modals and "be": lemminflect replaces what its table says about these words with fixed forms.
_AUX_MOD: dict[str, dict[str, tuple[str, ...]]] = {
    "can": {"VBD": ("could",)},
    "may": {"VBD": ("might",)},
    "will": {"VBD": ("would",)},
    "shall": {"VBD": ("should",)},
    "must": {"VBD": ("must",)},
    "ought": {"VBD": ("ought",)},
    "dare": {},
    "be": {"VBD": ("was", "were"), "VBG": ("being",), "VBN": ("been",), "VBZ": ("is",)},
}


def _resources() -> Path:
    """lemminflect's ``resources`` folder (``find_spec`` does not run the package)."""
    spec = importlib.util.find_spec("lemminflect")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("lemminflect is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "resources"


@functools.cache
def _table() -> list[str]:
    """The inflection table's lines, ``word,category,forms…``, sorted by word."""
    data = gzip.decompress((_resources() / "infl_lu.csv.gz").read_bytes()).decode("utf-8")
    return data.strip("\n").split("\n")


def _word(line: str) -> str:
    return line.partition(",")[0]


@functools.cache
def _overrides() -> dict[str, dict[str, tuple[str, ...]]]:
    """lemminflect's hand-made corrections: word → tag → the one form that replaces the table's."""
    found: dict[str, dict[str, tuple[str, ...]]] = {}
    text = (_resources() / "infl_overrides.csv").read_text(encoding="utf-8")
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            word, tag, form = line.split(",")
            found.setdefault(word, {})[tag] = (form,)
    return found


def _dictionary_forms(word: str) -> dict[str, tuple[str, ...]]:
    """Every form the table (then the overrides) gives ``word``, by Penn tag (``getAllInflections(word)``)."""
    forms: dict[str, tuple[str, ...]] = {}
    if word in _AUX_MOD:
        forms.update(_AUX_MOD[word])
    else:
        lines = _table()
        at = bisect.bisect_left(lines, word, key=_word)
        while at < len(lines) and _word(lines[at]) == word:
            _, category, *spellings = lines[at].strip().split(",")
            for tag, spelling in zip(_CATEGORY_TAGS.get(category, ()), spellings, strict=False):
                if spelling:
                    forms[tag] = tuple(spelling.split("/"))
            at += 1
    forms.update(_overrides().get(word, {}))
    return forms


@functools.lru_cache(maxsize=16384)
def forms_of(word: str, pos: str) -> tuple[str, ...]:
    """The canonical inflected forms of one canonical word used as ``pos`` (not the word itself)."""
    tags = _TAGS.get(pos)
    if tags is None or not word.isalpha():
        return ()
    table = _dictionary_forms(word.lower())
    found = {canonical(form) for tag in tags for form in table.get(tag, ())}
    found.discard(word)
    return tuple(sorted(found))


def load() -> None:
    """Read the inflection table now (about 10 ms): call it off the UI thread before a check."""
    forms_of("fire", "verb")


def inflected(words: Sequence[str], pos: str) -> list[tuple[str, ...]]:
    """The inflected word sequences of a term given as canonical words (the term itself not included)."""
    pos = part_of_speech(pos)
    if not words:
        return []
    if pos == "noun":
        at = len(words) - 1
    elif pos == "verb" or len(words) == 1:
        at = 0
    else:
        return []
    return [(*words[:at], form, *words[at + 1 :]) for form in forms_of(words[at], pos)]
