"""What the Secretary-General recommends is answered from his report's observations
(rag.search.observations), not from a paragraph recording others' recommendations."""

from __future__ import annotations

from pathlib import Path

from rag.search.observations import asks_counsel, counsels, in_own_section
from rag.service import Session
from tests.conftest import indexed_texts


def test_questions_asking_what_the_secretary_general_recommends() -> None:
    for question in ("What did the Secretary-General recommend on Abyei?",
                     "What are the Secretary-General's observations on the situation in Abyei?",
                     "What does the Secretary-General urge the parties to do?",
                     "What did the SG call for on Libya?"):
        assert asks_counsel(question), question
    for question in ("What did the governors recommend on Abyei?", "When did the Secretary-General visit Juba?",
                     "Which report did the Secretary-General submit?"):
        assert not asks_counsel(question), question
    assert in_own_section("VI. Observations and recommendations") and in_own_section("V. Observations")
    assert not in_own_section("II. Abyei > Political developments")
    assert counsels("I urge the Governments of the Sudan and South Sudan to resume talks.")
    assert counsels("I also call upon the parties to respect the ceasefire.")
    assert not counsels("The governors adopted a resolution that includes eight recommendations.")


# S/2025/269 (shape): the Governors' Forum's recommendations, then the Secretary-General's own.
REPORT = """S/2099/269

Situation in Abyei

Report of the Secretary-General

II. Political developments

1. On 27 October, the governors adopted a resolution on Abyei that the Secretary-General noted; it
recommends that the Abyei Legislature endorse the referendum, and the Secretary-General was asked to
recommend it to the Council.

2. The Under-Secretary-General visited Abyei and met the Chief Administrator.

VI. Observations and recommendations

3. The political situation in Abyei became more complex during the reporting period.

4. I urge the Governments of the Sudan and South Sudan to resume their engagement on the final status
of the Area.

5. I thank the Head of Mission for his tireless efforts towards peace in Abyei.
"""


def test_the_secretary_general_s_recommendation_is_his_own(tmp_path: Path) -> None:
    with Session(indexed_texts(tmp_path, {"S_2099_269.txt": REPORT})) as session:
        hits = session.search("What did the Secretary-General recommend on Abyei?")
        assert hits[0].number == "4"
        assert session.search("What did the governors recommend on Abyei?")[0].number == "1"


def test_an_official_of_the_secretary_general_is_not_he_and_a_heading_must_be_his() -> None:
    """Found in review: the Special Representative's calls, the Advisory Committee's view of his
    proposals, and a treaty body's "Follow-up to concluding observations" are not his."""
    from rag.search.observations import asks_advice, of_the_secretary_general

    for question in ("What did the Special Representative of the Secretary-General for Libya call for?",
                     "What did the Deputy Secretary-General urge?", "What did the Under-Secretary-General recommend?",
                     "What did the Secretary-General's Special Envoy propose?",
                     "What did the Advisory Committee recommend on the Secretary-General's proposals?"):
        assert not asks_counsel(question), question
    assert asks_advice("What did the Secretary-General recommend on Abyei?")
    assert not asks_advice("What are the Secretary-General's observations on the situation in Abyei?")
    assert not in_own_section("IV. Follow-up to concluding observations > A. Procedure")
    assert in_own_section("Annex > VI. Observations")
    assert of_the_secretary_general("Situation in Abyei Report of the Secretary-General")
    assert not of_the_secretary_general("Report of the Disarmament Commission for 2025")
