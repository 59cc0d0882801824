"""Fit the learned fusion weights of rag/search/fusion.py on half A of the SQuAD v1.1 dev articles and
confirm them on half B and on PolicyQA (within each policy), from the dumps of fusion_dump.py:

    python -m research.fusion_dump --data ../shared/data --index-dir DIR --set squad --out squad.npz
    python -m research.fusion_dump --data ../shared/data --index-dir DIR --set policyqa --out policy.npz
    python -m research.fusion_fit --squad squad.npz --policyqa policy.npz
    # optional: feedback and neighbour features (research/feedback_features.py)
    python -m research.fusion_fit ... --extra-squad squad-extra.npz --extra-policyqa policy-extra.npz

PolicyQA's policies are split in two by the same hash of their name as SQuAD's articles
(research.splits.article_half): PQ-A and PQ-B.

Model: per question, a softmax over its candidates of a linear score of z-scored features
(conditional logit), fitted by L-BFGS to maximise the gold paragraph's probability (L2 1e-3).
Prints one markdown table (P@1 and MRR@10 on A, B and PolicyQA) and the fitted weights; the
demotion of paragraphs carrying few terms beyond the question's (rag.search.fusion.MIN_INFORMATIVE_TERMS),
the feedback features when given, and the quote table (one sentence vs adjacent near-tie pairs). Not part of the product.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

BASE = ["lex", "dense", "sent", "pairs"]
TEXT = ["sbm25", "wbm25", "cov", "scov", "wcov", "prox"]
PRODUCT_NAMES = {"lex": "lexical", "dense": "dense", "sent": "sentence", "pairs": "pairs"}


class Dump:
    """One fusion_dump.py file: flat candidate rows grouped by question."""

    def __init__(self, path: Path) -> None:
        z = np.load(path)
        self.z = {k: z[k] for k in z.files}
        self.qid = self.z["qid"]
        self.nq = len(self.z["q_half"])
        self.starts = np.searchsorted(self.qid, np.arange(self.nq + 1))
        self.half = self.z["q_half"]
        self.gold = self.z["gold"]

    def f(self, name: str) -> np.ndarray:
        return self.z[name].astype(np.float64)

    def _seg(self, x: np.ndarray, op) -> np.ndarray:
        out = np.zeros(self.nq)
        nz = self.starts[1:] > self.starts[:-1]
        out[nz] = op.reduceat(x, self.starts[:-1][nz])
        return out

    def zscore(self, x: np.ndarray, mask: np.ndarray | None = None) -> np.ndarray:
        """z-score within each question over its (masked) candidates, as rag.search.fusion.zscore; 0 outside."""
        m = np.ones(len(x), bool) if mask is None else mask
        n = np.bincount(self.qid, m.astype(float), minlength=self.nq)
        s = np.bincount(self.qid, np.where(m, x, 0), minlength=self.nq)
        ss = np.bincount(self.qid, np.where(m, x * x, 0), minlength=self.nq)
        mean = s / np.maximum(n, 1)
        sd = np.sqrt(np.maximum(ss / np.maximum(n, 1) - mean ** 2, 0))
        ok = sd[self.qid] > 1e-9
        return np.where(m & ok, (x - mean[self.qid]) / np.where(ok, sd[self.qid], 1), 0.0)

    def minmax(self, x: np.ndarray) -> np.ndarray:
        lo = np.full(self.nq, np.inf)
        hi = np.full(self.nq, -np.inf)
        np.minimum.at(lo, self.qid, x)
        np.maximum.at(hi, self.qid, x)
        span = hi - lo
        return np.where(span[self.qid] > 0, (x - lo[self.qid]) / np.where(span > 0, span, 1)[self.qid], 0.0)

    def ranks(self, score: np.ndarray) -> np.ndarray:
        order = np.lexsort((np.arange(len(score)), -score, self.qid))
        r = np.empty(len(score), dtype=np.int64)
        r[order] = np.arange(len(score)) - self.starts[self.qid[order]]
        return r

    def metrics(self, score: np.ndarray, sel: np.ndarray) -> tuple[float, float]:
        r = self.ranks(score)
        best = np.full(self.nq, 10 ** 9)
        np.minimum.at(best, self.qid[self.gold], r[self.gold])
        return float((best == 0)[sel].mean()), float(np.where(best < 10, 1.0 / (best + 1), 0)[sel].mean())


def fit(d: Dump, X: np.ndarray, rows: np.ndarray, l2: float = 1e-3) -> np.ndarray:
    """Conditional-logit weights over the candidate rows `rows` (questions with a gold candidate)."""
    has_gold = np.zeros(d.nq, bool)
    has_gold[d.qid[d.gold & rows]] = True
    rows = rows & has_gold[d.qid]
    Xr, g = X[rows], d.gold[rows]
    _, inv = np.unique(d.qid[rows], return_inverse=True)
    st = np.searchsorted(inv, np.arange(inv.max() + 2))
    ng = np.bincount(inv[g]).astype(float)

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        s = Xr @ w
        m = np.maximum.reduceat(s, st[:-1])
        e = np.exp(s - m[inv])
        z = np.add.reduceat(e, st[:-1])
        ll = np.bincount(inv[g], weights=s[g], minlength=len(ng)) / ng - m - np.log(z)
        grad_s = -e / z[inv]
        grad_s[g] += 1.0 / ng[inv[g]]
        return -ll.mean() + l2 * w @ w, -(Xr.T @ grad_s) / len(ng) + 2 * l2 * w

    return minimize(loss, np.zeros(X.shape[1]), jac=True, method="L-BFGS-B").x


def two_stage(d: Dump, w1: np.ndarray, depth: int, text: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Stage-1 scores, the mask of each question's best `depth`, and the stage-2 feature matrix."""
    zb = [d.zscore(d.f(n)) for n in BASE]
    s1 = np.column_stack(zb) @ w1
    top = d.ranks(s1) < depth
    X = np.column_stack(zb + [d.zscore(d.f(n), top) for n in text])
    return s1, top, X


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--squad", type=Path, required=True)
    ap.add_argument("--policyqa", type=Path, required=True)
    ap.add_argument("--depth", type=int, default=50, help="candidates re-scored with text features")
    ap.add_argument("--extra-squad", type=Path, help="feedback_features.py output for the SQuAD dump")
    ap.add_argument("--extra-policyqa", type=Path, help="feedback_features.py output for the PolicyQA dump")
    args = ap.parse_args()
    sq, pq = Dump(args.squad), Dump(args.policyqa)
    A = sq.half == 0  # weights are fitted on SQuAD half A only
    print(HEADER)

    def row(label: str, s_sq: np.ndarray, s_pq: np.ndarray) -> None:
        print(table_row(label, sq, pq, s_sq, s_pq))

    row("BM25 alone", sq.f("lex"), pq.f("lex"))

    def hand(d: Dump) -> np.ndarray:
        return sum(w * d.minmax(d.f(n)) for n, w in zip(BASE, (0.35, 0.2, 0.45, 0.1)))
    row("min-max 0.35 / 0.2 / 0.45 / 0.1 (previous product)", hand(sq), hand(pq))
    for norm in ("min-max", "z-score"):
        nz = (lambda d, n: d.minmax(d.f(n))) if norm == "min-max" else (lambda d, n: d.zscore(d.f(n)))
        for feats in (BASE, BASE + TEXT):
            w = fit(sq, np.column_stack([nz(sq, n) for n in feats]), A[sq.qid])
            label = f"learned, {norm}, " + ("4 retriever scores" if feats == BASE else "+ text features, all candidates")
            row(label, np.column_stack([nz(sq, n) for n in feats]) @ w,
                np.column_stack([nz(pq, n) for n in feats]) @ w)
    w1 = fit(sq, np.column_stack([sq.zscore(sq.f(n)) for n in BASE]), A[sq.qid])
    text = [n for n in TEXT if n != "sbm25"]
    if "tokens" in sq.z and "tokens" in pq.z:  # dumps of indexes that keep token vectors
        s1, top, X = two_stage(sq, w1, args.depth, text)
        p1, ptop, PX = two_stage(pq, w1, args.depth, text)
        w2 = fit(sq, X, A[sq.qid] & top)
        row(f"learned z-score, best {args.depth} re-scored with text features, without token vectors",
            np.where(top, X @ w2 + 1e3, s1), np.where(ptop, PX @ w2 + 1e3, p1))
        print("RERANK_WITHOUT_TOKENS =", {PRODUCT_NAMES.get(n, n): round(float(w), 3) for n, w in zip(BASE + text, w2)})
        text = text + ["tokens"]
    for depth in sorted({10, 30, args.depth}):
        s1, top, X = two_stage(sq, w1, depth, text)
        w2 = fit(sq, X, A[sq.qid] & top)
        p1, ptop, PX = two_stage(pq, w1, depth, text)
        row(f"learned z-score, best {depth} re-scored with text features (sentence BM25 left out)",
            np.where(top, X @ w2 + 1e3, s1), np.where(ptop, PX @ w2 + 1e3, p1))
        if depth == args.depth:
            chosen = (w1, w2)
    w1, w2 = chosen
    print("\nFIRST_STAGE =", {PRODUCT_NAMES[n]: round(float(w), 3) for n, w in zip(BASE, w1)})
    print("RERANK =", {PRODUCT_NAMES.get(n, n): round(float(w), 3) for n, w in zip(BASE + text, w2)})
    if "novel" in sq.z and "novel" in pq.z:
        demotion_table(sq, pq, w1, w2, text, args.depth)
    if args.extra_squad and args.extra_policyqa:
        feedback_table(sq, pq, args.extra_squad, args.extra_policyqa, w1, w2, text, args.depth)
    quote_table(sq)


HEADER = ("| fusion | P@1 A | MRR A | P@1 B | MRR B | P@1 PolicyQA | MRR PolicyQA | MRR PQ-A | MRR PQ-B |\n"
          "|---|---|---|---|---|---|---|---|---|")


def table_row(label: str, sq: Dump, pq: Dump, s_sq: np.ndarray, s_pq: np.ndarray) -> str:
    cells = [*sq.metrics(s_sq, sq.half == 0), *sq.metrics(s_sq, sq.half == 1),
             *pq.metrics(s_pq, np.ones(pq.nq, bool)), pq.metrics(s_pq, pq.half == 0)[1],
             pq.metrics(s_pq, pq.half == 1)[1]]
    return f"| {label} | " + " | ".join(f"{c:.3f}" for c in cells) + " |"


def product_scores(d: Dump, w1: np.ndarray, w2: np.ndarray, text: list[str], depth: int,
                   extra: list[str] | None = None, w_extra: np.ndarray | None = None,
                   min_novel: int = 0) -> np.ndarray:
    """The two-stage score of every candidate (re-scored ones offset above the rest), with
    `extra` features added to stage 2 and paragraphs under `min_novel` novel terms demoted."""
    s1, top, X = two_stage(d, w1, depth, text + (extra or []))
    w = w2 if not extra else np.r_[w2, w_extra]
    s2 = X @ w
    if min_novel:
        s2 = s2 - 500.0 * (d.f("novel") < min_novel)  # below every informative re-scored one
    return np.where(top, s2 + 1e3, s1)


def demotion_table(sq: Dump, pq: Dump, w1: np.ndarray, w2: np.ndarray, text: list[str], depth: int) -> None:
    """Paragraphs with fewer than M terms beyond the question's ranked below the rest of the best
    `depth`; M = the largest costing at most 0.1 pt MRR@10 on SQuAD A and on PQ-A."""
    print("\nDemoting re-scored paragraphs with fewer than M distinct terms beyond the question's\n")
    print(HEADER.replace("fusion", "M"))
    base_a = (sq.metrics(product_scores(sq, w1, w2, text, depth), sq.half == 0)[1],
              pq.metrics(product_scores(pq, w1, w2, text, depth), pq.half == 0)[1])
    chosen = 0
    for m in (0, 3, 4, 5, 6, 8, 10, 12):
        s_sq, s_pq = (product_scores(d, w1, w2, text, depth, min_novel=m) for d in (sq, pq))
        print(table_row(str(m), sq, pq, s_sq, s_pq))
        cost = max(base_a[0] - sq.metrics(s_sq, sq.half == 0)[1], base_a[1] - pq.metrics(s_pq, pq.half == 0)[1])
        if cost <= 0.001:
            chosen = m
    print(f"\nMIN_INFORMATIVE_TERMS = {chosen}")


def feedback_table(sq: Dump, pq: Dump, extra_sq: Path, extra_pq: Path, w1: np.ndarray, w2: np.ndarray,
                   text: list[str], depth: int) -> None:
    """Each feedback / neighbour feature added to stage 2: with its weight fitted on SQuAD A (the
    other weights kept), and with the hand weight that is best on PQ-A (confirmed on PQ-B)."""
    for d, path in ((sq, extra_sq), (pq, extra_pq)):
        z = np.load(path)
        d.z.update({k: z[k] for k in z.files})
    names = [k for k in np.load(extra_pq).files]
    print("\nFeedback and neighbour features in stage 2 (weight fitted on SQuAD A / best on PQ-A)\n")
    print(HEADER)
    print(table_row("product (none)", sq, pq, product_scores(sq, w1, w2, text, depth),
                    product_scores(pq, w1, w2, text, depth)))
    for name in names:
        _, top, X = two_stage(sq, w1, depth, text + [name])
        w = fit(sq, X, (sq.half == 0)[sq.qid] & top)
        print(table_row(f"+ {name}, all stage-2 weights fitted on SQuAD A ({w[-1]:.2f})", sq, pq,
                        product_scores(sq, w1, w[:-1], text, depth, [name], w[-1:]),
                        product_scores(pq, w1, w[:-1], text, depth, [name], w[-1:])))
        grid = [0.1, 0.2, 0.3, 0.5, 0.8, 1.2]
        best = max(grid, key=lambda g: pq.metrics(product_scores(pq, w1, w2, text, depth, [name], np.array([g])),
                                                  pq.half == 0)[1])
        print(table_row(f"+ {best} x {name}, weight best on PQ-A", sq, pq,
                        product_scores(sq, w1, w2, text, depth, [name], np.array([best])),
                        product_scores(pq, w1, w2, text, depth, [name], np.array([best]))))
    feats = BASE + text + names
    X = np.column_stack([pq.zscore(pq.f(n)) for n in feats])
    w = fit(pq, X, (pq.half == 0)[pq.qid])
    s = X @ w
    print(f"\nEvery feature fitted on PQ-A itself (a ceiling, not a product): MRR PQ-A "
          f"{pq.metrics(s, pq.half == 0)[1]:.3f}, PQ-B {pq.metrics(s, pq.half == 1)[1]:.3f}")


def quote_table(d: Dump) -> None:
    """Quote accuracy over every question's gold paragraph: one sentence vs adjacent near-tie pairs."""
    z = d.z
    key = z["s_qid"].astype(np.int64) * 1_000_000 + z["s_pid"]
    starts = np.r_[np.flatnonzero(np.r_[True, key[1:] != key[:-1]]), len(key)]
    gid = np.repeat(np.arange(len(starts) - 1), np.diff(starts))
    half = d.half[z["s_qid"][starts[:-1]]]
    hit, hitprev, anaph = z["s_hit"], z["s_hitprev"], z["s_anaph"]
    score = 0.3 * z["s_cos"] + 0.7 * z["s_cov"] + 0.1 * z["s_typed"]
    order = np.lexsort((-score, gid))
    b1 = order[starts[:-1]]
    two = np.diff(starts) > 1
    b2 = np.where(two, order[np.minimum(starts[:-1] + 1, len(order) - 1)], b1)
    single = np.where(anaph[b1], hit[b1] | hitprev[b1], hit[b1])
    lo, hi = np.minimum(b1, b2), np.maximum(b1, b2)
    pair = hit[lo] | hit[hi] | hitprev[hi] | (anaph[lo] & hitprev[lo])
    print("\n| quote | accuracy A | accuracy B | two-sentence quotes |\n|---|---|---|---|")
    for margin in (0.0, 0.02, 0.05, 0.1):
        adj = two & (np.abs(b2 - b1) == 1) & (score[b2] >= score[b1] - margin)
        ok = np.where(adj, pair, single)
        print(f"| adjacent pair when within {margin} | {ok[half == 0].mean():.3f} | {ok[half == 1].mean():.3f} "
              f"| {adj.mean():.3f} |")


if __name__ == "__main__":
    main()
