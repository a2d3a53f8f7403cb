"""Translation fixtures: the trained test package and a random-weight package (Argos dirs: ../conftest)."""

from __future__ import annotations

from pathlib import Path

import pytest

from support import corpus_pairs

HERE = Path(__file__).resolve().parent


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


@pytest.hookimpl(tryfirst=True)  # before xdist reads the groups off the markers
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The translation tests run in one xdist worker (``--dist loadgroup``), but the real LibreTranslate
    server's (their own group): the random-weight package (~0.65 CPU-s), CTranslate2's and the trained
    models' loading happen once, not in each worker."""
    for item in items:
        if item.path.is_relative_to(HERE) and not item.get_closest_marker("xdist_group"):
            item.add_marker(pytest.mark.xdist_group("translation"))
