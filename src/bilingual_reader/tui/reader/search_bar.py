"""Search inside the text: ``/`` opens a bar; Enter searches in a thread worker that streams matches (Thai at
token boundaries, or the English column for a query without Thai); matches are highlighted, ``n``/``N`` move
the cursor to the next/previous one."""

from __future__ import annotations

import bisect
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from textual import on, work
from textual.app import ComposeResult
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input
from textual.worker import get_current_worker

from bilingual_reader.search import Query, search_english, search_thai

if TYPE_CHECKING:
    from bilingual_reader.thai.segmenter import Token
    from bilingual_reader.tui.reader.screen import ReaderScreen

#: How often (seconds) the worker posts the matches found so far.
FLUSH = 0.05


@dataclass
class MatchesFound(Message):
    """More matches of search ``number``: spans by paragraph; ``done``: the search is over."""

    number: int
    spans: dict[int, list[tuple[int, int]]]
    done: bool = False
    english: bool = False


class SearchBar(Widget):
    """The search bar (hidden until opened) and the matches of the last search."""

    DEFAULT_CSS = """
    SearchBar { dock: bottom; height: auto; display: none; }
    SearchBar.-open { display: block; }
    SearchBar > Input { border: tall $accent; }
    """

    def __init__(self, screen: ReaderScreen, *, id: str | None = None) -> None:
        """Searches the text of ``screen`` (its article, its English)."""
        super().__init__(id=id)
        self.reader = screen
        self.current: Query | None = None
        self.matches: list[tuple[int, int, int, bool]] = []
        """(paragraph, start, end, in the English) of every match so far, in text order."""
        self.done = True
        self._number = 0

    def compose(self) -> ComposeResult:
        """The query input."""
        yield Input(
            placeholder="Search: Thai words, or English in the English column; *ปืน: inside words",
            disabled=True,  # never focused (nor typed into) while the bar is closed
        )

    def open(self) -> None:
        """Show the bar and type into it."""
        self.add_class("-open")
        field = self.query_one(Input)
        field.disabled = False
        field.focus()

    def close(self) -> None:
        """Hide the bar (the matches stay highlighted)."""
        self.remove_class("-open")
        self.query_one(Input).disabled = True
        self.reader.set_focus(None)

    def key_escape(self) -> None:
        """Escape closes the bar."""
        self.close()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.close()
        self.search(event.value)

    def search(self, text: str) -> None:
        """Search for ``text`` (clearing the last search's highlights)."""
        self._clear()
        self.current = query = Query.parse(text)
        self._number += 1
        self.done = False
        if not query.key:
            self.done = True
            return
        english = {i: r.english for i, r in self.reader.translation.results.items() if r.english}
        self._search(self._number, query, english)

    def _clear(self) -> None:
        view = self.reader.text
        for paragraph in {m[0] for m in self.matches}:
            view.paragraphs.thai(paragraph).set_matches(())
            view.paragraphs.english(paragraph).matches = ()
        self.matches = []

    @work(thread=True, exclusive=True, group="search", exit_on_error=False, description="search")
    def _search(self, number: int, query: Query, english: dict[int, str]) -> None:
        worker = get_current_worker()
        segmenter = self.reader.segmenting.segmenter
        tokenize = segmenter.tokenize if segmenter is not None else _plain
        paragraphs = self.reader.article.paragraphs
        searches = [(False, search_thai(paragraphs, query, tokenize, lambda: worker.is_cancelled))]
        if query.english:  # Latin: names in the Thai, and the English column
            searches.append((True, search_english(english, query, lambda: worker.is_cancelled)))
        for in_english, found in searches:
            batch: dict[int, list[tuple[int, int]]] = {}
            flushed = time.monotonic()
            for paragraph, spans in found:
                batch[paragraph] = spans
                if time.monotonic() - flushed > FLUSH:
                    self.post_message(MatchesFound(number, batch, english=in_english))
                    batch, flushed = {}, time.monotonic()
            self.post_message(MatchesFound(number, batch, english=in_english))
        if not worker.is_cancelled:
            self.post_message(MatchesFound(number, {}, done=True))

    @on(MatchesFound)
    def _found(self, message: MatchesFound) -> None:
        if message.number != self._number or self.current is None:
            return
        view, first = self.reader.text, not self.matches
        for paragraph, spans in message.spans.items():
            if message.english:
                view.paragraphs.english(paragraph).matches = tuple(spans)
            else:
                view.paragraphs.thai(paragraph).set_matches(spans)
            for start, end in spans:
                bisect.insort(self.matches, (paragraph, start, end, message.english))
        self.done = message.done
        if first and self.matches:
            self.step(1, inclusive=True)
        if message.done:
            count = len(self.matches)
            self.notify(f"{count} match{'es' if count != 1 else ''} for “{self.current.key}”", timeout=3)

    def step(self, direction: int, *, inclusive: bool = False) -> None:
        """Move the cursor to the next (+1) or previous (-1) match, wrapping around."""
        if not self.matches:
            self.notify("No matches." if self.done else "Searching…", timeout=2)
            return
        view = self.reader.text
        offset = view.cursor.offset()
        if direction > 0:
            at = bisect.bisect_left(self.matches, (view.cursor.paragraph, offset + (not inclusive), 0, False))
        else:
            at = bisect.bisect_left(self.matches, (view.cursor.paragraph, offset, 0, False)) - 1
        paragraph, start, _, english = self.matches[at % len(self.matches)]
        self.reader.go_to(paragraph, 0 if english else start)  # the cursor stays in the Thai


def _plain(text: str) -> list[Token]:
    """Whitespace chunks, while no segmenter is ready (they have the tokens' fields)."""
    from bilingual_reader.tui.reader.words import plain_chunks

    return cast("list[Token]", plain_chunks(text))
