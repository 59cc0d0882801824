"""Reproduce the quality table of docs/quality.md on the dev sets.

    python benchmarks/quality.py --data ../shared/data --index-dir /tmp/rag-quality [--un-index un]

1. `rag eval` figures (the product's ranking, BM25 alone, dense alone, quote accuracy,
   abstention) on SQuAD v1.1 dev (all 2,067 paragraphs) and PolicyQA dev (within each policy);
2. one row per ranking idea, on the two halves of the SQuAD articles (A: where weights were
   chosen, B: where they are confirmed) and on PolicyQA, computed from the same index;
3. with --un-index (an index of ../shared/data/un_corpus/txt built by `rag index build` in the
   same --index-dir), the share of SQuAD questions that abstain when asked of the UN corpus.

Run by hand (minutes: it embeds every question); it prints markdown tables.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quality_features import (TOKENISERS, bm25_matrix, evaluate_scores, max_sentence_matrix,  # noqa: E402
                              minmax_rows, top_mask)

from rag.config import Settings, load_settings  # noqa: E402
from rag.embedding.embedders import get_embedder  # noqa: E402
from rag.evaluation.evalset import Question, load_questions  # noqa: E402
from rag.evaluation.evaluate import eval_settings, evaluate  # noqa: E402
from rag.answer.extract import threshold_for  # noqa: E402
from rag.index.lexical import term_pairs  # noqa: E402
from rag.evaluation.metrics import METRICS  # noqa: E402
from rag.index.store import open_index  # noqa: E402


def article_half(symbol: str) -> int:
    """0 (set A, for choosing) or 1 (set B, for confirming), fixed by the article's name."""
    return int(hashlib.sha1(symbol.encode()).hexdigest(), 16) % 2


def product_table(name: str, report: dict) -> list[str]:
    out = [f"**{name}**", "", "| ranking | " + " | ".join(METRICS) + " | quote acc. | abstained |",
           "|---" * (len(METRICS) + 3) + "|"]
    for mode, label in (("system", "system (hybrid)"), ("bm25", "BM25 alone"), ("dense", "dense alone")):
        r = report[mode]
        qa = "-" if r["quote_accuracy"] is None else f"{r['quote_accuracy']:.3f} (n={r['quoted']})"
        out.append(f"| {label} | " + " | ".join(f"{r[m]:.3f}" for m in METRICS)
                   + f" | {qa} | {r['abstention_rate']:.3f} |")
    return out


def idea_rows(settings: Settings, questions: list[Question], within: bool, splits: np.ndarray,
              split_names: list[str]) -> list[str]:
    """One row per ranking idea: P@1 / MRR@10 on each split, from whole-index score matrices."""
    index = open_index(settings)
    rows = index.conn.execute("SELECT p.id, d.symbol, p.number, p.text FROM paragraphs p "
                              "JOIN documents d ON d.id = p.doc_id ORDER BY p.id").fetchall()
    key = {(r[1], r[2]): r[0] for r in rows}
    texts = [r[3] for r in rows]
    pdoc = np.array([r[1] for r in rows])
    gold = [{key[(q.symbol, g)] for g in q.gold} for q in questions]
    qtexts = [q.question for q in questions]
    qv = get_embedder(settings.model, settings.batch_size).encode_queries(qtexts)
    pv = index.vectors.reconstruct_n(0, index.vectors.ntotal)
    assert index.sentences is not None, "index has no sentence vectors: rebuild it"
    dense = qv @ pv.T
    sent = max_sentence_matrix(qv, np.asarray(index.sentences.vectors), index.sentences.starts)
    allowed = (np.array([q.symbol for q in questions])[:, None] == pdoc[None, :]) if within else None
    k1, b = settings.bm25_k1, settings.bm25_b
    lex = {name: bm25_matrix(texts, qtexts, tok, k1, b) for name, tok in TOKENISERS.items()}
    lex_04 = bm25_matrix(texts, qtexts, TOKENISERS["stem+stop"], 0.9, 0.4)
    pairs = bm25_matrix(texts, qtexts, term_pairs, k1, b)
    base = lex["stem+stop"]
    c = settings.candidates
    mask = top_mask(base, c, allowed, True) | top_mask(dense, c, allowed) | top_mask(sent, c, allowed)
    mm = {k: minmax_rows(v, mask) for k, v in dict(lex=base, lex04=lex_04, dense=dense, sent=sent,
                                                   pairs=pairs).items()}
    rrf = np.zeros_like(dense)
    for m in (base, dense):
        ranks = np.argsort(np.argsort(-np.where(mask, m, -np.inf), axis=1), axis=1)
        rrf += 1.0 / (60 + ranks + 1)

    def fused(**w: float) -> np.ndarray:
        return sum(wt * mm[k] for k, wt in w.items()) - (~mask) * 100.0

    s = settings
    ideas: list[tuple[str, np.ndarray]] = [
        ("BM25 k1=0.9 b=0.4, stems + stopwords (the spine's)", lex_04),
        *[(f"BM25 k1={k1} b={b}, {name}", m) for name, m in lex.items()],
        ("BM25 over adjacent term pairs alone", pairs),
        ("dense, paragraph vector", dense),
        ("dense, best sentence", sent),
        ("reciprocal rank fusion k=60 (BM25, paragraph)", rrf),
        ("min-max fusion 0.4 BM25 (b=0.4) + 0.6 paragraph (the spine's default)", fused(lex04=.4, dense=.6)),
        ("min-max fusion 0.5 BM25 + 0.5 paragraph", fused(lex=.5, dense=.5)),
        ("min-max fusion 0.4 BM25 + 0.3 paragraph + 0.3 sentence", fused(lex=.4, dense=.3, sent=.3)),
        ("min-max fusion 0.4 BM25 + 0.2 paragraph + 0.4 sentence", fused(lex=.4, dense=.2, sent=.4)),
        (f"product: {s.lexical_weight} BM25 + {s.dense_weight} paragraph + {s.sentence_weight} sentence "
         f"+ {s.pair_weight} pairs", fused(lex=s.lexical_weight, dense=s.dense_weight, sent=s.sentence_weight,
                                           pairs=s.pair_weight)),
    ]
    out = ["| ranking idea | " + " | ".join(f"P@1 {n} | MRR@10 {n}" for n in split_names) + " |",
           "|---" * (1 + 2 * len(split_names)) + "|"]
    for label, scores in ideas:
        cells = []
        for h in range(len(split_names)):
            sel = splits == h
            m = evaluate_scores(scores[sel], [g for g, x in zip(gold, sel) if x],
                                None if allowed is None else allowed[sel])
            cells.append(f"{m.p1:.3f} | {m.mrr:.3f}")
        out.append(f"| {label} | " + " | ".join(cells) + " |")
    index.close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    ap.add_argument("--index-dir", type=Path, required=True)
    ap.add_argument("--un-index", help="name of an index of the UN corpus in --index-dir")
    ap.add_argument("--skip-ideas", action="store_true", help="only the rag eval tables")
    args = ap.parse_args()
    settings = load_settings(index_dir=args.index_dir)
    squad, policy = args.data / "squad_v1.1_dev", args.data / "policyqa_dev"
    started = time.time()

    class Out(list):
        """Lines printed as soon as they are added (the whole run takes minutes)."""

        def __iadd__(self, more):  # type: ignore[override]
            print("\n".join(more), flush=True)
            return super().__iadd__(more)

    lines = Out()
    lines += [f"Measured {time.strftime('%Y-%m-%d')} with `python benchmarks/quality.py --data {args.data} "
             f"--index-dir {args.index_dir}" + (f" --un-index {args.un_index}" if args.un_index else "") + "`", ""]
    report = evaluate(settings, squad / "questions.jsonl", squad / "corpus.jsonl")
    lines += product_table("SQuAD v1.1 dev, 10,570 questions over all 2,067 paragraphs", report) + [""]
    report = evaluate(settings, policy / "questions.jsonl", policy / "corpus.jsonl", within_doc=True)
    lines += product_table("PolicyQA dev, 2,420 questions, each within its own policy", report) + [""]
    if args.un_index:
        un = evaluate(settings, squad / "questions.jsonl", None, unanswerable=True, index_name=args.un_index)
        lines += [f"**Abstention**: SQuAD v1.1 dev questions asked of the UN corpus index: "
                  f"{un['system']['abstention_rate']:.3f} abstain "
                  f"(threshold {threshold_for(settings)}).", ""]
    if not args.skip_ideas:
        qs = load_questions(squad / "questions.jsonl")
        halves = np.array([article_half(q.symbol) for q in qs])
        lines += ["**Ranking ideas, SQuAD v1.1 dev** (A: half of the articles, where weights were chosen; "
                  "B: the other half, where they were confirmed)", ""]
        lines += idea_rows(eval_settings(settings, squad / "corpus.jsonl"), qs, False, halves, ["A", "B"]) + [""]
        pq = load_questions(policy / "questions.jsonl")
        lines += ["**Ranking ideas, PolicyQA dev, within each policy**", ""]
        lines += idea_rows(eval_settings(settings, policy / "corpus.jsonl"), pq, True,
                           np.zeros(len(pq), dtype=int), ["PolicyQA"]) + [""]
    lines += [f"({time.time() - started:.0f} s)"]


if __name__ == "__main__":
    main()
