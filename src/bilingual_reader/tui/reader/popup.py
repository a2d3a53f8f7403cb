"""The lookup popup over the reader (what it says: ``popup_content``), its keys and its footer."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from bilingual_reader.lookup import LookupResult
from bilingual_reader.tui.reader.popup_content import (
    STATUS_CHOICES,
    PopupChoice,
    lookup_content,
    machine_content,
    status_choices,
)
from bilingual_reader.tui.reader.popup_footer import PopupFooter

if TYPE_CHECKING:
    from bilingual_reader.learner.statuses import Status as WordStatus

#: What a popup made ahead of the first lookup holds until then.
EMPTY_RESULT = LookupResult("", (), None, (), None, (), None)


def _title(result: LookupResult) -> str:
    return "Glossary" if result.in_glossary else "Lookup"


class StatusLine(Static):
    """The word's learner status and the statuses to choose from: a click on one chooses it."""

    def action_choose(self, choice: PopupChoice) -> None:
        """A status was clicked: the popup closes with it."""
        popup = self.parent
        if isinstance(popup, LookupPopup):
            popup.action_choose(choice)


class LookupPopup(VerticalScroll):
    """A lookup, shown over the reader: a layer of the reader's own screen, not a screen, so that showing it
    redraws its own lines and not the whole screen. Modal while shown: it has the focus and its keys are
    the only ones (the reader's wait). Closes with Esc, or with "add"/"edit"/"status:N" when the user asks
    to change the glossary or the word's status; focus moving away (a click on the text) closes it too.
    The reader keeps one and shows each lookup in it (:meth:`show`, :meth:`open`)."""

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
        """An empty popup, hidden: :meth:`show` fills it in, :meth:`open` shows it. Mount it with its
        ``footer`` on the reader's screen."""
        super().__init__(id="popup-body")
        self.footer = PopupFooter(self)
        self._on_close: Callable[[PopupChoice | None], object] | None = None
        self._previous: Widget | None = None
        self.machine: str | None = None
        from bilingual_reader.learner.statuses import Status

        self.show(EMPTY_RESULT, status=Status.UNKNOWN)  # most words have one: the footer lists its keys

    @property
    def is_modal(self) -> bool:
        """Modal: while the popup has the focus, the keys are its own (the reader's and the app's wait)."""
        return True

    @property
    def focusable(self) -> bool:
        """Only while shown (Textual's focus chain and auto-focus count hidden widgets in)."""
        return self.display and super().focusable

    @property
    def shown(self) -> bool:
        """True while the popup is on the screen."""
        return self.display and self.is_attached

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
        self.border_title = _title(result)
        found = self.query("#popup-text")
        if not found:
            return  # not composed yet: compose shows it
        self.scroll_home(animate=False, immediate=True)
        found.first(Static).update(self._content())
        self.query_one("#popup-machine", Static).display = False
        line = self.query_one("#popup-status", StatusLine)
        if status is not None:
            line.update(status_choices(status))
        if line.display != (status is not None):
            line.display = status is not None
            self.refresh_bindings()  # the status keys come or go in the footer

    def open(self, on_close: Callable[[PopupChoice | None], object]) -> None:
        """Show the popup over the reader, with the focus; ``on_close`` gets what it closes with."""
        self._on_close = on_close
        if not self.display:
            self._previous = self.screen.focused
            self.display = self.footer.display = True
        self.screen.set_focus(self, scroll_visible=False)

    def close(self, choice: PopupChoice | None = None) -> None:
        """Hide the popup, give the focus back (if the popup had it), tell ``on_close`` of ``choice``."""
        if not self.display:
            return
        previous, self._previous = self._previous, None
        focused = self.screen.focused
        if focused is None or focused is self:
            self.screen.set_focus(previous if previous is not None and previous.is_attached else None)
        self.display = self.footer.display = False
        on_close, self._on_close = self._on_close, None
        if on_close is not None:
            on_close(choice)

    def on_blur(self) -> None:
        """The focus moved: if it went to another widget of the reader (a click on the text), close."""
        self.call_later(self._focus_moved)

    def _focus_moved(self) -> None:
        focused = self.screen.focused if self.is_attached else None
        if focused is not None and focused is not self and self not in focused.ancestors:
            self.close(None)

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
        """The status line (for a word with a learner status), the lookup text, the machine gloss."""
        line = StatusLine(status_choices(self.status) if self.status is not None else "", id="popup-status")
        line.display = self.status is not None
        yield line
        yield Static(self._content(), id="popup-text")
        machine = Static(machine_content(self.machine or ""), id="popup-machine")
        machine.display = self.machine is not None
        yield machine

    def _content(self) -> Content:
        return lookup_content(self.result, self.heading, self.check, self.counting)

    def show_occurrences(self, count: int) -> None:
        """The occurrences were counted (in a worker): show how often the word occurs."""
        self.result = replace(self.result, occurrences=count)
        self.counting = False
        self.query_one("#popup-text", Static).update(self._content())

    def action_close(self) -> None:
        """Close the popup."""
        self.close(None)

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
        self.close(choice)
