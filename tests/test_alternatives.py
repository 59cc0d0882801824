"""A question about one member of a closed set (an energy source, a greenhouse gas, a mineral, a sea)
answered from a paragraph giving another member's figure is a near miss. The paragraphs are
extracts of A/80/188, A/CONF.230/2025/10 and A/AC.109/2025/18."""

from __future__ import annotations

from rag.answer.alternatives import alternatives, check_alternative, named_alternatives
from rag.answer.constraints import check_constraints, may_miss
from rag.answer.evidence import Evidence
from tests.conftest import said

_SILICON = ("There is also increasing evidence that renewable energy supply chains rely on forms of modern slavery. It "
            "has been reported that 35 per cent of the global supply of silicon for the solar industry comes from the "
            "Xinjiang Uighur Autonomous Region in China, where these allegations have been made.")
_SOLAR = ("Renewable energy has already become the cheapest power option in most parts of the world. The cost of "
          "electricity from solar power fell by 85 per cent between 2010 and 2020.")
_OCEAN = ("It regulates the climate and absorbs 30 per cent of human-generated carbon dioxide from the atmosphere. "
          "Coastal blue carbon habitats such as mangroves, tidal marshes and seagrass meadows sequester carbon.")
_SEMINAR = "The Special Committee held its 2024 Caribbean seminar in Caracas from 14 to 16 May."


def _evidence(text: str) -> Evidence:
    return Evidence(text, text, ("A/80/188",), "2025-07-21", "Renewable energy and human rights")


def test_another_member_of_the_set_is_a_near_miss() -> None:
    lithium = "What share of the global supply of lithium for batteries comes from the Xinjiang Uighur Region?"
    assert said(check_alternative(lithium, _evidence(_SILICON))) == "is about silicon, not lithium"
    wind = "By how much did the cost of electricity from onshore wind fall between 2010 and 2020?"
    assert said(check_alternative(wind, _evidence(_SOLAR))) == "is about solar power, not wind power"
    methane = "What share of human-generated methane does the ocean absorb?"
    assert said(check_alternative(methane, _evidence(_OCEAN))) == "is about carbon dioxide, not methane"
    pacific = "Where was the Special Committee's 2024 Pacific regional seminar held?"
    assert said(check_alternative(pacific, _evidence(_SEMINAR))) == "is about the Caribbean, not the Pacific"
    assert may_miss(methane) and said(check_constraints(methane, _evidence(_OCEAN))) == \
        "is about carbon dioxide, not methane"


def test_the_asked_member_or_no_member_named_is_no_near_miss() -> None:
    assert check_alternative("What share of the global supply of silicon comes from Xinjiang?", _evidence(_SILICON)) \
        is None
    assert check_alternative("By how much did the cost of solar photovoltaic electricity fall?", _evidence(_SOLAR)) \
        is None
    # the paragraph names no energy source: it may tell of wind in other words
    assert check_alternative("How much did onshore wind cost?", _evidence("Renewables became the cheapest option.")) \
        is None
    # one of the members asked is enough; "tidal marshes" are no energy source
    assert check_alternative("How much methane and carbon dioxide does the ocean absorb?", _evidence(_OCEAN)) is None
    assert check_alternative("Which tidal power projects are planned?", _evidence(_OCEAN)) is None
    assert not named_alternatives("Who chaired the Pacific Islands Forum?")
    assert not named_alternatives("What role did the North Atlantic Treaty Organization play?")


def test_sets_read_whole_words_in_their_case() -> None:
    assert said(check_alternative("Which Arctic States took part?", _evidence("The Antarctic Treaty parties met."))) \
        == "is about the Antarctic, not the Arctic"
    assert not named_alternatives("a pacific settlement of disputes")  # the word, not the ocean
    assert not named_alternatives("windows of opportunity and to wind down the mission")
    # a compound opened by a member names it
    batteries = _evidence("Demand for lithium-ion batteries is driving cobalt and nickel mining.")
    assert check_alternative("What share of global lithium demand comes from batteries?", batteries) is None
    coal = _evidence("The law exempted coal-fired power plants and new solar farms.")
    assert check_alternative("How many coal power plants were exempted?", coal) is None


def test_a_draft_resolution_is_no_draft_decision() -> None:
    vote = "At its 13th meeting, the Fourth Committee adopted the draft resolution by a recorded vote of 94 to 38."
    q = "What was the recorded vote on the draft decision on military activities by colonial Powers?"
    assert said(check_alternative(q, _evidence(vote))) == "is about a draft resolution, not a draft decision"


def test_the_other_end_of_the_income_scale_and_another_major_group() -> None:
    """A/80/176, para. 17 gives the poorest 50 per cent's share of emissions; E/HLPF/2025/2, para.
    10 the recommendations of the non-governmental organizations major group."""
    poorest = ("At the global level, it is estimated that the poorest 50 per cent of people accounted for only 12 per "
               "cent of global emissions in 2019.")
    richest = "What share of global emissions did the richest 10 per cent account for in 2019?"
    assert said(check_alternative(richest, _evidence(poorest))) == "is about the poorest, not the richest"
    assert check_alternative("What share of global emissions did the poorest half account for?", _evidence(poorest)) \
        is None
    ngos = ("In partnership, the non-governmental organizations major group presents the following recommendations "
            "for each Goal under review.")
    indigenous = "What did the Indigenous Peoples major group recommend on Goal 14?"
    assert said(check_alternative(indigenous, _evidence(ngos))) == \
        "is about the non-governmental organizations major group, not the Indigenous Peoples major group"
    assert check_alternative("What did the NGO major group recommend on Goal 14?", _evidence(ngos)) is None
    # a paragraph that names women, but no major group, is not checked
    assert check_alternative(indigenous, _evidence("Women and girls face barriers to education.")) is None


def test_the_top_and_bottom_shares_and_a_major_group_by_its_formal_name() -> None:
    """Found in review: "The top 10 per cent ... while the poorest half" names the richest too;
    "the Major Group for Children and Youth" is the children and youth major group."""
    both = "The top 10 per cent of earners receive 52 per cent of income, while the poorest half receives 8.5 per cent."
    assert check_alternative("What share of income do the richest 10 per cent receive?", _evidence(both)) is None
    groups = ("The Women's Major Group and the Major Group for Children and Youth called for climate finance "
              "commitments to be met.")
    assert check_alternative("What did the children and youth major group call for?", _evidence(groups)) is None
    assert said(check_alternative("What did the farmers major group call for?", _evidence(groups))) == \
        "is about the children and youth major group and the women's major group, not the farmers major group"


def test_the_morning_is_no_answer_for_the_afternoon() -> None:
    """A/AC.109/2025/L.2, para. 9: "morning meetings should begin at 10 a.m." does not say when
    afternoon meetings begin."""
    text = ("At its seventy-ninth session, the General Assembly decided to waive rules 67 and 108 of its rules of "
            "procedure. The Assembly also decided that morning meetings should begin at 10 a.m.")
    evidence = Evidence(text, text, ("A/AC.109/2025/L.2",), "2025-02-01", "Organization of work")
    assert said(check_alternative("At what time do afternoon meetings of the Special Committee begin?", evidence)) \
        == "is about the morning, not the afternoon"
    assert check_alternative("At what time do morning meetings of the Special Committee begin?", evidence) is None
    # a part of the day that sets no meeting is not asked of (found in review)
    attack = "On the morning of 7 October 2023, armed groups attacked communities."
    assert check_alternative("How many communities were attacked on 7 October 2023, into the afternoon?",
                             _evidence(attack)) is None
    # both parts of a day named together, and a timetable's "Monday, 9 June, afternoon" (found in review)
    both = "The Committee decided that morning and afternoon meetings would begin at 10 a.m. and 3 p.m."
    assert check_alternative("At what time should morning meetings of the Committee begin?", _evidence(both)) is None
    timetable = "Monday, 9 June, afternoon Question of Guam"
    assert said(check_alternative("What is scheduled for the morning of 9 June?", _evidence(timetable))) == \
        "is about the afternoon, not the morning"


def test_special_consultative_status_is_no_answer_for_general() -> None:
    """E/C.2/2025/2 heads each organization's quadrennial report with its status and year
    ("Afrique Espérance Special, 2020"): no answer for when it obtained general status (tester 77)."""
    entry = ("Afrique Espérance Special, 2020 Introduction Launched in 2010 and recognized by the Government of "
             "Benin, Afrique Espérance works for the well-being of children.")
    evidence = Evidence(entry, entry, ("E/C.2/2025/2",), "2025-01-01", "Quadrennial reports")
    assert said(check_alternative("When did Afrique Espérance obtain general consultative status with ECOSOC?",
                                  evidence)) == "is about special consultative status, not general consultative status"
    assert check_alternative("When did Afrique Espérance obtain special consultative status?", evidence) is None
    assert alternatives("the report of the Secretary-General, 2020") == []
    assert alternatives("the Attorney General, 2021 report") == alternatives("a roster of experts") == []
    assert alternatives("the special status of the city") == []
    assert alternatives("Anaja Roster, 2016 Introduction") == [("roster status", "consultative status")]


def test_a_group_of_countries_is_a_member_of_the_set_of_groups() -> None:
    """S/2025/342, para. 48: "On 13 December, Sao Tome and Principe officially graduated from the
    category of least developed countries" was cited for when it left the small island developing
    States, a category it still belongs to."""
    text = "On 13 December, Sao Tome and Principe officially graduated from the category of least developed countries."
    question = "When did Sao Tome and Principe graduate from the category of small island developing States?"
    assert said(check_alternative(question, _evidence(text))) == \
        "is about least developed countries, not small island developing States"
    assert check_alternative("When did Sao Tome and Principe leave the LDC category?", _evidence(text)) is None


def test_the_income_groups_of_countries_are_a_closed_set() -> None:
    """E/CN.6/2025/4, para. 9 (shortened) gives the unpaid care hours of women in low-income
    settings, not in high-income countries (tester 95); "low- and middle-income" names both."""
    care = ("Women spend on average 2.8 more hours per day than men on unpaid care and domestic work, with the gap "
            "widest in low-income settings.")
    evidence = Evidence(care, care, ("E/CN.6/2025/4",))
    assert said(check_alternative("How many more hours per day do women in high-income countries spend on unpaid "
                                  "care work than men?", evidence)) == \
        "is about low-income countries, not high-income countries"
    assert check_alternative("How many more hours do women in low-income countries spend on unpaid care?",
                             evidence) is None
    both = "Debt service now exceeds health spending in low- and middle-income countries."
    assert check_alternative("How does debt service compare with health spending in middle-income countries?",
                             Evidence(both, both, ("E/2025/8",))) is None
    # an upper- or lower-middle-income country is a middle-income one; a list hangs its words on one ending
    # (found in review: A/80/176, para. 13; "low-, middle- and high-income countries")
    assert {name for name, _ in alternatives("upper-middle-income countries")} == \
        {"upper-middle-income countries", "middle-income countries"}
    china = "Inequality has fallen in some middle-income countries, including China and India."
    assert check_alternative("How has income inequality changed in upper-middle-income countries such as China?",
                             Evidence(china, china, ("A/80/176",))) is None
    assert alternatives("What country has low income inequality and high presence of unions?") == []
    listed = "Debt service rose in low-, middle- and high-income countries alike."
    assert check_alternative("How did debt service change in low-income countries?",
                             Evidence(listed, listed, ("E/2025/8",))) is None
