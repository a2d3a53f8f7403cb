"""Headless work the reader runs in thread workers: loading its services' modules after the first frame,
segmenting an article (the lookups warm up in ``lookup.warm_up``)."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message
from textual.worker import get_current_worker

if TYPE_CHECKING:
    from bilingual_reader.thai.segmenter import Segmenter, Token


#: What the reader opens once its first frame is up: the glossary store, the checks, the segmenter.
SERVICE_MODULES = (
    "bilingual_reader.glossary.store",
    "bilingual_reader.qa.check",
    "bilingual_reader.qa.dismissals",
    "bilingual_reader.qa.plan",
    "bilingual_reader.qa.rules.run",
    "bilingual_reader.translation.settings",
    "bilingual_reader.thai.segmenter",
)


@dataclass
class ServicesLoaded(Message):
    """The glossary store's and the terminology check's modules are imported: opening them is quick now."""


def load_services() -> None:
    """Import what opening the glossary and checking terms needs (sqlite-utils alone takes a few hundred
    milliseconds, lemminflect's tables about a second), then post ``ServicesLoaded`` to the worker's node.
    Run in a thread worker."""
    for name in SERVICE_MODULES:
        importlib.import_module(name)
    from sqlite_utils.plugins import ensure_plugins_loaded

    ensure_plugins_loaded()  # its plugins' entry points: a scan of the installed packages on first use
    from bilingual_reader.qa.inflection import load

    load()  # English inflection tables, which building the terminology check needs
    get_current_worker().node.post_message(ServicesLoaded())


#: Paragraphs per batch the segmenting worker posts (after the first batch, which is what is visible).
BATCH = 256


def segment_in_order(
    paragraphs: Sequence[str],
    segmenter: Segmenter,
    first: Sequence[int] = (),
    cancelled: Callable[[], bool] = lambda: False,
    margin: int = 40,
) -> Iterator[tuple[dict[int, list[Token]], bool]]:
    """Tokenize every paragraph with ``segmenter``: ``first`` and ``margin`` paragraphs around them, then
    the rest in order. Yields (tokens by paragraph, done) in batches; stops early when ``cancelled``."""
    order: list[int] = []
    if first:
        low, high = max(0, min(first) - margin), min(len(paragraphs), max(first) + margin + 1)
        order = [*first, *(i for i in range(low, high) if i not in first)]
    seen = set(order)
    order.extend(i for i in range(len(paragraphs)) if i not in seen)
    batch: dict[int, list[Token]] = {}
    limit = len(seen) or BATCH
    for number, index in enumerate(order, 1):
        if cancelled():
            return
        batch[index] = segmenter.tokenize(paragraphs[index])
        if len(batch) >= limit and number < len(order):
            yield batch, False
            batch, limit = {}, BATCH
    yield batch, True
