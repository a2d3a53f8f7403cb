"""The export formats written paragraph by paragraph give exactly ``render``'s bytes, in every format."""

from __future__ import annotations

import pytest

from bilingual_reader.documents.opening import open_document
from bilingual_reader.translation.engines.base import SentenceTranslation
from bilingual_reader.translation.export import FORMATS, render
from bilingual_reader.translation.export_stream import stream_render
from bilingual_reader.translation.results import ParagraphResult, Source
from bilingual_reader.translation.steering import SentenceSteering
from support import ROOT

ARTICLE = open_document(ROOT / "articles" / "02-thai-navy-submarine-and-air-force-gripen-procurement.txt")
SOURCES: list[Source] = ["engine", "memory", "post-edit", "failed"]


def results() -> list[ParagraphResult]:
    """One result per paragraph: every source, flags, errors, steering, XML and JSON specials."""
    out = []
    for i, thai in enumerate(ARTICLE.paragraphs):
        source = SOURCES[i % 4]
        english = "" if source == "failed" else f'English {i} <b>&amp; "quoted"</b> ไทย'
        steering = (
            (SentenceSteering(thai, english, "engine text", "prefix", ("a", "b")),) if i % 5 == 1 else ()
        )
        out.append(
            ParagraphResult(
                i,
                thai,
                english,
                source,
                (SentenceTranslation(thai, english, ()),),
                ("number-missing",) if i % 3 == 0 else (),
                "translation failed: boom" if source == "failed" else None,
                english,
                "model@1",
                steering,
            )
        )
    return out


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("count", [None, 1, 0], ids=["article", "one", "none"])
def test_pieces_join_to_render_s_bytes(fmt: str, count: int | None) -> None:
    chosen = results()[:count]
    pieces = list(stream_render(fmt, ARTICLE, iter(chosen)))
    assert b"".join(pieces) == render(fmt, ARTICLE, chosen)
    if count is None:
        assert len(pieces) >= len(chosen) // 2  # paragraph by paragraph, not at the end
