"""Candidate glossary terms: recurring phrases and loanwords that are not in the glossary, best first, with
their contexts; and the labelled list over the shipped articles (terms removed from a copy of the
glossary)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from bilingual_reader.cli import main
from bilingual_reader.documents.articles import list_articles, load_article
from bilingual_reader.glossary.models import Concept, Term
from bilingual_reader.glossary.store import Glossary
from bilingual_reader.teaching.candidates import candidates
from bilingual_reader.thai.text import normalize_key
from support import ROOT

LABELLED = ROOT / "tests" / "fixtures" / "teaching" / "candidate_terms.txt"
TEXT = [
    "กองทัพเรือจัดหาเรือฟริเกตลำใหม่ และเรือฟริเกตลำนี้ติดตั้งระบบเรดาร์",
    "ระบบเรดาร์ของเรือฟริเกตมาจากบริษัทคอมพิวเตอร์ในยุโรป คอมพิวเตอร์ทำงานได้ดี",
]


def _glossary() -> Glossary:
    glossary = Glossary.memory()
    glossary.add(Concept("naval", (Term("กองทัพเรือ", "th"), Term("navy", "en"))))
    return glossary


def test_recurring_phrases_and_loanwords_are_found_with_contexts() -> None:
    with _glossary() as glossary:
        found = candidates([TEXT], glossary)
    by_thai = {c.thai: c for c in found}
    assert [(c.thai, c.count) for c in found] == [
        ("เรือฟริเกต", 3), ("ระบบเรดาร์", 2), ("คอมพิวเตอร์", 2)
    ]  # fmt: skip
    assert by_thai["คอมพิวเตอร์"].loanword == "computer"
    assert by_thai["ระบบเรดาร์"].contexts == [
        "…ใหม่ และเรือฟริเกตลำนี้ติดตั้ง[ระบบเรดาร์]…",  # 30 characters each side
        "…[ระบบเรดาร์]ของเรือฟริเกตมาจากบริษัทคอมพิว…",
    ]
    assert "กองทัพเรือ" not in by_thai  # in the glossary already


def test_a_phrase_seen_once_is_not_a_candidate() -> None:
    with _glossary() as glossary:
        assert candidates([TEXT[:1]], glossary) == [
            c for c in candidates([TEXT[:1]], glossary) if c.count >= 2
        ]
        assert [c.thai for c in candidates([TEXT[:1]], glossary)] == ["เรือฟริเกต"]


def test_a_word_of_the_subject_counts_apart_and_a_generic_head_ranks_below_its_phrases() -> None:
    """ทหาร is a candidate of its own (its dictionary English "military personnel" is made of a word of the
    glossary's English terms), although its letters end ทางทหาร; โครงการ, seen four times but only as the
    head of two phrases seen twice each, ranks below them (C-value)."""
    text = [
        "ทหารได้รับความช่วยเหลือทางทหารจากพันธมิตร และทหารกลับบ้าน",
        "ความช่วยเหลือทางทหารมาถึงแล้ว ทหารพอใจ",
        "โครงการเรือดำน้ำ โครงการจัดหาเรือ และโครงการเรือดำน้ำอีกครั้ง โครงการจัดหาเรือ",
    ]
    glossary = Glossary.memory()
    for thai, english in (
        ("ตำรวจทหาร", "military police"),
        ("ฐานทัพ", "military base"),
        ("โรงเรียนนายร้อย", "military academy"),
    ):
        glossary.add(Concept("military", (Term(thai, "th"), Term(english, "en"))))
    with glossary:
        found = candidates([text], glossary)
    assert [(c.thai, c.count) for c in found] == [
        ("ทหาร", 3), ("โครงการจัดหาเรือ", 2), ("ความช่วยเหลือทางทหาร", 2), ("โครงการเรือดำน้ำ", 2), ("โครงการ", 4)
    ]  # fmt: skip


def _without(keys: set[str]) -> Glossary:
    copy = sqlite3.connect(":memory:")
    with Glossary.open(ROOT / "glossary.db", read_only=True) as shipped:
        shipped.conn.backup(copy)
    copy.execute("PRAGMA foreign_keys = ON")
    glossary = Glossary(copy, None, False)
    for concept in glossary.concepts():
        if concept.id is not None and any(normalize_key(t.text) in keys for t in concept.thai):
            glossary.delete(concept.id)
    return glossary


def test_the_labelled_terms_removed_from_the_glossary_come_back_as_candidates() -> None:
    """The issue asks for 0.8 of the list in the top 50: 39 of 48 (0.81); the tune part (every other term,
    the one ranking changes were judged on) 20 of 24, the held-out part 19 of 24 (see the benchmark)."""
    labelled = [
        line for line in LABELLED.read_text(encoding="utf-8").splitlines() if not line.startswith("#")
    ]
    assert len(labelled) >= 40
    articles = [load_article(path).paragraphs for path in list_articles()]
    with _without(set(labelled)) as glossary:
        assert not set(labelled) & glossary.thai_terms()
        top = [c.thai for c in candidates(articles, glossary, limit=50)]
    recall = sum(term in top for term in labelled) / len(labelled)
    assert recall >= 0.8
    assert sum(term in top for term in labelled[1::2]) >= 19  # the held-out part
    assert {"เลขาธิการนาโต", "ระบบจรวดหลายลำกล้อง", "อากาศยานไร้คนขับ", "เรือดำน้ำ"} <= set(top)


@pytest.mark.parametrize("as_json", [False, True])
def test_the_command_lists_them(tmp_path: Path, as_json: bool) -> None:
    article = tmp_path / "a.txt"
    article.write_text("\n".join(TEXT) + "\n", encoding="utf-8")
    glossary = tmp_path / "g.db"
    with Glossary.open(glossary) as store:
        store.add(Concept("naval", (Term("กองทัพเรือ", "th"), Term("navy", "en"))))
    args = ["--glossary", str(glossary), "glossary", "candidates", str(article), "--limit", "2"]
    result = CliRunner().invoke(main, args + (["--json"] if as_json else []))
    assert result.exit_code == 0
    if as_json:
        rows = [json.loads(line) for line in result.stdout.splitlines()]
        assert [(r["rank"], r["thai"], r["count"], r["tokens"]) for r in rows] == [
            (1, "เรือฟริเกต", 3, 1), (2, "ระบบเรดาร์", 2, 2)
        ]  # fmt: skip
    else:
        lines = result.stdout.splitlines()
        assert lines[0] == "  1. เรือฟริเกต  ×3" and lines[4] == "  2. ระบบเรดาร์  ×2"
