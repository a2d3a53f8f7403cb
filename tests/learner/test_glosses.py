"""Short glosses: the glossary's preferred term, else the curated function-word gloss, else the dictionary's
first sense, else a machine gloss (marked); and machine glosses from the real (trained) test model, kept in
the translation memory."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilingual_reader.glossary.models import Concept, Term
from bilingual_reader.glossary.store import Glossary
from bilingual_reader.learner.glosses import Gloss, gloss_for, needs_machine, short_gloss
from bilingual_reader.learner.machine_glosses import machine_glosses
from bilingual_reader.translation.engines.local import LocalEngine
from bilingual_reader.translation.packages import InstalledModel
from bilingual_reader.translation.session import open_session


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        # function words: the curated gloss, not WordNet's first sense
        ("ที่", Gloss("that, at", "function")),  # WordNet: "topographic point"
        ("นาย", Gloss("Mr.", "function")),  # WordNet: "boss"
        ("เขา", Gloss("he, they", "function")),  # WordNet: "mountain"
        ("กับ", Gloss("with", "function")),  # WordNet: "dish"
        ("ของ", Gloss("of", "function")),  # WordNet: "object"
        ("และ", Gloss("and", "function")),  # no WordNet sense at all
        ("จะ", Gloss("will", "function")),
        ("การ", Gloss("(act of)", "function")),
        ("ไป", Gloss("go", "function")),
        # content words: the dictionary's first sense
        ("ทหาร", Gloss("serviceman", "dictionary")),
        ("เรือดำน้ำ", Gloss("submarine", "dictionary")),
        # nothing knows these without a model
        ("สันติภาพ", None),
        ("สนธิสัญญา", None),
        ("เยือน", None),
    ],
)
def test_gloss_without_a_glossary(word: str, expected: Gloss | None) -> None:
    assert gloss_for(word, None) == expected
    assert needs_machine(word, None) is (expected is None)


def test_the_glossary_comes_first_and_a_machine_gloss_last(tmp_path: Path) -> None:
    with Glossary.open(tmp_path / "g.db") as glossary:
        glossary.add(Concept("people", (Term("นาย", "th"), Term("officer", "en"))))
        assert gloss_for("นาย", glossary) == Gloss("officer", "glossary")
        asked: list[str] = []

        def machine(word: str) -> str:
            asked.append(word)
            return "Peace."

        assert gloss_for("ที่", glossary, machine) == Gloss("that, at", "function")
        found = gloss_for("สันติภาพ", glossary, machine)
        assert found == Gloss("Peace", "machine")
        assert found is not None and found.display() == "Peace*"
        assert asked == ["สันติภาพ"]  # only the word nothing else knew went to the machine


@pytest.mark.parametrize(
    ("raw", "short"),
    [
        ("peace.", "peace"),
        ("  The   treaty\n", "The treaty"),
        ("The peace tas coder heldroed.", "The peace tas coder hel…"),
        ("", ""),
    ],
)
def test_a_machine_translation_is_made_gloss_sized(raw: str, short: str) -> None:
    assert short_gloss(raw) == short


def test_machine_glosses_with_the_trained_model_are_kept_in_the_memory(
    trained_model: InstalledModel, tmp_path: Path
) -> None:
    words = ["สันติภาพ", "สนธิสัญญา", "เยือน"]
    memory = tmp_path / "memory.db"
    with open_session(memory_path=memory) as session:
        engine = session.engine
        assert isinstance(engine, LocalEngine)
        direct = {t.source: short_gloss(t.best) for t in engine.translate(words)}
        session.memory.conn.execute("delete from sentences")  # only what machine_glosses stores counts
        session.memory.conn.commit()
        first = list(machine_glosses(session, words))
    assert first == [(w, direct[w]) for w in words]
    assert all(text for _, text in first)
    calls = engine.calls
    with open_session(memory_path=memory) as session:
        again = list(machine_glosses(session, words))
    assert again == first
    assert engine.calls == calls  # recalled from the memory, no engine call
