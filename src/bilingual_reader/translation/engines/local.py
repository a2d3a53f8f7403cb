"""The local engine: CTranslate2 and the tokenizer of an installed package, loaded lazily; batching."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from typing import Any

from bilingual_reader.translation.engines.base import Hypothesis, SentenceTranslation
from bilingual_reader.translation.packages import InstalledModel
from bilingual_reader.translation.settings import EngineSettings
from bilingual_reader.translation.tokenizers import Tokenizer, open_tokenizer, read_vocabularies


class LocalEngine:
    """The ``Engine`` of one installed package; nothing is loaded until the first translation."""

    def __init__(
        self,
        model: InstalledModel,
        settings: EngineSettings | None = None,
        decode_options: dict[str, Any] | None = None,
    ) -> None:
        self.model = model
        self.settings = settings or EngineSettings()
        self.decode_options = dict(decode_options or {})  # extra translate_batch arguments (benchmarks)
        self.calls = 0  # translate_batch calls made: tests count them
        self._translator: Any = None
        self._tokenizer: Tokenizer | None = None
        self._lock = threading.Lock()

    @property
    def model_key(self) -> str:
        """The installed model's identity (name, version, size) for the memory."""
        return self.model.key

    @property
    def settings_key(self) -> str:
        """The decoding settings' identity for the memory."""
        return self.settings.key

    @property
    def loaded(self) -> bool:
        """True once the model has been loaded."""
        return self._translator is not None

    @property
    def tokenizer(self) -> Tokenizer:
        """The package's tokenizer (loads the model first if needed)."""
        self.load()
        assert self._tokenizer is not None
        return self._tokenizer

    def load(self) -> None:
        """Load the CTranslate2 model and the package's tokenizer (slow: call it in a worker)."""
        with self._lock:
            if self._translator is not None:
                return
            import ctranslate2

            _, target_vocab = read_vocabularies(self.model.path / "model")
            self._tokenizer = open_tokenizer(self.model.path, target_vocab)
            self._translator = ctranslate2.Translator(
                str(self.model.path / "model"),
                device="cpu",
                compute_type=self.settings.compute_type,
                inter_threads=1,
                intra_threads=self.settings.threads,
            )

    def _decode(self, tokens: list[str]) -> str:
        prefix = self.model.target_prefix
        if prefix and tokens[:1] == [prefix]:
            tokens = tokens[1:]
        assert self._tokenizer is not None
        return self._tokenizer.decode(tokens)

    def _options(self, longest: int) -> dict[str, Any]:
        s = self.settings
        limit = min(int(s.length_ratio * longest) + s.length_margin, s.max_decoding_length)
        options: dict[str, Any] = {
            "beam_size": s.beam_size,
            "num_hypotheses": min(s.num_hypotheses, s.beam_size),
            "return_scores": True,
            "max_batch_size": s.max_batch_size,
            "batch_type": "examples",
            "max_decoding_length": limit,
            "repetition_penalty": s.repetition_penalty,
            "no_repeat_ngram_size": s.no_repeat_ngram_size,
            "length_penalty": s.length_penalty,
            "patience": s.patience,
        }
        options.update(self.decode_options)
        return options

    def _target(self, text: str) -> list[str]:
        """Target pieces of ``text`` after the model's own prefix; a trailing space forces a word boundary."""
        lead = [self.model.target_prefix] if self.model.target_prefix else []
        return lead + self.tokenizer.encode_target(text)

    def _batch(self, sentences: Sequence[str]) -> list[SentenceTranslation]:
        tokens = [self.tokenizer.encode(sentence) for sentence in sentences]
        options = self._options(max((len(t) for t in tokens), default=1))
        prefix = [[self.model.target_prefix]] * len(tokens) if self.model.target_prefix else None
        self.calls += 1
        results = self._translator.translate_batch(tokens, target_prefix=prefix, **options)
        out = []
        for sentence, result in zip(sentences, results, strict=True):
            nbest = tuple(
                Hypothesis(self._decode(h), float(score))
                for h, score in zip(result.hypotheses, result.scores, strict=True)
            )
            out.append(SentenceTranslation(sentence, nbest[0].text if nbest else "", nbest))
        return out

    def complete(self, source: str, prefixes: Sequence[str]) -> list[str]:
        """Translate ``source`` once per forced target prefix, in one greedy batched call.

        Each output starts with its prefix (CTranslate2 forces those pieces); a prefix ending in a space ends
        with a word boundary. Used by glossary steering to put an approved term into the English.
        """
        if not prefixes:
            return []
        self.load()
        tokens = self.tokenizer.encode(source)
        options = self._options(len(tokens))
        options.update(beam_size=1, num_hypotheses=1, patience=1.0)
        self.calls += 1
        results = self._translator.translate_batch(
            [tokens] * len(prefixes), target_prefix=[self._target(p) for p in prefixes], **options
        )
        return [self._decode(r.hypotheses[0]) if r.hypotheses else "" for r in results]

    def score(self, source: str, targets: Sequence[str]) -> list[float]:
        """The model's mean log-probability per target token of each English ``target`` for ``source``."""
        if not targets:
            return []
        self.load()
        tokens = self.tokenizer.encode(source)
        self.calls += 1
        results = self._translator.score_batch([tokens] * len(targets), [self._target(t) for t in targets])
        return [sum(r.log_probs) / max(len(r.log_probs), 1) for r in results]

    def translate(self, sentences: Sequence[str]) -> Iterator[SentenceTranslation]:
        """Translate sentences in chunks, yielding results in input order.

        Chunks grow 4, 8, … up to ``settings.chunk_size`` so the first (visible) paragraphs come back quickly
        while the rest still gets batching's throughput.
        """
        if not sentences:
            return
        self.load()
        start, size = 0, min(4, self.settings.chunk_size)
        while start < len(sentences):
            yield from self._batch(sentences[start : start + size])
            start += size
            size = min(size * 2, self.settings.chunk_size)
