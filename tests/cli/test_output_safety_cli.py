"""Nothing a command writes destroys data (issue 15 §3, issue 8 §3): destinations checked before the work.

`glossary export` onto the open glossary replaced the SQLite file with JSON and exited 0; `translate`
-o onto its own input overwrote the article; `-o missing/dir/out.md` translated everything, then failed.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from bilingual_reader.cli import main
from bilingual_reader.glossary.store import Glossary
from bilingual_reader.translation.memory import memory_path
from support import ROOT, corpus_pairs


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def glossary(tmp_path: Path) -> Path:
    target = tmp_path / "glossary.db"
    shutil.copy(ROOT / "glossary.db", target)
    return target


def _bytes(path: Path) -> bytes:
    return path.read_bytes()


@pytest.mark.parametrize("fmt", ["json", "csv", "tbx", "omegat"])
@pytest.mark.parametrize("suffix", ["", "-wal", "-shm"])
def test_export_over_the_open_glossary_is_refused(glossary: Path, fmt: str, suffix: str) -> None:
    target = Path(f"{glossary}{suffix}")
    before = _bytes(glossary)
    code, _, err = run("--glossary", str(glossary), "glossary", "export", str(target), "--format", fmt)
    assert code == 2
    assert (
        err == f"bilingual-reader: {target}: is one of this command's own inputs; refusing to overwrite it\n"
    )
    assert _bytes(glossary) == before
    with Glossary.open(glossary, read_only=True) as opened:
        assert opened.count() > 0


def test_export_over_another_sqlite_file_is_refused(glossary: Path, tmp_path: Path) -> None:
    other = tmp_path / "notes.json"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    before = _bytes(other)
    code, _, err = run("--glossary", str(glossary), "glossary", "export", str(other))
    assert code == 2
    assert err == f"bilingual-reader: {other}: is an SQLite database; refusing to overwrite it\n"
    assert _bytes(other) == before


def test_export_into_a_missing_folder_is_one_line(glossary: Path, tmp_path: Path) -> None:
    target = tmp_path / "missing" / "out.csv"
    code, _, err = run("--glossary", str(glossary), "glossary", "export", str(target))
    assert code == 2
    assert (
        err == f"bilingual-reader: {target}: cannot be written: the folder {target.parent} does not exist\n"
    )


@pytest.mark.parametrize("fmt", ["json", "csv", "tbx", "omegat"])
def test_export_replaces_a_file_atomically(glossary: Path, tmp_path: Path, fmt: str) -> None:
    target = tmp_path / "out.dat"
    target.write_text("old")
    code, out, _ = run("--glossary", str(glossary), "glossary", "export", str(target), "--format", fmt)
    assert code == 0, out
    assert target.read_text(encoding="utf-8") != "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["glossary.db", "out.dat"]


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "news.txt"
    path.write_text(
        "ข่าวกลาโหม\n" + "\n".join(thai for thai, _ in corpus_pairs()[:3]) + "\n", encoding="utf-8"
    )
    return path


def test_translate_onto_its_own_input_is_refused_before_translating(article: Path) -> None:
    before = _bytes(article)
    code, _, err = run("translate", str(article), "-o", str(article))
    assert code == 2
    assert (
        err == f"bilingual-reader: {article}: is one of this command's own inputs; refusing to overwrite it\n"
    )
    assert _bytes(article) == before


def test_translate_into_a_missing_folder_fails_before_any_work(article: Path, tmp_path: Path) -> None:
    """No model is installed here: the destination is refused first, not the missing model."""
    target = tmp_path / "missing" / "dir" / "out.md"
    code, _, err = run("translate", str(article), "-o", str(target), "--format", "markdown")
    assert code == 2
    assert (
        err == f"bilingual-reader: {target}: cannot be written: the folder {target.parent} does not exist\n"
    )


def test_translate_onto_the_glossary_or_the_memory_is_refused(article: Path, glossary: Path) -> None:
    memory = memory_path()
    memory.parent.mkdir(parents=True, exist_ok=True)
    for target in (glossary, memory):
        code, _, err = run("--glossary", str(glossary), "translate", str(article), "-o", str(target))
        assert code == 2
        assert "refusing to overwrite it" in err


def test_check_report_onto_the_glossary_is_refused(article: Path, glossary: Path) -> None:
    before = _bytes(glossary)
    code, _, err = run("--glossary", str(glossary), "check", str(article), "-o", f"{glossary}-wal")
    assert code == 2
    assert "refusing to overwrite it" in err
    assert _bytes(glossary) == before


@pytest.mark.parametrize("fmt", ["json", "csv", "tbx", "omegat"])
def test_an_export_follows_the_umask(glossary: Path, tmp_path: Path, fmt: str) -> None:
    """Exports were 0644 whatever the umask (issue 15 §5): a user with umask 077 got world-readable files."""
    import os

    out = tmp_path / f"out.{fmt}"
    previous = os.umask(0o077)
    try:
        code, _, _ = run("--glossary", str(glossary), "glossary", "export", str(out), "--format", fmt)
    finally:
        os.umask(previous)
    assert code == 0
    assert out.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize("name", ["memory.db", "review.db", "learner.db"])
@pytest.mark.parametrize(
    "command",
    [
        ("glossary", "export", "{}", "--format", "csv"),
        ("words", "export", "{}"),
        ("cards", "export", "-o", "{}"),
    ],
    ids=["glossary-export", "words-export", "cards-export"],
)
def test_no_export_lands_on_a_database_name_of_the_data_folder(name: str, command: tuple[str, ...]) -> None:
    """They wrote a CSV or a deck named memory.db/review.db/learner.db there (issue 15 §3)."""
    from bilingual_reader import paths

    target = paths.data_dir() / name
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        target.unlink()
    code, _, err = run(*(part.format(target) for part in command))
    assert (code, err) == (
        2,
        f"bilingual-reader: {target}: is one of this command's own inputs; refusing to overwrite it\n",
    )
    assert not target.exists() or target.read_bytes().startswith(b"SQLite format 3")  # the learner opened it
