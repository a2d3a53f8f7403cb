"""Tokenizers for every published Argos package shape: joint SentencePiece, source-only SentencePiece, BPE.

- Joint SentencePiece: one ``sentencepiece.model`` knows the Thai and the English pieces.
- Source-only SentencePiece (OPUS-MT conversions): ``sentencepiece.model`` is the Thai model only; the English
  pieces the model writes come from a SentencePiece model that is not shipped, so their ``▁`` word markers
  become spaces here (the Thai model's decoder would keep them verbatim).
- BPE (older OPUS-MT conversions): ``bpe.model`` holds the Thai subword-nmt codes; argostranslate's own
  ``BPETokenizer`` (Moses tokenization, BPE, Moses detokenization) does the work, and ``@@`` joins are undone.

English target pieces for glossary steering are made from the model's target vocabulary when no English
tokenizer is shipped (longest match, word by word).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

JOINT, SOURCE_ONLY, BPE = "joint SentencePiece", "source-only SentencePiece", "BPE"
MARKER = "\u2581"  # SentencePiece's word-start marker
#: A SentencePiece model that knows fewer of the target pieces than this is not the English tokenizer.
JOINT_COVERAGE = 0.95


MAX_VOCABULARY_BYTES = 64 * 1024**2


def _read_vocabulary(path: Path) -> list[str]:
    with path.open("rb") as f:
        data = f.read(MAX_VOCABULARY_BYTES + 1)
    if len(data) > MAX_VOCABULARY_BYTES:
        raise ValueError(f"{path.name} is larger than {MAX_VOCABULARY_BYTES} bytes")
    text = data.decode("utf-8")
    if path.suffix == ".txt":  # CTranslate2 before 3.0: one token per line
        return text.split("\n")[:-1] if text.endswith("\n") else text.split("\n")
    tokens = json.loads(text)
    if not isinstance(tokens, list) or not tokens or not all(isinstance(t, str) for t in tokens):
        raise ValueError(f"{path.name} is not a list of tokens")
    return tokens


def read_vocabularies(model_dir: Path) -> tuple[list[str], list[str]]:
    """A CTranslate2 model's (source, target) vocabularies: shared, or one file each, JSON or older text.

    Raises ValueError (or OSError) when they are missing or malformed.
    """

    def find(stem: str) -> Path | None:
        return next((p for ext in (".json", ".txt") if (p := model_dir / f"{stem}{ext}").is_file()), None)

    shared = find("shared_vocabulary")
    if shared is not None:
        tokens = _read_vocabulary(shared)
        return tokens, tokens
    source, target = find("source_vocabulary"), find("target_vocabulary")
    if source is None or target is None:
        raise ValueError("model/ has no shared_vocabulary or source and target vocabularies")
    return _read_vocabulary(source), _read_vocabulary(target)


class VocabularyEncoder:
    """Splits English into target-vocabulary pieces, longest match first, one word at a time.

    ``style`` is ``"sentencepiece"`` (a word's first piece starts with ``▁``) or ``"bpe"`` (every piece but a
    word's last ends with ``@@``). Characters no piece covers become ``<unk>``.
    """

    def __init__(self, vocab: Sequence[str], style: str) -> None:
        self.pieces = set(vocab)
        self.style = style
        self.longest = max((len(p) for p in self.pieces), default=1)

    def _word(self, word: str) -> list[str]:
        out: list[str] = []
        text = MARKER + word if self.style == "sentencepiece" else word
        i = 0
        while i < len(text):
            for j in range(min(len(text), i + self.longest), i, -1):
                piece = text[i:j] + ("@@" if self.style == "bpe" and j < len(text) else "")
                if piece in self.pieces:
                    out.append(piece)
                    i = j
                    break
            else:
                out.append("<unk>")
                i += 1
        return out

    def encode(self, words: Sequence[str]) -> list[str]:
        """The pieces of already split ``words``."""
        return [piece for word in words if word for piece in self._word(word)]


class SentencePieceTokenizer:
    """Thai through ``sentencepiece.model``; English decoded piece by piece, known to that model or not."""

    def __init__(self, model_file: Path, target_vocab: Sequence[str]) -> None:
        import sentencepiece

        self.sp: Any = sentencepiece.SentencePieceProcessor(model_file=str(model_file))
        unk = self.sp.unk_id()
        words = [p for p in target_vocab if not (p.startswith("<") and p.endswith(">"))]
        known = sum(1 for p in words if self.sp.piece_to_id(p) != unk)
        self.joint = known >= JOINT_COVERAGE * max(len(words), 1)
        self.shape = JOINT if self.joint else SOURCE_ONLY
        self.tokenizer_size = int(self.sp.get_piece_size())
        self._english = None if self.joint else VocabularyEncoder(target_vocab, "sentencepiece")

    def encode(self, text: str) -> list[str]:
        """Thai text to source pieces."""
        pieces: list[str] = self.sp.encode(text, out_type=str)
        return pieces

    def decode(self, pieces: Sequence[str]) -> str:
        """Target pieces to English: pieces the model lacks keep their ``▁``, which becomes a space here."""
        text: str = self.sp.decode_pieces(list(pieces))
        return text.replace(MARKER, " ").strip()

    def encode_target(self, text: str) -> list[str]:
        """English to target pieces; a trailing space ends with a word boundary (a lone ``▁``) if it can."""
        if self._english is not None:
            pieces = self._english.encode(text.split(" "))
            boundary = MARKER in self._english.pieces
        else:
            pieces = self.sp.encode(text, out_type=str)
            boundary = self.sp.piece_to_id(MARKER) != self.sp.unk_id()
        if text.endswith(" ") and boundary:
            pieces.append(MARKER)
        return pieces


MAX_BPE_BYTES = 64 * 1024**2


def check_bpe_codes(path: Path) -> None:
    """Raise ValueError unless ``path`` holds subword-nmt codes: an optional ``#version`` line, then pairs."""
    with path.open("rb") as f:
        data = f.read(MAX_BPE_BYTES + 1)
    if len(data) > MAX_BPE_BYTES:
        raise ValueError(f"{path.name} is larger than {MAX_BPE_BYTES} bytes")
    lines = data.decode("utf-8").splitlines()
    for number, line in enumerate(lines, 1):
        if number == 1 and line.startswith("#version:"):
            if not re.fullmatch(r"#version: *\d+(\.\d+)*", line.strip()):
                raise ValueError(f"{path.name} line 1: bad version line")
        elif len(line.rstrip("\r\n ").split(" ")) != 2:
            raise ValueError(f"{path.name} line {number}: not two subword units")


class BpeTokenizer:
    """Thai through ``bpe.model`` with argostranslate's BPETokenizer; English by Moses detokenization."""

    shape = BPE

    def __init__(self, model_file: Path, target_vocab: Sequence[str]) -> None:
        from argostranslate.tokenizer import BPETokenizer

        check_bpe_codes(model_file)  # argostranslate's reader calls sys.exit on a bad line
        self.argos: Any = BPETokenizer(model_file, "th", "en")
        self.argos.lazy_load()
        self.tokenizer_size = len(self.argos.bpe_source.bpe_codes)
        self._english = VocabularyEncoder(target_vocab, "bpe")
        from sacremoses.tokenize import MosesTokenizer

        self._moses = MosesTokenizer("en")

    def encode(self, text: str) -> list[str]:
        """Thai text to source pieces (Moses normalization and tokenization, then BPE)."""
        pieces: list[str] = self.argos.encode(text)
        return pieces

    def decode(self, pieces: Sequence[str]) -> str:
        """Target pieces to English: ``@@`` joins undone (a dangling one dropped), Moses detokenization."""
        tokens = [p for p in pieces if p not in ("", "@@")]
        if tokens and tokens[-1].endswith("@@"):
            tokens[-1] = tokens[-1][:-2]
        text: str = self.argos.decode(tokens) if tokens else ""
        return text.replace("@@", "").strip()

    def encode_target(self, text: str) -> list[str]:
        """English to target pieces: Moses tokenization, then the longest target-vocabulary pieces."""
        return self._english.encode(self._moses.tokenize(text))


Tokenizer = SentencePieceTokenizer | BpeTokenizer


def open_tokenizer(package: Path, target_vocab: Sequence[str]) -> Tokenizer:
    """The tokenizer a package ships (``sentencepiece.model`` first, as argostranslate chooses)."""
    if (package / "sentencepiece.model").is_file():
        return SentencePieceTokenizer(package / "sentencepiece.model", target_vocab)
    return BpeTokenizer(package / "bpe.model", target_vocab)


@dataclass(frozen=True)
class PackageShape:
    """What ``model status`` says about a package: its shape and vocabulary sizes."""

    name: str  # JOINT, SOURCE_ONLY or BPE
    tokenizer_file: str
    tokenizer_size: int  # SentencePiece pieces or BPE merges
    source_vocabulary: int
    target_vocabulary: int
    shared_vocabulary: bool

    def __str__(self) -> str:
        unit = "merges" if self.name == BPE else "pieces"
        vocab = (
            f"shared vocabulary of {self.source_vocabulary}"
            if self.shared_vocabulary
            else f"source vocabulary {self.source_vocabulary}, target vocabulary {self.target_vocabulary}"
        )
        return f"{self.name} ({self.tokenizer_file}: {self.tokenizer_size} {unit}; model: {vocab})"


def describe(package: Path) -> PackageShape:
    """The shape of an installed package (reads its vocabularies and tokenizer, not the model weights)."""
    source, target = read_vocabularies(package / "model")
    tokenizer = open_tokenizer(package, target)
    name = "sentencepiece.model" if isinstance(tokenizer, SentencePieceTokenizer) else "bpe.model"
    return PackageShape(
        tokenizer.shape, name, tokenizer.tokenizer_size, len(source), len(target), source is target
    )
