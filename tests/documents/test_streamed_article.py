"""A long text as an article read twice (``translate``): the same id, legacy id, title and roles as reading
it whole, its paragraphs handed out a window at a time."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilingual_reader.documents.articles import Article, list_articles
from bilingual_reader.documents.opening import open_document
from bilingual_reader.documents.streamed_article import StreamedArticle, WindowedParagraphs, open_streamed
from bilingual_reader.documents.streaming import PART_BYTES


def test_windowed_paragraphs_are_read_in_order_and_dropped_behind() -> None:
    read: list[int] = []

    def source() -> object:
        for i in range(10):
            read.append(i)
            yield f"p{i}"

    paragraphs = WindowedParagraphs(10, source(), keep=2)  # type: ignore[arg-type]
    assert len(paragraphs) == 10 and read == []
    assert [paragraphs[0], paragraphs[1], paragraphs[1]] == ["p0", "p1", "p1"]
    assert paragraphs[5] == "p5" and read == [0, 1, 2, 3, 4, 5]  # read as far as asked, no further
    assert [paragraphs[3], paragraphs[4], paragraphs[-4]] == ["p3", "p4", "p6"]  # two kept behind the last
    with pytest.raises(IndexError, match="already read and dropped"):
        paragraphs[3]
    with pytest.raises(IndexError):
        paragraphs[10]


@pytest.mark.parametrize(
    "first",
    [
        "กองทัพเรือไทย\n",
        "ทหาร ๓ นาย เดินทาง ไป ยัง ค่าย ทหาร ใน จังหวัด เชียงใหม่ เมื่อ วาน นี้\n",
        "",  # the first line is a chapter line: a heading, not the title
    ],
)
def test_a_long_text_read_twice_is_the_article_read_whole(tmp_path: Path, first: str) -> None:
    path = tmp_path / "book.txt"
    text = "\n".join(p.read_text(encoding="utf-8") for p in list_articles())
    path.write_text(first + "\n".join(f"บทที่ {n}\n{text}" for n in range(1, 13)), encoding="utf-8")
    assert path.stat().st_size > PART_BYTES
    streamed, whole = open_streamed(path), open_document(path)
    assert isinstance(streamed, StreamedArticle)
    assert (streamed.article_id, streamed.legacy_id) == (whole.article_id, whole.legacy_id)
    assert (streamed.title, len(streamed.paragraphs)) == (whole.title, len(whole.paragraphs))
    assert [streamed.role(i) for i in range(len(whole.paragraphs))] == list(whole.roles)
    assert whole.roles.count("heading") == len(whole.chapters) == 12
    assert [streamed.paragraphs[i] for i in range(len(whole.paragraphs))] == list(whole.paragraphs)


def test_a_short_text_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "short.txt"
    path.write_text("กองทัพเรือ\nทหาร\n", encoding="utf-8")
    assert isinstance(open_streamed(path), Article)
