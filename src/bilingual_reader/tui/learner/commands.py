"""The learner's commands (statuses, the next word to learn, English modes, progress, flashcards): spliced
into the reader's one command list (``tui/reader/commands.py``), which makes their keys, palette and help."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from bilingual_reader.learner.statuses import Status
from bilingual_reader.tui.commands import Command
from bilingual_reader.tui.learner import english_modes, keys

if TYPE_CHECKING:
    from bilingual_reader.tui.reader.screen import ReaderScreen


def _set(screen: ReaderScreen, status: Status) -> None:
    keys.set_cursor_status(screen, status)


_LEARNING = {
    1: "new",
    2: "recognized",
    3: "familiar",
    4: "learned",
    5: "known",
}


def next_match_or_word(screen: ReaderScreen, step: int) -> None:
    """As in less and vim: while the last search has matches, ``n``/``N`` move between them; otherwise they
    move to the next (+1) or previous (-1) unknown or learning word."""
    if screen.search.matches:
        screen.search.step(step)
    else:
        keys.next_to_learn(screen, step)


LEARNER_COMMANDS: tuple[Command[ReaderScreen], ...] = (
    *(
        Command(
            f"status_{n}",
            str(n),
            f"Status {n}: {label}",
            f"Mark the word under the cursor as learning, level {n} (1 new … 5 known; Lute's levels)",
            partial(_set, status=Status(n)),
            footer="Status" if n == 1 else "",
            key_display="1-5" if n == 1 else None,
        )
        for n, label in _LEARNING.items()
    ),
    Command(
        "status_well_known",
        "w",
        "Well known",
        "Mark the word under the cursor as well known (drawn plain)",
        lambda s: keys.set_cursor_status(s, Status.WELL_KNOWN),
    ),
    Command(
        "status_ignored",
        "i",
        "Ignore this word",
        "Never count or colour the word under the cursor (names, odd tokens)",
        lambda s: keys.set_cursor_status(s, Status.IGNORED),
    ),
    Command(
        "status_unknown",
        "0",
        "Back to unknown",
        "Forget the status of the word under the cursor",
        lambda s: keys.set_cursor_status(s, Status.UNKNOWN),
    ),
    Command(
        "paragraph_known",
        "W",
        "Mark the paragraph's unknown words well known",
        "Every still-unknown word of the paragraph under the cursor becomes well known (Lute's page known)",
        keys.mark_paragraph_known,
    ),
    Command(
        "next_to_learn",
        "n",
        "Next match, or next word to learn",
        "While a search has matches (/): the next match; otherwise the next unknown or learning word",
        lambda s: next_match_or_word(s, 1),
        footer="To learn",
    ),
    Command(
        "previous_to_learn",
        "N",
        "Previous match, or previous word to learn",
        "While a search has matches (/): the previous match; otherwise the previous unknown or learning word",
        lambda s: next_match_or_word(s, -1),
    ),
    Command(
        "learner_stats",
        "S",
        "Progress",
        "Words read, new words and lookups per day, statuses over time, your streak",
        keys.show_stats,
    ),
    Command(
        "export_cards",
        "",
        "Export flashcards (Anki)",
        "Words you are learning (1-4) to bilingual-reader-cards.apkg here; `cards export` has filters",
        keys.export_cards,
    ),
    Command(
        "english_mode",
        "m",
        "English: beside, hidden, interlinear",
        "Cycle how the English shows (remembered): beside, hidden until revealed, glosses under words",
        english_modes.cycle_mode,
        footer="Mode",
    ),
    Command(
        "gloss_level",
        "G",
        "Gloss level: which words get a gloss",
        "Interlinear glosses under unknown words only, or also statuses 1 to 1…5 (remembered; default 1-2)",
        english_modes.cycle_level,
    ),
    Command(
        "reveal_english",
        "v",
        "Reveal this paragraph's English",
        "In the hidden mode: show the English of the paragraph under the cursor",
        english_modes.reveal,
    ),
    Command(
        "hide_english",
        "V",
        "Hide all English again",
        "In the hidden mode: hide every revealed paragraph's English again",
        english_modes.hide_all,
    ),
)
