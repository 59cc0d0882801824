"""Learned fusion (rag.fusion) and the text features it re-scores with (rag.rerank_features)."""

from __future__ import annotations

import numpy as np
import pytest

from rag.answer import best_quote
from rag.config import load_settings
from rag.embed import HashEmbedder
from rag.errors import UsageError
from rag.fusion import RERANK_DEPTH, learned_scores, zscore
from rag.rerank_features import TEXT_FEATURES, ParagraphTerms, text_features
from rag.service import Session
from tests.conftest import DEMO_QUESTION


def test_zscore_centres_and_scales_and_is_zero_for_ties() -> None:
    z = zscore(np.array([1.0, 2.0, 3.0]))
    assert z.mean() == pytest.approx(0.0) and z.std() == pytest.approx(1.0)
    assert list(zscore(np.array([4.0, 4.0]))) == [0.0, 0.0]
    assert len(zscore(np.array([]))) == 0


def test_learned_scores_rank_by_every_retriever_and_rescored_candidates_stay_on_top() -> None:
    n = RERANK_DEPTH + 20
    rng = np.random.default_rng(0)
    base = {k: rng.random(n) for k in ("lexical", "dense", "sentence", "pairs")}
    base["lexical"][7] = base["dense"][7] = base["sentence"][7] = 5.0  # best on all three
    first = learned_scores(base, None)
    assert int(np.argmax(first)) == 7
    asked: list[np.ndarray] = []

    def features(positions: np.ndarray) -> dict[str, np.ndarray]:
        asked.append(positions)
        return {k: np.zeros(len(positions)) for k in TEXT_FEATURES}

    final = learned_scores(base, features)
    top = asked[0]
    assert len(top) == RERANK_DEPTH and 7 in top
    rest = np.setdiff1d(np.arange(n), top)
    assert final[top].min() > final[rest].max()
    assert int(np.argmax(final)) == 7


def test_text_features_reward_the_question_terms_close_together() -> None:
    question = "When did the oil embargo end?"
    idf = {"oil": 2.0, "embargo": 3.0, "end": 1.0}
    together = ParagraphTerms.of("Prices rose. The oil embargo came to an end in March 1974.")
    apart = ParagraphTerms.of("Oil prices rose sharply that winter. Many long talks followed between ministers, "
                              "traders, delegations and bankers across several capitals. The embargo was "
                              "debated at length by parliaments and newspapers. In the end nothing changed.")
    none = ParagraphTerms.of("Nothing here is relevant.")
    f = text_features(question, [together, apart, none], idf)
    assert set(f) == set(TEXT_FEATURES)
    assert f["cov"][0] == pytest.approx(1.0) and f["cov"][1] == pytest.approx(1.0)
    assert f["scov"][0] == pytest.approx(1.0) and f["scov"][1] < 0.9
    assert f["prox"][0] == pytest.approx(1.0) and f["prox"][1] < 0.9
    assert f["sbm25"][0] > f["sbm25"][1] > 0
    assert all(f[k][2] == 0 for k in TEXT_FEATURES)


def test_adjacent_near_tie_sentences_are_quoted_together() -> None:
    embedder = HashEmbedder()
    text = ("The fleet sailed in 1805. The admiral led the fleet. It won at Trafalgar in 1805. "
            "Weather was calm.")
    question = "Which fleet did the admiral lead in 1805?"
    qvec = embedder.encode_queries([question])[0]
    quote = best_quote(question, qvec, text, embedder)
    assert quote in text and "The admiral led the fleet." in quote
    assert quote != text  # never the whole paragraph here


def test_fusion_setting_is_checked_and_both_fusions_find_the_demo_paragraph(fake_settings) -> None:
    from dataclasses import replace

    from rag.service import ensure_index

    with pytest.raises(UsageError, match="fusion"):
        load_settings(env={"RAG_FUSION": "average"})
    ensure_index(fake_settings)
    for fusion in ("learned", "minmax"):
        s = Session(replace(fake_settings, fusion=fusion))
        try:
            hits = s.search(DEMO_QUESTION, k=3)
            assert hits[0].citation == "A/59/377, para. 49"
            assert hits[0].score > hits[1].score
        finally:
            s.close()
