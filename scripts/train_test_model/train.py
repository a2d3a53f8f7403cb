"""Train the tiny Thai→English test models on corpus.tsv; write the fixtures in tests/fixtures/argos/.

Run from a throwaway venv that has torch (never the project's own environment):

    python3 -m venv /tmp/torchenv
    /tmp/torchenv/bin/pip install torch==2.13.0 numpy ctranslate2==4.8.5 sentencepiece==0.2.3
    /tmp/torchenv/bin/pip install sacremoses==0.1.1
    /tmp/torchenv/bin/pip install --no-deps argostranslate==1.11.0
    OMP_NUM_THREADS=1 /tmp/torchenv/bin/python scripts/train_test_model/train.py [joint|spm-source|bpe ...]

One model per package shape (see shapes.py). Each is a pre-norm Transformer laid out as CTranslate2 expects
(2+2 layers, d 64, 4 heads, FFN 128, shared embeddings over the model vocabulary, explicit sinusoidal position
table of 1024 rows), trained full-batch with Adam on cross-entropy plus a margin loss until, under teacher
forcing, every reference token beats every other token by at least MARGIN logits. That margin is what keeps
the int8 model's greedy and beam outputs identical on every CPU instruction set (int8 rounding moves logits by
well under one); a model trained only until it first reproduces the corpus flips tokens on other CPUs. It is
converted with ``tests/model_builder.py`` and quantized to int8. ``verify.py`` (project venv)
checks the fixtures under float32 and int8 and every CT2_FORCE_CPU_ISA the CPU supports.
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
sys.path.insert(0, str(HERE))

from shapes import SHAPES, Shape, builder  # noqa: E402

LAYERS, HEADS, D, FFN, MAX_POS = 2, 4, 64, 128, 1024  # CTranslate2 reads at most 1024 input tokens
MAX_STEPS, SEED, MARGIN = 6000, 1234, 8.0


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


def margins(logits: torch.Tensor, gold: torch.Tensor) -> torch.Tensor:
    """Reference logit minus the best other logit, per target position."""
    right = logits.gather(-1, gold[:, None]).squeeze(-1)
    other = logits.scatter(-1, gold[:, None], float("-inf")).max(-1).values
    return right - other


def train(shape: Shape, pairs: list[tuple[str, str]]) -> dict[str, np.ndarray]:
    """Train until every reference token wins by MARGIN; return the weights (numpy, builder names)."""
    torch.manual_seed(SEED)
    ids = {piece: i for i, piece in enumerate(shape.vocab)}

    def to_ids(pieces: list[str]) -> list[int]:
        return [ids.get(p, 0) for p in pieces]

    src, src_mask = pad([to_ids(shape.source(th)) for th, _ in pairs])
    tgt_full, tgt_mask = pad([[1, *to_ids(shape.target(en)), 2] for _, en in pairs])
    assert 0 not in tgt_full[tgt_mask].tolist(), "a target piece is missing from the vocabulary"
    tgt_in, tgt_out, out_mask = tgt_full[:, :-1], tgt_full[:, 1:], tgt_mask[:, 1:]
    params = init_params(len(shape.vocab))
    pos = torch.tensor(sinusoids(MAX_POS, D))
    opt = torch.optim.Adam(params.values(), lr=3e-3)
    for step in range(MAX_STEPS):
        logits = forward(params, pos, src, src_mask, tgt_in)[out_mask]
        gold = tgt_out[out_mask]
        margin = margins(logits, gold)
        loss = F.cross_entropy(logits, gold) + F.relu(MARGIN + 2.0 - margin).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
        if step % 100 == 0:
            print(f"{shape.name} step {step} loss {loss.item():.4f} min margin {margin.min().item():.2f}")
        if step >= 500 and margin.min().item() >= MARGIN:
            print(f"{shape.name}: every reference token wins by {margin.min().item():.2f} at step {step}")
            break
    else:
        raise SystemExit(f"{shape.name}: margin {margin.min().item():.2f} < {MARGIN} after {MAX_STEPS} steps")
    weights = {k: v.detach().numpy() for k, v in params.items()}
    weights["pos"] = pos.numpy()
    return weights


def main(names: list[str]) -> None:
    pairs = read_corpus()
    for name in names or list(SHAPES):
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp)
            shape = SHAPES[name](pairs, work)
            weights = train(shape, pairs)
            builder.build_model(weights, shape.vocab, work / "ct2", LAYERS, HEADS, "int8")
            metadata = dict(builder.METADATA, package_version=shape.version)
            folder = builder.write_package_dir(work / shape.folder, work / "ct2", None, metadata)
            for inside, path in shape.files.items():
                (folder / inside).parent.mkdir(parents=True, exist_ok=True)
                (folder / inside).write_bytes(path.read_bytes())
            builder.zip_package(folder, shape.out)
        print(f"wrote {shape.out} ({shape.out.stat().st_size} bytes)")


if __name__ == "__main__":
    main(sys.argv[1:])
