"""An office of a numbered meeting the paragraph gives only for another meeting is a near miss."""

from __future__ import annotations

from rag.answer.constraints import check_constraints, check_office_ordinal
from rag.answer.evidence import Evidence
from tests.conftest import said

# TPNW/MSP/2025/11/Rev.1, para. 6 (report of the third Meeting of States Parties).
_MASTHEAD = "Third Meeting of States Parties to the Treaty on the Prohibition of Nuclear Weapons (TPNW)"
_TEXT = ("At its 10th plenary meeting, on 1 December 2023, the second Meeting of States Parties elected Akan "
         "Rakhmetullin (Kazakhstan) as President of the third Meeting, in accordance with rule 6 (3) of the rules of "
         "procedure.")
_ELECTED = Evidence(_TEXT, f"{_MASTHEAD}\n{_TEXT}", ("TPNW/MSP/2025/11/Rev.1",), masthead=_MASTHEAD)


def test_the_president_of_another_meeting_answers_no_question_of_this_one() -> None:
    question = "Who was President of the second Meeting of States Parties to the TPNW?"
    assert said(check_office_ordinal(question, _ELECTED)) == \
        "names the President of the third meeting, not the President of the second meeting"
    assert said(check_constraints(question, _ELECTED)).startswith("names the President of the third meeting")


def test_the_office_asked_for_or_another_office_passes() -> None:
    assert check_office_ordinal("Who was President of the third Meeting of States Parties?", _ELECTED) is None
    # the paragraph names the asked one's office too
    both = Evidence("The Chair of the fifth session, Ms. Ruiz, handed over to the Chair of the sixth session.", "")
    assert check_office_ordinal("Who was Chair of the fifth session?", both) is None
    # another office, or no numbered meeting in the question: nothing to compare
    assert check_office_ordinal("Who was Rapporteur of the second Meeting?", _ELECTED) is None
    assert check_office_ordinal("Who was elected President of the Meeting?", _ELECTED) is None
    # "Chairperson" and "Chair" are one office
    chairperson = Evidence("It elected Ms. Lee as Chairperson of its fifty-ninth session.", "")
    assert said(check_office_ordinal("Who was Chair of the fifty-eighth session?", chairperson)) == \
        "names the Chair of the fifty-ninth session, not the Chair of the fifty-eighth session"


def test_an_office_of_several_numbered_meetings_is_of_the_first_named() -> None:
    several = Evidence("It elected Ms. Ruiz as Chair of the third, fourth and fifth sessions.", "")
    assert check_office_ordinal("Who was Chair of the third session?", several) is None
