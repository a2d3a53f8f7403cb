"""Where the glossary file is found, and seeding the per-user copy from the shipped one."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilingual_reader import paths
from bilingual_reader.glossary import locations
from bilingual_reader.glossary.errors import GlossaryError
from bilingual_reader.glossary.models import Concept, Term
from bilingual_reader.glossary.store import Glossary


@pytest.fixture
def shipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A shipped glossary.db holding one concept."""
    ship = tmp_path / "ship" / "glossary.db"
    with Glossary.open(ship) as glossary:
        glossary.add(Concept("naval", (Term("เรือรบ", "th"), Term("warship", "en"))))
        glossary.db.disable_wal()
    monkeypatch.setattr(paths, "shipped", lambda name: ship.parent / name)
    return ship


@pytest.mark.parametrize(
    ("option", "env", "expected"),
    [
        ("/x/option.db", "/x/env.db", "/x/option.db"),
        (None, "/x/env.db", "/x/env.db"),
        ("", "/x/env.db", "/x/env.db"),
        ("~/g.db", None, str(Path.home() / "g.db")),
    ],
)
def test_option_then_environment(
    monkeypatch: pytest.MonkeyPatch, option: str | None, env: str | None, expected: str
) -> None:
    if env is not None:
        monkeypatch.setenv(locations.ENV_VAR, env)
    monkeypatch.setattr(Path, "exists", lambda self: str(self) == expected)
    assert locations.resolve_glossary_path(option) == Path(expected)
    assert not (paths.data_dir() / "glossary.db").exists()


def test_default_is_seeded_from_the_shipped_glossary(shipped: Path) -> None:
    path = locations.resolve_glossary_path(None)
    assert path == paths.data_dir() / "glossary.db"
    with Glossary.open(path) as glossary:
        assert [c.headword for c in glossary.concepts()] == ["เรือรบ"]
    assert sorted(p.name for p in path.parent.iterdir() if "partial" in p.name) == []


def test_default_never_overwrites_an_existing_file(shipped: Path) -> None:
    path = paths.data_dir() / "glossary.db"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"mine")
    assert locations.resolve_glossary_path(None) == path
    assert path.read_bytes() == b"mine"


def test_default_without_a_shipped_glossary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(paths, "shipped", lambda name: tmp_path / "nothing" / name)
    path = locations.resolve_glossary_path(None)
    assert path == paths.data_dir() / "glossary.db"
    assert not path.exists()


def test_seed_copy_keeps_a_file_that_appeared_meanwhile(shipped: Path, tmp_path: Path) -> None:
    target = tmp_path / "user" / "glossary.db"
    target.parent.mkdir()
    target.write_bytes(b"raced")
    locations.seed_copy(shipped, target)
    assert target.read_bytes() == b"raced"
    assert sorted(p.name for p in target.parent.iterdir()) == ["glossary.db"]


@pytest.mark.parametrize(
    ("option", "env", "message"),
    [
        ("{tmp}/typo.db", None, "{tmp}/typo.db: no such glossary; create an empty one with "),
        (None, "{tmp}/typo.db", "{tmp}/typo.db: no such glossary (from $BILINGUAL_READER_GLOSSARY); create "),
    ],
)
def test_a_named_glossary_that_does_not_exist_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, option: str | None, env: str | None, message: str
) -> None:
    """`read --glossary TYPO.db` used to open a new, empty glossary without a word."""
    if env is not None:
        monkeypatch.setenv(locations.ENV_VAR, env.format(tmp=tmp_path))
    with pytest.raises(GlossaryError) as caught:
        locations.resolve_glossary_path(option.format(tmp=tmp_path) if option else None)
    assert str(caught.value).startswith(message.format(tmp=tmp_path))
    assert str(caught.value).endswith(f"`bilingual-reader glossary init {tmp_path / 'typo.db'}`")
    assert not (tmp_path / "typo.db").exists()


def test_create_glossary_makes_an_empty_one_and_never_replaces_a_file(tmp_path: Path) -> None:
    path = locations.create_glossary(tmp_path / "new.db")
    with Glossary.open(path) as glossary:
        assert glossary.count() == 0
    with pytest.raises(GlossaryError, match="already exists"):
        locations.create_glossary(path)
    with pytest.raises(GlossaryError, match="does not exist"):
        locations.create_glossary(tmp_path / "missing" / "new.db")
