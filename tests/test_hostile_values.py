"""Bad values end in one line, never a traceback (issue 15 §4); private files by default (§5)."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from bilingual_reader import paths
from bilingual_reader.cli import main
from bilingual_reader.glossary.store import Glossary
from bilingual_reader.qa.dismissals import ReviewStore
from support import ROOT


@pytest.fixture
def glossary(tmp_path: Path) -> Path:
    target = tmp_path / "g.db"
    target.write_bytes((ROOT / "glossary.db").read_bytes())
    return target


def run(glossary: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["--glossary", str(glossary), *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result.exit_code, result.stdout, result.stderr


BIG = "9" * 30


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("glossary", "show", "²"), "no concept has the term '²'"),
        (("glossary", "show", BIG), f"no concept with id {BIG}"),
        (("glossary", "edit", BIG, "--note", "x"), f"no concept with id {BIG}"),
        (("glossary", "remove", BIG, "--yes"), f"no concept with id {BIG}"),
    ],
    ids=["superscript", "show", "edit", "remove"],
)
def test_ids_beyond_64_bits_and_odd_digits(glossary: Path, args: tuple[str, ...], message: str) -> None:
    code, _, err = run(glossary, *args)
    assert code == 2
    assert err.endswith(f"{message}\n") and err.count("\n") == 1


def test_a_limit_beyond_64_bits_means_no_limit(glossary: Path) -> None:
    code, out, _ = run(glossary, "glossary", "search", "tank", "--limit", BIG)
    assert code == 0
    assert "anti-tank weapon" in out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[" * 100_000 + "]" * 100_000, "bad JSON: nested too deeply"),
        ('[{"subject": "x", "terms": [{"text": "ก", "lang": "th"}], "id": ' + "9" * 5000 + "}]", "too long"),
    ],
    ids=["deep", "5000-digits"],
)
def test_json_that_python_cannot_hold(glossary: Path, tmp_path: Path, content: str, message: str) -> None:
    source = tmp_path / "bad.json"
    source.write_text(content)
    code, _, err = run(glossary, "glossary", "import", str(source))
    assert code == 2
    assert message in err and err.count("\n") == 1
    with Glossary.open(glossary, read_only=True) as opened:
        assert opened.count() == 324


def test_a_corrupt_glossary_is_one_line(tmp_path: Path) -> None:
    broken = tmp_path / "broken.db"
    with Glossary.open(broken) as opened:
        for _ in range(300):
            opened.db.conn.execute(
                "INSERT INTO concepts (subject, definition, note) VALUES ('x', ?, '')", ("d" * 500,)
            )
        opened.db.conn.commit()
    data = bytearray(broken.read_bytes())
    for page in range(2, len(data) // 4096):
        data[page * 4096 + 8 : page * 4096 + 64] = b"\xff" * 56
    broken.write_bytes(bytes(data))
    code, _, err = run(broken, "glossary", "list")
    assert code == 2
    assert err.count("\n") == 1 and "corrupt" in err


# -- private by default -------------------------------------------------------------------------------------


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_new_glossaries_and_review_databases_are_private(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        folder = tmp_path / "new" / "data"
        Glossary.open(folder / "glossary.db").close()
        store = ReviewStore.open(folder / "review.db")
        store.close()
    finally:
        os.umask(old)
    assert _mode(folder) == 0o700
    assert _mode(folder.parent) == 0o700  # a missing parent (~/.local/share) too, not the umask's 0755
    assert _mode(folder / "glossary.db") == 0o600
    assert _mode(folder / "review.db") == 0o600


def test_the_per_user_glossary_is_seeded_private(monkeypatch: pytest.MonkeyPatch) -> None:
    from bilingual_reader.glossary.locations import resolve_glossary_path

    old = os.umask(0o022)
    try:
        target = resolve_glossary_path(None)
    finally:
        os.umask(old)
    assert target.parent == paths.data_dir()
    assert _mode(paths.data_dir()) == 0o700
    assert _mode(target) == 0o600
    with sqlite3.connect(target) as conn:
        assert conn.execute("SELECT count(*) FROM concepts").fetchone()[0] > 0
