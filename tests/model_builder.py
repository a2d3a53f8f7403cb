"""Build Argos packages from numpy weights: test fixtures, the benchmark model and the trained test model."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

METADATA: dict[str, Any] = {
    "package_version": "0.0.1",
    "argos_version": "1.9.0",
    "from_code": "th",
    "from_name": "Thai",
    "to_code": "en",
    "to_name": "English",
    "links": [],
}


def train_sentencepiece(lines: Iterable[str], prefix: Path, vocab_size: int = 400) -> Path:
    """Train a small unigram SentencePiece model on ``lines``; return the ``.model`` path."""
    import sentencepiece as spm

    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(list(lines)),
        model_prefix=str(prefix),
        vocab_size=vocab_size,
        model_type="unigram",
        character_coverage=1.0,
        byte_fallback=True,
        hard_vocab_limit=False,
        minloglevel=2,
    )
    return prefix.with_suffix(".model")


def vocabulary(sp_model: Path) -> list[str]:
    """The SentencePiece pieces in id order: the CTranslate2 vocabulary."""
    import sentencepiece as spm

    sp = spm.SentencePieceProcessor(model_file=str(sp_model))
    return [sp.id_to_piece(i) for i in range(sp.get_piece_size())]


def random_weights(
    vocab: list[str],
    layers: int,
    d_model: int,
    ffn: int,
    seed: int = 0,
    bias_output: bool = True,
    target_vocab: list[str] | None = None,
) -> dict[str, Any]:
    """Random weights named as :func:`build_model` expects (output biased to stay short and printable).

    With a ``target_vocab`` the decoder gets its own embeddings (``tgt_emb``) and output layer over it.
    """
    import numpy as np

    rng = np.random.default_rng(seed)
    size = len(vocab)

    def mat(rows: int, cols: int) -> Any:
        return (rng.standard_normal((rows, cols)) / np.sqrt(cols)).astype(np.float32)

    def zeros(n: int) -> Any:
        return np.zeros(n, dtype=np.float32)

    def ones(n: int) -> Any:
        return np.ones(n, dtype=np.float32)

    w: dict[str, Any] = {"emb": mat(size, d_model)}
    for side in ("enc", "dec"):
        for i in range(layers):
            p = f"{side}.{i}."
            norms = ("sa_norm", "ffn_norm", "ca_norm") if side == "dec" else ("sa_norm", "ffn_norm")
            for norm in norms:
                w[p + norm + ".g"], w[p + norm + ".b"] = ones(d_model), zeros(d_model)
            w[p + "qkv.w"], w[p + "qkv.b"] = mat(3 * d_model, d_model), zeros(3 * d_model)
            w[p + "out.w"], w[p + "out.b"] = mat(d_model, d_model), zeros(d_model)
            w[p + "ffn1.w"], w[p + "ffn1.b"] = mat(ffn, d_model), zeros(ffn)
            w[p + "ffn2.w"], w[p + "ffn2.b"] = mat(d_model, ffn), zeros(d_model)
            if side == "dec":
                w[p + "ca_q.w"], w[p + "ca_q.b"] = mat(d_model, d_model), zeros(d_model)
                w[p + "ca_kv.w"], w[p + "ca_kv.b"] = mat(2 * d_model, d_model), zeros(2 * d_model)
                w[p + "ca_out.w"], w[p + "ca_out.b"] = mat(d_model, d_model), zeros(d_model)
        w[side + ".norm.g"], w[side + ".norm.b"] = ones(d_model), zeros(d_model)
    target = target_vocab or vocab
    if target_vocab is not None:
        w["tgt_emb"] = mat(len(target), d_model)
    w["proj.w"], w["proj.b"] = mat(len(target), d_model), zeros(len(target))
    if bias_output:
        for i, piece in enumerate(target):
            if piece in ("<unk>", "<s>") or piece.startswith("<0x"):
                w["proj.b"][i] = -100.0
            elif piece == "</s>":
                w["proj.b"][i] = 9.0
    return w


def _linear(spec: Any, w: Mapping[str, Any], name: str) -> None:
    spec.weight, spec.bias = w[name + ".w"], w[name + ".b"]


def _norm(spec: Any, w: Mapping[str, Any], name: str) -> None:
    spec.gamma, spec.beta = w[name + ".g"], w[name + ".b"]


def build_model(
    weights: Mapping[str, Any],
    vocab: list[str],
    out_dir: Path,
    layers: int,
    heads: int,
    quantization: str | None,
    target_vocab: list[str] | None = None,
) -> None:
    """Write a pre-norm Transformer CTranslate2 model to ``out_dir``.

    One vocabulary and shared embeddings, or with ``target_vocab`` separate source and target vocabularies
    (weights from :func:`random_weights` given the same ``target_vocab``).
    """
    import ctranslate2

    spec = ctranslate2.specs.TransformerSpec.from_config((layers, layers), heads)
    spec.encoder.embeddings[0].weight = weights["emb"]
    spec.decoder.embeddings.weight = weights["tgt_emb"] if target_vocab is not None else weights["emb"]
    if "pos" in weights:  # an explicit position table (else CTranslate2's built-in sinusoids)
        spec.encoder.position_encodings.encodings = weights["pos"]
        spec.decoder.position_encodings.encodings = weights["pos"]
    for side, stack in (("enc", spec.encoder), ("dec", spec.decoder)):
        for i, layer in enumerate(stack.layer):
            p = f"{side}.{i}."
            _norm(layer.self_attention.layer_norm, weights, p + "sa_norm")
            _linear(layer.self_attention.linear[0], weights, p + "qkv")
            _linear(layer.self_attention.linear[1], weights, p + "out")
            _norm(layer.ffn.layer_norm, weights, p + "ffn_norm")
            _linear(layer.ffn.linear_0, weights, p + "ffn1")
            _linear(layer.ffn.linear_1, weights, p + "ffn2")
            if side == "dec":
                _norm(layer.attention.layer_norm, weights, p + "ca_norm")
                _linear(layer.attention.linear[0], weights, p + "ca_q")
                _linear(layer.attention.linear[1], weights, p + "ca_kv")
                _linear(layer.attention.linear[2], weights, p + "ca_out")
        _norm(stack.layer_norm, weights, side + ".norm")
    _linear(spec.decoder.projection, weights, "proj")
    spec.register_source_vocabulary(vocab)
    spec.register_target_vocabulary(target_vocab if target_vocab is not None else vocab)
    spec.validate()
    spec.optimize(quantization=quantization)
    out_dir.mkdir(parents=True, exist_ok=True)
    spec.save(str(out_dir))


def write_package_dir(
    folder: Path, model_dir: Path, sp_model: Path | None, metadata: Mapping[str, Any] | None = None
) -> Path:
    """Assemble an Argos package at ``folder``: metadata.json, model/, sentencepiece.model if given."""
    import shutil

    folder.mkdir(parents=True, exist_ok=True)
    (folder / "metadata.json").write_text(json.dumps(dict(metadata or METADATA), indent=2), encoding="utf-8")
    if model_dir.resolve() != (folder / "model").resolve():
        shutil.copytree(model_dir, folder / "model", dirs_exist_ok=True)
    if sp_model is not None:
        shutil.copyfile(sp_model, folder / "sentencepiece.model")
    return folder


def zip_package(folder: Path, archive: Path, top: str | None = None) -> Path:
    """Zip a package directory under one top-level folder (``top``, default the folder's name)."""
    top = top or folder.name
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                zf.write(path, f"{top}/{path.relative_to(folder).as_posix()}")
    return archive


def build_random_package(
    work: Path,
    corpus: Iterable[str],
    *,
    name: str = "translate-th_en-0_0_1",
    layers: int = 2,
    heads: int = 4,
    d_model: int = 64,
    ffn: int = 128,
    vocab_size: int = 400,
    quantization: str | None = "int8",
    seed: int = 0,
) -> Path:
    """Build a random-weight package directory under ``work``; return the package folder."""
    work.mkdir(parents=True, exist_ok=True)
    sp_model = train_sentencepiece(corpus, work / "spm", vocab_size)
    vocab = vocabulary(sp_model)
    weights = random_weights(vocab, layers, d_model, ffn, seed)
    build_model(weights, vocab, work / "ct2", layers, heads, quantization)
    return write_package_dir(work / name, work / "ct2", sp_model)
