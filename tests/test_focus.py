"""Document focus: a question's leading clause names its document; the paragraph is ranked
for what the question asks of it (rag.search.focus, Retriever.focused)."""

from __future__ import annotations

from pathlib import Path

import pytest

from rag.search.focus import focus
from rag.service import Session
from tests.conftest import indexed_texts


@pytest.mark.parametrize("question, expected", [
    ("In the Secretary-General's report on Haiti to the fifty-ninth session, what did the police recruit?",
     "What did the police recruit?"),
    ("According to the 2024 annual report on the evaluation function, how much did UNFPA spend?",
     "How much did UNFPA spend?"),
    ("In the Fourth Committee's October 1998 report on decolonization, by what recorded vote was it adopted?",
     "By what recorded vote was it adopted?"),
    ("In the letter dated 3 March 2025 from the Permanent Representative, which country hosts the talks?",
     "Which country hosts the talks?"),
])
def test_a_leading_clause_naming_a_document_is_dropped(question: str, expected: str) -> None:
    assert focus(question) == expected


@pytest.mark.parametrize("question", [
    "In the 1960s, what did the committee decide?",  # a time, not a document
    "In Geneva, which body met?",  # a place
    "What did the Secretary-General report on Haiti?",  # no leading clause
    "In which year was the report adopted?",  # the question itself opens with "In"
    "Under the report, the plan?",  # no question after the comma
])
def test_other_questions_are_kept_whole(question: str) -> None:
    assert focus(question) == question


REPORT = """A/99/1
Report of the Secretary-General on the situation of the police in Haiti

1. The present report on the situation of the police in Haiti is submitted to the General Assembly
pursuant to its resolution 98/7 on the situation of the police in Haiti.

2. During the period, the Haitian National Police recruited 500 new officers and opened three
training centres in the south of the country.

3. The Secretary-General thanks the Member States for their contributions to the trust fund.
"""
OTHER = """A/99/2
Report of the Secretary-General on the budget of the Organization

1. The proposed budget for the biennium amounts to 3 billion dollars, an increase of two per cent.
"""


def test_the_clause_finds_the_document_and_the_rest_its_paragraph(tmp_path: Path) -> None:
    settings = indexed_texts(tmp_path, {"A_99_1.txt": REPORT, "A_99_2.txt": OTHER})
    question = ("In the Secretary-General's report on the situation of the police in Haiti, "
                "how many new officers were recruited?")
    with Session(settings) as session:
        retriever = session.retriever
        query = retriever.prepare(question)
        cands = retriever.candidates(query)
        whole = retriever.hits(cands, retriever.scores(query, cands), 3)
        assert (whole[0].symbol, whole[0].number) == ("A/99/1", "1")  # the clause pulls the introduction up
        found = retriever.rank(query)["hybrid"]
        assert (found.hits[0].symbol, found.hits[0].number) == ("A/99/1", "2")
        assert found.focus is not None and found.focus.text == "How many new officers were recruited?"
        assert {h.symbol for h in found.hits} == {h.symbol for h in whole}  # the other document keeps its place
        answer = session.ask(question)
        assert not answer.abstained and answer.citations[0].citation == "A/99/1, para. 2"
