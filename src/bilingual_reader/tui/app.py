"""The reader application, its factory, and ``run_reader`` (what the CLI calls)."""

from __future__ import annotations

import gc
import sys
from functools import partial
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events, on
from textual.app import App
from textual.binding import BindingType
from textual.notifications import SeverityLevel

from bilingual_reader.documents.articles import Article, sample_article_path
from bilingual_reader.documents.errors import ArticleError
from bilingual_reader.documents.opening import open_document
from bilingual_reader.tui.app_commands import APP_COMMANDS
from bilingual_reader.tui.collection import hold_until_frame, resume_collection
from bilingual_reader.tui.commands import CommandsProvider, PaletteEntry, bindings, by_name, palette_entries
from bilingual_reader.tui.hangup import exit_on_hangup
from bilingual_reader.tui.library import tracking
from bilingual_reader.tui.library.controller import LibraryController
from bilingual_reader.tui.messages import ArticleSegmented, CursorMoved, GlossaryChanged
from bilingual_reader.tui.reader.screen import ReaderScreen
from bilingual_reader.tui.services import ReaderServices

if TYPE_CHECKING:
    from rich.console import RenderableType
    from textual.screen import Screen

    from bilingual_reader.glossary.errors import GlossaryError
    from bilingual_reader.glossary.store import Glossary

_COMMANDS = by_name(APP_COMMANDS)


class ReaderApp(App[None]):
    """Reads Thai articles with a glossary. Takes its article and services, so tests inject files and fakes.

    Given a glossary *file*, the app opens it just after the first frame (sqlite-utils is slow to import)
    and closes it on exit; a bad file ends the app with ``error`` set (``run_reader`` raises it).
    """

    #: The library's and the glossary's screens name their stylesheets too; read only when such a screen was
    #: first shown, a stylesheet made Textual parse every stylesheet of the app again and restyle every
    #: widget (the reader's under it too): 45-50 ms at each screen's first opening. Read with the app's,
    #: they are parsed once with the rest, and a screen finds its stylesheet already there.
    CSS_PATH: ClassVar[list[str | PurePath]] = [
        "reader/reader.tcss",
        "library/library.tcss",
        "glossary/glossary.tcss",
    ]
    TITLE = "bilingual-reader"
    COMMANDS = App.COMMANDS | {CommandsProvider}
    BINDINGS: ClassVar[list[BindingType]] = [*bindings(APP_COMMANDS, "app_command")]

    def __init__(
        self, article: Article, glossary: Glossary | Path | ReaderServices, *, start_in_library: bool = False
    ) -> None:
        """Read ``article`` with a glossary object (left open) or file (opened and closed by the app), or
        with ready-made ``ReaderServices``; ``start_in_library`` opens the library screen over it."""
        super().__init__()
        self.article = article
        self.services = glossary if isinstance(glossary, ReaderServices) else ReaderServices(glossary)
        self.library: LibraryController = LibraryController(self)
        self._start_in_library = start_in_library

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """A notice, plain text unless ``markup`` is asked for: notices carry file names, error messages and
        glossary text, and Textual markup in them (``[/]``, ``[@click=…]``) crashed the app or acted."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    @property
    def error(self) -> GlossaryError | None:
        """Why the glossary could not be opened (the app closed), if it could not."""
        return self.services.error

    def run(self, *args: Any, **kwargs: Any) -> None:
        """Run (``App.run``'s arguments and result). In a terminal, the objects made so far (the imports')
        live as long as the process: frozen, the garbage collector no longer walks them, and a full
        collection during start-up (tens of milliseconds, just before the first frame) costs a few. It ends
        when its terminal hangs up (``hangup``)."""
        if not kwargs.get("headless"):
            gc.freeze()
            exit_on_hangup(self, sys.__stdin__.fileno() if sys.__stdin__ is not None else -1)
        return super().run(*args, **kwargs)

    async def on_event(self, event: events.Event) -> None:
        """Every key and click: no garbage collection until its frame is out (``collection``)."""
        if isinstance(event, (events.Key, events.MouseDown)):
            hold_until_frame(self)
        await super().on_event(event)

    def on_mount(self) -> None:
        """Open the article (and the library screen over it when asked) once the app's start-up batch is
        over: a screen pushed inside it is drawn once for nothing, then again for the terminal."""
        self.call_later(self._open_first)

    def _open_first(self) -> None:
        self.push_screen(ReaderScreen(self.article, self.services))
        self.library.mounted(self._start_in_library)

    def _display(self, screen: Screen[object], renderable: RenderableType | None) -> None:
        """Write a frame; once a reader's first frame with its text is on the terminal, let the reader open
        what that frame did not need (its glossary, segmenter, check and translation)."""
        super()._display(screen, renderable)
        written = renderable is not None and not self._batch_count
        if written and isinstance(screen, ReaderScreen) and not screen.started and screen.drawn:
            self.call_later(screen.start)
            self.call_later(self.library.started, screen)

    def action_app_command(self, name: str) -> None:
        """Run one of the app's commands (what its keys are bound to)."""
        _COMMANDS[name].run(self)

    def palette_commands(self) -> list[PaletteEntry]:
        """The app's commands for the palette: opening the library's articles, the glossary, quitting."""
        from bilingual_reader.documents.articles import list_articles

        entries = [
            (
                f"Open article: {path.stem.replace('_', ' ').replace('-', ' ')}",
                path.name,
                partial(self.open_article, path),
            )
            for path in list_articles()
        ]
        return palette_entries(APP_COMMANDS, self) + entries

    def show_glossary(self) -> None:
        """Open the glossary screen over the reader (with its article, for occurrences and candidates) or
        over the library; on the glossary screen, the same key closes it again."""
        from bilingual_reader.glossary.errors import GlossaryError
        from bilingual_reader.tui.glossary.screen import GlossaryScreen
        from bilingual_reader.tui.library.screen import LibraryScreen

        if isinstance(self.screen, GlossaryScreen):
            self.screen.action_close()
            return
        try:
            glossary = self.services.open_glossary()
        except GlossaryError as err:
            self.services.error = err
            self.exit(return_code=2)
            return
        if isinstance(self.screen, ReaderScreen):
            reader = self.screen
            self.push_screen(GlossaryScreen(glossary, reader.lookup, reader.services.memory_path))
        elif isinstance(self.screen, LibraryScreen):
            self.push_screen(GlossaryScreen(glossary))

    @on(CursorMoved)
    def _cursor_moved(self) -> None:
        """Remember where the reader is and show its chapter."""
        if isinstance(self.screen, ReaderScreen) and self.screen.started:
            tracking.track(self.screen, self.services.reading)

    @on(ArticleSegmented)
    def _article_segmented(self) -> None:
        """Keep a resumed cursor on its word once the words are known."""
        for screen in self.screen_stack:
            if isinstance(screen, ReaderScreen):
                tracking.resegmented(screen)

    @on(GlossaryChanged)
    def _glossary_changed(self) -> None:
        """Re-segment and re-highlight the open article after a glossary edit."""
        for screen in self.screen_stack:
            if isinstance(screen, ReaderScreen):
                screen.starter.restart()

    def open_article(self, path: Path) -> None:
        """Replace the article being read by the one at ``path`` (a bad file is reported, not fatal)."""
        try:
            article = open_document(path)
        except ArticleError as err:
            self.notify(str(err), severity="error", timeout=10)
            return
        self.library.save()
        self.article = article
        self.switch_screen(ReaderScreen(article, self.services))

    def on_unmount(self) -> None:
        """Save where the reader is; close the glossary if this app opened it; collect garbage again (a key
        held it off until a frame that will not come now)."""
        self.library.closing()
        self.services.close()
        resume_collection()


def create_app(article_path: Path | Article | None, glossary: Glossary | Path | ReaderServices) -> ReaderApp:
    """A reader for ``article_path`` (a document of any format; None: the sample article; or an article
    already read) with a glossary object or file (or services).

    Raises ``ArticleError`` (a one-line message naming the file) before any screen is drawn.
    """
    if isinstance(article_path, Article):
        return ReaderApp(article_path, glossary)
    article = open_document(article_path if article_path is not None else sample_article_path())
    if article_path is None:
        from bilingual_reader.tui.library.controller import history_exists

        services = glossary if isinstance(glossary, ReaderServices) else ReaderServices(glossary)
        return ReaderApp(article, services, start_in_library=history_exists(services.reading))
    return ReaderApp(article, glossary)


def run_reader(
    article_path: Path | Article | None,
    glossary_path: Path,
    engine: dict[str, str] | None = None,
    *,
    learner: Path | None = None,
) -> None:
    """Run the reader in the terminal until the user quits; ``engine`` overrides the translation settings
    (``engine``, ``url``: the CLI's ``--engine``/``--url``).

    Raises ``ArticleError`` for a bad article (before the screen opens) and ``GlossaryError`` for a bad
    glossary file (the app closes at once); both have one-line messages naming the file. ``learner``: the
    learner database (None: ``$BILINGUAL_READER_LEARNER``, else the per-user one).
    """
    from functools import partial

    from bilingual_reader.tui.reader.translation_jobs import default_engine

    services = ReaderServices(
        glossary_path, engine_factory=partial(default_engine, **(engine or {})), learner=learner
    )
    app = create_app(article_path, services)
    app.run()
    if app.error is not None:
        raise app.error
