"""`bilingual-reader cards export`: an .apkg or a .tsv of the learner's words, filters, one-line errors."""

from __future__ import annotations

import zipfile
from pathlib import Path

from click.testing import CliRunner

from bilingual_reader.cli import main


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_export_apkg_and_tsv(tmp_path: Path) -> None:
    db = str(tmp_path / "l.db")
    run("--learner", db, "words", "set", "2", "ทหาร", "ปืน")
    run("--learner", db, "words", "set", "W", "เรือ")
    deck = tmp_path / "deck.apkg"
    assert run("--learner", db, "cards", "export", "-o", str(deck)) == (0, f"{deck}: 2 card(s)\n", "")
    assert "collection.anki2" in zipfile.ZipFile(deck).namelist()
    tsv = tmp_path / "deck.tsv"
    assert (
        run("--learner", db, "cards", "export", "-o", str(tsv), "--status", "W")[1] == f"{tsv}: 1 card(s)\n"
    )
    assert tsv.read_text(encoding="utf-8").split("\t")[:2] == ["เรือ", "boat; bark, barque"]


def test_article_filter_takes_a_file(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("หัวข้อ\nทหารเดินทาง\n", encoding="utf-8")
    db = str(tmp_path / "l.db")
    run("--learner", db, "words", "set", "2", "ทหาร")
    code, out, _ = run(
        "--learner", db, "cards", "export", "-o", str(tmp_path / "d.tsv"), "--article", str(article)
    )
    assert (code, out) == (
        0,
        f"{tmp_path / 'd.tsv'}: 0 card(s)\n",
    )  # marked from the shell: met in no article


def test_bad_options_are_one_line(tmp_path: Path) -> None:
    for args, message in [
        (("--since", "yesterday"), "--since: 'yesterday' is not a date"),
        (("--status", "9"), "--status: unknown status '9'"),
        (("-o", str(tmp_path / "missing" / "d.apkg")), "the folder"),
    ]:
        full = ("cards", "export", "-o", str(tmp_path / "d.apkg"), *args)
        code, _, err = run("--learner", str(tmp_path / "l.db"), *full)
        assert code == 2, args
        assert message in err and len(err.splitlines()) == 1


def test_stats_text_and_json(tmp_path: Path) -> None:
    import json

    db = str(tmp_path / "l.db")
    run("--learner", db, "words", "set", "2", "ทหาร", "ปืน")
    code, out, _ = run("--learner", db, "stats", "--json", "--days", "3")
    assert code == 0
    found = json.loads(out)
    assert found["streak"] == 1
    assert [d["new_words"] for d in found["days"]] == [0, 0, 2]
    code, out, _ = run("--learner", db, "stats")
    assert code == 0
    assert out.splitlines()[0] == "streak: 1 day(s)"
    assert "new words " in out and "|" in out


def test_a_word_only_the_machine_knows_gets_the_memory_s_machine_gloss(tmp_path: Path) -> None:
    from bilingual_reader.translation.engines.base import Hypothesis, SentenceTranslation
    from bilingual_reader.translation.memory import TranslationMemory

    with TranslationMemory() as memory:  # the user's memory, as the reader's machine gloss left it
        memory.put_sentence(
            "m@1", "s", SentenceTranslation("เยือน", "Visited.", (Hypothesis("Visited.", -0.1),))
        )
    db = str(tmp_path / "l.db")
    run("--learner", db, "words", "set", "1", "เยือน", "ปืน")
    tsv = tmp_path / "deck.tsv"
    assert run("--learner", db, "cards", "export", "-o", str(tsv))[0] == 0
    rows = [line.split("\t")[:2] for line in tsv.read_text(encoding="utf-8").splitlines()]
    assert rows == [
        ["ปืน", "gun; firearm"],
        ["เยือน", "Visited (machine gloss)"],
    ]  # the glossary first, as ever
