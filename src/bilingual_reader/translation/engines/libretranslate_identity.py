"""Who a LibreTranslate server is: its version and a fingerprint of its Thai→English model.

LibreTranslate 1.9's API names no model: ``GET /spec`` gives its own version, ``GET /languages`` the
language pairs, and nothing says which Argos package serves th→en. So the model is recognised by what it
does: the server translates one fixed probe sentence (with its alternatives), and the fingerprint is a hash
of the version, Thai's targets and that answer. A different package (or a LibreTranslate upgrade) behind
the same URL gives a different fingerprint, hence a different memory key: its English is never taken for
the old model's. Asking costs three GETs that the server's rate limiter exempts and one short ``POST
/translate``, once per engine (again after the server was unreachable).
"""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass

from bilingual_reader.thai.text import printable
from bilingual_reader.translation.engines.libretranslate_http import Server, ServerInfo

#: The probe sentence ("Hello"); short, so asking costs the server almost nothing.
PROBE_THAI = "สวัสดีครับ"


@dataclass(frozen=True)
class Identity:
    """A server's version, its th→en model's fingerprint and its English of the probe sentence."""

    version: str
    fingerprint: str
    probe: tuple[str, ...]  # the best, then the alternatives
    latency: float = 0.0  # seconds the probe's translation took

    def key(self, url: str) -> str:
        """The memory key: the server URL, its version, the language pair and the model's fingerprint."""
        return f"libretranslate {url} v{self.version} th-en {self.fingerprint}"

    def describe(self) -> str:
        """One line for ``model status``."""
        english = self.probe[0] if self.probe else ""
        return (
            f"LibreTranslate {self.version}, th→en model {self.fingerprint} "
            f"(fingerprint of its answer to {PROBE_THAI!r}: {english!r})"
        )


def identify(server: Server, info: ServerInfo, alternatives: int) -> Identity:
    """Ask ``server`` who it is (raises :class:`~.base.EngineError` when it cannot be asked)."""
    version = server.version()
    start = time.perf_counter()
    [answer] = server.translate([PROBE_THAI], alternatives)
    latency = time.perf_counter() - start
    probe = [printable(t, keep_newlines=False) for t in answer]
    payload = json.dumps([version, sorted(info.thai_targets), probe], ensure_ascii=False)
    fingerprint = hashlib.sha256(payload.encode("utf-8")).hexdigest()[:12]
    return Identity(version, fingerprint, tuple(probe), latency)
