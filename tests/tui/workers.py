"""Counts the workers each Textual app has started, so a test can tell "nothing new started" from "a thread
worker started and finished between two looks" (finished workers leave ``app.workers``)."""

from __future__ import annotations

from typing import Any
from weakref import WeakKeyDictionary

from textual.app import App
from textual.worker import Worker
from textual.worker_manager import WorkerManager

_started: WeakKeyDictionary[App[Any], int] = WeakKeyDictionary()
_add_worker = WorkerManager.add_worker


def _counting_add_worker(
    self: WorkerManager, worker: Worker[Any], start: bool = True, exclusive: bool = True
) -> None:
    _started[self._app] = _started.get(self._app, 0) + 1
    _add_worker(self, worker, start, exclusive)


WorkerManager.add_worker = _counting_add_worker  # type: ignore[method-assign]


def workers_started(app: App[Any]) -> int:
    """How many workers ``app`` has started so far."""
    return _started.get(app, 0)
