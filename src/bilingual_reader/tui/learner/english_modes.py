"""How the English shows, cycled by one key and remembered in the learner database: beside the Thai,
hidden until revealed (per paragraph, a self-test), or as interlinear glosses under the words still being
learned (status at or below a level: default unknown and 1-2)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from bilingual_reader.learner.statuses import Status

if TYPE_CHECKING:
    from bilingual_reader.tui.reader.screen import ReaderScreen
    from bilingual_reader.tui.reader.words import TokenLike

__all__ = [
    "MODES",
    "apply_mode",
    "cycle_level",
    "cycle_mode",
    "gloss_statuses",
    "hide_all",
    "level_text",
    "reveal",
]

MODES = ("beside", "hidden", "interlinear")
MODE_SETTING = "english_mode"
LEVEL_SETTING = "gloss_level"
_TITLES = {
    "beside": "English beside the Thai",
    "hidden": "English hidden: v reveals a paragraph, V hides all again",
    "interlinear": "Interlinear glosses under the words you are learning",
}


def gloss_statuses(level: int) -> frozenset[Status]:
    """The statuses that get an interlinear gloss: unknown and learning 1 to ``level``."""
    return frozenset({Status.UNKNOWN, *(Status(n) for n in range(1, max(0, min(level, 5)) + 1))})


def level_text(level: int) -> str:
    """Which words get a gloss at ``level``, in words."""
    return "unknown words only" if level <= 0 else f"unknown words and statuses 1-{level}".replace("1-1", "1")


def cycle_level(screen: ReaderScreen) -> None:
    """Gloss the next level of statuses (unknown only, then up to 1, 2 … 5, then unknown only again) and
    remember it."""
    learner = screen.learner
    learner.gloss_level = (learner.gloss_level + 1) % 6
    learner.remember(LEVEL_SETTING, str(learner.gloss_level))
    apply_mode(screen)
    hint = "" if learner.mode == "interlinear" else " (shown in the interlinear mode: m)"
    screen.notify(f"Glosses under {level_text(learner.gloss_level)}{hint}", timeout=3)


def apply_mode(screen: ReaderScreen) -> None:
    """Show the English as the learner's current mode says."""
    learner = screen.learner
    mode = learner.mode
    revealed = learner.revealed
    screen.text.hooks.set_english_hidden((lambda i: i not in revealed) if mode == "hidden" else None)
    screen.text.hooks.set_glosses(_glosser(screen) if mode == "interlinear" else None)


def _glosser(screen: ReaderScreen) -> Callable[[int, int, TokenLike], str | None]:
    learner = screen.learner
    wanted = gloss_statuses(learner.gloss_level)

    def gloss(paragraph: int, index: int, token: TokenLike) -> str | None:
        status = learner.status_of(token)
        if status is None or status not in wanted:
            return None
        return learner.gloss(token.text, screen.glossary)

    return gloss


def cycle_mode(screen: ReaderScreen) -> None:
    """Go to the next English mode and remember it."""
    learner = screen.learner
    learner.mode = MODES[(MODES.index(learner.mode) + 1) % len(MODES)]
    learner.remember(MODE_SETTING, learner.mode)
    apply_mode(screen)
    screen.notify(_TITLES[learner.mode], timeout=3)


def reveal(screen: ReaderScreen) -> None:
    """Reveal the English of the paragraph under the cursor (in the hidden mode)."""
    if screen.learner.mode != "hidden":
        screen.notify("The English is not hidden (m switches modes).", timeout=3)
        return
    screen.learner.revealed.add(screen.text.cursor.paragraph)
    apply_mode(screen)


def hide_all(screen: ReaderScreen) -> None:
    """Hide every revealed paragraph's English again."""
    screen.learner.revealed.clear()
    apply_mode(screen)
