"""The reader's footer, whose keys are filled in only once the first frame is on the terminal."""

from __future__ import annotations

from textual.screen import Screen

from bilingual_reader.tui.widgets.steady_footer import SteadyFooter


class LateFooter(SteadyFooter):
    """A footer that lists its screen's keys only after ``fill`` (the screen calls it once its first
    frame is written): composing a key widget per binding costs more than drawing the article's first frame,
    and Textual does it before that frame reaches the terminal. Until then the footer is an empty bar."""

    _filled = False

    def fill(self) -> None:
        """List the screen's keys now and whenever they change."""
        self._filled = True
        self.call_later(self.bindings_changed, self.screen)  # in the footer's own context, as a signal is

    def bindings_changed(self, screen: Screen[object]) -> None:
        """The screen's keys changed: show them (once ``fill`` has been called)."""
        if self._filled:
            super().bindings_changed(screen)
