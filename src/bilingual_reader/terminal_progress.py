"""Progress of a long command on standard error, and its output on standard output, kept apart.

:class:`Progress` shows a rich progress bar on stderr only when stderr is a terminal and only once the run
has lasted :data:`DELAY` seconds (``BILINGUAL_READER_PROGRESS_DELAY`` overrides it: tests); the bar is
transient (gone when the command ends). Output goes through :meth:`Progress.write`, paragraph by paragraph:
it never goes to stderr, and when stdout is the same terminal the bar steps aside for it. rich is imported
only when the bar is shown, so short runs and pipes pay nothing for it.
"""

from __future__ import annotations

import os
import sys
import threading
from types import TracebackType
from typing import IO, Any

__all__ = ["DELAY", "Progress", "silence_stdout"]

#: Seconds a command runs before its progress is shown.
DELAY = 1.0
_REFRESH = 0.2


def silence_stdout() -> None:
    """Point stdout at /dev/null after its reader went away (``| head``), so the interpreter's last flush
    does not fail again and print a traceback."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def _delay() -> float:
    try:
        return max(float(os.environ.get("BILINGUAL_READER_PROGRESS_DELAY", DELAY)), 0.0)
    except ValueError:
        return DELAY


def _is_terminal(stream: IO[Any]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError, OSError):
        return False


class Progress:
    """``with Progress("Translating", total) as progress:`` then ``progress.write(text)`` per paragraph done
    and ``progress.advance()``; ``total`` None before it is known (:meth:`set_total`)."""

    def __init__(
        self,
        label: str,
        total: int | None = None,
        *,
        out: IO[Any] | None = None,
        err: IO[str] | None = None,
        delay: float | None = None,
    ) -> None:
        self.label = label
        self.total = total
        self.done = 0
        self.out: IO[Any] = out if out is not None else sys.stdout
        self.err = err if err is not None else sys.stderr
        self.delay = _delay() if delay is None else delay
        self.shown = False  # the bar was drawn at least once (tests)
        self._bar: Any = None
        self._task: Any = None
        self._lock = threading.RLock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._shared = False  # stdout and stderr are the same terminal

    def __enter__(self) -> Progress:
        if _is_terminal(self.err):
            self._shared = _is_terminal(self.out)
            if self.delay <= 0:
                self._show()
            self._thread = threading.Thread(target=self._run, name="progress", daemon=True)
            self._thread.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Stop and clear the bar (if shown); flush the output."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        with self._lock:
            if self._bar is not None:
                self._bar.stop()
                self._bar = None
        self._flush()

    def set_total(self, total: int) -> None:
        """Say how many steps there are."""
        with self._lock:
            self.total = total
            if self._bar is not None:
                self._bar.update(self._task, total=total)

    def restart(self, label: str, total: int | None = None) -> None:
        """Count a new pass from zero under ``label`` (a command that reads its input twice)."""
        with self._lock:
            self.label, self.total, self.done = label, total, 0
            if self._bar is not None:
                self._bar.reset(self._task, total=total, description=label)

    def advance(self, steps: int = 1) -> None:
        """Count ``steps`` more done."""
        with self._lock:
            self.done += steps
            if self._bar is not None:
                self._bar.update(self._task, completed=self.done)

    def write(self, data: str | bytes) -> None:
        """Write ``data`` to the output (flushed, so what is done is out even if the run is stopped);
        bytes go to a text stream's binary buffer."""
        with self._lock:
            if self._bar is not None and self._shared:
                self._bar.stop()  # transient: clears its line, then comes back below the text
                self._put(data)
                self._bar.start()
            else:
                self._put(data)

    def _put(self, data: str | bytes) -> None:
        buffer = getattr(self.out, "buffer", None) if isinstance(data, bytes) else None
        if buffer is not None:
            self.out.flush()
            buffer.write(data)
        else:
            self.out.write(data)
        self._flush()

    def _flush(self) -> None:
        if not getattr(self.out, "closed", False):
            self.out.flush()

    def _run(self) -> None:
        if self._bar is None:
            if self._stop.wait(self.delay):
                return
            with self._lock:
                if self._stop.is_set():
                    return
                self._show()
        while not self._stop.wait(_REFRESH):
            with self._lock:
                if self._bar is not None:
                    self._bar.refresh()

    def _show(self) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )
        from rich.progress import Progress as Bar

        console = Console(file=self.err, stderr=True)
        self._bar = Bar(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=console,
            transient=True,
            auto_refresh=False,
            redirect_stdout=False,
            redirect_stderr=False,
        )
        self._task = self._bar.add_task(self.label, total=self.total, completed=self.done)
        self._bar.start()
        self._bar.refresh()
        self.shown = True
