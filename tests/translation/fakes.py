"""A counting fake engine for pipeline tests."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from bilingual_reader.translation.engines.base import Hypothesis, SentenceTranslation


class FakeEngine:
    """Translates ``s`` to ``EN(s)``; raises on sentences listed in ``fail_on``; counts calls."""

    model_key = "fake@1"
    settings_key = "settings-1"

    def __init__(self, fail_on: Sequence[str] = (), outputs: dict[str, str] | None = None) -> None:
        self.fail_on = set(fail_on)
        self.outputs = outputs or {}
        self.calls = 0
        self.seen: list[str] = []

    def translate(self, sentences: Sequence[str]) -> Iterator[SentenceTranslation]:
        self.calls += 1
        for s in sentences:
            if s in self.fail_on:
                raise RuntimeError(f"cannot translate {s}")
            self.seen.append(s)
            text = self.outputs.get(s, f"EN({s})")
            yield SentenceTranslation(s, text, (Hypothesis(text, -0.1), Hypothesis(text + "!", -0.5)))
