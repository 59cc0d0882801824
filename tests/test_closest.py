"""The closest paragraph named in an abstention (rag.answer.extract.Answerer)."""

from __future__ import annotations

from rag.answer.extract import Answerer
from rag.embedding.embedders import HashEmbedder
from rag.models import DocumentText, Hit
from rag.search.query import Query, Search

TREATY = ("We call on all States that have not yet done so to sign and ratify the Treaty without delay, and we "
          "welcome the growing support for it at the Meeting in New York.")


def _answer(question: str, sentence: float):
    embedder = HashEmbedder()
    hit = Hit(pid=0, symbol="TPNW/MSP/2025/11", number="30", text=TREATY, page="11", section="", score=1.0,
              sentence=sentence, annex="annex I")
    query = Query(question, embedder.encode_queries([question])[0], None, None)
    document = DocumentText(("TPNW/MSP/2025/11",), "Third Meeting of States Parties\n" + TREATY, "")
    return Answerer(embedder, None, threshold=0.24, documents=lambda symbol: document).answer(Search(query, [hit]))


def test_a_paragraph_far_off_an_unrelated_question_is_named_as_no_closest_one() -> None:
    """"Who won the 2022 FIFA World Cup final?" abstained naming a TPNW declaration paragraph as the
    closest, which "never names FIFA World Cup"."""
    answer = _answer("Who won the FIFA World Cup final?", sentence=0.05)
    assert answer.abstained and answer.closest is None and answer.nearest is None


def test_a_near_paragraph_that_never_names_the_asked_name_is_named() -> None:
    answer = _answer("What did Setsuko Thurlow call on all States to do about the Treaty?", sentence=0.9)
    assert answer.abstained and answer.closest is not None and "never names" in answer.closest.mismatch
