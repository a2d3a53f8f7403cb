"""What every translation engine offers: the ``Engine`` protocol and the results it yields.

An engine translates batches of Thai sentences into English with an n-best list per sentence. The local
CTranslate2 engine (:mod:`.local`) also forces target prefixes and scores targets (:class:`PrefixEngine`),
which glossary steering uses when reranking the n-best is not enough; a remote engine (a LibreTranslate
server) offers n-best alternatives but no forced prefix, so steering falls back to flagging there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable


@dataclass(frozen=True)
class Hypothesis:
    """One candidate translation and its length-normalised log-probability (≤ 0)."""

    text: str
    score: float


@dataclass(frozen=True)
class SentenceTranslation:
    """A source sentence, its best translation and the n-best list (best first)."""

    source: str
    best: str
    nbest: tuple[Hypothesis, ...]


@runtime_checkable
class Engine(Protocol):
    """A Thai→English engine as the pipeline, the memory and steering use it.

    ``model_key`` and ``settings_key`` file its output in the translation memory, so translations of
    different engines never mix: the local engine's ``model_key`` is the installed package's identity; a
    remote engine's names the server and the model it reports. ``translate`` yields one result per sentence,
    in input order, batching as the engine sees fit; it may raise for a batch it cannot translate (the
    pipeline then retries paragraph by paragraph).
    """

    @property
    def model_key(self) -> str: ...

    @property
    def settings_key(self) -> str: ...

    def translate(self, sentences: Sequence[str]) -> Iterator[SentenceTranslation]: ...


class EngineError(Exception):
    """An engine could not translate a batch; ``str(err)`` is one line saying why (shown as is).

    The pipeline then retries paragraph by paragraph, so one bad paragraph does not stop the others.
    """


class EngineUnavailable(EngineError):
    """The engine can translate nothing now (server unreachable, key refused, rate limit not lifting).

    The pipeline stops at once and marks every paragraph still waiting with this line; what was already
    translated stays (in the memory too), and the next run goes on from there.
    """


@runtime_checkable
class AskingEngine(Protocol):
    """An engine whose memory key is asked of a server at the start of each pass (LibreTranslate).

    ``memory_key(last_known)`` returns the key to file under; when the server cannot be asked,
    ``last_known(prefix)`` (the memory's newest key starting with ``prefix``) stands in.
    """

    def memory_key(self, last_known: Callable[[str], str | None]) -> str: ...


def memory_key(engine: Engine | Recall, last_known: Callable[[str], str | None]) -> str:
    """The key a pass files the engine's output under (a remote engine asks its server who it is;
    ``last_known``: the memory's newest key with a prefix, when it cannot be asked)."""
    if isinstance(engine, AskingEngine):
        return engine.memory_key(last_known)
    return engine.model_key


@dataclass(frozen=True)
class Recall:
    """Stands in for an engine that cannot run (e.g. the settings file is broken): the memory's translations
    by ``model_key`` with any settings are shown, nothing new is translated.

    For a remote engine, ``key_prefix`` names its server: the memory's last key of that server is shown.
    """

    model_key: str
    settings_key: None = None
    key_prefix: str | None = None

    def memory_key(self, last_known: Callable[[str], str | None]) -> str:
        """The key whose translations are shown."""
        found = last_known(self.key_prefix) if self.key_prefix else None
        return found or self.model_key


@runtime_checkable
class PrefixEngine(Protocol):
    """An engine that can translate with a forced target prefix and score targets (the local one can)."""

    def complete(self, source: str, prefixes: Sequence[str]) -> list[str]: ...

    def score(self, source: str, targets: Sequence[str]) -> list[float]: ...
