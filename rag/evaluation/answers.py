"""The answers report of `rag eval`: how far a user can trust the answers, by question kind.

For each kind of question (the questions' `kind`) and over all of them:
- exact citation: the answer cites the gold paragraph first (its symbol and printed number);
- wrong citation: the answer cites another paragraph (it neither cites the gold nor abstains);
- gold document first: the top hit is a paragraph of the gold document, whether or not it is the
  gold paragraph (a wrong citation there points to the right document);
- gold in the top 3: the gold paragraph is among the three best hits;
- false abstentions: the gold paragraph is in the top 3, yet the answer abstains;
- quote contains the answer: over the exact citations whose question carries an `answer`
  span, the share whose quote holds it (rag.evaluation.metrics.quote_holds_span);
- out-of-corpus abstention: the share of the questions the documents do not answer that abstain.

The trade-off moves the threshold over the supports measured once (an answer abstains where its
top hit's support is under the threshold, or where the near-miss check turns the top hit down,
whatever the threshold): at each threshold, the shares of the answerable
questions answered with the exact citation and abstaining with the gold in the top 3, and the
share of the unanswerable questions that abstain.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

TRADEOFF_STEP = 0.01  # the thresholds of the trade-off: multiples of this, and the one in force
ALL = "all"  # the row over every question
UNLABELLED = "unlabelled"  # the row of questions without a `kind` where others have one


@dataclass
class AnswerRecord:
    """What the product's answer to one question did (answerable questions fill every field)."""

    kind: str
    support: float  # the top hit's support (0 without hits)
    abstained: bool  # at the threshold in force
    near_miss: bool = False  # the near-miss check turns the top hit down (it abstains at every threshold)
    top_gold: bool = False  # the top hit is the gold paragraph
    top_document_gold: bool = False  # the top hit is a paragraph of the gold document
    top3_gold: bool = False  # the gold paragraph is among the three best hits
    quote_has_answer: bool | None = None  # the top hit's quote holds the answer span (None: no span)


def _share(count: int, total: int) -> float | None:
    return round(count / total, 4) if total else None


def _by_kind(records: list[AnswerRecord]) -> dict[str, list[AnswerRecord]]:
    """The records grouped by kind in order of first appearance, then all of them."""
    groups: dict[str, list[AnswerRecord]] = {}
    if any(r.kind for r in records):
        for r in records:
            groups.setdefault(r.kind or UNLABELLED, []).append(r)
    groups[ALL] = records
    return groups


def answerable_figures(records: list[AnswerRecord]) -> dict[str, Any]:
    """Counts and shares over answerable questions (shares of the quotes: over those checked)."""
    n = len(records)
    exact = [r for r in records if r.top_gold and not r.abstained]
    checked = [r for r in exact if r.quote_has_answer is not None]
    held = sum(bool(r.quote_has_answer) for r in checked)
    top3 = sum(r.top3_gold for r in records)
    wrong = sum(not r.top_gold and not r.abstained for r in records)
    document = sum(r.top_document_gold for r in records)
    return {
        "questions": n,
        "exact_citation": len(exact), "exact_citation_rate": _share(len(exact), n),
        "wrong_citation": wrong, "wrong_citation_rate": _share(wrong, n),
        "gold_document_first": document, "gold_document_first_rate": _share(document, n),
        "gold_in_top3": top3, "gold_in_top3_rate": _share(top3, n),
        "abstained": sum(r.abstained for r in records),
        "false_abstentions": sum(r.top3_gold and r.abstained for r in records),
        "quotes_checked": len(checked), "quote_contains_answer": held,
        "quote_contains_answer_rate": _share(held, len(checked)),
    }


def unanswerable_figures(records: list[AnswerRecord]) -> dict[str, Any]:
    """How many of the questions the documents do not answer abstain, and how many of those name
    the closest paragraph and what it is about instead (the near-miss check turned it down)."""
    abstained = sum(r.abstained for r in records)
    return {"questions": len(records), "abstained": abstained, "abstention_rate": _share(abstained, len(records)),
            "closest_named": sum(r.abstained and r.near_miss for r in records)}


def tradeoff(asked: list[AnswerRecord], against: list[AnswerRecord], in_force: float) -> list[dict[str, Any]]:
    """The figures at each threshold from 0 to just above the highest support, in TRADEOFF_STEP
    steps, and at the threshold in force (shares of the answerable questions, and of the
    unanswerable ones for `unanswerable_abstained`: None without them)."""
    support = np.array([r.support for r in asked], dtype=np.float64)
    exact = np.array([r.top_gold for r in asked], dtype=bool)
    top3 = np.array([r.top3_gold for r in asked], dtype=bool)
    caught = np.array([r.near_miss for r in asked], dtype=bool)
    off = np.array([r.support for r in against], dtype=np.float64)
    off_caught = np.array([r.near_miss for r in against], dtype=bool)
    highest = max([in_force, *support.tolist(), *off.tolist()])
    steps = math.ceil(highest / TRADEOFF_STEP) + 1
    thresholds = sorted({round(i * TRADEOFF_STEP, 6) for i in range(steps + 1)} | {in_force})
    n = max(len(asked), 1)
    points = []
    for t in thresholds:
        answered = (support >= t) & ~caught
        points.append({
            "threshold": t,
            "answered": round(float(answered.sum()) / n, 4),
            "exact_answered": round(float((answered & exact).sum()) / n, 4),
            "false_abstentions": round(float((~answered & top3).sum()) / n, 4),
            "unanswerable_abstained": round(float(((off < t) | off_caught).mean()), 4) if len(off) else None,
        })
    return points


def answers_report(asked: list[AnswerRecord], against: list[AnswerRecord], threshold: float) -> dict[str, Any]:
    """The report: the threshold in force, the figures by kind ("all" last) of the answerable
    questions and of the unanswerable ones (None when none were asked), and the trade-off."""
    return {
        "threshold": threshold,
        "by_kind": {kind: answerable_figures(rs) for kind, rs in _by_kind(asked).items()},
        "out_of_corpus": ({kind: unanswerable_figures(rs) for kind, rs in _by_kind(against).items()}
                          if against else None),
        "tradeoff": tradeoff(asked, against, threshold),
    }


def _count(count: int, total: int) -> str:
    return f"{count} ({count / total:.3f})" if total else "-"


def format_answers(report: dict[str, Any]) -> list[list[str]]:
    """Rows of the printed table of the answerable questions: header, one row per kind, all."""
    rows = [["kind", "questions", "exact citation", "wrong citation", "gold document first", "gold in top 3",
             "false abstentions", "quote has answer"]]
    for kind, f in report["by_kind"].items():
        quotes = (f"{f['quote_contains_answer']}/{f['quotes_checked']} ({f['quote_contains_answer_rate']:.3f})"
                  if f["quotes_checked"] else "-")
        rows.append([kind, str(f["questions"]), _count(f["exact_citation"], f["questions"]),
                     _count(f["wrong_citation"], f["questions"]), _count(f["gold_document_first"], f["questions"]),
                     _count(f["gold_in_top3"], f["questions"]),
                     str(f["false_abstentions"]), quotes])
    return rows


def format_out_of_corpus(report: dict[str, Any]) -> list[list[str]]:
    """Rows of the printed table of the unanswerable questions (none when none were asked)."""
    if not report["out_of_corpus"]:
        return []
    rows = [["out of corpus", "questions", "abstained", "closest named"]]
    for kind, f in report["out_of_corpus"].items():
        rows.append([kind, str(f["questions"]), _count(f["abstained"], f["questions"]), str(f["closest_named"])])
    return rows
