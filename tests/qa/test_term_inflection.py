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
