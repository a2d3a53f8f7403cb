"""A scripted stand-in for a LibreTranslate server on a loopback port, and sockets that fail as networks do.

For the faults a real server cannot be made to produce on demand (500, malformed JSON, fewer translations,
a Retry-After header) and for counting requests and connections. The real server is tested too
(``test_tr_libretranslate_real.py``).
"""

from __future__ import annotations

import functools
import json
import socket
import sys
import threading
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar


@dataclass
class Answer:
    """One scripted answer to ``POST /translate``: status, headers and the raw body."""

    status: int
    body: bytes | str | dict[str, Any] = b""
    headers: dict[str, str] = field(default_factory=dict)
    sized: bool = True  # False: no Content-Length, the body ends when the connection closes

    def data(self) -> bytes:
        if isinstance(self.body, dict):
            return json.dumps(self.body).encode()
        return self.body.encode() if isinstance(self.body, str) else self.body


class _Server(ThreadingHTTPServer):
    """Keeps what went wrong in a handler (a client that hung up mid-answer) instead of printing it."""

    daemon_threads = True
    errors: ClassVar[list[str]] = []

    def handle_error(self, request: Any, client_address: Any) -> None:
        self.errors.append(str(sys.exc_info()[1]))


PROBE = "สวัสดีครับ"  # the engine's identity probe (libretranslate_identity.PROBE_THAI)


def english(text: str, model: str = "EN") -> str:
    """What the fake translates ``text`` to (as the real server sends it: no final full stop)."""
    return f"{model}({text})"


class FakeLibreTranslate:
    """Answers like LibreTranslate 1.9: ``/languages``, ``/frontend/settings``, ``/spec``, ``/translate``.

    The engine's identity probe (``q == [PROBE]`` alone) is answered apart: it takes no scripted answer and
    is kept in ``probes``, not ``bodies``; ``model`` (the prefix of the English) is what it fingerprints.
    ``script`` answers come first, one per ``/translate`` request; then each text becomes ``EN(text)`` with
    alternatives ``ALT1(text)``…; ``batch_limit``/``char_limit`` answer 400 as the real server does;
    ``key`` (if set) is required. ``barrier`` (if set) holds each request until that many are in flight;
    ``probe_gate`` (if set) holds the probe until it is set (a server still loading its model).
    """

    def __init__(
        self,
        *,
        targets: tuple[str, ...] = ("en",),
        batch_limit: int | None = None,
        char_limit: int | None = None,
        key: str | None = None,
        alternatives: dict[str, list[str]] | None = None,
    ) -> None:
        self.targets = targets
        self.batch_limit = batch_limit
        self.char_limit = char_limit
        self.key = key
        self.alternatives = alternatives or {}
        self.model = "EN"
        self.version = "1.9.6"
        self.probes: list[dict[str, Any]] = []
        self.script: deque[Answer] = deque()
        self.bodies: list[dict[str, Any]] = []  # every /translate request's JSON
        self.paths: list[str] = []
        self.clients: set[int] = set()  # client ports seen: one per connection
        self.barrier: threading.Barrier | None = None
        self.probe_gate: threading.Event | None = None  # if set: the probe is answered once it is set
        self.in_flight = self.most_in_flight = 0
        self._lock = threading.Lock()
        self._httpd = _Server(("127.0.0.1", 0), self._handler())
        serve = functools.partial(self._httpd.serve_forever, poll_interval=0.01)  # shutdown() waits a poll
        self._thread = threading.Thread(target=serve, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._httpd.server_address[1]}"

    def __enter__(self) -> FakeLibreTranslate:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def _translate(self, body: dict[str, Any]) -> Answer:
        if self.key is not None and body.get("api_key") != self.key:
            if body.get("api_key"):
                return Answer(403, {"error": "Invalid API key"})
            return Answer(400, {"error": "Please contact the server operator to get an API key"})
        with self._lock:
            if self.script and body.get("q") != [PROBE]:
                return self.script.popleft()
        texts = body["q"] if isinstance(body["q"], list) else [body["q"]]
        if self.batch_limit is not None and len(texts) > self.batch_limit:
            limit = self.batch_limit
            return Answer(
                400, {"error": f"Invalid request: request ({len(texts)}) exceeds text limit ({limit})"}
            )
        for text in texts:
            if self.char_limit is not None and len(text) > self.char_limit:
                size, limit = len(text), self.char_limit
                return Answer(
                    400, {"error": f"Invalid request: request ({size}) exceeds text limit ({limit})"}
                )
        count = int(body.get("alternatives", 0))
        alternatives = [
            self.alternatives.get(t, [f"ALT{i}({t})" for i in range(1, count + 1)]) for t in texts
        ]
        translated = [english(t, self.model) for t in texts]
        return Answer(200, {"translatedText": translated, "alternatives": alternatives})

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive, as waitress
            disable_nagle_algorithm = True  # head and body are two writes: no delayed-ACK wait between

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def _reply(self, answer: Answer) -> None:
                data = answer.data()
                self.send_response(answer.status)
                self.send_header("Content-Type", "application/json")
                if answer.sized:
                    self.send_header("Content-Length", str(len(data)))
                else:
                    self.send_header("Connection", "close")
                    self.close_connection = True
                for name, value in answer.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:
                fake.paths.append(self.path)
                fake.clients.add(self.client_address[1])
                if self.path == "/languages":
                    languages = [{"code": "en", "name": "English", "targets": ["en", "th"]}]
                    languages.append({"code": "th", "name": "Thai", "targets": list(fake.targets)})
                    self._reply(Answer(200, json.dumps(languages)))
                elif self.path == "/spec":
                    self._reply(Answer(200, {"info": {"title": "LibreTranslate", "version": fake.version}}))
                elif self.path == "/frontend/settings":
                    limit = fake.char_limit if fake.char_limit is not None else -1
                    self._reply(Answer(200, {"charLimit": limit, "keyRequired": fake.key is not None}))
                else:
                    self._reply(Answer(404, {"error": "Not Found"}))

            def do_POST(self) -> None:
                fake.paths.append(self.path)
                fake.clients.add(self.client_address[1])
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                probe = body.get("q") == [PROBE]
                with fake._lock:
                    (fake.probes if probe else fake.bodies).append(body)
                    fake.in_flight += 1
                    fake.most_in_flight = max(fake.most_in_flight, fake.in_flight)
                try:
                    if fake.barrier is not None and not probe:
                        fake.barrier.wait(timeout=10)
                    if fake.probe_gate is not None and probe:
                        fake.probe_gate.wait(timeout=10)
                    self._reply(fake._translate(body))
                finally:
                    with fake._lock:
                        fake.in_flight -= 1

        return Handler


def refused_url() -> str:
    """A loopback URL where nothing listens (the port was free a moment ago)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}"


@contextmanager
def silent_server() -> Iterator[str]:
    """A URL whose server accepts connections (the kernel's backlog) but never answers: a timeout."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen(8)
        yield f"http://127.0.0.1:{s.getsockname()[1]}"
