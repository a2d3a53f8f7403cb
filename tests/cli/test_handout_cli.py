"""`bilingual-reader handout`: one HTML file with the chosen sections, the English from the memory, and
one-line refusals before any work (a bad destination, no section, a bad article, a bad status)."""

from __future__ import annotations

import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from bilingual_reader.cli import main
from bilingual_reader.documents.articles import load_article
from bilingual_reader.learner.statuses import Status
from bilingual_reader.learner.store import LearnerStore
from bilingual_reader.translation.engines.base import SentenceTranslation
from bilingual_reader.translation.memory import TranslationMemory, memory_path
from support import ROOT

ARTICLE = ROOT / "articles" / "03-cobra-gold-exercise-and-border-demining.txt"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def glossary(tmp_path: Path) -> Path:
    target = tmp_path / "glossary.db"
    shutil.copy(ROOT / "glossary.db", target)
    return target


def _headings(path: Path) -> list[str]:
    return re.findall(r"<h2>([^<]+)</h2>", path.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("flags", "names", "headings"),
    [
        ([], "thai, english, vocabulary, interlinear, cloze",
         ["Thai text", "English", "Vocabulary", "Interlinear", "Cloze worksheet", "Answer key"]),
        (["--no-english", "--no-interlinear"], "thai, vocabulary, cloze",
         ["Thai text", "Vocabulary", "Cloze worksheet", "Answer key"]),
        (["--no-thai", "--no-english", "--no-vocabulary", "--no-cloze"], "interlinear", ["Interlinear"]),
    ],
)  # fmt: skip
def test_handout_writes_the_chosen_sections(
    glossary: Path, tmp_path: Path, flags: list[str], names: str, headings: list[str]
) -> None:
    out = tmp_path / "handout.html"
    code, stdout, _ = run("--glossary", str(glossary), "handout", str(ARTICLE), "-o", str(out), *flags)
    assert code == 0
    assert stdout == f"wrote {out} ({names})\n"
    assert _headings(out) == headings


def test_handout_shows_the_memorys_english_as_machine_translation(glossary: Path, tmp_path: Path) -> None:
    article = load_article(ARTICLE)
    memory_path().parent.mkdir(parents=True, exist_ok=True)
    with TranslationMemory() as memory:
        for paragraph in article.paragraphs:
            memory.put_sentence("m", "s", SentenceTranslation(paragraph, f"EN {len(paragraph)}", ()))
        memory.save_post_edit(article.article_id, 0, article.paragraphs[0], "Cobra Gold begins")
    out = tmp_path / "h.html"
    assert run("--glossary", str(glossary), "handout", str(ARTICLE), "-o", str(out), "--no-thai")[0] == 0
    page = out.read_text(encoding="utf-8")
    assert '<p class="headline">Cobra Gold begins</p>' in page
    machine = re.findall(r"<p>EN (\d+) <span class=\"origin\">machine translation</span></p>", page)
    assert [int(n) for n in machine] == [len(p) for p in article.paragraphs[1:]]


def test_vocabulary_options_reach_the_list(glossary: Path, tmp_path: Path) -> None:
    out = tmp_path / "h.html"
    args = ["--glossary", str(glossary), "handout", str(ARTICLE), "-o", str(out), "--no-thai", "--no-english"]
    assert run(*args, "--band", "none", "--sort", "frequency", "--no-interlinear", "--no-cloze")[0] == 0
    page = out.read_text(encoding="utf-8")
    counts = [int(n) for n in re.findall(r"<td class='n'>(\d+)</td></tr>", page)]
    assert counts == sorted(counts, reverse=True) and len(counts) > 5
    assert page.count("★</td>") == len(counts)  # --band none: glossary terms only
    assert "most frequent in the article first" in page


@pytest.mark.parametrize(
    ("flags", "blanks"), [([], 20), (["--cloze-limit", "5"], 5), (["--cloze-limit", "0"], None)]
)
def test_the_cloze_limit_flag(glossary: Path, tmp_path: Path, flags: list[str], blanks: int | None) -> None:
    out = tmp_path / "h.html"
    only = ["--no-thai", "--no-english", "--no-vocabulary", "--no-interlinear"]
    assert run("--glossary", str(glossary), "handout", str(ARTICLE), "-o", str(out), *only, *flags)[0] == 0
    found = out.read_text(encoding="utf-8").count('<span class="blank">')
    assert found == blanks if blanks is not None else found > 20  # 0: every glossary term's occurrence


def _refused(args: list[str], glossary: Path) -> tuple[int, str]:
    code, _, err = run("--glossary", str(glossary), "handout", *args)
    return code, err


def test_refusals_are_one_line_and_write_nothing(glossary: Path, tmp_path: Path) -> None:
    db = tmp_path / "notes.db"
    sqlite3.connect(db).execute("create table t (x)").connection.close()
    article = tmp_path / "a.txt"
    article.write_bytes(ARTICLE.read_bytes())
    own = "is one of this command's own inputs; refusing to overwrite it"
    missing = tmp_path / "no" / "h.html"
    cases = [
        ([str(ARTICLE), "-o", str(missing)],
         f"{missing}: cannot be written: the folder {missing.parent} does not exist"),
        ([str(ARTICLE), "-o", str(db)], f"{db}: is an SQLite database; refusing to overwrite it"),
        ([str(article), "-o", str(article)], f"{article}: {own}"),
        ([str(ARTICLE), "-o", str(glossary)], f"{glossary}: {own}"),
        ([str(tmp_path / "none.txt"), "-o", str(tmp_path / "h.html")],
         f"{tmp_path / 'none.txt'}: no such file"),
        ([str(ARTICLE), "-o", str(tmp_path / "h.html"), "--no-thai", "--no-english", "--no-vocabulary",
          "--no-interlinear", "--no-cloze"], "no section chosen (every --no-… flag given)"),
        ([str(ARTICLE), "-o", str(tmp_path / "h.html"), "--status", "learning"],
         "--status: unknown status 'learning': use 1-5, W (well known), I (ignored) or 0 (unknown)"),
    ]  # fmt: skip
    for args, message in cases:
        assert _refused(args, glossary) == (2, f"bilingual-reader: {message}\n")
    assert not (tmp_path / "h.html").exists()
    assert article.read_bytes() == ARTICLE.read_bytes()


def test_vocabulary_adds_the_words_at_a_learner_status(glossary: Path, tmp_path: Path) -> None:
    learner = tmp_path / "learner.db"
    store = LearnerStore.open(learner)
    store.set_status(["ประจำปี", "เป็นเจ้าภาพ"], Status.NEW)
    store.set_status("ฝึก", Status.WELL_KNOWN)
    store.close()
    out = tmp_path / "h.html"
    base = ["--glossary", str(glossary), "--learner", str(learner), "handout", str(ARTICLE), "-o", str(out)]
    only = ["--no-thai", "--no-english", "--no-interlinear", "--no-cloze", "--band", "none"]
    assert run(*base, *only, "--status", "1-4")[0] == 0
    page = out.read_text(encoding="utf-8")
    rows = re.findall(r'<td class="thai" lang="th">([^<★]+?)( ★)?</td>', page)
    plain = [thai for thai, star in rows if not star]
    assert sorted(plain) == ["ประจำปี", "เป็นเจ้าภาพ"]
    assert "words at learner status 1 new, 2 recognized, 3 familiar, 4 learned" in page
