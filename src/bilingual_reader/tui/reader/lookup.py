"""The reader's lookups and glossary edits: a non-visual controller that opens the popup (for the cursor's
word, a click, a selection) and the entry form, and announces a saved concept with ``GlossaryChanged``."""

from __future__ import annotations

import gc
from collections.abc import Callable, Collection, Mapping, Sequence
from functools import partial
from typing import TYPE_CHECKING

from textual import on, work
from textual.message import Message
from textual.widget import Widget

from bilingual_reader.tui.collection import hold_until_frame
from bilingual_reader.tui.messages import GlossaryChanged
from bilingual_reader.tui.reader.popup import LookupPopup
from bilingual_reader.tui.reader.popup_content import PopupChoice

if TYPE_CHECKING:
    from bilingual_reader.documents.articles import Article
    from bilingual_reader.glossary.models import Concept
    from bilingual_reader.glossary.store import Glossary
    from bilingual_reader.learner.statuses import Status as WordStatus
    from bilingual_reader.lookup import LookupResult
    from bilingual_reader.qa.findings import Finding
    from bilingual_reader.thai.segmenter import Segmenter, Token


#: Workers get a description (else Textual writes one with repr() of the arguments: a book's tokens).
_COUNTING = "counting occurrences"


class LookupsWarmedUp(Message):
    """The warm-up worker has loaded what lookups need: time to make the popup."""


class OccurrencesCounted(Message):
    """The counting worker's answer: ``key`` occurs ``count`` times in the article."""

    def __init__(self, key: str, count: int) -> None:
        super().__init__()
        self.key, self.count = key, count


def count_in_article(
    key: str,
    folded: Sequence[str],
    tokens: Sequence[Sequence[Token]],
    terms: Collection[str],
) -> int:
    """How often ``key`` (normalized) occurs on token boundaries (``thai.occurrences``' rule), looking only
    at the paragraphs whose case-folded text (``folded``) contains it at all."""
    from bilingual_reader.thai.occurrences import count_occurrences

    hits = [tokens[i] for i, text in enumerate(folded) if key in text and i < len(tokens)]
    return count_occurrences(key, hits, terms) if hits else 0


def _fold(text: str) -> str:
    folded = text.casefold()
    return folded if len(folded) == len(text) else text.lower()  # as thai.occurrences matches


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
        self.popup: LookupPopup | None = None
        """The popup, made once the lookups are warmed up (or at the first lookup) and kept (mounted on the
        reader's screen) for every later one: it gets the occurrence count when the counting worker has it."""
        self._folded: list[str] | None = None
        self._warmed = False

    def segmented(self, segmenter: Segmenter, tokens: list[list[Token]]) -> None:
        """Use the article's new segmentation (terms count as whole words in lookups); ``tokens`` are the
        paragraphs' (empty until :meth:`add_tokens` brings them)."""
        self.segmenter, self.tokens = segmenter, tokens

    def add_tokens(self, tokens: Mapping[int, list[Token]]) -> None:
        """More paragraphs' tokens (the first ones, those on screen, start the lookups' warm-up)."""
        if not self._warmed:
            self._warmed = True
            self._warm_up()
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
        from bilingual_reader.tui.reader.finding_text import check_content

        if self.glossary is None:
            return
        hold_until_frame(self)  # a lookup from a click or the palette too
        result = lookup(text, glossary=self.glossary, segmenter=self.segmenter)
        counting = self.tokens is not None or (phrase and not result.in_glossary)
        check = check_content(findings) if findings else None
        popup = self.popup if self.popup is not None else self._install(LookupPopup())
        popup.show(result, text.strip(), check=check, status=status, counting=counting)
        popup.open(partial(self._popup_closed, result))
        if counting:  # after the popup's frame: at 10 MB the count holds the GIL for tens of milliseconds
            self.call_after_refresh(self._start_count, result.text, phrase=phrase and not result.in_glossary)

    def _start_count(self, key: str, *, phrase: bool) -> None:
        tokens = list(self.tokens) if self.tokens is not None else []
        terms = self.segmenter.terms if self.segmenter is not None else ()
        self._count(key, tokens, terms, phrase=phrase)

    @work(thread=True, group="lookup-warm-up", exit_on_error=False, description="warming up lookups")
    def _warm_up(self) -> None:
        """Load what the first lookup would, off the UI thread, once the screen's words are segmented."""
        from bilingual_reader.lookup import warm_up

        warm_up()
        self.post_message(LookupsWarmedUp())

    @on(LookupsWarmedUp)
    def _make_popup(self, message: LookupsWarmedUp) -> None:
        """Make and mount the popup (hidden) while the reader is idle: the first lookup only fills it in."""
        message.stop()
        if self.popup is None and self.is_attached:
            self._install(LookupPopup())
        from bilingual_reader.learner.statuses import Status
        from bilingual_reader.tui.reader.popup_content import status_choices

        for status in Status:  # made once each (markup): the first lookup of a word with a status waits less
            status_choices(status)
        gc.freeze()  # the lookup tables live as long as the process: a full collection need not walk them

    def _install(self, popup: LookupPopup) -> LookupPopup:
        """Mount ``popup`` (hidden) with its footer on the reader's screen, over the text. First among the
        screen's children, as Textual mounts its tooltip: the compositor numbers siblings from the last, and
        a widget shown after the others would renumber them all, which redraws the whole screen."""
        self.popup = popup
        self.screen.mount(popup, popup.footer, before=0)
        return popup

    @work(thread=True, exclusive=True, group="lookup-count", exit_on_error=False, description=_COUNTING)
    def _count(self, key: str, tokens: list[list[Token]], terms: Collection[str], *, phrase: bool) -> None:
        """Count ``key`` in the article off the UI thread (a book is megabytes); post the count."""
        from bilingual_reader.thai.text import normalize_key

        if self._folded is None:
            self._folded = [_fold(p) for p in self.article.paragraphs]
        if phrase:
            count = sum(normalize_key(p).count(key) for p in self.article.paragraphs)
        else:
            count = count_in_article(key, self._folded, tokens, terms)
        self.post_message(OccurrencesCounted(key, count))

    @on(OccurrencesCounted)
    def _counted(self, message: OccurrencesCounted) -> None:
        message.stop()
        popup = self.popup
        if popup is not None and popup.shown and popup.result.text == message.key:
            popup.show_occurrences(message.count)

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
