"""Fit the learned fusion weights of rag/fusion.py on half A of the SQuAD v1.1 dev articles and
confirm them on half B and on PolicyQA (within each policy), from the dumps of fusion_dump.py:

    python benchmarks/fusion_dump.py --data ../shared/data --index-dir DIR --set squad --out /tmp/squad.npz
    python benchmarks/fusion_dump.py --data ../shared/data --index-dir DIR --set policyqa --out /tmp/policy.npz
    python benchmarks/fusion_fit.py --squad /tmp/squad.npz --policyqa /tmp/policy.npz

Model: per question, a softmax over its candidates of a linear score of z-scored features
(conditional logit), fitted by L-BFGS to maximise the gold paragraph's probability (L2 1e-3).
Prints one markdown table (P@1 and MRR@10 on A, B and PolicyQA) and the fitted weights; also
the quote table (one sentence vs adjacent near-tie pairs). Not part of the product.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

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
        """z-score within each question over its (masked) candidates, as rag.fusion.zscore; 0 outside."""
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
    args = ap.parse_args()
    sq, pq = Dump(args.squad), Dump(args.policyqa)
    A, B = sq.half == 0, sq.half == 1
    allp = np.ones(pq.nq, bool)
    print("| fusion | P@1 A | MRR A | P@1 B | MRR B | P@1 PolicyQA | MRR PolicyQA |\n|---|---|---|---|---|---|---|")

    def row(label: str, s_sq: np.ndarray, s_pq: np.ndarray) -> None:
        cells = [*sq.metrics(s_sq, A), *sq.metrics(s_sq, B), *pq.metrics(s_pq, allp)]
        print(f"| {label} | " + " | ".join(f"{c:.3f}" for c in cells) + " |")

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
    quote_table(sq)


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
