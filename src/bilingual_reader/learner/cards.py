"""Flashcards from the learner database: which words (filters), and what each card holds.

Writing them (an Anki package or a TSV) is ``anki_deck``'s job; this module gathers the content.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from bilingual_reader.learner.glosses import card_english, short_gloss
from bilingual_reader.learner.statuses import Status
from bilingual_reader.learner.store import NOWHERE, LearnerStore, Place

if TYPE_CHECKING:
    from bilingual_reader.glossary.store import Glossary

__all__ = [
    "DEFAULT_STATUSES",
    "Card",
    "CardFilter",
    "MachineEnglish",
    "SentenceEnglish",
    "build_cards",
    "select_words",
]

DEFAULT_STATUSES = frozenset({Status.NEW, Status.RECOGNIZED, Status.FAMILIAR, Status.LEARNED})
#: The English of the sentence a word was met in: post-edit, else the translation memory ("" if none).
SentenceEnglish = Callable[[Place], str]
#: The machine gloss of a normalized word (the word translated alone, from the memory; "" or None if none).
MachineEnglish = Callable[[str], "str | None"]


@dataclass(frozen=True)
class CardFilter:
    """Which words get a card. ``statuses`` None: 1-4, or, with ``looked_up``, any status but ignored and
    well known (a word looked up and never marked is unknown). ``article`` and the dates keep words met
    (looked up or marked) in that article / on those days."""

    statuses: frozenset[Status] | None = None
    looked_up: bool = False
    article: str | None = None
    since: date | None = None
    until: date | None = None


@dataclass(frozen=True)
class Card:
    """One note: a word with its readings, English, the sentence it was met in, and tags."""

    word: str
    rtgs: str
    tones: str
    ipa: str
    english: str
    sentence: str  # HTML, the word in <b>
    cloze: str  # HTML, the word replaced by [...]
    sentence_english: str
    title: str
    status: Status
    tags: tuple[str, ...]


_EVENTS = """
    SELECT key, article, title, paragraph, sentence, at, day, 1 AS lookup FROM lookups
    UNION ALL SELECT key, article, title, paragraph, sentence, at, day, 0 FROM history
"""


def select_words(store: LearnerStore, chosen: CardFilter) -> list[tuple[str, Status, Place]]:
    """The words ``chosen`` keeps, each with its status and the latest place it was met, by word."""
    conn = store.conn
    where, params = ["1"], []
    if chosen.looked_up:
        where.append("lookup = 1")
    if chosen.article is not None:
        where.append("article = ?")
        params.append(chosen.article)
    if chosen.since is not None:
        where.append("day >= ?")
        params.append(chosen.since.isoformat())
    if chosen.until is not None:
        where.append("day <= ?")
        params.append(chosen.until.isoformat())
    filtered = chosen.looked_up or len(where) > 1
    events = f"SELECT * FROM ({_EVENTS}) WHERE {' AND '.join(where)}"
    places: dict[str, Place] = {}
    for key, article, title, paragraph, sentence, _at in conn.execute(
        f"SELECT key, article, title, paragraph, sentence, at FROM ({events})"
        " WHERE sentence != '' ORDER BY at",
        params,
    ):
        places[key] = Place(article, title, paragraph, sentence)
    if filtered:
        keys = {row[0] for row in conn.execute(f"SELECT DISTINCT key FROM ({events})", params)}
    else:
        keys = {row[0] for row in conn.execute("SELECT key FROM words")}
    statuses = store.statuses_all(keys)
    wanted = chosen.statuses
    if wanted is None:
        excluded = {Status.IGNORED, Status.WELL_KNOWN}
        wanted = frozenset(set(Status) - excluded) if chosen.looked_up else DEFAULT_STATUSES
    found = []
    for key in sorted(keys):
        status = statuses.get(key, Status.UNKNOWN)
        if status in wanted:
            found.append((key, status, places.get(key, NOWHERE)))
    return found


def build_cards(
    store: LearnerStore,
    chosen: CardFilter,
    glossary: Glossary | None,
    sentence_english: SentenceEnglish | None = None,
    machine_english: MachineEnglish | None = None,
) -> list[Card]:
    """The cards for the words ``chosen`` keeps, sorted by word; a word with no other English gets its
    ``machine_english`` gloss, said to be one."""
    from bilingual_reader.thai.pronunciation import dictionary_split, pronounce

    cards = []
    for key, status, place in select_words(store, chosen):
        stored = store.word(key)
        english, subject = card_english(key, glossary, stored.translation if stored else "")
        if (
            not english
            and machine_english is not None
            and (machine := short_gloss(machine_english(key) or ""))
        ):
            english = f"{machine} (machine gloss)"
        reading = pronounce(key, split=dictionary_split)
        sentence, cloze = _marked(place.sentence, key)
        tags = ["bilingual-reader", f"status-{status.lute_code or '0'}"]
        if subject:
            tags.append(subject.replace(" ", "_"))
        cards.append(
            Card(
                word=key,
                rtgs=reading.rtgs,
                tones=reading.tones,
                ipa=reading.ipa,
                english=html.escape(english),
                sentence=sentence,
                cloze=cloze,
                sentence_english=html.escape(sentence_english(place))
                if sentence_english and place.sentence
                else "",
                title=html.escape(place.title),
                status=status,
                tags=tuple(tags),
            )
        )
    return cards


def _marked(sentence: str, word: str) -> tuple[str, str]:
    """The sentence as HTML with ``word`` in bold, and with ``word`` hidden as ``[...]`` (empty if absent)."""
    before, found, after = sentence.partition(word)
    if not found:
        return html.escape(sentence), ""
    head, tail = html.escape(before), html.escape(after)
    return f"{head}<b>{html.escape(word)}</b>{tail}", f"{head}<b>[...]</b>{tail}"
