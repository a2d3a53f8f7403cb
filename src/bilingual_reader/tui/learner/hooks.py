"""What the reader screen tells the learner's side: services opened, article segmented, cursor moved, a word
looked up. One call each from ``ReaderScreen``, so the screen stays thin."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import partial
from typing import TYPE_CHECKING

from bilingual_reader.learner.counts import text_key, token_key
from bilingual_reader.tui.learner.keys import cursor_place_later, set_cursor_status, show_header

if TYPE_CHECKING:
    from bilingual_reader.learner.statuses import Status
    from bilingual_reader.tui.reader.screen import ReaderScreen
    from bilingual_reader.tui.reader.words import TokenLike

__all__ = ["looked_up", "machine_glossed", "moved", "segmented", "started"]


def started(screen: ReaderScreen) -> None:
    """After the first frame: open the learner database and style the text by status."""
    store = screen.services.open_learner()
    screen.learner.open(store, screen.services.learner_problem)
    screen.text.hooks.add_token_styler("learner", screen.learner.token_styles)
    screen.lookup.on_status = partial(set_cursor_status, screen)
    from bilingual_reader.tui.learner.machine_worker import MachineGlosses

    services = screen.services
    screen.learner.machine = MachineGlosses(screen.learner, services.engine_factory, services.memory_path)
    screen.learner.on_machine = partial(machine_glossed, screen)
    if screen.learner.mode != "beside":
        from bilingual_reader.tui.learner.english_modes import apply_mode

        apply_mode(screen)


def segmented(
    screen: ReaderScreen, tokens: Sequence[Sequence[TokenLike]] | Mapping[int, Sequence[TokenLike]]
) -> None:
    """New tokens (all paragraphs, or a batch by paragraph index): fetch the statuses of their words (one
    query), redraw, update the header."""
    screen.learner.tokens_ready(list(tokens.values()) if isinstance(tokens, Mapping) else tokens)
    screen.text.refresh_paragraphs()
    show_header(screen)


def moved(screen: ReaderScreen, paragraph: int) -> None:
    """The cursor moved: leaving a paragraph counts its words as read."""
    previous = screen.learner.last_paragraph
    words = None
    if previous is not None and 0 <= previous < len(screen.text) and previous != paragraph:
        words = sum(1 for t in screen.text.paragraphs.thai(previous).tokens if token_key(t) is not None)
    screen.learner.moved_to(paragraph, words)


def looked_up(screen: ReaderScreen, text: str) -> Status | None:
    """The word under the cursor was looked up: remember it with its sentence (flashcards, stats). Returns
    its status for the popup (None: no status, no choices)."""
    screen.learner.looked_up(text, cursor_place_later(screen))
    token = screen.text.cursor.word()
    if token is not None and token_key(token) is not None:
        from bilingual_reader.learner.glosses import needs_machine

        if needs_machine(token.text, screen.glossary):  # the popup shows the machine gloss when it comes
            screen.call_after_refresh(machine_glossed, screen, {})
    return screen.learner.status_of(token) if token is not None else None


def machine_glossed(screen: ReaderScreen, glosses: Mapping[str, str]) -> None:
    """Machine glosses arrived (or the popup just opened): redraw the interlinear glosses; the open
    popup shows its word's machine gloss, asking for it if it has not been asked for."""
    if glosses and screen.learner.mode == "interlinear":
        screen.text.refresh_paragraphs()
    popup = screen.lookup.popup
    key = text_key(popup.result.text) if popup is not None and popup.shown else None
    if popup is not None and key is not None and (not glosses or key in glosses):
        text = screen.learner.machine_gloss(key)
        if text is not None:
            popup.show_machine_gloss(text)
