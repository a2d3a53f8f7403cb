"""The reader's commands, each defined once: its keys, palette title, help and what it runs. The screen's key
bindings, footer, palette entries, the help screen and the README's key table come from this list."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from bilingual_reader.tui.commands import Command
from bilingual_reader.tui.learner.commands import LEARNER_COMMANDS
from bilingual_reader.tui.library import keys as library_keys
from bilingual_reader.tui.reader import handout_action, terminology_keys, translation_actions
from bilingual_reader.tui.reader.view_cursor import Cursor

if TYPE_CHECKING:
    from bilingual_reader.tui.reader.screen import ReaderScreen


def look_up(screen: ReaderScreen) -> None:
    """Open the popup for the word under the cursor (with its terminology findings)."""
    text = screen.text.cursor.text()
    if text is not None:
        from bilingual_reader.tui.learner.hooks import looked_up

        status = looked_up(screen, text)
        screen.lookup.look_up(text, findings=screen.marks.cursor_findings(), status=status)


def show_help(screen: ReaderScreen) -> None:
    """Open the list of keys and commands."""
    from bilingual_reader.tui.app_commands import APP_COMMANDS
    from bilingual_reader.tui.widgets.help_screen import HelpScreen

    screen.app.push_screen(HelpScreen([*READER_COMMANDS, *APP_COMMANDS]))


def _has_english(screen: ReaderScreen) -> bool:
    return screen.translation.article is not None


#: The keys that move the cursor (not in the palette): name, keys, title, where to ("Move the cursor …"), the
#: cursor's move and its step.
_CURSOR_KEYS: tuple[tuple[str, str, str, str, Callable[[Cursor, int], None], int], ...] = (
    ("word_left", "left,h", "Previous word", "to the previous word", Cursor.move_word, -1),
    ("word_right", "right,l", "Next word", "to the next word", Cursor.move_word, 1),
    ("paragraph_up", "up,k", "Previous paragraph", "to the previous paragraph", Cursor.move_paragraph, -1),
    ("paragraph_down", "down,j", "Next paragraph", "to the next paragraph", Cursor.move_paragraph, 1),
    ("page_down", "pagedown", "Page down", "a screenful down", Cursor.move_page, 1),
    ("page_up", "pageup", "Page up", "a screenful up", Cursor.move_page, -1),
    ("first_paragraph", "home", "First paragraph", "to the first paragraph", Cursor.move_to_end, -1),
    ("last_paragraph", "end", "Last paragraph", "to the last paragraph", Cursor.move_to_end, 1),
)
#: The footer's entries (label, keys shown) of the cursor keys that have one.
_CURSOR_FOOTER = {"word_left": ("Word", "←→"), "paragraph_up": ("Paragraph", "↑↓")}


def _cursor_key(
    name: str, keys: str, title: str, where: str, move: Callable[[Cursor, int], None], step: int
) -> Command[ReaderScreen]:
    def run(screen: ReaderScreen) -> None:
        move(screen.text.cursor, step)

    footer, key_display = _CURSOR_FOOTER.get(name, ("", None))
    help = f"Move the cursor {where}"
    return Command(name, keys, title, help, run, footer=footer, key_display=key_display, palette=False)


READER_COMMANDS: tuple[Command[ReaderScreen], ...] = (
    *(_cursor_key(*row) for row in _CURSOR_KEYS),
    Command(
        "look_up",
        "enter,space",
        "Look up the word under the cursor",
        "Its glossary entry, pronunciation, senses (so does a click; a drag looks up the longest term)",
        look_up,
        footer="Look up",
        key_display="⏎",
    ),
    Command(
        "add_entry",
        "a",
        "Add a glossary term",
        "Add a glossary entry for the word under the cursor (in the popup: a adds, e edits)",
        lambda s: s.lookup.open_form(None, thai=s.text.cursor.text() or ""),
    ),
    Command(
        "retranslate",
        "r",
        "Retranslate this paragraph",
        "Translate the paragraph under the cursor again, bypassing the translation memory",
        lambda s: translation_actions.retranslate(s.translation, s.text.cursor.paragraph),
    ),
    Command(
        "edit_english",
        "e",
        "Edit this paragraph's English",
        "ctrl+s saves it as your post-edit (machine translation never overwrites it)",
        lambda s: translation_actions.edit_english(s.translation, s.text.cursor.paragraph),
        available=_has_english,
    ),
    Command(
        "alternatives",
        "A",
        "Alternative translations",
        "The n-best for the paragraph's sentences; pick one to keep it",
        lambda s: translation_actions.alternatives(s.translation, s.text.cursor.paragraph),
        available=_has_english,
    ),
    Command(
        "revert_english",
        "u",
        "Revert to machine translation",
        "Drop this paragraph's post-edit for the machine English (the edit stays in the memory's history)",
        lambda s: translation_actions.revert(s.translation, s.text.cursor.paragraph),
        available=_has_english,
    ),
    Command(
        "findings",
        "f",
        "Findings",
        "Glossary terms, numbers, dates, names, units and form checked in the English (⏎ jumps, x dismisses)",
        terminology_keys.open_findings,
        footer="Findings",
    ),
    Command(
        "next_problem",
        "right_square_bracket",
        "Next problem",
        "A term missing or forbidden, or another check's problem, below",
        lambda s: terminology_keys.next_problem(s, 1),
    ),
    Command(
        "previous_problem",
        "left_square_bracket",
        "Previous problem",
        "A term missing or forbidden, or another check's problem, above",
        lambda s: terminology_keys.next_problem(s, -1),
    ),
    Command(
        "toggle_unsteered",
        "o",
        "Show the unsteered original",
        "The machine English before glossary steering, where steering changed it (again: back)",
        terminology_keys.toggle_unsteered,
    ),
    Command(
        "search",
        "slash",
        "Search the text",
        "Thai words (not inside longer words; *ปืน finds those too), or English in the English column;"
        " n/N move between the matches, an empty search ends it",
        lambda s: s.search.open(),
    ),
    Command(
        "install_model",
        "",
        "Install Thai→English model",
        "From the Argos package index or a .argosmodel file",
        lambda s: translation_actions.install_model(s.translation),
    ),
    *LEARNER_COMMANDS,
    Command(
        "make_handout",
        "",
        "Make a class handout",
        "A printable HTML page of this article: Thai with glosses, English, vocabulary, interlinear, cloze",
        handout_action.make_handout,
    ),
    Command(
        "bookmark",
        "b",
        "Set or remove a bookmark",
        "A bookmark on the word under the cursor (again: removes it)",
        library_keys.toggle_bookmark,
    ),
    Command(
        "bookmarks",
        "B",
        "Bookmarks",
        "This text's bookmarks: ⏎ jumps to one, d removes it",
        library_keys.open_bookmarks,
    ),
    Command(
        "contents",
        "t",
        "Table of contents",
        "The chapters and headings: ⏎ goes to one, where you were in it",
        library_keys.open_contents,
    ),
    Command(
        "help",
        "question_mark",
        "Keys and commands",
        "This list of keys and commands",
        show_help,
        footer="Help",
        key_display="?",
    ),
)
