"""The lookup popup: a word's glossary entries, pronunciation, sub-terms, frequency and dictionary senses."""

from __future__ import annotations

import functools
from dataclasses import replace
from typing import TYPE_CHECKING, ClassVar, Self

from textual import events
from textual.app import ComposeResult, RenderResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.geometry import Region, Size
from textual.screen import ModalScreen
from textual.strip import Strip
from textual.widgets import Static

from bilingual_reader.glossary.models import Concept, Status, Term
from bilingual_reader.lookup import LookupResult
from bilingual_reader.thai.frequency import frequency_label
from bilingual_reader.tui.widgets.steady_footer import SteadyFooter
from bilingual_reader.tui.widgets.term_status import styled_term

if TYPE_CHECKING:
    from bilingual_reader.learner.statuses import Status as WordStatus

#: "add", "edit", or "status:N" (the learner status N chosen for the word).
PopupChoice = str
#: The learner statuses the popup offers: key, status value, label.
STATUS_CHOICES = (
    ("1", 1, "1"),
    ("2", 2, "2"),
    ("3", 3, "3"),
    ("4", 4, "4"),
    ("5", 5, "5"),
    ("w", 99, "well known"),
    ("i", 98, "ignore"),
    ("0", 0, "unknown"),
)


@functools.cache
def status_choices(status: WordStatus) -> Content:
    """The word's learner status and the statuses to choose from, each clickable (its key: the number or
    the first letter); made once per status (markup is slow to parse, and a lookup shows it each time)."""
    parts = [Content.styled("Status ", "dim"), Content.styled(status.label, "bold"), Content("   ")]
    for key, value, label in STATUS_CHOICES:
        text = f" {label} " if key == label else f" {key} {label} "
        style = "reverse" if value == int(status) else "underline"
        markup = f"[{style} @click=screen.choose('status:{value}')]$text[/]"
        parts += [Content.from_markup(markup, text=text), Content(" ")]
    return Content.assemble(*parts)


def machine_content(gloss: str) -> Content:
    """A machine gloss, said to be one (the model's translation of the word alone)."""
    return Content.assemble(
        ("\nMachine gloss: ", "dim"), (gloss, "italic"), ("  (the word translated alone)", "dim")
    )


def english_terms(terms: list[Term]) -> Content:
    """English terms, one a line, preferred first, each with its status; forbidden ones struck and marked."""
    parts: list[Content] = []
    for term in terms:
        mark = " ✗ forbidden" if term.status is Status.FORBIDDEN else f" ({term.status.value})"
        parts.append(styled_term(term, mark))
    return Content("\n").join(parts)


def concept_content(concept: Concept) -> Content:
    """One glossary concept: English terms, other Thai terms, subject, definition, note."""
    lines = [english_terms(concept.english)]
    others = [t.text for t in concept.thai[1:]]
    if others:
        lines.append(Content.assemble(("Also: ", "dim"), " ; ".join(others)))
    lines.append(Content.assemble(("Subject: ", "dim"), concept.subject))
    if concept.definition:
        lines.append(Content.assemble(("Definition: ", "dim"), concept.definition))
    if concept.note:
        lines.append(Content.assemble(("Note: ", "dim"), concept.note))
    return Content("\n").join(lines)


def lookup_content(
    result: LookupResult, heading: str | None = None, check: Content | None = None, counting: bool = False
) -> Content:
    """Everything the popup shows for ``result`` (headed by ``heading``, default the looked-up key), with
    ``check`` (how the paragraph's English renders the term) under the heading; ``counting``: the
    occurrences are being counted (said until they arrive)."""
    blocks: list[Content] = [Content.styled(heading or result.text, "bold $text-accent")]
    if check is not None:
        blocks.append(check)
    pron = result.pronunciation
    if pron is not None:
        blocks.append(
            Content("\n").join(
                Content.assemble((f"{label:<6}", "dim"), value)
                for label, value in (("RTGS", pron.rtgs), ("Tones", pron.tones), ("IPA", pron.ipa))
            )
        )
    if result.frequency is not None:
        blocks.append(Content.assemble(("Frequency ", "dim"), frequency_label(result.frequency)))
    if result.in_glossary:
        blocks.extend(concept_content(concept) for concept in result.concepts)
    else:
        blocks.append(Content.styled("Not in the glossary.", "italic $text-warning"))
        if result.senses:
            senses = [Content.assemble((f"{s.pos} ", "dim"), ", ".join(s.lemmas)) for s in result.senses[:8]]
            blocks.append(Content("\n").join([Content.styled("Dictionary:", "dim"), *senses]))
        if result.loanword:
            blocks.append(Content.assemble(("Loanword from ", "dim"), result.loanword))
    if result.subterms:
        rows = []
        for term, concepts in result.subterms:
            english = concepts[0].english if concepts else []
            rows.append(Content.assemble(term, (" — ", "dim"), english[0].text if english else ""))
        blocks.append(Content("\n").join([Content.styled("Glossary terms inside:", "dim"), *rows]))
    if result.occurrences is not None:
        times = "once" if result.occurrences == 1 else f"{result.occurrences} times"
        blocks.append(Content.styled(f"Occurs {times} in this article.", "dim"))
    elif counting:
        blocks.append(Content.styled("Counting the occurrences in this article…", "dim"))
    return Content("\n\n").join(blocks)


#: What a popup made ahead of the first lookup holds until then.
EMPTY_RESULT = LookupResult("", (), None, (), None, (), None)


def _title(result: LookupResult) -> str:
    return "Glossary" if result.in_glossary else "Lookup"


class LookupPopup(ModalScreen[PopupChoice | None]):
    """Shows a lookup; dismisses with "add" or "edit" when the user asks to change the glossary."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close"),
        Binding("a", "choose('add')", "Add entry"),
        Binding("e", "choose('edit')", "Edit entry"),
        *(
            Binding(key, f"choose('status:{value}')", "Status", show=key == "1", key_display="1-5 w i 0")
            for key, value, _ in STATUS_CHOICES
        ),
    ]

    def __init__(self) -> None:
        """An empty popup: :meth:`show` fills it in with a lookup. The reader keeps one and shows each lookup
        in it, so that a lookup changes a few lines of text instead of building a screen."""
        super().__init__()
        self._dimmed: dict[Size, list[Strip]] = {}
        self._status_line: Static | None = None
        self.machine: str | None = None
        self.show(EMPTY_RESULT)

    def show(
        self,
        result: LookupResult,
        heading: str | None = None,
        check: Content | None = None,
        status: WordStatus | None = None,
        counting: bool = False,
    ) -> None:
        """Show ``result``, headed by ``heading`` (the text as it appears) if given, with ``check`` (the
        terminology check of the term in its paragraph's English) if given, and the word's learner ``status``
        with the statuses to choose from (None: the word has none, no choices); ``counting``: the occurrences
        come later (:meth:`show_occurrences`)."""
        self.result, self.heading, self.check, self.status = result, heading, check, status
        self.counting = counting
        self.machine = None
        self._dimmed.clear()  # the reader below has changed since the popup was last shown
        found = self.query("#popup-body")
        if not found:
            return  # not composed yet: compose shows it
        body = found.first(VerticalScroll)
        body.border_title = _title(result)
        body.scroll_home(animate=False, immediate=True)
        self.query_one("#popup-text", Static).update(self._content())
        self.query_one("#popup-machine", Static).display = False
        line = self._status_line
        if status is not None and line is not None:
            line.update(status_choices(status))
        elif status is not None:
            self._status_line = Static(status_choices(status), id="popup-status")
            body.mount(self._status_line, before=0)
        elif line is not None:
            self._status_line = None
            line.remove()
        if (line is None) != (status is None):
            self.refresh_bindings()  # the status keys come or go in the footer

    def on_mount(self) -> None:
        """Styled now, with the app's current CSS (see ``_on_screen_resume``). Made unseen (ahead of the
        first lookup): dim the screen below once, so that its styles' dimmed versions are ready."""
        from bilingual_reader.tui.reader.dimmed_screen import DimmedScreen

        self._css_update_count = self.app._css_update_count
        below = self.app.screen
        if below is not self and self.styles.background.a < 1:
            DimmedScreen(below, self.styles.background, {}).draw(below.size)

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        """Shown again: restyle the widgets only if the app's CSS changed meanwhile (a theme), as Textual does
        for a mode's screens; its restyle on every resume makes every widget render anew."""
        current = self.app._css_update_count
        event.refresh_styles = self._css_update_count != current
        self._css_update_count = current
        super()._on_screen_resume(event)

    def render(self) -> RenderResult:  # type: ignore[override]  # a Visual, as any widget may return
        """The reader dimmed behind the popup, drawn the cheap way (see ``dimmed_screen``)."""
        from textual.renderables.background_screen import BackgroundScreen

        from bilingual_reader.tui.reader.dimmed_screen import DimmedScreen

        rendered = super().render()
        if isinstance(rendered, BackgroundScreen):
            return DimmedScreen(rendered.screen, rendered.color, self._dimmed)
        return rendered

    def refresh(
        self, *regions: Region, repaint: bool = True, layout: bool = False, recompose: bool = False
    ) -> Self:
        """Regions to redraw come from the screen below when it changed: dim it afresh."""
        if regions:
            self._dimmed.clear()
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    def show_machine_gloss(self, gloss: str) -> None:
        """Show the word's machine gloss (the word translated alone; marked ``*``) under the lookup."""
        self.machine = gloss
        if self.is_mounted:
            found = self.query("#popup-machine")
            if found:
                line = found.first(Static)
                line.update(machine_content(gloss))
                line.display = True

    def compose(self) -> ComposeResult:
        """The lookup text in a scrolling frame, with the key bindings below."""
        with VerticalScroll(id="popup-body") as body:
            body.border_title = _title(self.result)
            if self.status is not None:
                self._status_line = Static(status_choices(self.status), id="popup-status")
                yield self._status_line
            yield Static(self._content(), id="popup-text")
            machine = Static(machine_content(self.machine or ""), id="popup-machine")
            machine.display = self.machine is not None
            yield machine
        yield SteadyFooter()

    def _content(self) -> Content:
        return lookup_content(self.result, self.heading, self.check, self.counting)

    def show_occurrences(self, count: int) -> None:
        """The occurrences were counted (in a worker): show how often the word occurs."""
        self.result = replace(self.result, occurrences=count)
        self.counting = False
        self.query_one("#popup-text", Static).update(self._content())

    def action_close(self) -> None:
        """Close the popup."""
        self.dismiss(None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Status keys work only for a word that can have a status."""
        if action == "choose" and parameters and str(parameters[0]).startswith("status:"):
            return self.status is not None
        return True

    def action_choose(self, choice: PopupChoice) -> None:
        """Close the popup asking the reader to add or edit an entry, or to give the word a status."""
        if choice == "edit" and not self.result.in_glossary:
            self.notify("Not in the glossary: press a to add it.", severity="warning")
            return
        self.dismiss(choice)
