"""Learned score fusion: each retriever's score is z-scored over the question's candidates and
the ranking score is a weighted sum; the best RERANK_DEPTH candidates are then re-scored with
cheap text features of their words (rag.search.features), z-scored over those, and those that
carry almost nothing beyond the question's own words go below the rest.

The weights are a conditional-logit model (softmax over each question's candidates, maximising
the gold paragraph's probability) fitted on half A of the SQuAD v1.1 dev articles and confirmed
on half B and on PolicyQA: `python -m research.fusion_fit` reproduces them (docs/quality.md).
They were fitted on an index with late-chunked sentence vectors and token vectors.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# Stage 1 (all candidates): BM25, paragraph cosine, best-sentence cosine, pair BM25.
FIRST_STAGE = {"lexical": 1.206, "dense": 0.118, "sentence": 1.932, "pairs": 0.217}
# Stage 2 (the best RERANK_DEPTH of stage 1): the same four, plus text features.
RERANK_DEPTH = 50
# `tokens`: the late-interaction score of the paragraph's token vectors (rag.index.token_vectors).
RERANK = {"lexical": 0.575, "dense": -0.406, "sentence": 1.343, "pairs": 0.173,
          "wbm25": -0.206, "cov": -0.329, "scov": 0.259, "wcov": 0.263, "prox": 0.164, "tokens": 1.528}
# The same fitted without `tokens`, for an index that keeps no token vectors.
RERANK_WITHOUT_TOKENS = {"lexical": 0.677, "dense": 0.259, "sentence": 1.803, "pairs": 0.187,
                         "wbm25": -0.313, "cov": 0.146, "scov": 0.308, "wcov": 0.373, "prox": 0.106}
# A re-scored paragraph with fewer distinct terms than this beyond the question's own (a heading,
# an agenda line, a title that restates the question) ranks below every one that carries more:
# the largest count costing at most 0.1 pt MRR@10 on half A of SQuAD and of PolicyQA
# (docs/quality.md, "Answers that restate the question").
MIN_INFORMATIVE_TERMS = 8
# A short paragraph holding at least this share of the query's idf weight, and more of it than any
# informative one, is the one looked for ("Melanesian Cultural Centre"), not a restatement.
MOST_OF_QUERY = 0.8
# A short paragraph that stage 1 puts first by this much (in its z-scored units) over the next is
# the one looked for, not a restatement: "Question of the Falkland Islands (Malvinas)" for
# "Falkland Islands Malvinas agenda item eightieth session" (20.7 against 5.1). Over SQuAD dev one
# question's stage-1 first is demoted, its gold (lead 7.1); over the UN questions 18, none gold
# (leads up to 3.6).
FIRST_LEAD = 4.0


def zscore(x: np.ndarray) -> np.ndarray:
    """(x - mean) / standard deviation over the entries; zeros when they are all equal."""
    return zscore_rows(np.asarray(x, dtype=np.float64)[None, :])[0]


def zscore_rows(x: np.ndarray) -> np.ndarray:
    """`zscore` of each row of a 2-D array (one feature per row)."""
    if x.size == 0:
        return np.zeros_like(x, dtype=np.float64)
    centred = x - x.mean(axis=1, keepdims=True)
    sd = np.sqrt((centred * centred).mean(axis=1, keepdims=True))
    ok = sd > 1e-9
    return np.where(ok, centred / np.where(ok, sd, 1.0), 0.0)


def demote_uninformative(scores: np.ndarray, novel: np.ndarray, states: np.ndarray | None = None,
                         held: np.ndarray | None = None, cover: np.ndarray | None = None,
                         leading: bool = False, named: bool = False) -> np.ndarray:
    """`scores` with the entries whose `novel` term count is under MIN_INFORMATIVE_TERMS moved
    below all the others (order kept within each group), except those that `states` the kind of
    answer the question asks for (a short paragraph naming the country asked for is the answer,
    not an agenda line restating the question) and those that hold MIN_INFORMATIVE_TERMS or more
    of the question's terms (`held`: a passage pasted as the query, or its long sentence, is the
    one looked for) or MOST_OF_QUERY of the question's weight and more than any of the others
    (`cover`, the idf-weighted share of the question's terms it holds): "Melanesian Cultural
    Centre" looks for the short operative paragraph that writes it, not for the longer ones that
    write "Centre" alone; `leading`: the first entry leads stage 1 by FIRST_LEAD and, holding a
    term of its own ("Universal Postal Union" alone, a list's line, holds none) or `named` by a
    keyword query of its words ("use of the veto agenda item resolution 76/262" for the agenda line
    "Use of the veto (resolution 76/262)."), stays where it is; unchanged when none or all are under."""
    low = np.asarray(novel) < MIN_INFORMATIVE_TERMS
    # a paragraph of the question's words alone answers nothing, unless a keyword query names it
    if leading and low.size and (novel[0] > 0 or named):
        low[0] = False
    if states is not None:
        low &= ~np.asarray(states, dtype=bool)
    if held is not None:
        low &= np.asarray(held) < MIN_INFORMATIVE_TERMS
    if not low.any() or low.all():
        return scores
    if cover is not None:  # the one paragraph holding the query's words is the one looked for
        cover = np.asarray(cover)
        low &= (cover <= cover[~low].max()) | (cover < MOST_OF_QUERY)
        if not low.any():
            return scores
    out = np.asarray(scores, dtype=np.float64).copy()
    out[low] -= out[low].max() - out[~low].min() + 1.0
    return out


@dataclass
class FirstStage:
    """Stage 1 of the fusion over a question's candidates."""

    z: dict[str, np.ndarray]  # each of FIRST_STAGE's raw scores, z-scored over the candidates
    scores: np.ndarray  # their weighted sum: the stage-1 ranking score of each candidate

    def top(self) -> np.ndarray:
        """The candidate positions stage 2 re-scores: the best RERANK_DEPTH of stage 1, best first."""
        return np.argsort(-self.scores, kind="stable")[:RERANK_DEPTH]


def first_stage(base: dict[str, np.ndarray]) -> FirstStage:
    """Stage 1: `base` maps each of FIRST_STAGE's names to the candidates' raw scores."""
    names = list(base)
    z = dict(zip(names, zscore_rows(np.array([base[k] for k in names], dtype=np.float64))))
    return FirstStage(z, sum(w * z[k] for k, w in FIRST_STAGE.items()))


def rescored(stage: FirstStage, top: np.ndarray, features: dict[str, np.ndarray], named: bool = False) -> np.ndarray:
    """Stage 2: the ranking score of every candidate, where those at positions `top` (from
    `stage.top()`) are re-scored with `features`, RERANK's other features of those candidates
    (`tokens` may be missing: then RERANK_WITHOUT_TOKENS applies), and rank above the others."""
    weights = RERANK if "tokens" in features else RERANK_WITHOUT_TOKENS
    extra = [k for k in weights if k not in stage.z]
    z_top = {k: row[top] for k, row in stage.z.items()}
    z_top.update(zip(extra, zscore_rows(np.array([features[k] for k in extra], dtype=np.float64))))
    leading = len(top) > 1 and stage.scores[top[0]] - stage.scores[top[1]] >= FIRST_LEAD
    second = demote_uninformative(sum(w * z_top[k] for k, w in weights.items()), features["novel"],
                                  features.get("states"), features.get("held"), features.get("cov"), leading, named)
    out = stage.scores.copy()
    out[top] = second + (stage.scores.max() - second.min() + 1.0)  # above every candidate not re-scored
    return out
