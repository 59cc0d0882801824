"""Quote accuracy and quote length on SQuAD v1.1 dev from cached searches, so a change to the
quote choice (rag/answer/extract.py) is measured again in a minute rather than a full
`rag eval`: over the questions whose gold paragraph ranks first, the share whose quote holds a
gold answer string (as `rag eval` counts it), the mean quote length in words, and the share of
all questions that abstain.

    python -m research.squad_quotes --index-dir DIR --index eval-squad_v1-1_dev-HASH --cache squad.pkl
"""

from __future__ import annotations

import argparse
import json
import pickle
from dataclasses import replace
from pathlib import Path

from rag.answer import extract
from rag.config import load_settings
from rag.evaluation.evalset import load_questions
from rag.evaluation.evaluate import GoldKeys, _hit_key
from rag.evaluation.metrics import quote_contains_answer
from rag.search.query import Search
from rag.service import Session
from research.splits import article_half

DATA = Path("../shared/data/squad_v1.1_dev/questions.jsonl")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--index-dir", required=True)
    parser.add_argument("--index", required=True)
    parser.add_argument("--questions", type=Path, default=DATA)
    parser.add_argument("--cache", type=Path, required=True, help="pickle of the searches (written when missing)")
    parser.add_argument("--complement", type=float, nargs="*", default=[None],
                        help="QUOTE_COMPLEMENT values to try (default: the one in force)")
    parser.add_argument("--half", choices=("A", "B"), help="only the articles of this half (research.splits)")
    args = parser.parse_args()
    settings = replace(load_settings(None), index_dir=Path(args.index_dir), index_name=args.index)
    questions = load_questions(args.questions)
    with Session(settings) as session:
        if args.cache.exists():
            searches = pickle.loads(args.cache.read_bytes())
        else:
            searches = []
            for q in questions:
                s = session.rankings(q.question, ("hybrid",))["hybrid"]
                searches.append(Search(s.query, s.hits[:1]))
            args.cache.write_bytes(pickle.dumps(searches))
        gold = GoldKeys(session.index.conn)
        for value in args.complement:
            if value is not None:
                extract.QUOTE_COMPLEMENT = value
            print(json.dumps({"complement": extract.QUOTE_COMPLEMENT, "half": args.half,
                              **_measure(session, gold, questions, searches, args.half)}), flush=True)


def _measure(session: Session, gold: GoldKeys, questions: list, searches: list[Search], half: str | None) -> dict:
    quoted = held = words = abstained = 0
    for q, search in zip(questions, searches):
        if half is not None and article_half(q.symbol) != "AB".index(half):
            continue
        answer = session.answer(search)
        abstained += answer.abstained
        if not search.hits or _hit_key(search.hits[0]) not in gold.of(q) or not q.answers:
            continue
        quote = session.answerer.quote(search.query, search.hits[0])
        quoted += 1
        held += quote_contains_answer(quote, q.answers)
        words += len(quote.split())
    return {"quoted": quoted, "quote_accuracy": round(held / quoted, 4), "mean_quote_words": round(words / quoted, 1),
            "abstained": abstained}


if __name__ == "__main__":
    main()
