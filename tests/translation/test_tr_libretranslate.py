"""The LibreTranslate engine against a scripted server: batching, limits, n-best, memory, every fault.

The real server is exercised in ``test_tr_libretranslate_real.py``; here are the faults it cannot be made to
produce on demand, and exact request counts.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest

from bilingual_reader.documents.articles import Article, article_from_text
from bilingual_reader.translation.engines.base import EngineUnavailable
from bilingual_reader.translation.engines.libretranslate import LibreTranslateEngine, cut
from bilingual_reader.translation.memory import TranslationMemory
from bilingual_reader.translation.pipeline import ParagraphResult, translate_article

from .fakes import FakeEngine
from .lt_fake import Answer, FakeLibreTranslate, refused_url, silent_server

THAI = ["กองทัพบก ซื้อปืน", "ทหาร สวมเสื้อเกราะ", "เรือรบ แล่นเข้าท่า", "โดรน บินเหนือฐาน", "รถถัง ข้ามสะพาน"]


def _article(paragraphs: list[str] = THAI) -> Article:
    return article_from_text("\n".join(paragraphs), title="ข่าว")


@pytest.fixture
def fake() -> Iterator[FakeLibreTranslate]:
    with FakeLibreTranslate() as server:
        yield server


def _run(engine: LibreTranslateEngine, article: Article | None = None) -> list[ParagraphResult]:
    results = translate_article(article or _article(), engine=engine, memory=TranslationMemory())
    return sorted(results, key=lambda r: r.index)


def _engine(url: str, **options: Any) -> LibreTranslateEngine:
    return LibreTranslateEngine(url, **options)


def test_translates_in_batches_with_alternatives_then_memory_makes_zero_calls(
    fake: FakeLibreTranslate,
) -> None:
    engine = _engine(fake.url, batch_size=16)
    results = _run(engine)
    assert [(r.english, r.source) for r in results] == [(f"EN({t})", "engine") for t in THAI]
    assert [h.text for h in results[0].sentences[0].nbest] == [
        f"EN({THAI[0]})",
        f"ALT1({THAI[0]})",
        f"ALT2({THAI[0]})",
    ]
    assert [h.score for h in results[0].sentences[0].nbest] == [0.0, -1.0, -2.0]
    assert fake.paths == ["/languages", "/frontend/settings", "/translate", "/translate"]
    assert sorted(len(b["q"]) for b in fake.bodies) == [1, 4]  # the first batch small (the visible ones)
    assert all(b["source"] == "th" and b["target"] == "en" and b["alternatives"] == 2 for b in fake.bodies)
    assert {r.model for r in results} == {f"libretranslate {fake.url}"}
    fake.paths.clear()
    reopened = _engine(fake.url)
    again = _run(reopened)
    assert [(r.english, r.source) for r in again] == [(f"EN({t})", "memory") for t in THAI]
    assert fake.paths == []  # reopening asked the server nothing, not even /languages


def test_local_and_remote_translations_never_mix() -> None:
    article = _article()
    local = FakeEngine(outputs={t: "LOCAL" for t in THAI})
    assert {r.english for r in translate_article(article, engine=local, memory=TranslationMemory())} == {
        "LOCAL"
    }
    with FakeLibreTranslate() as server:
        remote = _run(_engine(server.url), article)
        assert {r.source for r in remote} == {"engine"}
        assert [r.english for r in remote] == [f"EN({t})" for t in THAI]
    assert {r.source for r in translate_article(article, engine=local, memory=TranslationMemory())} == {
        "memory"
    }


def test_a_400_about_the_batch_size_splits_the_batch() -> None:
    with FakeLibreTranslate(batch_limit=2) as server:
        results = _run(_engine(server.url, batch_size=16))
        assert [r.english for r in results] == [f"EN({t})" for t in THAI]
        sizes = [len(b["q"]) for b in server.bodies]
    assert sorted(sizes) == [1, 2, 2, 4]  # 4 refused, then its halves; the last batch of 1 fits


def test_a_sentence_over_the_character_limit_goes_in_pieces() -> None:
    long = "ทหาร " * 12 + "สวมเสื้อเกราะ"
    with FakeLibreTranslate(char_limit=20) as server:
        engine = _engine(server.url)
        [result] = _run(engine, _article([long]))
        texts = [t for b in server.bodies for t in b["q"]]
    assert max(len(t) for t in texts) <= 20
    assert " ".join(texts) == " ".join(long.split())
    assert result.english == " ".join(f"EN({t})" for t in texts)


@pytest.mark.parametrize(
    ("text", "limit", "pieces"),
    [
        ("aaa bbb ccc", 7, ["aaa bbb", "ccc"]),
        ("aaa bbb ccc", 4, ["aaa", "bbb", "ccc"]),
        ("abcdefgh", 3, ["abc", "def", "gh"]),
        ("short", 10, ["short"]),
    ],
)
def test_cut(text: str, limit: int, pieces: list[str]) -> None:
    assert cut(text, limit) == pieces


def test_requests_run_in_parallel_over_reused_connections(fake: FakeLibreTranslate) -> None:
    fake.barrier = threading.Barrier(3)  # each request waits until three are in flight
    engine = _engine(fake.url, batch_size=4, in_flight=3)
    paragraphs = [f"{t} {n}" for n in range(6) for t in THAI][:22]  # chunks of 4, 4, 4, 4, 4, 2
    results = _run(engine, _article(paragraphs))
    assert [r.english for r in results] == [f"EN({p})" for p in paragraphs]
    assert fake.most_in_flight == 3
    assert len(fake.bodies) == 6
    assert len(fake.clients) <= 3  # eight requests, at most three connections


@pytest.mark.parametrize(
    ("answer", "reason"),
    [
        (
            Answer(500, {"error": "Cannot translate text: boom"}),
            "failed to translate (500: Cannot translate text: boom)",
        ),
        (
            Answer(200, "<html>oops</html>"),
            "sent a malformed answer to /translate (not JSON: '<html>oops</html>')",
        ),
        (Answer(200, {"translatedText": "x"}), "sent a malformed answer (no translations list)"),
        (Answer(200, {"translatedText": []}), "returned 0 translations for 1 sentences"),
    ],
)
def test_a_failed_batch_fails_only_its_paragraph(
    fake: FakeLibreTranslate, answer: Answer, reason: str
) -> None:
    fake.script.extend([answer, answer])  # the batch, then the first paragraph's own retry
    results = _run(_engine(fake.url, batch_size=16, in_flight=1))
    assert results[0].source == "failed"
    assert results[0].error == f"translation failed: LibreTranslate at {fake.url} {reason}"
    assert [(r.english, r.source) for r in results[1:]] == [(f"EN({t})", "engine") for t in THAI[1:]]


def test_429_waits_as_retry_after_asks_then_goes_on(fake: FakeLibreTranslate) -> None:
    fake.script.extend([Answer(429, {"error": "Slowdown: 1 per 1 minute"}, {"Retry-After": "0"})] * 2)
    engine = _engine(fake.url, in_flight=1)
    waits: list[float] = []
    engine.server._sleep = waits.append
    results = _run(engine)
    assert [r.english for r in results] == [f"EN({t})" for t in THAI]
    assert waits == [0.0, 0.0]


def test_429_without_retry_after_backs_off_until_the_budget_is_spent(fake: FakeLibreTranslate) -> None:
    fake.script.extend([Answer(429, {"error": "Slowdown: 2 per 1 minute"})] * 10)
    engine = _engine(fake.url, max_wait=10.0, in_flight=1)
    waits: list[float] = []
    engine.server._sleep = waits.append
    results = _run(engine)
    assert waits == [0.5, 1.0, 2.0, 4.0]  # the next (8 s) would pass 10 s
    expected = (
        f"translation failed: LibreTranslate at {fake.url} kept answering 429 (too many requests: "
        "Slowdown: 2 per 1 minute) for 8 s; try again later"
    )
    assert [(r.source, r.error) for r in results] == [("failed", expected)] * len(THAI)
    assert len(fake.bodies) == 5  # no paragraph-by-paragraph retries once the server is unavailable


def _reasons(url: str, **options: Any) -> set[str | None]:
    return {r.error for r in _run(_engine(url, **options))}


def test_connection_refused_is_one_line_on_every_paragraph() -> None:
    url = refused_url()
    assert _reasons(url) == {
        f"translation failed: LibreTranslate at {url} refused the connection (is the server running?)"
    }


def test_dns_failure_is_one_line() -> None:
    url = "http://no-such-server.invalid:5000"
    server = "no-such-server.invalid"
    expected = (
        f"translation failed: cannot find the LibreTranslate server {server} (DNS lookup failed for {url})"
    )
    assert _reasons(url) == {expected}


def test_a_server_that_never_answers_times_out() -> None:
    with silent_server() as url:
        assert _reasons(url, timeout=0.2) == {
            f"translation failed: LibreTranslate at {url} did not answer within 0.2 s"
        }


def test_a_missing_or_refused_key_is_one_line_and_the_key_never_shows() -> None:
    with FakeLibreTranslate(key="s3cret-key") as server:
        [missing] = _reasons(server.url)
        assert missing is not None
        assert "needs an API key (400: Please contact the server operator to get an API key)" in missing
        assert "BILINGUAL_READER_LIBRETRANSLATE_KEY" in missing
        [wrong] = _reasons(server.url, api_key="wrong-key")
        refused = "refused the API key (403: Invalid API key)"
        assert wrong == f"translation failed: LibreTranslate at {server.url} {refused}"
        engine = _engine(server.url, api_key="s3cret-key")
        assert "s3cret" not in repr(engine) + repr(engine.server)
        memory = TranslationMemory()
        results = list(translate_article(_article(), engine=engine, memory=memory))
        assert {r.source for r in results} == {"engine"}
        assert server.bodies[-1]["api_key"] == "s3cret-key"
        memory.close()
    assert b"s3cret" not in memory.path.read_bytes()


def test_a_server_without_thai_to_english_is_one_line() -> None:
    with FakeLibreTranslate(targets=("fr",)) as server:
        engine = _engine(server.url)
        with pytest.raises(EngineUnavailable, match=r"does not offer Thai→English \(Thai → fr\)"):
            list(engine.translate(["ทหาร"]))
        assert server.bodies == []


def test_alternatives_are_reranked_toward_the_glossary_then_flagged(fake: FakeLibreTranslate) -> None:
    from bilingual_reader.glossary.models import Concept, Term
    from bilingual_reader.qa.check import TermChecker
    from bilingual_reader.translation.steering import Steerer

    vest = Concept("armour", (Term("เสื้อเกราะ", "th"), Term("protective vest", "en")), id=1)
    helmet = Concept("armour", (Term("หมวกเหล็ก", "th"), Term("steel helmet", "en")), id=2)
    fake.alternatives = {
        "ทหารสวมเสื้อเกราะ": ["Soldiers wore armor.", "Soldiers wore protective vests."],
        "ทหารสวมหมวกเหล็ก": ["Soldiers wore hats."],
    }
    steerer = Steerer(TermChecker([vest, helmet]))
    article = _article(["ทหารสวมเสื้อเกราะ", "ทหารสวมหมวกเหล็ก"])
    results = sorted(
        translate_article(article, engine=_engine(fake.url), memory=TranslationMemory(), steerer=steerer),
        key=lambda r: r.index,
    )
    assert [(s.method, s.text, s.suggestions) for r in results for s in r.steering] == [
        ("reranked", "Soldiers wore protective vests.", ()),
        ("flagged", "EN(ทหารสวมหมวกเหล็ก)", ("steel helmet",)),  # no forced prefix through a server
    ]


def test_escape_sequences_from_a_server_never_reach_the_terminal() -> None:
    """A server's answer or error with OSC 52 (clipboard), OSC 0 and CSI was printed raw by `translate`."""
    dirty = "EN\x1b]0;TITLE\x07 \x1b]52;c;ZXZpbA==\x07\x1b[31m red\u202e"
    with FakeLibreTranslate() as server:
        server.script.append(Answer(200, {"translatedText": [dirty]}))
        results = _run(_engine(server.url, batch_size=1), _article(THAI[:1]))
    assert results[0].english == "EN  red"
    with FakeLibreTranslate() as server:
        server.script.extend([Answer(500, {"error": "boom\x1b]0;T\x07\x1b[2J"})] * 9)
        failed = _run(_engine(server.url, batch_size=1), _article(THAI[:1]))
    assert "\x1b" not in repr(failed) and "boom" in repr(failed)
