"""Dense-only P@1 on SQuAD v1.1 dev for each indexing backend, against torch fp32.

A backend is accepted for automatic choice (rag.embedding.embedders.ACCEPTED) only when it moves P@1 by
less than 0.5 points. Paragraphs are embedded with the backend, questions with the query
side the product uses (onnxruntime fp32); the baseline embeds both with sentence-transformers
fp32. Usage (about 2 x 2,067 paragraphs + 10,570 questions per backend):

    python -m benchmarks.backend_quality [--backends openvino-bf16,onnx-f32] [--data DIR]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np

from rag.embedding.embedders import document_embedder, get_embedder

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "squad_v1.1_dev"


def load(data: Path) -> tuple[list[str], list[tuple[str, int]], list[str], list[tuple[str, int]]]:
    corpus = [json.loads(line) for line in (data / "corpus.jsonl").open(encoding="utf-8")]
    questions = [json.loads(line) for line in (data / "questions.jsonl").open(encoding="utf-8")]
    return ([c["text"] for c in corpus], [(c["doc"], int(c["para"])) for c in corpus],
            [q["question"] for q in questions], [(q["doc"], int(q["para"])) for q in questions])


def p_at_1(doc_vecs: np.ndarray, q_vecs: np.ndarray, keys: list, gold: list) -> float:
    top = np.argmax(q_vecs @ doc_vecs.T, axis=1)
    return float(np.mean([keys[t] == g for t, g in zip(top, gold)]))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--backends", default="openvino-bf16,openvino-f32,onnx-f32,torch-bf16")
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--model", default="all-MiniLM-L6-v2")
    args = ap.parse_args()
    texts, keys, questions, gold = load(args.data)
    print(f"SQuAD v1.1 dev: {len(texts)} paragraphs, {len(questions)} questions; model {args.model}")
    ref = get_embedder(args.model, 32)
    started = time.perf_counter()
    base_docs = ref.encode_documents(texts)
    base_q = ref.encode_queries(questions)
    base = p_at_1(base_docs, base_q, keys, gold)
    print(f"{'backend':<16} {'P@1':>7} {'delta (points)':>15} {'min cos docs':>13} {'accepted':>9} {'seconds':>8}")
    print(f"{'torch-f32 (base)':<16} {base:7.4f} {0.0:15.2f} {1.0:13.5f} {'-':>9} {time.perf_counter() - started:8.1f}")
    query_side, _ = document_embedder(args.model, 32, "onnx-f32")
    q_vecs = query_side.encode_queries(questions)
    for backend in args.backends.split(","):
        started = time.perf_counter()
        emb, _ = document_embedder(args.model, 32, backend)
        docs = emb.encode_documents(texts)
        p1 = p_at_1(docs, q_vecs, keys, gold)
        delta = 100 * (p1 - base)
        cos = float((docs * base_docs).sum(axis=1).min())
        print(f"{backend:<16} {p1:7.4f} {delta:15.2f} {cos:13.5f} {'yes' if abs(delta) < 0.5 else 'no':>9} "
              f"{time.perf_counter() - started:8.1f}")


if __name__ == "__main__":
    main()
