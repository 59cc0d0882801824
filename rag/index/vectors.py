"""The FAISS vector index: choose its type by collection size, build it, measure its recall.

Types (all inner product on L2-normalised rows, so scores are cosines):
    flat       exact; the default below FLAT_MAX vectors (a query scans all rows)
    hnsw       HNSW graph (M=32) over full float32 rows; up to HNSW_FLAT_MAX vectors
    ivf-sq8    inverted lists (k-means, 2*sqrt(n) lists) over 8-bit scalar-quantised rows:
               1/4 of the memory (1M x 384 dims in ~0.4 GB) and minutes, not hours, to build;
               the default from HNSW_FLAT_MAX vectors on
    hnsw-sq8   HNSW graph over 8-bit rows (when asked for, or when ivf-sq8 misses the recall)
    ivf-pq     inverted lists over product-quantised rows (PQ_BYTES a vector), searched for
               REFINE_FACTOR x k candidates that are re-scored with the exact rows (`Refined`); only
               for the sentence search, whose exact rows are a memory-mapped flat file anyway, from
               SENTENCE_PQ_FROM sentences on (3M sentences: ~170 MB in memory instead of 1.2 GB)

The search-time knob (HNSW efSearch, IVF nprobe) is raised until recall@10 against exact
search reaches TARGET_RECALL on probe queries (stored rows plus Gaussian noise, roughly as
far from their paragraph as a real question is); type, knob and measured recall go into
the manifest and `rag index status`. Every type can `reconstruct_batch` (the fusion step
rescores candidates with their stored vectors): HNSW and SQ8 rows decode, IVF gets a direct map.
"""

from __future__ import annotations

import os
import time
from contextlib import contextmanager
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np

from rag.index.scratch import Rows, as_array

FLAT_MAX = 50_000
HNSW_FLAT_MAX = 300_000
TARGET_RECALL = 0.98
KINDS = ("flat", "hnsw", "hnsw-sq8", "ivf-sq8")  # for the paragraph vectors; the sentence search adds ivf-pq
SENTENCE_PQ_FROM = 1_000_000
PQ_BYTES = 48  # at most; the largest divisor of the dimension up to it (384 dims: 8 a sub-quantiser)
REFINE_FACTOR = 16  # 3M synthetic sentence rows, nprobe 32: recall@10 0.978 at 8, 0.990 at 16 (docs/performance.md)
HNSW_M = 32
HNSW_EF_CONSTRUCTION = 64
EXACT_BLOCK = 16_384  # rows scored at a time by the exact search (its scores for 200 probes: 13 MB)
_EF_STEPS = (16, 24, 32, 48, 64, 96, 128, 192, 256, 384, 512)
_NPROBE_STEPS = (4, 8, 16, 32, 48, 64, 96, 128, 192, 256)
# When an automatically chosen type misses the target recall, the next more exact one is built.
_MORE_EXACT = {"ivf-pq": "ivf-sq8", "ivf-sq8": "hnsw-sq8", "hnsw-sq8": "hnsw", "hnsw": "flat"}


@dataclass
class VectorIndexInfo:
    """What the manifest records about the vector index."""

    kind: str
    params: dict[str, int] = field(default_factory=dict)
    recall_at_10: float = 1.0
    probe_queries: int = 0
    build_seconds: float = 0.0
    rejected: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@contextmanager
def faiss_threads(count: int) -> Iterator[None]:
    """Run FAISS with `count` OpenMP threads inside the block (the setting is process-wide)."""
    import faiss

    previous = faiss.omp_get_max_threads()
    faiss.omp_set_num_threads(count)
    try:
        yield
    finally:
        faiss.omp_set_num_threads(previous)


def for_queries() -> None:
    """One FAISS thread for serving single queries: on a busy two-core machine OpenMP's
    barrier waits made a 10k flat search 16 ms instead of 1-2 ms (benchmarks/warm_query.py)."""
    import faiss

    faiss.omp_set_num_threads(1)


def choose_kind(n: int) -> str:
    """The index type for `n` vectors (see the module docstring)."""
    if n < FLAT_MAX:
        return "flat"
    if n < HNSW_FLAT_MAX:
        return "hnsw"
    return "ivf-sq8"


def choose_sentence_kind(n: int) -> str:
    """The type of the sentence search for `n` sentence vectors."""
    return "ivf-pq" if n >= SENTENCE_PQ_FROM else choose_kind(n)


class Refined:
    """An IVF-PQ index whose candidates are re-scored with the exact rows: `search` asks it for
    `factor` x k candidates and returns the k best by exact inner product. `rows` may be a memory
    map: only the candidates' rows are read, in file order."""

    def __init__(self, index: Any, rows: np.ndarray, factor: int = REFINE_FACTOR) -> None:
        self.index, self.rows, self.factor = index, rows, factor

    @property
    def ntotal(self) -> int:
        return int(self.index.ntotal)

    @property
    def d(self) -> int:
        return int(self.index.d)

    def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        queries = np.ascontiguousarray(queries, dtype=np.float32).reshape(-1, self.d)
        _, candidates = self.index.search(queries, min(self.ntotal, k * self.factor))
        scores = np.full((len(queries), k), -np.inf, dtype=np.float32)
        ids = np.full((len(queries), k), -1, dtype=np.int64)
        for i, (q, found) in enumerate(zip(queries, candidates)):
            found = np.unique(found[found >= 0])
            sims = np.asarray(self.rows[found], dtype=np.float32) @ q
            best = np.argsort(-sims, kind="stable")[:k]
            scores[i, :len(best)], ids[i, :len(best)] = sims[best], found[best]
        return scores, ids


def searcher(index: Any, kind: str, rows: np.ndarray) -> Any:
    """What answers `search` for an index of this kind: an ivf-pq index re-scored from `rows`."""
    return Refined(index, rows) if kind == "ivf-pq" else index


def exact_top_k(vectors: Any, queries: np.ndarray, k: int = 10, block: int = EXACT_BLOCK) -> np.ndarray:
    """Ids of the k highest inner products per query, by numpy brute force (blocked)."""
    k = min(k, len(vectors))
    best_s = np.full((len(queries), 0), -np.inf, dtype=np.float32)
    best_i = np.zeros((len(queries), 0), dtype=np.int64)
    for start in range(0, len(vectors), block):
        sims = queries @ vectors[start:start + block].T
        kk = min(k, sims.shape[1])
        part = np.argpartition(-sims, kk - 1, axis=1)[:, :kk]
        best_s = np.concatenate([best_s, np.take_along_axis(sims, part, axis=1)], axis=1)
        best_i = np.concatenate([best_i, part + start], axis=1)
        keep = np.argsort(-best_s, axis=1, kind="stable")[:, :k]
        best_s = np.take_along_axis(best_s, keep, axis=1)
        best_i = np.take_along_axis(best_i, keep, axis=1)
    return best_i


def probe_queries(vectors: np.ndarray, count: int = 200, noise: float = 0.8, seed: int = 0) -> np.ndarray:
    """Stored rows plus isotropic noise of norm ~`noise`, normalised (cosine ~0.75 to their row)."""
    rng = np.random.default_rng(seed)
    rows = vectors[rng.choice(len(vectors), size=min(count, len(vectors)), replace=False)]
    jitter = rng.standard_normal(rows.shape).astype(np.float32) * (noise / np.sqrt(rows.shape[1]))
    q = rows + jitter
    return (q / np.linalg.norm(q, axis=1, keepdims=True)).astype(np.float32)


def recall_at_k(index: Any, queries: np.ndarray, truth: np.ndarray, vectors: np.ndarray | None = None,
                k: int = 10) -> float:
    """Share of the exact top-k that the index returns in its top-k. With `vectors`, a returned
    row that ties the k-th exact score (duplicate paragraphs) counts as found."""
    _, got = index.search(queries, k)
    hits = 0
    for q, g, t in zip(queries, got, truth):
        g = g[g >= 0]
        if vectors is None:
            hits += len(set(g.tolist()) & set(t.tolist()))
        else:
            kth = float(vectors[t[-1]] @ q)
            hits += min(len(t), int(((vectors[g] @ q) >= kth - 1e-5).sum()))
    return hits / truth.size if truth.size else 1.0


def set_search_params(index: Any, kind: str, params: dict[str, int]) -> None:
    """Apply the recorded search-time knob to a loaded index."""
    import faiss

    if kind.startswith("hnsw") and "ef_search" in params:
        faiss.downcast_index(index).hnsw.efSearch = int(params["ef_search"])
    elif kind.startswith("ivf"):
        ivf = faiss.extract_index_ivf(index)
        if "nprobe" in params:
            ivf.nprobe = int(params["nprobe"])
        if kind != "ivf-pq" and ivf.direct_map.type == 0:  # NoMap: reconstruct needs a direct map
            ivf.make_direct_map()


def _new_index(kind: str, dim: int, n: int, vectors: np.ndarray, seed: int) -> tuple[Any, dict[str, int]]:
    import faiss

    if kind == "flat":
        return faiss.IndexFlatIP(dim), {}
    if kind == "hnsw":
        index = faiss.IndexHNSWFlat(dim, HNSW_M, faiss.METRIC_INNER_PRODUCT)
    elif kind == "hnsw-sq8":
        index = faiss.IndexHNSWSQ(dim, faiss.ScalarQuantizer.QT_8bit, HNSW_M, faiss.METRIC_INNER_PRODUCT)
    elif kind in ("ivf-sq8", "ivf-pq"):
        nlist = int(max(16, min(65536, 2 * np.sqrt(n))))
        quantizer = faiss.IndexFlatIP(dim)
        params = {"nlist": nlist}
        if kind == "ivf-sq8":
            index = faiss.IndexIVFScalarQuantizer(quantizer, dim, nlist, faiss.ScalarQuantizer.QT_8bit,
                                                  faiss.METRIC_INNER_PRODUCT)
        else:
            m = max(b for b in range(1, PQ_BYTES + 1) if dim % b == 0)
            index = faiss.IndexIVFPQ(quantizer, dim, nlist, m, 8, faiss.METRIC_INNER_PRODUCT)
            params.update(pq_bytes=m, refine=REFINE_FACTOR)
        index.cp.seed = seed
        index.cp.niter = 10
        rng = np.random.default_rng(seed)
        wanted = 40 * nlist if kind == "ivf-sq8" else max(40 * nlist, 40 * 256)  # PQ: 256 centroids a part
        sample = vectors[rng.choice(n, size=min(n, wanted), replace=False)]
        index.train(sample)
        if kind == "ivf-sq8":
            index.make_direct_map()
        return index, params
    else:
        raise ValueError(f"unknown vector index type {kind!r}; choose one of {', '.join(KINDS)}")
    index.hnsw.efConstruction = HNSW_EF_CONSTRUCTION
    if kind == "hnsw-sq8":
        rng = np.random.default_rng(seed)
        index.train(vectors[rng.choice(n, size=min(n, 100_000), replace=False)])
    return index, {"m": HNSW_M, "ef_construction": HNSW_EF_CONSTRUCTION}


def build_vectors(vectors: np.ndarray | Rows, kind: str = "auto", target_recall: float = TARGET_RECALL,
                  probes: int = 200, seed: int = 0, more_exact: bool = False,
                  build_flat: bool = True) -> tuple[Any, VectorIndexInfo]:
    """Build the index for `vectors` (float32, normalised rows: an array, or a build's scratch
    rows, read a block at a time) and measure its recall@10.

    With kind "auto" the type comes from `choose_kind`. Then, or with `more_exact` (a type chosen
    by the caller's own size rule), a type that cannot reach `target_recall` is replaced by the
    next more exact one (recorded under `rejected`). Without `build_flat`, a flat outcome is
    returned as None (a caller that keeps no flat index: its recall is exact by definition).
    """
    started = time.perf_counter()
    if not isinstance(vectors, Rows):
        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    auto = kind == "auto" or more_exact
    kind = choose_kind(len(vectors)) if kind == "auto" else kind
    rejected: list[dict[str, Any]] = []
    while True:
        if kind == "flat" and not build_flat:
            index, info = None, VectorIndexInfo(kind="flat")
            break
        with faiss_threads(len(os.sched_getaffinity(0))):
            index, info = _build_one(vectors, kind, target_recall, probes, seed)
        if not auto or info.recall_at_10 >= target_recall or kind not in _MORE_EXACT:
            break
        rejected.append({"kind": kind, "params": info.params, "recall_at_10": info.recall_at_10})
        kind, index = _MORE_EXACT[kind], None  # the rejected index is freed before the next is built
    info.rejected = rejected
    info.build_seconds = round(time.perf_counter() - started, 3)
    return index, info


def _add(index: Any, kind: str, vectors: np.ndarray | Rows) -> None:
    """Add every row: a flat or IVF index a block at a time (the same index as one add), an HNSW
    graph in one add (its graph depends on how the rows are batched)."""
    if isinstance(vectors, Rows) and not kind.startswith("hnsw"):
        for block in vectors.blocks():
            index.add(block)
    else:
        index.add(as_array(vectors))


def _build_one(vectors: np.ndarray | Rows, kind: str, target_recall: float, probes: int,
               seed: int) -> tuple[Any, VectorIndexInfo]:
    n, dim = vectors.shape
    index, params = _new_index(kind, dim, n, vectors, seed)
    if n:
        _add(index, kind, vectors)
    info = VectorIndexInfo(kind=kind, params=params)
    if n == 0:
        return index, info
    queries = probe_queries(vectors, probes, seed=seed)
    truth = exact_top_k(vectors, queries, 10)
    info.probe_queries = len(queries)
    if kind.startswith("hnsw") or kind.startswith("ivf"):
        key, steps = ("ef_search", _EF_STEPS) if kind.startswith("hnsw") else ("nprobe", _NPROBE_STEPS)
        if key == "nprobe":
            steps = tuple(s for s in steps if s <= params["nlist"]) or (params["nlist"],)
        for value in steps:
            params[key] = value
            set_search_params(index, kind, params)
            info.recall_at_10 = recall_at_k(searcher(index, kind, vectors), queries, truth, vectors)
            if info.recall_at_10 >= target_recall:
                break
    else:
        info.recall_at_10 = recall_at_k(index, queries, truth, vectors)
    info.recall_at_10 = round(info.recall_at_10, 4)
    info.params = params
    return index, info


def describe(info: dict[str, Any]) -> str:
    """One line for `rag index status`: type, knob, measured recall."""
    knobs = ", ".join(f"{k}={v}" for k, v in info.get("params", {}).items())
    recall = info.get("recall_at_10")
    text = info.get("kind", "?") + (f" ({knobs})" if knobs else "")
    if recall is not None:
        text += f", recall@10 {recall:.3f} vs exact on {info.get('probe_queries', 0)} probe queries"
    return text
