"""The reader translates with a package of every published shape, beside another pair's broken package."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilingual_reader.translation.locations import packages_dir
from bilingual_reader.translation.packages import install_file
from bilingual_reader.tui.app import create_app
from support import SHAPES, corpus_pairs

from .pilot_helpers import reader, settle

PAIRS = [pair for pair in corpus_pairs() if "drone" in pair[1] or "navy" in pair[1]][:3]


@pytest.mark.parametrize(("name", "archive", "shape"), SHAPES, ids=[s[0] for s in SHAPES])
async def test_english_of_every_shape_streams_in(
    name: str, archive: Path, shape: str, tmp_path: Path, glossary_path: Path
) -> None:
    install_file(archive)
    broken = packages_dir() / "translate-de_en"
    broken.mkdir()
    (broken / "metadata.json").write_text("null")  # another pair's package, broken: skipped
    article = tmp_path / "news.txt"
    article.write_text("ข่าวกลาโหม\n" + "\n".join(thai for thai, _ in PAIRS) + "\n", encoding="utf-8")
    app = create_app(article, glossary_path)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(app, pilot)
        text = reader(app).text
        english = [text.paragraphs.english(i).translation for i in range(len(text))]
    # The headline is paragraph 0 too (the tiny model has no sentence for it): the trained ones follow.
    assert len(english) == len(PAIRS) + 1 and english[1:] == [en for _, en in PAIRS]
    assert not any("\u2581" in e or "@@" in e for e in english)
