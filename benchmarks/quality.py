"""The figures table of docs/quality.md: `rag eval` on the dev sets, and abstention on the UN corpus.

    python -m benchmarks.quality --index-dir DIR [--data ../shared/data] [--un-index un]

1. `rag eval` figures (the product's ranking, BM25 alone, dense alone, quote accuracy,
   abstention) on SQuAD v1.1 dev (all 2,067 paragraphs) and PolicyQA dev (within each policy);
2. with --un-index (an index of ../shared/data/un_corpus/txt built by `rag index build` in the
   same --index-dir), the share of SQuAD questions that abstain when asked of the UN corpus.

Each corpus is indexed once under --index-dir and reused. Run by hand (minutes: it embeds every
question); it prints markdown.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from rag.config import load_settings
from rag.evaluation.evaluate import evaluate
from rag.evaluation.metrics import METRICS

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def product_rows(name: str, report: dict) -> list[str]:
    """One row per ranking (hybrid, BM25 alone, dense alone) of one `rag eval` report."""
    out = []
    for mode, label in (("system", "hybrid (the product)"), ("bm25", "BM25 alone"), ("dense", "dense alone")):
        r = report[mode]
        qa = "-" if r["quote_accuracy"] is None else f"{r['quote_accuracy']:.3f} (n={r['quoted']})"
        out.append(f"| {name} | {label} | " + " | ".join(f"{r[m]:.3f}" for m in METRICS)
                   + f" | {qa} | {r['abstention_rate']:.3f} |")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA, help="folder holding squad_v1.1_dev/ and policyqa_dev/")
    ap.add_argument("--index-dir", type=Path, required=True)
    ap.add_argument("--un-index", help="name of an index of the UN corpus in --index-dir")
    args = ap.parse_args()
    settings = load_settings(index_dir=args.index_dir)
    squad, policy = args.data / "squad_v1.1_dev", args.data / "policyqa_dev"
    started = time.time()
    print("| set | ranking | " + " | ".join(METRICS) + " | quote acc. | abstained |")
    print("|---" * (len(METRICS) + 4) + "|", flush=True)
    report = evaluate(settings, squad / "questions.jsonl", squad / "corpus.jsonl")
    print("\n".join(product_rows("SQuAD v1.1 dev", report)), flush=True)
    report = evaluate(settings, policy / "questions.jsonl", policy / "corpus.jsonl", within_doc=True)
    print("\n".join(product_rows("PolicyQA dev, within each policy", report)), flush=True)
    if args.un_index:
        un = evaluate(settings, squad / "questions.jsonl", None, unanswerable=True, index_name=args.un_index)
        blank = " | ".join("-" for _ in METRICS)
        print(f"| SQuAD v1.1 dev asked of the UN corpus | hybrid (the product) | {blank} | - | "
              f"{un['system']['abstention_rate']:.3f} |")
    print(f"\n({time.time() - started:.0f} s)")


if __name__ == "__main__":
    main()
