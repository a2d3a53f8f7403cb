"""Every ``bilingual-reader …`` line the README prints names a command and options that exist."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import click
import pytest

from bilingual_reader.cli import main

README = Path(__file__).resolve().parents[2] / "README.md"


def _example_lines() -> list[str]:
    """The README's command lines, without their trailing comments."""
    lines = []
    for line in README.read_text(encoding="utf-8").splitlines():
        if line.startswith("bilingual-reader"):
            lines.append(re.split(r"\s{2,}#", line, maxsplit=1)[0].strip())
    return lines


def _command_and_options(argv: list[str]) -> tuple[click.Command, list[str], list[str]]:
    """The (sub)command ``argv`` runs, the words naming it, and the options the line gives it."""
    command: click.Command = main
    names: list[str] = []
    rest = list(argv)
    while isinstance(command, click.Group) and rest and not rest[0].startswith("-"):
        sub = command.get_command(click.Context(command), rest[0])
        if sub is None:
            break
        command, names = sub, [*names, rest.pop(0)]
    options = [word.split("=", 1)[0] for word in rest if word.startswith("--")]
    return command, names, options


EXAMPLES = _example_lines()


def test_the_readme_has_command_examples() -> None:
    assert len(EXAMPLES) >= 30


@pytest.mark.parametrize("line", EXAMPLES)
def test_a_readme_command_line_names_what_exists(line: str) -> None:
    argv = shlex.split(line)[1:]
    command, names, options = _command_and_options(argv)
    if argv and not argv[0].startswith("-"):
        assert names, f"{line!r}: no command {argv[0]!r}"
    if isinstance(command, click.Group) and argv:
        assert len(argv) == len(names), f"{line!r}: {command.name} needs a subcommand"
    known = {opt for param in command.params for opt in (*param.opts, *param.secondary_opts)}
    known |= {opt for param in main.params for opt in param.opts}  # the group's options are accepted anywhere
    assert set(options) <= known, f"{line!r}: unknown options {sorted(set(options) - known)}"


@pytest.mark.parametrize(
    ("line", "names", "unknown"),
    [
        ("bilingual-reader glossary exprot x.tbx", ["glossary"], []),  # a typo stops at the group
        ("bilingual-reader translate PATH --fromat json", ["translate"], ["--fromat"]),
        ("bilingual-reader check PATH --strict", ["check"], []),
    ],
)
def test_the_check_catches_typos(line: str, names: list[str], unknown: list[str]) -> None:
    command, found, options = _command_and_options(shlex.split(line)[1:])
    known = {opt for param in command.params for opt in param.opts}
    assert found == names
    assert [o for o in options if o not in known] == unknown
