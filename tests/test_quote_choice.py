"""Quote choice and support: the answer-kind cue and idf-weighted coverage."""

from __future__ import annotations

import numpy as np

from rag.answer.extract import best_quote, coverage
from rag.answer.answertype import offers_answer, question_type
from rag.embedding.embedders import HashEmbedder


def test_question_types() -> None:
    assert question_type("When did the embargo end?") == "time"
    assert question_type("In what year was the treaty signed?") == "time"
    assert question_type("How many States ratified it?") == "number"
    assert question_type("Who chairs the Commission?") == "name"
    assert question_type("Which forum does IOM serve as secretariat for?") is None


def test_offers_answer_ignores_what_the_question_already_says() -> None:
    assert offers_answer("time", "The embargo ended in March 1974.", "When did the embargo end?")
    assert not offers_answer("time", "The embargo ended in March 1974.", "What happened in March 1974?")
    assert offers_answer("number", "Forty-two States ratified it.", "How many States ratified it?")
    assert not offers_answer("name", "States ratified it quickly.", "Who ratified it?")
    assert not offers_answer(None, "Anything at all in 1974.", "Why?")


def test_idf_weighted_coverage_counts_rare_terms_more() -> None:
    question = "berne initiative secretariat"
    text = "The Berne Initiative met."
    assert coverage(question, text) == 2 / 3
    weights = {"bern": 1.0, "initiativ": 1.0, "secretariat": 4.0}
    assert coverage(question, text, weights) == 2 / 6


def test_best_quote_prefers_the_sentence_with_the_asked_date() -> None:
    embedder = HashEmbedder()
    text = ("The oil embargo was a political act by producing countries. "
            "The embargo was lifted in March 1974 after negotiations.")
    question = "When was the oil embargo lifted?"
    qvec = embedder.encode_queries([question])[0]
    assert best_quote(question, qvec, text, embedder) == "The embargo was lifted in March 1974 after negotiations."
    assert isinstance(qvec, np.ndarray)
