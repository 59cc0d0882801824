"""Near misses between the Economic and Social Council's functional commissions (rag.answer.commissions),
on paragraphs as E/CN.6/2025/4 (Commission on the Status of Women) writes them."""

from __future__ import annotations

from rag.answer.commissions import check_commission
from rag.answer.constraints import check_constraints
from rag.answer.evidence import Evidence
from tests.conftest import said

_THEMES = ("The proposed priority and review themes for the seventieth, seventy-first, seventy-second and "
           "seventy-third sessions of the Commission are set out below: (a) Seventieth session (2026): Priority "
           "theme: Transforming care systems.")
_METHODS = ("The most recent review of the Commission's methods of work culminated in the adoption of Council "
            "resolution 2022/4. The next review, to be conducted in 2027, will be a further opportunity to assess "
            "lessons learned.")
_MASTHEAD = "Economic and Social Council\nCommission on the Status of Women\nSixty-ninth session"


def _evidence(text: str) -> Evidence:
    return Evidence(text, f"{_MASTHEAD}\n{_THEMES}\n{_METHODS}\nthe World Summit for Social Development in 2025",
                    ("E/CN.6/2025/4",), "2024-12-16", "Proposals on the Commission's priority and review themes",
                    masthead=_MASTHEAD)


def test_another_commissions_question_is_not_answered_from_this_ones_report() -> None:
    """Tester questions on the Commission for Social Development and the Commission on Population and
    Development were answered from the CSW report's "the Commission"."""
    miss = check_commission("What are the proposed priority themes of the Commission for Social Development for "
                            "2026?", _evidence(_THEMES))
    assert said(miss) == "is about the Commission on the Status of Women, not the Commission for Social Development"
    q = "When will the Commission on Population and Development review its methods of work?"
    assert said(check_constraints(q, _evidence(_METHODS))) == \
        "is about the Commission on the Status of Women, not the Commission on Population and Development"
    # the report's own commission, by name or acronym, passes
    for own in ("What are the proposed priority themes of the Commission on the Status of Women for 2026?",
                "What are CSW's proposed priority themes for 2026?", "What themes are proposed for 2026?"):
        assert check_commission(own, _evidence(_THEMES)) is None, own
    # a paragraph naming the asked commission tells of it
    joint = _THEMES + " The Commission for Social Development will consider the same theme."
    assert check_commission("What theme will the Commission for Social Development consider?", _evidence(joint)) is None


def test_a_national_commission_and_a_country_programme_document_are_no_functional_commission() -> None:
    """"the National Statistical Commission of Kenya" is not the Statistical Commission; UNFPA's
    "CPD" (country programme document) is not the Commission on Population and Development."""
    for q in ("What did the National Statistical Commission of Kenya report on its census?",
              "What does UNFPA's CPD for Bangladesh prioritize?"):
        assert check_commission(q, _evidence(_THEMES)) is None, q


def test_another_commission_s_report_is_said_before_a_year_its_paragraph_gives() -> None:
    """E/CN.6/2025/4, para. 6 (shortened): the Commission on the Status of Women's themes for 2026 and
    beyond are no answer for the Commission on Population and Development, and the reason says so,
    not "is about 2023, not 2026" (tester 95)."""
    themes = ("The selection of priority themes enables the Commission to add impetus to the accelerated realization "
              "of gender equality. Following the completion of the second review cycle of the high-level political "
              "forum in September 2023, the Commission's selection of its future priority themes should continue.")
    masthead = "Economic and Social Council; Commission on the Status of Women\nSixty-ninth session"
    title = ("Proposals on the Commission's priority and review themes for 2026 and beyond Report of the "
             "Secretary-General")
    elsewhere = "The Commission on Population and Development and other functional commissions set their own themes."
    evidence = Evidence(themes, f"{title}\n{themes}\n{elsewhere}", ("E/CN.6/2025/4",), "2024-12-16", title,
                        masthead=masthead)
    assert said(check_constraints("Which priority themes did the Commission on Population and Development choose for "
                                  "2026?", evidence)) == \
        "is about the Commission on the Status of Women, not the Commission on Population and Development"
