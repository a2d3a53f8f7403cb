"""The interlinear layout of the text view's paragraphs: a glossed word is as wide as the wider of its Thai
and its gloss + 1, lines wrap between words only, and a mouse selection maps back to the paragraph's
characters (the padding after a glossed word is no character)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from rich.cells import cell_len

from bilingual_reader.tui.reader.paragraph_view import ParagraphView

TOKENS = ["ทหาร", "ได้รับ", "เสื้อเกราะ", " ", "และ", "หมวกเหล็ก"]
GLOSSES = ["soldier", None, "body armour", None, None, "helmet"]
TEXT = "".join(TOKENS)


@dataclass(frozen=True)
class Tok:
    text: str
    start: int
    end: int
    is_word: bool = True
    is_term: bool = False


def paragraph(glosses: list[str | None] | None = GLOSSES, width: int = 20) -> ParagraphView:
    """The paragraph with ``glosses``, wrapped to ``width`` cells (as the view would have drawn it)."""
    view = ParagraphView(0, TEXT)
    tokens, at = [], 0
    for text in TOKENS:
        tokens.append(Tok(text, at, at + len(text), not text.isspace()))
        at += len(text)
    view.set_tokens(tokens)
    view.set_glosses(glosses)
    view.lines(width)
    return view


def cells(view: ParagraphView, width: int) -> list[list[tuple[str, int]]]:
    """Each wrapped line as (token text, cells) pairs."""
    return [[(TOKENS[p.token], p.width) for p in line.pieces] for line in view.lines(width)]


@pytest.mark.parametrize(
    ("width", "expected"),
    [
        (80, [[("ทหาร", 8), ("ได้รับ", 4), ("เสื้อเกราะ", 12), (" ", 1), ("และ", 3), ("หมวกเหล็ก", 8)]]),
        (
            20,
            [
                [("ทหาร", 8), ("ได้รับ", 4)],
                [("เสื้อเกราะ", 12), (" ", 1), ("และ", 3)],
                [("หมวกเหล็ก", 8)],
            ],
        ),
    ],
)
def test_glossed_words_are_as_wide_as_their_gloss_and_lines_wrap_between_words(
    width: int, expected: list[list[tuple[str, int]]]
) -> None:
    assert cells(paragraph(), width) == expected


def test_without_glosses_words_keep_their_own_width() -> None:
    assert cells(paragraph(None), 80) == [[(t, cell_len(t)) for t in TOKENS]]


def test_every_word_stays_whole_and_no_line_overflows() -> None:
    for width in range(12, 60):
        view = paragraph()
        lines = view.lines(width)
        assert [TOKENS[p.token] for line in lines for p in line.pieces if not p.text.isspace()] == [
            t for t in TOKENS if not t.isspace()
        ]
        assert all(line.width <= width for line in lines)


# A selection offset is (character x of the drawn line, wrapped line y); the padding after a glossed word
# belongs to no character: it maps to the end of that word, never into the next one. At 20 cells the lines
# are ทหาร(+4 padding) ได้รับ | เสื้อเกราะ(+2) " " และ | หมวกเหล็ก.
ทหาร_END = len("ทหาร")
ได้รับ_START = ทหาร_END


@pytest.mark.parametrize(
    ("x", "y", "offset"),
    [
        (0, 0, 0),  # the first character
        (2, 0, 2),  # inside ทหาร
        (len("ทหาร"), 0, ทหาร_END),  # the first padding character: the end of ทหาร
        (len("ทหาร") + 3, 0, ทหาร_END),  # deeper in the padding: still the end of ทหาร
        (len("ทหาร") + 4, 0, ได้รับ_START),  # the first character of ได้รับ (ทหาร drawn as 8 characters)
        (len("ทหาร") + 5, 0, ได้รับ_START + 1),
        (0, 1, len("ทหารได้รับ")),  # the second line starts with เสื้อเกราะ
        (len("เสื้อเกราะ") + 1, 1, len("ทหารได้รับเสื้อเกราะ")),  # its padding: its end
        (0, 2, TEXT.index("หมวกเหล็ก")),
        (99, 2, len(TEXT)),  # past the last line's end: the paragraph's end
    ],
)
def test_selection_offsets_skip_the_padding_after_glossed_words(x: int, y: int, offset: int) -> None:
    assert paragraph().char_offset(x, y) == offset


def test_a_selection_across_padding_gives_the_words_it_covers() -> None:
    view = paragraph()
    start, end = view.char_offset(1, 0), view.char_offset(len("เสื้อเกราะ") + 2, 1)
    assert TEXT[start:end] == "หารได้รับเสื้อเกราะ"
    assert view.tokens_between(start, end) == "ทหารได้รับเสื้อเกราะ"
