"""What the learner's keys do in the reader (the commands in ``tui/reader/commands.py`` call these)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bilingual_reader.learner.counts import token_key
from bilingual_reader.learner.statuses import Status
from bilingual_reader.learner.store import Place

if TYPE_CHECKING:
    from bilingual_reader.tui.reader.screen import ReaderScreen

__all__ = [
    "cursor_place",
    "export_cards",
    "mark_paragraph_known",
    "next_to_learn",
    "set_cursor_status",
    "show_header",
    "show_stats",
]


def cursor_place(screen: ReaderScreen) -> Place:
    """Where the cursor's word is: the article, the paragraph, the sentence around the word."""
    from bilingual_reader.learner.places import sentence_at

    paragraph = screen.text.paragraph
    token = screen.text.cursor_token()
    text = screen.article.paragraphs[paragraph] if screen.article.paragraphs else ""
    sentence = sentence_at(text, token.start) if token is not None else text
    return Place(screen.article.article_id, screen.article.title, paragraph, sentence)


def show_header(screen: ReaderScreen) -> None:
    """The header's subtitle: the article's known share and unknown/learning counts (once the learner
    database is open), then the translation's progress."""
    parts = [screen.learner.header() if screen.learner.store else "", screen.translation.progress]
    screen.sub_title = " · ".join(p for p in parts if p)


def _changed(screen: ReaderScreen, paragraphs: list[int] | None = None) -> None:
    screen.text.refresh_paragraphs(paragraphs)
    if screen.learner.mode == "interlinear":  # which words get a gloss depends on their status
        from bilingual_reader.tui.learner.english_modes import apply_mode

        apply_mode(screen)
    show_header(screen)


def set_cursor_status(screen: ReaderScreen, status: Status) -> None:
    """Give the word under the cursor ``status`` (numbers, Latin words and punctuation have none)."""
    token = screen.text.cursor_token()
    if token is None or token_key(token) is None:
        screen.notify("Only Thai words have a status.", severity="warning", timeout=3)
        return
    if screen.learner.set_status([token.text], status, cursor_place(screen)):
        _changed(screen)


def mark_paragraph_known(screen: ReaderScreen) -> None:
    """Mark every still-unknown word of the cursor's paragraph as well known (Lute's "mark page known")."""
    paragraph = screen.text.paragraph
    if len(screen.text) == 0:
        return
    tokens = screen.text.thai(paragraph).tokens
    words = [t.text for t in tokens if screen.learner.status_of(t) is Status.UNKNOWN]
    changed = screen.learner.set_status(words, Status.WELL_KNOWN, cursor_place(screen))
    screen.notify(f"{changed} word(s) marked well known.", timeout=3)
    if changed:
        _changed(screen)


def next_to_learn(screen: ReaderScreen, step: int) -> None:
    """Move the cursor to the next (+1) or previous (-1) unknown or learning word."""
    view = screen.text
    paragraph, token = view.paragraph, view.token
    if len(view) == 0:
        return
    position = (paragraph, -1 if token is None else token)
    for index in range(paragraph, len(view)) if step > 0 else range(paragraph, -1, -1):
        tokens = view.thai(index).tokens
        order = range(len(tokens)) if step > 0 else range(len(tokens) - 1, -1, -1)
        for t in order:
            if (index, t) == position or ((index, t) < position if step > 0 else (index, t) > position):
                continue
            status = screen.learner.status_of(tokens[t])
            if status is not None and (status is Status.UNKNOWN or status.is_learning):
                screen.text.place_cursor(index, t)
                return
    screen.notify("No more unknown or learning words " + ("below." if step > 0 else "above."), timeout=3)


def show_stats(screen: ReaderScreen) -> None:
    """Open the progress screen (computed from the learner database, on the UI thread that owns it)."""
    from bilingual_reader.learner.article_stats import article_figures
    from bilingual_reader.learner.stats import progress
    from bilingual_reader.tui.learner.stats_screen import StatsScreen

    learner = screen.learner
    store = learner.store
    if store is None:
        screen.notify("The learner database is not open yet.", timeout=3)
        return
    figures = article_figures(store, learner.place_id, learner.loaded, screen.article.title)
    screen.app.push_screen(StatsScreen(progress(store), figures))


def export_cards(screen: ReaderScreen) -> None:
    """Write flashcards of the words being learned (statuses 1-4) to ``bilingual-reader-cards.apkg`` in the
    current folder, with the sentences' English from the reader's translation memory, as ``cards export``
    writes them (which has the filters)."""
    from functools import partial
    from pathlib import Path

    from bilingual_reader.files import FileProblem, check_destination
    from bilingual_reader.learner.anki_deck import write_apkg
    from bilingual_reader.learner.cards import CardFilter, build_cards
    from bilingual_reader.learner.sentence_english import machine_gloss, memory_english

    store = screen.learner.store
    if store is None:
        return
    target = Path.cwd() / "bilingual-reader-cards.apkg"
    try:
        check_destination(target)
        with memory_english(screen.services.memory_path) as english:
            glosses = screen.learner.machine
            machine = partial(machine_gloss, english) if english else glosses.glosses.get if glosses else None
            cards = build_cards(store, CardFilter(), screen.glossary, english, machine)
        write_apkg(cards, target)
    except (FileProblem, OSError) as err:
        screen.notify(f"Cards not written: {err}", severity="error", timeout=8)
        return
    screen.notify(f"{len(cards)} card(s) written to {target}", timeout=8)
