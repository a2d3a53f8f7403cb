"""Writing flashcards: an Anki package (genanki) with stable ids, and a plain TSV for text imports.

The note's id in Anki comes from its guid, which comes from the normalized word: exporting again updates the
notes an earlier import made instead of adding new ones. The note type and deck ids are fixed numbers.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from bilingual_reader.files import write_output
from bilingual_reader.learner.cards import Card

__all__ = ["DECK_NAME", "FIELDS", "NOTE_TYPE_NAME", "apkg_bytes", "tsv_text", "write_apkg", "write_tsv"]

NOTE_TYPE_ID = 1_733_010_001
DECK_ID = 1_733_010_002
NOTE_TYPE_NAME = "bilingual-reader Thai word"
DECK_NAME = "bilingual-reader Thai"
FIELDS = (
    "Thai",
    "RTGS",
    "Tones",
    "IPA",
    "English",
    "Sentence",
    "SentenceCloze",
    "SentenceEnglish",
    "Article",
)
_CSS = """.card { font-family: sans-serif; font-size: 22px; text-align: center; }
.thai { font-size: 40px; } .reading { color: #666; font-size: 18px; } .sentence { font-size: 26px; }"""
_READING = '<div class="reading">{{Tones}} · {{RTGS}} · {{IPA}}</div>'
_BACK_COMMON = (
    '<div class="sentence">{{Sentence}}</div><div>{{SentenceEnglish}}</div>'
    '<div class="reading">{{Article}}</div>'
)
TEMPLATES = (
    {
        "name": "Recognition",
        "qfmt": '<div class="thai">{{Thai}}</div>',
        "afmt": '{{FrontSide}}<hr id="answer">' + _READING + "<div>{{English}}</div>" + _BACK_COMMON,
    },
    {
        "name": "Sentence cloze",
        "qfmt": '{{#SentenceCloze}}<div class="sentence">{{SentenceCloze}}</div>'
        "<div>{{SentenceEnglish}}</div>{{/SentenceCloze}}",
        "afmt": '{{FrontSide}}<hr id="answer"><div class="thai">{{Thai}}</div>'
        + _READING
        + "<div>{{English}}</div>",
    },
)


def _fields(card: Card) -> list[str]:
    return [
        card.word,
        card.rtgs,
        card.tones,
        card.ipa,
        card.english,
        card.sentence,
        card.cloze,
        card.sentence_english,
        card.title,
    ]


def apkg_bytes(cards: Sequence[Card], *, timestamp: float | None = None) -> bytes:
    """The ``.apkg`` file for ``cards`` (one note each; a recognition card, and a cloze card when the
    word's sentence is known)."""
    import genanki

    model = genanki.Model(
        NOTE_TYPE_ID,
        NOTE_TYPE_NAME,
        fields=[{"name": name} for name in FIELDS],
        templates=list(TEMPLATES),
        css=_CSS,
    )
    deck = genanki.Deck(DECK_ID, DECK_NAME)
    for card in cards:
        guid = genanki.guid_for("bilingual-reader", card.word)
        deck.add_note(genanki.Note(model=model, fields=_fields(card), tags=list(card.tags), guid=guid))
    buffer = io.BytesIO()
    genanki.Package(deck).write_to_file(buffer, timestamp=timestamp)
    return buffer.getvalue()


def write_apkg(cards: Sequence[Card], path: Path) -> None:
    """Write the Anki package to ``path`` atomically."""
    write_output(path, apkg_bytes(cards))


def _cell(text: str) -> str:
    return text.replace("\t", " ").replace("\r", " ").replace("\n", "<br>")


def tsv_text(cards: Sequence[Card]) -> str:
    """Tab-separated lines (Anki's or Quizlet's text import): Thai, English, then the other fields, then the
    tags separated by spaces. No header, so Quizlet reads term and definition from the first two columns."""
    lines = []
    for card in cards:
        fields = _fields(card)
        row = [fields[0], fields[4], *fields[1:4], *fields[5:], " ".join(card.tags)]
        lines.append("\t".join(_cell(f) for f in row))
    return "".join(line + "\n" for line in lines)


def write_tsv(cards: Sequence[Card], path: Path) -> None:
    """Write the TSV to ``path`` atomically."""
    write_output(path, tsv_text(cards))
