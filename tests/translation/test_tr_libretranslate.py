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
from bilingual_reader.translation.engines.libretranslate import LibreTranslateEngine, cut, joined
from bilingual_reader.translation.memory import TranslationMemory
from bilingual_reader.translation.pipeline import translate_article
from bilingual_reader.translation.results import ParagraphResult

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
    assert [(r.english, r.source) for r in results] == [(f"EN({t}).", "engine") for t in THAI]
    assert [h.text for h in results[0].sentences[0].nbest] == [
        f"EN({THAI[0]}).",
        f"ALT1({THAI[0]}).",
        f"ALT2({THAI[0]}).",
    ]
    assert [h.score for h in results[0].sentences[0].nbest] == [0.0, -1.0, -2.0]
    asked = ["/languages", "/frontend/settings", "/spec", "/translate"]  # who it is: 3 GETs and the probe
    assert fake.paths == [*asked, "/translate", "/translate"]
    assert sorted(len(b["q"]) for b in fake.bodies) == [1, 4]  # the first batch small (the visible ones)
    assert all(b["source"] == "th" and b["target"] == "en" and b["alternatives"] == 2 for b in fake.bodies)
    [model] = {r.model for r in results}
    assert model == engine.model_key and model.startswith(f"libretranslate {fake.url} v1.9.6 th-en ")
    fake.paths.clear()
    assert [r.source for r in _run(engine)] == ["memory"] * len(THAI)
    assert fake.paths == []  # the same engine (the reader's, a session's) asks the server nothing
    reopened = _engine(fake.url)
    again = _run(reopened)
    assert [(r.english, r.source) for r in again] == [(f"EN({t}).", "memory") for t in THAI]
    assert fake.paths == asked and reopened.calls == 0  # a new engine asks who it is, translates nothing


def test_a_model_changed_behind_the_same_url_is_never_served_from_the_memory(
    fake: FakeLibreTranslate,
) -> None:
    old = _run(_engine(fake.url))
    fake.model = "NEW"  # the operator swapped the th→en package: same URL, same version, same languages
    new = _run(_engine(fake.url))
    assert [(r.english, r.source) for r in new] == [(f"NEW({t}).", "engine") for t in THAI]
    assert old[0].model != new[0].model
    fake.version, fake.model = "1.9.7", "EN"  # an upgrade with the old model: not the old key either
    upgraded = _run(_engine(fake.url))
    assert {r.source for r in upgraded} == {"engine"} and "v1.9.7" in upgraded[0].model


def test_a_server_that_cannot_be_asked_shows_what_it_translated_last(tmp_path: Any) -> None:
    with FakeLibreTranslate() as server:
        url = server.url
        first = _run(_engine(url))
        server.model = "NEW"
        second = _run(_engine(url))  # the newest key of that server is NEW's
    assert {r.source for r in first} == {r.source for r in second} == {"engine"}
    engine = _engine(url)
    down = _run(engine, _article([*THAI, "ประโยคใหม่"]))  # the server is gone
    assert [(r.english, r.source) for r in down[:-1]] == [(f"NEW({t}).", "memory") for t in THAI]
    assert down[-1].source == "failed" and "refused the connection" in str(down[-1].error)


def test_a_server_back_with_another_model_mid_pass_files_nothing_under_the_old_key() -> None:
    with FakeLibreTranslate() as server:
        _run(_engine(server.url))
        engine = _engine(server.url)
        known = engine.memory_key(lambda prefix: None)
        server.model = "NEW"
        engine._forget()  # the connection was lost: the pass goes on under the key it began with
        with pytest.raises(EngineUnavailable, match="is back with another model"):
            list(engine.translate(["ประโยคใหม่"]))
        assert engine.model_key != known and server.bodies[-1]["q"] != ["ประโยคใหม่"]


def test_local_and_remote_translations_never_mix() -> None:
    article = _article()
    local = FakeEngine(outputs={t: "LOCAL" for t in THAI})
    assert {r.english for r in translate_article(article, engine=local, memory=TranslationMemory())} == {
        "LOCAL"
    }
    with FakeLibreTranslate() as server:
        remote = _run(_engine(server.url), article)
        assert {r.source for r in remote} == {"engine"}
        assert [r.english for r in remote] == [f"EN({t})." for t in THAI]
    assert {r.source for r in translate_article(article, engine=local, memory=TranslationMemory())} == {
        "memory"
    }


def test_a_400_about_the_batch_size_splits_the_batch() -> None:
    with FakeLibreTranslate(batch_limit=2) as server:
        results = _run(_engine(server.url, batch_size=16))
        assert [r.english for r in results] == [f"EN({t})." for t in THAI]
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
    assert result.english == " ".join(f"EN({t})" for t in texts) + "."  # the dropped stop, once


def test_a_sentence_in_pieces_gets_alternatives_and_is_steered_by_them() -> None:
    """Pieces cut for the character limit came back with the best only: no alternative to steer to."""
    from bilingual_reader.glossary.models import Concept, Term
    from bilingual_reader.qa.check import TermChecker
    from bilingual_reader.translation.steering import Steerer

    first, second = "ทหาร สวมหมวกเหล็ก", "และ สวมเสื้อเกราะ"
    vest = Concept("armour", (Term("เสื้อเกราะ", "th"), Term("protective vest", "en")), id=1)
    with FakeLibreTranslate(char_limit=20) as server:
        server.alternatives = {
            first: ["Soldiers wore helmets", "The troops wore helmets"],
            second: ["and armour", "and a protective vest"],
        }
        article = _article([f"{first} {second}"])
        [plain] = _run(_engine(server.url), article)
        steerer = Steerer(TermChecker([vest]))
        memory = TranslationMemory()
        engine = _engine(server.url)
        [result] = list(translate_article(article, engine=engine, memory=memory, steerer=steerer))
    assert [b["q"] for b in server.bodies] == [[first, second]]
    assert [h.text for h in plain.sentences[0].nbest] == [
        f"EN({first}) EN({second}).",
        f"Soldiers wore helmets EN({second}).",  # rank 1: each piece's first alternative in turn
        f"EN({first}) and armour.",
        f"The troops wore helmets EN({second}).",  # rank 2
        f"EN({first}) and a protective vest.",
    ]
    [steering] = result.steering
    assert (steering.method, steering.text) == ("reranked", f"EN({first}) and a protective vest.")


@pytest.mark.parametrize(
    ("answers", "nbest"),
    [
        ([["a"], ["b"]], ["a b"]),
        ([["a", "a1"], ["b"]], ["a b", "a1 b"]),
        ([["a", "a1", "a2"], ["b", "b1"], ["c", ""]], ["a b c", "a1 b c", "a b1 c", "a2 b c"]),
        ([["a"], []], ["a"]),
    ],
)
def test_joined(answers: list[list[str]], nbest: list[str]) -> None:
    assert joined(answers) == nbest


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
    assert [r.english for r in results] == [f"EN({p})." for p in paragraphs]
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
    assert [(r.english, r.source) for r in results[1:]] == [(f"EN({t}).", "engine") for t in THAI[1:]]


def test_429_waits_as_retry_after_asks_then_goes_on(fake: FakeLibreTranslate) -> None:
    fake.script.extend([Answer(429, {"error": "Slowdown: 1 per 1 minute"}, {"Retry-After": "0"})] * 2)
    engine = _engine(fake.url, in_flight=1)
    waits: list[float] = []
    engine.server._sleep = waits.append
    results = _run(engine)
    assert [r.english for r in results] == [f"EN({t})." for t in THAI]
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


def test_a_server_that_cannot_be_asked_costs_one_wait_a_pass() -> None:
    with silent_server() as url:
        engine = _engine(url, timeout=0.2)
        assert {r.source for r in _run(engine)} == {"failed"}
        assert engine.server.requests == 1  # who it is: one timeout, not one more for the translation
        _run(engine)
        assert engine.server.requests == 2  # the next pass asks again (the server may be back)


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
        ("flagged", "EN(ทหารสวมหมวกเหล็ก).", ("steel helmet",)),  # no forced prefix through a server
    ]


def test_escape_sequences_from_a_server_never_reach_the_terminal() -> None:
    """A server's answer or error with OSC 52 (clipboard), OSC 0 and CSI was printed raw by `translate`."""
    dirty = "EN\x1b]0;TITLE\x07 \x1b]52;c;ZXZpbA==\x07\x1b[31m red\u202e"
    with FakeLibreTranslate() as server:
        server.script.append(Answer(200, {"translatedText": [dirty]}))
        results = _run(_engine(server.url, batch_size=1), _article(THAI[:1]))
    assert results[0].english == "EN  red."
    with FakeLibreTranslate() as server:
        server.script.extend([Answer(500, {"error": "boom\x1b]0;T\x07\x1b[2J"})] * 9)
        failed = _run(_engine(server.url, batch_size=1), _article(THAI[:1]))
    assert "\x1b" not in repr(failed) and "boom" in repr(failed)


@pytest.mark.parametrize(
    ("thai", "english", "restored"),
    [
        ("สวัสดีครับ", "Hello", "Hello."),  # the server dropped the model's full stop
        ("ทหารสวมเสื้อเกราะ", "Soldiers wear armour", "Soldiers wear armour."),
        ("คุณจะไปไหม", "Will you go", "Will you go?"),  # a Thai question word: the mark was a "?"
        ("เขาไปที่ไหนครับ", "Where did he go", "Where did he go?"),  # …before a polite particle
        ("ราคาเท่าไหร่คะ", "How much is it", "How much is it?"),
        ("ทำไม", "Why", "Why?"),
        ("ทหารสวมเสื้อเกราะ.", "Soldiers wear armour.", "Soldiers wear armour."),  # mirrored: kept
        ("จริงหรือ?", "Really?", "Really?"),
        ("ดี!", "Good!", "Good!"),
        ("เขาพูดว่า ใช่", 'He said "yes."', 'He said "yes."'),  # closed inside the quote
        ("เขารอ", "He waited…", "He waited…"),
        ("ข่าว", "", ""),  # nothing to restore
        ("", "Hello", "Hello"),
        ("ทหาร  ", "Soldier  ", "Soldier."),
    ],
)
def test_the_final_mark_the_server_drops_is_restored(thai: str, english: str, restored: str) -> None:
    from bilingual_reader.translation.engines.libretranslate_text import restore_final_mark

    assert restore_final_mark(thai, english) == restored


def test_an_answer_over_the_size_cap_is_refused_in_one_line_and_nothing_is_lost(
    fake: FakeLibreTranslate,
) -> None:
    """The client read a server's answer whole, however large (a broken or hostile server filled memory)."""
    engine = _engine(fake.url, batch_size=1, in_flight=1)
    engine.server.max_answer = 64 * 1024
    huge = Answer(200, {"translatedText": ["x" * 200_000]})
    fake.script.extend([huge, huge])  # the first batch, then the first paragraph's own retry
    results = _run(engine, _article(THAI[:3]))
    expected = (
        f"translation failed: LibreTranslate at {fake.url} sent more than 0.0625 MiB in answer to "
        "/translate; refused"
    )
    assert [(r.source, r.error) for r in results] == [("failed", expected), *[("engine", None)] * 2]
    assert [r.english for r in results[1:]] == [f"EN({t})." for t in THAI[1:3]]


def test_a_streamed_answer_without_a_length_is_cut_at_the_cap(fake: FakeLibreTranslate) -> None:
    from bilingual_reader.translation.engines.base import EngineError
    from bilingual_reader.translation.engines.libretranslate_http import Server

    server = Server(fake.url, timeout=5.0, max_answer=1000)
    fake.script.append(Answer(200, b"[" + b'"x",' * 5000 + b'"x"]', sized=False))  # read until closed
    with pytest.raises(EngineError, match=r"more than 0\.000953674 MiB in answer to /translate; refused"):
        server.translate(["ทหาร"], 0)
