"""Translation fixtures: the trained test package and a random-weight package (Argos dirs: ../conftest)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TRAINED = ROOT / "tests" / "fixtures" / "argos" / "translate-th_en-test.argosmodel"
CORPUS = ROOT / "scripts" / "train_test_model" / "corpus.tsv"


def corpus_pairs() -> list[tuple[str, str]]:
    """The (Thai, English) pairs the test model was trained on."""
    pairs = []
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            thai, english = line.split("\t")
            pairs.append((thai, english))
    return pairs


@pytest.fixture(scope="session")
def random_package_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A random-weight package folder (2+2 layers, d 64), built once per session."""
    from bilingual_reader.translation.builder import build_random_package

    lines = [text for pair in corpus_pairs() for text in pair]
    return build_random_package(tmp_path_factory.mktemp("random-package"), lines)


@pytest.fixture(scope="session")
def random_package_zip(random_package_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The random-weight package as a ``.argosmodel`` file."""
    from bilingual_reader.translation.builder import zip_package

    return zip_package(random_package_dir, tmp_path_factory.mktemp("zips") / "random.argosmodel")
