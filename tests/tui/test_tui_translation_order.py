"""The order the reader translates a book in: what is on screen first, then on from there; a jump moves it."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from bilingual_reader.translation.engines.base import Hypothesis, SentenceTranslation
from bilingual_reader.tui.app import create_app
from bilingual_reader.tui.reader.translation_order import BATCH, TranslationOrder
from bilingual_reader.tui.services import ReaderServices

from .pilot_helpers import reader, settle


@pytest.mark.parametrize(
    ("count", "first", "steps", "batches"),
    [
        # the visible ones, then on from the last of them, wrapping to the start
        (10, [5, 6], [("take", 3), ("take", 10), ("take", 1)], [[5, 6, 7], [8, 9, 0, 1, 2, 3, 4], []]),
        # a jump: the new visible ones next, then on from there; nothing is handed out twice
        (
            10,
            [0],
            [("take", 2), ("prefer", [6, 7]), ("take", 3), ("take", 9)],
            [[0, 1], [6, 7, 8], [9, 2, 3, 4, 5]],
        ),
        # preferring what is already handed out changes only where the rest continues from
        (6, [0], [("take", 3), ("prefer", [1, 2]), ("take", 6)], [[0, 1, 2], [3, 4, 5]]),
        # indexes outside the text are ignored
        (3, [7, -1], [("take", 5)], [[0, 1, 2]]),
    ],
)
def test_translation_order(
    count: int, first: list[int], steps: list[tuple[str, object]], batches: list[list[int]]
) -> None:
    order = TranslationOrder(count, first)
    taken = []
    for what, argument in steps:
        if what == "take":
            assert isinstance(argument, int)
            taken.append(order.take(argument))
        else:
            assert isinstance(argument, list)
            order.prefer(argument)
    assert taken == batches


class GatedEcho:
    """Echoes each sentence's length; the first engine pass waits until ``gate`` opens."""

    model_key = "gated-echo@1"
    settings_key = "s"

    def __init__(self) -> None:
        self.gate = threading.Event()
        self.waiting = threading.Event()

    def translate(self, sentences: Sequence[str]) -> Iterator[SentenceTranslation]:
        if not self.gate.is_set():
            self.waiting.set()
            self.gate.wait(10)
        for sentence in sentences:
            english = f"EN:{len(sentence)}"
            yield SentenceTranslation(sentence, english, (Hypothesis(english, -0.1),))


async def test_after_a_jump_what_is_on_screen_is_translated_next(tmp_path: Path, glossary_path: Path) -> None:
    book = tmp_path / "book.txt"
    book.write_text("\n".join(f"ทหารฝึกซ้อมย่อหน้าที่ {n}" for n in range(BATCH * 4)), encoding="utf-8")
    engine = GatedEcho()
    app = create_app(book, ReaderServices(glossary_path, engine_factory=lambda: engine))
    async with app.run_test(size=(160, 20)) as pilot:
        while not engine.waiting.is_set():  # the first batch (from the top) is with the engine
            await pilot.pause()
        screen = reader(app)
        await pilot.press("end")
        await pilot.pause()
        at_end = screen.text.layout_.visible_paragraphs()
        assert at_end[-1] == BATCH * 4 - 1
        engine.gate.set()
        await settle(app, pilot)
        arrived = list(screen.translation.results)
        assert len(arrived) == BATCH * 4
        assert set(arrived[:BATCH]) == set(range(BATCH))
        assert arrived[BATCH : BATCH + len(at_end)] == at_end
