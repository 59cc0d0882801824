"""Hybrid retrieval: BM25 and dense scores, min-max normalised over the candidates, fused."""

from __future__ import annotations

import json

import numpy as np

from rag.config import Settings
from rag.embed import Embedder
from rag.errors import UsageError
from rag.models import Footnote, Hit
from rag.store import OpenIndex


def minmax(x: np.ndarray) -> np.ndarray:
    lo, hi = float(x.min(initial=0.0)), float(x.max(initial=0.0))
    return (x - lo) / (hi - lo) if hi > lo else np.zeros_like(x)


def allowed_mask(index: OpenIndex, symbol: str | None) -> np.ndarray | None:
    """Paragraphs of the document(s) issued under `symbol`, or None for all."""
    if not symbol:
        return None
    ids = [r[0] for r in index.conn.execute(
        "SELECT p.id FROM paragraphs p JOIN symbols s ON s.doc_id = p.doc_id WHERE s.symbol = ?", (symbol,))]
    mask = np.zeros(index.size, dtype=bool)
    mask[ids] = True
    return mask


def dense_scores(index: OpenIndex, qvec: np.ndarray, ids: np.ndarray) -> np.ndarray:
    """Cosine of the query with the stored vectors of `ids`."""
    if len(ids) == 0:
        return np.zeros(0, dtype=np.float32)
    vecs = index.vectors.reconstruct_batch(ids.astype(np.int64))
    return vecs @ qvec


class Retriever:
    """Ranks an open index's paragraphs for a question."""

    def __init__(self, index: OpenIndex, embedder: Embedder, settings: Settings) -> None:
        self.index = index
        self.embedder = embedder
        self.settings = settings

    def search(self, question: str, k: int | None = None, symbol: str | None = None,
               mode: str = "hybrid") -> tuple[list[Hit], np.ndarray]:
        """Top-k hits (best first) and the query vector."""
        question = question.strip()
        if not question:
            raise UsageError("empty question: ask something, e.g. rag ask \"which forum does IOM serve as secretariat for?\"")
        k = k or self.settings.top_k
        n = self.index.size
        qvec = self.embedder.encode_queries([question])[0]
        mask = allowed_mask(self.index, symbol)
        if mask is not None and not mask.any():
            return [], qvec
        c = min(self.settings.candidates, n)
        lex = self.index.lexical.scores(question, mask)
        if mask is None:
            _, dense_ids = self.index.vectors.search(qvec[None, :], c)
            dense_ids = dense_ids[0][dense_ids[0] >= 0]
        else:
            allowed = np.flatnonzero(mask)
            sims = dense_scores(self.index, qvec, allowed)
            dense_ids = allowed[np.argsort(-sims)[:c]]
        lex_ids = np.flatnonzero(lex > 0)  # top-c among matching paragraphs only (cheap at 1M)
        if len(lex_ids) > c:
            lex_ids = lex_ids[np.argpartition(-lex[lex_ids], c - 1)[:c]]
        cand = np.unique(np.concatenate([dense_ids, lex_ids])).astype(np.int64)
        if len(cand) == 0:
            return [], qvec
        d = dense_scores(self.index, qvec, cand)
        lx = lex[cand]
        if mode == "bm25":
            fused = lx
        elif mode == "dense":
            fused = d
        else:
            fused = self.settings.lexical_weight * minmax(lx) + self.settings.dense_weight * minmax(d)
        order = np.argsort(-fused, kind="stable")[:k]
        rows = self.index.paragraph_rows([int(cand[i]) for i in order])
        hits = []
        for i in order:
            r = rows[int(cand[i])]
            hits.append(Hit(
                pid=int(cand[i]), symbol=r["symbol"], number=r["number"], text=r["text"], page=r["page"],
                section=r["section"], score=float(fused[i]), lexical=float(lx[i]), dense=float(d[i]),
                running=bool(r["running"]), annex=r["annex"], source=r["source"],
                footnotes=[Footnote(**f) for f in json.loads(r["footnotes"])]))
        return hits, qvec
