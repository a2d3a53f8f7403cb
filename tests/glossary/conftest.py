"""Fixtures for the glossary exchange tests: concepts from a glossary.tsv and glossaries holding them."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from bilingual_reader.glossary.models import Concept
from bilingual_reader.glossary.source import read_tsv
from bilingual_reader.glossary.store import Glossary
from support import SAMPLE_TSV, SHIPPED_TSV

SOURCES = [SAMPLE_TSV, *([SHIPPED_TSV] if SHIPPED_TSV.is_file() else [])]


@pytest.fixture(params=SOURCES, ids=lambda p: p.name)
def source(request: pytest.FixtureRequest) -> Path:
    """The sample TSV and, when present, the shipped glossary.tsv."""
    path: Path = request.param
    return path


@pytest.fixture
def source_concepts(source: Path) -> list[Concept]:
    """Concepts of the source TSV (ids dropped)."""
    from dataclasses import replace

    return [replace(c, id=None) for c in read_tsv(source)]


@pytest.fixture(scope="session")
def filled_files() -> dict[Path, Path]:
    """A glossary file made from each source (by ``filled``), to copy: adding the shipped glossary's
    concepts one by one takes ~0.1 s, a copy of the file ~1 ms."""
    return {}


@pytest.fixture
def filled(
    tmp_path: Path,
    tmp_path_factory: pytest.TempPathFactory,
    source: Path,
    source_concepts: list[Concept],
    filled_files: dict[Path, Path],
) -> Iterator[Glossary]:
    """A glossary file holding the source concepts, added one by one (a copy of a file made so)."""
    made = filled_files.get(source)
    if made is None:
        made = filled_files[source] = tmp_path_factory.mktemp("filled") / f"{source.name}.db"
        with Glossary.open(made) as glossary:
            for concept in source_concepts:
                glossary.add(concept)
    shutil.copyfile(made, tmp_path / "filled.db")
    with Glossary.open(tmp_path / "filled.db") as glossary:
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
