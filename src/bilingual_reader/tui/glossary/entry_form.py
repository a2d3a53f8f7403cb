"""The form that adds or edits a glossary entry: terms with statuses, subject, definition and note."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from bilingual_reader.glossary.errors import DuplicateTermError, GlossaryError
from bilingual_reader.glossary.models import SUBJECT_FIELDS, Concept, Term
from bilingual_reader.glossary.terms import format_terms, parse_terms
from bilingual_reader.glossary.validation import concept_problems
from bilingual_reader.tui.widgets.key_bar import KeyBar

#: Saves a concept (``merge``: into the concept that has its Thai term) and returns it as stored; raises
#: ``GlossaryError`` when it cannot (``glossary.conflicts.save_concept`` with the glossary fits).
SaveConcept = Callable[..., Concept]

_TERMS_HELP = "a ; b — the first is preferred; mark others [deprecated] or [forbidden]"


def terms_from_field(value: str, lang: str, pos: str, old: tuple[Term, ...] = ()) -> list[Term]:
    """Parse a terms field (``a ; b [forbidden]``), keeping the ids of terms the concept already had.

    Raises ``TermSyntaxError`` (a ``ValueError``) when the field does not follow the term-list syntax.
    """
    ids = {(t.lang, t.text): t.id for t in old}
    return [replace(t, id=ids.get((t.lang, t.text))) for t in parse_terms(value, lang, pos)]


def _field_terms(label: str, value: str, lang: str, pos: str, old: tuple[Term, ...]) -> list[Term]:
    """``terms_from_field``, with the field named in its error."""
    try:
        return terms_from_field(value, lang, pos, old)
    except ValueError as err:
        raise ValueError(f"{label} terms: {err}") from None


def _field(label: str, widget: Input | Select[str]) -> Horizontal:
    """One row of the form: a label, then a compact input."""
    widget.compact = True
    return Horizontal(Label(label), widget, classes="field")


class EntryForm(ModalScreen[Concept | None]):
    """Add (``concept`` None) or edit a glossary concept; dismisses with the stored concept, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save"),
    ]

    def __init__(
        self,
        save: SaveConcept,
        concept: Concept | None = None,
        *,
        thai: str = "",
        read_only: str | None = None,
        hint: str = "",
    ) -> None:
        """A form for ``concept`` (None: a new one for ``thai``); ``read_only`` says why it cannot save;
        ``hint``: a line above the fields (a candidate term's pronunciation and English)."""
        super().__init__()
        self.hint = hint
        self._save = save
        self.concept = concept
        self.thai = thai
        self.read_only = read_only

    def compose(self) -> ComposeResult:
        """Labelled fields, an error line and the buttons."""
        concept = self.concept
        pos = concept.terms[0].pos if concept and concept.terms else "noun"
        subject = concept.subject if concept else "general"
        english = format_terms(concept.english) if concept else ""
        subjects = [(s, s) for s in SUBJECT_FIELDS]
        with VerticalScroll(id="form-body") as body:
            body.border_title = f"Edit glossary entry {concept.id}" if concept else "Add a glossary entry"
            if self.read_only:
                yield Static(Content(self.read_only), id="form-read-only")
            if self.hint:
                yield Static(Content(self.hint), id="form-hint", classes="help")
            yield _field("Thai terms", Input(format_terms(concept.thai) if concept else self.thai, id="thai"))
            yield _field("English terms", Input(english, id="english", placeholder="e.g. tank"))
            yield Static(Content(_TERMS_HELP), classes="help")
            yield _field("Subject field", Select(subjects, value=subject, allow_blank=False, id="subject"))
            yield _field("Part of speech", Input(pos, id="pos"))
            yield _field("Definition", Input(concept.definition if concept else "", id="definition"))
            yield _field("Note", Input(concept.note if concept else "", id="note"))
            yield Static("", id="form-error")
            with Horizontal(id="form-buttons"):
                yield Button(
                    "Save", variant="primary", id="save", disabled=self.read_only is not None, compact=True
                )
                yield Button("Cancel", id="cancel", compact=True)
                merge = Button("Merge", id="merge", variant="warning", compact=True)
                merge.display = False
                yield merge
        yield KeyBar()

    def on_mount(self) -> None:
        """Start typing where the new entry needs it most."""
        self.query_one("#english" if self.concept is None and self.thai else "#thai", Input).focus()

    def _value(self, field: str) -> str:
        return self.query_one(f"#{field}", Input).value.strip()

    def build_concept(self) -> Concept:
        """The concept the fields describe; raises ``ValueError`` with a readable reason when they don't."""
        old = self.concept
        pos = self._value("pos") or "noun"
        old_terms = old.terms if old else ()
        thai = _field_terms("Thai", self._value("thai"), "th", pos, old_terms)
        english = _field_terms("English", self._value("english"), "en", pos, old_terms)
        if not thai:
            raise ValueError("at least one Thai term is needed")
        if not english:
            raise ValueError("at least one English term is needed")
        subject = self.query_one("#subject", Select).value
        concept = Concept(
            subject=str(subject),
            terms=(*thai, *english),
            definition=self._value("definition"),
            note=self._value("note"),
            id=old.id if old else None,
            check_enabled=old.check_enabled if old else True,
        )
        problems = concept_problems(concept)
        if problems:
            raise ValueError("; ".join(problems))
        return concept

    def action_save(self) -> None:
        """Save through the callback and close; on a problem, say it and stay open."""
        if self.read_only is not None:
            self.notify(self.read_only, severity="error")
            return
        self._store(merge=False)

    def action_merge(self) -> None:
        """Add the new entry's terms to the concept that already has its Thai term."""
        self._store(merge=True)

    def _store(self, *, merge: bool) -> None:
        error = self.query_one("#form-error", Static)
        merge_button = self.query_one("#merge", Button)
        merge_button.display = False
        try:
            stored = self._save(self.build_concept(), merge=merge)
        except DuplicateTermError as err:
            if self.concept is None:  # a new entry can join the existing concept instead
                merge_button.label = f"Merge into concept {err.owner_id}"
                merge_button.display = True
            error.update(Content(f"Not saved: {err}"))
            return
        except (ValueError, GlossaryError) as err:
            error.update(Content(f"Not saved: {err}"))
            return
        self.dismiss(stored)

    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#merge")
    def _merge_pressed(self) -> None:
        self.action_merge()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        """Enter moves to the next field; on the last one it saves."""
        if event.input.id == "note":
            self.action_save()
        else:
            self.focus_next()
