"""Refit the learned fusion weights (rag/search/fusion.py) on UN questions and compare them with the
product's SQuAD-fitted weights, on UN question sets kept out of the fit and on SQuAD v1.1 dev:

    python -m research.fusion_dump --data ../shared/data --index-dir DIR --set squad --out squad.npz
    python -m research.fusion_dump --data ../shared/data --index-dir DIR --index unpdf \\
        --questions ../shared/data/un_dev/questions.jsonl --out dev.npz      # and one per written set
    python -m research.fusion_fit_un --squad squad.npz --fit dev.npz a.npz ... h.npz --held-out i.npz j.npz k.npz

Prints, for the product's weights and for weights fitted on the `--fit` sets (both stages, then
stage 2 alone at three L2 strengths), the fusion's P@1 and gold-in-top-3 share on the fitted and
the held-out UN questions, and P@1 / MRR@10 on SQuAD halves A and B. Only the fusion is scored:
the document focus, subject and stated-answer steps that follow it in the product are not. Not
part of the product.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import numpy as np

from rag.search.fusion import FIRST_STAGE, MIN_INFORMATIVE_TERMS, RERANK
from research.fusion_fit import BASE, PRODUCT_NAMES, TEXT, Dump, fit, product_scores, two_stage

TEXT_USED = [n for n in TEXT if n != "sbm25"] + ["tokens"]


def merged(paths: list[Path], out: Path) -> Dump:
    """The dumps as one, each question's `q_half` set to the index of its file."""
    parts: dict[str, list[np.ndarray]] = {}
    offset = 0
    for i, path in enumerate(paths):
        with np.load(path) as z:
            n = len(z["q_half"])
            for key in z.files:
                if key.startswith("s_") or key == "qvecs":
                    continue
                value = z[key] + offset if key == "qid" else (np.full(n, i) if key == "q_half" else z[key])
                parts.setdefault(key, []).append(value)
        offset += n
    np.savez(out, **{k: np.concatenate(v) for k, v in parts.items()})
    return Dump(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--squad", type=Path, required=True)
    ap.add_argument("--fit", type=Path, nargs="+", required=True, help="UN dumps the weights are fitted on")
    ap.add_argument("--held-out", type=Path, nargs="+", required=True, help="UN dumps kept out of the fit")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        un = merged([*args.fit, *args.held_out], Path(tmp) / "un.npz")
        sq = Dump(args.squad)
    fitted = un.half < len(args.fit)

    def line(label: str, w1: np.ndarray, w2: np.ndarray) -> None:
        s = product_scores(un, w1, w2, TEXT_USED, 50, min_novel=MIN_INFORMATIVE_TERMS)
        ranks = un.ranks(s)
        best = np.full(un.nq, 10 ** 9)
        np.minimum.at(best, un.qid[un.gold], ranks[un.gold])
        q = product_scores(sq, w1, w2, TEXT_USED, 50, min_novel=MIN_INFORMATIVE_TERMS)
        a, b = sq.metrics(q, sq.half == 0), sq.metrics(q, sq.half == 1)
        print(f"| {label} | {(best[fitted] == 0).mean():.3f} / {(best[fitted] < 3).mean():.3f} | "
              f"{(best[~fitted] == 0).mean():.3f} / {(best[~fitted] < 3).mean():.3f} | "
              f"{a[0]:.3f} / {a[1]:.3f} | {b[0]:.3f} / {b[1]:.3f} |")

    print("| weights | fitted UN P@1 / top 3 | held-out UN P@1 / top 3 | SQuAD A P@1 / MRR@10 | SQuAD B |")
    print("|---|---|---|---|---|")
    w1 = np.array([FIRST_STAGE[PRODUCT_NAMES[n]] for n in BASE])
    w2 = np.array([RERANK[PRODUCT_NAMES.get(n, n)] for n in BASE + TEXT_USED])
    line("product (SQuAD half A)", w1, w2)
    u1 = fit(un, np.column_stack([un.zscore(un.f(n)) for n in BASE]), fitted[un.qid])
    _, top, X = two_stage(un, u1, 50, TEXT_USED)
    line("fitted on UN, both stages", u1, fit(un, X, fitted[un.qid] & top))
    _, top, X = two_stage(un, w1, 50, TEXT_USED)
    for l2 in (1e-3, 1e-2, 1e-1):
        line(f"fitted on UN, stage 2 only, L2 {l2:g}", w1, fit(un, X, fitted[un.qid] & top, l2=l2))


if __name__ == "__main__":
    main()
