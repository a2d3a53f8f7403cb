"""Flashcards: which words, what the notes hold, and what Anki itself sees when it imports the package."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from bilingual_reader.glossary.models import Concept, Term
from bilingual_reader.glossary.models import Status as TermStatus
from bilingual_reader.glossary.store import Glossary
from bilingual_reader.learner.anki_deck import FIELDS, NOTE_TYPE_NAME, apkg_bytes, tsv_text
from bilingual_reader.learner.cards import CardFilter, build_cards, select_words
from bilingual_reader.learner.statuses import Status
from bilingual_reader.learner.store import LearnerStore, Place
from learner.conftest import FakeClock


def _anki() -> Any:
    """``anki.collection``, imported only by the test that runs Anki (about 1 s: not at collection)."""
    try:
        from anki import collection
    except ImportError:  # pragma: no cover - the dev group installs anki; CI must have it
        if os.environ.get("CI"):
            raise
        pytest.skip("the anki package is not installed")
    return collection


SENTENCE = "ทหารเดินทางไปชายแดน"


@pytest.fixture
def glossary() -> Iterator[Glossary]:
    g = Glossary.memory()
    g.add(
        Concept(
            subject="army",
            terms=(
                Term("ทหาร", "th"),
                Term("soldier", "en"),
                Term("serviceman", "en", status=TermStatus.ADMITTED),
                Term("grunt", "en", status=TermStatus.FORBIDDEN),
            ),
        )
    )
    yield g
    g.close()


@pytest.fixture
def marked(store: LearnerStore, clock: FakeClock) -> LearnerStore:
    store.set_status("ทหาร", Status.NEW, Place("art1", "Troops <north>", 3, SENTENCE))
    store.set_status("ปืน", Status.FAMILIAR)
    store.set_status("เรือ", Status.WELL_KNOWN)
    store.set_status("ยาน", Status.IGNORED)
    clock.advance(days=2)
    store.record_lookup("เยือน", Place("art2", "Visit", 0, "ผู้นำเยือนไทย"))
    return store


def test_default_filter_is_learning_1_to_4(marked: LearnerStore) -> None:
    assert [(k, s) for k, s, _ in select_words(marked, CardFilter())] == [
        ("ทหาร", Status.NEW),
        ("ปืน", Status.FAMILIAR),
    ]


@pytest.mark.parametrize(
    ("chosen", "words"),
    [
        (CardFilter(looked_up=True), ["เยือน"]),  # looked up, never marked: unknown, still a card
        (CardFilter(statuses=frozenset({Status.WELL_KNOWN})), ["เรือ"]),
        (CardFilter(article="art1"), ["ทหาร"]),
        (CardFilter(since=date(2026, 11, 3)), []),
        (CardFilter(since=date(2026, 11, 2), until=date(2026, 11, 2)), ["ทหาร", "ปืน"]),
        (CardFilter(looked_up=True, since=date(2026, 11, 4)), ["เยือน"]),
    ],
)
def test_filters(marked: LearnerStore, chosen: CardFilter, words: list[str]) -> None:
    assert [k for k, _, _ in select_words(marked, chosen)] == words


def test_card_content(marked: LearnerStore, glossary: Glossary) -> None:
    card = build_cards(marked, CardFilter(), glossary, lambda place: f"English of {place.sentence[:4]}")[0]
    assert card.word == "ทหาร"
    assert (card.rtgs, card.tones) == ("thahan", "tá-hǎan")
    assert card.english == "soldier; serviceman"  # preferred and admitted, never the forbidden term
    assert card.sentence == "<b>ทหาร</b>เดินทางไปชายแดน"
    assert card.cloze == "<b>[...]</b>เดินทางไปชายแดน"
    assert card.sentence_english == "English of ทหาร"
    assert card.title == "Troops &lt;north&gt;"
    assert card.tags == ("bilingual-reader", "status-1", "army")


@pytest.mark.parametrize(
    ("word", "machine", "english"),
    [
        ("เยือน", {"เยือน": "visited."}, "visited (machine gloss)"),  # no glossary entry, no WordNet sense
        ("เยือน", {}, ""),  # no machine gloss in the memory either
        ("ที่", {"ที่": "place"}, "that, at"),  # a function word: the curated gloss, not the machine's
        ("ปืน", {"ปืน": "machine"}, "gun"),  # the dictionary comes first
    ],
)
def test_card_english_falls_back_to_the_machine_gloss(
    store: LearnerStore, word: str, machine: dict[str, str], english: str
) -> None:
    store.set_status(word, Status.NEW)
    card = build_cards(store, CardFilter(), None, machine_english=machine.get)[0]
    assert (card.word, card.english) == (word, english)


def _import(anki: Any, collection: Any, package: Path) -> Any:
    request = anki.ImportAnkiPackageRequest(
        package_path=str(package), options=anki.ImportAnkiPackageOptions(with_scheduling=False)
    )
    return collection.import_anki_package(request)


def test_anki_imports_the_notes_fields_cards_and_tags(
    marked: LearnerStore, glossary: Glossary, tmp_path: Path, clock: FakeClock
) -> None:
    package = tmp_path / "deck.apkg"
    package.write_bytes(apkg_bytes(build_cards(marked, CardFilter(), glossary), timestamp=1_700_000_000))
    anki = _anki()
    collection = anki.Collection(str(tmp_path / "collection.anki2"))
    try:
        _import(anki, collection, package)
        notes: dict[str, Any] = {}
        for note_id in collection.find_notes(""):
            note = collection.get_note(note_id)
            notes[note["Thai"]] = note
        assert set(notes) == {"ทหาร", "ปืน"}
        soldier = notes["ทหาร"]
        note_type: Any = soldier.note_type()
        assert note_type["name"] == NOTE_TYPE_NAME
        assert list(soldier.keys()) == list(FIELDS)
        assert soldier["English"] == "soldier; serviceman"
        assert soldier["Sentence"] == "<b>ทหาร</b>เดินทางไปชายแดน"
        assert sorted(soldier.tags) == ["army", "bilingual-reader", "status-1"]
        assert sorted(str(c.template()["name"]) for c in soldier.cards()) == ["Recognition", "Sentence cloze"]
        # no sentence known for ปืน: Anki makes no (empty) cloze card
        assert [c.template()["name"] for c in notes["ปืน"].cards()] == ["Recognition"]
        assert "ทหาร" in soldier.cards()[0].question()
        assert collection.card_count() == 3

        # learning goes on: ทหาร moves to 2; a re-export imported again updates, it does not duplicate
        clock.advance(days=1)
        marked.set_status("ทหาร", Status.RECOGNIZED)
        package.write_bytes(apkg_bytes(build_cards(marked, CardFilter(), glossary), timestamp=1_700_100_000))
        _import(anki, collection, package)
        assert collection.note_count() == 2
        again = collection.get_note(collection.find_notes("Thai:ทหาร")[0])
        assert "status-2" in again.tags
    finally:
        collection.close()


def test_tsv_has_thai_and_english_first(marked: LearnerStore, glossary: Glossary) -> None:
    lines = tsv_text(build_cards(marked, CardFilter(), glossary)).splitlines()
    assert [line.split("\t")[:2] for line in lines] == [["ทหาร", "soldier; serviceman"], ["ปืน", "gun"]]
    assert lines[0].split("\t")[-1] == "bilingual-reader status-1 army"
    assert all(line.count("\t") == len(FIELDS) for line in lines)
