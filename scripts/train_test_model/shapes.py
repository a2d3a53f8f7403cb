"""The three published Argos package shapes, as tokenizers and vocabularies for the tiny test models.

- ``joint``: one SentencePiece model trained on Thai and English, shipped as ``sentencepiece.model``.
- ``spm-source``: separate Thai and English SentencePiece models; the CTranslate2 vocabulary is their union
  (as Marian's joint ``opus.spm32k-spm32k.vocab.yml``), and only the Thai model is shipped, with a ``stanza/``
  folder, exactly as LibreTranslate Locomotive's ``opus_mt_convert.py`` packages OPUS-MT models.
- ``bpe``: Moses tokenization plus subword-nmt BPE (``@@`` continuation), separate Thai and English codes,
  only the Thai codes shipped as ``bpe.model`` (older OPUS-MT conversions).
"""

from __future__ import annotations

import itertools
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))  # model_builder: test and benchmark tooling

import model_builder as builder  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "argos"
SPECIALS = ["<unk>", "<s>", "</s>"]
Tokenize = Callable[[str], list[str]]


@dataclass
class Shape:
    """How one package shape tokenizes, what its model vocabulary is and which files it ships."""

    name: str
    folder: str
    version: str
    source: Tokenize
    target: Tokenize
    vocab: list[str]
    files: dict[str, Path] = field(default_factory=dict)  # name inside the package -> file to copy

    @property
    def out(self) -> Path:
        return FIXTURES / f"{self.folder}.argosmodel"


def _union(*vocabs: list[str]) -> list[str]:
    seen = list(SPECIALS)
    for vocab in vocabs:
        seen += [p for p in vocab if p not in seen]
    return seen


def _sp(lines: list[str], prefix: Path, size: int, byte_fallback: bool) -> object:
    import sentencepiece as spm

    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines),
        model_prefix=str(prefix),
        vocab_size=size,
        model_type="unigram",
        character_coverage=1.0,
        byte_fallback=byte_fallback,
        hard_vocab_limit=False,
        minloglevel=2,
    )
    return spm.SentencePieceProcessor(model_file=str(prefix) + ".model")


def joint(pairs: list[tuple[str, str]], work: Path) -> Shape:
    sp: object = _sp([s for pair in pairs for s in pair], work / "joint", 400, True)
    encode = lambda text: sp.encode(text, out_type=str)  # type: ignore[attr-defined]  # noqa: E731
    vocab = builder.vocabulary(work / "joint.model")
    return Shape(
        "joint",
        "translate-th_en-test",
        "0.1.0",
        encode,
        encode,
        vocab,
        {"sentencepiece.model": work / "joint.model"},
    )


def spm_source(pairs: list[tuple[str, str]], work: Path) -> Shape:
    th: object = _sp([t for t, _ in pairs], work / "source", 300, False)
    en: object = _sp([e for _, e in pairs], work / "target", 250, False)
    vocab = _union(builder.vocabulary(work / "source.model"), builder.vocabulary(work / "target.model"))
    stanza = work / "stanza-placeholder.txt"
    stanza.write_text("Stands in for the Stanza tokenizer data OPUS-MT conversions ship; never read.\n")
    return Shape(
        "spm-source",
        "translate-th_en-opus_test",
        "1.0",
        lambda text: th.encode(text, out_type=str),  # type: ignore[attr-defined]
        lambda text: en.encode(text, out_type=str),  # type: ignore[attr-defined]
        vocab,
        {"sentencepiece.model": work / "source.model", "stanza/th/README.txt": stanza},
    )


def learn_bpe(words: Counter[str], merges: int) -> list[tuple[str, str]]:
    """subword-nmt's BPE learning (version 0.2 codes: the last symbol of a word carries ``</w>``)."""
    vocab = {(*w[:-1], w[-1] + "</w>"): c for w, c in words.items()}
    codes: list[tuple[str, str]] = []
    for _ in range(merges):
        pairs: Counter[tuple[str, str]] = Counter()
        for word, count in vocab.items():
            for a, b in itertools.pairwise(word):
                pairs[a, b] += count
        if not pairs:
            break
        best = max(pairs, key=lambda p: (pairs[p], p))
        if pairs[best] < 2:
            break
        codes.append(best)
        merged = {}
        for word, count in vocab.items():
            out, i = [], 0
            while i < len(word):
                if i + 1 < len(word) and (word[i], word[i + 1]) == best:
                    out.append(word[i] + word[i + 1])
                    i += 2
                else:
                    out.append(word[i])
                    i += 1
            merged[tuple(out)] = count
        vocab = merged
    return codes


def _bpe_side(lines: list[str], lang: str, path: Path, merges: int) -> Tokenize:
    """Learn codes on Moses-tokenized ``lines``; return argostranslate's BPETokenizer.encode for them."""
    from argostranslate.apply_bpe import BPE
    from sacremoses.normalize import MosesPunctNormalizer
    from sacremoses.tokenize import MosesTokenizer

    moses, norm = MosesTokenizer(lang), MosesPunctNormalizer(lang)

    def words(text: str) -> list[str]:
        return " ".join(moses.tokenize(norm.normalize(text))).strip("\r\n ").split(" ")

    codes = learn_bpe(Counter(w for line in lines for w in words(line)), merges)
    path.write_text("#version: 0.2\n" + "".join(f"{a} {b}\n" for a, b in codes), encoding="utf-8")
    with path.open(encoding="utf-8") as f:
        bpe = BPE(f)
    return lambda text: list(bpe.segment_tokens(words(text)))


def bpe(pairs: list[tuple[str, str]], work: Path) -> Shape:
    source = _bpe_side([t for t, _ in pairs], "th", work / "source.bpe", 400)
    target = _bpe_side([e for _, e in pairs], "en", work / "target.bpe", 200)
    seen = sorted({tok for th, en in pairs for tok in source(th) + target(en)})
    return Shape(
        "bpe",
        "translate-th_en-bpe_test",
        "1.0",
        source,
        target,
        _union(seen),
        {"bpe.model": work / "source.bpe"},
    )


SHAPES = {"joint": joint, "spm-source": spm_source, "bpe": bpe}
