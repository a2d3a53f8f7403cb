"""`bilingual-reader model` beside a broken package, in a folder that is a file, without a model argument."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from bilingual_reader.cli import main
from bilingual_reader.translation.locations import packages_dir
from support import TRAINED


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_a_broken_package_of_another_pair_is_reported_and_the_rest_works() -> None:
    assert run("model", "install", "--file", str(TRAINED))[0] == 0
    broken = packages_dir() / "translate-de_en"
    broken.mkdir()
    (broken / "metadata.json").write_text("null")
    code, out, err = run("model", "status")
    assert code == 0
    assert "model:    translate-th_en-test (version 0.1.0)" in out
    assert (
        "shape:    joint SentencePiece (sentencepiece.model: 400 pieces; model: shared vocabulary of 400)"
        in out
    )
    assert err == f"bilingual-reader: warning: skipped {broken}: metadata.json is not a JSON object\n"
    code, out, _ = run("model", "remove")
    assert (code, out) == (0, f"Removed {packages_dir() / 'translate-th_en-test'}\n")
    assert [p.name for p in packages_dir().iterdir()] == ["translate-de_en"]


def test_packages_folder_that_is_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    a_file = tmp_path / "packages"
    a_file.write_text("x")
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(a_file))
    code, _, err = run("model", "status")
    assert code == 1 and "is not a folder" in err
    code, _, err = run("model", "install", "--file", str(TRAINED))
    assert code == 2 and err.count("\n") == 1 and "is not a folder" in err


def test_install_file_option_without_a_value_exits_2() -> None:
    result = CliRunner().invoke(main, ["model", "install", "--file"])
    assert result.exit_code == 2


@pytest.mark.parametrize("command", ["translate", "check"])
def test_translate_and_check_say_which_package_they_skip_and_use_the_model(
    command: str, tmp_path: Path
) -> None:
    """A broken package of another pair was skipped in silence by `translate` and `check` (issue 15)."""
    assert run("model", "install", "--file", str(TRAINED))[0] == 0
    broken = packages_dir() / "translate-de_en"
    broken.mkdir()
    (broken / "metadata.json").write_text("null")
    article = tmp_path / "a.txt"
    article.write_text("ทหาร\n", encoding="utf-8")
    result = CliRunner().invoke(main, [command, str(article)], catch_exceptions=False)
    warning = f"bilingual-reader: warning: skipped {broken}: metadata.json is not a JSON object\n"
    assert result.stderr.startswith(warning)
    assert result.stderr.count("warning") == 1
    assert result.exit_code == 0
    assert ("ทหาร\nThe army soldier po\n" if command == "translate" else "1 ok, 0 missing") in result.stdout
