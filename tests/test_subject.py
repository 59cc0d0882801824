"""The question's subject inside its document: the words most of the document's paragraphs hold
decide nothing there, so its paragraphs are ranked a second time with them down-weighted
(rag.search.subject, Retriever.within)."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from rag.config import Settings, load_settings
from rag.index.terms import ParagraphTerms
from rag.models import Hit
from rag.search.query import Search
from rag.search.subject import MIN_PARAGRAPHS, combined, masthead_terms, subject_terms
from rag.service import Session, build
from rag.textutil import content_terms, named_terms, without_terms
from tests.conftest import indexed_texts, shared_path


def _paragraphs(*texts: str) -> list[ParagraphTerms]:
    return [ParagraphTerms.of(t) for t in texts]


def test_names_most_paragraphs_hold_are_the_subject() -> None:
    doc = _paragraphs("The Committee met in Geneva and adopted its report.", "The Committee elected its Chair.",
                      "The Committee adopted its report.", "Members of the Committee read the report.",
                      "The budget was approved.", "The session closed.")
    assert subject_terms("Who chaired the Committee in Geneva?", doc) == {"committe"}  # Geneva: one paragraph
    # "report" is in most paragraphs too, but the question does not name it: it asks about it
    assert subject_terms("Which report did the Committee adopt?", doc) == {"committe"}


def test_a_short_document_has_no_subject() -> None:
    doc = _paragraphs(*["The Committee met."] * (MIN_PARAGRAPHS - 1))
    assert subject_terms("When did the Committee meet?", doc) == set()


@pytest.mark.parametrize("text, expected", [
    ("Who chaired the Ad Hoc Committee on the Indian Ocean in 2025?", {"ad", "hoc", "committe", "indian", "ocean"}),
    ("UNDP made how many recommendations to the Board?", {"undp", "board"}),  # an acronym opening the question
    ("Where do you share my information?", set()),  # the opening word is no name
])
def test_the_names_a_question_gives(text: str, expected: set[str]) -> None:
    assert named_terms(text) == expected


@pytest.mark.parametrize("text, dropped, expected", [
    ("Who chaired the Ad Hoc Committee on the Indian Ocean in 2025?", {"committe", "indian", "ocean"},
     "Who chaired the Ad Hoc on the in 2025?"),
    ("How many States’ reports did the Committee consider?", {"committe"},
     "How many States’ reports did the consider?"),
    ("What did UNDP report?", set(), "What did UNDP report?"),
])
def test_the_subject_words_are_dropped_from_the_question(text: str, dropped: set[str], expected: str) -> None:
    assert without_terms(text, dropped) == expected


def test_the_question_without_its_subject_decides_a_near_tie() -> None:
    whole = np.array([3.0, 2.9, 0.0, 0.0, 0.0])
    assert int(np.argmax(combined(whole, np.array([0.0, 1.0, 0.0, 0.0, 0.0])))) == 1
    assert int(np.argmax(combined(whole, np.zeros(5)))) == 0  # an even reduced score keeps the order


REPORT = """A/99/29
Report of the Ad Hoc Committee on the Indian Ocean

1. By its resolution 98/13, the General Assembly, having taken note of the report of the Ad Hoc
Committee on the Indian Ocean, requested the Committee to report at its hundredth session.

2. The Ad Hoc Committee on the Indian Ocean held one meeting at United Nations Headquarters.

3. The members of the Ad Hoc Committee on the Indian Ocean are listed in the annex.

4. The Ad Hoc Committee on the Indian Ocean considered the zone of peace in the region.

5. Following elections to fill vacancies in the Bureau, the officers of the Committee were as
follows: Chair: Jayantha Jayasuriya (Sri Lanka); Vice-Chairs: Demi Della-Porta (Australia),
Inacio Domingos (Mozambique); Rapporteur: Sherley Sandiori (Indonesia).

6. The Ad Hoc Committee on the Indian Ocean adopted its report at the same meeting.
"""
OTHER = """A/99/30
Report of the Committee on Contributions

1. The Committee on Contributions reviewed the scale of assessments for the period 2025-2027.
"""


@pytest.fixture()
def settings(tmp_path: Path) -> Settings:
    return indexed_texts(tmp_path, {"A_99_29.txt": REPORT, "A_99_30.txt": OTHER})


def _whole_and_ranked(session: Session, question: str, k: int) -> tuple[list[Hit], Search]:
    """The question's hybrid hits before the second look inside the best document, and its ranking."""
    retriever = session.retriever
    query = retriever.prepare(question)
    cands = retriever.candidates(query)
    return retriever.hits(cands, retriever.scores(query, cands), k), retriever.rank(query, k=k)["hybrid"]


def test_the_subject_finds_the_document_and_the_rest_its_paragraph(settings: Settings) -> None:
    question = "Who chaired the Ad Hoc Committee on the Indian Ocean?"
    with Session(settings) as session:
        whole, found = _whole_and_ranked(session, question, 3)
        assert (whole[0].symbol, whole[0].number) == ("A/99/29", "1")  # the subject pulls the mandate up
        assert (found.hits[0].symbol, found.hits[0].number) == ("A/99/29", "5")
        assert found.focus is None  # ranked for the question itself: its support and quote are the question's
        assert {h.symbol for h in found.hits} == {h.symbol for h in whole}  # the other document keeps its place
        answer = session.ask(question)
        assert not answer.abstained and answer.citations[0].citation == "A/99/29, para. 5"


def test_a_question_without_a_subject_keeps_its_ranking(settings: Settings) -> None:
    with Session(settings) as session:
        whole, found = _whole_and_ranked(session, "Which officers were elected to fill vacancies in the Bureau?", 5)
        assert [h.pid for h in found.hits] == [h.pid for h in whole]


def test_a_long_document_is_sampled_evenly_for_its_subject():
    import numpy as np

    from rag.search.subject import SUBJECT_SAMPLE, subject_sample

    assert subject_sample(np.arange(10)) == list(range(10))
    sample = subject_sample(np.arange(5 * SUBJECT_SAMPLE))
    assert len(sample) == SUBJECT_SAMPLE and sample[0] == 0 and sample[-1] == 5 * SUBJECT_SAMPLE - 1



def test_the_question_s_words_the_masthead_writes_are_its_subject() -> None:
    masthead = ("Report of the Special Committee on Peacekeeping Operations 2025 substantive session "
                "General Assembly Seventy-ninth session")
    question = "How many members did the Special Committee on Peacekeeping Operations have at its 2025 session?"
    assert masthead_terms(question, masthead) == content_terms(
        "Special Committee on Peacekeeping Operations 2025 session")
    assert masthead_terms(question, "") == set()


@pytest.mark.slow
def test_the_masthead_finds_the_document_and_the_rest_its_paragraph(tmp_path: Path) -> None:
    """E/CN.6/2025/5's title names the ministerial round tables and its masthead the Commission's
    sixty-ninth session; its paragraph 1 restates them and comes first for the whole question.
    Ranked for the rest of the question (the time limit on ministers' interventions), paragraph 7,
    which sets it, is cited, supported by the paragraph that found the document."""
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("E_CN.6_2025_5.en.pdf", "A_79_19.en.pdf"):
        shutil.copy(shared_path("data", "un_corpus", "pdf", name), docs)
    settings = load_settings(env={}, index_dir=tmp_path / "indexes")  # the bundled model
    build(settings, [docs])
    question = ("What time limit applies to interventions by ministers at the ministerial round tables of the "
                "sixty-ninth session of the Commission on the Status of Women?")
    with Session(settings) as session:
        whole, found = _whole_and_ranked(session, question, 3)
        assert whole[0].citation == "E/CN.6/2025/5, para. 1"
        assert found.hits[0].citation == "E/CN.6/2025/5, para. 7"
        assert found.found_with is not None and found.found_with.pid == whole[0].pid
        answer = session.answer(found)
        assert not answer.abstained and answer.citations[0].citation == "E/CN.6/2025/5, para. 7"
