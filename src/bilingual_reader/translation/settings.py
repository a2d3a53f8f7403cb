"""Decoding and runtime settings for the engine: defaults chosen by measurement, a config file, and flags."""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bilingual_reader import paths
from bilingual_reader.translation.errors import SettingsError

__all__ = ["EngineSettings", "SettingsError", "config_path", "load_settings"]

CONFIG_NAME = "translation.toml"
COMPUTE_TYPES = ("auto", "default", "int8", "int8_float32", "int16", "float32")


@dataclass(frozen=True)
class EngineSettings:
    """How the engine decodes and how many threads it uses.

    Defaults measured with ``benchmarks/bench_translation.py`` on the shared 2-core machines here:
    ``threads=1`` (int8 with ``intra_threads=0`` is 14-115x slower on the tiny test model one sentence per
    call, and 1.2-3x slower on the full-size model when other processes share the cores), int8 (float32 is
    1.6-2.4x slower), chunks of 16 sentences (fastest of 4/8/16/32). Beam 4 as in Argos, with patience 2:
    patience 1 let early garbled hypotheses win on the test model. ``fast()`` is greedy decoding.
    """

    beam_size: int = 4
    num_hypotheses: int = 3
    threads: int = 1
    compute_type: str = "int8"
    chunk_size: int = 16
    max_batch_size: int = 32
    length_ratio: float = 2.0
    length_margin: int = 10
    max_decoding_length: int = 250
    repetition_penalty: float = 1.05
    no_repeat_ngram_size: int = 6
    length_penalty: float = 1.0
    patience: float = 2.0
    steer: bool = True  # glossary steering (``bilingual_reader.translation.steering``); not part of ``key``

    @property
    def key(self) -> str:
        """The settings that change the output, as a string: part of the translation memory key."""
        return (
            f"b{self.beam_size}-n{self.num_hypotheses}-{self.compute_type}-r{self.length_ratio}+{self.length_margin}"
            f"<{self.max_decoding_length}-rp{self.repetition_penalty}-nr{self.no_repeat_ngram_size}"
            f"-lp{self.length_penalty}-p{self.patience}"
        )

    def fast(self) -> EngineSettings:
        """Greedy decoding with one hypothesis (about 3x faster than beam 4)."""
        return dataclasses.replace(self, beam_size=1, num_hypotheses=1, patience=1.0)


def _check(settings: EngineSettings, where: str) -> EngineSettings:
    problems = []
    for name in ("beam_size", "num_hypotheses", "chunk_size", "max_batch_size", "max_decoding_length"):
        if getattr(settings, name) < 1:
            problems.append(f"{name} must be at least 1")
    if settings.threads < 0:
        problems.append("threads must be 0 (all cores) or more")
    if settings.compute_type not in COMPUTE_TYPES:
        problems.append(f"compute_type must be one of {', '.join(COMPUTE_TYPES)}")
    if settings.num_hypotheses > settings.beam_size:
        settings = dataclasses.replace(settings, num_hypotheses=settings.beam_size)
    if problems:
        raise SettingsError(f"{where}: {'; '.join(problems)}")
    return settings


def _coerce(values: dict[str, Any], where: str) -> dict[str, Any]:
    fields = {f.name: f for f in dataclasses.fields(EngineSettings)}
    out: dict[str, Any] = {}
    for name, value in values.items():
        if name not in fields:
            raise SettingsError(f"{where}: unknown setting {name!r}")
        default = getattr(EngineSettings(), name)
        kind = type(default)
        if kind is bool:
            if not isinstance(value, bool):
                raise SettingsError(f"{where}: {name} must be true or false, not {value!r}")
        elif isinstance(value, bool) or not isinstance(value, kind | (int if kind is float else kind)):
            raise SettingsError(f"{where}: {name} must be {kind.__name__}, not {value!r}")
        out[name] = kind(value)
    return out


def config_path() -> Path:
    """The settings file: ``translation.toml`` in the config directory (a ``[translation]`` table)."""
    return paths.config_dir() / CONFIG_NAME


def load_settings(path: Path | None = None, *, fast: bool = False, **overrides: Any) -> EngineSettings:
    """Defaults, then the config file (if it exists), then non-None ``overrides``, then ``fast``."""
    path = path or config_path()
    values: dict[str, Any] = {}
    if path.is_file():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
            raise SettingsError(f"{path}: {err}") from None
        table = data.get("translation", {})
        if not isinstance(table, dict):
            raise SettingsError(f"{path}: [translation] must be a table")
        table = dict(table)
        file_fast = table.pop("fast", False)
        if not isinstance(file_fast, bool):
            raise SettingsError(f"{path}: fast must be true or false")
        values.update(_coerce(table, str(path)))
        fast = fast or file_fast
    values.update(_coerce({k: v for k, v in overrides.items() if v is not None}, "options"))
    settings = _check(EngineSettings(**values), str(path) if path.is_file() else "options")
    return settings.fast() if fast else settings
