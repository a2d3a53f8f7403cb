"""Garbage collection held off from a key (or click) to the frame that answers it: with a book open a full
collection walks hundreds of megabytes of objects (20-40 ms at 10 MB), and one landing inside a key made that
key the slowest of a hundred. The collection still happens, just after the frame."""

from __future__ import annotations

import gc

from textual.message_pump import MessagePump

#: Seconds after which collection resumes anyway (a key that changes nothing may not be followed by a frame).
FALLBACK = 0.25


def hold_until_frame(node: MessagePump) -> None:
    """No garbage collection until the screen of ``node`` is refreshed (or ``FALLBACK`` seconds have gone)."""
    if gc.isenabled():
        gc.disable()
        node.call_after_refresh(resume_collection)
        node.set_timer(FALLBACK, resume_collection)


def resume_collection() -> None:
    """Collect garbage again (the frame is out, or the app is closing)."""
    gc.enable()
