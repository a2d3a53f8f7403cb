"""Edits from the glossary screen: a non-visual component that opens the entry form (new, edit, or from a
candidate term) and the delete confirmation, writes each edit in one store transaction, and says what it
stored through ``edited``."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.content import Content
from textual.widget import Widget

from bilingual_reader.glossary.conflicts import save_concept
from bilingual_reader.glossary.errors import GlossaryError
from bilingual_reader.tui.widgets.confirm import Confirm

if TYPE_CHECKING:
    from bilingual_reader.glossary.models import Concept
    from bilingual_reader.glossary.store import Glossary
    from bilingual_reader.teaching.candidate_review import Suggestion
    from bilingual_reader.tui.messages import Change

#: Told what was stored: (concept id, headword, change).
Edited = Callable[[int, str, "Change"], None]


class ConceptEditor(Widget):
    """Adds, edits and deletes the concepts of ``glossary`` (owned by the UI thread). A read-only glossary
    says so instead. ``edited`` hears each stored change (the screen shows it and announces it)."""

    DEFAULT_CSS = "ConceptEditor { display: none; }"

    def __init__(self, glossary: Glossary, edited: Edited, *, id: str | None = None) -> None:
        """An editor of ``glossary``; nothing opens until asked."""
        super().__init__(id=id)
        self.glossary = glossary
        self._edited = edited

    def writable(self) -> bool:
        """True if the glossary can be edited; otherwise say so."""
        if self.glossary.read_only:
            self.notify(f"The glossary {self.glossary.path} is read-only.", severity="error")
        return not self.glossary.read_only

    def add(self, suggestion: Suggestion | None = None) -> None:
        """Open the entry form for a new concept (pre-filled from a candidate term's ``suggestion``)."""
        if self.writable():
            self._open_form(None, suggestion)

    def edit(self, concept: Concept) -> None:
        """Open the entry form on ``concept``."""
        if self.writable():
            self._open_form(concept)

    def _open_form(self, concept: Concept | None, suggestion: Suggestion | None = None) -> None:
        from bilingual_reader.tui.glossary.entry_form import (
            EntryForm,  # imports the exchange formats: load late
        )

        thai, hint = (suggestion.candidate.thai, suggestion.hint) if suggestion else ("", "")
        form = EntryForm(partial(save_concept, self.glossary), concept, thai=thai, hint=hint)
        self.app.push_screen(form, partial(self._stored, "updated" if concept else "added"))

    def _stored(self, change: Change, stored: Concept | None) -> None:
        if stored is not None and stored.id is not None:
            self._edited(stored.id, stored.headword, change)

    def delete(self, concept: Concept) -> None:
        """Ask, then delete ``concept``."""
        if not self.writable():
            return

        def confirmed(yes: bool | None) -> None:
            if yes and concept.id is not None:
                self._delete(concept.id, concept.headword)

        terms = " ; ".join(t.text for t in concept.terms)
        question = Content.assemble("Delete ", (terms, "bold"), " from the glossary?")
        self.app.push_screen(Confirm(question, "Delete"), confirmed)

    def _delete(self, concept_id: int, headword: str) -> None:
        try:
            with self.glossary.transaction():
                self.glossary.delete(concept_id)
        except GlossaryError as err:
            self.notify(str(err), severity="error", timeout=10)
            return
        self._edited(concept_id, headword, "deleted")
