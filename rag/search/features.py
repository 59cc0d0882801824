"""Cheap text features of a candidate paragraph for a question, computed from its words at
question time (no index change): how well its best sentence, or best pair of adjacent
sentences, matches the question's terms (BM25 and idf-weighted coverage), how close
together the question's terms occur, and how many terms it carries beyond the question's own
(a heading that only restates the question carries few)."""

from __future__ import annotations

import numpy as np

from rag.index.terms import ParagraphTerms

TEXT_FEATURES = ("sbm25", "wbm25", "cov", "scov", "wcov", "prox", "novel")
K1, B = 0.9, 0.75
PROXIMITY_WINDOW = 12  # tokens


def text_features(paragraphs: list[ParagraphTerms], idf: dict[str, float]) -> dict[str, np.ndarray]:
    """Per paragraph, each feature of TEXT_FEATURES (0 where no question term occurs, except
    `novel`: the number of distinct terms of the paragraph that are not the question's).

    `idf` maps each of the question's terms to its idf in the index (rag.search.query.Query.idf,
    from LexicalIndex.idf); sentence BM25
    normalises lengths by the mean sentence length of these paragraphs. Computed with arrays over
    every sentence of the paragraphs at once, from each paragraph's term positions
    (`ParagraphTerms.where`): only the question's terms are looked up."""
    qterms = list(idf)
    weights = np.array([idf[t] for t in qterms], dtype=np.float64)
    total = float(weights.sum())
    n = len(paragraphs)
    out = {name: np.zeros(n, dtype=np.float32) for name in TEXT_FEATURES}
    counts = np.array([len(p.sentences) for p in paragraphs], dtype=np.int64)
    first = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(counts, out=first[1:])
    lengths = np.array([len(s) for p in paragraphs for s in p.sentences], dtype=np.float64)
    avgdl = max(float(lengths.mean()) if len(lengths) else 1.0, 1.0)
    sent_ids, positions, owners, columns = [], [], [], []  # one entry per (paragraph, question term) found
    for i, p in enumerate(paragraphs):
        where = p.where()
        shared = 0
        for c, t in enumerate(qterms):  # any order: every use below sums over or sorts the entries
            found = where.get(t)
            if found is None:
                continue
            shared += 1
            sent_ids.append(found[0])
            positions.append(found[1])
            owners.append(i)
            columns.append(c)
        out["novel"][i] = len(where) - shared
    if not sent_ids or total <= 0:
        return out
    qn = len(qterms)
    sizes = np.array([len(a) for a in sent_ids], dtype=np.int64)
    hit_owner = np.repeat(np.array(owners, dtype=np.int64), sizes)
    cols_a = np.repeat(np.array(columns, dtype=np.int64), sizes)
    rows_a = np.concatenate(sent_ids) + first[hit_owner]
    tf = np.bincount(rows_a * qn + cols_a, minlength=len(lengths) * qn).reshape(len(lengths), qn).astype(np.float64)
    para_of = np.repeat(np.arange(n), counts)
    has = counts > 0

    def best_per_paragraph(values: np.ndarray, owner: np.ndarray) -> np.ndarray:
        best = np.zeros(n, dtype=np.float64)
        np.maximum.at(best, owner, values)
        return best

    def bm25(c: np.ndarray, length: np.ndarray, avg: float) -> np.ndarray:
        norm = K1 * (1.0 - B + B * length / avg)
        return (c * (K1 + 1.0) / (c + norm[:, None])) @ weights

    present = (tf > 0).astype(np.float64)
    out["sbm25"][:] = best_per_paragraph(bm25(tf, lengths, avgdl), para_of)
    out["scov"][:] = best_per_paragraph(present @ weights / total, para_of)
    # windows: each pair of adjacent sentences of a paragraph, or its one sentence
    pair = np.flatnonzero(para_of[:-1] == para_of[1:]) if len(para_of) > 1 else np.zeros(0, dtype=np.int64)
    single = np.flatnonzero(has & (counts == 1))
    w_tf = np.concatenate([tf[pair] + tf[pair + 1], tf[first[single]]])
    w_len = np.concatenate([lengths[pair] + lengths[pair + 1], lengths[first[single]]])
    w_owner = np.concatenate([para_of[pair], single])
    out["wbm25"][:] = best_per_paragraph(bm25(w_tf, w_len, 2 * avgdl), w_owner)
    out["wcov"][:] = best_per_paragraph((w_tf > 0).astype(np.float64) @ weights / total, w_owner)
    in_paragraph = np.zeros((n, qn), dtype=np.float64)
    np.add.at(in_paragraph, (para_of[rows_a], cols_a), 1.0)
    out["cov"][:] = (in_paragraph > 0) @ weights / total
    # proximity: the best idf-weighted share of distinct question terms within PROXIMITY_WINDOW tokens
    owner, pos, col = hit_owner, np.concatenate(positions), cols_a
    key = owner * (1 << 32) + pos
    order = np.argsort(key, kind="stable")
    key, owner, col = key[order], owner[order], col[order]
    seen = np.zeros((len(key) + 1, qn), dtype=np.int64)
    np.cumsum(np.eye(qn, dtype=np.int64)[col], axis=0, out=seen[1:])
    end = np.searchsorted(key, key + PROXIMITY_WINDOW, side="left")
    inside = (seen[end] - seen[np.arange(len(key))]) > 0
    out["prox"][:] = best_per_paragraph(inside.astype(np.float64) @ weights / total, owner)
    return out
