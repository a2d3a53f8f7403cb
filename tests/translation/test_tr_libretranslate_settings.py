"""The LibreTranslate engine's ``[translation]`` settings and its API key file: checked, one line each."""

from __future__ import annotations

import os

import pytest

from bilingual_reader.translation.engines.libretranslate import LibreTranslateEngine
from bilingual_reader.translation.engines.libretranslate_key import KEY_VARIABLE, key_path, read_api_key
from bilingual_reader.translation.errors import KeyFileError
from bilingual_reader.translation.session import engine_for
from bilingual_reader.translation.settings import EngineSettings, SettingsError, config_path, load_settings


def _write(text: str) -> None:
    config_path().parent.mkdir(parents=True, exist_ok=True)
    config_path().write_text(text, encoding="utf-8")


def test_the_engine_settings_from_the_file_then_the_options() -> None:
    _write(
        '[translation]\nengine = "libretranslate"\nurl = "http://lt.example:5000/"\ntimeout = 5\n'
        "batch_size = 8\n"
    )
    settings = load_settings()
    assert (settings.engine, settings.url, settings.timeout, settings.batch_size) == (
        "libretranslate",
        "http://lt.example:5000/",
        5.0,
        8,
    )
    assert settings.key == EngineSettings().key  # the engine is named by its own model_key, not here
    assert load_settings(engine="local").engine == "local"
    engine = engine_for(settings)
    assert isinstance(engine, LibreTranslateEngine)
    assert engine.key_prefix == "libretranslate http://lt.example:5000 "  # + version and model, once asked
    assert engine_for(load_settings()) is engine  # shared: its connections are reused


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('engine = "deepl"\n', "2:10: engine must be one of local, libretranslate, not 'deepl'"),
        ('url = "ftp://x"\n', "2:7: url must be an http(s) URL such as http://host:5000, not 'ftp://x'"),
        ('url = "http://a b"\n', "2:7: url must be a plain server URL (no query, fragment or spaces)"),
        ('url = "http://h:99999"\n', "2:7: url must be an http(s) URL, not 'http://h:99999'"),
        ("url = 5\n", "2:7: url must be an http(s) URL, not 5"),
        ("timeout = 0\n", "2:11: timeout must be a number from 0.1 to 600, not 0"),
        ("batch_size = 1000\n", "2:14: batch_size must be an integer from 1 to 256, not 1000"),
        (
            'engine = "libretranslate"\n',
            "the libretranslate engine needs a server: set `url` under [translation]",
        ),
    ],
)
def test_bad_engine_settings_are_one_line(text: str, message: str) -> None:
    _write("[translation]\n" + text)
    with pytest.raises(SettingsError) as caught:
        load_settings()
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_the_key_from_the_environment_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    assert read_api_key() is None
    key_path().parent.mkdir(parents=True, exist_ok=True)
    key_path().write_text("file-key\n")
    os.chmod(key_path(), 0o600)
    assert read_api_key() == "file-key"
    monkeypatch.setenv(KEY_VARIABLE, " env-key ")
    assert read_api_key() == "env-key"


@pytest.mark.parametrize(
    ("content", "mode", "message"),
    [
        (b"k\n", 0o640, "the API key file is open to other users (mode 640); run `chmod 600"),
        (b"one\ntwo\n", 0o600, "the API key file must hold one key on one line"),
        (b"\xff", 0o600, "1: not UTF-8 (byte 0xff at offset 0)"),
        (b"k" * 5000, 0o600, "too large"),
    ],
)
def test_a_bad_key_file_is_one_line_without_the_key(content: bytes, mode: int, message: str) -> None:
    path = key_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    os.chmod(path, mode)
    with pytest.raises(KeyFileError) as caught:
        read_api_key()
    assert str(caught.value).startswith(f"{path}:")
    assert message in str(caught.value)
    assert "two" not in str(caught.value)


def test_a_key_folder_is_one_line() -> None:
    key_path().mkdir(parents=True)
    with pytest.raises(KeyFileError, match=r"libretranslate\.key"):
        read_api_key()


REMOTE_KEY = "libretranslate http://lt.example:5000 v1.9.6 th-en 0123456789ab"


def _remember(model: str, thai: str, english: str) -> None:
    from bilingual_reader.translation.engines.base import Hypothesis, SentenceTranslation
    from bilingual_reader.translation.memory import TranslationMemory

    with TranslationMemory() as memory:
        memory.put_sentence(model, "lt-a2", SentenceTranslation(thai, english, (Hypothesis(english, 0.0),)))


@pytest.mark.parametrize(
    ("settings", "overrides"),
    [
        # the file chooses the server and is broken elsewhere
        ('[translation]\nengine = "libretranslate"\nurl = "http://lt.example:5000/"\nbeam = 3\n', {}),
        # the options choose it; the file is broken
        ("[translation]\nbeam = 3\n", {"engine": "libretranslate", "url": "http://lt.example:5000"}),
        # the option names the engine, the file (broken elsewhere) the server
        ('[translation]\nurl = "http://lt.example:5000"\nthreads = "x"\n', {"engine": "libretranslate"}),
    ],
)
def test_a_broken_settings_file_recalls_the_chosen_servers_memory(
    settings: str, overrides: dict[str, str]
) -> None:
    """It showed the local model's memory (or none, and no model was needed for it) as the server's."""
    from bilingual_reader.documents.articles import article_from_text
    from bilingual_reader.translation.engines.base import Recall
    from bilingual_reader.tui.reader.translation_jobs import default_engine, open_job_session

    thai = "ทหาร สวมเสื้อเกราะ"
    _remember("local-model-key", thai, "LOCAL English.")
    _remember(REMOTE_KEY, thai, "Soldiers wear armour.")
    _write(settings)
    with open_job_session(lambda: default_engine(**overrides), None, ()) as session:
        assert isinstance(session.engine, Recall)
        assert session.engine.key_prefix == "libretranslate http://lt.example:5000 "
        assert session.problem is not None and "\n" not in str(session.problem)
        assert str(session.problem).startswith(f"{config_path()}:")
        [result] = list(session.translate(article_from_text(thai, title="")))
    assert (result.english, result.source, result.model) == ("Soldiers wear armour.", "memory", REMOTE_KEY)


def test_a_broken_settings_file_with_the_local_engine_chosen_recalls_the_local_memory() -> None:
    from bilingual_reader.translation.recall import remote_recall

    _write('[translation]\nengine = "libretranslate"\nurl = "http://lt.example:5000"\nbeam = 3\n')
    assert remote_recall({"engine": "local"}) is None
    assert remote_recall({}) == remote_recall({"url": "http://lt.example:5000/"})
    _write("[translation\n")  # not TOML: which engine it meant cannot be known
    assert remote_recall({}) is None
