"""`bilingual-reader stats --article FILE` and the per-article rows of `stats` / `stats --json`."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from bilingual_reader.cli import main
from bilingual_reader.documents.opening import open_document
from bilingual_reader.learner.statuses import Status
from bilingual_reader.learner.store import LearnerStore, Place

ARTICLE = "ทหารได้รับเสื้อเกราะ\nทหารเรือได้รับเรือดำน้ำ\n"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_stats_for_one_article_and_per_article_rows(tmp_path: Path) -> None:
    path = tmp_path / "news.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    article = open_document(path)
    db = tmp_path / "l.db"
    store = LearnerStore.open(db)
    place = Place(article.article_id, "ข่าวทหาร", 0, "ทหารได้รับเสื้อเกราะ")
    store.set_status(["ทหาร", "ได้รับ"], Status.WELL_KNOWN, place)
    store.set_status("เสื้อเกราะ", Status.NEW, place)
    store.record_read(article.article_id, 0, 3)
    store.record_lookup("เสื้อเกราะ", place)
    store.close()
    code, out, err = run("--learner", str(db), "stats", "--article", str(path), "--days", "1")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[:3] == [
        "article: ข่าวทหาร",
        "  40% known (2 of 5 words) · 2 unknown · 1 learning · 0 ignored",
        f"  3 words read in 1 paragraph(s), last {lines[2].split('last ')[1].split(' ')[0]}"
        " · 3 new word(s) · 1 lookup(s)",
    ]
    assert lines[-2].split()[2:] == ["read", "paragraphs", "new", "lookups", "article"]
    assert lines[-1].split()[1:] == ["3", "1", "3", "1", "ข่าวทหาร"]
    code, out, _ = run("--learner", str(db), "stats", "--json", "--article", str(path))
    found = json.loads(out)
    assert {k: found["article"][k] for k in ("words", "known", "learning", "unknown", "known_share")} == {
        "words": 5,  # ทหาร ได้รับ เสื้อเกราะ ทหารเรือ เรือดำน้ำ
        "known": 2,
        "learning": 1,
        "unknown": 2,
        "known_share": 0.4,
    }
    assert [(a["article"], a["words_read"], a["lookups"]) for a in found["articles"]] == [
        (article.article_id, 3, 1)
    ]


def test_stats_article_that_cannot_be_read_is_one_line(tmp_path: Path) -> None:
    code, out, err = run("--learner", str(tmp_path / "l.db"), "stats", "--article", str(tmp_path / "no.txt"))
    assert code != 0 and out == ""
    assert len(err.strip().splitlines()) == 1 and "no.txt" in err
