"""Translation fixtures: Argos folders in temp dirs, the trained test package, a random-weight package."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from bilingual_reader.translation.packages import InstalledModel, install_file

# argostranslate.settings reads (and creates) its directories once, at import: point them at a throwaway
# folder before anything imports it. Each test then gets its own folders through the same variables, which
# bilingual_reader.translation.locations reads on every call.
_ARGOS_HOME = Path(tempfile.mkdtemp(prefix="argos-home-"))
atexit.register(shutil.rmtree, _ARGOS_HOME, True)
for _name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
    os.environ[_name] = str(_ARGOS_HOME / _name.lower())
os.environ["ARGOS_PACKAGES_DIR"] = str(_ARGOS_HOME / "packages")
os.environ["ARGOS_PACKAGE_INDEX"] = "file:///nonexistent-argos-index/"

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


@pytest.fixture(autouse=True)
def argos_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Fresh Argos packages, data, config and cache folders; an index URL that does not exist."""
    home = tmp_path / "argos"
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(name, str(home / name.lower()))
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(home / "packages"))
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", (home / "no-index").as_uri() + "/")
    yield home


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


@pytest.fixture
def trained_model() -> InstalledModel:
    """The trained test package, installed in this test's packages folder."""
    return install_file(TRAINED)
