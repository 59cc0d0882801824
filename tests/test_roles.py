"""Office-holder questions are answered from the paragraph that names the officers."""

from __future__ import annotations

from pathlib import Path

from rag.search.roles import asked_office, assigns_office
from rag.service import Session
from tests.conftest import indexed_texts


def test_the_office_a_question_asks_about() -> None:
    assert asked_office("Who chaired the United Nations Disarmament Commission at its 2025 substantive session?") == "chair"
    assert asked_office("Who co-chaired the ninth session of the Regional Forum?") == "chair"
    assert asked_office("Who was elected Chair of the Special Committee for its February 2025 session?") == "chair"
    assert asked_office("Whom did the High Council of State elect as its President?") == "president"
    assert asked_office("Who presided over the opening meeting?") == "president"
    assert asked_office("Who served as Rapporteur of the Commission?") == "rapporteur"
    assert asked_office("What did the Chair propose for the organization of work?") is None
    assert asked_office("Who briefed the Committee on the Chair's visit?") is None


def test_a_paragraph_naming_the_officers() -> None:
    # Small extracts of real pages: A/80/42, para. 9; E/HLPF/2025/3/Add.3, para. 2; A/AC.182/2025/L.1, para. 5.
    assert assigns_office("During the session, the Bureau of the Commission was constituted as follows: Chair: "
                          "José Pereira Sosa (Paraguay) Vice-Chairs: Representatives of Egypt, Germany and Nigeria", "chair")
    assert assigns_office("The session was co-chaired by the Deputy Minister of Economy and Finance of Uzbekistan, "
                          "Umid Abidkhadjaev, and the Permanent Representative of Greece", "chair")
    assert assigns_office("At its 312th meeting, on 18 February, the Special Committee elected the following members "
                          "of its Bureau: Chair: Nathaniel Khng (Singapore)", "chair")
    assert not assigns_office("In opening the session, the Chair recalled the mandate of the Commission.", "chair")
    assert not assigns_office("The Chair: an opening statement", "president")


REPORT = """A/99/42
Report of the Disarmament Commission for 2099

1. The Disarmament Commission held its 2099 substantive session at Headquarters from 7 to 25 April 2099,
at which the Chair of the Disarmament Commission opened the substantive session and made a statement.

2. At its substantive session of 2099 the Disarmament Commission heard the Chair of the Commission on the
organization of work of the substantive session and the Commission adopted its agenda for the session.

3. During the session, the Bureau was constituted as follows: Chair: Ana Lima (Brazil) Vice-Chairs:
representatives of Egypt and Nigeria Rapporteur: Syed Raza (Pakistan).

4. The Commission held eight plenary meetings and its working groups held twelve meetings.
"""


def test_who_chaired_is_answered_from_the_officers_list(tmp_path: Path) -> None:
    settings = indexed_texts(tmp_path, {"A_99_42.txt": REPORT})
    with Session(settings) as session:
        question = "Who chaired the Disarmament Commission at its 2099 substantive session?"
        top = session.search(question)[0]
        assert (top.symbol, top.number) == ("A/99/42", "3")
        answer = session.ask(question)
        assert not answer.abstained and answer.citations[0].citation == "A/99/42, para. 3"
        assert "Ana Lima" in answer.citations[0].quote
        # A question about what the Chair did is not an office question: the ranking is left alone.
        assert session.search("What did the Chair of the Commission do when the substantive session opened?")[0].number == "1"
