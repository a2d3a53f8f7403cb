"""The reader application, its factory, and ``run_reader`` (what the CLI calls)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import App
from textual.binding import Binding, BindingType

from bilingual_reader.documents.articles import Article, ArticleError, load_article, sample_article_path
from bilingual_reader.glossary.errors import GlossaryError
from bilingual_reader.tui.commands import ReaderCommands
from bilingual_reader.tui.glossary.screen import GlossaryChanged, GlossaryScreen
from bilingual_reader.tui.reader.screen import ReaderScreen

if TYPE_CHECKING:
    from bilingual_reader.glossary.store import Glossary
    from bilingual_reader.thai.segmenter import Segmenter


class ReaderApp(App[None]):
    """Reads Thai articles with a glossary. Takes its article and glossary, so tests inject files.

    Given a glossary *file*, the app opens it just after the first paint (sqlite-utils is slow to import)
    and closes it on exit; a bad file ends the app with ``error`` set (``run_reader`` raises it).
    """

    CSS_PATH = "reader/reader.tcss"
    TITLE = "bilingual-reader"
    COMMANDS = App.COMMANDS | {ReaderCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("g", "glossary", "Glossary"),
        Binding("q", "quit", "Quit"),
    ]

    def __init__(self, article: Article, glossary: Glossary | Path) -> None:
        """Read ``article`` with a glossary object (left open) or file (opened and closed by the app)."""
        super().__init__()
        self.article = article
        self._glossary_path = glossary if isinstance(glossary, Path) else None
        self._glossary: Glossary | None = None if isinstance(glossary, Path) else glossary
        self.segmenter: Segmenter | None = None
        self.error: GlossaryError | None = None

    def open_glossary(self) -> Glossary | None:
        """The glossary, opened on first use (on the UI thread, which owns it); None once opening failed."""
        if self._glossary is None and self._glossary_path is not None and self.error is None:
            from bilingual_reader.glossary.store import Glossary

            try:
                self._glossary = Glossary.open(self._glossary_path)
            except GlossaryError as err:
                self.error = err
                self.exit(return_code=2)
        return self._glossary

    def on_mount(self) -> None:
        """Open the article."""
        self.push_screen(ReaderScreen(self.article, self.segmenter))

    def action_glossary(self) -> None:
        """Open the glossary screen over the reader."""
        glossary = self.open_glossary()
        if glossary is not None and isinstance(self.screen, ReaderScreen):
            self.push_screen(GlossaryScreen(glossary, self.screen))

    @on(GlossaryChanged)
    def _glossary_changed(self) -> None:
        """Re-segment and re-highlight the open article after a glossary edit."""
        for screen in self.screen_stack:
            if isinstance(screen, ReaderScreen):
                screen.resegment()

    def open_article(self, path: Path) -> None:
        """Replace the article being read by the one at ``path`` (a bad file is reported, not fatal)."""
        try:
            article = load_article(path)
        except ArticleError as err:
            self.notify(str(err), severity="error", timeout=10)
            return
        self.article = article
        self.switch_screen(ReaderScreen(article, self.segmenter))

    def on_unmount(self) -> None:
        """Close the glossary if this app opened it."""
        if self._glossary is not None and self._glossary_path is not None:
            self._glossary.close()


def create_app(article_path: Path | None, glossary: Glossary | Path) -> ReaderApp:
    """A reader for ``article_path`` (None: the sample article) with a glossary object or file.

    Raises ``ArticleError`` (a one-line message naming the file) before any screen is drawn.
    """
    article = load_article(article_path if article_path is not None else sample_article_path())
    return ReaderApp(article, glossary)


def run_reader(article_path: Path | None, glossary_path: Path) -> None:
    """Run the reader in the terminal until the user quits.

    Raises ``ArticleError`` for a bad article (before the screen opens) and ``GlossaryError`` for a bad
    glossary file (the app closes at once); both have one-line messages naming the file.
    """
    app = create_app(article_path, glossary_path)
    app.run()
    if app.error is not None:
        raise app.error
