"""`bilingual-reader pack create|open`: a teacher's pack of the shipped articles opened by a student with
another data folder: the articles, the teacher's new term and English arrive once; a hostile pack is one
line."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from bilingual_reader.cli import main
from bilingual_reader.documents.articles import load_article
from bilingual_reader.glossary.locations import resolve_glossary_path
from bilingual_reader.glossary.models import Concept, Term
from bilingual_reader.glossary.store import Glossary
from bilingual_reader.translation.engines.base import SentenceTranslation
from bilingual_reader.translation.memory import TranslationMemory
from support import ROOT

ARTICLES = sorted((ROOT / "articles").glob("*.txt"))


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def teacher_pack(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The teacher (own data folder) adds เป็นเจ้าภาพ "host" and a post-edit of article 3's headline."""
    monkeypatch.setenv("BILINGUAL_READER_DATA_DIR", str(tmp_path / "teacher"))
    glossary = tmp_path / "teacher.db"
    shutil.copy(ROOT / "glossary.db", glossary)
    with Glossary.open(glossary) as store:
        store.add(Concept("general", (Term("เป็นเจ้าภาพ", "th"), Term("host", "en"))))
    article = load_article(ARTICLES[2])
    (tmp_path / "teacher").mkdir()
    with TranslationMemory() as memory:
        memory.save_post_edit(article.article_id, 0, article.paragraphs[0], "Cobra Gold and demining")
        memory.put_sentence("m", "s", SentenceTranslation(article.paragraphs[1], "A model's English.", ()))
    pack = tmp_path / "class.brpack"
    code, out, err = run("--glossary", str(glossary), "pack", "create", *map(str, ARTICLES), "-o", str(pack))
    assert (code, err) == (0, "")
    assert out.startswith(f"{pack}: 3 article(s), ") and out.endswith(
        " concept(s), English for 2 paragraph(s)\n"
    )
    monkeypatch.setenv("BILINGUAL_READER_DATA_DIR", str(tmp_path / "student"))
    return pack


def test_a_student_opens_the_pack_once(teacher_pack: Path, tmp_path: Path) -> None:
    folder = tmp_path / "student" / "class-packs" / "class"
    code, out, err = run("pack", "open", str(teacher_pack))
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == f"class pack class: 3 article(s) added, 0 already there, in {folder}"
    assert lines[1].startswith("glossary: 1 added, 0 merged, 0 replaced, ")
    assert lines[2] == (
        "teacher's English: 2 paragraph(s) saved (1 the teacher's translation, 1 machine translation), 0 kept"
    )
    assert lines[3:] == [f"  bilingual-reader read {folder / p.name}" for p in ARTICLES]
    with Glossary.open(resolve_glossary_path(None), read_only=True) as glossary:
        assert [c.english[0].text for c in glossary.lookup("เป็นเจ้าภาพ")] == ["host"]
    article = load_article(folder / ARTICLES[2].name)
    with TranslationMemory() as memory:
        assert memory.get_post_edit(article.article_id, 0, article.paragraphs[0]) == "Cobra Gold and demining"
    code, out, _ = run("pack", "open", str(teacher_pack))
    assert code == 0
    assert out.splitlines()[0] == f"class pack class: 0 article(s) added, 3 already there, in {folder}"
    assert out.splitlines()[1].startswith("glossary: 0 added, 0 merged, 0 replaced, ")
    assert out.splitlines()[2] == "teacher's English: 0 paragraph(s) saved, 2 kept"


def test_a_hostile_pack_is_one_line_and_changes_nothing(teacher_pack: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.brpack"
    with zipfile.ZipFile(teacher_pack) as source, zipfile.ZipFile(bad, "w") as target:
        for name in source.namelist():
            target.writestr(name, source.read(name))
        target.writestr("articles/../../../.profile.txt", b"evil")
    code, out, err = run("pack", "open", str(bad))
    assert (code, out) == (2, "")
    assert err == f"bilingual-reader: {bad}: '..' in a path in the pack: 'articles/../../../.profile.txt'\n"
    assert not (tmp_path / "student").exists()


def test_create_refuses_a_bad_name_and_a_bad_destination(tmp_path: Path) -> None:
    code, _, err = run("pack", "create", str(ARTICLES[0]), "-o", str(tmp_path / "p.brpack"), "--name", "../x")
    rule = "a pack's name is letters, digits, spaces, dots, dashes and underscores"
    assert (code, err) == (2, f"bilingual-reader: '../x': {rule}\n")
    code, _, err = run("pack", "create", str(ARTICLES[0]), "-o", str(ARTICLES[0]))
    own = "is one of this command's own inputs; refusing to overwrite it"
    assert (code, err) == (2, f"bilingual-reader: {ARTICLES[0]}: {own}\n")
    assert not (tmp_path / "p.brpack").exists()


def test_flashcards_from_cards_export_travel_in_the_pack(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The teacher's `cards export` deck goes into the pack (--cards) and comes out, named, beside the
    articles on the student's side; a file that is not an Anki package is refused in one line."""
    monkeypatch.setenv("BILINGUAL_READER_DATA_DIR", str(tmp_path / "teacher"))
    learner = str(tmp_path / "learner.db")
    run("--learner", learner, "words", "set", "2", "ทหาร", "ปืน")
    deck = tmp_path / "deck.apkg"
    assert run("--learner", learner, "cards", "export", "-o", str(deck))[0] == 0
    pack = tmp_path / "class.brpack"
    code, out, err = run(
        "pack", "create", str(ARTICLES[0]), "-o", str(pack), "--name", "3B", "--cards", str(deck)
    )
    assert (code, err) == (0, "") and out.endswith(", flashcards\n")
    assert "cards.apkg" in zipfile.ZipFile(pack).namelist()
    not_a_deck = tmp_path / "notes.apkg"
    not_a_deck.write_text("not a zip", encoding="utf-8")
    code, _, err = run(
        "pack", "create", str(ARTICLES[0]), "-o", str(tmp_path / "x.brpack"), "--cards", str(not_a_deck)
    )
    assert (code, err) == (
        2,
        "bilingual-reader: the flashcards are not an Anki package (File is not a zip file)\n",
    )
    monkeypatch.setenv("BILINGUAL_READER_DATA_DIR", str(tmp_path / "student"))
    code, out, _ = run("pack", "open", str(pack))
    cards = tmp_path / "student" / "class-packs" / "3B" / "3B-cards.apkg"
    assert code == 0 and f"flashcards: {cards} (import it into Anki: File > Import)" in out.splitlines()
    assert cards.read_bytes() == deck.read_bytes()
    code, out, _ = run("pack", "open", str(pack))  # again: nothing changes
    assert out.splitlines()[0].startswith("class pack 3B: 0 article(s) added, 1 already there")
