"""Every published Argos package shape translates the trained corpus exactly, as argostranslate itself does.

The shapes (scripts/train_test_model/shapes.py): joint SentencePiece; source-only SentencePiece (only the Thai
model shipped, English pieces from a model that is not, a ``stanza/`` folder: OPUS-MT conversions); BPE
(``bpe.model`` with Moses tokenization, ``@@`` joins).
"""

from __future__ import annotations

import dataclasses
import sys
import types
from pathlib import Path

import pytest
from click.testing import CliRunner

from bilingual_reader.cli import main
from bilingual_reader.translation.engines.local import LocalEngine
from bilingual_reader.translation.packages import InstalledModel, install_file
from bilingual_reader.translation.settings import EngineSettings
from bilingual_reader.translation.tokenizers import describe
from support import SHAPES, corpus_pairs

IDS = [name for name, _, _ in SHAPES]


@pytest.fixture(params=SHAPES, ids=IDS)
def shaped(request: pytest.FixtureRequest) -> tuple[InstalledModel, str]:
    """One trained package per shape, installed; and what ``model status`` calls its shape."""
    _, archive, shape = request.param
    return install_file(archive), shape


@pytest.mark.parametrize("settings", [EngineSettings(), EngineSettings().fast()], ids=["beam", "greedy"])
def test_each_shape_reproduces_the_corpus(
    shaped: tuple[InstalledModel, str], settings: EngineSettings
) -> None:
    model, _ = shaped
    pairs = corpus_pairs()
    english = [r.best for r in LocalEngine(model, settings).translate([thai for thai, _ in pairs])]
    assert english == [en for _, en in pairs]
    assert not any("\u2581" in e or "@@" in e for e in english)


def test_each_shape_is_named_with_its_vocabularies(shaped: tuple[InstalledModel, str]) -> None:
    model, shape = shaped
    described = describe(model.path)
    assert described.name == shape
    assert described.shared_vocabulary
    assert described.tokenizer_file == model.tokenizer
    assert described.source_vocabulary == described.target_vocabulary > 200
    if shape == "joint SentencePiece":  # the model's vocabulary is the tokenizer's
        assert described.tokenizer_size == described.source_vocabulary
    else:  # Thai pieces (or merges) only: the English ones came from a tokenizer that is not shipped
        assert described.tokenizer_size < described.source_vocabulary
    assert (model.path / "stanza").is_dir() == (shape == "source-only SentencePiece")


def test_steering_pieces_stay_in_the_target_vocabulary(shaped: tuple[InstalledModel, str]) -> None:
    """Forced English prefixes (glossary steering) come back as English, whatever the shape.

    Without the English tokenizer, English is split longest-match over the target vocabulary: exact where that
    agrees with the unshipped tokenizer (as here), an approximation elsewhere.
    """
    model, _ = shaped
    engine = LocalEngine(model, EngineSettings().fast())
    thai, english = corpus_pairs()[0]
    prefix = " ".join(english.split()[:3])
    (completed,) = engine.complete(thai, [prefix])
    assert completed == english
    better, worse = engine.score(thai, [english, "The soldiers wore"])
    assert better > worse


def _argos_translate(package: Path, sentences: list[str], monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """argostranslate's own package translation (apply_packaged_translation) on already split sentences.

    argostranslate cannot split Thai offline and its module imports stanza and minisbd, which the project's
    venv leaves out: both are stubbed (their sentence splitters are never called: each call gets one sentence
    from a splitter that returns it whole), so what runs is argostranslate's tokenizer, its translate_batch
    call and its detokenization, at beam 1.
    """
    import ctranslate2

    monkeypatch.setitem(sys.modules, "stanza", types.ModuleType("stanza"))
    minisbd = types.ModuleType("minisbd")
    minisbd.SBDetect = object  # type: ignore[attr-defined]
    minisbd.models = types.SimpleNamespace()  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "minisbd", minisbd)
    import argostranslate.settings
    from argostranslate.package import Package
    from argostranslate.translate import apply_packaged_translation

    monkeypatch.setattr(argostranslate.settings, "beam_size", 1)

    class Whole:
        def split_sentences(self, text: str) -> list[str]:
            return [text]

    pkg = Package(package)
    translator = ctranslate2.Translator(str(package / "model"), compute_type="int8", intra_threads=1)
    return [apply_packaged_translation(pkg, s, translator, Whole(), 1)[0].value for s in sentences]


def test_parity_with_argostranslate_at_beam_1(
    shaped: tuple[InstalledModel, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    model, _ = shaped
    thai = [t for t, _ in corpus_pairs()]
    ours = [r.best for r in LocalEngine(model, EngineSettings().fast()).translate(thai)]
    assert ours == _argos_translate(model.path, thai, monkeypatch)


@pytest.mark.parametrize(("name", "archive", "shape"), SHAPES, ids=IDS)
def test_cli_translates_each_shape(name: str, archive: Path, shape: str, tmp_path: Path) -> None:
    runner = CliRunner()
    installed = runner.invoke(main, ["model", "install", "--file", str(archive)])
    assert installed.exit_code == 0, installed.output
    status = runner.invoke(main, ["model", "status"])
    assert f"shape:    {shape} (" in status.stdout
    article = tmp_path / "news.txt"
    pairs = corpus_pairs()[3:6]
    article.write_text("ข่าว\n" + "\n".join(t for t, _ in pairs) + "\n", encoding="utf-8")
    result = runner.invoke(main, ["translate", str(article), "--fast", "--no-steer"])
    assert result.exit_code == 0, result.output
    assert [en for _, en in pairs] == [
        line for line in result.stdout.splitlines() if line in dict(pairs).values()
    ]
    assert "\u2581" not in result.stdout and "@@" not in result.stdout


def test_decoding_foreign_pieces_never_leaks_markers(shaped: tuple[InstalledModel, str]) -> None:
    model, _ = shaped
    tokenizer = LocalEngine(model, dataclasses.replace(EngineSettings(), beam_size=1)).tokenizer
    if model.tokenizer == "bpe.model":
        assert tokenizer.decode(["The", "sol@@", "di@@", "ers", "left", "."]) == "The soldiers left."
        assert tokenizer.decode(["dangling@@"]) == "dangling"
    else:
        assert tokenizer.decode(["\u2581Hel", "lo", "\u2581wor", "ld", "."]) == "Hello world."
