"""Near misses between human rights treaty bodies: one committee's report does not answer for
another committee or its treaty."""

from __future__ import annotations

from rag.answer.constraints import check_constraints
from rag.answer.evidence import Evidence
from rag.answer.treaty_bodies import check_treaty_body

CAT_TITLE = "Report of the Committee against Torture Eightieth session (8–26 July 2024)"
BACKLOG = ("As at 2 May 2025, 47 initial/periodic reports of States Parties were awaiting consideration. "
           "The Committee’s backlog in reviewing reports was further exacerbated.")


def _cat(paragraph: str = BACKLOG) -> Evidence:
    document = paragraph + " The Committee met the Committee on Enforced Disappearances. Country reviews per year."
    return Evidence(paragraph, document, ("A/80/44",), title=CAT_TITLE)


def test_another_committee_asked_of_a_committee_s_report_is_a_near_miss() -> None:
    """The report writes the other committee's name elsewhere, so only this check tells."""
    question = "How many country reviews per year can the Committee on Enforced Disappearances carry out?"
    assert check_constraints(question, _cat()).describe() == "is about the Committee against Torture, not the Committee on Enforced Disappearances"


def test_another_committee_s_treaty_or_acronym_is_a_near_miss() -> None:
    cedaw = Evidence("As at the same date, there were 115 States Parties to the Optional Protocol to the Convention.",
                     "", ("A/80/38",), title="Report of the Committee on the Elimination of Discrimination against Women")
    asked = "How many States are parties to the Optional Protocol to the Convention on the Rights of the Child?"
    assert check_treaty_body(asked, cedaw).describe() == (
        "is about the Committee on the Elimination of Discrimination against Women, not the Convention on the Rights "
        "of the Child")
    assert check_treaty_body("When did CRPD adopt its general comment on work?", _cat()).describe() == \
        "is about the Committee against Torture, not CRPD"


def test_the_report_s_own_body_or_a_paragraph_naming_the_other_is_no_near_miss() -> None:
    assert check_treaty_body("How many reports awaited the Committee against Torture's consideration?", _cat()) is None
    assert check_treaty_body("How many reports awaited CAT and the Committee on Enforced Disappearances?", _cat()) is None
    joint = _cat("The Committee met the Committee on Enforced Disappearances on reprisals.")
    assert check_treaty_body("What did the Committee on Enforced Disappearances discuss on reprisals?", joint) is None
    other = Evidence(BACKLOG, BACKLOG, ("A/80/36",), title="Report of the United Nations High Commissioner")
    assert check_treaty_body("How many reports awaited the Committee on Enforced Disappearances?", other) is None


def test_a_treaty_s_words_inside_another_name_name_no_treaty_body() -> None:
    asked = "What did the World Conference against Racism, Racial Discrimination, Xenophobia adopt?"
    cedaw = Evidence("The Committee welcomed the Durban follow-up.", "", ("A/80/38",),
                     title="Report of the Committee on the Elimination of Discrimination against Women")
    assert check_treaty_body(asked, cedaw) is None
    assert check_treaty_body("What did the committee on enforced disappearances find?", _cat()).describe() == \
        "is about the Committee against Torture, not the committee on enforced disappearances"


def test_a_meeting_with_another_treaty_body_is_not_the_one_asked() -> None:
    """A/80/48, para. 51: the Committee on Migrant Workers' first joint meeting was with the
    Committee against Torture, not with the Committee on the Rights of the Child (tester 94)."""
    from rag.answer.treaty_bodies import check_paired_treaty_body

    title = ("Report of the Committee on the Protection of the Rights of All Migrant Workers and Members of Their "
             "Families")
    met = ("On 14 April 2025, the Committee on the Protection of the Rights of All Migrant Workers and Members of "
           "Their Families held its first joint meeting with the Committee against Torture.")
    evidence = Evidence(met, met, ("A/80/48",), "2025-06-01", title)
    crc = ("When did the Committee on Migrant Workers hold its first joint meeting with the Committee on the Rights "
           "of the Child?")
    assert check_paired_treaty_body(crc, evidence).describe() == \
        "is about the Committee against Torture, not the Committee on the Rights of the Child"
    cat = crc.replace("Committee on the Rights of the Child", "Committee against Torture")
    assert check_paired_treaty_body(cat, evidence) is None
    # the report's own committee, told of as "the Committee", is no other body
    own = "At its fortieth session, the Committee adopted its general comment No. 7."
    assert check_paired_treaty_body("When did the Committee on Migrant Workers adopt general comment No. 7?",
                                    Evidence(own, own, ("A/80/48",), "2025-06-01", title)) is None
