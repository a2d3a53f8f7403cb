"""The LibreTranslate engine: Thai sentences translated by a shared server, behind the ``Engine`` protocol.

The pipeline splits sentences, keeps the memory, steers and flags exactly as with the local engine; this
engine only sends batches. It asks the server once (``GET /languages``: th→en must be offered; ``GET
/frontend/settings``: the character limit) before the first batch, never before: an article the memory
already holds makes no call at all. Batches of up to ``batch_size`` sentences (4, 8, … first, so the visible
paragraphs come back quickly) go out with up to ``in_flight`` requests at once and come back in order; a 400
saying a batch exceeds the server's limit halves it; a sentence longer than the character limit goes in
pieces cut at spaces. ``alternatives`` gives the n-best (LibreTranslate gives no scores: the list is ranked,
scores are 0, -1, -2, …), which glossary steering reranks; a server cannot force a target prefix, so a
sentence that still misses its approved term is flagged with the suggestion.

The memory key is ``libretranslate <url>``: LibreTranslate's API reports no model name or version, so the
server URL is the engine's identity (an operator who swaps the model should serve it at a new URL or the
readers clear their memory). Local and remote translations never mix.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Iterator, Sequence
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


@dataclass(frozen=True)
class Probe:
    """A server for ``model status``: reachable or why not, what Thai goes to, one request's latency."""

    url: str
    problem: str | None = None
    info: ServerInfo | None = None
    latency: float | None = None  # seconds for one translation request
    sample: str = ""  # its English


PROBE_THAI = "สวัสดีครับ"


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
        self.calls = 0  # /translate requests answered (tests count them)
        self._info: ServerInfo | None = None
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"LibreTranslateEngine({self.server.url!r})"

    @property
    def url(self) -> str:
        """The server's URL (no trailing slash)."""
        return self.server.url

    @property
    def model_key(self) -> str:
        """The engine's identity in the memory: the server URL (LibreTranslate reports no model version)."""
        return f"libretranslate {self.server.url}"

    @property
    def settings_key(self) -> str:
        """What else changes the output: the number of alternatives asked for."""
        return f"lt-a{self.alternatives}"

    def info(self) -> ServerInfo:
        """What the server offers, asked once; raises :class:`EngineUnavailable` unless it offers th→en."""
        with self._lock:
            if self._info is None:
                info = self.server.info()
                if "en" not in info.thai_targets:
                    offered = ", ".join(info.thai_targets) or "nothing"
                    raise EngineUnavailable(
                        f"LibreTranslate at {self.url} does not offer Thai→English (Thai → {offered}); "
                        "start it with the Thai model: --load-only th,en"
                    )
                self._info = info
            return self._info

    def probe(self) -> Probe:
        """Ask the server what it offers and time one translation; never raises for the server's faults."""
        try:
            info = self.server.info()
        except EngineError as err:
            return Probe(self.url, str(err))
        if "en" not in info.thai_targets:
            return Probe(self.url, "it does not offer Thai→English (start it with --load-only th,en)", info)
        start = time.perf_counter()
        try:
            answer = self.server.translate([PROBE_THAI], 0)
        except EngineError as err:
            return Probe(self.url, str(err), info)
        return Probe(self.url, None, info, time.perf_counter() - start, answer[0][0])

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
                texts = list(dict.fromkeys(t for t in found[0] if t)) or [""]
            else:
                texts = [" ".join(a[0] for a in found if a and a[0])]
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
        self.info()
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
        finally:
            pool.shutdown(wait=False, cancel_futures=True)
