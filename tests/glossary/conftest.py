"""Fixtures for the glossary exchange tests: concepts from a glossary.tsv and glossaries holding them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bilingual_reader.glossary.models import Concept
from bilingual_reader.glossary.source import read_tsv
from bilingual_reader.glossary.store import Glossary
from support import SAMPLE_TSV, SHIPPED_TSV

SOURCES = [SAMPLE_TSV, *([SHIPPED_TSV] if SHIPPED_TSV.is_file() else [])]


@pytest.fixture(params=SOURCES, ids=lambda p: p.name)
def source_concepts(request: pytest.FixtureRequest) -> list[Concept]:
    """Concepts of the sample TSV and, when present, the shipped glossary.tsv (ids dropped)."""
    from dataclasses import replace

    return [replace(c, id=None) for c in read_tsv(request.param)]


@pytest.fixture
def filled(tmp_path: Path, source_concepts: list[Concept]) -> Iterator[Glossary]:
    """A glossary file holding the source concepts."""
    with Glossary.open(tmp_path / "filled.db") as glossary:
        for concept in source_concepts:
            glossary.add(concept)
        yield glossary


@pytest.fixture
def sample(tmp_path: Path) -> Iterator[Glossary]:
    """A glossary file holding the sample TSV's concepts (with their ids)."""
    with Glossary.open(tmp_path / "sample.db") as glossary:
        for concept in read_tsv(SAMPLE_TSV):
            glossary.add(concept)
        yield glossary


@pytest.fixture
def empty(tmp_path: Path) -> Iterator[Glossary]:
    """An empty glossary file."""
    with Glossary.open(tmp_path / "empty.db") as glossary:
        yield glossary
