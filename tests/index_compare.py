"""Compare two built indexes: the same documents, paragraphs and citations, and vectors (paragraph,
sentence and token) pointing the same way (for builds made on different workers)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import numpy as np

from rag.index.store import CACHE, DATABASE, current_generation, read_manifest
from rag.index.token_vectors import open_tokens


def _rows(gen: Path, sql: str) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(f"file:{gen / DATABASE}?mode=ro", uri=True)
    try:
        return [tuple(r) for r in conn.execute(sql)]
    finally:
        conn.close()


def _cache(gen: Path) -> dict[str, np.ndarray]:
    conn = sqlite3.connect(f"file:{gen / CACHE}?mode=ro", uri=True)
    try:
        return {h: np.frombuffer(v, dtype="<f4") for h, v in conn.execute("SELECT hash, vector FROM embeddings")}
    finally:
        conn.close()


def documents_and_paragraphs(index_path: Path) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """Every document row (less nothing: symbol, title, source, hash, metadata) and every paragraph
    row with its document's symbol, in id order."""
    gen = current_generation(index_path)
    docs = _rows(gen, "SELECT * FROM documents ORDER BY id")
    paras = _rows(gen, "SELECT d.symbol, p.* FROM paragraphs p JOIN documents d ON d.id = p.doc_id ORDER BY p.id")
    return docs, paras


def least_cosines(a_path: Path, b_path: Path) -> dict[str, float]:
    """The smallest cosine between the two indexes' vectors of the same key: paragraph and
    sentence vectors (the embedding cache), and token rows (int8, dequantised) paragraph by
    paragraph. KeyError-like AssertionError where their keys differ."""
    a_gen, b_gen = current_generation(a_path), current_generation(b_path)
    a, b = _cache(a_gen), _cache(b_gen)
    assert a.keys() == b.keys(), (len(a), len(b))
    keys = sorted(a)
    x, y = np.stack([a[k] for k in keys]), np.stack([b[k] for k in keys])
    both_zero = (np.linalg.norm(x, axis=1) == 0) & (np.linalg.norm(y, axis=1) == 0)  # a text without words
    out = {"vectors": float(np.min(np.where(both_zero, 1.0, np.sum(x * y, axis=1))))}
    a_man, b_man = read_manifest(a_gen), read_manifest(b_gen)
    if a_man.get("token_vectors") or b_man.get("token_vectors"):
        n = int(a_man["paragraphs"])
        ta, tb = open_tokens(a_gen, n, a_man["token_vectors"]), open_tokens(b_gen, n, b_man["token_vectors"])
        least = 1.0
        for pid in range(n):
            pa, pb = ta.of_paragraph(pid), tb.of_paragraph(pid)
            assert np.array_equal(pa.ids, pb.ids), pid
            ra, rb = pa.rows.astype(np.float32), pb.rows.astype(np.float32)
            if len(ra):
                cos = np.sum(ra * rb, axis=1) / (np.linalg.norm(ra, axis=1) * np.linalg.norm(rb, axis=1))
                least = min(least, float(cos.min()))
        out["tokens"] = least
    return out
