"""The command palette opens articles from the library (its Add glossary term is tested in
test_tui_glossary_edit.py)."""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandPalette

from bilingual_reader.documents.articles import list_articles
from bilingual_reader.tui.app import create_app
from bilingual_reader.tui.reader.screen import ReaderScreen

from .pilot_helpers import choose, reader, settle


async def test_palette_opens_another_article(glossary_path: Path) -> None:
    library = list_articles()
    target = next(p for p in library if "cobra" in p.name)
    app = create_app(None, glossary_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert reader(app).article.path == library[0]
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        await choose(app, pilot, "cobra")
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        assert screen.article.path == target
        assert screen.full_title == screen.article.title  # the header shows it (cut to its width)
        assert [v.text for v in screen.text.paragraphs.all_thai()] == list(screen.article.paragraphs)
        assert any(t.is_term for v in screen.text.paragraphs.all_thai() for t in v.tokens)
