"""Ranking metrics against values computed by hand on tiny rankings."""

from __future__ import annotations

import math

import pytest

from rag.evaluation.metrics import mrr_at, ndcg_at, precision_at_1, quote_contains_answer, ranking_metrics, recall_at


def test_metrics_of_a_ranking_with_two_gold_paragraphs() -> None:
    ranked = ["a", "b", "c", "d"]
    gold = {"b", "d"}
    m = ranking_metrics(ranked, gold)
    assert m["P@1"] == 0.0
    assert m["R@5"] == 1.0
    assert m["R@10"] == 1.0
    assert m["MRR@10"] == 0.5
    # DCG = 1/log2(3) + 1/log2(5) = 1.061606; ideal DCG = 1 + 1/log2(3) = 1.630930
    assert m["nDCG@10"] == pytest.approx(0.650921, abs=1e-6)


def test_gold_first_scores_one_everywhere() -> None:
    assert ranking_metrics(["x", "y"], {"x"}) == {"P@1": 1.0, "R@5": 1.0, "R@10": 1.0, "MRR@10": 1.0,
                                                  "nDCG@10": 1.0}


def test_cut_offs() -> None:
    ranked = [str(i) for i in range(12)]
    assert recall_at(ranked, {"5", "11"}, 5) == 0.0
    assert recall_at(ranked, {"4", "11"}, 5) == 0.5
    assert recall_at(ranked, {"4", "9"}, 10) == 1.0
    assert mrr_at(ranked, {"10"}, 10) == 0.0
    assert mrr_at(ranked, {"9"}, 10) == 0.1
    assert ndcg_at(ranked, {"2"}, 10) == pytest.approx(1 / math.log2(4))
    assert ndcg_at(ranked, {"10"}, 10) == 0.0
    assert precision_at_1([], {"a"}) == 0.0


def test_quote_contains_answer_ignores_case_spacing_and_curly_quotes() -> None:
    quote = "The  embargo began in October 1973 at the “OAPEC” meeting."
    assert quote_contains_answer(quote, ["october 1973"])
    assert quote_contains_answer(quote, ['"OAPEC"'])
    assert not quote_contains_answer(quote, ["March 1974", " "])


def test_calibrated_threshold_is_the_shortest_decimal_that_splits_the_supports() -> None:
    import numpy as np

    from rag.evaluation.calibrate import abstention_rate, threshold_at

    support = np.array([0.31, 0.1234, 0.5, 0.2677, 0.0, 0.45, 0.38, 0.29, 0.33, 0.41])
    assert threshold_at(support, 0.2) == 0.2  # 0.0 and 0.1234 under it, 0.2677 not
    assert abstention_rate(support, threshold_at(support, 0.2)) == 0.2
    assert threshold_at(support, 0.3) == 0.28  # between 0.2677 and 0.29
    assert threshold_at(support, 0.01) == 0.0  # no question abstains
    tied = np.array([0.2, 0.2, 0.2, 0.4])
    assert abstention_rate(tied, threshold_at(tied, 0.25)) == 0.0  # ties cannot be split
    assert abstention_rate(None, 0.3) is None
