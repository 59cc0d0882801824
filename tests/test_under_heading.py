"""A recommendation set as an unnumbered heading gives way to the numbered paragraph under it
that answers it (rag.search.headings)."""

from __future__ import annotations

from rag.models import Hit
from rag.search.headings import answered_under, heads

SECTION = "III. Status of recommendations for the year ended 31 December 2023 > A. Humanitarian Response Division"
# DP/FPA/2025/2, p. 3 and para. 14 (shortened).
RECOMMENDED = ("In paragraph 38, the Board recommends that UNFPA assess and update the terms of reference of its "
               "Humanitarian Response Division.")
HEADING = Hit(pid=224, symbol="DP/FPA/2025/2", number="1", text=RECOMMENDED, page="3", section=SECTION, score=2.0,
              running=True)
RESPONSE = Hit(pid=225, symbol="DP/FPA/2025/2", number="14", page="4", section=f"{SECTION} > {RECOMMENDED}", score=0.0,
               text="The Humanitarian Response Division will leverage the rollout of the Emergency Policy and "
                    "Procedures to amend the Division's terms of references.")
STATUS = Hit(pid=226, symbol="DP/FPA/2025/2", number="3", page="4", section=SECTION, score=0.0, running=True,
             text="Business unit responsible Humanitarian Response Division Status Under implementation")


def test_a_numbered_paragraph_under_an_unnumbered_heading() -> None:
    assert heads(HEADING, RESPONSE)
    assert not heads(HEADING, STATUS)  # unnumbered, and under the section alone
    assert not heads(RESPONSE, HEADING)


def test_the_paragraph_under_the_heading_answers_what_was_done() -> None:
    question = "How will UNFPA's Humanitarian Response Division revise its terms of reference?"
    assert answered_under(question, [HEADING], [RESPONSE, STATUS]) is RESPONSE
    accept = "Does UNFPA accept the Board's recommendation on the Humanitarian Response Division's terms of reference?"
    assert answered_under(accept, [HEADING], [STATUS, RESPONSE]) is RESPONSE


def test_a_question_asking_what_was_recommended_keeps_the_heading() -> None:
    question = "What did the Board recommend about the terms of reference of the Humanitarian Response Division?"
    assert answered_under(question, [HEADING], [RESPONSE]) is None
    assert answered_under("How will the Division revise its terms?", [RESPONSE], [STATUS]) is None  # numbered first
    assert answered_under("How will the Division revise its terms?", [HEADING], [STATUS]) is None  # none under it
