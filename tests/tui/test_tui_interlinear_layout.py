"""The interlinear layout: columns as wide as the wider of word and gloss, wrapping between words only."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from bilingual_reader.tui.learner.interlinear import interlinear_rows

TOKENS = ["ทหาร", "ได้รับ", "เสื้อเกราะ", " ", "และ", "หมวกเหล็ก"]
GLOSSES = ["soldier", None, "body armour", None, None, "helmet"]


def layout(width: int) -> list[list[tuple[str, str, int]]]:
    return [[(c.thai, c.gloss, c.width) for c in row] for row in interlinear_rows(TOKENS, GLOSSES, width)]


@pytest.mark.parametrize(
    ("width", "expected"),
    [
        (
            80,
            [
                [
                    ("ทหาร", "soldier", 8),
                    ("ได้รับ", "", 4),
                    ("เสื้อเกราะ", "body armour", 12),
                    (" ", "", 1),
                    ("และ", "", 3),
                    ("หมวกเหล็ก", "helmet", 8),
                ]
            ],
        ),
        (
            20,
            [
                [("ทหาร", "soldier", 8), ("ได้รับ", "", 4)],
                [("เสื้อเกราะ", "body armour", 12), (" ", "", 1), ("และ", "", 3)],
                [("หมวกเหล็ก", "helmet", 8)],
            ],
        ),
    ],
)
def test_columns_and_wrapping(width: int, expected: list[list[tuple[str, str, int]]]) -> None:
    assert layout(width) == expected


def test_rows_never_overflow_and_keep_every_word_whole() -> None:
    for width in range(6, 60):
        rows = interlinear_rows(TOKENS, GLOSSES, width)
        assert [c.thai for row in rows for c in row if not c.thai.isspace()] == [
            t for t in TOKENS if not t.isspace()
        ]
        for row in rows:
            assert sum(c.width for c in row) <= width or len(row) == 1
            for cell in row:
                assert cell_len(cell.thai) <= cell.width
                assert cell_len(cell.gloss) < cell.width or not cell.gloss


def test_a_gloss_wider_than_the_line_is_cut_with_an_ellipsis() -> None:
    rows = interlinear_rows(["ทหาร"], ["a very long machine gloss"], 10)
    assert [(c.thai, c.gloss, c.width) for c in rows[0]] == [("ทหาร", "a very l…", 10)]
