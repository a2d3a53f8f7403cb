"""The reader's lookups and glossary edits: the popup (enter, a click, a selection) and the entry form."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING

from textual.binding import Binding, BindingType

from bilingual_reader.tui.reader.popup import LookupPopup, PopupChoice

if TYPE_CHECKING:
    from textual.screen import Screen

    from bilingual_reader.documents.articles import Article
    from bilingual_reader.glossary.models import Concept
    from bilingual_reader.glossary.store import Glossary
    from bilingual_reader.lookup import LookupResult
    from bilingual_reader.qa.findings import Finding
    from bilingual_reader.thai.segmenter import Segmenter, Token
    from bilingual_reader.tui.messages import WordClicked
    from bilingual_reader.tui.reader.paragraph_view import ParagraphView

    _Base = Screen[None]
else:
    _Base = object

#: Add to the screen's ``BINDINGS``; the screen mixes in ``LookupKeys`` for the actions.
LOOKUP_BINDINGS: list[BindingType] = [
    Binding("enter,space", "look_up", "Look up", key_display="⏎"),
    Binding("a", "add_entry", "Add term", show=False),
]


class LookupKeys(_Base):
    """Mix into the reader screen (before ``Screen``); it needs ``article``, ``glossary``, ``segmenter``,
    ``tokens``, ``views``, ``_reopen``, ``_place_cursor``, ``cursor_text``, ``cursor_findings`` and
    ``resegment``."""

    if TYPE_CHECKING:
        article: Article
        glossary: Glossary | None
        segmenter: Segmenter | None
        tokens: Sequence[Sequence[Token]] | None
        _reopen: str | None

        @property
        def views(self) -> list[ParagraphView]: ...
        def _place_cursor(self, paragraph: int, token: int | None) -> None: ...
        def cursor_text(self) -> str | None: ...
        def cursor_findings(self) -> list[Finding]: ...
        def resegment(self) -> None: ...

    def action_look_up(self) -> None:
        """Open the popup for the word under the cursor."""
        text = self.cursor_text()
        if text is not None:
            self.open_lookup(text, findings=self.cursor_findings())

    def open_lookup(self, text: str, *, phrase: bool = False, findings: Sequence[Finding] = ()) -> None:
        """Look ``text`` up and show the popup (a ``phrase`` is counted as a substring, not as a token)."""
        from bilingual_reader.lookup import lookup
        from bilingual_reader.thai.text import normalize_key
        from bilingual_reader.tui.reader.finding_text import check_content

        if self.glossary is None:
            return
        result = lookup(text, glossary=self.glossary, segmenter=self.segmenter, article_tokens=self.tokens)
        if phrase and not result.in_glossary:
            count = sum(normalize_key(p).count(result.text) for p in self.article.paragraphs)
            result = replace(result, occurrences=count)
        popup = LookupPopup(result, text.strip(), check=check_content(findings) if findings else None)
        self.app.push_screen(popup, partial(self._popup_closed, result))

    def on_word_clicked(self, message: WordClicked) -> None:
        """A click on a word: move the cursor there and look it up."""
        self._place_cursor(message.paragraph, message.token)
        self.action_look_up()

    def on_text_selected(self) -> None:
        """Open the popup for a mouse selection: the longest glossary term in it, else the selection."""
        for view in self.views:
            selection = self.selections.get(view)
            text = view.selected_text(selection) if selection is not None else ""
            if text:
                term = self.segmenter.longest_term_in(text) if self.segmenter is not None else None
                self.open_lookup(term or text, phrase=term is None)
                return

    def _popup_closed(self, result: LookupResult, choice: PopupChoice | None) -> None:
        if choice == "edit" and result.concepts:
            self.open_form(result.concepts[0])
        elif choice == "add":
            self.open_form(None, thai=result.text)

    def action_add_entry(self) -> None:
        """Add a glossary entry, starting from the word under the cursor."""
        self.open_form(None, thai=self.cursor_text() or "")

    def open_form(self, concept: Concept | None, thai: str = "") -> None:
        """Show the entry form for ``concept`` (None: a new entry with the Thai term ``thai``)."""
        from bilingual_reader.tui.glossary.entry_form import (
            EntryForm,  # imports the exchange formats: load late
        )

        if self.glossary is None:
            return
        read_only = None
        if self.glossary.read_only:
            read_only = f"The glossary {self.glossary.path} is read-only: this entry cannot be saved."
        form = EntryForm(self._save_concept, concept, thai=thai, read_only=read_only)
        self.app.push_screen(form, self._form_closed)

    def _save_concept(self, concept: Concept) -> Concept:
        """Store a concept in one transaction (new or updated)."""
        glossary = self.glossary
        assert glossary is not None  # the form only opens with a glossary
        with glossary.transaction():
            return glossary.add(concept) if concept.id is None else glossary.update(concept)

    def _form_closed(self, stored: Concept | None) -> None:
        if stored is None:
            return
        self.notify(f"Saved {stored.headword} to the glossary.")
        self._reopen = stored.headword
        self.resegment()
