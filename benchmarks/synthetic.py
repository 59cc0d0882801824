"""Scale a real index up to N paragraphs for latency and memory benchmarks.

The result is a normal index folder (`open_index` reads it): paragraph i shows the text,
symbol and BM25 postings of real paragraph i mod B (B = size of the base index; tiling the
postings leaves every idf unchanged because document frequencies scale with N), and its
vector is the real vector for i < B, else normalise(v[i mod B] + 0.5 v[j] + noise), j random,
so the vectors keep the base's neighbourhood structure without being duplicates. SQLite holds
the B real rows once plus an N-row (id -> base) table behind a `paragraphs` view.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rag.store import DATABASE, MANIFEST, VECTORS, current_generation, read_manifest  # noqa: E402

COLUMNS = "doc_id, ord, number, text, page, section, annex, running, footnotes, hash"


def base_vectors(base_index: Path) -> np.ndarray:
    import faiss

    index = faiss.read_index(str(current_generation(base_index) / VECTORS))
    return index.reconstruct_n(0, index.ntotal)


def scaled_vectors(base: np.ndarray, n: int, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    b, dim = base.shape
    out = np.empty((n, dim), dtype=np.float32)
    out[:min(n, b)] = base[:min(n, b)]
    for start in range(b, n, 100_000):
        stop = min(n, start + 100_000)
        rows = np.arange(start, stop)
        v = base[rows % b] + 0.5 * base[rng.integers(0, b, len(rows))]
        v += rng.standard_normal(v.shape).astype(np.float32) * (0.3 / np.sqrt(dim))
        out[start:stop] = v / np.linalg.norm(v, axis=1, keepdims=True)
    return out


def write_scaled_store(base_index: Path, n: int, path: Path) -> int:
    """SQLite for n paragraphs tiled from the base index; returns the base size."""
    src = current_generation(base_index) / DATABASE
    conn = sqlite3.connect(path)
    conn.execute(f"ATTACH DATABASE 'file:{src}?mode=ro' AS src")
    conn.executescript(f"""
        CREATE TABLE documents AS SELECT * FROM src.documents;
        CREATE TABLE symbols AS SELECT * FROM src.symbols;
        CREATE INDEX symbols_symbol ON symbols(symbol);
        CREATE TABLE base_paragraphs (id INTEGER PRIMARY KEY, {COLUMNS});
        INSERT INTO base_paragraphs SELECT id, {COLUMNS} FROM src.paragraphs;
        CREATE TABLE tiles (id INTEGER PRIMARY KEY, base INTEGER NOT NULL);
        CREATE VIEW paragraphs AS SELECT t.id AS id, {", ".join("b." + c.strip() for c in COLUMNS.split(","))}
            FROM tiles t JOIN base_paragraphs b ON b.id = t.base;
        CREATE TABLE postings (term TEXT PRIMARY KEY, ids BLOB NOT NULL, weights BLOB NOT NULL);
    """)
    b = conn.execute("SELECT count(*) FROM base_paragraphs").fetchone()[0]
    conn.executemany("INSERT INTO tiles VALUES (?, ?)", ((i, i % b) for i in range(n)))
    copies = -(-n // b)
    rows = []
    for term, ids, weights in conn.execute("SELECT term, ids, weights FROM src.postings"):
        base_ids = np.frombuffer(ids, dtype="<i4")
        w = np.frombuffer(weights, dtype="<f4")
        all_ids = (base_ids[None, :] + (np.arange(copies, dtype=np.int64) * b)[:, None]).ravel()
        keep = all_ids < n
        rows.append((term, all_ids[keep].astype("<i4").tobytes(), np.tile(w, copies)[keep].astype("<f4").tobytes()))
    conn.executemany("INSERT INTO postings VALUES (?, ?, ?)", rows)
    conn.commit()
    conn.execute("DETACH DATABASE src")
    conn.close()
    return b


def make_scaled_index(base_index: Path, n: int, out_dir: Path, kind: str = "auto",
                      vectors: np.ndarray | None = None) -> dict[str, Any]:
    """Write `out_dir/default` with n paragraphs (vectors: scaled_vectors(...)); returns its manifest."""
    import faiss

    from rag.vectors import build_vectors

    manifest = read_manifest(current_generation(base_index))
    target = out_dir / "default"
    shutil.rmtree(target, ignore_errors=True)
    gen = target / "gen-synthetic"
    gen.mkdir(parents=True)
    started = time.perf_counter()
    write_scaled_store(base_index, n, gen / DATABASE)
    store_s = time.perf_counter() - started
    vectors = scaled_vectors(base_vectors(base_index), n) if vectors is None else vectors
    index, info = build_vectors(vectors, kind)
    faiss.write_index(index, str(gen / VECTORS))
    manifest.update({"paragraphs": n, "vector_index": info.kind, "vectors": info.to_json(),
                     "synthetic": {"base": str(base_index), "store_seconds": round(store_s, 1)}})
    (gen / MANIFEST).write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    (target / "CURRENT").write_text("gen-synthetic\n", encoding="utf-8")
    return manifest
