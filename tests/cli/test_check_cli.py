"""``bilingual-reader check``: output formats and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from bilingual_reader.cli import main
from bilingual_reader.documents.articles import load_article
from bilingual_reader.glossary.models import Concept, Status, Term
from bilingual_reader.glossary.store import Glossary
from bilingual_reader.qa.dismissals import ReviewStore

ROOT = Path(__file__).resolve().parents[2]
TRAINED = ROOT / "tests" / "fixtures" / "argos" / "translate-th_en-test.argosmodel"
ARTICLE = "ข่าวทหาร\nกองทัพส่งรถถังไปชายแดน\nโดรนสองลำถูกยิงตก\nวันนี้อากาศดี\n"


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    glossary = Glossary.open(tmp_path / "glossary.db")
    glossary.add(
        Concept(
            "armour", (Term("รถถัง", "th"), Term("tank", "en"), Term("panzer", "en", Status.FORBIDDEN)), id=1
        )
    )
    glossary.add(
        Concept(
            "aviation",
            (Term("โดรน", "th"), Term("drone", "en"), Term("unmanned plane", "en", Status.DEPRECATED)),
            id=2,
        )
    )
    glossary.close()
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    return {"glossary": tmp_path / "glossary.db", "article": article, "dir": tmp_path}


def _english(files: dict[str, Path], text: str) -> str:
    path = files["dir"] / "english.txt"
    path.write_text(text, encoding="utf-8")
    return str(path)


def _run(files: dict[str, Path], english: str, *extra: str) -> tuple[int, str, str]:
    args = [
        "check",
        "--checks",
        "terms",
        str(files["article"]),
        "--glossary",
        str(files["glossary"]),
        "--english",
        english,
        *extra,
    ]
    result = CliRunner().invoke(main, args)
    return result.exit_code, result.stdout, result.stderr


def test_all_ok_exits_zero(files: dict[str, Path]) -> None:
    code, out, _ = _run(files, _english(files, "News\nArmy sent tanks\nTwo drones downed\nNice day\n"))
    assert code == 0
    assert out.splitlines() == [
        "article.txt: 4 paragraphs, 2 terms: 2 ok, 0 missing, 0 forbidden, 0 deprecated, 0 dismissed",
        "¶2   ok         รถถัง → 'tanks'  [concept 1]",
        "¶3   ok         โดรน → 'drones'  [concept 2]",
    ]


def test_a_deprecated_term_warns_and_fails_only_when_strict(files: dict[str, Path]) -> None:
    fire = (Term("ยิง", "th", pos="verb"), Term("fire", "en", pos="verb"))
    with Glossary.open(files["glossary"]) as glossary:
        glossary.add(Concept("weapons", (*fire, Term("shoot", "en", Status.ADMITTED, pos="verb")), id=3))
    english = _english(files, "News\nArmy sent tanks\nTwo unmanned planes were fired on\nNice day\n")
    code, out, _ = _run(files, english)
    assert code == 0
    assert out.splitlines() == [
        "article.txt: 4 paragraphs, 3 terms: 2 ok, 0 missing, 0 forbidden, 1 deprecated, 0 dismissed",
        "¶2   ok         รถถัง → 'tanks'  [concept 1]",
        "¶3   DEPRECATED  โดรน → 'unmanned planes'  (use: drone)  [concept 2]",
        "¶3   ok         ยิง → 'fired'  [concept 3]",
    ]
    code, out, _ = _run(files, english, "--strict", "--format", "json")
    assert code == 1
    report = json.loads(out)
    assert report["summary"] == {"ok": 2, "missing": 0, "forbidden": 0, "deprecated": 1, "dismissed": 0}
    assert [(f["status"], f["english_term"], f["suggestion"]) for f in report["findings"]][1] == (
        "deprecated",
        "unmanned plane",
        "drone",
    )


def test_problems_exit_one_with_json(files: dict[str, Path]) -> None:
    code, out, _ = _run(
        files, _english(files, "News\nArmy sent a panzer\nTwo UAVs downed\nNice day\n"), "--format", "json"
    )
    assert code == 1
    report = json.loads(out)
    assert report["summary"] == {"ok": 0, "missing": 1, "forbidden": 1, "deprecated": 0, "dismissed": 0}
    assert report["untranslated"] == []
    assert [
        (f["paragraph"], f["status"], f["english"] and f["english"]["text"]) for f in report["findings"]
    ] == [
        (1, "forbidden", "panzer"),
        (2, "missing", None),
    ]
    assert report["article_id"] == load_article(files["article"]).article_id


def test_dismissed_problems_do_not_fail(files: dict[str, Path]) -> None:
    store = ReviewStore.open()
    store.dismiss(load_article(files["article"]).article_id, 2, 2)
    store.close()
    code, out, _ = _run(files, _english(files, "News\nArmy sent tanks\nTwo UAVs downed\nNice day\n"))
    assert code == 0
    assert "¶3   dismissed  โดรน  (use: drone)  [concept 2]" in out.splitlines()


def test_glossary_from_the_parent_group(files: dict[str, Path]) -> None:
    english = _english(files, "news\ntanks\ndrones\nday\n")
    args = ["--glossary", str(files["glossary"]), "check", "--checks", "terms", str(files["article"])]
    args += ["--english", english]
    assert CliRunner().invoke(main, args).exit_code == 0


@pytest.mark.parametrize(
    ("english", "message"),
    [
        (
            "one line only\n",
            "english.txt: 1 non-empty English lines for 4 Thai lines: give one English line per Thai line, "
            "the title included",
        ),
        (
            None,
            "no Thai→English model installed: run `bilingual-reader model install`",
        ),
    ],
)
def test_bad_input_exits_two_with_one_line(files: dict[str, Path], english: str | None, message: str) -> None:
    args = ["check", str(files["article"]), "--glossary", str(files["glossary"])]
    if english is not None:
        args += ["--english", _english(files, english)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1
    assert message in result.stderr


def test_missing_article_exits_two(files: dict[str, Path]) -> None:
    result = CliRunner().invoke(main, ["check", str(files["dir"] / "nope.txt"), "--english", "x.txt"])
    assert result.exit_code == 2
    assert result.stderr == f"bilingual-reader: {files['dir'] / 'nope.txt'}: no such file\n"


def test_a_glossary_that_is_not_sqlite_exits_two(files: dict[str, Path]) -> None:
    files["glossary"].write_text("id\tsubject\n", encoding="utf-8")
    code, _, err = _run(files, _english(files, "news\ntanks\ndrones\nday\n"))
    assert code == 2
    assert err == f"bilingual-reader: {files['glossary']}: not a SQLite database\n"


@pytest.mark.parametrize("read", ["file", "standard input"])
def test_without_english_the_machine_translation_is_checked(tmp_path: Path, read: str) -> None:
    from bilingual_reader.translation.packages import install_file

    install_file(TRAINED)
    glossary = Glossary.open(tmp_path / "g.db")
    glossary.add(Concept("weapons", (Term("ปืนใหญ่อัตตาจร", "th"), Term("self-propelled howitzer", "en")), id=1))
    glossary.add(
        Concept(
            "aviation",
            (Term("โดรน", "th"), Term("drone", "en"), Term("unmanned plane", "en", Status.DEPRECATED)),
            id=2,
        )
    )
    glossary.close()
    article = tmp_path / "a.txt"
    article.write_text("ข่าว\nปืนใหญ่อัตตาจรเคลื่อนที่ไปยังชายแดน\nโดรนบินเหนือฐานทัพ\n", encoding="utf-8")
    source = str(article) if read == "file" else "-"
    args = ["check", source, "--glossary", str(tmp_path / "g.db"), "--format", "json", "--no-steer"]
    result = CliRunner().invoke(main, args, input=None if read == "file" else article.read_bytes())
    assert result.exit_code == 1, result.stderr
    findings = json.loads(result.stdout)["findings"]
    assert [(f["concept_id"], f["status"], f["english"] and f["english"]["text"]) for f in findings] == [
        (1, "missing", None),
        (2, "ok", "drone"),
    ]


def test_dismiss_and_restore_from_the_command_line(files: dict[str, Path]) -> None:
    english = _english(files, "News\nArmy sent tanks\nTwo UAVs downed\nNice day\n")
    code, out, _ = _run(files, english, "--dismiss", "3:2")
    assert code == 0
    assert "¶3   dismissed  โดรน  (use: drone)  [concept 2]" in out.splitlines()
    assert _run(files, english)[0] == 0
    assert _run(files, english, "--restore", " 3:2 ")[0] == 1


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            "2-2",
            "--dismiss/--restore '2-2': expected PARAGRAPH:CONCEPT (3:17) or PARAGRAPH:KEY "
            "(3:dates:be-year-kept:ปี 2565)",
        ),
        ("0:2", "--dismiss/--restore '0:2': the article has paragraphs 1 to 4"),
        ("5:2", "--dismiss/--restore '5:2': the article has paragraphs 1 to 4"),
    ],
)
def test_bad_dismiss_values(files: dict[str, Path], value: str, message: str) -> None:
    code, _, err = _run(files, _english(files, "news\ntanks\ndrones\nday\n"), "--dismiss", value)
    assert (code, err) == (2, f"bilingual-reader: {message}\n")


def test_json_marks_the_title_and_each_finding_s_role(files: dict[str, Path]) -> None:
    """The headline first line is checked like any paragraph, and the JSON says it is the title."""
    files["article"].write_text("โดรนรุ่นใหม่\nกองทัพส่งรถถังไปชายแดน\n", encoding="utf-8")
    code, out, _ = _run(files, _english(files, "New drones\nArmy sent tanks\n"), "--format", "json")
    report = json.loads(out)
    assert code == 0
    assert report["roles"] == ["title", "paragraph"]
    assert [(f["paragraph"], f["role"], f["status"]) for f in report["findings"]] == [
        (0, "title", "ok"),
        (1, "paragraph", "ok"),
    ]
