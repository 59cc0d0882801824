"""Cheap text features of a candidate paragraph for a question, computed from its words at
question time (no index change): how well its best sentence, or best pair of adjacent
sentences, matches the question's terms (BM25 and idf-weighted coverage), how close
together the question's terms occur, and how many terms it carries beyond the question's own
(a heading that only restates the question carries few)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from rag.sentences import paragraph_sentences
from rag.textutil import terms

TEXT_FEATURES = ("sbm25", "wbm25", "cov", "scov", "wcov", "prox", "novel")
K1, B = 0.9, 0.75
PROXIMITY_WINDOW = 12  # tokens


@dataclass
class ParagraphTerms:
    """A paragraph's index terms, sentence by sentence."""

    sentences: list[list[str]]

    @classmethod
    def of(cls, text: str) -> ParagraphTerms:
        return cls([terms(s) for s in paragraph_sentences(text)])


def _bm25(tokens: list[str], q: dict[str, float], avgdl: float) -> float:
    if not tokens:
        return 0.0
    tf: dict[str, int] = {}
    for t in tokens:
        if t in q:
            tf[t] = tf.get(t, 0) + 1
    norm = K1 * (1.0 - B + B * len(tokens) / avgdl)
    return sum(q[t] * n * (K1 + 1.0) / (n + norm) for t, n in tf.items())


def _coverage(tokens: list[str], q: dict[str, float], total: float) -> float:
    return sum(q[t] for t in set(tokens) if t in q) / total if total > 0 else 0.0


def _proximity(tokens: list[str], q: dict[str, float], total: float) -> float:
    """Best idf-weighted share of the question's terms inside any PROXIMITY_WINDOW tokens."""
    hits = [(i, t) for i, t in enumerate(tokens) if t in q]
    best = 0.0
    lo = 0
    for hi in range(len(hits)):
        while hits[hi][0] - hits[lo][0] >= PROXIMITY_WINDOW:
            lo += 1
        best = max(best, sum(q[t] for t in {t for _, t in hits[lo:hi + 1]}))
    return best / total if total > 0 else 0.0


def text_features(question: str, paragraphs: list[ParagraphTerms], idf: dict[str, float]
                  ) -> dict[str, np.ndarray]:
    """Per paragraph, each feature of TEXT_FEATURES (0 where no question term occurs, except
    `novel`: the number of distinct terms of the paragraph that are not the question's).

    `idf` maps the question's terms to their idf in the index (LexicalIndex.idf); sentence BM25
    normalises lengths by the mean sentence length of these paragraphs."""
    asked = set(terms(question))
    q = {t: w for t, w in idf.items() if t in asked}
    total = sum(q.values())
    out = {name: np.zeros(len(paragraphs), dtype=np.float32) for name in TEXT_FEATURES}
    lengths = [len(s) for p in paragraphs for s in p.sentences]
    avgdl = max(float(np.mean(lengths)) if lengths else 1.0, 1.0)
    for i, p in enumerate(paragraphs):
        sents = p.sentences
        windows = [a + b for a, b in zip(sents, sents[1:])] or sents
        whole = [t for s in sents for t in s]
        out["sbm25"][i] = max((_bm25(s, q, avgdl) for s in sents), default=0.0)
        out["wbm25"][i] = max((_bm25(w, q, 2 * avgdl) for w in windows), default=0.0)
        out["cov"][i] = _coverage(whole, q, total)
        out["scov"][i] = max((_coverage(s, q, total) for s in sents), default=0.0)
        out["wcov"][i] = max((_coverage(w, q, total) for w in windows), default=0.0)
        out["prox"][i] = _proximity(whole, q, total)
        out["novel"][i] = len(set(whole) - asked)
    return out
