"""The LibreTranslate engine: Thai sentences translated by a shared server, behind the ``Engine`` protocol.

The pipeline splits sentences, keeps the memory, steers and flags exactly as with the local engine; this
engine only sends batches. Before the first batch it asks the server what it offers (``GET /languages``:
th→en must be offered; ``GET /frontend/settings``: the character limit) and who it is. Batches of up to
``batch_size`` sentences (4, 8, … first, so the visible paragraphs come back quickly) go out with up to
``in_flight`` requests at once and come back in order; a 400 saying a batch exceeds the server's limit
halves it; a sentence longer than the character limit goes in pieces cut at spaces (its n-best: each
piece's alternatives in turn, :func:`joined`). ``alternatives`` gives the n-best (LibreTranslate gives no
scores: the list is ranked, scores are 0, -1, -2, …), which glossary steering reranks; a server cannot
force a target prefix, so a sentence that still misses its approved term is flagged with the suggestion.

The memory key is the server's identity (:mod:`.libretranslate_identity`): its URL, version and a
fingerprint of its th→en model, asked once per engine at the start of the first pass (:meth:`memory_key`),
so a model swapped behind the same URL never serves the old model's English, and local and remote never
mix. When the server cannot be asked, the last key it had in the memory stands in: what it translated stays
readable, nothing new is translated. LibreTranslate drops the model's final full stop; it is put back
(:mod:`.libretranslate_text`).
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

from bilingual_reader.thai.text import printable
from bilingual_reader.translation.engines.base import (
    EngineError,
    EngineUnavailable,
    Hypothesis,
    SentenceTranslation,
)
from bilingual_reader.translation.engines.libretranslate_http import BatchTooLarge, Server, ServerInfo
from bilingual_reader.translation.engines.libretranslate_identity import PROBE_THAI, Identity, identify
from bilingual_reader.translation.engines.libretranslate_text import restore_final_mark


def cut(text: str, limit: int) -> list[str]:
    """``text`` in pieces of at most ``limit`` characters, cut after a space when there is one."""
    pieces: list[str] = []
    while len(text) > limit:
        space = text.rfind(" ", 1, limit + 1)
        at = space + 1 if space > 0 else limit
        pieces.append(text[:at].strip())
        text = text[at:]
    pieces.append(text.strip())
    return [p for p in pieces if p] or [text]


def joined(answers: Sequence[Sequence[str]]) -> list[str]:
    """The n-best of a sentence sent in pieces (``answers``: each piece's best, then its alternatives):
    the best pieces joined, then each piece's alternatives in turn in place of its best, rank by rank."""
    best = [a[0] if a else "" for a in answers]
    variants = [best]
    for rank in range(1, max((len(a) for a in answers), default=0)):
        for i, piece in enumerate(answers):
            if rank < len(piece) and piece[rank]:
                variants.append([*best[:i], piece[rank], *best[i + 1 :]])
    return [" ".join(t for t in parts if t) for parts in variants]


@dataclass(frozen=True)
class Probe:
    """A server for ``model status``: reachable or why not, what Thai goes to, one request's latency."""

    url: str
    problem: str | None = None
    info: ServerInfo | None = None
    identity: Identity | None = None  # its version, model fingerprint and one request's latency

    @property
    def latency(self) -> float | None:
        """Seconds one translation request took."""
        return self.identity.latency if self.identity else None

    @property
    def sample(self) -> str:
        """Its English of the probe sentence."""
        return self.identity.probe[0] if self.identity and self.identity.probe else ""


__all__ = ["PROBE_THAI", "LibreTranslateEngine", "Probe", "cut", "joined"]


class LibreTranslateEngine:
    """The ``Engine`` of one LibreTranslate server; nothing is sent until the first translation."""

    def __init__(
        self,
        url: str,
        *,
        timeout: float = 30.0,
        batch_size: int = 16,
        alternatives: int = 2,
        api_key: str | None = None,
        key_file: str = "the key file",
        in_flight: int = 4,
        max_wait: float = 120.0,
    ) -> None:
        """An engine for the server at ``url``; ``max_wait`` bounds the waiting on 429 answers per request."""
        self.server = Server(
            url, timeout=timeout, api_key=api_key, key_file=key_file, connections=in_flight, max_wait=max_wait
        )
        self.batch_size = batch_size
        self.alternatives = alternatives
        self.in_flight = in_flight
        self.calls = 0  # /translate requests of sentences answered (tests count them; not the probe)
        self._info: ServerInfo | None = None
        self._identity: Identity | None = None
        self._offline = False  # the pass began without reaching the server
        self._offline_key: str | None = None  # then: the last key it had in the memory
        self._failure: EngineUnavailable | None = None  # why it could not be asked at the pass's start
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"LibreTranslateEngine({self.server.url!r})"

    @property
    def url(self) -> str:
        """The server's URL (no trailing slash)."""
        return self.server.url

    @property
    def key_prefix(self) -> str:
        """What every memory key of this server starts with."""
        return f"libretranslate {self.server.url} "

    @property
    def identified(self) -> bool:
        """Whether the server was asked who it is (and answered) since the engine last lost it."""
        return self._identity is not None

    @property
    def model_key(self) -> str:
        """The engine's identity in the memory: URL, version, model fingerprint (see :meth:`memory_key`)."""
        if self._identity is not None:
            return self._identity.key(self.url)
        return self._offline_key or f"{self.key_prefix}(not reached)"

    def memory_key(self, last_known: Callable[[str], str | None]) -> str:
        """The key a pass files under, asking the server who it is unless known; if it cannot be asked,
        ``last_known(key_prefix)`` (the memory's newest key of this server) stands in."""
        try:
            self.contact()
        except EngineUnavailable as err:
            with self._lock:
                self._offline, self._offline_key = True, last_known(self.key_prefix)
                self._failure = err  # the pass's translate says it at once (no second timeout)
        else:
            self._failure = None
        return self.model_key

    @property
    def settings_key(self) -> str:
        """What else changes the output: the number of alternatives asked for."""
        return f"lt-a{self.alternatives}"

    def contact(self) -> tuple[ServerInfo, Identity]:
        """What the server offers and who it is, asked once; raises :class:`EngineUnavailable` unless it
        answers and offers th→en."""
        with self._lock:
            if self._identity is None or self._info is None:
                try:
                    info = self.server.info()
                    if "en" not in info.thai_targets:
                        offered = ", ".join(info.thai_targets) or "nothing"
                        raise EngineUnavailable(
                            f"LibreTranslate at {self.url} does not offer Thai→English (Thai → {offered}); "
                            "start it with the Thai model: --load-only th,en"
                        )
                    identity = identify(self.server, info, self.alternatives)
                except EngineUnavailable:
                    raise
                except EngineError as err:
                    raise EngineUnavailable(str(err)) from None
                self._info, self._identity, self._offline = info, identity, False
            return self._info, self._identity

    def info(self) -> ServerInfo:
        """What the server offers (see :meth:`contact`)."""
        return self.contact()[0]

    def _forget(self) -> None:
        """The server went away: ask who it is again next time (it may come back with another model)."""
        with self._lock:
            if self._identity is not None:
                self._offline_key = self._identity.key(self.url)
            self._identity, self._offline = None, True

    def probe(self) -> Probe:
        """Ask the server what it offers and who it is (timing the probe's request); never raises."""
        try:
            info = self.server.info()
        except EngineError as err:
            return Probe(self.url, str(err))
        if "en" not in info.thai_targets:
            return Probe(self.url, "it does not offer Thai→English (start it with --load-only th,en)", info)
        try:
            identity = identify(self.server, info, self.alternatives)
        except EngineError as err:
            return Probe(self.url, str(err), info)
        return Probe(self.url, None, info, identity)

    def close(self) -> None:
        """Close the connections (a later translation opens new ones)."""
        self.server.close()

    def _send(self, texts: list[str]) -> list[list[str]]:
        """Translate ``texts``, halving the batch while the server says it exceeds its limit."""
        try:
            return self.server.translate(texts, self.alternatives)
        except BatchTooLarge as err:
            if len(texts) == 1:
                raise EngineError(f"{err} (a sentence of {len(texts[0])} characters)") from None
            half = len(texts) // 2
            return self._send(texts[:half]) + self._send(texts[half:])
        finally:
            self.calls += 1

    def _batch(self, sentences: Sequence[str]) -> list[SentenceTranslation]:
        limit = self.info().char_limit
        pieces = [cut(s, limit) if limit and len(s) > limit else [s] for s in sentences]
        answers = iter(self._send([p for parts in pieces for p in parts]))
        out = []
        for sentence, parts in zip(sentences, pieces, strict=True):
            # A server is outside input: no escape sequence or control of its answer reaches a terminal.
            found = [[printable(t, keep_newlines=False) for t in next(answers)] for _ in parts]
            if len(parts) == 1:
                texts = [restore_final_mark(sentence, t) for t in found[0] if t]
            else:
                texts = [restore_final_mark(sentence, t) for t in joined(found) if t]
            texts = list(dict.fromkeys(texts)) or [""]
            nbest = tuple(Hypothesis(t, float(-rank)) for rank, t in enumerate(texts))
            out.append(SentenceTranslation(sentence, nbest[0].text, nbest))
        return out

    def _chunks(self, sentences: Sequence[str]) -> Iterator[Sequence[str]]:
        start, size = 0, min(4, self.batch_size)
        while start < len(sentences):
            yield sentences[start : start + size]
            start += size
            size = min(size * 2, self.batch_size)

    def translate(self, sentences: Sequence[str]) -> Iterator[SentenceTranslation]:
        """Translate sentences in batches, up to ``in_flight`` at once, yielding results in input order.

        Raises :class:`EngineUnavailable` (nothing more can be translated now) or :class:`EngineError` (this
        batch failed); the results yielded before stay valid.
        """
        if not sentences:
            return
        pass_key, was_offline = self.model_key, self._offline
        if self._failure is not None:
            raise self._failure
        self.contact()
        if was_offline and self.model_key != pass_key:
            raise EngineUnavailable(
                f"LibreTranslate at {self.url} is back with another model ({self.model_key.split()[-1]}); "
                "open the article again to translate with it"
            )
        pool = ThreadPoolExecutor(max_workers=self.in_flight, thread_name_prefix="libretranslate")
        pending: deque[Future[list[SentenceTranslation]]] = deque()
        chunks = self._chunks(sentences)
        try:
            for chunk in chunks:
                pending.append(pool.submit(self._batch, chunk))
                if len(pending) >= self.in_flight:
                    break
            while pending:
                results = pending.popleft().result()
                chunk = next(chunks, ())
                if chunk:
                    pending.append(pool.submit(self._batch, chunk))
                yield from results
        except EngineUnavailable:
            self._forget()
            raise
        finally:
            pool.shutdown(wait=False, cancel_futures=True)
