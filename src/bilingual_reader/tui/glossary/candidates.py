"""The glossary screen's candidates view: terms the open article uses that the glossary lacks, found in a
thread worker; Enter accepts one into the add form (pre-filled), x dismisses it for good."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Static

from bilingual_reader.glossary.errors import GlossaryError
from bilingual_reader.tui.widgets.key_bar import KeyBar
from bilingual_reader.tui.widgets.steady_header import SteadyHeader

if TYPE_CHECKING:
    from bilingual_reader.documents.articles import Article
    from bilingual_reader.glossary.store import Glossary
    from bilingual_reader.teaching.candidate_review import Suggestion

__all__ = ["CandidatesScreen"]


class CandidateFound(Message):
    """The worker found one more candidate (posted from its thread)."""

    def __init__(self, suggestion: Suggestion) -> None:
        super().__init__()
        self.suggestion = suggestion


class CandidatesDone(Message):
    """The worker is done (``error``: why it stopped early)."""

    def __init__(self, error: str | None = None) -> None:
        super().__init__()
        self.error = error


class CandidatesScreen(Screen["Suggestion | None"]):
    """Candidate terms of ``article`` for ``glossary`` (owned by the UI thread; the worker gets a copy).

    Dismisses with the accepted suggestion (the glossary screen opens the add form), or None.
    """

    CSS_PATH = "glossary.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Back"),
        Binding("enter", "accept", "Accept", key_display="⏎", priority=True),
        Binding("x", "dismiss_candidate", "Dismiss for good"),
    ]

    def __init__(self, glossary: Glossary, article: Article, memory_file: Path | None = None) -> None:
        """Candidates of ``article``; ``memory_file``: the translation memory for the English hints."""
        super().__init__()
        self.glossary = glossary
        self.article = article
        self.memory_file = memory_file
        self.found: list[Suggestion] = []
        self.done = False

    def compose(self) -> ComposeResult:
        """Header, status line, table, contexts panel, footer."""
        yield SteadyHeader()
        yield Static("Finding candidate terms…", id="candidates-status")
        table: DataTable[Text] = DataTable(id="candidates-table", cursor_type="row", zebra_stripes=True)
        yield table
        with VerticalScroll(id="candidates-details"):
            yield Static("", id="candidates-contexts")
        yield KeyBar()

    def on_mount(self) -> None:
        """Title, columns, and the search in a worker."""
        self.title = "Candidate terms"
        self.sub_title = self.article.title
        table = self.query_one(DataTable)
        for label, width in (("#", 3), ("Thai", 28), ("×", 3), ("RTGS", 26), ("Paragraph's English", 60)):
            table.add_column(label, width=width)
        from bilingual_reader.teaching.handout_file import glossary_copy

        self._find(glossary_copy(self.glossary))
        table.focus()

    @work(thread=True, exclusive=True, group="candidates", exit_on_error=False)
    def _find(self, copy: Glossary) -> None:
        from bilingual_reader.teaching.candidate_review import suggestions

        try:
            for suggestion in suggestions(self.article, copy, memory_file=self.memory_file):
                self.post_message(CandidateFound(suggestion))
        except (GlossaryError, OSError) as err:
            self.post_message(CandidatesDone(str(err)))
            return
        finally:
            copy.close()
        self.post_message(CandidatesDone())

    @on(CandidateFound)
    def _found(self, message: CandidateFound) -> None:
        item = message.suggestion
        self.found.append(item)
        cells = (
            str(len(self.found)),
            item.candidate.thai,
            str(item.candidate.count),
            item.rtgs,
            item.english,
        )
        self.query_one(DataTable).add_row(*(Text(c, no_wrap=True, overflow="ellipsis") for c in cells))
        if len(self.found) == 1:
            self._show_contexts()

    @on(CandidatesDone)
    def _done(self, message: CandidatesDone) -> None:
        self.done = True
        self._status(message.error)

    def _status(self, error: str | None = None) -> None:
        if error is not None:
            text = f"No candidates: {error}"
        elif self.found:
            text = f"{len(self.found)} candidate terms, best first: ⏎ adds one, x dismisses it for good."
        else:
            text = "No candidate terms in this article (recurring phrases the glossary lacks)."
        self.query_one("#candidates-status", Static).update(text)

    def current(self) -> Suggestion | None:
        """The candidate under the cursor."""
        row = self.query_one(DataTable).cursor_row
        return self.found[row] if self.found and 0 <= row < len(self.found) else None

    @on(DataTable.RowHighlighted)
    def _show_contexts(self) -> None:
        item = self.current()
        text = "" if item is None else "\n".join([item.hint, "", *item.candidate.contexts])
        self.query_one("#candidates-contexts", Static).update(Text(text))

    def action_accept(self) -> None:
        """Close with the candidate under the cursor: the glossary screen opens the add form with it."""
        item = self.current()
        if item is not None:
            self.dismiss(item)

    def action_dismiss_candidate(self) -> None:
        """Never offer the candidate under the cursor again (kept in the glossary file)."""
        from bilingual_reader.teaching.candidate_review import dismiss_candidate

        item = self.current()
        if item is None:
            return
        try:
            dismiss_candidate(self.glossary, item.candidate.thai)
        except GlossaryError as err:
            self.notify(str(err), severity="error", timeout=10)
            return
        table = self.query_one(DataTable)
        row = table.cursor_row
        del self.found[row]
        table.clear()
        for number, kept in enumerate(self.found, 1):
            cells = (str(number), kept.candidate.thai, str(kept.candidate.count), kept.rtgs, kept.english)
            table.add_row(*(Text(c, no_wrap=True, overflow="ellipsis") for c in cells))
        if self.found:
            table.move_cursor(row=min(row, len(self.found) - 1), animate=False)
        self._show_contexts()
        if self.done:
            self._status()
        self.notify(f"Dismissed {item.candidate.thai}: it will not be offered again.")

    def action_close(self) -> None:
        """Back to the glossary."""
        self.dismiss(None)
