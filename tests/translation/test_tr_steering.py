"""Glossary-steered translation: rerank, target prefix, verify, flag; the memory, settings and flags."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
import sqlite_utils
from click.testing import CliRunner

from bilingual_reader.cli import main
from bilingual_reader.documents.articles import Article, article_from_text
from bilingual_reader.glossary.models import Concept, Status, Term
from bilingual_reader.glossary.store import Glossary
from bilingual_reader.qa.check import TermChecker
from bilingual_reader.translation.engines.base import Hypothesis, SentenceTranslation
from bilingual_reader.translation.engines.local import LocalEngine
from bilingual_reader.translation.memory import TranslationMemory
from bilingual_reader.translation.packages import InstalledModel
from bilingual_reader.translation.pipeline import save_post_edit, translate_article
from bilingual_reader.translation.settings import SettingsError, config_path, load_settings
from bilingual_reader.translation.steering import SentenceSteering, Steerer
from support import TRAINED

from .fakes import FakeEngine

VEST = Concept("armour", (Term("เสื้อเกราะ", "th"), Term("protective vest", "en")), id=1)
SPH = Concept(
    "weapons",
    (
        Term("ปืนใหญ่อัตตาจร", "th"),
        Term("self-propelled howitzer", "en"),
        Term("self-propelled artillery", "en", Status.FORBIDDEN),
    ),
    id=2,
)
SENT = "รัฐบาลส่งเสื้อเกราะให้ตำรวจ"  # the fixture says "The government sent body armor to the police."
TRAINED_SPH = "กองทัพบกฝึกใช้ปืนใหญ่อัตตาจร"  # "The army trained with self-propelled artillery."


def _article(*paragraphs: str) -> Article:
    return article_from_text("\n".join(paragraphs), title="ข่าว")


def _statuses(checker: TermChecker, thai: str, english: str) -> list[str]:
    return [f.status.value for f in checker.check(0, thai, english)]


class NBestFake(FakeEngine):
    """A fake engine whose n-best lists are given (best first); no prefix completion."""

    def __init__(self, nbest: dict[str, list[str]]) -> None:
        super().__init__()
        self.nbest = nbest

    def translate(self, sentences: Sequence[str]) -> Iterator[SentenceTranslation]:
        self.calls += 1
        for s in sentences:
            texts = self.nbest[s]
            yield SentenceTranslation(
                s, texts[0], tuple(Hypothesis(t, -0.1 * i) for i, t in enumerate(texts))
            )


class PrefixFake(NBestFake):
    """Adds forced-prefix completion (``completions``, else ``default`` or the prefix + " ...") and
    scoring (the given completions score best); counts completion calls."""

    def __init__(
        self,
        nbest: dict[str, list[str]],
        completions: dict[str, str] | None = None,
        default: str | None = None,
    ) -> None:
        super().__init__(nbest)
        self.completions = completions or {}
        self.default = default
        self.prefix_calls = 0
        self.prefixes: list[str] = []

    def complete(self, source: str, prefixes: Sequence[str]) -> list[str]:
        self.prefix_calls += 1
        self.prefixes.extend(prefixes)
        return [self.completions.get(p, self.default or p + " ...") for p in prefixes]

    def score(self, source: str, targets: Sequence[str]) -> list[float]:
        return [0.0 if t in self.completions.values() else -1.0 for t in targets]


def test_trained_model_missing_term_comes_out_with_it(trained_model: InstalledModel) -> None:
    checker = TermChecker([VEST])
    engine = LocalEngine(trained_model)
    memory = TranslationMemory()
    (raw,) = translate_article(_article(SENT), engine=engine, memory=memory)
    assert raw.english == "The government sent body armor to the police."
    assert _statuses(checker, SENT, raw.english) == ["missing"]
    (steered,) = translate_article(_article(SENT), engine=engine, memory=memory, steerer=Steerer(checker))
    assert "protective vest" in steered.english
    assert _statuses(checker, SENT, steered.english) == ["ok"]
    (record,) = steered.steering
    assert (record.method, record.original, record.suggestions) == ("prefix", raw.english, ())
    assert record.text == steered.english == steered.machine
    assert steered.unsteered == raw.english
    assert steered.sentences == raw.sentences  # the engine's own output stays as it was


def test_trained_model_forbidden_term_is_replaced_at_its_place(trained_model: InstalledModel) -> None:
    checker = TermChecker([SPH])
    engine = LocalEngine(trained_model)
    memory = TranslationMemory()
    (raw,) = translate_article(_article(TRAINED_SPH), engine=engine, memory=memory)
    assert raw.english == "The army trained with self-propelled artillery."
    assert _statuses(checker, TRAINED_SPH, raw.english) == ["forbidden"]
    (steered,) = translate_article(
        _article(TRAINED_SPH), engine=engine, memory=memory, steerer=Steerer(checker)
    )
    assert steered.english.startswith("The army trained with self-propelled howitzer")
    assert _statuses(checker, TRAINED_SPH, steered.english) == ["ok"]
    assert [s.method for s in steered.steering] == ["prefix"]


def test_memory_hit_returns_the_steered_text_with_zero_engine_calls(trained_model: InstalledModel) -> None:
    steerer = Steerer(TermChecker([VEST]))
    first_engine = LocalEngine(trained_model)
    (first,) = translate_article(
        _article(SENT), engine=first_engine, memory=TranslationMemory(), steerer=steerer
    )
    assert first_engine.calls == 3  # translate, complete, score
    reopened = LocalEngine(trained_model)
    (again,) = translate_article(_article(SENT), engine=reopened, memory=TranslationMemory(), steerer=steerer)
    assert reopened.calls == 0
    assert not reopened.loaded
    assert (again.source, again.english, again.steering) == ("memory", first.english, first.steering)


def test_rerank_needs_no_new_engine_call() -> None:
    engine = PrefixFake({SENT: ["Body armor went to the police.", "Protective vests went to the police."]})
    (result,) = translate_article(
        _article(SENT), engine=engine, memory=TranslationMemory(), steerer=Steerer(TermChecker([VEST]))
    )
    assert (engine.calls, engine.prefix_calls) == (1, 0)
    assert result.english == "Protective vests went to the police."
    assert result.steering == (
        SentenceSteering(
            SENT, "Protective vests went to the police.", "Body armor went to the police.", "reranked"
        ),
    )


def test_prefix_fix_is_verified_and_ranked() -> None:
    engine = PrefixFake(
        {SENT: ["The government sent body armor to the police.", "The government sent armor."]},
        {"The government sent protective vest ": "The government sent protective vests to the police."},
    )
    steered = Steerer(TermChecker([VEST])).steer(next(engine.translate([SENT])), engine)
    assert steered == SentenceSteering(
        SENT,
        "The government sent protective vests to the police.",
        "The government sent body armor to the police.",
        "prefix",
    )
    assert engine.prefix_calls == 1
    # Word starts near the Thai term's relative position (9/27 of the Thai, word 3 of 8), nearest first.
    assert engine.prefixes[:4] == [
        "The government sent protective vest",
        "The government sent protective vest ",
        "The government protective vest",
        "The government protective vest ",
    ]


@pytest.mark.parametrize("with_prefix", [True, False])
def test_flagged_when_nothing_complies(with_prefix: bool) -> None:
    original = "The government sent body armor to the police."
    nbest = {SENT: [original, "The government sent armor."]}
    engine = PrefixFake(nbest, default="The government sent vests.") if with_prefix else NBestFake(nbest)
    steered = Steerer(TermChecker([VEST])).steer(next(engine.translate([SENT])), engine)
    assert steered == SentenceSteering(SENT, original, original, "flagged", ("protective vest",))
    assert not steered.changed
    assert getattr(engine, "prefix_calls", 1) == 1


def test_compliant_and_sentences_without_terms_are_left_alone() -> None:
    engine = FakeEngine(outputs={SENT: "Protective vest for police.", "โดรน": "A drone."})
    (a, b) = translate_article(
        _article(SENT, "โดรน"),
        engine=engine,
        memory=TranslationMemory(),
        steerer=Steerer(TermChecker([VEST])),
    )
    assert [(s.method, s.text) for s in a.steering + b.steering] == [
        ("compliant", "Protective vest for police."),
        ("compliant", "A drone."),
    ]
    assert (a.english, b.english) == ("Protective vest for police.", "A drone.")


def test_post_edit_is_never_steered() -> None:
    article = _article(SENT)
    memory = TranslationMemory()
    save_post_edit(article, 0, "The police got body armor.", memory=memory)
    engine = PrefixFake({SENT: ["Body armor.", "Protective vest."]})
    (result,) = translate_article(article, engine=engine, memory=memory, steerer=Steerer(TermChecker([VEST])))
    assert (result.source, result.english, result.steering, engine.prefix_calls) == (
        "post-edit",
        "The police got body armor.",
        (),
        0,
    )


def test_old_memory_file_gains_the_steering_table(tmp_path: Path) -> None:
    path = tmp_path / "memory.db"
    db = sqlite_utils.Database(path)
    db.table("sentences").insert(
        {
            "model": "m",
            "settings": "s",
            "source": "ก",
            "best": "A",
            "nbest": json.dumps([["A", -0.1]]),
            "created": "",
        },
        pk=("model", "settings", "source"),
    )
    db.close()
    with TranslationMemory(path) as memory:
        assert memory.get_sentences("m", "s", ["ก"])["ก"].best == "A"
        assert memory.get_steered("m", "s", "ก", "k") is None
        memory.put_steered("m", "s", "ก", "k", ("B", "prefix", ("b",)))
        assert memory.get_steered("m", "s", " ก ", "k") == ("B", "prefix", ("b",))


def test_steer_setting_from_the_file_and_options() -> None:
    assert load_settings().steer is True
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("[translation]\nsteer = false\n", encoding="utf-8")
    assert load_settings().steer is False
    assert load_settings(steer=True).steer is True
    assert load_settings().key == load_settings(steer=True).key  # steering is not part of the MT memory key
    path.write_text("[translation]\nsteer = 1\n", encoding="utf-8")
    with pytest.raises(SettingsError, match=r"translation.toml:2:9: steer must be true or false, not 1$"):
        load_settings()


@pytest.fixture
def cli_files(tmp_path: Path) -> dict[str, str]:
    glossary = Glossary.open(tmp_path / "g.db")
    glossary.add(VEST)
    glossary.close()
    article = tmp_path / "a.txt"
    article.write_text(f"ข่าว\n{SENT}\n", encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["model", "install", "--file", str(TRAINED)]).exit_code == 0
    return {"glossary": str(tmp_path / "g.db"), "article": str(article)}


def test_translate_command_steers_unless_told_not_to(cli_files: dict[str, str]) -> None:
    base = ["--glossary", cli_files["glossary"], "translate", cli_files["article"], "--format", "json"]
    raw = CliRunner().invoke(main, [*base, "--no-steer"])
    assert raw.exit_code == 0, raw.stderr
    assert (
        json.loads(raw.stdout)["paragraphs"][-1]["english"] == "The government sent body armor to the police."
    )
    steered = CliRunner().invoke(main, base)
    assert steered.exit_code == 0, steered.stderr
    paragraph = json.loads(steered.stdout)["paragraphs"][-1]
    assert "protective vest" in paragraph["english"]
    assert [(s["method"], s["original"], s["text"]) for s in paragraph["steering"]] == [
        ("prefix", "The government sent body armor to the police.", paragraph["english"])
    ]
    config_path().parent.mkdir(parents=True, exist_ok=True)
    config_path().write_text("[translation]\nsteer = false\n", encoding="utf-8")
    off = CliRunner().invoke(main, base)
    assert (
        json.loads(off.stdout)["paragraphs"][-1]["english"] == "The government sent body armor to the police."
    )


def test_check_command_finding_turns_from_missing_to_ok(cli_files: dict[str, str]) -> None:
    base = ["check", cli_files["article"], "--glossary", cli_files["glossary"], "--format", "json"]
    raw = CliRunner().invoke(main, [*base, "--no-steer"])
    assert raw.exit_code == 1, raw.stderr
    assert [f["status"] for f in json.loads(raw.stdout)["findings"]] == ["missing"]
    steered = CliRunner().invoke(main, base)
    assert steered.exit_code == 0, steered.stderr
    findings = json.loads(steered.stdout)["findings"]
    assert [(f["status"], f["english"]["text"]) for f in findings] == [("ok", "protective vest")]
