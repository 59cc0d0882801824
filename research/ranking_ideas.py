"""Ranking ideas side by side (BM25 variants, reciprocal rank fusion, min-max fusions), on the two
halves of the SQuAD v1.1 dev articles (A: where weights were chosen, B: where they were confirmed)
and on PolicyQA dev within each policy, from whole-index score matrices (research.quality_features).

    python -m research.ranking_ideas --index-dir DIR [--data ../shared/data]

The evaluation indexes are the ones `rag eval` (and `python -m benchmarks.quality`) build under
--index-dir; this script builds them first when they are missing. Prints markdown tables.
Not part of the product: it reproduces the evidence in docs/decisions.md.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

from rag.config import Settings, load_settings
from rag.embedding.embedders import get_embedder
from rag.evaluation.evalset import Question, load_questions
from rag.evaluation.evaluate import ensure_corpus_index, eval_settings
from rag.index.lexical import term_pairs
from rag.index.store import open_index
from research.quality_features import (TOKENISERS, bm25_matrix, evaluate_scores, max_sentence_matrix, minmax_rows,
                                       top_mask)
from research.splits import article_half

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


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

    ideas: list[tuple[str, np.ndarray]] = [
        ("BM25 k1=0.9 b=0.4, stems + stopwords (the first design's)", lex_04),
        *[(f"BM25 k1={k1} b={b}, {name}", m) for name, m in lex.items()],
        ("BM25 over adjacent term pairs alone", pairs),
        ("dense, paragraph vector", dense),
        ("dense, best sentence", sent),
        ("reciprocal rank fusion k=60 (BM25, paragraph)", rrf),
        ("min-max fusion 0.4 BM25 (b=0.4) + 0.6 paragraph (the first design's default)", fused(lex04=.4, dense=.6)),
        ("min-max fusion 0.5 BM25 + 0.5 paragraph", fused(lex=.5, dense=.5)),
        ("min-max fusion 0.4 BM25 + 0.3 paragraph + 0.3 sentence", fused(lex=.4, dense=.3, sent=.3)),
        ("min-max fusion 0.4 BM25 + 0.2 paragraph + 0.4 sentence", fused(lex=.4, dense=.2, sent=.4)),
        ("min-max fusion 0.35 BM25 + 0.2 paragraph + 0.45 sentence + 0.1 pairs (the hand weights before "
         "the learned fusion)", fused(lex=.35, dense=.2, sent=.45, pairs=.1)),
    ]
    out = ["| ranking idea | " + " | ".join(f"P@1 {n} | MRR@10 {n}" for n in split_names) + " |",
           "|---" * (1 + 2 * len(split_names)) + "|"]
    for label, scores in ideas:
        cells = []
        for h in range(len(split_names)):
            sel = splits == h
            if not sel.any():  # a split without questions (a subset of the data)
                cells.append("- | -")
                continue
            m = evaluate_scores(scores[sel], [g for g, x in zip(gold, sel) if x],
                                None if allowed is None else allowed[sel])
            cells.append(f"{m.p1:.3f} | {m.mrr:.3f}")
        out.append(f"| {label} | " + " | ".join(cells) + " |")
    index.close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA, help="folder holding squad_v1.1_dev/ and policyqa_dev/")
    ap.add_argument("--index-dir", type=Path, required=True)
    args = ap.parse_args()
    settings = load_settings(index_dir=args.index_dir)
    squad, policy = args.data / "squad_v1.1_dev", args.data / "policyqa_dev"
    qs = load_questions(squad / "questions.jsonl")
    halves = np.array([article_half(q.symbol) for q in qs])
    print("**Ranking ideas, SQuAD v1.1 dev** (A: where weights were chosen; B: where they were confirmed)\n")
    ensure_corpus_index(settings, squad / "corpus.jsonl")
    print("\n".join(idea_rows(eval_settings(settings, squad / "corpus.jsonl"), qs, False, halves, ["A", "B"])) + "\n")
    pq = load_questions(policy / "questions.jsonl")
    print("**Ranking ideas, PolicyQA dev, within each policy**\n")
    ensure_corpus_index(settings, policy / "corpus.jsonl")
    print("\n".join(idea_rows(eval_settings(settings, policy / "corpus.jsonl"), pq, True,
                             np.zeros(len(pq), dtype=int), ["PolicyQA"])))


if __name__ == "__main__":
    main()
