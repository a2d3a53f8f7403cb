"""--glossary wherever a user puts it, no glossary created by a typo, subjects checked before writing."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from bilingual_reader.cli import main
from bilingual_reader.glossary.models import Concept, Status, Term
from bilingual_reader.glossary.store import Glossary

ARTICLE = "ข่าวทหาร\nกองทัพส่งรถถังไปชายแดน\n"


@pytest.fixture
def glossary(tmp_path: Path) -> Path:
    path = tmp_path / "g.db"
    with Glossary.open(path) as store:
        store.add(
            Concept(
                "armour",
                (
                    Term("รถถัง", "th"),
                    Term("tank", "en"),
                    Term("panzer", "en", Status.FORBIDDEN),
                    Term("tankette", "en", Status.DEPRECATED),
                ),
            )
        )
        store.add(Concept("naval", (Term("เรือรบ", "th"), Term("warship", "en"))))
    return path


def invoke(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


@pytest.mark.parametrize(
    "args",
    [
        ("glossary", "stats"),
        ("glossary", "list"),
        ("glossary", "search", "รถ"),
        ("glossary", "show", "1"),
        ("glossary", "export", "{tmp}/out.json"),
        ("lookup", "รถถัง"),
        ("segment", "{article}"),
    ],
)
def test_glossary_after_the_subcommand(tmp_path: Path, glossary: Path, args: tuple[str, ...]) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    filled = [a.format(tmp=tmp_path, article=article) for a in args]
    result = invoke(*filled, "--glossary", str(glossary))
    assert result.exit_code == 0, result.stderr
    assert result.stdout


def test_add_and_import_take_glossary_after_the_subcommand(tmp_path: Path, glossary: Path) -> None:
    added = invoke("glossary", "add", "--th", "ดาบ", "--en", "sword", "--glossary", str(glossary))
    assert (added.exit_code, added.stdout) == (0, "added concept 3: ดาบ = sword\n")
    terms = tmp_path / "terms.csv"
    terms.write_text("term,translation\nหอก,spear\n", encoding="utf-8")
    imported = invoke("glossary", "import", str(terms), "--glossary", str(glossary))
    assert imported.exit_code == 0, imported.stderr
    with Glossary.open(glossary) as store:
        assert store.count() == 4


@pytest.mark.parametrize(
    "args",
    [
        ("read", "{article}"),
        ("lookup", "รถถัง"),
        ("segment", "{article}"),
        ("check", "{article}", "--english", "{english}"),
        ("glossary", "stats"),
        ("glossary", "add", "--th", "ดาบ", "--en", "sword"),
        ("glossary", "import", "{english}"),
        ("glossary", "export", "{tmp}/out.json"),
        ("glossary", "merge", "{english}"),
    ],
)
def test_a_glossary_that_does_not_exist_is_an_error_everywhere(tmp_path: Path, args: tuple[str, ...]) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    english = tmp_path / "en.txt"
    english.write_text("News\nThe army sent tanks\n", encoding="utf-8")
    typo = tmp_path / "TYPO.db"
    filled = [a.format(tmp=tmp_path, article=article, english=english) for a in args]
    for placed in ([*filled, "--glossary", str(typo)], ["--glossary", str(typo), *filled]):
        result = invoke(*placed)
        assert result.exit_code == 2
        assert result.stderr == (
            f"bilingual-reader: {typo}: no such glossary; create an empty one with "
            f"`bilingual-reader glossary init {typo}`\n"
        )
        assert not typo.exists()
    assert not (tmp_path / "out.json").exists()


def test_glossary_init_creates_an_empty_glossary_once(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    assert invoke("glossary", "init", str(path)).stdout == f"created an empty glossary: {path}\n"
    assert invoke("glossary", "stats", "--glossary", str(path)).stdout.startswith("concepts: 0\n")
    again = invoke("glossary", "init", str(path))
    assert (again.exit_code, again.stderr) == (
        2,
        f"bilingual-reader: {path}: already exists; not touching it\n",
    )


def test_export_with_an_unknown_subject_lists_the_known_ones_and_touches_nothing(
    tmp_path: Path, glossary: Path
) -> None:
    out = tmp_path / "out.json"
    out.write_text("my earlier export\n", encoding="utf-8")
    result = invoke("glossary", "export", str(out), "--subject", "armr", "--glossary", str(glossary))
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("bilingual-reader: unknown subject 'armr'; known subjects: weapons, ")
    assert "armour (also armor)" in result.stderr
    assert out.read_text(encoding="utf-8") == "my earlier export\n"


@pytest.mark.parametrize(("subject", "count"), [("armor", 1), ("Armour", 1), ("naval", 1), ("medical", 0)])
def test_subjects_and_their_aliases(tmp_path: Path, glossary: Path, subject: str, count: int) -> None:
    out = tmp_path / "out.json"
    result = invoke("glossary", "export", str(out), "--subject", subject, "--glossary", str(glossary))
    assert (result.exit_code, result.stdout) == (0, f"{out}: exported {count} concept(s)\n")
    listed = invoke("glossary", "list", "--subject", subject, "--json", "--glossary", str(glossary))
    assert listed.stdout.count('"subject"') == count


def test_omegat_export_warns_in_one_line(tmp_path: Path, glossary: Path) -> None:
    out = tmp_path / "out.txt"
    result = invoke("glossary", "export", str(out), "--glossary", str(glossary))
    assert result.exit_code == 0
    assert result.stderr == (
        "warning: OmegaT TSV cannot hold subject fields, term statuses or forbidden/deprecated terms "
        "(2 such term(s) left out); export to JSON, TBX or CSV to keep them\n"
    )
    assert "panzer" not in out.read_text(encoding="utf-8")
    quiet = invoke("glossary", "export", str(tmp_path / "out.json"), "--glossary", str(glossary))
    assert quiet.stderr == ""
