"""How the abstention threshold trades unrelated questions against false abstentions, for a model:

    python -m research.threshold_sweep --index-dir DIR --index NAME [--model FOLDER] [--token-share S] \\
        --questions ../shared/data/un_dev/questions.jsonl --unrelated ../shared/data/squad_v1.1_dev/questions.jsonl

Each question is answered once with the threshold at 0 (so only the near-miss checks abstain) and
its support recorded; a threshold t then abstains where a check did or the support is under t
(rag.evaluation.answers.tradeoff, as `rag eval --plot` sweeps it). Per t from 0.15 to 0.30: the
share of `--unrelated` questions (every `--step`th) that abstain, and over `--questions` the exact
first citations, false abstentions (gold in the top 3) and wrong ones. The product's threshold is
the lowest t at which SQuAD asked of the UN corpus abstains 95% of the time (rag/answer/extract.py).
A model folder takes the bundled model's token-vector share unless given.
Not part of the product.
"""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path

from rag.config import load_settings
from rag.evaluation.answers import AnswerRecord, tradeoff
from rag.evaluation.evalset import load_questions
from rag.evaluation.evaluate import GoldKeys, _hit_key
from rag.service import Session
from research.domain_adapt import answer_as_bundled


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--index-dir", type=Path, required=True)
    ap.add_argument("--index", required=True)
    ap.add_argument("--model", help="the model folder the index was built with")
    ap.add_argument("--token-share", type=float, help="the model's token-vector share (default: the bundled model's)")
    ap.add_argument("--questions", type=Path, required=True)
    ap.add_argument("--unrelated", type=Path, required=True, help="questions the corpus does not answer")
    ap.add_argument("--step", type=int, default=5, help="ask every step-th unrelated question")
    args = ap.parse_args()
    settings = replace(load_settings(index_dir=args.index_dir), index_name=args.index, abstain_threshold=0.0)
    if args.model:
        settings = replace(settings, model=args.model)
    if args.model or args.token_share is not None:
        answer_as_bundled(settings.model, args.token_share)
    asked, unrelated = [], []
    with Session(settings) as session:
        gold_keys = GoldKeys(session)
        for q in load_questions(args.questions):
            gold = gold_keys.of(q)
            search = session.rankings(q.question, ("hybrid",), k=10)["hybrid"]
            ranked = [_hit_key(h) for h in search.hits[:3]]
            asked.append(AnswerRecord(q.kind, session.answerer.support(search), False,
                                      near_miss=session.answer(search).abstained,
                                      top_gold=bool(ranked) and ranked[0] in gold, top3_gold=bool(gold & set(ranked))))
        for q in load_questions(args.unrelated)[::args.step]:
            search = session.rankings(q.question, ("hybrid",), k=10)["hybrid"]
            unrelated.append(AnswerRecord(q.kind, session.answerer.support(search), False,
                                          near_miss=session.answer(search).abstained))
    n, m = len(asked), len(unrelated)
    print("| threshold | unrelated abstaining | exact | false abstentions | wrong |\n|---|---|---|---|---|")
    for p in tradeoff(asked, unrelated, 0.0):
        if 0.15 <= p["threshold"] <= 0.30:
            exact, answered = round(p["exact_answered"] * n), round(p["answered"] * n)
            abstaining = round(p["unanswerable_abstained"] * m) / m
            print(f"| {p['threshold']:.2f} | {abstaining:.3f} | {exact} | {round(p['false_abstentions'] * n)} | "
                  f"{answered - exact} |")


if __name__ == "__main__":
    main()
