"""What the learner's keys do in the reader (the commands in ``tui/reader/commands.py`` call these)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING

from bilingual_reader.learner.counts import token_key
from bilingual_reader.learner.statuses import Status
from bilingual_reader.learner.store import Place

if TYPE_CHECKING:
    from bilingual_reader.tui.reader.screen import ReaderScreen
    from bilingual_reader.tui.reader.words import TokenLike

__all__ = [
    "cursor_place",
    "cursor_place_later",
    "export_cards",
    "mark_paragraph_known",
    "next_to_learn",
    "set_cursor_status",
    "show_header",
    "show_stats",
]


def cursor_place(screen: ReaderScreen) -> Place:
    """Where the cursor's word is: the article, the paragraph, the sentence around the word."""
    return cursor_place_later(screen)()


def cursor_place_later(screen: ReaderScreen) -> Callable[[], Place]:
    """:func:`cursor_place` for the cursor's word now, its sentence found when asked: splitting a paragraph
    into sentences costs several milliseconds, too much for a key whose record is written later."""
    from bilingual_reader.learner.places import sentence_at

    paragraph = screen.text.cursor.paragraph
    token = screen.text.cursor.word()
    text = screen.article.paragraphs[paragraph] if screen.article.paragraphs else ""
    article, title = screen.article.article_id, screen.article.title
    offset = token.start if token is not None else None
    return lambda: Place(article, title, paragraph, text if offset is None else sentence_at(text, offset))


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
    token = screen.text.cursor.word()
    if token is None or token_key(token) is None:
        screen.notify("Only Thai words have a status.", severity="warning", timeout=3)
        return
    if screen.learner.set_status([token.text], status, cursor_place(screen)):
        _changed(screen)


def mark_paragraph_known(screen: ReaderScreen) -> None:
    """Mark every still-unknown word of the cursor's paragraph as well known (Lute's "mark page known")."""
    paragraph = screen.text.cursor.paragraph
    if len(screen.text) == 0:
        return
    tokens = screen.text.paragraphs.thai(paragraph).tokens
    words = [t.text for t in tokens if screen.learner.status_of(t) is Status.UNKNOWN]
    changed = screen.learner.set_status(words, Status.WELL_KNOWN, cursor_place(screen))
    screen.notify(f"{changed} word(s) marked well known.", timeout=3)
    if changed:
        _changed(screen)


#: Tokens ``n``/``N`` look at on the UI thread; beyond that a worker goes on (a book has a million).
NEAR_TOKENS = 4000


def _to_learn(screen: ReaderScreen, token: TokenLike) -> bool:
    status = screen.learner.status_of(token)
    return status is not None and (status is Status.UNKNOWN or status.is_learning)


def _walk(
    screen: ReaderScreen,
    tokens: Callable[[int], Sequence[TokenLike]],
    start: tuple[int, int],
    step: int,
    budget: int,
) -> tuple[int, int] | int | None:
    """The first word to learn after (``step`` 1) or before (-1) ``start``: (paragraph, token); None when
    there is none; the paragraph to go on from when ``budget`` tokens were looked at first."""
    paragraph, first = start
    count = len(screen.text)
    index = paragraph
    while 0 <= index < count:
        found = tokens(index)
        if index == paragraph:
            order = range(first + 1, len(found)) if step > 0 else range(min(first, len(found)) - 1, -1, -1)
        else:
            order = range(len(found)) if step > 0 else range(len(found) - 1, -1, -1)
        for t in order:
            if _to_learn(screen, found[t]):
                return index, t
        budget -= len(found) + 1
        index += step
        if budget <= 0 and 0 <= index < count:
            return index
    return None


def next_to_learn(screen: ReaderScreen, step: int) -> None:
    """Move the cursor to the next (+1) or previous (-1) unknown or learning word: the words near the cursor
    at once, the rest of a long text in a worker (the key does not wait for a book's million words)."""
    view = screen.text
    if len(view) == 0:
        return
    start = (view.cursor.paragraph, -1 if view.cursor.token is None else view.cursor.token)
    found = _walk(screen, lambda i: view.paragraphs.thai(i).tokens, start, step, NEAR_TOKENS)
    if isinstance(found, int):
        screen.notify("Looking further for a word to learn…", timeout=2)
        screen.run_worker(
            partial(_walk_on, screen, (found, -1 if step > 0 else 1 << 30), step, start),
            thread=True,
            exclusive=True,
            group="next-to-learn",
            description="next word to learn",
            exit_on_error=False,
        )
    elif found is not None:
        view.cursor.place(*found)
    else:
        _none_left(screen, step)


def _walk_on(screen: ReaderScreen, start: tuple[int, int], step: int, cursor: tuple[int, int]) -> None:
    """(In a worker) the rest of the walk over the segmented tokens; the cursor moves there unless the
    reader has moved it meanwhile."""
    segmented = screen.lookup.tokens or []
    found = _walk(screen, lambda i: segmented[i] if i < len(segmented) else (), start, step, 1 << 62)
    screen.app.call_from_thread(_arrived, screen, found, step, cursor)


def _arrived(screen: ReaderScreen, found: object, step: int, cursor: tuple[int, int]) -> None:
    view = screen.text
    if (view.cursor.paragraph, -1 if view.cursor.token is None else view.cursor.token) != cursor:
        return
    if isinstance(found, tuple):
        view.cursor.place(*found)
    else:
        _none_left(screen, step)


def _none_left(screen: ReaderScreen, step: int) -> None:
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
    learner.flush()
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
    screen.learner.flush()
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
