"""The article pipeline: memory first, one batched engine pass, streaming, cancel, post-edits, failures."""

from __future__ import annotations

import pytest

from bilingual_reader.documents.articles import Article, article_from_text
from bilingual_reader.translation.engines.base import Recall, SentenceTranslation
from bilingual_reader.translation.engines.local import LocalEngine
from bilingual_reader.translation.memory import TranslationMemory
from bilingual_reader.translation.packages import InstalledModel
from bilingual_reader.translation.pipeline import (
    priority,
    retranslate_paragraph,
    save_post_edit,
    translate_article,
)
from bilingual_reader.translation.results import ParagraphResult
from bilingual_reader.translation.settings import EngineSettings
from support import LONG_THAI as LONG
from support import corpus_pairs

from .fakes import FakeEngine

THAI = ["กองทัพบก ซื้อปืน", "ทหาร สวมเสื้อเกราะ", "เรือรบ แล่นเข้าท่า", "โดรน บินเหนือฐาน", "ทหาร สวมเสื้อเกราะ"]


def _article(paragraphs: list[str]) -> Article:
    return article_from_text("\n".join(paragraphs), title="ข่าว")


@pytest.fixture
def memory() -> TranslationMemory:
    return TranslationMemory()


def test_trained_model_end_to_end_then_zero_engine_calls(
    trained_model: InstalledModel, memory: TranslationMemory
) -> None:
    pairs = corpus_pairs()[:6]
    article = _article([thai for thai, _ in pairs])
    engine = LocalEngine(trained_model)
    first = list(translate_article(article, engine=engine, memory=memory))
    assert [(r.index, r.english, r.source, r.flags) for r in first] == [
        (i, english, "engine", ()) for i, (_, english) in enumerate(pairs)
    ]
    assert {r.model for r in first} == {trained_model.key}
    assert engine.calls == 2  # chunks of 4 and 2 sentences
    reopened = LocalEngine(trained_model)
    again = list(translate_article(article, engine=reopened, memory=TranslationMemory()))
    assert reopened.calls == 0
    assert not reopened.loaded
    assert [(r.english, r.source) for r in again] == [(english, "memory") for _, english in pairs]
    assert [r.sentences for r in again] == [r.sentences for r in first]


def test_priority_order() -> None:
    assert priority(5, [3, 1, 3, 9, -1]) == [3, 1, 0, 2, 4]
    assert priority(3, None) == [0, 1, 2]
    assert priority(5, [3, 0, 4], range(2, 4)) == [3, 2]  # a span: only its paragraphs
    assert priority(5, None, range(3, 9)) == [3, 4]


def test_a_span_translates_only_its_paragraphs_without_the_ramp(
    trained_model: InstalledModel, memory: TranslationMemory
) -> None:
    pairs = corpus_pairs()[:20]
    article = _article([thai for thai, _ in pairs])
    engine = LocalEngine(trained_model)
    window = list(translate_article(article, engine=engine, memory=memory, span=range(2, 14), ramp=False))
    assert sorted((r.index, r.english) for r in window) == [(i, pairs[i][1]) for i in range(2, 14)]
    assert engine.calls == 1  # 12 sentences by length in one batch (the reader's ramp: 4, then 8)
    again = list(translate_article(article, engine=engine, memory=memory, span=range(0, 4)))
    assert [(r.index, r.source) for r in again] == [
        (2, "memory"),
        (3, "memory"),
        (0, "engine"),
        (1, "engine"),
    ]


def test_the_command_line_stream_is_in_reading_order_one_window_at_a_time(
    trained_model: InstalledModel, memory: TranslationMemory
) -> None:
    from bilingual_reader.translation.session import TranslationSession, in_reading_order

    pairs = corpus_pairs()[:11]
    article = _article([thai for thai, _ in pairs])
    memory.put_sentence(
        trained_model.key, EngineSettings().key, SentenceTranslation(pairs[6][0], "Kept.", ())
    )
    engine = LocalEngine(trained_model)
    session = TranslationSession(engine, memory)
    results = list(session.stream(article, window=4))
    assert [r.index for r in results] == list(range(11))
    assert [r.english for r in results] == [e if i != 6 else "Kept." for i, (_, e) in enumerate(pairs)]
    assert engine.calls == 3  # one per window (the memory answered paragraph 6)
    assert [r.index for r in in_reading_order(results[::-1])] == list(range(11))  # any order in, in order out
    gap = [results[2], results[0], results[3]]  # paragraph 1 never came (cancelled): the rest still comes
    assert [r.index for r in in_reading_order(gap)] == [0, 2, 3]


def test_visible_paragraphs_first_and_one_engine_pass(memory: TranslationMemory) -> None:
    engine = FakeEngine()
    results = list(translate_article(_article(THAI), engine=engine, memory=memory, order=[3, 1]))
    assert [r.index for r in results] == [3, 1, 4, 0, 2]  # 4 repeats 1: it is ready as soon as 1 is
    assert engine.calls == 1
    assert engine.seen == ["โดรน บินเหนือฐาน", "ทหาร สวมเสื้อเกราะ", "กองทัพบก ซื้อปืน", "เรือรบ แล่นเข้าท่า"]
    assert results[2].english == "EN(ทหาร สวมเสื้อเกราะ)"  # a repeated paragraph is translated once


def test_memory_hits_come_before_engine_work(memory: TranslationMemory) -> None:
    article = _article(THAI)
    list(translate_article(_article([THAI[2]]), engine=FakeEngine(), memory=memory))
    results = list(translate_article(article, engine=FakeEngine(), memory=memory))
    assert [(r.index, r.source) for r in results] == [
        (2, "memory"),
        (0, "engine"),
        (1, "engine"),
        (4, "engine"),
        (3, "engine"),
    ]


def test_long_paragraph_is_split_and_reassembled(memory: TranslationMemory) -> None:
    (result,) = translate_article(_article([LONG]), engine=FakeEngine(), memory=memory)
    assert len(result.sentences) == 4
    assert result.english == " ".join(f"EN({t.source})" for t in result.sentences)
    assert result.sentences[0].nbest[1].text == f"EN({result.sentences[0].source})!"


def test_cancel_stops_and_keeps_what_was_done(memory: TranslationMemory) -> None:
    engine = FakeEngine()
    results: list[ParagraphResult] = []
    for r in translate_article(_article(THAI), engine=engine, memory=memory, cancelled=lambda: bool(results)):
        results.append(r)
    assert [r.index for r in results] == [0]
    assert engine.seen == [THAI[0], THAI[1]]  # the sentence in flight is committed, nothing after it
    again = FakeEngine()
    resumed = list(translate_article(_article(THAI), engine=again, memory=memory))
    assert [(r.index, r.source) for r in resumed[:2]] == [(0, "memory"), (1, "memory")]
    assert again.seen == [THAI[2], THAI[3]]


def test_cancelled_before_start_yields_nothing(memory: TranslationMemory) -> None:
    engine = FakeEngine()
    assert list(translate_article(_article(THAI), engine=engine, memory=memory, cancelled=lambda: True)) == []
    assert engine.calls == 0


def test_failed_paragraph_is_reported_and_the_rest_translated(memory: TranslationMemory) -> None:
    engine = FakeEngine(fail_on=[THAI[2]])
    results = {r.index: r for r in translate_article(_article(THAI), engine=engine, memory=memory)}
    assert sorted(results) == [0, 1, 2, 3, 4]
    assert results[2].source == "failed"
    assert results[2].error == "translation failed: RuntimeError: cannot translate เรือรบ แล่นเข้าท่า"
    assert results[2].english == ""
    assert [results[i].source for i in (0, 1, 3, 4)] == ["engine"] * 4
    assert _stored(memory) == 3  # every distinct sentence but the failing one was kept


def test_post_edit_survives_retranslation(memory: TranslationMemory) -> None:
    article = _article(THAI)
    list(translate_article(article, engine=FakeEngine(), memory=memory))
    saved = save_post_edit(article, 1, "Soldiers wear body armor.", memory=memory)
    assert (saved.english, saved.source) == ("Soldiers wear body armor.", "post-edit")
    engine = FakeEngine(outputs={THAI[1]: "Fresh."})
    redone = retranslate_paragraph(article, 1, engine=engine, memory=memory)
    assert engine.calls == 1
    assert (redone.english, redone.source, redone.machine) == (
        "Soldiers wear body armor.",
        "post-edit",
        "Fresh.",
    )
    reopened = {r.index: r for r in translate_article(article, engine=FakeEngine(), memory=memory)}
    assert (reopened[1].english, reopened[1].source) == ("Soldiers wear body armor.", "post-edit")
    assert reopened[4].english == "Fresh."  # the memory now holds the retranslation of that sentence


def test_retranslate_bypasses_the_memory(memory: TranslationMemory) -> None:
    article = _article(THAI)
    list(translate_article(article, engine=FakeEngine(), memory=memory))
    engine = FakeEngine(outputs={THAI[0]: "Again."})
    redone = retranslate_paragraph(article, 0, engine=engine, memory=memory)
    assert (redone.english, redone.source, engine.calls) == ("Again.", "engine", 1)


def test_retranslate_failure_is_a_failed_result(memory: TranslationMemory) -> None:
    redone = retranslate_paragraph(_article(THAI), 0, engine=FakeEngine(fail_on=[THAI[0]]), memory=memory)
    assert redone.source == "failed"
    assert redone.error is not None and "cannot translate" in redone.error


def test_suspicious_output_is_flagged(memory: TranslationMemory) -> None:
    engine = FakeEngine(outputs={THAI[0]: THAI[0], THAI[1]: "armor armor armor armor"})
    results = list(translate_article(_article(THAI[:2]), engine=engine, memory=memory))
    assert results[0].flags == ("thai-script", "echo")
    assert results[1].flags == ("repetition",)


def _stored(memory: TranslationMemory) -> int:
    """How many sentence translations the memory holds."""
    (count,) = memory.conn.execute("select count(*) from sentences").fetchone()
    return int(count)


def test_an_article_the_memory_holds_whole_needs_no_sentence_split(
    memory: TranslationMemory, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = _article([LONG, THAI[0]])
    first = list(translate_article(article, engine=FakeEngine(), memory=memory))

    def no_split(paragraph: str) -> list[str]:
        raise AssertionError(f"split {paragraph!r}")

    monkeypatch.setattr("bilingual_reader.translation.pipeline.split_sentences", no_split)
    engine = FakeEngine()
    again = list(translate_article(article, engine=engine, memory=memory))
    assert engine.calls == 0
    assert [(r.english, r.sentences) for r in again] == [(r.english, r.sentences) for r in first]
    assert len(again[0].sentences) > 1


def test_recall_shows_memory_and_post_edits_with_any_settings_and_translates_nothing(
    memory: TranslationMemory,
) -> None:
    article = _article(THAI[:3])
    list(translate_article(_article([THAI[0]]), engine=FakeEngine(), memory=memory))
    save_post_edit(article, 2, "Edited.", memory=memory)
    recall = Recall(FakeEngine.model_key)
    results = list(translate_article(article, engine=recall, memory=memory))
    assert [(r.index, r.english, r.source) for r in results] == [
        (0, f"EN({THAI[0]})", "memory"),
        (2, "Edited.", "post-edit"),
    ]
    other = list(translate_article(article, engine=Recall("another@1"), memory=memory))
    assert [r.source for r in other] == ["post-edit"]
