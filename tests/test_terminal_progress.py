"""The progress of long commands: on a terminal's stderr only, only after the delay, never in the output."""

from __future__ import annotations

import io

import pytest

from bilingual_reader.terminal_progress import DELAY, Progress


class Terminal(io.StringIO):
    """A text stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


class Binary(io.BytesIO):
    """An output file opened in binary (``translate -o``)."""


@pytest.mark.parametrize(
    ("err_is_terminal", "delay", "shown"),
    [
        (True, 0.0, True),  # a terminal, the run is already past the delay
        (True, 3600.0, False),  # a terminal, a run shorter than the delay
        (False, 0.0, False),  # stderr is a file or a pipe: never
    ],
)
def test_the_bar_shows_only_on_a_terminal_after_the_delay(
    err_is_terminal: bool, delay: float, shown: bool
) -> None:
    err = Terminal() if err_is_terminal else io.StringIO()
    out = io.StringIO()
    with Progress("Segmenting", 3, out=out, err=err, delay=delay) as progress:
        for line in ("ก\n", "ข\n", "ค\n"):
            progress.write(line)
            progress.advance()
    assert progress.shown is shown
    assert ("Segmenting" in err.getvalue()) is shown
    assert out.getvalue() == "ก\nข\nค\n"  # never a bar character in the output


def test_output_on_the_same_terminal_keeps_every_line_and_the_bar_goes_away() -> None:
    terminal = Terminal()
    with Progress("Translating", 2, out=terminal, err=terminal, delay=0) as progress:
        progress.write("first\n")
        progress.advance()
        progress.write("second\n")
        progress.advance()
    screen = terminal.getvalue()
    assert "Translating" in screen
    assert screen.index("first\n") < screen.index("second\n")
    assert screen.endswith("\r\x1b[1A\x1b[2K")  # transient: the bar's last drawing is erased
    assert screen.count("\x1b[?25l") == screen.count("\x1b[?25h")  # the cursor is shown again


def test_bytes_go_to_a_binary_file_and_to_a_text_stream_s_buffer() -> None:
    file = Binary()
    with Progress("Translating", 1, out=file, err=Terminal(), delay=0) as progress:
        progress.write("ข่าว\n".encode())
    assert file.getvalue() == "ข่าว\n".encode()
    text = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    with Progress("Translating", 1, out=text, err=io.StringIO()) as progress:
        progress.write("a ")
        progress.write("ข่าว\n".encode())
    assert text.buffer.getvalue() == "a ข่าว\n".encode()


def test_the_total_can_come_later_and_the_delay_is_a_second(monkeypatch: pytest.MonkeyPatch) -> None:
    assert DELAY == 1.0
    monkeypatch.setenv("BILINGUAL_READER_PROGRESS_DELAY", "0")
    err = Terminal()
    with Progress("Segmenting", out=io.StringIO(), err=err) as progress:
        progress.set_total(2)
        progress.advance(2)
    assert progress.shown and (progress.done, progress.total) == (2, 2)
    monkeypatch.setenv("BILINGUAL_READER_PROGRESS_DELAY", "soon")
    assert Progress("x").delay == DELAY


def test_a_second_pass_counts_again_from_zero_under_its_label(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BILINGUAL_READER_PROGRESS_DELAY", "0")
    err = Terminal()
    with Progress("Reading", out=io.StringIO(), err=err) as progress:
        progress.advance(5)
        progress.restart("Segmenting", 3)
        assert (progress.label, progress.done, progress.total) == ("Segmenting", 0, 3)
        progress.advance(2)
        task = progress._bar.tasks[0]
        assert (task.description, task.completed, task.total) == ("Segmenting", 2, 3)
    assert progress.shown
