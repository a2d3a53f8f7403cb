"""Reopening an article against a LibreTranslate server: the memory's English comes before the server is
asked who it is; a model swapped behind the same URL still gets a new key and its old English is marked
stale; nothing is translated on reopening."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from bilingual_reader.documents.articles import Article, article_from_text
from bilingual_reader.translation.engines.libretranslate import LibreTranslateEngine
from bilingual_reader.translation.memory import TranslationMemory
from bilingual_reader.translation.pipeline import translate_article
from bilingual_reader.translation.reopen import last_identity, memory_first
from bilingual_reader.translation.results import ParagraphResult
from bilingual_reader.translation.session import TranslationSession
from bilingual_reader.tui.reader.translation_order import TranslationOrder, translate_in_order

from .fakes import FakeEngine
from .lt_fake import FakeLibreTranslate, refused_url

THAI = ["กองทัพบก ซื้อปืน", "ทหาร สวมเสื้อเกราะ", "เรือรบ แล่นเข้าท่า"]
ASKED = ["/languages", "/frontend/settings", "/spec", "/translate"]  # who it is: 3 GETs and the probe


def _article() -> Article:
    return article_from_text("\n".join(THAI), title="ข่าว")


@pytest.fixture
def fake() -> Iterator[FakeLibreTranslate]:
    with FakeLibreTranslate() as server:
        yield server


def _translated(url: str, path: Path | None = None) -> tuple[TranslationMemory, str]:
    """A memory (at ``path``) holding the article's English from the server at ``url``, and its key."""
    memory = TranslationMemory(path)
    results = list(translate_article(_article(), engine=LibreTranslateEngine(url), memory=memory))
    assert {r.source for r in results} == {"engine"}
    return memory, results[0].model


def test_the_memory_is_shown_before_anything_is_sent_then_the_same_key_is_confirmed(
    fake: FakeLibreTranslate,
) -> None:
    memory, key = _translated(fake.url)
    fake.paths.clear()
    engine = LibreTranslateEngine(fake.url)
    assert last_identity(engine, memory) == key
    shown: list[tuple[str, str, list[str]]] = []

    def show(result: ParagraphResult) -> None:
        shown.append((result.english, result.source, list(fake.paths)))

    article = article_from_text("\n".join([*THAI, "ประโยคใหม่"]), title="ข่าว")
    confirmed = memory_first(article, engine=engine, memory=memory, show=show, order=[2])
    assert shown == [(f"EN({THAI[i]}).", "memory", []) for i in (2, 0, 1)]  # the server not asked yet
    assert memory.get_splits(["ประโยคใหม่"]) == {}  # a paragraph never seen is not even split first
    assert confirmed == key and fake.paths == ASKED and engine.calls == 0
    assert last_identity(engine, memory) is None  # it knows who it is now: nothing more to show first


def test_a_model_swapped_behind_the_url_gets_a_new_key_and_the_old_english_is_marked_stale(
    fake: FakeLibreTranslate,
) -> None:
    memory, old_key = _translated(fake.url)
    fake.model = "NEW"
    engine = LibreTranslateEngine(fake.url)
    shown: list[ParagraphResult] = []
    key = memory_first(_article(), engine=engine, memory=memory, show=shown.append)
    assert key is not None and key != old_key and key.startswith(f"libretranslate {fake.url} v1.9.6 th-en ")
    line = f"translation failed: LibreTranslate at {fake.url} has another model now; translating again"
    assert [(r.index, r.english, r.source, r.error) for r in shown] == [
        *((i, f"EN({t}).", "memory", None) for i, t in enumerate(THAI)),
        *((i, "", "failed", line) for i in range(len(THAI))),
    ]
    again = sorted(
        translate_article(_article(), engine=engine, memory=memory, key=key), key=lambda r: r.index
    )
    assert [(r.english, r.source, r.model) for r in again] == [(f"NEW({t}).", "engine", key) for t in THAI]
    assert len(fake.probes) == 2  # one for the first run, one to confirm: the pass did not ask again


def test_a_server_that_cannot_be_asked_keeps_the_memory_shown_and_costs_one_wait() -> None:
    with FakeLibreTranslate() as server:
        url = server.url
        memory, key = _translated(url)
    engine = LibreTranslateEngine(url)
    shown: list[ParagraphResult] = []
    confirmed = memory_first(_article(), engine=engine, memory=memory, show=shown.append)
    assert confirmed == key and [r.source for r in shown] == ["memory"] * len(THAI)
    article = article_from_text("\n".join([*THAI, "ประโยคใหม่"]), title="ข่าว")
    results = list(translate_article(article, engine=engine, memory=memory, key=confirmed))
    assert [r.source for r in results] == ["memory"] * len(THAI) + ["failed"]
    assert "refused the connection" in str(results[-1].error)


def test_other_engines_show_nothing_first() -> None:
    memory = TranslationMemory()
    shown: list[ParagraphResult] = []
    assert memory_first(_article(), engine=FakeEngine(), memory=memory, show=shown.append) is None
    assert (
        memory_first(_article(), engine=LibreTranslateEngine(refused_url()), memory=memory, show=shown.append)
        is None
    )
    assert shown == []  # nothing of that server in the memory: the normal pass asks it


def test_the_reader_shows_the_memory_while_the_probe_is_held_and_translates_nothing(
    fake: FakeLibreTranslate, tmp_path: Path
) -> None:
    memory, key = _translated(fake.url, tmp_path / "memory.db")
    memory.close()
    fake.bodies.clear()
    gate = fake.probe_gate = threading.Event()  # a server still loading its model
    posted: list[tuple[ParagraphResult, int]] = []
    all_shown = threading.Event()

    def post(result: ParagraphResult, done: int) -> None:
        posted.append((result, done))
        if len(posted) == len(THAI):
            all_shown.set()

    def work() -> None:  # the reader's worker thread: its own memory connection
        with TranslationSession(
            LibreTranslateEngine(fake.url), TranslationMemory(tmp_path / "memory.db")
        ) as s:
            translate_in_order(s, _article(), TranslationOrder(len(THAI)), post, lambda: False)

    worker = threading.Thread(target=work)
    worker.start()
    try:
        assert all_shown.wait(timeout=10)
        assert worker.is_alive() and not gate.is_set()  # the probe is still unanswered
        assert [(r.english, r.source, done) for r, done in posted] == [
            (f"EN({t}).", "memory", i + 1) for i, t in enumerate(THAI)
        ]
    finally:
        gate.set()
        worker.join(timeout=10)
    assert not worker.is_alive()
    assert [(r.english, r.source, r.model) for r, _ in posted[len(THAI) :]] == [
        (f"EN({t}).", "memory", key) for t in THAI
    ]
    assert posted[-1][1] == len(THAI) and fake.bodies == [] and len(fake.probes) == 2
