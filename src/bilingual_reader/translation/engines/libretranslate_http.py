"""Talking to a LibreTranslate server over HTTP: requests, waits on 429, and every fault as one line.

One ``httpx.Client`` per server (kept-alive connections, safe to share between threads). Faults become
:class:`~.base.EngineUnavailable` when nothing can be translated now (connection refused, DNS failure,
timeout, a lost connection, a refused API key, a rate limit that does not lift) and
:class:`~.base.EngineError` when one batch failed (500, a malformed answer, fewer translations than
sentences). The API key goes in the JSON body, never in a URL, and no message ever contains it.
"""

from __future__ import annotations

import email.utils
import functools
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from bilingual_reader.thai.text import printable
from bilingual_reader.translation.engines.base import EngineError, EngineUnavailable

if TYPE_CHECKING:
    import ssl

#: Where a reader keeps the key (named in the message when the server wants one).
KEY_HINT = "set BILINGUAL_READER_LIBRETRANSLATE_KEY or put it in {file} (chmod 600)"
#: The most a server's answer may hold (a batch of 256 sentences with alternatives is ~2 MB of JSON).
MAX_ANSWER = 16 * 1024 * 1024


class BatchTooLarge(EngineError):
    """A 400 saying a request exceeds the server's limit (``--batch-limit`` or ``--char-limit``)."""


@dataclass(frozen=True)
class ServerInfo:
    """What the server says about itself: Thai's target languages, the per-text character limit (None: no
    limit) and whether it requires an API key."""

    thai_targets: tuple[str, ...]
    char_limit: int | None
    key_required: bool


@functools.cache
def _tls() -> ssl.SSLContext:
    """httpx's default TLS context (certifi's roots), built once a process: loading the roots costs about
    0.1 s, and every engine opened (each reopen, each command) builds a client."""
    import httpx

    return httpx.create_ssl_context(trust_env=False)


def _clip(text: str, limit: int = 160) -> str:
    line = " ".join(printable(str(text), keep_newlines=False).split())  # the server's words: no escapes
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _retry_after(value: str | None) -> float | None:
    """Seconds a ``Retry-After`` header asks for (a number or an HTTP date); None if absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if re.fullmatch(r"\d+(\.\d+)?", value):
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


class Server:
    """One LibreTranslate server at ``url`` (no trailing slash), ``timeout`` seconds per request.

    ``max_wait``: the longest a request keeps retrying after 429 answers before giving up; ``sleep``: how it
    waits (tests pass a recorder).
    """

    def __init__(
        self,
        url: str,
        *,
        timeout: float,
        api_key: str | None = None,
        key_file: str = "the key file",
        connections: int = 4,
        max_wait: float = 120.0,
        sleep: Callable[[float], None] = time.sleep,
        max_answer: int = MAX_ANSWER,
    ) -> None:
        import httpx

        self.url = url.rstrip("/")
        self.timeout = timeout
        self._api_key = api_key
        self._key_file = key_file
        self.max_wait = max_wait
        self._sleep = sleep
        self.max_answer = max_answer
        limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
        self._client = httpx.Client(timeout=timeout, limits=limits, trust_env=False, verify=_tls())
        self.requests = 0  # HTTP requests sent (tests count them)

    def __repr__(self) -> str:
        return f"Server({self.url!r})"  # never the key

    def close(self) -> None:
        """Close the kept-alive connections."""
        self._client.close()

    def _send(self, method: str, path: str, body: dict[str, Any] | None) -> Any:
        """The answer, read as a stream and refused past ``max_answer`` bytes (a broken or hostile server
        cannot fill our memory)."""
        import httpx

        self.requests += 1
        try:
            with self._client.stream(method, self.url + path, json=body) as response:
                declared = response.headers.get("Content-Length", "")
                if declared.isdigit() and int(declared) > self.max_answer:
                    raise self._too_large(path)
                data = bytearray()
                for chunk in response.iter_bytes():
                    data += chunk
                    if len(data) > self.max_answer:
                        raise self._too_large(path)
                return httpx.Response(response.status_code, headers=response.headers, content=bytes(data))
        except httpx.TimeoutException:
            raise EngineUnavailable(
                f"LibreTranslate at {self.url} did not answer within {self.timeout:g} s"
            ) from None
        except httpx.ConnectError as err:
            raise EngineUnavailable(self._connect_problem(str(err))) from None
        except httpx.TransportError as err:
            reason = _clip(str(err) or type(err).__name__)
            message = f"lost the connection to LibreTranslate at {self.url}: {reason}"
            raise EngineUnavailable(message) from None

    def _too_large(self, path: str) -> EngineError:
        size = f"{self.max_answer / 2**20:g} MiB"
        return EngineError(f"LibreTranslate at {self.url} sent more than {size} in answer to {path}; refused")

    def _connect_problem(self, reason: str) -> str:
        lowered = reason.lower()
        if any(s in lowered for s in ("name or service", "nodename", "name resolution", "getaddrinfo")):
            from urllib.parse import urlsplit

            host = urlsplit(self.url).hostname or self.url
            return f"cannot find the LibreTranslate server {host} (DNS lookup failed for {self.url})"
        if "refused" in lowered:
            return f"LibreTranslate at {self.url} refused the connection (is the server running?)"
        return f"cannot connect to LibreTranslate at {self.url}: {_clip(reason)}"

    def request(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        """The decoded JSON answer of ``method path``; waits and retries on 429 (honouring Retry-After)."""
        if body is not None and self._api_key:
            body = {**body, "api_key": self._api_key}
        waited, delay = 0.0, 0.5
        while True:
            response = self._send(method, path, body)
            if response.status_code != 429:
                return self._decode(response, path)
            pause = _retry_after(response.headers.get("Retry-After"))
            pause = delay if pause is None else pause
            if waited + pause > self.max_wait:
                raise EngineUnavailable(
                    f"LibreTranslate at {self.url} kept answering 429 (too many requests: "
                    f"{self._error_text(response)}) for {waited:.0f} s; try again later"
                )
            self._sleep(pause)
            waited += pause
            delay = min(delay * 2, 30.0)

    def _error_text(self, response: Any) -> str:
        try:
            data = response.json()
        except ValueError:
            return _clip(response.text or response.reason_phrase or "no reason given")
        if isinstance(data, dict) and "error" in data:
            return _clip(str(data["error"]))
        return _clip(response.text)

    def _decode(self, response: Any, path: str) -> Any:
        status = response.status_code
        if status >= 400:
            error = self._error_text(response)
            where = f"LibreTranslate at {self.url}"
            hint = KEY_HINT.format(file=self._key_file)
            if status == 403 or (status in (400, 401) and "api key" in error.lower()):
                if self._api_key:
                    raise EngineUnavailable(f"{where} refused the API key ({status}: {error})")
                raise EngineUnavailable(f"{where} needs an API key ({status}: {error}): {hint}")
            if status == 400 and "exceeds" in error.lower():
                raise BatchTooLarge(f"{where}: {error}")
            if status == 404:
                raise EngineUnavailable(f"{where} has no {path} (is it a LibreTranslate server?)")
            raise EngineError(f"{where} failed to translate ({status}: {error})")
        try:
            return response.json()
        except ValueError:
            raise EngineError(
                f"LibreTranslate at {self.url} sent a malformed answer to {path} (not JSON: "
                f"{_clip(response.text, 60)!r})"
            ) from None

    def info(self) -> ServerInfo:
        """``GET /languages`` and ``GET /frontend/settings``: what th can go to, the limits, the key."""
        languages = self.request("GET", "/languages")
        if not isinstance(languages, list):
            raise EngineUnavailable(f"LibreTranslate at {self.url} sent a malformed /languages answer")
        targets: tuple[str, ...] = ()
        for language in languages:
            if isinstance(language, dict) and language.get("code") == "th":
                found = language.get("targets")
                targets = tuple(str(t) for t in found) if isinstance(found, list) else ()
        try:
            settings = self.request("GET", "/frontend/settings")
        except EngineError:
            settings = {}  # older servers: no limits known, a 400 tells us if a batch is too large
        settings = settings if isinstance(settings, dict) else {}
        limit = settings.get("charLimit")
        char_limit = limit if isinstance(limit, int) and not isinstance(limit, bool) and limit > 0 else None
        return ServerInfo(targets, char_limit, bool(settings.get("keyRequired", False)))

    def version(self) -> str:
        """LibreTranslate's version as its ``GET /spec`` reports it; "?" when it does not say."""
        response = self._send("GET", "/spec", None)
        try:
            data = response.json() if response.status_code == 200 else None
        except ValueError:
            data = None
        info = data.get("info") if isinstance(data, dict) else None
        found = info.get("version") if isinstance(info, dict) else None
        return _clip(found, 40) if isinstance(found, str) and found.strip() else "?"

    def translate(self, texts: Sequence[str], alternatives: int) -> list[list[str]]:
        """``POST /translate`` th→en of ``texts`` as one batch: per text, the best then the alternatives."""
        body: dict[str, Any] = {"q": list(texts), "source": "th", "target": "en", "format": "text"}
        if alternatives:
            body["alternatives"] = alternatives
        data = self.request("POST", "/translate", body)
        best = data.get("translatedText") if isinstance(data, dict) else None
        if not isinstance(best, list) or not all(isinstance(t, str) for t in best):
            raise EngineError(f"LibreTranslate at {self.url} sent a malformed answer (no translations list)")
        if len(best) != len(texts):
            raise EngineError(
                f"LibreTranslate at {self.url} returned {len(best)} translations for {len(texts)} sentences"
            )
        others = data.get("alternatives") if alternatives else None
        if not isinstance(others, list) or len(others) != len(best):
            others = [[] for _ in best]
        out = []
        for first, more in zip(best, others, strict=True):
            extra = [t for t in more if isinstance(t, str)] if isinstance(more, list) else []
            out.append([first, *extra])
        return out
