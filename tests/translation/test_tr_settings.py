"""Engine settings: defaults, the config file, options, fast mode, one-line errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

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
        ("[translation]\nbeam = 3\n", "2:8: unknown setting 'beam' (known: fast, beam_size,"),
        ('[translation]\nbeam_size = "big"\n', "2:13: beam_size must be an integer from 1 to 16, not 'big'"),
        ("[translation]\nbeam_size = 0\n", "2:13: beam_size must be an integer from 1 to 16, not 0"),
        ("[translation]\nbeam_size = 2.5\n", "2:13: beam_size must be an integer from 1 to 16, not 2.5"),
        ("[translation]\n\nthreads = 10000\n", "3:11: threads must be an integer from 0 to 64, not 10000"),
        ("[translation]\nthreads = -1\n", "2:11: threads must be an integer from 0 to 64, not -1"),
        (
            "[translation]\nlength_ratio = nan\n",
            "2:16: length_ratio must be a number from 0.1 to 10, not nan",
        ),
        ("[translation]\npatience = inf\n", "2:12: patience must be a number from 0.5 to 10, not inf"),
        ("[translation]\nlength_penalty = -1.5\n", "length_penalty must be a number from 0 to 5, not -1.5"),
        ("[translation]\nchunk_size = 99999999999999999999\n", "chunk_size must be an integer from 1 to 256"),
        ("[translation]\ncompute_type = 'int3'\n", "2:16: compute_type must be one of auto, default, int8,"),
        ("[translation]\nfast = 1\n", "2:8: fast must be true or false, not 1"),
        ("[translation]\nsteer = 'yes'\n", "2:9: steer must be true or false, not 'yes'"),
        ("[other]\nbeam_size = 1\n[translation]\n  beam_size = 99\n", "4:15: beam_size must be an integer"),
        ("[translation\n", "1:13: Expected ']' at the end of a table declaration"),
        ("translation = 3\n", "[translation] must be a table"),
        ("\xff", "1: not UTF-8 (byte 0xff at offset 0)"),
    ],
)
def test_bad_file_is_one_line_naming_it_with_line_and_column(text: str, message: str) -> None:
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8") if text != "\xff" else b"\xff")
    with pytest.raises(SettingsError) as caught:
        load_settings()
    assert str(caught.value).startswith(f"{path}:")
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"threads": 10000}, "--threads: must be an integer from 0 to 64, not 10000"),
        ({"beam_size": -2}, "--beam-size: must be an integer from 1 to 16, not -2"),
        ({"compute_type": "big"}, "--compute-type: must be one of auto, default, int8, int8_float32, int16"),
        ({"length_ratio": float("nan")}, "--length-ratio: must be a number from 0.1 to 10, not nan"),
    ],
)
def test_bad_options_name_the_option(options: dict[str, Any], message: str) -> None:
    with pytest.raises(SettingsError) as caught:
        load_settings(**options)
    assert str(caught.value).startswith(message)


def test_a_settings_folder_or_fifo_is_one_line() -> None:
    import os

    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)
    with pytest.raises(SettingsError, match="is a pipe"):
        load_settings()
