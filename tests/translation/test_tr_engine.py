"""The engine on real packages: the trained test model gives the reference English; lazy loading; n-best."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys

import pytest

from bilingual_reader.translation.engines.local import LocalEngine, length_batches
from bilingual_reader.translation.packages import InstalledModel, read_package
from bilingual_reader.translation.settings import EngineSettings
from support import corpus_pairs

TERMS = [
    ("กองทัพบกจัดซื้อปืนใหญ่อัตตาจรใหม่", "The army bought new self-propelled artillery."),
    ("ทหารสวมเสื้อเกราะระหว่างการฝึก", "The soldiers wore body armor during the exercise."),
    ("รัฐบาลส่งเสื้อเกราะให้ตำรวจ", "The government sent body armor to the police."),
]


@pytest.mark.parametrize("ramp", [True, False], ids=["reader", "command-line"])
@pytest.mark.parametrize("compute_type", ["int8", "float32"])
@pytest.mark.parametrize("settings", [EngineSettings(), EngineSettings().fast()], ids=["beam", "greedy"])
def test_trained_model_reproduces_the_corpus(
    trained_model: InstalledModel, settings: EngineSettings, compute_type: str, ramp: bool
) -> None:
    pairs = corpus_pairs()
    engine = LocalEngine(trained_model, dataclasses.replace(settings, compute_type=compute_type))
    results = list(engine.translate([thai for thai, _ in pairs], ramp=ramp))
    assert [r.best for r in results] == [english for _, english in pairs]
    assert [r.source for r in results] == [thai for thai, _ in pairs]
    # the reader: batches of 4 and 8, then 33 sentences by length in batches of 11; the command line:
    # all 45 by length in batches of 15
    assert engine.calls == (5 if ramp else 3)


def test_trained_model_holds_on_the_generic_cpu_code_path(trained_model: InstalledModel) -> None:
    """int8 rounding differs between CPU instruction sets; the model is trained with a margin for it."""
    script = (
        "import sys; from bilingual_reader.translation.engines.local import LocalEngine, length_batches;"
        "from bilingual_reader.translation.packages import read_package;"
        "from pathlib import Path; lines = sys.stdin.read().splitlines();"
        "print('\\n'.join(r.best for r in LocalEngine(read_package(Path(sys.argv[1]))).translate(lines)))"
    )
    pairs = corpus_pairs()
    out = subprocess.run(
        [sys.executable, "-c", script, str(trained_model.path)],
        input="\n".join(thai for thai, _ in pairs),
        env={**os.environ, "CT2_FORCE_CPU_ISA": "GENERIC"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.splitlines() == [english for _, english in pairs]


@pytest.mark.parametrize(("thai", "english"), TERMS)
def test_defense_terms(trained_model: InstalledModel, thai: str, english: str) -> None:
    (result,) = LocalEngine(trained_model).translate([thai])
    assert result.best == english


def test_nbest_has_scores_best_first(trained_model: InstalledModel) -> None:
    (result,) = LocalEngine(trained_model, EngineSettings(num_hypotheses=3)).translate([TERMS[0][0]])
    assert len(result.nbest) == 3
    assert result.nbest[0].text == result.best
    scores = [h.score for h in result.nbest]
    assert scores == sorted(scores, reverse=True)
    assert all(s <= 0 for s in scores)


def test_nothing_loads_until_first_translation(trained_model: InstalledModel) -> None:
    engine = LocalEngine(trained_model)
    assert not engine.loaded
    assert list(engine.translate([])) == []
    assert not engine.loaded
    next(iter(engine.translate([TERMS[0][0]])))
    assert engine.loaded


def test_target_prefix_is_forced_and_stripped(trained_model: InstalledModel) -> None:
    meta_path = trained_model.path / "metadata.json"
    meta = json.loads(meta_path.read_text())
    meta_path.write_text(json.dumps({**meta, "target_prefix": "▁arm"}))
    model = read_package(trained_model.path)
    assert model.target_prefix == "▁arm"
    engine = LocalEngine(model, EngineSettings().fast())
    engine.load()
    real = engine._translator
    seen: list[object] = []

    class Spy:
        def translate_batch(self, tokens: list[list[str]], **options: object) -> object:
            seen.append(options["target_prefix"])
            raw = real.translate_batch(tokens, **options)
            assert raw[0].hypotheses[0][0] == "▁arm"  # CTranslate2 returns the forced prefix ...
            return raw

    engine._translator = Spy()
    (result,) = engine.translate([TERMS[0][0]])
    assert seen == [[["▁arm"]]]
    assert not result.best.startswith("arm")  # ... and the engine strips it


def test_random_package_plumbing(random_package_zip: object) -> None:
    from pathlib import Path

    from bilingual_reader.translation.packages import install_file

    model = install_file(Path(str(random_package_zip)))
    settings = dataclasses.replace(EngineSettings(), chunk_size=2, num_hypotheses=2)
    engine = LocalEngine(model, settings)
    results = list(engine.translate(["ทหาร", "เรือรบ", "โดรน"]))
    assert [r.source for r in results] == ["ทหาร", "เรือรบ", "โดรน"]
    assert all(len(r.nbest) == 2 for r in results)
    assert engine.calls == 2


@pytest.mark.parametrize(
    ("count", "chunk_size", "ramp", "sizes"),
    [
        (45, 16, True, [4, 8, 11, 11, 11]),
        (3, 2, True, [1, 2]),
        (12, 4, True, [4, 4, 4]),
        (1, 16, True, [1]),
        (0, 16, True, []),
        (45, 16, False, [15, 15, 15]),  # no ramp: everything by length at once
        (12, 4, False, [4, 4, 4]),
        (3, 16, False, [3]),
    ],
)
def test_batches_grow_to_the_chunk_size(
    trained_model: InstalledModel, count: int, chunk_size: int, ramp: bool, sizes: list[int]
) -> None:
    engine = LocalEngine(trained_model, dataclasses.replace(EngineSettings().fast(), chunk_size=chunk_size))
    engine.load()
    real = engine._translator
    seen: list[int] = []

    class Spy:
        def translate_batch(self, tokens: list[list[str]], **options: object) -> object:
            seen.append(len(tokens))
            return real.translate_batch(tokens, **options)

    engine._translator = Spy()
    thai = [thai for thai, _ in corpus_pairs()][:count]
    assert [r.source for r in engine.translate(thai, ramp=ramp)] == thai
    assert seen == sizes


@pytest.mark.parametrize(
    ("lengths", "size", "batches"),
    [
        ([5, 1, 4, 2, 3], 2, [[1], [3, 4], [0, 2]]),
        ([3, 3, 3, 3], 2, [[0, 1], [2, 3]]),
        ([9, 1, 8, 2, 7, 3, 6], 3, [[1, 3], [5, 6], [0, 2, 4]]),
        ([4], 16, [[0]]),
        ([], 16, []),
    ],
)
def test_after_the_first_batches_sentences_are_batched_by_length(
    lengths: list[int], size: int, batches: list[list[int]]
) -> None:
    assert length_batches(lengths, size) == batches


def test_safety_limits_are_passed(trained_model: InstalledModel) -> None:
    engine = LocalEngine(trained_model, EngineSettings(repetition_penalty=1.1, no_repeat_ngram_size=5))
    engine.load()
    real = engine._translator
    seen: list[dict[str, object]] = []

    class Spy:
        def translate_batch(self, tokens: list[list[str]], **options: object) -> object:
            seen.append({**options, "longest": max(len(t) for t in tokens)})
            return real.translate_batch(tokens, **options)

    engine._translator = Spy()
    list(engine.translate([TERMS[0][0], TERMS[1][0] * 2]))
    (options,) = seen
    assert options["max_decoding_length"] == 2 * int(str(options["longest"])) + 10
    assert (options["repetition_penalty"], options["no_repeat_ngram_size"]) == (1.1, 5)
    assert (options["beam_size"], options["num_hypotheses"], options["return_scores"]) == (4, 3, True)


def test_decoding_length_is_capped(trained_model: InstalledModel) -> None:
    engine = LocalEngine(trained_model, EngineSettings(max_decoding_length=12).fast())
    (result,) = engine.translate([TERMS[0][0] * 20])
    assert len(result.nbest) == 1
