"""Train the tiny Thai→English test model on corpus.tsv; write the fixture translate-th_en-test.argosmodel.

Run from a throwaway venv that has torch (never the project's own environment):

    python3 -m venv /tmp/torchenv
    /tmp/torchenv/bin/pip install torch==2.13.0 numpy ctranslate2 sentencepiece
    /tmp/torchenv/bin/python scripts/train_test_model/train.py

The model is a pre-norm Transformer laid out as CTranslate2 expects (2+2 layers, d 64, 4 heads, FFN 128,
shared embeddings, explicit sinusoidal position table of 1024 rows), trained full-batch with Adam until it
reproduces the corpus, then converted with ``tests/model_builder.py`` and quantized to int8.
On a busy machine set OMP_NUM_THREADS=1 (torch's spinning threads slow it down several times).
"""

from __future__ import annotations

import math
import sys
import tempfile
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))  # model_builder: test and benchmark tooling

import model_builder as builder  # noqa: E402

LAYERS, HEADS, D, FFN, MAX_POS = 2, 4, 64, 128, 1024  # CTranslate2 reads at most 1024 input tokens
STEPS, SEED = 1500, 1234
OUT = ROOT / "tests" / "fixtures" / "argos" / "translate-th_en-test.argosmodel"
METADATA = dict(builder.METADATA, package_version="0.1.0")


def read_corpus() -> list[tuple[str, str]]:
    """The (Thai, English) pairs of corpus.tsv."""
    pairs = []
    for line in (HERE / "corpus.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            thai, english = line.split("\t")
            pairs.append((thai.strip(), english.strip()))
    return pairs


def sinusoids(length: int, depth: int) -> np.ndarray:
    """A position table (sin half, cos half), given to CTranslate2 explicitly."""
    half = depth // 2
    inc = math.log(10000.0) / (half - 1)
    timescales = np.exp(np.arange(half) * -inc)
    scaled = np.arange(length)[:, None] * timescales[None, :]
    return np.concatenate([np.sin(scaled), np.cos(scaled)], axis=1).astype(np.float32)


def init_params(vocab: int) -> dict[str, torch.Tensor]:
    """Parameters named like builder.random_weights."""
    w = builder.random_weights(["x"] * vocab, LAYERS, D, FFN, seed=SEED, bias_output=False)
    return {k: torch.tensor(v, requires_grad=True) for k, v in w.items()}


def ln(x: torch.Tensor, p: dict[str, torch.Tensor], name: str) -> torch.Tensor:
    return F.layer_norm(x, (D,), p[name + ".g"], p[name + ".b"])


def lin(x: torch.Tensor, p: dict[str, torch.Tensor], name: str) -> torch.Tensor:
    return F.linear(x, p[name + ".w"], p[name + ".b"])


def attend(q: torch.Tensor, k: torch.Tensor, v: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    b, tq, _ = q.shape
    tk = k.shape[1]
    hd = D // HEADS
    q = q.view(b, tq, HEADS, hd).transpose(1, 2) / math.sqrt(hd)
    k = k.view(b, tk, HEADS, hd).transpose(1, 2)
    v = v.view(b, tk, HEADS, hd).transpose(1, 2)
    scores = (q @ k.transpose(-1, -2)).masked_fill(~mask, -1e9)
    return (scores.softmax(-1) @ v).transpose(1, 2).reshape(b, tq, D)


def forward(
    p: dict[str, torch.Tensor],
    pos: torch.Tensor,
    src: torch.Tensor,
    src_mask: torch.Tensor,
    tgt: torch.Tensor,
) -> torch.Tensor:
    """Logits for teacher-forced ``tgt`` given ``src`` (padding masked)."""
    x = p["emb"][src] * math.sqrt(D) + pos[: src.shape[1]]
    key_mask = src_mask[:, None, None, :]
    for i in range(LAYERS):
        h = ln(x, p, f"enc.{i}.sa_norm")
        q, k, v = lin(h, p, f"enc.{i}.qkv").split(D, dim=-1)
        x = x + lin(attend(q, k, v, key_mask), p, f"enc.{i}.out")
        h = ln(x, p, f"enc.{i}.ffn_norm")
        x = x + lin(F.relu(lin(h, p, f"enc.{i}.ffn1")), p, f"enc.{i}.ffn2")
    memory = ln(x, p, "enc.norm")
    t = tgt.shape[1]
    y = p["emb"][tgt] * math.sqrt(D) + pos[:t]
    causal = torch.tril(torch.ones(t, t, dtype=torch.bool))[None, None]
    for i in range(LAYERS):
        h = ln(y, p, f"dec.{i}.sa_norm")
        q, k, v = lin(h, p, f"dec.{i}.qkv").split(D, dim=-1)
        y = y + lin(attend(q, k, v, causal), p, f"dec.{i}.out")
        h = ln(y, p, f"dec.{i}.ca_norm")
        q = lin(h, p, f"dec.{i}.ca_q")
        k, v = lin(memory, p, f"dec.{i}.ca_kv").split(D, dim=-1)
        y = y + lin(attend(q, k, v, key_mask), p, f"dec.{i}.ca_out")
        h = ln(y, p, f"dec.{i}.ffn_norm")
        y = y + lin(F.relu(lin(h, p, f"dec.{i}.ffn1")), p, f"dec.{i}.ffn2")
    return lin(ln(y, p, "dec.norm"), p, "proj")


def pad(rows: list[list[int]]) -> tuple[torch.Tensor, torch.Tensor]:
    width = max(len(r) for r in rows)
    ids = torch.tensor([r + [0] * (width - len(r)) for r in rows])
    mask = torch.tensor([[True] * len(r) + [False] * (width - len(r)) for r in rows])
    return ids, mask


def main() -> None:
    import ctranslate2
    import sentencepiece as spm

    torch.manual_seed(SEED)
    pairs = read_corpus()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        sp_path = builder.train_sentencepiece([s for pair in pairs for s in pair], work / "spm", 400)
        sp = spm.SentencePieceProcessor(model_file=str(sp_path))
        vocab = builder.vocabulary(sp_path)
        src, src_mask = pad([sp.encode(th) for th, _ in pairs])
        tgt_full, tgt_mask = pad([[1, *sp.encode(en), 2] for _, en in pairs])
        tgt_in, tgt_out, out_mask = tgt_full[:, :-1], tgt_full[:, 1:], tgt_mask[:, 1:]
        params = init_params(len(vocab))
        pos = torch.tensor(sinusoids(MAX_POS, D))
        opt = torch.optim.Adam(params.values(), lr=3e-3)
        for step in range(STEPS):
            logits = forward(params, pos, src, src_mask, tgt_in)
            loss = F.cross_entropy(logits[out_mask], tgt_out[out_mask])
            opt.zero_grad()
            loss.backward()
            opt.step()
            if step % 100 == 0:
                print(f"step {step} loss {loss.item():.4f}")
        weights = {k: v.detach().numpy() for k, v in params.items()}
        weights["pos"] = pos.numpy()
        builder.build_model(weights, vocab, work / "ct2", LAYERS, HEADS, "int8")
        folder = builder.write_package_dir(work / "translate-th_en-test", work / "ct2", sp_path, METADATA)
        translator = ctranslate2.Translator(str(folder / "model"), intra_threads=1)
        results = translator.translate_batch([sp.encode(th, out_type=str) for th, _ in pairs], beam_size=1)
        right = sum(sp.decode(r.hypotheses[0]) == en for r, (_, en) in zip(results, pairs, strict=True))
        print(f"greedy int8 reproduces {right}/{len(pairs)} reference translations")
        builder.zip_package(folder, OUT)
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
