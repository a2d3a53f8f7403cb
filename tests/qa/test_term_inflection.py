"""English inflection in term matching: which forms of which words count, by part of speech, and which
forms must not (a noun term takes no verb forms, a verb no derived nouns)."""

from __future__ import annotations

import pytest

from bilingual_reader.qa.inflection import forms_of, inflected, part_of_speech
from bilingual_reader.qa.matcher import EnglishMatcher


@pytest.mark.parametrize(
    ("word", "pos", "forms"),
    [
        ("fire", "verb", ("fired", "fires", "firing")),
        ("shoot", "verb", ("shooting", "shoots", "shot")),
        ("fly", "verb", ("flew", "flied", "flies", "flown", "flying")),
        ("howitzer", "noun", ("howitzers",)),
        ("aircraft", "noun", ("aircrafts",)),
        ("crisis", "noun", ("crises",)),
        ("criterion", "noun", ("criteria", "criterions")),
        ("man", "noun", ("men",)),
        ("heavy", "adj", ("heavier", "heaviest")),
        ("armor", "noun", ()),  # uncountable: no plural of its own
        ("tank", "adj", ()),  # not an adjective
        ("himars", "noun", ()),  # unknown to the dictionary
        ("f16", "noun", ()),
        ("fire", "preposition", ()),
    ],
)
def test_forms_of_a_word(word: str, pos: str, forms: tuple[str, ...]) -> None:
    assert forms_of(word, pos) == forms


def test_forms_are_canonical_american_spellings() -> None:
    assert "labeled" in forms_of("label", "verb")
    assert "labelled" not in forms_of("label", "verb")


@pytest.mark.parametrize(
    ("words", "pos", "expected"),
    [
        (("self", "propelled", "howitzer"), "noun", [("self", "propelled", "howitzers")]),
        (("shoot", "down"), "verb", [("shooting", "down"), ("shoots", "down"), ("shot", "down")]),
        (("heavy", "tank"), "adj", []),  # only a one-word adjective is compared
        (("heavy",), "adjective", [("heavier",), ("heaviest",)]),
        ((), "noun", []),
    ],
)
def test_which_word_inflects(words: tuple[str, ...], pos: str, expected: list[tuple[str, ...]]) -> None:
    assert inflected(words, pos) == expected


@pytest.mark.parametrize(("given", "short"), [("Verb", "verb"), ("adjective", "adj"), (" n ", "noun")])
def test_part_of_speech_aliases(given: str, short: str) -> None:
    assert part_of_speech(given) == short


# (term, part of speech, English text, the texts of the hits)
CASES = [
    ("fire", "verb", "The missile was fired", ["fired"]),
    ("fire", "verb", "They keep firing; it fires again", ["firing", "fires"]),
    ("fire", "verb", "a firearm, a fireman, fireworks", []),
    ("launch", "verb", "the rocket launcher", []),
    ("launch", "verb", "Russia launches drones", ["launches"]),
    ("shoot down", "verb", "Two drones were shot down", ["shot down"]),
    ("shoot down", "verb", "shot at, then down", []),
    ("self-propelled howitzer", "noun", "six self-propelled howitzers", ["self-propelled howitzers"]),
    ("self-propelled howitzer", "noun", "self-propelling howitzer", []),
    ("artillery shell", "noun", "artillery shells and artillery shelling", ["artillery shells"]),
    ("tank", "noun", "the economy tanked; tanking", []),
    ("tank", "noun", "two tanks", ["tanks"]),
    ("mine", "noun", "mining and mined areas", []),
    ("crewman", "noun", "ten crewmen", ["crewmen"]),
    ("analysis", "noun", "two analyses", ["analyses"]),
    ("aircraft", "noun", "three aircraft", ["aircraft"]),
    ("heavy", "adj", "heavier and the heaviest", ["heavier", "heaviest"]),
    ("heavy", "adj", "the heavies", []),
    ("armour", "noun", "armoured", []),  # no verb forms for a noun
    ("HIMARS", "noun", "two HIMARSes", ["HIMARSes"]),  # unknown word: the suffix plurals still apply
    ("drone", "noun", "drone's", ["drone"]),
]


@pytest.mark.parametrize(("term", "pos", "text", "hits"), CASES, ids=[f"{c[0]}:{c[2]}" for c in CASES])
def test_matches_exactly(term: str, pos: str, text: str, hits: list[str]) -> None:
    found = EnglishMatcher([(term, pos)]).find(text)
    assert [text[h.start : h.end] for h in found] == hits


def test_without_inflection_only_the_suffix_plurals_match() -> None:
    matcher = EnglishMatcher([("fire", "verb"), ("crisis", "noun"), ("tank", "noun")], inflect=False)
    assert [h.key for h in matcher.find("fired crises tanks")] == ["tank"]


def test_forms_match_lemminflect_over_the_glossary_and_its_table() -> None:
    """forms_of reads lemminflect's table itself (no numpy): the same forms as lemminflect gives, for every
    word of the shipped glossary's English, every word its overrides touch, the modals, and a spread of the
    table's own words."""
    import gzip

    from lemminflect import getAllInflections

    from bilingual_reader.qa.inflection import _TAGS, _resources
    from bilingual_reader.qa.spelling import canonical, words
    from support import SHIPPED_TSV

    table = gzip.decompress((_resources() / "infl_lu.csv.gz").read_bytes()).decode("utf-8").split("\n")
    overrides = (_resources() / "infl_overrides.csv").read_text(encoding="utf-8").splitlines()
    vocabulary = {w.key for w in words(SHIPPED_TSV.read_text(encoding="utf-8"))}
    vocabulary |= {line.split(",")[0] for line in overrides if line}
    vocabulary |= {line.split(",")[0] for line in table[::37] if line and line[0].islower()}
    vocabulary |= {"can", "may", "will", "shall", "must", "ought", "dare", "be", "bless", "bankrol"}
    upos = {"noun": "NOUN", "verb": "VERB", "adj": "ADJ", "adv": "ADV"}
    checked = 0
    for word in sorted(w for w in vocabulary if w.isalpha()):
        for pos, tags in _TAGS.items():
            expected = getAllInflections(word, upos=upos[pos])
            forms = {canonical(f) for tag in tags for f in expected.get(tag, ())} - {word}
            assert forms_of(word, pos) == tuple(sorted(forms)), (word, pos)
            checked += 1
    assert checked > 4000


def test_the_table_is_sorted_by_word() -> None:
    """forms_of finds a word by binary search: lemminflect's table must stay sorted by its first field."""
    from bilingual_reader.qa.inflection import _table

    words = [line.partition(",")[0] for line in _table()]
    assert words == sorted(words)
    assert len(words) > 30000


def test_a_term_check_imports_neither_lemminflect_nor_numpy() -> None:
    """Building a checker and checking a paragraph reads the table; the package (and numpy) stays out."""
    import subprocess
    import sys

    probe = (
        "import sys\n"
        "from bilingual_reader.glossary.models import Concept, Term\n"
        "from bilingual_reader.qa.check import TermChecker\n"
        "concept = Concept('weapons', (Term('ยิง', 'th'), Term('fire', 'en', pos='verb')))\n"
        "findings = TermChecker([concept]).check(0, 'ยิง', 'They fired twice.')\n"
        "print(findings[0].status.value, findings[0].english_term)\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'lemminflect', 'numpy'}))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines() == ["ok fire", "[]"]
