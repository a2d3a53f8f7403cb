"""The app's side of the library: the library screen, resuming texts, saving where the reader is."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from bilingual_reader.tui.library import tracking

if TYPE_CHECKING:
    from bilingual_reader.tui.app import ReaderApp
    from bilingual_reader.tui.library.reading import ReadingState
    from bilingual_reader.tui.reader.screen import ReaderScreen

#: Seconds between writes of the reading position while reading.
SAVE_EVERY = 5.0


class LibraryController:
    """What the app does for the library; the app calls it from its handlers."""

    def __init__(self, app: ReaderApp) -> None:
        """Serve ``app``."""
        self.app = app

    @property
    def reading(self) -> ReadingState:
        """The reading state (in the app's services)."""
        return self.app.services.reading

    def mounted(self, start_in_library: bool) -> None:
        """Save positions now and then; open the library screen first if asked."""
        self.app.set_interval(SAVE_EVERY, self.save)
        if start_in_library:
            self.show_library()

    def started(self, screen: ReaderScreen) -> None:
        """The screen's first frame is drawn and its work started: resume where its text was left."""
        tracking.resume(screen, self.reading)

    def save(self) -> None:
        """Write where the reader is (the view's scroll read now)."""
        from bilingual_reader.tui.reader.screen import ReaderScreen

        for screen in self.app.screen_stack:
            if isinstance(screen, ReaderScreen) and screen.started:
                tracking.track(screen, self.reading)
        self.reading.flush()

    def show_library(self) -> None:
        """Open the library screen over the reader."""
        from bilingual_reader.tui.library.known_column import KnownSource
        from bilingual_reader.tui.library.screen import LibraryScreen

        library = self.reading.library()
        if library is None:
            self.app.notify(f"The library cannot be opened: {self.reading.error}", severity="error")
            return

        def chosen(path: Path | None) -> None:
            if path is not None:
                self.app.open_article(path)

        self.app.push_screen(LibraryScreen(library, known=KnownSource.of(self.app.services)), chosen)

    def add_current(self) -> None:
        """Add the text being read to the library (a copy of its file)."""
        from bilingual_reader.documents.errors import ArticleError
        from bilingual_reader.library.adding import add_documents

        article = self.app.article
        library = self.reading.library()
        if library is None:
            self.app.notify(f"The library cannot be opened: {self.reading.error}", severity="error")
            return
        if article.path is None:
            self.app.notify("This text came from standard input: add it with `bilingual-reader add -`.")
            return
        try:
            added = add_documents(library, [article.path])[0]
        except (ArticleError, OSError) as err:
            self.app.notify(str(err), severity="error", timeout=10)
            return
        verb = "Already in the library" if added.already else "Added to the library"
        self.app.notify(f"{verb}: {added.entry.title}", timeout=4)

    def closing(self) -> None:
        """The app ends: write the positions and close the database."""
        self.save()
        self.reading.close()


def history_exists(reading: ReadingState) -> bool:
    """Whether the reader was used before (a text in the library or a remembered position)."""
    if reading.path is not None and not reading.path.exists():
        return False
    from bilingual_reader.library.store import library_path

    if reading.path is None and not library_path().exists():
        return False
    library = reading.library()
    return library is not None and (library.opened_before() or bool(library.entries()))
