"""Re-ranking inside the top hit's document: does a second look at that document's paragraphs,
with the question's document-level words (its subject) down-weighted, pick the right paragraph
more often, on UN questions, SQuAD and PolicyQA alike?

    python -m research.within_document dump --index-dir DIR --index NAME --questions FILE --out OUT.json
    python -m research.within_document sweep OUT.json [OUT2.json ...]

`dump` asks each question as `rag ask` does (the hybrid ranking with the document focus), takes
the top hit's document, ranks its paragraphs for the question the top hit was ranked for
(Search.asked) and records, for its best WITHIN_DEPTH: the hybrid score, each question term's
frequency in the paragraph and its document frequency inside the document (for BM25 with
within-document idf, or the global idf with the subject terms down-weighted), the hybrid score
and best-sentence cosine of the question without its subject words, whether a sentence states
the kind of answer asked (rag.answer.answertype), and whether the answer would abstain were the
paragraph the top hit. `sweep` scores re-ranking variants from dumps: exact first citations,
abstention, P@1 split by SQuAD half (research.splits). Not part of the product.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from rag.answer.answertype import question_type, states_answer
from rag.config import load_settings
from rag.evaluation.evalset import load_questions, load_unlabelled
from rag.index.sentences import paragraph_sentences
from rag.models import Hit
from rag.search import retriever as retriever_module
from rag.search.query import Query, Search
from rag.search.subject import SUBJECT_SHARE, WITHIN_DEPTH, subject_terms
from rag.service import Session
from rag.textutil import terms, without_terms
from research.splits import article_half


def _abstains(session: Session, search: Search, hit: Hit) -> bool:
    """Whether the answer abstains when `hit` is the top hit of `search`."""
    trial = Search(search.query, [hit], focus=search.focus)
    if session.answerer.support(trial) < session.answerer.threshold:
        return True
    return session.answerer.near_miss(search.query.text, hit) is not None


def record(session: Session, question: str, gold: set[tuple[str, str]], symbol: str | None = None) -> dict:
    """One question's dump (module docstring); `symbol`: ask only that document (PolicyQA)."""
    r = session.retriever
    search = session.rankings(question, ("hybrid",), k=20, symbol=symbol)["hybrid"]
    if not search.hits:
        return {"q": question, "empty": True}
    top = search.hits[0]
    first, last = session.index.document_span(top.pid)
    inside = np.zeros(session.index.size, dtype=bool)
    inside[first:last + 1] = True
    asked: Query = search.asked
    within = r.candidates_in(asked, inside)
    hybrid = r.scores(asked, within, "hybrid")
    full = {int(p): float(s) for p, s in zip(within.ids, hybrid)}
    order = np.argsort(-hybrid, kind="stable")[:WITHIN_DEPTH]
    pids = [int(within.ids[i]) for i in order]
    doc_terms = r.paragraph_terms(list(range(first, last + 1)))
    n_doc = len(doc_terms)
    qterms = sorted(asked.idf)
    held = [{t for s in p.sentences for t in s} for p in doc_terms]
    df = {t: sum(1 for p in held if t in p) for t in qterms}
    subject = subject_terms(asked.text, doc_terms)
    reduced_text = without_terms(asked.text, subject) if subject else asked.text
    in_full = [True] * len(pids)
    red_hybrid = red_sentence = None
    if subject and reduced_text and terms(reduced_text):
        red = r.prepare(reduced_text)
        red_within = r.candidates_in(red, inside)
        red_scores = r.scores(red, red_within, "hybrid")
        red_top = [int(red_within.ids[i]) for i in np.argsort(-red_scores, kind="stable")[:WITHIN_DEPTH]]
        extra = [p for p in red_top if p not in set(pids)]
        pids, in_full = pids + extra, in_full + [False] * len(extra)
        by_pid = {int(p): float(s) for p, s in zip(red_within.ids, red_scores)}
        low = float(red_scores.min()) if len(red_scores) else 0.0
        red_hybrid = [by_pid.get(p, low) for p in pids]
        sents = session.index.sentences
        red_sentence = (sents.max_scores(red.vector, np.array(pids, dtype=np.int64)).tolist()
                        if sents is not None else None)
    low_full = min(full.values())
    scores_full = np.array([full.get(p, low_full) for p in pids])
    hits = {h.pid: h for h in r.hits(within, hybrid, len(within.ids))}
    hits = [hits[p] for p in pids]
    cand_terms = r.paragraph_terms(pids)
    tf = [[sum(s.count(t) for s in p.sentences) for t in qterms] for p in cand_terms]
    lengths = [sum(len(s) for s in p.sentences) for p in cand_terms]
    avg_len = float(np.mean([sum(len(s) for s in p.sentences) for p in doc_terms])) if n_doc else 1.0
    kind = question_type(asked.text)
    states = [any(states_answer(kind, s, asked.text) for s in paragraph_sentences(h.text)) if kind else False
              for h in hits]
    return {
        "q": question, "asked": asked.text, "kind": kind, "gold": [p for p in pids if _key(session, p) in gold],
        "base": [h.pid for h in search.hits], "base_gold": [h.pid for h in search.hits if (h.symbol, h.number) in gold],
        "base_top_gold": (top.symbol, top.number) in gold, "base_abst": session.answer(search).abstained,
        "doc": [first, last], "conc5": sum(first <= h.pid <= last for h in search.hits[:5]),
        "pids": pids, "in_full": in_full, "hybrid": scores_full.tolist(), "qterms": qterms,
        "idf": [asked.idf[t] for t in qterms], "df": [df[t] for t in qterms], "n_doc": n_doc, "avg_len": avg_len,
        "tf": tf, "len": lengths, "subject": sorted(subject), "reduced": reduced_text,
        "red_hybrid": red_hybrid, "red_sentence": red_sentence, "states": states,
        "abst": [_abstains(session, search, h) for h in hits],
    }


_KEYS: dict[int, tuple[str, str]] = {}


def _key(session: Session, pid: int) -> tuple[str, str]:
    if pid not in _KEYS:
        row = session.index.paragraph_rows([pid])[pid]
        _KEYS[pid] = (row["symbol"], row["number"] if not row["annex"] else f"{row['annex']}:{row['number']}")
    return _KEYS[pid]


def dump(args: argparse.Namespace) -> None:
    # the baseline is the ranking without the second look (a focus clause still ranks inside the
    # document): every variant, the product's included, is computed from the dumped scores
    retriever_module.subject_terms = lambda question, paragraphs: set()
    settings = load_settings(index_dir=Path(args.index_dir), index_name=args.index)
    path = Path(args.questions)
    try:
        questions = load_questions(path)
    except Exception:  # noqa: BLE001  (a file of unanswerable questions has no gold)
        questions = load_unlabelled(path)
    picked = [q for i, q in enumerate(questions) if i % args.every == 0][:args.limit]
    out = []
    with Session(settings) as session:
        for i, q in enumerate(picked):
            rec = record(session, q.question, {(q.symbol, g) for g in q.gold}, q.symbol if args.within_doc else None)
            rec["half"] = article_half(q.symbol) if q.symbol else -1
            out.append(rec)
            if i % 100 == 0:
                print(i, len(picked), flush=True)
    Path(args.out).write_text(json.dumps(out))


# ---- sweep -------------------------------------------------------------------------------


def _z(x: np.ndarray) -> np.ndarray:
    sd = x.std()
    return (x - x.mean()) / sd if sd > 1e-9 else np.zeros_like(x)


def _bm25(rec: dict, weights: np.ndarray, k1: float = 0.9, b: float = 0.75) -> np.ndarray:
    tf = np.asarray(rec["tf"], dtype=np.float64).reshape(len(rec["pids"]), len(rec["qterms"]))
    norm = k1 * (1 - b + b * np.asarray(rec["len"], dtype=np.float64) / max(rec["avg_len"], 1.0))
    return (tf * (k1 + 1) / (tf + norm[:, None])) @ weights


def doc_idf(rec: dict) -> np.ndarray:
    """Each question term's BM25 idf over the document's own paragraphs."""
    df = np.asarray(rec["df"], dtype=np.float64)
    n = rec["n_doc"]
    return np.log(1 + (n - df + 0.5) / (df + 0.5))


def variants(rec: dict) -> dict[str, np.ndarray]:
    """Each re-ranking variant's score over the record's pool (higher is better; -inf: not in
    the variant's pool, the full question's best WITHIN_DEPTH unless named "union")."""
    n = len(rec["pids"])
    full = np.asarray(rec["in_full"], dtype=bool)
    outside = np.where(full, 0.0, -np.inf)
    base = np.asarray(rec["hybrid"], dtype=np.float64)
    zh = _z(base[full])
    zh_all = np.full(n, 0.0)
    zh_all[full] = zh
    zu = _z(base)
    out = {"within": base + outside}
    if full.sum() < 2 or not rec["qterms"]:
        return out
    idf = np.asarray(rec["idf"], dtype=np.float64)
    d_idf = doc_idf(rec)
    share = np.asarray(rec["df"], dtype=np.float64) / max(rec["n_doc"], 1)

    def zf(x: np.ndarray) -> np.ndarray:
        y = np.zeros(n)
        y[full] = _z(np.asarray(x, dtype=np.float64)[full])
        return y

    for w in (0.25, 0.5, 1.0):
        out[f"docbm25 w{w}"] = zh_all + w * zf(_bm25(rec, d_idf)) + outside
        out[f"gidf*didf w{w}"] = zh_all + w * zf(_bm25(rec, idf * d_idf)) + outside
        out[f"nosubj bm25 w{w}"] = zh_all + w * zf(_bm25(rec, idf * (share <= SUBJECT_SHARE))) + outside
    states = np.asarray(rec["states"], dtype=np.float64)
    for w in (0.25, 0.5):
        out[f"kind w{w}"] = zh_all + w * states + outside
    for w in (0.5, 0.75, 1.0, 1.5, 2.0, 1e6):
        if rec["red_hybrid"] is None:
            out[f"reduced hybrid w{w}"] = out[f"reduced sentence w{w}"] = out[f"union reduced w{w}"] = base + outside
            continue
        red = np.asarray(rec["red_hybrid"], dtype=np.float64)
        out[f"reduced hybrid w{w}"] = zh_all + w * zf(red) + outside
        out[f"reduced sentence w{w}"] = zh_all + w * zf(np.asarray(rec["red_sentence"])) + outside
        out[f"union reduced w{w}"] = zu + w * _z(red)
    return out


def _mrr10(order: list[int], gold: set[int]) -> float:
    return next((1.0 / (i + 1) for i, p in enumerate(order[:10]) if p in gold), 0.0)


def outcome(rec: dict, name: str, gate: int) -> tuple[bool, bool, float]:
    """Under variant `name`: (top hit gold, abstains, MRR@10)."""
    gold = set(rec["gold"]) | set(rec["base_gold"])
    v = variants(rec) if name != "base" and rec["conc5"] >= gate else {}
    if name not in v:
        return bool(rec["base_top_gold"]), bool(rec["base_abst"]), _mrr10(rec["base"], gold)
    score = v[name]
    ranked = [rec["pids"][i] for i in np.argsort(-score, kind="stable") if np.isfinite(score[i])]
    first, last = rec["doc"]
    inner = iter(ranked)
    merged: list[int] = []
    for p in rec["base"]:
        q = next(inner, p) if first <= p <= last else p
        if q not in merged:
            merged.append(q)
    best = rec["pids"].index(ranked[0])
    return ranked[0] in gold, bool(rec["abst"][best]), _mrr10(merged, gold)


def sweep(args: argparse.Namespace) -> None:
    for path in args.dumps:
        recs = [r for r in json.loads(Path(path).read_text()) if not r.get("empty")]
        answerable = any(r["gold"] or r["base_gold"] for r in recs)
        print(f"\n## {path}: {len(recs)} questions")
        example = next((r for r in recs if r["red_hybrid"] is not None and len(r["pids"]) > 2), None)
        if example is None:
            print("no question has a subject in its best document: every variant ranks as the baseline")
            continue
        names = ["base"] + list(variants(example))
        print("| variant | P@1 all | A | B | MRR@10 | exact (not abstained) | abstained |")
        print("|---|---|---|---|---|---|---|")
        for name in names:
            got = [(r["half"], *outcome(r, name, args.gate)) for r in recs]
            half = {h: [g[1] for g in got if g[0] == h] for h in (0, 1)}
            show = {h: f"{np.mean(v):.3f}" if v else "-" for h, v in half.items()}
            exact = sum(top and not ab for _, top, ab, _ in got)
            abst = sum(ab for _, _, ab, _ in got)
            print(f"| {name} | {np.mean([g[1] for g in got]):.3f} | {show[0]} | {show[1]} | "
                  f"{np.mean([g[3] for g in got]):.3f} | {exact if answerable else '-'} | "
                  f"{abst}/{len(got)} ({abst / len(got):.3f}) |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("--index-dir", required=True)
    d.add_argument("--index", required=True)
    d.add_argument("--questions", required=True)
    d.add_argument("--out", required=True)
    d.add_argument("--every", type=int, default=1, help="take every n-th question")
    d.add_argument("--limit", type=int, default=None)
    d.add_argument("--within-doc", action="store_true", help="ask each question of its own document only")
    s = sub.add_parser("sweep")
    s.add_argument("dumps", nargs="+")
    s.add_argument("--gate", type=int, default=1, help="re-rank only when the top document holds this many of the top 5")
    args = ap.parse_args()
    (dump if args.cmd == "dump" else sweep)(args)


if __name__ == "__main__":
    main()
