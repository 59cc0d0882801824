"""Warm query latency of the PostgreSQL store beside the index folder, same questions, same run.

Each index folder given is published into the store (rag.index.postgres.publish; once: a
later run finds the same generation there and publishes nothing), then `Retriever.search`
(hybrid: BM25 and dense candidates, fusion, re-scoring with token vectors, rows) is timed over
the UN dev questions on the folder store and on the PostgreSQL store, each with a warm-up pass
first; the query vectors and token embeddings are computed once beforehand, so the figures are
search alone. Reported: p50, p95 and p99 in ms, and whether both stores ranked the same top hit.

    python -m benchmarks.pg_query --store postgresql://USER@HOST:PORT/DB \\
        --index INDEX_DIR/NAME [--index SCALED_DIR/default ...] [--queries 219]

A scaled index (benchmarks/synthetic.py) is published without its files (`with_files=False`):
a writer could not pull it, which a benchmark never does.
"""

from __future__ import annotations

import argparse
import json
import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # like `rag serve`
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

from benchmarks.warm_query import FixedVector, pct
from rag.config import load_settings
from rag.embedding.embedders import query_embedder
from rag.index.postgres.publish import publish
from rag.index.postgres.read import open_pg_index
from rag.index.store import open_index
from rag.search.retriever import Retriever

QUESTIONS = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "un_dev" / "questions.jsonl"


def timed(retriever: Retriever, fixed: FixedVector, questions: list[str], qvecs: np.ndarray,
          qtokens: list) -> tuple[list[float], list[int]]:
    """Seconds per search (after a warm-up pass) and each question's top paragraph."""
    times, tops = [], []
    for measured in (False, True):
        for q, v, t in zip(questions, qvecs, qtokens):
            fixed.vec, fixed.tokens = v[None, :], t
            t0 = time.perf_counter()
            hits = retriever.search(q).hits
            if measured:
                times.append(time.perf_counter() - t0)
                tops.append(hits[0].pid if hits else -1)
    return times, tops


def measure(folder: Path, dsn: str, questions: list[str], again: bool) -> str:
    name = f"bench-{folder.parent.name}-{folder.name}"
    settings = load_settings(env={}, index_dir=folder.parent, index_name=folder.name)
    local = open_index(settings)
    settings = replace(settings, model=local.manifest["model"])
    started = time.perf_counter()
    published = publish(replace(settings, store=dsn), name=name, with_files=not local.manifest.get("synthetic"),
                        again=again)
    publish_s = time.perf_counter() - started
    remote = open_pg_index(replace(settings, store=dsn, index_name=name))
    encoder = query_embedder((local.manifest.get("embedding") or {}).get("query_encoder"), local.manifest["model"])
    if local.tokens is not None:
        qvecs, qtokens = encoder.encode_with_tokens(questions)
    else:
        qvecs, qtokens = encoder.encode_queries(questions), [None] * len(questions)
    fixed = FixedVector(local.vectors.d)
    t_folder, top_folder = timed(Retriever(local, fixed, settings), fixed, questions, qvecs, qtokens)
    t_pg, top_pg = timed(Retriever(remote, fixed, settings), fixed, questions, qvecs, qtokens)
    same = sum(a == b for a, b in zip(top_folder, top_pg)) / len(questions)
    vectors = (published.get("postgres") or remote.manifest.get("postgres", {})).get("vectors", {})
    local.close()
    remote.close()
    return (f"{local.size:>10,} {local.manifest['vectors']['kind']:>8} {vectors.get('kind', '?'):>7} "
            f"{pct(t_folder, 50):>10.1f} {pct(t_folder, 95):>6.1f} {pct(t_folder, 99):>7.1f} "
            f"{pct(t_pg, 50):>10.1f} {pct(t_pg, 95):>6.1f} {pct(t_pg, 99):>7.1f} "
            f"{same:>9.3f} {publish_s:>10.1f}{' (unchanged)' if published.get('unchanged') else ''}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", required=True, help="postgresql://USER@HOST:PORT/DATABASE (pgvector installed)")
    ap.add_argument("--index", type=Path, action="append", required=True, help="an index folder (…/<name>)")
    ap.add_argument("--queries", type=int, default=219)
    ap.add_argument("--again", action="store_true", help="publish again even where the store has the generation")
    args = ap.parse_args()
    questions = [json.loads(line)["question"] for line in QUESTIONS.read_text().splitlines()][:args.queries]
    print(f"{len(questions)} UN dev questions, search alone (query vectors computed beforehand), "
          f"{os.cpu_count()} CPUs")
    print(f"{'paragraphs':>10} {'folder':>8} {'pg':>7} {'folder p50':>10} {'p95':>6} {'p99':>7} {'pg p50 ms':>10} "
          f"{'p95':>6} {'p99':>7} "
          f"{'same top':>9} {'publish s':>10}")
    for folder in args.index:
        print(measure(folder, args.store, questions, args.again), flush=True)
    print(f"1-min load average now {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
