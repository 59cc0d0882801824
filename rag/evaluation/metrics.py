"""Ranking metrics over one question's ranked paragraph keys and its set of gold keys.

Relevance is binary: a ranked key is relevant when it is one of the gold keys.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence

METRICS = ("P@1", "R@5", "R@10", "MRR@10", "nDCG@10")


def precision_at_1(ranked: Sequence[str], gold: set[str]) -> float:
    return 1.0 if ranked and ranked[0] in gold else 0.0


def recall_at(ranked: Sequence[str], gold: set[str], k: int) -> float:
    """Share of the gold keys found in the top k."""
    if not gold:
        return 0.0
    return len(gold & set(ranked[:k])) / len(gold)


def mrr_at(ranked: Sequence[str], gold: set[str], k: int = 10) -> float:
    """1 / rank of the first gold key in the top k, 0 when none is there."""
    for rank, key in enumerate(ranked[:k], 1):
        if key in gold:
            return 1.0 / rank
    return 0.0


def ndcg_at(ranked: Sequence[str], gold: set[str], k: int = 10) -> float:
    """Binary-gain nDCG: DCG of the ranking over the DCG of all gold keys ranked first."""
    dcg = sum(1.0 / math.log2(rank + 1) for rank, key in enumerate(ranked[:k], 1) if key in gold)
    ideal = sum(1.0 / math.log2(rank + 1) for rank in range(1, min(len(gold), k) + 1))
    return dcg / ideal if ideal else 0.0


def ranking_metrics(ranked: Sequence[str], gold: set[str]) -> dict[str, float]:
    """Every metric of METRICS for one question."""
    return {
        "P@1": precision_at_1(ranked, gold),
        "R@5": recall_at(ranked, gold, 5),
        "R@10": recall_at(ranked, gold, 10),
        "MRR@10": mrr_at(ranked, gold, 10),
        "nDCG@10": ndcg_at(ranked, gold, 10),
    }


def normalise_answer(text: str) -> str:
    """Lower case, single spaces, straight quotes: how a gold answer is looked for in a quote."""
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.lower().split())


def quote_contains_answer(quote: str, answers: Sequence[str]) -> bool:
    """True when the quote holds one of the gold answer strings."""
    q = normalise_answer(quote)
    return any(normalise_answer(a) in q for a in answers if a.strip())


# Hyphens, dashes and soft hyphens, and whitespace: what a PDF's line breaks add or drop.
_BREAKABLE = re.compile(r"[\s\u00ad\u2010-\u2015\u2212-]+")


def span_key(text: str) -> str:
    """`text` as an answer span is looked for in a quote: NFKC, lower case, straight quotes, and
    without whitespace, hyphens or dashes, so that a PDF's line breaks and end-of-line
    hyphenation ("recom- mendation", "well-\nknown") do not matter."""
    return _BREAKABLE.sub("", normalise_answer(unicodedata.normalize("NFKC", text)))


def quote_holds_span(quote: str, span: str) -> bool:
    """True when the quote holds the answer span (compared by `span_key`)."""
    key = span_key(span)
    return bool(key) and key in span_key(quote)
