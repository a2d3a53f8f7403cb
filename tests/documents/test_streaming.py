"""A plain-text document read a part at a time: the same paragraphs as reading it whole, whatever the cut."""

from __future__ import annotations

import io
import random
from pathlib import Path

import pytest

from bilingual_reader.documents.articles import article_from_text
from bilingual_reader.documents.errors import ArticleError
from bilingual_reader.documents.opening import open_document
from bilingual_reader.documents.streaming import (
    PART_BYTES,
    clean_paragraphs,
    stream_document,
    text_parts,
)
from bilingual_reader.thai.text import clean_text
from support import budget


def _whole(text: str) -> list[str]:
    """The paragraphs of ``text`` cleaned whole (what ``article_from_text`` keeps)."""
    return [line for line in (raw.strip() for raw in clean_text(text).split("\n")) if line]


def _cuts(text: str) -> list[list[str]]:
    """``text`` cut after each of its line breaks into two parts, and after every line into one part each."""
    ends = [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    cuts = [[text[:end], text[end:]] for end in ends]
    starts = [0, *ends]
    cuts.append([text[a:b] for a, b in zip(starts, [*ends, len(text)], strict=True)])
    return cuts


# (text, its paragraphs): what happens at a line start depends on whether it is the text's start.
CASES = [
    # a tone mark left dangling at the start of the text goes; at the start of a later line it stays
    ("\u0e48ทหาร\n\u0e48ปืน", ["ทหาร", "\u0e48ปืน"]),
    # ... also when only blank or invisible lines come before it
    ("\n \n\u200b\n\u0e48ทหาร\nปืน", ["ทหาร", "ปืน"]),
    # ... but not after a line of marks alone (they go, and so does that line; the next line is not first)
    ("\u0e4d\u0e34\n\u0e4c\nทหาร", ["\u0e4c", "ทหาร"]),
    # lakkhangyao becomes sara aa after a character, a line break included; not at the text's start
    ("\u0e45ทหาร\n\u0e45ปืน", ["\u0e45ทหาร", "\u0e32ปืน"]),
    # a mark after a space goes, also when the space begins a line (spaces around breaks go first)
    ("ทหาร\n \u0e49ปืน", ["ทหาร", "\u0e49ปืน"]),
    ("ทหาร \u0e49ปืน\nรถ", ["ทหาร ปืน", "รถ"]),
    # doubled sara e, repeated vowels and tone marks, a tone typed before the vowel: on either side
    ("\u0e40\u0e40ปลก\nนาาา\nก\u0e48\u0e48า\nก\u0e49\u0e34", ["แปลก", "นา", "ก\u0e48า", "ก\u0e34\u0e49"]),
    # Windows line ends, escapes, tabs, no-break spaces and invisible characters, a part at a time
    ("ทหาร\r\n\x1b[1mปืน\x1b[0m\r\nรถ\tถัง\u00a0หนัก\r\n\u200bเรือ\u200b", ["ทหาร", "ปืน", "รถ ถัง หนัก", "เรือ"]),
    # a line that cleaning empties is no paragraph, at the start and later
    ("\u200b\u200c\nทหาร\n\x1b[0m\nปืน\n", ["ทหาร", "ปืน"]),
    # no Thai at all: spaces collapse, lines are kept
    ("Main  Battle\n\n  Tank ", ["Main Battle", "Tank"]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_a_text_cleaned_a_part_at_a_time_gives_the_paragraphs_of_the_whole(
    text: str, expected: list[str]
) -> None:
    assert _whole(text) == expected
    for parts in _cuts(text):
        assert list(clean_paragraphs(parts)) == expected, parts


def test_random_texts_cut_anywhere_between_lines_give_the_paragraphs_of_the_whole() -> None:
    rng = random.Random(11)
    alphabet = [
        *"กขทหารปืนรถ ab9-",
        *["\n", "\n", "\n", "  ", "\r", "\r\n", "\t", "\u00a0", "\u200b", "\x1b[1m", "\x85"],
        *["\u0e48", "\u0e49", "\u0e40", "\u0e45", "\u0e32", "\u0e34", "\u0e38", "\u0e4c", "\u0e4d", "\u0e31"],
    ]
    for _ in range(budget(2_000, 20_000)):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 30)))
        expected = _whole(text)
        for parts in _cuts(text):
            assert list(clean_paragraphs(parts)) == expected, repr(parts)


def _book(paragraphs: int) -> str:
    """A long text of the shipped articles' lines (a chapter heading every 40 lines)."""
    from bilingual_reader.documents.articles import list_articles

    lines = [line for path in list_articles() for line in path.read_text(encoding="utf-8").splitlines()]
    out = []
    for index in range(paragraphs):
        out.append(f"บทที่ {index // 40 + 1}" if index % 40 == 0 else lines[index % len(lines)])
    return "\n".join(out) + "\n"


def test_text_parts_end_at_line_breaks_and_join_to_the_text() -> None:
    text = _book(400)
    data = ("\ufeff" + text).encode("utf-8")
    parts = list(text_parts(io.BytesIO(data[1000:]), "book.txt", first=data[:1000], size=4096))
    assert len(parts) > 10
    assert "".join(parts) == text  # the BOM dropped, nothing else
    assert all(part.endswith("\n") for part in parts)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"ok\nok\n\xff\xfe\n", "book.txt: line 3: not UTF-8 (byte 0xff)"),
        (b"ok\n" * 3000 + b"\xe0\xb8\n", "book.txt: line 3001: not UTF-8 (byte 0xe0)"),
        (b"ok\nno\x00\n", "book.txt: binary file (NUL bytes); UTF-16 text needs a byte-order mark"),
        (b"ok\n" * 5000, "book.txt: too large (the article file limit is 0 MiB)"),
    ],
)
def test_text_parts_refuse_bad_bytes_with_one_line_naming_the_file_and_line(
    data: bytes, message: str
) -> None:
    limit = 10_000 if len(data) >= 15_000 else 1 << 20
    with pytest.raises(ArticleError) as caught:
        list(text_parts(io.BytesIO(data), "book.txt", limit=limit, size=1024))
    assert str(caught.value) == message


def test_a_long_text_file_streams_the_paragraphs_and_roles_of_reading_it_whole(tmp_path: Path) -> None:
    path = tmp_path / "book.txt"
    path.write_text("กองทัพเรือไทย\n" + _book(3000), encoding="utf-8")
    assert path.stat().st_size > 2 * PART_BYTES
    stream = stream_document(path)
    assert not stream.complete
    assert len(stream.known) == 2  # read ahead only to tell whether the first line is a title
    article = open_document(path)
    assert list(stream) == [(i, p, article.role(i)) for i, p in enumerate(article.paragraphs)]
    assert article.role(0) == "title"
    assert (article.role(1), len(article.chapters)) == ("heading", 75)  # its "บทที่ N" lines


@pytest.mark.parametrize("name", ["short.txt", "short.md"])
def test_a_short_or_other_document_is_read_whole(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text("# หัวข้อ\n\nทหาร **เรือ**\n", encoding="utf-8")
    stream = stream_document(path)
    article = open_document(path)
    assert stream.complete
    assert stream.known == list(article.paragraphs)
    assert list(stream) == [(i, p, article.role(i)) for i, p in enumerate(article.paragraphs)]


def test_a_long_text_in_thai_windows_874_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "book.txt"
    text = _book(3000)
    path.write_bytes(text.encode("cp874"))
    stream = stream_document(path)
    assert stream.complete
    assert stream.known == list(article_from_text(text, path=path).paragraphs)


def test_a_missing_file_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match=r"^.*nothing\.txt: no such file$"):
        stream_document(tmp_path / "nothing.txt")
