"""Markdown on standard input is read as Markdown (sniffed: ``documents.opening.kind_of``), not raw text:
``segment -``, ``add -`` and the reader's ``read -`` all read through ``open_document``."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from bilingual_reader.cli import main
from bilingual_reader.documents.opening import open_document

ROOT = Path(__file__).resolve().parent.parent.parent
FORMATS = ROOT / "tests" / "fixtures" / "documents"
NOTES = FORMATS / "notes.md"


def test_segment_of_markdown_on_standard_input_gives_the_paragraphs_and_roles_of_the_file() -> None:
    from_file = CliRunner().invoke(
        main, ["--glossary", str(ROOT / "glossary.db"), "segment", str(NOTES), "--json"]
    )
    from_stdin = CliRunner().invoke(
        main, ["--glossary", str(ROOT / "glossary.db"), "segment", "-", "--json"], input=NOTES.read_bytes()
    )
    assert (from_file.exit_code, from_stdin.exit_code) == (0, 0)
    rows = [json.loads(line) for line in from_stdin.stdout.splitlines()]
    assert [r["role"] for r in rows] == [json.loads(line)["role"] for line in from_file.stdout.splitlines()]
    assert [r["role"] for r in rows][:3] == ["title", "paragraph", "heading"]
    assert not any(mark in from_stdin.stdout for mark in ("#", "**", "author:"))


def test_add_of_markdown_on_standard_input_keeps_its_title_and_kind() -> None:
    result = CliRunner().invoke(main, ["add", "-"], input=NOTES.read_bytes())
    assert result.exit_code == 0, result.stderr
    listed = CliRunner().invoke(main, ["library", "list", "--json"])
    [entry] = json.loads(listed.stdout)
    assert (entry["title"], entry["kind"]) == ("ปืนใหญ่อัตตาจร", "markdown")
    assert entry["paragraphs"] == len(open_document(NOTES).paragraphs)
