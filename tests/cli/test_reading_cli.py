"""``bilingual-reader lookup``, ``segment`` and ``read``: output and one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from bilingual_reader.cli import main
from bilingual_reader.documents.articles import Article

ROOT = Path(__file__).resolve().parents[2]
GLOSSARY = ROOT / "glossary.db"
SAMPLE = ROOT / "articles" / "01-nato-stoltenberg-visits-seoul-and-tokyo.txt"


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["--glossary", str(GLOSSARY), *args])
    return result.exit_code, result.stdout, result.stderr


def test_lookup_text() -> None:
    code, out, _ = invoke("lookup", "เสื้อเกราะ")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "เสื้อเกราะ"
    assert "body armor" in out and "bulletproof vest (deprecated)" in out
    assert "pronunciation: sueakro" in out


def test_lookup_json_has_subterms() -> None:
    code, out, _ = invoke("lookup", "ระบบขีปนาวุธ", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["in_glossary"] is True
    assert "ขีปนาวุธ" in [s["text"] for s in data["subterms"]]


def test_lookup_word_not_in_glossary() -> None:
    code, out, _ = invoke("lookup", "แมว")
    assert code == 0
    assert "not in the glossary" in out and "cat" in out


def test_segment_json_keeps_glossary_terms_whole() -> None:
    code, out, _ = invoke("segment", str(SAMPLE), "--json")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [row["paragraph"] for row in rows] == list(range(11))
    assert [row["role"] for row in rows] == ["title"] + ["paragraph"] * 10
    assert "".join(rows[0]["tokens"]) == SAMPLE.read_text(encoding="utf-8").splitlines()[0].replace(" ", "")
    tokens = [t for row in rows for t in row["tokens"]]
    for term in ("ปืนใหญ่อัตตาจร", "เสื้อเกราะ", "รถถังหนัก", "เครื่องบินฝึกขับไล่", "เวชภัณฑ์"):
        assert term in tokens
    assert not any(t.isspace() for t in tokens)


def test_segment_a_one_line_file(tmp_path: Path) -> None:
    path = tmp_path / "one.txt"
    path.write_text("รถถังหนักยิงปืนใหญ่\n", encoding="utf-8")
    code, out, _ = invoke("segment", str(path))
    assert (code, out) == (0, "รถถังหนัก | ยิง | ปืนใหญ่\n")
    code, out, _ = invoke("segment", str(path), "--json")
    assert json.loads(out) == {"paragraph": 0, "role": "paragraph", "tokens": ["รถถังหนัก", "ยิง", "ปืนใหญ่"]}


@pytest.mark.parametrize("command", ["segment", "read"])
def test_missing_article_is_one_line_exit_2(command: str, tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    code, out, err = invoke(command, str(missing))
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and str(missing) in err


def test_read_reports_a_bad_document_before_the_reader_starts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The document is read before Textual is even imported (half a second): a bad one fails at once, and a
    good one reaches the reader already read."""
    given: list[object] = []

    def reader(document: object, *args: object, **options: object) -> None:
        given.append(document)

    monkeypatch.setattr("bilingual_reader.tui.app.run_reader", reader)
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    for bad, problem in (
        (fifo, "is a pipe (FIFO), not a regular file"),
        (tmp_path / "no.txt", "no such file"),
    ):
        code, out, err = invoke("read", str(bad))
        assert (code, out) == (2, "")
        assert err.startswith(f"bilingual-reader: {bad}: {problem}") and err.count("\n") == 1
    assert given == []
    assert invoke("read", str(SAMPLE))[0] == 0
    [article] = given
    assert isinstance(article, Article) and article.path == SAMPLE


def test_corrupt_glossary_is_reported_and_left_untouched(tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not a database" * 100)
    before = bad.read_bytes()
    result = CliRunner().invoke(main, ["--glossary", str(bad), "lookup", "ทหาร"])
    assert result.exit_code == 2
    assert str(bad) in result.stderr and result.stderr.count("\n") == 1
    assert bad.read_bytes() == before


def test_console_script_prints_no_traceback(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    proc = subprocess.run(
        [sys.executable, "-m", "bilingual_reader", "segment", str(empty)], capture_output=True, text=True
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and str(empty) in proc.stderr


FORMATS = Path(__file__).resolve().parent.parent / "fixtures" / "documents"


def test_segment_reads_every_format_and_standard_input() -> None:
    code, out, _ = invoke("segment", str(FORMATS / "notes.md"), "--json")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert [r["role"] for r in rows] == [
        "title",
        "paragraph",
        "heading",
        "paragraph",
        "paragraph",
        "paragraph",
    ]
    result = CliRunner().invoke(
        main, ["--glossary", str(GLOSSARY), "segment", "-"], input=(FORMATS / "clip.vtt").read_bytes()
    )
    assert result.exit_code == 0
    assert result.output.splitlines()[1] == "ทุ่นระเบิด"


def test_a_broken_subtitle_is_one_line_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.srt"
    bad.write_text("1\n00:00:01,000 --> 00:00:xx,000\nข่าว\n", encoding="utf-8")
    code, out, err = invoke("segment", str(bad))
    assert (code, out) == (2, "")
    assert err == f"bilingual-reader: {bad}:2: broken cue timing '00:00:01,000 --> 00:00:xx,000'\n"
