"""The reader with the LibreTranslate engine: English from the real server; a server that is down is said
once in the header and on each paragraph, and the reader keeps working."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilingual_reader.translation.engines.libretranslate import LibreTranslateEngine
from bilingual_reader.tui.app import create_app
from bilingual_reader.tui.reader.translation import TranslationController
from bilingual_reader.tui.services import ReaderServices
from libretranslate_server import LibreTranslateServer
from support import corpus_pairs
from translation.lt_fake import refused_url

from .pilot_helpers import reader, settle

PAIRS = corpus_pairs()[:3]


@pytest.fixture
def corpus_article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text("\n".join(thai for thai, _ in PAIRS) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("width", [160, 80])
async def test_a_server_that_is_down_is_said_once_and_the_reader_keeps_working(
    article_path: Path, glossary_path: Path, width: int
) -> None:
    url = refused_url()
    engine = LibreTranslateEngine(url)
    app = create_app(article_path, ReaderServices(glossary_path, engine_factory=lambda: engine))
    line = f"LibreTranslate at {url} refused the connection (is the server running?)"
    async with app.run_test(size=(width, 30)) as pilot:
        await settle(app, pilot)
        screen = reader(app)
        controller = screen.query_one("#translation", TranslationController)
        count = len(controller.results)
        assert count == 2
        assert controller.progress == f"⚠ {count} not translated: {line}"
        assert str(screen.sub_title).endswith(controller.progress)  # after the learner's counts
        for index in range(count):
            slot = controller.slot(index)
            assert slot is not None and slot.status == f"⚠ Translation failed: {line}"
        await pilot.press("j", "r")  # the reader still moves and asks again
        await settle(app, pilot)
        assert screen.text.cursor.paragraph == 1
        assert any(line in n.message for n in app._notifications)
        assert app.is_running


@pytest.mark.xdist_group("libretranslate")
async def test_english_from_the_real_server(
    libretranslate: LibreTranslateServer, corpus_article: Path, glossary_path: Path
) -> None:
    engine = LibreTranslateEngine(libretranslate.url)
    app = create_app(corpus_article, ReaderServices(glossary_path, engine_factory=lambda: engine))
    async with app.run_test(size=(160, 30)) as pilot:
        await settle(app, pilot)
        controller = reader(app).query_one("#translation", TranslationController)
        english = [controller.results[i].english for i in range(len(PAIRS))]
    assert english == [english for _, english in PAIRS]  # the full stop the server drops, restored
