"""Translation fixtures: the trained test package and a random-weight package (Argos dirs: ../conftest)."""

from __future__ import annotations

from pathlib import Path

import pytest

from support import corpus_pairs


@pytest.fixture(scope="session")
def random_package_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A random-weight package folder (2+2 layers, d 64), built once per session."""
    from model_builder import build_random_package

    lines = [text for pair in corpus_pairs() for text in pair]
    return build_random_package(tmp_path_factory.mktemp("random-package"), lines)


@pytest.fixture(scope="session")
def random_package_zip(random_package_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The random-weight package as a ``.argosmodel`` file."""
    from model_builder import zip_package

    return zip_package(random_package_dir, tmp_path_factory.mktemp("zips") / "random.argosmodel")
