"""Shared test fixtures: every test runs with its own data, config and Argos directories."""

from __future__ import annotations

import atexit
import gc
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from bilingual_reader.translation.packages import InstalledModel
    from libretranslate_server import LibreTranslateServer

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
# The word tries (thai.word_index) are built once and then serve every test of this run and the processes
# it starts: the per-test XDG_CACHE_HOME below would have each build them again. The xdist workers inherit
# the controller's environment, so they share its folder (~1 CPU-s of tries a worker, built once a run; a
# trie file is written whole and renamed, so two workers building one at once is no harm).
_CACHE = os.environ.setdefault("BILINGUAL_READER_TEST_CACHE_DIR", str(_ARGOS_HOME / "bilingual-reader-cache"))
os.environ["BILINGUAL_READER_CACHE_DIR"] = _CACHE

# The garbage collector's young generation is collected every 50,000 allocations instead of 700: a Pilot
# test allocates widgets, styles and strips by the million, and the default spent a sixth of the TUI tests'
# CPU in about two thousand collections (tests/tui glossary screen + learner, -n 0: 2.9 -> 0.9 CPU-s of
# collection, 19.2 -> 17.5 CPU-s in all). Garbage without cycles is freed at once as always; cycles wait
# a little longer.
gc.set_threshold(50_000, 20, 20)


def pytest_sessionfinish() -> None:
    """Freeze the session's heap, garbage and all, before pytest's clean-up: it collects five times more to
    report late unraisable exceptions, and each of those walked the whole heap (about half a second a
    worker); so did one collection of our own before freezing (1-2 CPU-s a worker: millions of objects in
    cycles, the apps and screens of a thousand tests). The process ends next, so its cycles need not be
    freed; their finalizers' warnings are not reported, as they would not be had the tests' last
    collection happened a little earlier. Garbage made after this is still collected, and reported."""
    gc.freeze()


ROOT = Path(__file__).resolve().parent.parent
#: A small real Argos package trained on scripts/train_test_model/corpus.tsv (see tests/fixtures/argos).
TRAINED = ROOT / "tests" / "fixtures" / "argos" / "translate-th_en-test.argosmodel"


def _isolate(monkeypatch: pytest.MonkeyPatch, home: Path) -> None:
    monkeypatch.setenv("BILINGUAL_READER_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("BILINGUAL_READER_CONFIG_DIR", str(home / "config"))
    monkeypatch.delenv("BILINGUAL_READER_GLOSSARY", raising=False)
    monkeypatch.delenv("BILINGUAL_READER_LEARNER", raising=False)
    argos = home / "argos"
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(name, str(argos / name.lower()))
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(argos / "packages"))
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", (argos / "no-index").as_uri() + "/")


def fresh_folder(tmp_path_factory: pytest.TempPathFactory, name: str) -> Path:
    """A new empty folder named after ``name`` in the session's temporary base, made in constant time.

    ``tmp_path_factory.mktemp`` numbers its folders by listing every folder of the base first: with two
    folders a test, a worker's eight hundred tests spent seconds of CPU listing (O(tests²))."""
    return Path(tempfile.mkdtemp(prefix=f"{name}-", dir=tmp_path_factory.getbasetemp()))


@pytest.fixture
def tmp_path(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """pytest's ``tmp_path`` (a fresh folder named after the test, kept after the run), in constant time."""
    return fresh_folder(tmp_path_factory, re.sub(r"\W", "_", request.node.name)[:30])


@pytest.fixture(autouse=True)
def isolated_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """Point every per-user directory (ours, Argos's, XDG's) at a fresh temporary folder."""
    home = fresh_folder(tmp_path_factory, "home")
    _isolate(monkeypatch, home)
    yield home


@pytest.fixture(scope="module")
def module_dirs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """``isolated_dirs`` for a module-scoped fixture (a Pilot app shared by a test's cases): its own
    per-user folders while it is set up and torn down (each test then gets its own as usual)."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        home = fresh_folder(tmp_path_factory, "module-home")
        _isolate(monkeypatch, home)
        yield home


@pytest.fixture
def trained_model() -> InstalledModel:
    """The trained test package, installed in this test's (fresh) packages folder."""
    from bilingual_reader.translation.packages import install_file

    return install_file(TRAINED)


# The real LibreTranslate server (tests/libretranslate_server.py) --------------------------------------------


@dataclass
class LibreTranslateServers:
    """The two shared servers, started together on first use: ``plain`` (no limits) and ``strict``
    (``--api-keys`` with a key required, ``--batch-limit 2``, ``--char-limit 60``), with ``key`` (600 a
    minute), ``slow_key`` (2 a minute) and ``spare_key`` (2 a minute, left unused for the one test that
    spends it on a real 429) made by ``ltmanage keys add``."""

    home: Path
    plain: LibreTranslateServer
    strict: LibreTranslateServer
    key: str
    slow_key: str
    spare_key: str


def require_libretranslate() -> None:
    """Skip (locally) or fail (in CI, ``CI=true``) when LibreTranslate's venv is missing."""
    from libretranslate_server import missing_reason

    reason = missing_reason()
    if reason is not None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(reason)
        pytest.skip(reason)


@pytest.fixture(scope="session")
def libretranslate_servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LibreTranslateServers]:
    """Both real servers, started in parallel; each fixture below waits only for the one it needs."""
    from libretranslate_server import LibreTranslateServer, finish, prepare_home

    require_libretranslate()
    home = tmp_path_factory.mktemp("libretranslate")
    key, slow_key, spare_key = finish(prepare_home(home, 600, 2, 2)).split()
    plain = LibreTranslateServer(home).start()
    limits = ["--batch-limit", "2", "--char-limit", "60"]
    required = ["--api-keys", "--api-keys-db-path", "db/api_keys.db", "--require-api-key-origin", "^nowhere$"]
    strict = LibreTranslateServer(home, *required, *limits).start()
    try:
        yield LibreTranslateServers(home, plain, strict, key, slow_key, spare_key)
    finally:
        plain.stop()
        strict.stop()


@pytest.fixture
def libretranslate(libretranslate_servers: LibreTranslateServers) -> LibreTranslateServer:
    """The plain real server, running."""
    return libretranslate_servers.plain.wait()


@pytest.fixture
def strict_libretranslate(libretranslate_servers: LibreTranslateServers) -> LibreTranslateServers:
    """The servers, with the strict one running."""
    libretranslate_servers.strict.wait()
    return libretranslate_servers
