"""Dump the product's retrieval candidates, with every fusion feature, for a questions file, so
fusion and quote ideas can be compared offline without embedding anything again.

    python -m research.fusion_dump --data ../shared/data --index-dir DIR --set squad --out squad.npz
    python -m research.fusion_dump --data ../shared/data --index-dir DIR --index unpdf \
        --questions ../shared/data/un_dev/questions.jsonl --out dev.npz

Writes one npz: per candidate (flat, `qid` says whose) the product's raw scores (BM25, paragraph
cosine, best-sentence cosine, pair BM25), the cheap text features of rag.search.features, the
token-vector score where the index keeps token vectors (`tokens`, rag.index.token_vectors) and a gold flag; per question its article half (SQuAD) and the query vector; per sentence of each
question's gold paragraph the quote features and whether it holds a gold answer.
Not part of the product.
"""

from __future__ import annotations

import argparse
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

from rag.answer.answertype import offers_answer, question_type
from rag.answer.extract import _ANAPHOR, coverage
from rag.config import load_settings
from rag.evaluation.evalset import load_questions
from rag.evaluation.evaluate import GoldKeys, ensure_corpus_index, eval_settings
from rag.evaluation.metrics import quote_contains_answer
from rag.index.sentences import paragraph_sentences
from rag.index.terms import ParagraphTerms
from rag.search.features import TEXT_FEATURES, text_features
from rag.service import Session
from research.splits import article_half

SETS = {"squad": ("squad_v1.1_dev", False), "policyqa": ("policyqa_dev", True)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--index-dir", type=Path, required=True)
    ap.add_argument("--set", choices=sorted(SETS), help="a public set of --data, indexed for the evaluation")
    ap.add_argument("--questions", type=Path, help="or a questions file (symbol, paragraph) asked of --index")
    ap.add_argument("--index", help="the index --questions are asked of")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--limit", type=int)
    args = ap.parse_args()
    if not args.set and not (args.questions and args.index):
        ap.error("give --set, or --questions with --index")
    if args.questions:
        within = False
        settings = replace(load_settings(index_dir=args.index_dir), index_name=args.index)
        questions = load_questions(args.questions, args.limit)
    else:
        folder, within = SETS[args.set]
        corpus = args.data / folder / "corpus.jsonl"
        settings = eval_settings(load_settings(index_dir=args.index_dir), corpus)
        ensure_corpus_index(settings, corpus)
        questions = load_questions(args.data / folder / "questions.jsonl", args.limit)
    ev = Session(settings)
    texts = [r[0] for r in ev.index.conn.execute("SELECT text FROM paragraphs ORDER BY id")]
    para_terms = [ParagraphTerms.of(t) for t in texts]
    started = time.time()
    key_to_id = {"\x00".join(w for w in (s, a.lower(), part, n) if w): i for i, s, a, part, n in ev.index.conn.execute(
        "SELECT p.id, d.symbol, p.annex, p.part, p.number FROM paragraphs p JOIN documents d ON d.id = p.doc_id "
        "ORDER BY p.id")}
    gold_keys = GoldKeys(ev)
    qvecs = []
    cols: dict[str, list] = {n: [] for n in ("qid", "pid", "lex", "dense", "sent", "pairs", "gold",
                                             *TEXT_FEATURES)}
    if ev.index.tokens is not None:
        cols["tokens"] = []
    qcols: dict[str, list] = {"half": [], "ngold": []}
    scols: dict[str, list] = {n: [] for n in ("qid", "pid", "ord", "cos", "cov", "typed", "hit", "hitprev", "anaph", "n")}
    for qi, q in enumerate(questions):
        if qi % 500 == 0:
            print(f"{qi}/{len(questions)} {time.time() - started:.0f} s", flush=True)
        query = ev.retriever.prepare(q.question)
        v = query.vector
        qvecs.append(v)
        c = ev.retriever.candidates(query, q.symbol if within else None)
        gold = {key_to_id[k] for k in gold_keys.of(q) if k in key_to_id}
        qcols["half"].append(article_half(q.symbol) if not args.questions else 0)
        qcols["ngold"].append(len(gold))
        idf = query.idf
        feats = text_features([para_terms[int(p)] for p in c.ids], idf)
        n = len(c.ids)
        cols["qid"].append(np.full(n, qi, dtype=np.int32))
        cols["pid"].append(c.ids.astype(np.int32))
        for name, arr in (("lex", c.lexical), ("dense", c.dense), ("sent", c.sentence), ("pairs", c.pairs)):
            cols[name].append(arr.astype(np.float32))
        cols["gold"].append(np.isin(c.ids, list(gold)))
        for name in TEXT_FEATURES:
            cols[name].append(feats[name].astype(np.float32))
        if ev.index.tokens is not None:  # late-interaction score (rag.index.token_vectors)
            cols["tokens"].append(ev.index.tokens.maxsim(query.tokens, c.ids)
                                  .astype(np.float32))
        # quote features over each gold paragraph's sentences
        kind = question_type(q.question)
        for pid in sorted(gold):
            sents = paragraph_sentences(texts[pid])
            vecs = ev.index.sentences.of_paragraph(pid) if ev.index.sentences is not None else None
            if vecs is None or len(vecs) != len(sents):
                continue
            for o, s in enumerate(sents):
                scols["qid"].append(qi)
                scols["pid"].append(pid)
                scols["ord"].append(o)
                scols["cos"].append(float(vecs[o] @ v))
                scols["cov"].append(coverage(q.question, s, idf))
                scols["typed"].append(offers_answer(kind, s, q.question))
                scols["hit"].append(quote_contains_answer(s, q.answers) if q.answers else False)
                scols["hitprev"].append(o > 0 and bool(q.answers)
                                        and quote_contains_answer(sents[o - 1] + " " + s, q.answers))
                scols["anaph"].append(bool(_ANAPHOR.match(s)))
                scols["n"].append(len(sents))
    ev.close()
    out = {k: np.concatenate(v) for k, v in cols.items()}
    out.update({f"q_{k}": np.array(v) for k, v in qcols.items()})
    out.update({f"s_{k}": np.array(v) for k, v in scols.items()})
    out["qvecs"] = np.stack(qvecs)
    np.savez_compressed(args.out, **out)
    print(f"wrote {args.out}: {len(out['qid'])} candidates, {time.time() - started:.0f} s")


if __name__ == "__main__":
    main()
