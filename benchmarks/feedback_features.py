"""Pseudo-relevance-feedback and neighbour-context features of every candidate in a fusion dump
(benchmarks/fusion_dump.py), for `fusion_fit.py --extra-squad/--extra-policyqa`:

    python benchmarks/feedback_features.py --data ../shared/data --index-dir DIR --set policyqa \
        --dump /tmp/policy.npz --out /tmp/policy-extra.npz

Each question's candidates are ranked by the product's stage 1 (rag.fusion.FIRST_STAGE); then
- `nbmax` / `nbmean`: the best / mean stage-1 score of the paragraph's two neighbours in the same
  document (the question's lowest score for a neighbour that is no candidate);
- `roc{k}`: the paragraph vector's dot product with the mean vector of the k best (Rocchio: in a
  linear fusion beside the query cosine, this is q' = q + beta x centroid for any beta);
- `rm3_{k}`: BM25 of the 20 expansion terms of RM3 (term weight: sum over the k best of
  softmax(stage-1 score) x tf / length), which beside BM25 is RM3's interpolation.
Not part of the product (none of them was kept: docs/quality.md).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fusion_dump import SETS  # noqa: E402
from fusion_fit import BASE, Dump  # noqa: E402

from rag.config import load_settings  # noqa: E402
from rag.evaluate import eval_settings  # noqa: E402
from rag.fusion import FIRST_STAGE  # noqa: E402
from rag.store import open_index  # noqa: E402
from rag.textutil import terms  # noqa: E402

DEPTHS = (3, 5, 10)
EXPANSION_TERMS = 20


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
    postings = {t: (np.frombuffer(i, "<i4"), np.frombuffer(w, "<f4"))
                for t, i, w in index.conn.execute("SELECT term, ids, weights FROM postings") if " " not in t}
    d = Dump(args.dump)
    w1 = np.array([FIRST_STAGE[k] for k in ("lexical", "dense", "sentence", "pairs")])
    s1 = np.column_stack([d.zscore(d.f(x)) for x in BASE]) @ w1
    names = ["nbmax", "nbmean"] + [f"roc{k}" for k in DEPTHS] + [f"rm3_{k}" for k in DEPTHS]
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
                if t in postings:
                    ids, weights = postings[t]
                    scores[ids] += weights * v / total
            out[f"rm3_{k}"][a:b] = scores[pid]
    np.savez_compressed(args.out, **out)
    print(f"wrote {args.out}: {', '.join(names)} for {len(d.qid)} candidates")


if __name__ == "__main__":
    main()
