"""The reader's "Make a class handout" palette command writes the open article's handout beside the reader's
working folder, numbered so an earlier handout is never overwritten."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.command import CommandPalette

from bilingual_reader.tui.app import create_app

from .pilot_helpers import choose, settle


async def test_the_palette_makes_a_handout(
    article_path: Path, glossary_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "class"
    folder.mkdir()
    monkeypatch.chdir(folder)
    (folder / "article-handout.html").write_text("the teacher's own file", encoding="utf-8")
    app = create_app(article_path, glossary_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        await choose(app, pilot, "class handout")
        messages = [n.message for n in app._notifications]
    made = folder / "article-handout-2.html"
    assert f"Handout written to {made}" in messages
    assert (folder / "article-handout.html").read_text(encoding="utf-8") == "the teacher's own file"
    page = made.read_text(encoding="utf-8")
    assert re.findall(r"<h2>([^<]+)</h2>", page) == [
        "Thai text", "English", "Vocabulary", "Interlinear", "Cloze worksheet", "Answer key"
    ]  # fmt: skip
    assert '<span class="term">ปืนใหญ่อัตตาจร<sup>1</sup></span>' in page
