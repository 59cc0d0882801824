"""BM25 postings against a plain reference implementation of the formula."""

from __future__ import annotations

import math
import random
from collections import Counter

import numpy as np

from rag.index.lexical import build_postings, term_pairs
from rag.textutil import terms

WORDS = "migration council report states cooperation water climate trade peace security annex".split()


def reference(texts: list[str], k1: float, b: float, tokenise=terms) -> dict[str, dict[int, float]]:
    docs = [Counter(tokenise(t)) for t in texts]
    avgdl = sum(sum(d.values()) for d in docs) / len(docs)
    df = Counter(t for d in docs for t in d)
    out: dict[str, dict[int, float]] = {}
    for pid, d in enumerate(docs):
        dl = sum(d.values())
        for t, tf in d.items():
            idf = math.log(1 + (len(docs) - df[t] + 0.5) / (df[t] + 0.5))
            out.setdefault(t, {})[pid] = idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * dl / avgdl))
    return out


def test_postings_equal_reference_bm25():
    rng = random.Random(7)
    texts = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 30))) for _ in range(200)]
    texts.append("")  # a paragraph with no terms
    for tokenise in (terms, term_pairs):
        got = build_postings(texts, 0.9, 0.75, tokenise)
        want = reference(texts, 0.9, 0.75, tokenise)
        assert set(got) == set(want)
        for term, (ids, weights) in got.items():
            assert list(ids) == sorted(want[term])  # ascending paragraph ids
            np.testing.assert_allclose(weights, [want[term][i] for i in ids], rtol=1e-5)


def test_no_terms_at_all():
    assert build_postings(["", "the of and"], 0.9, 0.75) == {}
