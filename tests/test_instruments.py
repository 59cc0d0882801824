"""A treaty the question names by its own words that the document never names (rag.answer.instruments)."""

from __future__ import annotations

from rag.answer.constraints import check_constraints, may_miss
from rag.answer.evidence import Evidence
from rag.answer.instruments import check_instrument_named, named_instruments
from tests.conftest import said

# TPNW/MSP/2025/11/Rev.1, annex II, decision 2 (b), and words of its list of organizations.
_TPNW = ("(b) To elect South Africa as President of the first Review Conference of the Parties to the Treaty on the "
         "Prohibition of Nuclear Weapons.")
_DOCUMENT = (_TPNW + "\n18. Center for Countermeasures against Chemical and Biological Warfare Agents*\n"
             "Recalling the Treaty on the Non-Proliferation of Nuclear Weapons and the Comprehensive Nuclear-Test-Ban "
             "Treaty.")


def test_a_treaty_the_document_never_names_is_a_near_miss() -> None:
    """Asked of the Chemical Weapons Convention, the TPNW's decisions were cited: the document writes
    "Chemical" only in an organization's name, never in a treaty's."""
    evidence = Evidence(_TPNW, _DOCUMENT, ("TPNW/MSP/2025/11/Rev.1",))
    q = "Who was elected President of the first Review Conference of the Chemical Weapons Convention?"
    assert may_miss(q)
    assert said(check_instrument_named(q, evidence)) == \
        "is from a document that never names the Chemical Weapons Convention"
    assert check_constraints(q, evidence) is not None
    bwc = "What is the maximum assessment rate for contributions to the Biological Weapons Convention meeting?"
    assert said(check_instrument_named(bwc, evidence)) == \
        "is from a document that never names the Biological Weapons Convention"
    assert named_instruments("Which States joined the Convention on Biological Diversity in 2024?") == \
        [("Convention on Biological Diversity", ["Biological", "Diversity"])]


def test_a_treaty_the_document_names_in_other_words_or_by_its_initials_is_named() -> None:
    evidence = Evidence(_TPNW, _DOCUMENT, ("TPNW/MSP/2025/11/Rev.1",))
    for q in ("Who presides over the Treaty on the Prohibition of Nuclear Weapons Review Conference?",
              "Who was President of the Meeting of the Treaty on the Prohibition of Nuclear Weapons in Vienna?",
              "How does the Nuclear-Test-Ban Treaty relate to the Meeting?",
              "Which articles of ILO Convention No. 169 require States to consult Indigenous Peoples?",
              "What does the Convention say?"):
        assert check_instrument_named(q, evidence) is None, q
    acronym = Evidence(_TPNW, _DOCUMENT + " States parties to the CWC.", ("TPNW/MSP/2025/11/Rev.1",))
    assert check_instrument_named("What did the Chemical Weapons Convention decide?", acronym) is None
    ilo = ("the International Labour Organization (ILO) Indigenous and Tribal Peoples Convention, 1989 (No. 169) and "
           "other core human rights treaties")
    assert check_instrument_named("What does the Indigenous and Tribal Peoples Convention require?",
                                  Evidence(ilo, ilo, ("A/HRC/EMRIP/2025/3",))) is None


def test_a_treaty_s_formal_name_or_a_form_of_its_words_names_it() -> None:
    """Found in review: formal names run on past commas ("... Stockpiling and Use of Chemical
    Weapons and on Their Destruction"), "relating to", plural forms, a possessive and the
    non-breaking hyphen; and a paragraph and title naming no treaty are about none to mistake."""
    named = {
        "How many States are parties to the Chemical Weapons Convention?":
            "By 2024, 193 States were parties to the Convention on the Prohibition of the Development, Production, "
            "Stockpiling and Use of Chemical Weapons and on Their Destruction.",
        "How many States joined the Refugee Convention?":
            "The 1951 Convention relating to the Status of Refugees has 146 States parties.",
        "How many States ratified the Disability Convention?":
            "The Convention on the Rights of Persons with Disabilities was ratified by 191 States.",
        "How many parties has the Women's Convention?":
            "The Convention on the Elimination of All Forms of Discrimination against Women has 189 parties.",
        "When did the Comprehensive Nuclear-Test-Ban Treaty enter into force for Ghana?":
            "The Comprehensive Nuclear\u2011Test\u2011Ban Treaty entered into force for Ghana.",
    }
    for question, paragraph in named.items():
        assert check_instrument_named(question, Evidence(paragraph, paragraph, ("A/80/1",))) is None, question
    untreated = Evidence("Decides to apply a maximum assessment rate of 22 per cent.", _DOCUMENT, ("TPNW/1",))
    assert check_instrument_named("What did the Chemical Weapons Convention decide?", untreated) is None


def test_a_resolution_asked_with_another_year_than_the_paragraph_writes_is_a_near_miss() -> None:
    """S/2025/176, para. 85 writes "In line with Security Council resolution 2765 (2024)": asked of
    "resolution 2765 (2025)", it was cited."""
    from rag.answer.years import check_resolution_given_year

    para = ("In line with Security Council resolution 2765 (2024) and its mandate, MONUSCO remained committed to "
            "delivering targeted support.")
    evidence = Evidence(para, para, ("S/2025/176",))
    q = "What did Security Council resolution 2765 (2025) decide about MONUSCO's mandate?"
    assert may_miss(q)
    assert said(check_resolution_given_year(q, evidence)) == "cites resolution 2765 (2024), not resolution 2765 (2025)"
    assert said(check_constraints(q, evidence)) == "cites resolution 2765 (2024), not resolution 2765 (2025)"
    assert check_resolution_given_year("What did resolution 2765 (2024) decide?", evidence) is None
    assert check_resolution_given_year("What did resolution 2740 (2025) decide?", evidence) is None


def test_resolutions_listed_or_by_symbol_are_read_and_other_figures_in_brackets_are_none() -> None:
    """Found in review: "resolutions 2765 (2025) and 2808 (2025)", "S/RES/2765 (2025)"; "$12,765
    (2024)" is no resolution."""
    from rag.answer.years import check_resolution_given_year, resolutions_with_year

    assert resolutions_with_year("resolutions 2765 (2025) and 2808 (2025)") == [("2765", "2025"), ("2808", "2025")]
    assert resolutions_with_year("S/RES/2765 (2025)") == [("2765", "2025")]
    money = "Expenditure reached $12,765 (2024) against $13,100 (2025)."
    asked = "What did resolution 765 (2025) decide?"
    assert check_resolution_given_year(asked, Evidence(money, money, ("A/1",))) is None
    listed = "In its resolutions 2700 (2023) and 2765 (2024), the Council renewed the mandate."
    assert said(check_resolution_given_year("What did resolution 2765 (2025) decide?",
                                            Evidence(listed, listed, ("S/1",)))) == \
        "cites resolution 2765 (2024), not resolution 2765 (2025)"
