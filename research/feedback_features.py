"""Pseudo-relevance-feedback and neighbour-context features of every candidate in a fusion dump
(research/fusion_dump.py), for `fusion_fit.py --extra-squad/--extra-policyqa`:

    python -m research.feedback_features --data ../shared/data --index-dir DIR --set policyqa \
        --dump policy.npz --out policy-extra.npz

Each question's candidates are ranked by the product's stage 1 (rag.search.fusion.FIRST_STAGE); then
- `nbmax` / `nbmean`: the best / mean stage-1 score of the paragraph's two neighbours in the same
  document (the question's lowest score for a neighbour that is no candidate);
- `roc{k}`: the paragraph vector's dot product with the mean vector of the k best (Rocchio: in a
  linear fusion beside the query cosine, this is q' = q + beta x centroid for any beta);
- `rsent5`: the best sentence cosine with Rocchio's q' = q + 0.5 x the mean vector of the 5 best
  (normalised; a max over sentences is not linear, so beta is fixed);
- `first`: the cosine of the paragraph's first sentence (a heading, where segments open with one);
- `localbm25`: BM25 with idf and mean length taken over the question's candidates only (within a
  document: the document's own idf);
- `rm3_{k}`: BM25 of the 20 expansion terms of RM3 (term weight: sum over the k best of
  softmax(stage-1 score) x tf / length), which beside BM25 is RM3's interpolation.
Not part of the product (none of them was kept: docs/decisions.md).
"""

from __future__ import annotations

import argparse
import math
from collections import Counter
from pathlib import Path

import numpy as np

from rag.config import load_settings
from rag.evaluation.evalset import load_questions
from rag.evaluation.evaluate import eval_settings
from rag.search.fusion import FIRST_STAGE
from rag.index.store import open_index
from rag.textutil import terms
from research.fusion_dump import SETS
from research.fusion_fit import BASE, Dump

DEPTHS = (3, 5, 10)
EXPANSION_TERMS = 20


def has_sentences(vecs: np.ndarray | None) -> bool:
    return vecs is not None and len(vecs) > 0


def best_cosine(vecs: np.ndarray | None, query: np.ndarray) -> float:
    return float((vecs @ query).max()) if has_sentences(vecs) else 0.0


def local_bm25(question: set[str], counts: list[Counter[str]], lengths: np.ndarray,
               k1: float = 0.9, b: float = 0.75) -> np.ndarray:
    """BM25 over these paragraphs only: idf and mean length from them."""
    out = np.zeros(len(counts))
    avgdl = float(lengths.mean()) or 1.0
    for t in question:
        tf = np.array([c.get(t, 0) for c in counts], dtype=np.float64)
        df = int((tf > 0).sum())
        if df:
            idf = math.log(1.0 + (len(counts) - df + 0.5) / (df + 0.5))
            out += idf * tf * (k1 + 1.0) / (tf + k1 * (1.0 - b + b * lengths / avgdl))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--index-dir", type=Path, required=True)
    ap.add_argument("--set", choices=sorted(SETS), required=True)
    ap.add_argument("--dump", type=Path, required=True)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()
    corpus = args.data / SETS[args.set][0] / "corpus.jsonl"
    index = open_index(eval_settings(load_settings(index_dir=args.index_dir), corpus))
    n = index.size
    vecs = index.vectors.reconstruct_n(0, n)
    rows = index.conn.execute("SELECT doc_id, text FROM paragraphs ORDER BY id").fetchall()
    doc = np.array([r[0] for r in rows])
    tokens = [terms(r[1]) for r in rows]
    d = Dump(args.dump)
    w1 = np.array([FIRST_STAGE[k] for k in ("lexical", "dense", "sentence", "pairs")])
    s1 = np.column_stack([d.zscore(d.f(x)) for x in BASE]) @ w1
    sentence_vecs = [index.sentences.of_paragraph(p) if index.sentences is not None else None for p in range(n)]
    qvecs = d.z["qvecs"]
    counts = [Counter(t) for t in tokens]
    lengths = np.array([len(t) for t in tokens], dtype=np.float64)
    question_terms = [set(terms(q.question)) for q in load_questions(args.data / SETS[args.set][0] / "questions.jsonl")]
    names = (["nbmax", "nbmean"] + [f"roc{k}" for k in DEPTHS] + [f"rm3_{k}" for k in DEPTHS]
             + ["rsent5", "first", "localbm25"])
    out = {f: np.zeros(len(d.qid)) for f in names}
    prev_id, next_id = np.maximum(np.arange(n) - 1, 0), np.minimum(np.arange(n) + 1, n - 1)
    for q in range(d.nq):
        a, b = d.starts[q], d.starts[q + 1]
        if a == b:
            continue
        pid, s = d.z["pid"][a:b], s1[a:b]
        full = np.full(n, s.min())
        full[pid] = s
        prev = np.where((pid > 0) & (doc[prev_id[pid]] == doc[pid]), full[prev_id[pid]], s.min())
        nxt = np.where((pid < n - 1) & (doc[next_id[pid]] == doc[pid]), full[next_id[pid]], s.min())
        out["nbmax"][a:b] = np.maximum(prev, nxt)
        out["nbmean"][a:b] = (prev + nxt) / 2
        order = np.argsort(-s, kind="stable")
        for k in DEPTHS:
            best = pid[order[:k]]
            out[f"roc{k}"][a:b] = vecs[pid] @ vecs[best].mean(0)
            weight = np.exp(s[order[:k]] - s[order[0]])
            weight /= weight.sum()
            model: Counter[str] = Counter()
            for w, p in zip(weight, best):
                length = max(len(tokens[p]), 1)
                for t, tf in Counter(tokens[p]).items():
                    model[t] += w * tf / length
            expansion = model.most_common(EXPANSION_TERMS)
            total = sum(v for _, v in expansion) or 1.0
            scores = np.zeros(n, dtype=np.float32)
            for t, v in expansion:
                ids, weights = index.lexical.postings(t)  # empty for a term no paragraph holds
                scores[ids] += weights * v / total
            out[f"rm3_{k}"][a:b] = scores[pid]
        rocchio = qvecs[q] + 0.5 * vecs[pid[order[:5]]].mean(0)
        rocchio /= np.linalg.norm(rocchio)
        out["rsent5"][a:b] = [best_cosine(sentence_vecs[p], rocchio) for p in pid]
        out["first"][a:b] = [float(sentence_vecs[p][0] @ qvecs[q]) if has_sentences(sentence_vecs[p]) else 0.0
                             for p in pid]
        out["localbm25"][a:b] = local_bm25(question_terms[q], [counts[p] for p in pid], lengths[pid])
    np.savez_compressed(args.out, **out)
    print(f"wrote {args.out}: {', '.join(names)} for {len(d.qid)} candidates")


if __name__ == "__main__":
    main()
