"""The LibreTranslate engine against the real server (its own venv) running the trained test package.

Same English as the local engine (its final full stop restored), zero translation calls on reopening,
steering that flags (no forced prefix remotely), and the faults a real server produces: killed
mid-article, a required API key, a request limit (429, backed off, then on), a batch limit, a character
limit. Skipped locally without ``make libretranslate``; a failure in CI (``CI=true``).
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from bilingual_reader.documents.articles import Article, article_from_text
from bilingual_reader.glossary.models import Concept, Term
from bilingual_reader.qa.check import TermChecker
from bilingual_reader.translation.engines.libretranslate import PROBE_THAI, LibreTranslateEngine
from bilingual_reader.translation.engines.local import LocalEngine
from bilingual_reader.translation.memory import TranslationMemory
from bilingual_reader.translation.packages import InstalledModel
from bilingual_reader.translation.pipeline import translate_article
from bilingual_reader.translation.results import ParagraphResult
from bilingual_reader.translation.steering import Steerer
from conftest import LibreTranslateServers
from libretranslate_server import LibreTranslateServer
from support import corpus_pairs

pytestmark = pytest.mark.xdist_group("libretranslate")

PAIRS = corpus_pairs()[:10]


def _article(paragraphs: list[str] | None = None) -> Article:
    return article_from_text("\n".join(paragraphs or [thai for thai, _ in PAIRS]), title="ข่าว")


def _run(engine: object, article: Article, steerer: Steerer | None = None) -> list[ParagraphResult]:
    memory = TranslationMemory()
    try:
        results = translate_article(article, engine=engine, memory=memory, steerer=steerer)  # type: ignore[arg-type]
        return sorted(results, key=lambda r: r.index)
    finally:
        memory.close()


def _bare(text: str) -> str:
    """English without its final punctuation (for the corpus's own English)."""
    return text.rstrip(".!?")


IDENTITY_REQUESTS = 4  # /languages, /frontend/settings, /spec and the probe's /translate


def test_same_english_as_the_local_engine_then_zero_calls(
    libretranslate: LibreTranslateServer, trained_model: InstalledModel
) -> None:
    article = _article()
    local = _run(LocalEngine(trained_model), article)
    engine = LibreTranslateEngine(libretranslate.url, batch_size=4)
    remote = _run(engine, article)
    assert [r.source for r in remote] == ["engine"] * len(PAIRS)
    assert [r.english for r in remote] == [r.english for r in local]  # exactly: the full stop restored
    assert [_bare(r.english) for r in remote] == [_bare(english) for _, english in PAIRS]
    assert all(len(r.sentences[0].nbest) >= 2 for r in remote)  # the alternatives came back
    assert engine.calls == 3  # batches of 4, 4, 2 (the first small, for the visible paragraphs)
    assert remote[0].model.startswith(f"libretranslate {libretranslate.url} v1.9.6 th-en ")
    requests = engine.server.requests
    assert {r.source for r in _run(engine, article)} == {"memory"}
    assert engine.server.requests == requests  # the same engine: no request at all
    reopened = LibreTranslateEngine(libretranslate.url)
    again = _run(reopened, article)
    assert [(r.english, r.source) for r in again] == [(r.english, "memory") for r in remote]
    assert (reopened.calls, reopened.server.requests) == (0, IDENTITY_REQUESTS)  # who it is; no sentence


def test_a_term_the_server_misses_is_flagged_with_the_suggestion(
    libretranslate: LibreTranslateServer,
) -> None:
    vest = Concept("armour", (Term("เสื้อเกราะ", "th"), Term("protective vest", "en")), id=1)
    thai = "รัฐบาลส่งเสื้อเกราะให้ตำรวจ"  # the package says "The government sent body armor to the police."
    steerer = Steerer(TermChecker([vest]))
    [result] = _run(LibreTranslateEngine(libretranslate.url), _article([thai]), steerer)
    [steering] = result.steering
    assert (steering.method, steering.suggestions) == ("flagged", ("protective vest",))
    assert result.english == "The government sent body armor to the police."


def test_a_server_killed_mid_article_loses_nothing_and_resumes_after_a_restart(
    libretranslate: LibreTranslateServer,
) -> None:
    article = _article()
    engine = LibreTranslateEngine(libretranslate.url, batch_size=2, in_flight=1)
    memory = TranslationMemory()
    first: list[ParagraphResult] = []
    try:
        for result in translate_article(article, engine=engine, memory=memory):
            first.append(result)
            if len(first) == 1:
                libretranslate.kill()
    finally:
        libretranslate.start().wait()  # the same port: the same engine identity (and other tests' server)
    done = [r.index for r in first if r.source == "engine"]
    failed = [r for r in first if r.source == "failed"]
    assert done and failed and len(done) + len(failed) == len(PAIRS)
    [error] = {r.error for r in failed}  # refused, or the connection lost if a batch was in flight
    assert error is not None
    assert error.startswith("translation failed: ") and libretranslate.url in error
    sent: list[str] = []
    resumed = LibreTranslateEngine(libretranslate.url)
    real = resumed.server.translate

    def record(texts: Sequence[str], alternatives: int) -> list[list[str]]:
        if list(texts) != [PROBE_THAI]:  # the identity probe: the same model came back
            sent.extend(texts)
        return real(texts, alternatives)

    resumed.server.translate = record  # type: ignore[method-assign]
    again = sorted(translate_article(article, engine=resumed, memory=memory), key=lambda r: r.index)
    memory.close()
    assert [r.source for r in again] == ["memory" if i in done else "engine" for i in range(len(PAIRS))]
    assert sorted(sent) == sorted(PAIRS[r.index][0] for r in failed)  # nothing translated twice
    assert [_bare(r.english) for r in again] == [_bare(english) for _, english in PAIRS]
    assert {r.model for r in again} == {r.model for r in first}


def test_a_required_key_missing_wrong_and_right(strict_libretranslate: LibreTranslateServers) -> None:
    url = strict_libretranslate.strict.url
    article = _article([PAIRS[0][0]])
    [missing] = {r.error for r in _run(LibreTranslateEngine(url), article)}
    assert missing is not None
    assert missing.startswith(f"translation failed: LibreTranslate at {url} needs an API key (400: ")
    [wrong] = {r.error for r in _run(LibreTranslateEngine(url, api_key="not-a-key"), article)}
    assert wrong == f"translation failed: LibreTranslate at {url} refused the API key (403: Invalid API key)"
    [result] = _run(LibreTranslateEngine(url, api_key=strict_libretranslate.key), article)
    assert (_bare(result.english), result.source) == (_bare(PAIRS[0][1]), "engine")
    assert result.english.endswith(".")


def test_the_batch_limit_splits_batches(strict_libretranslate: LibreTranslateServers) -> None:
    engine = LibreTranslateEngine(strict_libretranslate.strict.url, api_key=strict_libretranslate.key)
    results = _run(engine, _article([thai for thai, _ in PAIRS[:5]]))
    assert [_bare(r.english) for r in results] == [_bare(english) for _, english in PAIRS[:5]]
    assert engine.calls == 1 + 2 + 1  # 4 refused (400), then 2 and 2; then the last 1


def test_a_sentence_over_the_character_limit_goes_in_pieces(
    strict_libretranslate: LibreTranslateServers,
) -> None:
    engine = LibreTranslateEngine(strict_libretranslate.strict.url, api_key=strict_libretranslate.key)
    pairs = [PAIRS[0], PAIRS[1], PAIRS[9]]  # 33, 35 and 34 characters: no two fit in 60
    long = " ".join(thai for thai, _ in pairs)  # one sentence to the splitter (no Thai sentence break)
    assert engine.info().char_limit == 60
    [result] = _run(engine, _article([long]))
    assert result.source == "engine"
    assert result.english == " ".join(_bare(english) for _, english in pairs) + "."


def test_the_request_limit_gives_one_line_when_it_does_not_lift(
    strict_libretranslate: LibreTranslateServers,
) -> None:
    url = strict_libretranslate.strict.url
    engine = LibreTranslateEngine(url, api_key=strict_libretranslate.slow_key, max_wait=0.0, in_flight=1)
    results = _run(engine, _article())
    [error] = {r.error for r in results if r.source == "failed"}
    assert error is not None
    assert error.startswith(
        f"translation failed: LibreTranslate at {url} kept answering 429 (too many requests: "
    )


def test_429_backs_off_then_goes_on(strict_libretranslate: LibreTranslateServers) -> None:
    """A real 429 from the server's own limiter (flask-limiter, a moving window of a minute, no
    Retry-After): the engine backs off and goes on. Rather than sleep out the minute, the injected wait
    restarts the server (the same port and key database), which empties the limiter's in-memory window."""
    servers = strict_libretranslate
    key = servers.spare_key  # its own key, 2 a minute, unused until now
    engine = LibreTranslateEngine(servers.strict.url, api_key=key, batch_size=1, in_flight=1)
    waits: list[float] = []

    def restart(seconds: float) -> None:
        waits.append(seconds)
        servers.strict.stop()
        servers.strict.start().wait()

    engine.server._sleep = restart
    pairs = PAIRS[:3]  # 2 a minute, each text costs one: the probe, a sentence, then 429 (once)
    results = _run(engine, _article([thai for thai, _ in pairs]))
    assert [(r.source, _bare(r.english)) for r in results] == [("engine", _bare(e)) for _, e in pairs]
    assert waits == [0.5]  # its first backoff step: the server sends no Retry-After
    assert engine.calls == len(pairs)  # every sentence once: nothing lost, nothing sent twice
