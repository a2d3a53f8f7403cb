"""The lookup popup's occurrence count: counted in a worker (a book is megabytes), shown when it arrives."""

from __future__ import annotations

import threading
from collections.abc import Collection, Sequence
from pathlib import Path

import pytest

from bilingual_reader.thai.segmenter import Token
from bilingual_reader.tui.app import create_app
from bilingual_reader.tui.reader import lookup as reader_lookup
from bilingual_reader.tui.reader.lookup import count_in_article

from .pilot_helpers import move_to, popup_text, reader, settle


def tokens(*texts: str, terms: Collection[str] = ()) -> list[Token]:
    """Tokens of the paragraph ``"".join(texts)``."""
    out, at = [], 0
    for text in texts:
        out.append(Token(text, at, at + len(text), not text.isspace(), text in terms))
        at += len(text)
    return out


PARAGRAPHS = [
    tokens("ปืนใหญ่", " ", "ปืน"),
    tokens("ทหาร", "ถือ", "ปืน", " ", "ปืน"),
    tokens("ไม่", "มี"),
    tokens("ระบบขีปนาวุธ", terms={"ระบบขีปนาวุธ"}),
    tokens("Gripen", " ", "gripen", " ", "Gripens"),
]


@pytest.mark.parametrize(
    ("key", "terms", "expected"),
    [
        ("ปืน", (), 3),  # on token boundaries only: not inside ปืนใหญ่
        ("ปืนใหญ่", (), 1),
        ("ขีปนาวุธ", ("ขีปนาวุธ",), 1),  # a glossary term inside a term token
        ("ขีปนาวุธ", (), 0),  # not a term: no match inside a token
        ("gripen", (), 2),  # Latin, case-folded, whole words
        ("รถถัง", (), 0),
    ],
)
def test_count_in_article(key: str, terms: tuple[str, ...], expected: int) -> None:
    folded = ["".join(t.text for t in p).casefold() for p in PARAGRAPHS]
    assert count_in_article(key, folded, PARAGRAPHS, terms) == expected


async def test_the_popup_opens_at_once_and_the_count_arrives_later(
    article_path: Path, glossary_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()

    def slow_count(
        key: str, folded: Sequence[str], tokens: Sequence[Sequence[Token]], terms: Collection[str]
    ) -> int:
        release.wait(10)
        return count_in_article(key, folded, tokens, terms)

    monkeypatch.setattr(reader_lookup, "count_in_article", slow_count)
    app = create_app(article_path, glossary_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(app, pilot)
        await move_to(pilot, reader(app), "หมวกเหล็ก")
        await pilot.press("space")
        text = popup_text(app)
        assert "Not in the glossary." in text
        assert text.endswith("Counting the occurrences in this article…")
        release.set()
        await settle(app, pilot)
        assert popup_text(app).endswith("Occurs once in this article.")
