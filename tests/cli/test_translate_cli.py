"""`bilingual-reader model …` and `bilingual-reader translate`."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from bilingual_reader.cli import main
from bilingual_reader.translation.locations import packages_dir
from bilingual_reader.translation.packages import installed_models
from support import TRAINED, corpus_pairs


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_status_install_remove(tmp_path: Path) -> None:
    code, out, _ = run("model", "status")
    assert code == 1
    assert "No Thai→English model installed" in out
    assert "decoding: beam 4, 3 alternatives, compute type int8" in out
    code, out, _ = run("model", "install", "--file", str(TRAINED))
    assert code == 0
    assert (
        out
        == f"Installed translate-th_en-test (version 0.1.0) in {packages_dir() / 'translate-th_en-test'}\n"
    )
    code, out, _ = run("model", "status")
    assert code == 0
    assert "model:    translate-th_en-test (version 0.1.0)" in out
    assert re.search(r"^size:     \d+ kB$", out, re.MULTILINE)
    code, out, _ = run("model", "remove")
    assert (code, out) == (0, f"Removed {packages_dir() / 'translate-th_en-test'}\n")
    assert run("model", "remove")[:2] == (0, "No Thai→English model installed.\n")


def test_install_bad_file_is_one_line_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.argosmodel"
    bad.write_bytes(b"nope")
    code, out, err = run("model", "install", "--file", str(bad))
    assert code == 2
    assert out == ""
    assert err.startswith(f"bilingual-reader: {bad}: not a valid zip archive")
    assert err.count("\n") == 1


def test_install_offline_index_fails_fast() -> None:
    code, _, err = run("model", "install", "--timeout", "2")
    assert code == 2
    assert "unreachable" in err and err.count("\n") == 1


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "news.txt"
    path.write_text(
        "ข่าวกลาโหม\n" + "\n".join(thai for thai, _ in corpus_pairs()[:3]) + "\n", encoding="utf-8"
    )
    return path


def test_translate_json_then_memory(article: Path) -> None:
    run("model", "install", "--file", str(TRAINED))
    code, out, err = run("translate", str(article), "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert data["title"] == "ข่าวกลาโหม"
    title, *paragraphs = data["paragraphs"]
    assert (title["index"], title["role"], title["thai"], title["source"]) == (
        0,
        "title",
        "ข่าวกลาโหม",
        "engine",
    )
    assert title["english"]
    assert [(p["role"], p["thai"], p["english"], p["source"], p["flags"]) for p in paragraphs] == [
        ("paragraph", thai, english, "engine", []) for thai, english in corpus_pairs()[:3]
    ]
    (model,) = installed_models()
    assert {p["model"] for p in data["paragraphs"]} == {model.key}
    assert model.key.startswith("translate-th_en-test@0.1.0:")
    assert "Translating" not in err  # progress only on a terminal (tests/cli/test_streaming.py)
    _, again, _ = run("translate", str(article), "--format", "json")
    assert {p["source"] for p in json.loads(again)["paragraphs"]} == {"memory"}


@pytest.mark.parametrize("fmt", ["text", "markdown", "tmx"])
def test_translate_formats_to_file(article: Path, tmp_path: Path, fmt: str) -> None:
    run("model", "install", "--file", str(TRAINED))
    target = tmp_path / f"out.{fmt}"
    code, out, _ = run("translate", str(article), "--fast", "--format", fmt, "-o", str(target))
    assert (code, out) == (0, "")
    text = target.read_text(encoding="utf-8")
    first_thai, first_english = corpus_pairs()[0]
    if fmt == "text":  # the title is a paragraph: its Thai, then its English
        blocks = text.split("\n\n")
        assert blocks[0].startswith("ข่าวกลาโหม\n") and len(blocks[0].splitlines()) == 2
        assert blocks[1] == f"{first_thai}\n{first_english}"
        assert len(blocks) == 4
    elif fmt == "markdown":
        assert text.startswith("# ข่าวกลาโหม\n\n> ")
        assert f"\n{first_thai}\n\n> {first_english}\n" in text
    else:
        from translate.storage import tmx

        store = tmx.tmxfile.parsestring(target.read_bytes())  # type: ignore[no-untyped-call]
        assert store.units[0].source == "ข่าวกลาโหม"
        assert [(u.source, u.target) for u in store.units[1:]] == corpus_pairs()[:3]


def test_every_line_is_translated(tmp_path: Path) -> None:
    run("model", "install", "--file", str(TRAINED))
    pairs = corpus_pairs()[:20]
    path = tmp_path / "twenty.txt"
    path.write_text("\n".join(thai for thai, _ in pairs) + "\n", encoding="utf-8")
    code, out, err = run("translate", str(path), "--format", "json", "--fast")
    assert code == 0, err
    data = json.loads(out)
    assert [p["thai"] for p in data["paragraphs"]] == [thai for thai, _ in pairs]
    assert len(pairs) == 20


def test_translate_missing_article_exit_2(tmp_path: Path) -> None:
    code, _, err = run("translate", str(tmp_path / "nope.txt"))
    assert code == 2
    assert err == f"bilingual-reader: {tmp_path / 'nope.txt'}: no such file\n"


def test_translate_and_check_without_model_say_the_same_line_and_exit_2(article: Path) -> None:
    expected = "bilingual-reader: no Thai→English model installed: run `bilingual-reader model install`\n"
    assert run("translate", str(article)) == (2, "", expected)
    assert run("check", str(article)) == (2, "", expected)


def test_translate_bad_settings_file_exit_2(article: Path) -> None:
    from bilingual_reader.translation.settings import config_path

    run("model", "install", "--file", str(TRAINED))
    config_path().parent.mkdir(parents=True, exist_ok=True)
    config_path().write_text('[translation]\nbeam_size = "big"\n')
    code, _, err = run("translate", str(article))
    assert code == 2
    expected = (
        f"bilingual-reader: {config_path()}:2:13: beam_size must be an integer from 1 to 16, not 'big'\n"
    )
    assert err == expected
    assert run("check", str(article))[::2] == (2, expected)


@pytest.mark.parametrize(
    ("option", "message"),
    [
        (["--threads", "10000"], "--threads: must be an integer from 0 to 64, not 10000"),
        (["--beam-size", "0"], "--beam-size: must be an integer from 1 to 16, not 0"),
        (
            ["--compute-type", "big"],
            "--compute-type: must be one of auto, default, int8, int8_float32, int16",
        ),
    ],
)
def test_translate_bad_option_exit_2(article: Path, option: list[str], message: str) -> None:
    code, _, err = run("translate", str(article), *option)
    assert code == 2
    assert err.startswith(f"bilingual-reader: {message}")
    assert err.count("\n") == 1
