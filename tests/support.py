"""Helpers shared by test folders (not a test module): shipped paths, the trained package, signatures."""

from __future__ import annotations

import os
from pathlib import Path

from bilingual_reader.glossary.models import Concept
from bilingual_reader.glossary.store import Glossary

ROOT = Path(__file__).resolve().parent.parent
#: A small real Argos package trained on scripts/train_test_model/corpus.tsv (see tests/fixtures/argos).
TRAINED = ROOT / "tests" / "fixtures" / "argos" / "translate-th_en-test.argosmodel"
#: The trained test package in each published Argos shape (scripts/train_test_model/shapes.py): shape name,
#: package file, what ``model status`` calls it.
SHAPES = [
    ("joint", TRAINED, "joint SentencePiece"),
    ("spm-source", TRAINED.with_name("translate-th_en-opus_test.argosmodel"), "source-only SentencePiece"),
    ("bpe", TRAINED.with_name("translate-th_en-bpe_test.argosmodel"), "BPE"),
]
#: ``DEEP_TESTS=1 make test``: the random and fuzz tests try their deep budgets (tests.md, "Budgets").
DEEP = os.environ.get("DEEP_TESTS", "") not in ("", "0")


def budget(quick: int, deep: int) -> int:
    """How many random cases a property or fuzz test tries: ``quick`` in ``make test``, ``deep`` with
    ``DEEP_TESTS=1``."""
    return deep if DEEP else quick


CORPUS = ROOT / "scripts" / "train_test_model" / "corpus.tsv"
SAMPLE_TSV = ROOT / "tests" / "glossary" / "sample_glossary.tsv"
SHIPPED_TSV = ROOT / "glossary.tsv"
#: A long Thai paragraph of several sentences with Latin names (sentence splitting, pipelines).
LONG_THAI = (
    "กระทรวงกลาโหมประกาศงบประมาณใหม่ เมื่อวันจันทร์ที่ผ่านมา โดยรัฐมนตรีกลาโหมกล่าวว่า "
    "กองทัพบกจะจัดซื้อปืนใหญ่อัตตาจรจำนวน 20 ระบบ จากบริษัท Hanwha Aerospace ของเกาหลีใต้ "
    "ซึ่งจะส่งมอบภายในปี 2570 นอกจากนี้ยังจะจัดหาเสื้อเกราะให้ทหารราบทั้งหมด เช่น "
    "หน่วยที่ประจำการอยู่ที่ชายแดน ขณะที่นาย Jens Stoltenberg เลขาธิการนาโต้ เดินทางเยือนกรุงเทพฯ "
    "เพื่อหารือเรื่องความร่วมมือด้านความมั่นคง"
)


def corpus_pairs() -> list[tuple[str, str]]:
    """The (Thai, English) pairs the test model was trained on."""
    pairs = []
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            thai, english = line.split("\t")
            pairs.append((thai, english))
    return pairs


def signature(concept: Concept) -> tuple[object, ...]:
    """Everything a concept holds except ids, terms in display order."""
    terms = tuple((t.lang, t.text, t.status.value, t.pos) for t in concept.thai + concept.english)
    return (concept.subject, concept.definition, concept.note, concept.check_enabled, terms)


def signatures(glossary: Glossary) -> list[tuple[object, ...]]:
    """The signatures of every concept, sorted."""
    return sorted(signature(c) for c in glossary.concepts())
