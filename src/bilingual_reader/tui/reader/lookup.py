"""The reader's lookups and glossary edits: a non-visual controller that opens the popup (for the cursor's
word, a click, a selection) and the entry form, and announces a saved concept with ``GlossaryChanged``."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING

from textual.widget import Widget

from bilingual_reader.tui.messages import GlossaryChanged
from bilingual_reader.tui.reader.popup import LookupPopup, PopupChoice

if TYPE_CHECKING:
    from bilingual_reader.documents.articles import Article
    from bilingual_reader.glossary.models import Concept
    from bilingual_reader.glossary.store import Glossary
    from bilingual_reader.learner.statuses import Status as WordStatus
    from bilingual_reader.lookup import LookupResult
    from bilingual_reader.qa.findings import Finding
    from bilingual_reader.thai.segmenter import Segmenter, Token


class LookupController(Widget):
    """Looks words of ``article`` up in the glossary (given once it is open) and edits the glossary.

    After a save it remembers the concept's headword (``reopen``): the screen opens the popup on it again
    once the article is segmented with the new terms.
    """

    DEFAULT_CSS = "LookupController { display: none; }"

    def __init__(self, article: Article, *, id: str | None = None) -> None:
        """Lookups in ``article``; nothing opens until ``glossary`` is set."""
        super().__init__(id=id)
        self.article = article
        self.glossary: Glossary | None = None
        self.segmenter: Segmenter | None = None
        self.tokens: list[list[Token]] | None = None
        self.reopen: str | None = None
        self.on_status: Callable[[WordStatus], object] | None = None
        """Called with the learner status chosen in the popup (for the word under the cursor)."""

    def segmented(self, segmenter: Segmenter, tokens: list[list[Token]]) -> None:
        """Use the article's new segmentation (terms count as whole words in lookups); ``tokens`` are the
        paragraphs' (empty until :meth:`add_tokens` brings them)."""
        self.segmenter, self.tokens = segmenter, tokens

    def add_tokens(self, tokens: Mapping[int, list[Token]]) -> None:
        """More paragraphs' tokens."""
        if self.tokens is not None:
            for index, paragraph in tokens.items():
                self.tokens[index] = paragraph

    def look_up(
        self,
        text: str,
        *,
        phrase: bool = False,
        findings: Sequence[Finding] = (),
        status: WordStatus | None = None,
    ) -> None:
        """Look ``text`` up and show the popup (a ``phrase`` is counted as a substring, not as a token), with
        the terminology ``findings`` of the term in its paragraph and the word's learner ``status`` (the
        popup then offers the statuses; a choice goes to ``on_status``)."""
        from bilingual_reader.lookup import lookup
        from bilingual_reader.thai.text import normalize_key
        from bilingual_reader.tui.reader.finding_text import check_content

        if self.glossary is None:
            return
        result = lookup(text, glossary=self.glossary, segmenter=self.segmenter, article_tokens=self.tokens)
        if phrase and not result.in_glossary:
            count = sum(normalize_key(p).count(result.text) for p in self.article.paragraphs)
            result = replace(result, occurrences=count)
        check = check_content(findings) if findings else None
        popup = LookupPopup(result, text.strip(), check=check, status=status)
        self.app.push_screen(popup, partial(self._popup_closed, result))

    def look_up_selection(self, text: str) -> None:
        """Look up a mouse selection: the longest glossary term in it, else the selection itself."""
        term = self.segmenter.longest_term_in(text) if self.segmenter is not None else None
        self.look_up(term or text, phrase=term is None)

    def _popup_closed(self, result: LookupResult, choice: PopupChoice | None) -> None:
        if choice is not None and choice.startswith("status:") and self.on_status is not None:
            from bilingual_reader.learner.statuses import Status

            self.on_status(Status(int(choice.partition(":")[2])))
        elif choice == "edit" and result.concepts:
            self.open_form(result.concepts[0])
        elif choice == "add":
            self.open_form(None, thai=result.text)

    def open_form(self, concept: Concept | None, thai: str = "") -> None:
        """Show the entry form for ``concept`` (None: a new entry with the Thai term ``thai``)."""
        from bilingual_reader.glossary.conflicts import save_concept
        from bilingual_reader.tui.glossary.entry_form import EntryForm  # imports the exchange formats: late

        if self.glossary is None:
            return
        read_only = None
        if self.glossary.read_only:
            read_only = f"The glossary {self.glossary.path} is read-only: this entry cannot be saved."
        form = EntryForm(partial(save_concept, self.glossary), concept, thai=thai, read_only=read_only)
        self.app.push_screen(form, partial(self._form_closed, concept is None))

    def _form_closed(self, new: bool, stored: Concept | None) -> None:
        if stored is None or stored.id is None:
            return
        self.notify(f"Saved {stored.headword} to the glossary.")
        self.reopen = stored.headword
        self.post_message(GlossaryChanged(stored.id, "added" if new else "updated"))
