"""Shared test fixtures: every test runs with its own data, config and Argos directories."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from bilingual_reader.translation.packages import InstalledModel

os.environ["PYTHAINLP_OFFLINE"] = "1"

# argostranslate.settings reads (and creates) its directories once, at import: point them at a throwaway
# folder before anything imports it. Each test then gets its own folders through the same variables, which
# bilingual_reader.translation.locations reads on every call.
_ARGOS_HOME = Path(tempfile.mkdtemp(prefix="argos-home-"))
atexit.register(shutil.rmtree, _ARGOS_HOME, True)
for _name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
    os.environ[_name] = str(_ARGOS_HOME / _name.lower())
os.environ["ARGOS_PACKAGES_DIR"] = str(_ARGOS_HOME / "packages")
os.environ["ARGOS_PACKAGE_INDEX"] = "file:///nonexistent-argos-index/"

ROOT = Path(__file__).resolve().parent.parent
#: A small real Argos package trained on scripts/train_test_model/corpus.tsv (see tests/fixtures/argos).
TRAINED = ROOT / "tests" / "fixtures" / "argos" / "translate-th_en-test.argosmodel"


@pytest.fixture(autouse=True)
def isolated_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """Point every per-user directory (ours, Argos's, XDG's) at a fresh temporary folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("BILINGUAL_READER_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("BILINGUAL_READER_CONFIG_DIR", str(home / "config"))
    monkeypatch.delenv("BILINGUAL_READER_GLOSSARY", raising=False)
    monkeypatch.delenv("BILINGUAL_READER_LEARNER", raising=False)
    argos = home / "argos"
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(name, str(argos / name.lower()))
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(argos / "packages"))
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", (argos / "no-index").as_uri() + "/")
    yield home


@pytest.fixture
def trained_model() -> InstalledModel:
    """The trained test package, installed in this test's (fresh) packages folder."""
    from bilingual_reader.translation.packages import install_file

    return install_file(TRAINED)
