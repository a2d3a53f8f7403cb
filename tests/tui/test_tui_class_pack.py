"""A class pack round trip in the reader: a teacher packs an article with a new glossary term and English;
a student with another data folder opens the pack and reads: the teacher's English shows labelled "teacher's
translation" (with no model, and with a model translating the other paragraphs) and the new term is
marked."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilingual_reader.glossary.models import Concept, Term
from bilingual_reader.glossary.store import Glossary
from bilingual_reader.teaching.pack_create import pack_bytes
from bilingual_reader.teaching.pack_open import open_pack, pack_folder
from bilingual_reader.teaching.pack_read import read_pack
from bilingual_reader.translation.engines.base import SentenceTranslation
from bilingual_reader.translation.memory import TranslationMemory
from bilingual_reader.translation.packages import install_file
from bilingual_reader.tui.app import create_app
from bilingual_reader.tui.reader.translation_messages import TEACHER_MARK
from support import TRAINED

from .conftest import ARTICLE, CONCEPTS
from .pilot_helpers import settle, started


@pytest.mark.parametrize("model", [False, True], ids=["no model", "a model"])
async def test_a_student_reads_the_teachers_english_and_terms(
    model: bool, article_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bilingual_reader.documents.articles import load_article

    article = load_article(article_path)
    teacher = Glossary.memory()
    for concept in (*CONCEPTS, Concept("armour", (Term("หมวกเหล็ก", "th"), Term("helmet", "en")))):
        teacher.add(concept)
    with TranslationMemory(tmp_path / "teacher.db") as memory:
        machine = SentenceTranslation(article.paragraphs[0], "The army buys guns and tanks.", ())
        memory.put_sentence("teacher-model", "s", machine)  # the teacher's model, not reviewed
        memory.save_post_edit(
            article.article_id, 1, article.paragraphs[1], "Soldiers got armour and helmets."
        )
        pack = tmp_path / "class.brpack"
        pack.write_bytes(pack_bytes("Class 3B", [article], teacher, memory).data)
    monkeypatch.setenv("BILINGUAL_READER_DATA_DIR", str(tmp_path / "student"))
    student_glossary = tmp_path / "student.db"
    with Glossary.open(student_glossary) as glossary:
        glossary.add(CONCEPTS[0])
        with TranslationMemory() as memory:
            report = open_pack(read_pack(pack), glossary, memory)
    assert (report.glossary.added, report.english_saved) == (4, 2)
    opened = pack_folder("Class 3B") / "article.txt"
    assert opened.read_text(encoding="utf-8") == ARTICLE
    if model:
        install_file(TRAINED)
    app = create_app(opened, student_glossary)
    async with started(app, (160, 45)) as (pilot, screen):
        assert screen.translation.no_model is not model
        assert screen.translation.results[1].english == "Soldiers got armour and helmets."
        first = screen.translation.results[0]
        if model:  # the student's model translates the paragraph the teacher did not edit
            assert first.source in ("engine", "memory") and first.model != "class pack: Class 3B"
        else:  # the teacher's machine English, shown as machine English (no mark)
            assert (first.source, first.english, first.teacher) == (
                "memory",
                "The army buys guns and tanks.",
                False,
            )
            slot = screen.translation.slot(0)
            assert slot is not None and str(slot.translation) == "The army buys guns and tanks."
        slot = screen.translation.slot(1)
        assert (
            slot is not None and str(slot.translation) == f"Soldiers got armour and helmets.\n{TEACHER_MARK}"
        )
        tokens = screen.lookup.tokens
        assert tokens is not None
        assert [t.text for t in tokens[1] if t.is_term] == ["เสื้อเกราะ", "หมวกเหล็ก"]
        if model:  # translating the paragraph again keeps the teacher's English and its label
            await pilot.press("down")
            await settle(app, pilot)
            assert screen.text.cursor.paragraph == 1
            await pilot.press("r")
            await settle(app, pilot)
            assert screen.translation.results[1].teacher
            slot = screen.translation.slot(1)
            assert slot is not None and str(slot.translation).endswith(TEACHER_MARK)
