"""Ending the reader when its terminal goes away."""

from __future__ import annotations

import contextlib
import os
import select
import threading
from typing import Any

from textual.app import App


def exit_on_hangup(app: App[Any], fd: int) -> threading.Thread | None:
    """Exit ``app`` when the terminal on ``fd`` hangs up (its window closed, an SSH link dropped), SIGHUP or
    not: a reader started by ``uv run`` (``make run``) gets none, and Textual's input thread then reads end
    of file in a loop, a core at 100% until someone kills it (Textualize/textual#6690). A thread waits in
    ``poll`` for the hang-up alone (no events asked for: poll reports a hang-up or an error anyway) and
    asks the app to exit, as ``q`` does. None when ``fd`` is not a terminal."""
    if not os.isatty(fd):
        return None

    def wait() -> None:
        poller = select.poll()
        poller.register(fd, 0)
        while not any(mask & _GONE for _, mask in poller.poll()):
            pass
        with contextlib.suppress(RuntimeError):  # the app has stopped already
            app.call_from_thread(app.exit)

    thread = threading.Thread(target=wait, name="hangup", daemon=True)
    thread.start()
    return thread


_GONE = select.POLLHUP | select.POLLERR | select.POLLNVAL
