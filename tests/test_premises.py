"""A question resting on an event the best paragraph tells the other way (rag.answer.premises)."""

from __future__ import annotations

import pytest

from rag.answer.evidence import Evidence
from rag.answer.premises import asked_events, check_premise


def _evidence(paragraph: str) -> Evidence:
    return Evidence(paragraph, paragraph)


@pytest.mark.parametrize("question, paragraph, described", [
    ("Why did the Scientific Committee turn down the Group's request for observer status?",
     "The Group provided input into the seventy-first session of the Scientific Committee, to which it was "
     "accepted as an official observer.", 'says "accepted", not "turn down"'),
    ("Why was the Commission's 2025 organizational session postponed until May?",
     "The Commission held its organizational session for 2025 on 7 April 2025.", 'says "held", not "postponed"'),
    ("Why did Libya withdraw its declaration?",
     "On 12 May, Libya, through a declaration to the Registrar, accepted the jurisdiction of the Court.",
     'says "accepted", not "withdraw"'),
])
def test_an_event_told_the_other_way_is_a_near_miss(question, paragraph, described):
    miss = check_premise(question, _evidence(paragraph))
    assert miss is not None and miss.describe() == described


@pytest.mark.parametrize("question, paragraph", [
    # the paragraph words the asked event too
    ("Why did the Committee reject the request?", "The Committee rejected the request it had accepted in 2023."),
    # the question words the opposite event itself
    ("Which session, held in May, was postponed?", "The session was held in May."),
    # an ending is worded in too many ways to be contradicted by a start
    ("When did BSkyB end their analogue service?", "BSkyB started its digital service in 1998."),
])
def test_no_near_miss_where_the_paragraph_does_not_tell_it_otherwise(question, paragraph):
    assert check_premise(question, _evidence(paragraph)) is None


def test_asked_events():
    assert asked_events("Why did the Assembly call off the vote?") == ["call off"]
    assert asked_events("At the end of 2024, how many were displaced?") == []
