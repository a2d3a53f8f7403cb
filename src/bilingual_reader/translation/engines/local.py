"""The local engine: CTranslate2 and the tokenizer of an installed package, loaded lazily; batching."""

from __future__ import annotations

import itertools
import threading
from collections.abc import Iterator, Sequence
from typing import Any

from bilingual_reader.translation.engines.base import Hypothesis, SentenceTranslation
from bilingual_reader.translation.packages import InstalledModel
from bilingual_reader.translation.settings import EngineSettings
from bilingual_reader.translation.tokenizers import Tokenizer, open_tokenizer, read_vocabularies

#: After the first batches, sentences are batched by length within windows of this many chunks.
WINDOW = 4


class LocalEngine:
    """The ``Engine`` of one installed package; nothing is loaded until the first translation."""

    #: ``translate`` takes ``ramp=False`` (batch for throughput: see ``pipeline``).
    ramps = True

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

    def _batch(self, sentences: Sequence[str], tokens: list[list[str]]) -> list[SentenceTranslation]:
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

    def translate(self, sentences: Sequence[str], *, ramp: bool = True) -> Iterator[SentenceTranslation]:
        """Translate sentences in batches, yielding results in input order.

        With ``ramp`` (the reader), the first batches (4, then 8 sentences, in input order) let the first,
        visible, paragraphs come back quickly; after them, windows of up to ``WINDOW`` chunks are cut into
        batches of sentences of similar length (:func:`length_batches`), which wastes less on padding than
        batches in reading order. Without it (the command line, which walks a book a window of paragraphs
        at a time), all of ``sentences`` are batched by length at once.
        """
        if not sentences:
            return
        self.load()
        chunk = self.settings.chunk_size
        if not ramp:
            yield from self._by_length(sentences, chunk)
            return
        start, size = 0, min(4, chunk)
        while start < len(sentences):
            window = sentences[start : start + (size if size < chunk else chunk * WINDOW)]
            if size < chunk:  # the ramp: batches in reading order
                yield from self._batch(window, [self.tokenizer.encode(s) for s in window])
            else:
                yield from self._by_length(window, chunk)
            start += len(window)
            size *= 2

    def _by_length(self, sentences: Sequence[str], chunk: int) -> Iterator[SentenceTranslation]:
        """``sentences`` in batches of similar length, yielded in input order as soon as a prefix is done."""
        tokens = [self.tokenizer.encode(sentence) for sentence in sentences]
        done: dict[int, SentenceTranslation] = {}
        ready = 0
        for batch in length_batches([len(t) for t in tokens], chunk):
            results = self._batch([sentences[i] for i in batch], [tokens[i] for i in batch])
            done.update(zip(batch, results, strict=True))
            while ready in done:
                yield done.pop(ready)
                ready += 1


def length_batches(lengths: Sequence[int], size: int) -> list[list[int]]:
    """Indices of ``lengths`` cut into batches of at most ``size`` sentences of similar length.

    The batches are as even as they can be (no small batch left over at the end), and each keeps its
    sentences in input order.
    """
    if not lengths:
        return []
    order = sorted(range(len(lengths)), key=lambda i: lengths[i])
    count = -(-len(order) // size)
    bounds = [len(order) * k // count for k in range(count + 1)]
    return [sorted(order[a:b]) for a, b in itertools.pairwise(bounds)]
