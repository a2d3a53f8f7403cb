"""A glossary the app wrote (WAL mode) opened where SQLite cannot create its ``-shm`` file (issue 15 §4).

As root every folder is writable, so the failing ``mode=ro`` open is simulated; the reproduction under a
read-only bind mount is in /work/notes/done-e.md.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from bilingual_reader.glossary import opening
from bilingual_reader.glossary.errors import GlossaryError
from bilingual_reader.glossary.models import Concept, Term
from bilingual_reader.glossary.store import Glossary


class _CannotOpenShm(sqlite3.Connection):
    """A connection whose first read fails as a WAL file's does when ``-shm`` cannot be created."""

    def execute(self, *args: Any, **kwargs: Any) -> sqlite3.Cursor:
        raise sqlite3.OperationalError("unable to open database file")


@pytest.fixture
def wal_glossary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "glossary.db"
    with Glossary.open(path) as glossary:
        glossary.add(Concept("weapons", (Term("ปืน", "th"), Term("gun", "en"))))
    real = opening._connect_uri

    def connect(target: Path, query: str) -> sqlite3.Connection:
        if query == "mode=ro":
            return sqlite3.connect(":memory:", factory=_CannotOpenShm)
        return real(target, query)

    monkeypatch.setattr(opening, "_connect_uri", connect)
    return path


def test_falls_back_to_an_immutable_open(wal_glossary: Path) -> None:
    with Glossary.open(wal_glossary, read_only=True) as glossary:
        assert glossary.read_only is True
        assert [c.terms[0].text for c in glossary.lookup("ปืน")] == ["ปืน"]


def test_unsaved_changes_in_the_wal_are_named_not_called_corrupt(wal_glossary: Path) -> None:
    wal_glossary.with_name("glossary.db-wal").write_bytes(b"\0" * 32)
    with pytest.raises(GlossaryError) as caught:
        Glossary.open(wal_glossary, read_only=True)
    message = str(caught.value)
    assert "corrupt" not in message
    assert "glossary.db-wal holds changes not yet saved" in message
