"""Warm query latency (library calls) at 10k / 100k / 1M paragraphs, hybrid retrieval.

Scales a real index (default: the UN corpus index) up with benchmarks/synthetic.py, then
times `Retriever.search` in one process: the baseline (the same retriever over an exact
IndexFlatIP, the spine's default), then the chosen index type, each over the same questions
with a warm-up pass first (interleaving them per question let the baseline's full scan evict
the CPU caches the chosen index works from).
Reported: p50/p95 of search given the query vector (and the question's token embeddings, which
come from the same encoder pass), the query encoding alone (onnxruntime
fp32), and the recall@10 recorded at build time. Usage:

    python -m benchmarks.warm_query --base INDEX_DIR/NAME [--sizes 10000,100000,1000000] [--work DIR] [--reuse]
"""

from __future__ import annotations

import argparse
import os

# Like `rag serve` (rag.cli.QUESTION_COMMANDS): one BLAS thread; and the exact baseline's FAISS
# threads sleep when idle instead of spinning on the core the measured retriever needs.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
import random
import resource
import tempfile
import time
from pathlib import Path

import numpy as np

from benchmarks.synthetic import base_vectors, make_scaled_index, scaled_vectors
from rag.config import load_settings
from rag.embedding.embedders import query_embedder
from rag.search.retriever import Retriever
from rag.index.store import check_compatible, current_generation, open_index, read_manifest
from rag.textutil import split_sentences


class FixedVector:
    """An embedder that returns a precomputed query vector and token embeddings (to time search alone)."""

    def __init__(self, dim: int) -> None:
        self.dim = dim
        self.name = self.backend = "fixed"
        self.vec = np.zeros((1, dim), dtype=np.float32)
        self.tokens = None
        self.calls = 0  # encoder passes a search asked for (the second ranking may ask for more than one)

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        self.calls += 1
        return self.vec

    encode_documents = encode_queries

    def encode_query(self, text: str):
        self.calls += 1
        return self.vec[0], self.tokens


def questions_from(index, count: int, seed: int = 0) -> list[str]:
    """Query texts: the first 12 words of random sentences of the base paragraphs."""
    rng = random.Random(seed)
    texts = [r[0] for r in index.conn.execute("SELECT text FROM base_paragraphs")]
    out = []
    while len(out) < count:
        sentences = split_sentences(rng.choice(texts))
        words = rng.choice(sentences).split()[:12] if sentences else []
        if len(words) >= 5:
            out.append(" ".join(words))
    return out


def read_reusable(folder: Path, n: int) -> dict | None:
    """The manifest of the scaled index in `folder` when it has n paragraphs and this rag reads it
    (its format and lexical version), else None."""
    try:
        manifest = read_manifest(current_generation(folder / "default"))
        check_compatible(manifest, load_settings(env={}, index_dir=folder, model=manifest["model"]), folder)
    except Exception:  # noqa: BLE001 - no index there, or another rag's: build it
        return None
    return manifest if manifest.get("paragraphs") == n and manifest.get("synthetic") else None


def pct(xs: list[float], q: float) -> float:
    return float(np.percentile(np.array(xs) * 1000, q))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", type=Path, required=True, help="index folder of real paragraphs (…/<name>)")
    ap.add_argument("--sizes", default="10000,100000,1000000")
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "rag-bench-warm")
    ap.add_argument("--reuse", action="store_true",
                    help="use a scaled index a previous run left in --work (same size) instead of building it")
    args = ap.parse_args()
    import faiss

    base = base_vectors(args.base)
    print(f"base index {args.base}: {len(base)} real paragraphs; faiss {faiss.__version__}, "
          f"{os.cpu_count()} CPUs")
    header = (f"{'paragraphs':>10} {'index':>9} {'sentence search':>16} {'recall@10':>9} {'search p50 ms':>14} {'p95':>6} {'CPU p50':>8} "
              f"{'flat p50 ms':>12} {'p95':>6} {'encode p50 ms':>14} {'encodes':>8} {'total p50 ms':>13} {'build s':>8}")
    rows = []
    for n in [int(x) for x in args.sizes.split(",")]:
        folder = args.work / f"n{n}"
        started = time.perf_counter()
        vectors = scaled_vectors(base, n)
        reused = read_reusable(folder, n) if args.reuse else None
        manifest = reused or make_scaled_index(args.base, n, folder, vectors=vectors)
        build_s = float("nan") if reused else time.perf_counter() - started
        settings = load_settings(env={}, index_dir=folder, model=manifest["model"])
        index = open_index(settings)
        flat = faiss.IndexFlatIP(index.vectors.d)
        flat.add(vectors)
        del vectors
        encoder = query_embedder((manifest.get("embedding") or {}).get("query_encoder"), manifest["model"])
        questions = questions_from(index, args.queries)
        if index.tokens is not None:  # the question's token embeddings come from the same pass as its vector
            qvecs, qtokens = encoder.encode_with_tokens(questions)
        else:
            qvecs, qtokens = encoder.encode_queries(questions), [None] * len(questions)
        fixed = FixedVector(index.vectors.d)
        chosen = Retriever(index, fixed, settings)
        baseline_index = type(index)(index.path, index.generation, index.manifest, index.conn, flat, index.lexical,
                                     index.sentences, index.tokens)  # the same retriever, sentence scores included
        baseline = Retriever(baseline_index, fixed, settings)
        t_new, t_flat, t_enc, c_new = [], [], [], []
        # each retriever in its own loop (a warm-up pass, then the measured one): interleaved, the
        # exact baseline's scan of every vector evicts the CPU caches the chosen index relies on
        for retriever, bucket in ((baseline, t_flat), (chosen, t_new)):
            for measured in (False, True):
                fixed.calls = 0  # what is left after the chosen index's measured pass is its count
                for q, v, t in zip(questions, qvecs, qtokens):
                    fixed.vec, fixed.tokens = v[None, :], t
                    t0, c0 = time.perf_counter(), time.process_time()
                    retriever.search(q)
                    if measured:
                        bucket.append(time.perf_counter() - t0)
                        if retriever is chosen:
                            c_new.append(time.process_time() - c0)
        for q in questions:
            t0 = time.perf_counter()
            encoder.encode_query(q) if index.tokens is not None else encoder.encode_queries([q])
            t_enc.append(time.perf_counter() - t0)
        encodes = fixed.calls / len(questions)  # per question, over the measured pass of the chosen index
        info = manifest["vectors"]
        search = manifest.get("sentence_search") or {}
        sentence_search = f"{search['kind']} ({search['recall_at_10']:.3f})" if search else "flat scan"
        rows.append(f"{n:>10,} {info['kind']:>9} {sentence_search:>16} {info['recall_at_10']:>9.3f} {pct(t_new, 50):>14.2f} "
                    f"{pct(t_new, 95):>6.1f} {pct(c_new, 50):>8.2f} {pct(t_flat, 50):>12.2f} {pct(t_flat, 95):>6.1f} "
                    f"{pct(t_enc, 50):>14.2f} {encodes:>8.2f} {pct(t_new, 50) + encodes * pct(t_enc, 50):>13.2f} {build_s:>8.1f}")
        print(header if len(rows) == 1 else "", flush=True)
        print(rows[-1], flush=True)
        index.close()
        del flat, baseline_index, baseline, chosen
    print("search: Retriever.search (BM25 + dense candidates, fusion, rows) given the query vector; "
          "flat: the same over an exact IndexFlatIP; encode: the warm query encoder (onnxruntime fp32, pre-packed, all cores); encodes: encoder passes per question "
          "(the question, and its focus and subject-less forms where the second ranking inside the best document "
          "needs them); total: search + encodes x encode; CPU: process time")
    print(f"1-min load average now {os.getloadavg()[0]:.2f}")
    print(f"peak RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
