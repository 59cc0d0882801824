"""A best paragraph that lacks the kind of answer asked yields to a close runner-up of its
document that gives it; one that contradicts the question does not."""

from __future__ import annotations

from rag.answer.extract import Answerer
from rag.embedding.embedders import HashEmbedder
from rag.models import DocumentText, Hit
from rag.search.query import Query, Search

_FORUM = ("The World Data Forum gathered 2,700 participants from statistical offices.",
          "The Government of Germany offered to host the sixth United Nations World Data Forum.")


def _answer(question: str, scores: tuple[float, ...], texts: tuple[str, ...] = _FORUM,
            symbols: tuple[str, ...] = ("E/CN.3/2025/9", "E/CN.3/2025/9")):
    hits = [Hit(pid=i, symbol=sym, number=str(i + 1), text=text, page=1, section="", score=score, sentence=0.9)
            for i, (sym, text, score) in enumerate(zip(symbols, texts, scores))]
    reader = lambda symbol: DocumentText((symbol,), "\n".join(texts), "Statistical Commission")  # noqa: E731
    embedder = HashEmbedder()
    answerer = Answerer(embedder, None, threshold=0.0, documents=reader)
    query = Query(question, embedder.encode_queries([question])[0], None, {})
    return answerer.answer(Search(query, hits))


def test_a_close_runner_up_of_the_document_that_names_the_country_is_cited() -> None:
    answer = _answer("Which country was chosen to host the sixth United Nations World Data Forum?", (5.0, 4.5))
    assert not answer.abstained
    assert answer.citations[0].paragraph == "2"


def test_a_distant_runner_up_or_another_documents_leaves_the_near_miss() -> None:
    question = "Which country was chosen to host the sixth United Nations World Data Forum?"
    far = _answer(question, (5.0, 3.0))
    assert far.abstained and far.closest is not None and far.closest.paragraph == "1"
    other = _answer(question, (5.0, 4.9), symbols=("E/CN.3/2025/9", "E/CN.3/2025/10"))
    assert other.abstained and other.closest.mismatch == "does not name a country"


def test_a_best_paragraph_that_contradicts_the_question_is_not_passed_over() -> None:
    texts = ("In 2025 the Committee received 12 reports.", "The Committee received reports on time.")
    answer = _answer("How many reports did the Committee receive in 2023?", (5.0, 4.9), texts)
    assert answer.abstained and answer.closest is not None and "2025" in answer.closest.mismatch
