"""Matching terms: English spelling forms, the Thai trie with longest match, the English word matcher."""

from __future__ import annotations

import pytest

from bilingual_reader.qa.matcher import EnglishMatcher, Hit, ThaiMatcher, resolve_overlaps
from bilingual_reader.qa.spelling import canonical, plural_forms, term_key


@pytest.mark.parametrize(
    ("british", "american"),
    [
        ("armour", "armor"),
        ("Armoured", "armored"),
        ("defence", "defense"),
        ("offences", "offenses"),
        ("organisation", "organization"),
        ("mobilised", "mobilized"),
        ("analyse", "analyze"),
        ("centre", "center"),
        ("calibres", "calibers"),
        ("manoeuvre", "maneuver"),
        ("catalogue", "catalog"),
        ("aluminium", "aluminum"),
        ("fuelled", "fueled"),
        ("travelling", "traveling"),
        ("grey", "gray"),
        ("tyres", "tires"),
    ],
)
def test_british_and_american_spellings_meet(british: str, american: str) -> None:
    assert canonical(british) == canonical(american)


@pytest.mark.parametrize(
    ("one", "other"),
    [("four", "for"), ("hour", "hor"), ("filled", "filed"), ("tank", "tanker"), ("mine", "mines")],
)
def test_distinct_words_stay_distinct(one: str, other: str) -> None:
    assert canonical(one) != canonical(other)


@pytest.mark.parametrize(
    ("key", "forms"),
    [
        ("tank", ("tanks", "tankes")),
        ("battery", ("batterys", "batteryes", "batteries")),
        ("airman", ("airmans", "airmanes", "airmen")),
        ("knife", ("knifes", "knifees", "knives")),
    ],
)
def test_plural_forms(key: str, forms: tuple[str, ...]) -> None:
    assert plural_forms(key) == forms


@pytest.mark.parametrize(
    ("term", "key"),
    [("Self-propelled howitzer", "selfpropelledhowitzer"), ("F-16", "f16"), ("  ", "")],
)
def test_term_key(term: str, key: str) -> None:
    assert term_key(term) == key


def test_thai_longest_match_wins_over_overlaps() -> None:
    matcher = ThaiMatcher(["กข", "ขคง", "ง", "จ"])
    assert matcher.find("ฉกขคงจ") == [Hit(2, 5, "ขคง"), Hit(5, 6, "จ")]


def test_thai_offsets_index_the_original_text() -> None:
    matcher = ThaiMatcher(["รถถัง", "Leopard  2"])
    text = "ส่ง\u200bรถ\u200bถัง  Leopard\u00a0 2"
    assert [(h.start, h.end, text[h.start : h.end]) for h in matcher.find(text)] == [
        (4, 10, "รถ\u200bถัง"),
        (12, 22, "Leopard\u00a0 2"),
    ]


@pytest.mark.parametrize(
    ("text", "found"),
    [("F-16ของ", ["f-16"]), ("F-160", []), ("AF-16", []), ("ใช้F-16V", []), ("f-16", ["f-16"])],
)
def test_latin_edges_need_boundaries(text: str, found: list[str]) -> None:
    assert [h.key for h in ThaiMatcher(["F-16"]).find(text)] == found


def test_same_span_hits_are_all_kept() -> None:
    hits = [Hit(0, 4, "a"), Hit(0, 4, "b"), Hit(2, 3, "c"), Hit(3, 9, "d")]
    assert resolve_overlaps(hits) == [Hit(2, 3, "c"), Hit(3, 9, "d")]
    assert resolve_overlaps(hits[:3]) == [Hit(0, 4, "a"), Hit(0, 4, "b")]


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("Self-Propelled Howitzers!", [(0, 24)]),
        ("self propelled  howitzer", [(0, 24)]),
        ("selfpropelled howitzer", [(0, 22)]),
        ("self, propelled howitzer", []),
        ("self-propelled howitzerx", []),
    ],
)
def test_english_whole_words_hyphens_and_plurals(text: str, spans: list[tuple[int, int]]) -> None:
    matcher = EnglishMatcher(["self-propelled howitzer"])
    assert [(h.start, h.end) for h in matcher.find(text)] == spans


def test_english_wanted_keys_filter() -> None:
    matcher = EnglishMatcher(["tank", "drone"])
    assert [h.key for h in matcher.find("tank and drone", ["drone"])] == ["drone"]


def _naive_resolve(hits: list[Hit]) -> list[Hit]:
    """The definition: every hit against every kept hit (quadratic; what resolve_overlaps must equal)."""
    kept: list[Hit] = []
    for hit in sorted(hits, key=lambda h: (h.start - h.end, h.start)):
        if all(
            (hit.start, hit.end) == (k.start, k.end) or hit.end <= k.start or k.end <= hit.start for k in kept
        ):
            kept.append(hit)
    return sorted(kept, key=lambda h: (h.start, h.end, h.key))


def test_resolve_overlaps_equals_the_definition_on_random_hits() -> None:
    import random

    rng = random.Random(15)
    for _ in range(3_000):
        hits = []
        for _ in range(rng.randint(0, 30)):
            start = rng.randint(0, 40)
            hits.append(Hit(start, start + rng.randint(1, 8), rng.choice("abcd")))
        assert resolve_overlaps(hits) == _naive_resolve(hits), hits


def test_english_matcher_finds_every_run_in_a_long_text() -> None:
    """Each word's runs are walked by index (slicing the rest of the word list per word was quadratic)."""
    matcher = EnglishMatcher(["main battle tank", "tank"])
    text = "main battle tank, tanks. " * 2_000
    hits = matcher.find(text)
    assert len(hits) == 6_000
    assert hits[:3] == [Hit(0, 16, "mainbattletank"), Hit(12, 16, "tank"), Hit(18, 23, "tank")]


def test_english_matcher_judges_each_gap_between_words_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whether two words may join is asked once per gap, not again for every run crossing it: a long
    paragraph of joined words made it run for seconds (issue 15: `check` on one 2 MB paragraph)."""
    from bilingual_reader.qa import matcher as matcher_module
    from bilingual_reader.qa.spelling import Word, joined

    calls: list[tuple[Word, Word]] = []

    def counted(text: str, left: Word, right: Word) -> bool:
        calls.append((left, right))
        return joined(text, left, right)

    monkeypatch.setattr(matcher_module, "joined", counted)
    matcher = EnglishMatcher(["main battle tank", "self-propelled howitzer"])
    text = "main battle tank and self-propelled howitzer " * 500
    hits = matcher.find(text)
    assert len(hits) == 1_000
    assert len(calls) == 7 * 500 - 1
