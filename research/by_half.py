"""`rag eval`'s answer figures split by the half of the gold document (research.splits.article_half),
for models trained on one half's documents (research/domain_adapt.py --half):

    python -m research.by_half --index-dir DIR --index NAME [--model FOLDER] QUESTIONS...

Each question is asked as `rag eval` asks it (hybrid ranking, the product's answer); per half it
prints the questions, first hits on the gold paragraph (P@1), gold in the top 3, exact citations
(P@1 and not abstained), false abstentions (gold in the top 3, abstained), wrong citations and
exact paraphrases. A model folder is answered with the bundled model's threshold and token-vector
share, as `research.domain_adapt eval` does. Not part of the product.
"""

from __future__ import annotations

import argparse
from collections import Counter
from dataclasses import replace
from pathlib import Path

from rag.config import load_settings
from rag.evaluation.evalset import load_questions
from rag.evaluation.evaluate import GoldKeys, _hit_key
from rag.service import Session
from research.domain_adapt import answer_as_bundled
from research.splits import article_half


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("questions", type=Path, nargs="+")
    ap.add_argument("--index-dir", type=Path, required=True)
    ap.add_argument("--index", required=True)
    ap.add_argument("--model", help="the model folder the index was built with")
    args = ap.parse_args()
    settings = replace(load_settings(index_dir=args.index_dir), index_name=args.index)
    if args.model:
        answer_as_bundled(args.model)
        settings = replace(settings, model=args.model)
    counts = {0: Counter(), 1: Counter()}
    with Session(settings) as session:
        gold_keys = GoldKeys(session)
        for path in args.questions:
            for q in load_questions(path):
                gold = gold_keys.of(q)
                search = session.rankings(q.question, ("hybrid",), k=10)["hybrid"]
                answer = session.answer(search)
                ranked = [_hit_key(h) for h in search.hits[:3]]
                first, top3 = bool(ranked) and ranked[0] in gold, bool(gold & set(ranked))
                c = counts[article_half(gold_keys.owner(q.symbol) or q.symbol)]
                c.update(questions=1, p1=first, top3=top3, exact=first and not answer.abstained,
                         false_abstentions=top3 and answer.abstained,
                         wrong=not first and not answer.abstained,
                         paraphrases=q.kind == "paraphrase",
                         exact_paraphrases=q.kind == "paraphrase" and first and not answer.abstained)
    for half, c in counts.items():
        print(f"half {half}: " + ", ".join(f"{k} {c[k]}" for k in (
            "questions", "p1", "top3", "exact", "false_abstentions", "wrong", "exact_paraphrases", "paraphrases")))


if __name__ == "__main__":
    main()
