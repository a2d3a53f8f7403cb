"""`glossary export --article PATH…`: only the concepts found in those articles, in every export format."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from bilingual_reader.cli import main
from bilingual_reader.glossary.models import Concept, Term
from bilingual_reader.glossary.store import Glossary
from support import ROOT


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def glossary(tmp_path: Path) -> Path:
    path = tmp_path / "g.db"
    with Glossary.open(path) as store:
        store.add(Concept("naval", (Term("กองทัพเรือ", "th"), Term("navy", "en"))))
        store.add(Concept("naval", (Term("เรือดำน้ำ", "th"), Term("submarine", "en"))))
        store.add(Concept("weapons", (Term("ปืนใหญ่", "th"), Term("artillery", "en"))))
        store.add(Concept("vehicles", (Term("รถถัง", "th"), Term("tank", "en"))))
    return path


@pytest.mark.parametrize(
    ("fmt", "suffix"), [("json", "json"), ("tbx", "tbx"), ("csv", "csv"), ("omegat", "txt")]
)
def test_only_the_concepts_of_the_articles_are_exported(
    glossary: Path, tmp_path: Path, fmt: str, suffix: str
) -> None:
    one = tmp_path / "one.txt"
    one.write_text("กองทัพเรือซื้อเรือดำน้ำ\n", encoding="utf-8")
    two = tmp_path / "two.txt"
    two.write_text("กองทัพบกมีปืนใหญ่\n", encoding="utf-8")
    out = tmp_path / f"out.{suffix}"
    code, stdout, _ = run("--glossary", str(glossary), "glossary", "export", str(out), "--format", fmt,
                          "--article", str(one), "--article", str(two))  # fmt: skip
    assert (code, stdout) == (0, f"{out}: exported 3 concept(s)\n")
    text = out.read_text(encoding="utf-8")
    assert all(term in text for term in ("กองทัพเรือ", "เรือดำน้ำ", "ปืนใหญ่")) and "รถถัง" not in text
    if fmt == "json":
        assert [c["terms"][0]["text"] for c in json.loads(text)["concepts"]] == [
            "กองทัพเรือ",
            "เรือดำน้ำ",
            "ปืนใหญ่",
        ]


def test_a_missing_article_is_one_line(glossary: Path, tmp_path: Path) -> None:
    code, _, err = run("--glossary", str(glossary), "glossary", "export", str(tmp_path / "o.json"),
                       "--article", str(tmp_path / "none.txt"))  # fmt: skip
    assert (code, err) == (2, f"bilingual-reader: {tmp_path / 'none.txt'}: no such file\n")
    assert not (tmp_path / "o.json").exists()


def test_the_shipped_glossary_for_the_sample_article(tmp_path: Path) -> None:
    copy = tmp_path / "g.db"
    shutil.copy(ROOT / "glossary.db", copy)
    article = ROOT / "articles" / "01-nato-stoltenberg-visits-seoul-and-tokyo.txt"
    code, _, _ = run("--glossary", str(copy), "glossary", "export", str(tmp_path / "o.json"),
                          "--article", str(article))  # fmt: skip
    assert code == 0
    exported = json.loads((tmp_path / "o.json").read_text(encoding="utf-8"))["concepts"]
    heads = {c["terms"][0]["text"] for c in exported}
    assert {"เลขาธิการนาโต", "ขีปนาวุธข้ามทวีป", "ปืนใหญ่อัตตาจร", "ปืนใหญ่"} <= heads
    assert "เรือดำน้ำ" not in heads  # an article-2 term
