"""Engine settings: defaults, the config file, options, fast mode, one-line errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilingual_reader.translation.settings import EngineSettings, SettingsError, config_path, load_settings


def _write(text: str) -> Path:
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_without_a_file() -> None:
    settings = load_settings()
    assert settings == EngineSettings()
    assert (settings.beam_size, settings.threads, settings.compute_type) == (4, 1, "int8")


def test_file_then_options_then_fast() -> None:
    _write("[translation]\nbeam_size = 2\nthreads = 2\nrepetition_penalty = 1\n")
    settings = load_settings(threads=None, compute_type="float32")
    assert (settings.beam_size, settings.threads, settings.compute_type, settings.repetition_penalty) == (
        2,
        2,
        "float32",
        1.0,
    )
    fast = load_settings(fast=True)
    assert (fast.beam_size, fast.num_hypotheses, fast.threads) == (1, 1, 2)


def test_fast_from_the_file() -> None:
    _write("[translation]\nfast = true\n")
    assert load_settings().beam_size == 1


def test_key_changes_with_decoding_not_threads() -> None:
    base = EngineSettings()
    assert EngineSettings(threads=2).key == base.key
    assert base.fast().key != base.key
    assert EngineSettings(compute_type="float32").key != base.key


def test_hypotheses_never_exceed_beam() -> None:
    assert load_settings(beam_size=2).num_hypotheses == 2


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[translation]\nbeam = 3\n", "unknown setting 'beam'"),
        ("[translation]\nbeam_size = 'x'\n", "beam_size must be int"),
        ("[translation]\nbeam_size = 0\n", "beam_size must be at least 1"),
        ("[translation]\ncompute_type = 'int3'\n", "compute_type must be one of"),
        ("[translation]\nfast = 1\n", "fast must be true or false"),
        ("[translation\n", "Expected"),
        ("translation = 3\n", "[translation] must be a table"),
    ],
)
def test_bad_file_is_one_line_naming_it(text: str, message: str) -> None:
    path = _write(text)
    with pytest.raises(SettingsError) as caught:
        load_settings()
    assert str(caught.value).startswith(f"{path}: ")
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)
