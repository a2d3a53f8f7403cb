"""Fixtures for the reader's Pilot tests: a small article and glossary of our own, and the shipped ones."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import textual._wait

from bilingual_reader import paths
from bilingual_reader.glossary.models import Concept, Status, Term
from bilingual_reader.glossary.store import Glossary

# Pilot waits after every key and pause until the process looks idle: it sleeps SLEEP_GRANULARITY (20 ms) at a
# time until less than SLEEP_IDLE (1 ms) of CPU went by in one sleep. That is at least 20 ms of doing nothing
# per wait, ~0.3 s a test, while the CPU test could be running another. Looking every 5 ms with the same 1 ms
# (20%) bar still sees a busy worker thread (it uses ~100% of the window) and returns 4x sooner when idle.
assert textual._wait.SLEEP_GRANULARITY == 1 / 50 and textual._wait.SLEEP_IDLE == 1 / 1000, "Textual changed"
textual._wait.SLEEP_GRANULARITY = 1 / 200

ARTICLE = """กองทัพบกจัดซื้อปืนใหญ่อัตตาจร 18 คัน และรถถังหนัก K2 เพื่อเสริมกำลัง
ทหารได้รับเสื้อเกราะ หมวกเหล็ก และเวชภัณฑ์จากกระทรวงกลาโหม
"""

CONCEPTS = (
    Concept(
        "weapons",
        (
            Term("ปืนใหญ่อัตตาจร", "th"),
            Term("self-propelled gun", "en"),
            Term("SPG", "en", Status.ADMITTED),
            Term("automatic artillery", "en", Status.FORBIDDEN),
        ),
        definition="An artillery piece on its own chassis.",
        note="อัตตาจร means self-moving.",
    ),
    Concept("weapons", (Term("ปืนใหญ่", "th"), Term("artillery", "en"))),
    Concept("armour", (Term("เสื้อเกราะ", "th"), Term("body armour", "en"))),
    Concept("vehicles", (Term("รถถังหนัก", "th"), Term("main battle tank", "en"))),
)


@pytest.fixture
def article_path(tmp_path: Path) -> Path:
    """A two-line article (its short first line also reads as a headline): two paragraphs with glossary
    terms and two words not in it."""
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.fixture
def glossary_path(tmp_path: Path) -> Path:
    """A glossary file holding the four ``CONCEPTS``."""
    path = tmp_path / "glossary.db"
    with Glossary.open(path) as glossary:
        for concept in CONCEPTS:
            glossary.add(concept)
    return path


@pytest.fixture
def shipped_glossary_path(tmp_path: Path) -> Path:
    """A copy of the shipped glossary (the reader writes to its glossary)."""
    path = tmp_path / "shipped.db"
    shutil.copyfile(paths.shipped("glossary.db"), path)
    return path
