"""Decoding and runtime settings for the engine: defaults chosen by measurement, a config file, and flags.

Every setting has a type and a range (:data:`RANGES`), checked the same way in ``translation.toml`` (an
error names the file, line and column) and on the command line (an error names the option).
"""

from __future__ import annotations

import dataclasses
import math
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bilingual_reader import paths
from bilingual_reader.files import FileProblem, read_text_input
from bilingual_reader.translation.errors import SettingsError

__all__ = ["RANGES", "EngineSettings", "SettingsError", "config_path", "load_settings"]

CONFIG_NAME = "translation.toml"
CONFIG_LIMIT = 64 * 1024
COMPUTE_TYPES = ("auto", "default", "int8", "int8_float32", "int16", "float32")
ENGINES = ("local", "libretranslate")
#: The allowed values of each text setting (``url`` is checked by :func:`_url_problem` instead).
CHOICES: dict[str, tuple[str, ...]] = {"compute_type": COMPUTE_TYPES, "engine": ENGINES}


@dataclass(frozen=True)
class EngineSettings:
    """How the engine decodes and how many threads it uses.

    Defaults measured with ``benchmarks/bench_translation.py`` on the shared 2-core machines here:
    ``threads=1`` (int8 with ``intra_threads=0`` is 14-115x slower on the tiny test model one sentence per
    call, and 1.2-3x slower on the full-size model when other processes share the cores), int8 (float32 is
    1.6-2.4x slower). Beam 4 as in Argos, with patience 2: patience 1 let early garbled hypotheses win on
    the test model. ``fast()`` is greedy decoding.

    ``chunk_size`` 16 (sentences per engine call after the first calls of 4 and 8; later sentences are batched
    by length within windows of 4 chunks), kept by measurement:
    ``benchmarks/bench_chunk_size.py --sentences 48 --rounds 3`` on the full-size random model, beam 4,
    threads=1 (2 cores under load ~15) gave, best of 3, 891/785/765/837/712 ms per sentence for chunks of
    4/8/16/32/64: 4 is clearly slower; 16-64 lie within this machine's noise (32 and 64 run the very same
    batches for 48 sentences, yet differed by 15%), so no larger default is justified. A larger chunk also
    changes the batch a sentence is decoded in, and with int8 that changed the trained test model's greedy
    output (``test_trained_model_reproduces_the_corpus`` fails at 32).
    Measured again 2026-12-02 02:42-03:04 UTC (load 7-19, so CPU time, threads=1), both ways the engine
    batches: ``bench_chunk_size.py --sentences 32 --rounds 2 --sizes 8,16,32,64``, best of 2, CPU ms per
    sentence for 8/16/32/64: the CLI's ``ramp=False`` 186/189/185/184 (the same within 2%); the reader's
    ramp 194/191/226/225 (32 and 64: +15%). So 16 stays.
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
    # Which engine translates: the installed model ("local") or a LibreTranslate server at ``url``
    # (``engines.libretranslate``): seconds per request, sentences per request. Not part of ``key``: the
    # engine's own ``model_key`` names it.
    engine: str = "local"
    url: str = ""
    timeout: float = 30.0
    batch_size: int = 16

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


#: The allowed values of each numeric setting (inclusive); ``threads`` 0 means all cores.
RANGES: dict[str, tuple[float, float]] = {
    "beam_size": (1, 16),
    "num_hypotheses": (1, 16),
    "threads": (0, 64),
    "chunk_size": (1, 256),
    "max_batch_size": (1, 256),
    "length_ratio": (0.1, 10.0),
    "length_margin": (0, 1000),
    "max_decoding_length": (1, 1024),
    "repetition_penalty": (0.5, 5.0),
    "no_repeat_ngram_size": (0, 100),
    "length_penalty": (0.0, 5.0),
    "patience": (0.5, 10.0),
    "timeout": (0.1, 600.0),
    "batch_size": (1, 256),
}
_FIELDS = {f.name: getattr(EngineSettings(), f.name) for f in dataclasses.fields(EngineSettings)}


def _problem(name: str, value: object) -> str | None:
    """Why ``value`` is not a valid ``name`` (None: it is)."""
    default = _FIELDS.get(name, False) if name != "fast" else False
    if isinstance(default, bool):
        return None if isinstance(value, bool) else f"must be true or false, not {value!r}"
    if name == "url":
        return _url_problem(value)
    if isinstance(default, str):
        if value in CHOICES[name]:
            return None
        return f"must be one of {', '.join(CHOICES[name])}, not {value!r}"
    low, high = RANGES[name]
    kind = "an integer" if isinstance(default, int) else "a number"
    wanted = f"{kind} from {low:g} to {high:g}"
    if isinstance(value, bool) or not isinstance(value, int | float):
        return f"must be {wanted}, not {value!r}"
    if isinstance(default, int) and not isinstance(value, int):
        return f"must be {wanted}, not {value!r}"
    if isinstance(value, float) and not math.isfinite(value):
        return f"must be {wanted}, not {value}"
    if not low <= value <= high:
        return f"must be {wanted}, not {value}"
    return None


def _url_problem(value: object) -> str | None:
    """Why ``value`` is not a server URL (http or https, a host, no user or password in it)."""
    from urllib.parse import urlsplit

    if not isinstance(value, str):
        return f"must be an http(s) URL, not {value!r}"
    if value == "":
        return None
    try:
        parts = urlsplit(value)
        port = parts.port
    except ValueError:
        return f"must be an http(s) URL, not {value!r}"
    if parts.username is not None or parts.password is not None:
        return "must not hold a user name or password (put the API key in its own file or variable)"
    if parts.scheme not in ("http", "https") or not parts.hostname or port == 0:
        return f"must be an http(s) URL such as http://host:5000, not {value!r}"
    if parts.query or parts.fragment or any(ord(c) < 32 or c.isspace() for c in value):
        return f"must be a plain server URL (no query, fragment or spaces), not {value!r}"
    return None


def _locate(text: str, name: str) -> str:
    """``line:column`` of the value of ``name`` in the ``[translation]`` table of ``text`` ("" if unsure)."""
    section = ""
    key = re.compile(rf"\s*(?:{re.escape(name)}|\"{re.escape(name)}\"|'{re.escape(name)}')\s*=\s*")
    for number, line in enumerate(text.splitlines(), start=1):
        header = re.match(r"\s*\[\s*([^\]]*?)\s*\]", line)
        if header:
            section = header[1]
            continue
        found = key.match(line)
        if found and section == "translation":
            return f"{number}:{found.end() + 1}"
    return ""


def _values(table: dict[str, Any], path: Path, text: str) -> dict[str, Any]:
    """The settings in the file's table, checked; errors say ``path:line:column: …``."""
    out: dict[str, Any] = {}
    for name, value in table.items():
        where = ":".join(part for part in (str(path), _locate(text, name)) if part)
        if name not in _FIELDS and name != "fast":
            known = ", ".join(["fast", *_FIELDS])
            raise SettingsError(f"{where}: unknown setting {name!r} (known: {known})")
        problem = _problem(name, value)
        if problem is not None:
            raise SettingsError(f"{where}: {name} {problem}")
        out[name] = float(value) if isinstance(_FIELDS.get(name), float) else value
    return out


def _options(overrides: dict[str, Any]) -> dict[str, Any]:
    """Command-line values (None: not given), checked; errors name the option."""
    out: dict[str, Any] = {}
    for name, value in overrides.items():
        if value is None:
            continue
        if name not in _FIELDS:
            raise SettingsError(f"unknown setting {name!r}")
        problem = _problem(name, value)
        if problem is not None:
            raise SettingsError(f"--{name.replace('_', '-')}: {problem}")
        out[name] = float(value) if isinstance(_FIELDS[name], float) else value
    return out


def config_path() -> Path:
    """The settings file: ``translation.toml`` in the config directory (a ``[translation]`` table)."""
    return paths.config_dir() / CONFIG_NAME


def _read_file(path: Path) -> dict[str, Any]:
    try:
        text = read_text_input(path, CONFIG_LIMIT, "settings file")
        data = tomllib.loads(text)
    except FileProblem as err:
        raise SettingsError(str(err)) from None
    except tomllib.TOMLDecodeError as err:
        found = re.search(r"\(at line (\d+), column (\d+)\)", str(err))
        where = f"{path}:{found[1]}:{found[2]}" if found else str(path)
        reason = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(err)) or "invalid TOML"
        raise SettingsError(f"{where}: {reason}") from None
    table = data.get("translation", {})
    if not isinstance(table, dict):
        raise SettingsError(f"{path}: [translation] must be a table")
    return _values(table, path, text)


def load_settings(path: Path | None = None, *, fast: bool = False, **overrides: Any) -> EngineSettings:
    """Defaults, then the config file (if it exists), then non-None ``overrides``, then ``fast``.

    Raises :class:`SettingsError`: one line naming the file with line and column, or the option.
    """
    path = path or config_path()
    values: dict[str, Any] = {}
    if path.exists() or path.is_symlink():
        values = _read_file(path)
        fast = fast or bool(values.pop("fast", False))
    values.update(_options(overrides))
    settings = EngineSettings(**values)
    if settings.engine == "libretranslate" and not settings.url:
        raise SettingsError(
            f"the libretranslate engine needs a server: set `url` under [translation] in {path} or give --url"
        )
    if settings.num_hypotheses > settings.beam_size:
        settings = dataclasses.replace(settings, num_hypotheses=settings.beam_size)
    return settings.fast() if fast else settings
