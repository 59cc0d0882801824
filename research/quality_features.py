"""Per-question retrieval features over a whole evaluation index, as dense matrices, so that
ranking ideas (BM25 variants, fusion weights, sentence scores) can be compared quickly and
side by side. Used by research/ranking_ideas.py; not part of the product.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from rag.textutil import STOPWORDS, stem, words

Tokeniser = Callable[[str], list[str]]
TOKENISERS: dict[str, Tokeniser] = {
    "stem+stop": lambda t: [stem(w) for w in words(t) if w not in STOPWORDS],
    "stop": lambda t: [w for w in words(t) if w not in STOPWORDS],
    "stem": lambda t: [stem(w) for w in words(t)],
    "plain": words,
}


def bm25_matrix(texts: list[str], queries: list[str], tok: Tokeniser, k1: float, b: float) -> np.ndarray:
    """BM25 score of every (query, text) pair, the same formula as rag.index.lexical."""
    docs = [Counter(tok(t)) for t in texts]
    vocab: dict[str, int] = {}
    rows, cols, tfs = [], [], []
    for i, d in enumerate(docs):
        for term, tf in d.items():
            rows.append(i)
            cols.append(vocab.setdefault(term, len(vocab)))
            tfs.append(tf)
    tf = np.array(tfs, dtype=np.float32)
    rows_a, cols_a = np.array(rows), np.array(cols)
    lengths = np.array([sum(d.values()) for d in docs], dtype=np.float32)
    avgdl = float(lengths.mean()) or 1.0
    df = np.bincount(cols_a, minlength=len(vocab))
    n = len(texts)
    idf = np.log(1.0 + (n - df + 0.5) / (df + 0.5))
    w = idf[cols_a] * tf * (k1 + 1) / (tf + k1 * (1 - b + b * lengths[rows_a] / avgdl))
    weights = sparse.csr_matrix((w, (cols_a, rows_a)), shape=(len(vocab), n))
    qr, qc, qv = [], [], []
    for i, q in enumerate(queries):
        for term, c in Counter(tok(q)).items():
            j = vocab.get(term)
            if j is not None:
                qr.append(i)
                qc.append(j)
                qv.append(c)
    qm = sparse.csr_matrix((np.array(qv, dtype=np.float32), (qr, qc)), shape=(len(queries), len(vocab)))
    return np.asarray((qm @ weights).todense(), dtype=np.float32)


def max_sentence_matrix(qvecs: np.ndarray, svecs: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """Per (query, paragraph): the best cosine with one of the paragraph's sentences."""
    out = np.empty((len(qvecs), len(starts) - 1), dtype=np.float32)
    for lo in range(0, len(qvecs), 512):
        sims = qvecs[lo:lo + 512] @ svecs.T
        out[lo:lo + 512] = np.maximum.reduceat(sims, starts[:-1], axis=1)
    return out


def minmax_rows(x: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Min-max normalise each row over its masked entries (the candidates); 0 elsewhere."""
    big = np.where(mask, x, np.inf).min(axis=1, keepdims=True)
    top = np.where(mask, x, -np.inf).max(axis=1, keepdims=True)
    span = np.where(top > big, top - big, 1.0)
    return np.where(mask, (x - big) / span, 0.0).astype(np.float32)


def top_mask(x: np.ndarray, c: int, allowed: np.ndarray | None, positive: bool = False) -> np.ndarray:
    """Mask of each row's top-c entries (among `allowed`)."""
    y = x if allowed is None else np.where(allowed, x, -np.inf)
    c = min(c, x.shape[1])
    idx = np.argpartition(-y, c - 1, axis=1)[:, :c]
    mask = np.zeros_like(x, dtype=bool)
    np.put_along_axis(mask, idx, True, axis=1)
    if allowed is not None:
        mask &= allowed
    if positive:
        mask &= x > 0
    return mask


@dataclass
class Metrics:
    p1: float
    r5: float
    r10: float
    mrr: float
    ndcg: float


def evaluate_scores(scores: np.ndarray, gold: list[set[int]], allowed: np.ndarray | None = None) -> Metrics:
    """Ranking metrics of each row's order (restricted to `allowed`) against gold paragraph ids."""
    y = scores if allowed is None else np.where(allowed, scores, -np.inf)
    top = np.argsort(-y, axis=1, kind="stable")[:, :10]
    p1 = r5 = r10 = mrr = ndcg = 0.0
    for row, g in zip(top, gold):
        rel = [int(i) in g for i in row]
        p1 += rel[0]
        r5 += sum(rel[:5]) / len(g)
        r10 += sum(rel) / len(g)
        first = next((k for k, r in enumerate(rel) if r), None)
        mrr += 0 if first is None else 1 / (first + 1)
        dcg = sum(1 / math.log2(k + 2) for k, r in enumerate(rel) if r)
        ndcg += dcg / sum(1 / math.log2(k + 2) for k in range(min(len(g), 10)))
    n = len(gold)
    return Metrics(p1 / n, r5 / n, r10 / n, mrr / n, ndcg / n)
