"""Near misses between the General Assembly's Main Committees (rag.answer.committees)."""

from __future__ import annotations

from rag.answer.committees import check_main_committee
from rag.answer.evidence import Evidence
from tests.conftest import said

# A/53/603, para. 1 (shortened) and A/52/621, para. 8: reports of the Fourth Committee.
ALLOCATED = ("At its 3rd plenary meeting, on 15 September 1998, the General Assembly decided to include in the agenda "
             "of its fifty-third session the item and to allocate it to the Special Political and Decolonization "
             "Committee (Fourth Committee).")
ADOPTED = ("At the same meeting, the Committee adopted the draft resolution contained in document A/52/23 (Part III), "
           "chapter V, paragraph 12, by a recorded vote of 140 to 2, with 4 abstentions (see para. 10).")


def test_another_main_committee_s_paragraph_or_report_is_a_near_miss() -> None:
    recommended = "What did the Third Committee recommend in 1998 on the implementation of the Declaration?"
    assert said(check_main_committee(recommended, Evidence(ALLOCATED, ALLOCATED, ("A/53/603",)))) == \
        "is about the Fourth Committee, not the Third Committee"
    report = Evidence(ADOPTED, f"{ALLOCATED}\n{ADOPTED}", ("A/52/621",))
    assert said(check_main_committee("By what vote did the third committee adopt the draft resolution?", report)) == \
        "is about the Fourth Committee, not the Third Committee"
    assert check_main_committee("By what vote did the Fourth Committee adopt the draft resolution?", report) is None
    # a paragraph naming none, in a document naming the asked one too, may be its
    both = Evidence(ADOPTED, f"{ALLOCATED} The Third Committee also met.\n{ADOPTED}", ("A/52/621",))
    assert check_main_committee("By what vote did the Third Committee adopt the draft resolution?", both) is None


def test_a_committee_a_treaty_body_s_report_names_further_on_is_not_its_own() -> None:
    # A/80/48 (the Committee on Migrant Workers) tells of the Third Committee in para. 37 only
    task_force = ("On 9 December 2024, at its thirty-ninth session and following a joint plenary meeting with the "
                  "Committee on the Elimination of Racial Discrimination, the two Committees established a joint task "
                  "force.")
    later = "The Chair of the Committee presented the annual report to the Third Committee in October 2024."
    report = Evidence(task_force, f"{task_force}\n{later}", ("A/80/48",))
    assert said(check_main_committee("Who served as Rapporteur of the Sixth Committee in 2025?", report)) == \
        "is from a document that tells of the Third Committee, not the Sixth Committee"
    alone = Evidence(task_force, task_force, ("A/80/48",))
    assert said(check_main_committee("Who served as Rapporteur of the Sixth Committee in 2025?", alone)) == \
        "never names the Sixth Committee"
    assert check_main_committee("To which committee was the report presented? The Third Committee?", report) is None
