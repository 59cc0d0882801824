"""A learned verifier for abstention: can a logistic regression over the answer's evidence tell
the exact citations from the wrong ones and the out-of-corpus questions still answered, better
than the support threshold and the near-miss checks already do?

    python -m research.learned_abstention dump --index-dir DIR --index NAME --out OUT.json \
        dev=QUESTIONS.jsonl:OUT_OF_CORPUS.jsonl a=... b=...
    python -m research.learned_abstention fit OUT.json [--lose 0.01 0.02 0.03]

`dump` asks every question as `rag ask` does and records, for each answer that does not abstain,
features of its top hit: the support and its margin over the next hits', the fused score's
margin, the best sentence's cosine, the idf-weighted share of the question's terms in the
paragraph and in its document, the question's terms (and names) the paragraph and the document
leave out, whether a sentence states the kind of answer asked, how many of the next two hits are
in the same document, and the paragraph's length. `fit` trains on all sets but one and judges
the held-out set (leave one set out): the verifier abstains under the probability at which the
training sets lose `--lose` of their answerable questions' exact citations; it prints, per
held-out set, the exact citations lost and the near misses, unrelated questions and wrong
citations it turns into abstentions. Not part of the product.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import replace
from pathlib import Path

import numpy as np

from rag.answer.answertype import question_type, states_answer
from rag.answer.extract import coverage
from rag.answer.names import name_words, unwritten
from rag.config import load_settings
from rag.evaluation.evalset import load_questions, load_unlabelled
from rag.evaluation.evaluate import GoldKeys, _hit_key
from rag.service import Session
from rag.textutil import content_terms, split_sentences, terms

FEATURES = ("support", "support margin", "score margin", "sentence cosine", "terms in paragraph",
            "terms in document", "token share", "rarest term not in document", "terms not in document",
            "terms not in paragraph", "rarest term not in paragraph", "names not in document",
            "names not in paragraph", "states the kind asked", "next two in the document", "log length")


def _features(session: Session, question: str, search) -> list[float]:  # noqa: ANN001 - a rag Search
    answerer, hits = session.answerer, search.hits
    top = hits[0]
    symbols, document, _ = answerer._document_text(top.symbol)
    idf = search.query.idf
    asked = content_terms(question)
    in_doc, in_par = set(terms(document)), set(terms(top.text))
    off_doc = [idf.get(t, 0.0) for t in asked if t not in in_doc]
    off_par = [idf.get(t, 0.0) for t in asked if t not in in_par]
    supports = [answerer.hit_support(search, h) for h in hits[:5]]
    scores = [h.score for h in hits[:5]] + [0.0]
    names = name_words(question)
    kind = question_type(question)
    n = max(len(asked), 1)
    return [answerer.support(search), supports[0] - max(supports[1:], default=0.0), scores[0] - scores[1],
            top.sentence, coverage(question, top.text, idf), coverage(question, document, idf),
            answerer.synonyms(search.query, top), max(off_doc, default=0.0), len(off_doc) / n, len(off_par) / n,
            max(off_par, default=0.0), float(len(unwritten(names, document + " " + " ".join(symbols)))),
            float(len(unwritten(names, top.text))),
            float(not kind or any(states_answer(kind, s, question) for s in split_sentences(top.text))),
            float(sum(h.symbol == top.symbol for h in hits[1:3])), float(np.log1p(len(top.text.split())))]


def dump(index_dir: Path, index: str, sets: list[str], out: Path) -> None:
    settings = replace(load_settings(index_dir=index_dir), index_name=index)
    rows = []
    with Session(settings) as session:
        gold = GoldKeys(session)
        for spec in sets:
            name, files = spec.split("=", 1)
            answerable, _, unanswerable = files.partition(":")
            items = [(q.question, gold.of(q), "answerable") for q in load_questions(Path(answerable))]
            if unanswerable:
                items += [(q.question, set(), q.kind) for q in load_unlabelled(Path(unanswerable))]
            for question, keys, kind in items:
                search = session.rankings(question, ("hybrid",), k=10)["hybrid"]
                answer = session.answer(search)
                if answer.abstained or not search.hits:
                    continue
                rows.append({"set": name, "kind": kind, "question": question,
                             "exact": bool(keys) and _hit_key(search.hits[0]) in keys,
                             "gold_in_top3": bool(keys & {_hit_key(h) for h in search.hits[:3]}),
                             "features": _features(session, question, search)})
    out.write_text(json.dumps(rows))
    print(f"{len(rows)} answers written to {out}")


def fit(dumped: Path, lose: list[float]) -> None:
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    rows = json.loads(dumped.read_text())
    good = np.array([r["kind"] == "answerable" and r["exact"] for r in rows])
    features = np.array([r["features"] for r in rows])
    names = sorted({r["set"] for r in rows})
    for share in lose:
        total = {"exact lost": 0, "near misses": 0, "unrelated": 0, "wrong citations": 0, "of them gold in top 3": 0}
        for held in names:
            test = np.array([r["set"] == held for r in rows])
            scaler = StandardScaler().fit(features[~test])
            model = LogisticRegression(max_iter=1000).fit(scaler.transform(features[~test]), good[~test])
            train_good = np.sort(model.predict_proba(scaler.transform(features[~test & good]))[:, 1])
            cut = train_good[min(int(share * len(train_good)), len(train_good) - 1)]
            turned = model.predict_proba(scaler.transform(features[test]))[:, 1] < cut
            for r, off in zip((r for r in rows if r["set"] == held), turned):
                if not off:
                    continue
                if r["kind"] == "answerable":
                    key = "exact lost" if r["exact"] else "wrong citations"
                    total[key] += 1
                    total["of them gold in top 3"] += int(not r["exact"] and r["gold_in_top3"])
                else:
                    total["near misses" if r["kind"] == "near_miss" else "unrelated"] += 1
        print(f"lose {share:.2f} of the training sets' exact citations: " + ", ".join(f"{k} {v}" for k, v in total.items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump")
    d.add_argument("--index-dir", type=Path, required=True)
    d.add_argument("--index", required=True)
    d.add_argument("--out", type=Path, required=True)
    d.add_argument("sets", nargs="+", help="NAME=QUESTIONS.jsonl[:OUT_OF_CORPUS.jsonl]")
    f = sub.add_parser("fit")
    f.add_argument("dumped", type=Path)
    f.add_argument("--lose", type=float, nargs="+", default=[0.01, 0.02, 0.03])
    args = parser.parse_args()
    if args.command == "dump":
        dump(args.index_dir, args.index, args.sets, args.out)
    else:
        fit(args.dumped, args.lose)


if __name__ == "__main__":
    main()
