"""A header whose title changes redraw the title, not the whole screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.visual import VisualType
from textual.widgets import Header
from textual.widgets._header import HeaderClock, HeaderClockSpace, HeaderIcon, HeaderTitle

if TYPE_CHECKING:
    from textual.app import ComposeResult


class SteadyTitle(HeaderTitle):
    """Textual's header title, whose every update laid the whole screen out again: its size is the header's
    (one line, the width between icon and clock) whatever it says, so a new title only repaints it. The
    reader retitles on each step of its progress (segmenting, translating, known share): a layout of the
    screen each time."""

    def update(self, content: VisualType = "", *, layout: bool = False) -> None:
        """Show ``content``; laid out again only when asked (``layout``)."""
        super().update(content, layout=layout)


class SteadyHeader(Header):
    """Textual's ``Header`` with a ``SteadyTitle``: every screen's header."""

    def compose(self) -> ComposeResult:
        """Icon, title, clock (or the space for it), as Textual's header has them."""
        yield HeaderIcon().data_bind(Header.icon)
        yield SteadyTitle()
        yield HeaderClock().data_bind(Header.time_format) if self._show_clock else HeaderClockSpace()
