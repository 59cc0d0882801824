"""The UN dev set's answers one by one: which exact citations quote without the answer span
(with the sentence that holds it), which out-of-corpus questions get a confident citation (with
the constraints the near-miss check read and the hit it passed), and which answerable questions
abstain (and why). The searches are kept in a cache file, so a change to rag/answer is measured
again in seconds.

    python -m research.un_answers --index-dir DIR --index unpdf --cache un_searches.pkl
"""

from __future__ import annotations

import argparse
import json
import pickle
from dataclasses import replace
from pathlib import Path

from rag.answer.constraints import question_constraints
from rag.config import load_settings
from rag.evaluation.metrics import quote_holds_span, span_key
from rag.search.query import Search
from rag.service import Session
from rag.textutil import split_sentences

DATA = Path("../shared/data/un_dev")


def _load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def _searches(session: Session, questions: list[str], cache: Path | None) -> list[Search]:
    """Each question's hybrid search, from the cache when it holds these questions."""
    if cache is not None and cache.exists():
        stored = pickle.loads(cache.read_bytes())
        if [s.query.text for s in stored] == [q.strip() for q in questions]:
            return stored
    out = [session.rankings(q, ("hybrid",))["hybrid"] for q in questions]
    if cache is not None:
        cache.write_bytes(pickle.dumps(out))
    return out


def _span_sentence(text: str, span: str) -> str:
    key = span_key(span)
    for s in split_sentences(text):
        if key in span_key(s):
            return s
    return "(span crosses sentences)"


def _gold(hit, row: dict) -> bool:
    return hit.symbol == row["symbol"] and not hit.annex and hit.number == str(row["para"])


def report(session: Session, answerable: list[dict], against: list[dict], cache: Path | None,
           show: set[str]) -> dict[str, int]:
    """Print the cases named in `show` (quotes, near, false) and return the counts."""
    searches = _searches(session, [r["question"] for r in answerable + against], cache)
    counts = {"exact": 0, "quote_ok": 0, "quote_words": 0, "abstained": 0, "false_abstentions": 0, "ooc_abstained": 0}
    for row, search in zip(answerable, searches[:len(answerable)]):
        ans = session.answer(search)
        top = search.hits[0] if search.hits else None
        top3 = any(_gold(h, row) for h in search.hits[:3])
        counts["abstained"] += ans.abstained
        if ans.abstained and top3:
            counts["false_abstentions"] += 1
            if "false" in show:
                print(f"\n[FALSE {row['kind']}] {row['question']}\n  reason: {ans.reason} {ans.answer}\n"
                      f"  support {session.answerer.support(search):.3f}  constraints "
                      f"{question_constraints(row['question'])}  top {top.citation if top else '-'}")
        if ans.abstained or top is None or not _gold(top, row):
            continue
        counts["exact"] += 1
        quote = ans.citations[0].quote
        ok = quote_holds_span(quote, row["answer"])
        counts["quote_ok"] += ok
        counts["quote_words"] += len(quote.split())
        if not ok and "quotes" in show:
            print(f"\n[QUOTE {row['kind']}] {row['question']}\n  answer: {row['answer']}\n  quote: {quote}\n"
                  f"  holds it: {_span_sentence(top.text, row['answer'])}")
    for row, search in zip(against, searches[len(answerable):]):
        ans = session.answer(search)
        counts["ooc_abstained"] += ans.abstained
        counts[f"ooc_{row['kind']}_abstained"] = counts.get(f"ooc_{row['kind']}_abstained", 0) + ans.abstained
        if not ans.abstained and "near" in show:
            top = search.hits[0]
            print(f"\n[PASS {row['kind']}] {row['question']}\n  top {top.citation}  support "
                  f"{session.answerer.support(search):.3f}\n  constraints {question_constraints(row['question'])}"
                  f"\n  paragraph: {top.text[:400]}")
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--index-dir", required=True)
    parser.add_argument("--index", default="unpdf")
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--cache", type=Path, help="pickle of the searches (written when missing)")
    parser.add_argument("--show", default="quotes,near,false", help="comma-separated: quotes, near, false")
    args = parser.parse_args()
    settings = replace(load_settings(None), index_dir=Path(args.index_dir), index_name=args.index)
    with Session(settings) as session:
        counts = report(session, _load(args.data / "questions.jsonl"), _load(args.data / "out_of_corpus.jsonl"),
                        args.cache, set(args.show.split(",")))
    print("\n" + json.dumps(counts))


if __name__ == "__main__":
    main()
