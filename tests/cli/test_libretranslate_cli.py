"""`translate`, `check`, `read` and `model status` with ``--engine libretranslate --url``: settings, the API
key, one-line faults, and the same English as the local engine through the real server."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from bilingual_reader.cli import main
from bilingual_reader.translation.engines.libretranslate_key import KEY_VARIABLE, key_path
from bilingual_reader.translation.memory import memory_path
from bilingual_reader.translation.settings import config_path
from libretranslate_server import LibreTranslateServer
from support import TRAINED, corpus_pairs
from translation.lt_fake import FakeLibreTranslate, refused_url

PAIRS = corpus_pairs()[:4]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text("\n".join(thai for thai, _ in PAIRS) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def fake() -> Iterator[FakeLibreTranslate]:
    with FakeLibreTranslate() as server:
        yield server


def _remote(url: str) -> list[str]:
    return ["--engine", "libretranslate", "--url", url]


def test_translate_through_a_server_then_from_the_memory(fake: FakeLibreTranslate, article: Path) -> None:
    code, out, err = run("translate", str(article), "--format", "json", *_remote(fake.url))
    assert code == 0, err
    assert [f"EN({thai})" in out for thai, _ in PAIRS] == [True] * len(PAIRS)
    fake.paths.clear()
    assert run("translate", str(article), *_remote(fake.url))[0] == 0
    assert fake.paths == []


def test_the_engine_from_the_settings_file(fake: FakeLibreTranslate, article: Path) -> None:
    config_path().parent.mkdir(parents=True, exist_ok=True)
    config_path().write_text(
        f'[translation]\nengine = "libretranslate"\nurl = "{fake.url}"\nbatch_size = 2\n'
    )
    code, out, _ = run("translate", str(article))
    assert (code, out.count("EN(")) == (0, len(PAIRS))
    assert [len(b["q"]) for b in fake.bodies] == [2, 2]


def test_a_server_that_is_down_is_one_line_exit_1(article: Path) -> None:
    url = refused_url()
    code, out, err = run("translate", str(article), *_remote(url))
    assert code == 1
    line = f"LibreTranslate at {url} refused the connection (is the server running?)"
    assert err.splitlines()[-1] == f"warning: 4 paragraph(s) not translated (paragraph 1, 2, 3, 4): {line}"
    assert out.count(f"[translation failed: {line}]") == len(PAIRS)


def test_check_says_why_the_english_is_missing(article: Path) -> None:
    url = refused_url()
    _, _, err = run("check", str(article), *_remote(url))
    assert (
        f"warning: {article}: 4 paragraph(s) not translated (paragraph 1, 2, 3, 4): LibreTranslate at" in err
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--engine", "libretranslate"], "the libretranslate engine needs a server: set `url` under"),
        (["--engine", "libretranslate", "--url", "ftp://x"], "--url: must be an http(s) URL such as"),
        (["--engine", "libretranslate", "--url", "http://me:pw@host"], "--url: must not hold a user name"),
        (["--engine", "deepl"], "Invalid value for '--engine'"),
    ],
)
@pytest.mark.parametrize("command", ["translate", "check", "read"])
def test_bad_engine_options_are_one_line_exit_2(
    command: str, args: list[str], message: str, article: Path
) -> None:
    code, _, err = run(command, str(article), *args)
    assert (code, message in err) == (2, True), err  # seen once failing in a full run: say why next time
    assert "pw" not in err


def test_a_key_file_open_to_others_is_refused_and_the_key_never_shows(
    fake: FakeLibreTranslate, article: Path
) -> None:
    path = key_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("s3cret-key\n")
    os.chmod(path, 0o644)
    code, _, err = run("translate", str(article), *_remote(fake.url))
    assert code == 2
    assert err == (
        f"bilingual-reader: {path}: the API key file is open to other users (mode 644); "
        f"run `chmod 600 {path}`\n"
    )
    os.chmod(path, 0o600)
    fake.key = "other-key"
    code, out, err = run("translate", str(article), *_remote(fake.url))
    assert code == 1
    assert "refused the API key (403: Invalid API key)" in err
    assert "s3cret" not in out + err
    assert {b.get("api_key") for b in fake.probes + fake.bodies} == {"s3cret-key"}  # refused at the probe
    assert b"s3cret" not in memory_path().read_bytes()


def test_the_key_from_the_environment(
    fake: FakeLibreTranslate, article: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake.key = "env-key"
    monkeypatch.setenv(KEY_VARIABLE, "env-key")
    assert run("translate", str(article), *_remote(fake.url))[0] == 0
    assert {b.get("api_key") for b in fake.bodies} == {"env-key"}


def test_model_status_of_a_server(fake: FakeLibreTranslate) -> None:
    code, out, _ = run("model", "status", *_remote(fake.url))
    assert code == 0
    assert f"engine:    LibreTranslate at {fake.url}\n" in out
    assert "languages: Thai → en\n" in out
    assert "limits:    none; API key not required\n" in out
    assert "status:    reachable; one request took" in out
    [model] = [line for line in out.splitlines() if line.startswith("model:")]
    assert re.fullmatch(
        r"model:     LibreTranslate 1\.9\.6, th→en model [0-9a-f]{12} "
        r"\(fingerprint of its answer to 'สวัสดีครับ': 'EN\(สวัสดีครับ\)'\)",
        model,
    )
    fake.model = "NEW"  # another th→en package behind the same URL: another fingerprint
    again = run("model", "status", *_remote(fake.url))[1]
    [changed] = [line for line in again.splitlines() if line.startswith("model:")]
    assert changed.split()[5] != model.split()[5] and "'NEW(สวัสดีครับ)'" in changed
    url = refused_url()
    code, out, _ = run("model", "status", *_remote(url))
    assert code == 1
    assert out.splitlines()[-1] == (
        f"status:    not usable: LibreTranslate at {url} refused the connection (is the server running?)"
    )
    assert "model:     unknown (the server was not reached)\n" in out


@pytest.mark.xdist_group("libretranslate")
def test_same_english_through_the_real_server_as_locally(
    libretranslate: LibreTranslateServer, article: Path
) -> None:
    assert run("model", "install", "--file", str(TRAINED))[0] == 0
    code, local, _ = run("translate", str(article))
    assert code == 0
    code, remote, _ = run("translate", str(article), *_remote(libretranslate.url))
    assert code == 0
    assert remote == local  # exactly: the full stop the server drops is restored
    assert [english for _, english in PAIRS] == remote.splitlines()[1::3]
    code, out, _ = run("model", "status", *_remote(libretranslate.url))
    assert code == 0
    assert "languages: Thai → en, th\n" in out
    assert re.search(r"^model:     LibreTranslate 1\.9\.6, th→en model [0-9a-f]{12} \(", out, re.MULTILINE)


@pytest.mark.parametrize(("ci", "outcome"), [("true", "failed"), ("", "skipped")])
def test_without_the_server_venv_ci_fails_and_a_laptop_skips(
    ci: str, outcome: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import libretranslate_server
    from conftest import require_libretranslate

    monkeypatch.setattr(libretranslate_server, "VENV", tmp_path / "no-venv")
    monkeypatch.setenv("CI", ci)
    kind = pytest.fail.Exception if outcome == "failed" else pytest.skip.Exception
    with pytest.raises(
        kind, match=r"LibreTranslate is not installed in .*no-venv: run `make libretranslate`"
    ):
        require_libretranslate()
