"""Cheap text features of a candidate paragraph for a question, computed from its words at
question time (no index change): how well its best sentence, or best pair of adjacent
sentences, matches the question's terms (BM25 and idf-weighted coverage), how close
together the question's terms occur, and how many terms it carries beyond the question's own
(a heading that only restates the question carries few)."""

from __future__ import annotations

import numpy as np

from rag.index.terms import ParagraphTerms, term_code

TEXT_FEATURES = ("sbm25", "wbm25", "cov", "scov", "wcov", "prox", "novel", "held")
K1, B = 0.9, 0.75
PROXIMITY_WINDOW = 12  # tokens


def text_features(paragraphs: list[ParagraphTerms], idf: dict[str, float]) -> dict[str, np.ndarray]:
    """Per paragraph, each feature of TEXT_FEATURES (0 where no question term occurs, except
    `novel`: the number of distinct terms of the paragraph that are not the question's; `held`
    is the number of the question's distinct terms it holds).

    `idf` maps each of the question's terms to its idf in the index (rag.search.query.Query.idf,
    from LexicalIndex.idf); sentence BM25
    normalises lengths by the mean sentence length of these paragraphs. Computed with arrays over
    every sentence of the paragraphs at once, from each paragraph's terms as arrays
    (`ParagraphTerms.layout`): the question's terms are found among them by their codes."""
    qterms = list(idf)
    weights = np.array([idf[t] for t in qterms], dtype=np.float64)
    total = float(weights.sum())
    n = len(paragraphs)
    out = {name: np.zeros(n, dtype=np.float32) for name in TEXT_FEATURES}
    if n == 0:
        return out
    layouts = [p.layout() for p in paragraphs]
    counts = np.array([len(lay.lengths) for lay in layouts], dtype=np.int64)  # sentences
    first = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(counts, out=first[1:])
    lengths = np.concatenate([lay.lengths for lay in layouts])
    avgdl = max(float(lengths.mean()) if len(lengths) else 1.0, 1.0)
    sizes = np.array([len(lay.codes) for lay in layouts], dtype=np.int64)  # tokens
    codes = np.concatenate([lay.codes for lay in layouts])
    # the tokens that are question terms: their paragraph, sentence, position in it and term
    qn = len(qterms)
    qcodes = np.array([term_code(t) for t in qterms], dtype=np.int64)
    by_code = np.argsort(qcodes)
    ordered = qcodes[by_code]
    at = np.minimum(np.searchsorted(ordered, codes), max(qn - 1, 0))
    found = np.flatnonzero(ordered[at] == codes) if qn else np.zeros(0, dtype=np.int64)
    cols_a = by_code[at[found]]
    hit_owner = np.repeat(np.arange(n), sizes)[found]
    token_start = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(sizes, out=token_start[1:])
    positions = found - token_start[hit_owner]
    rows_a = np.concatenate([lay.sentence for lay in layouts])[found] + first[hit_owner]
    in_paragraph = np.zeros((n, qn), dtype=np.float64)
    in_paragraph[hit_owner, cols_a] = 1.0
    out["held"][:] = in_paragraph.sum(axis=1)
    out["novel"][:] = np.array([lay.distinct for lay in layouts]) - out["held"]
    if len(found) == 0 or total <= 0:
        return out
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
    out["cov"][:] = in_paragraph @ weights / total
    # proximity: the best idf-weighted share of distinct question terms within PROXIMITY_WINDOW tokens
    owner, col = hit_owner, cols_a
    key = owner * (1 << 32) + positions  # ascending: the tokens were found in reading order
    seen = np.zeros((len(key) + 1, qn), dtype=np.int64)
    np.cumsum(np.eye(qn, dtype=np.int64)[col], axis=0, out=seen[1:])
    end = np.searchsorted(key, key + PROXIMITY_WINDOW, side="left")
    inside = (seen[end] - seen[np.arange(len(key))]) > 0
    out["prox"][:] = best_per_paragraph(inside.astype(np.float64) @ weights / total, owner)
    return out
