"""A figure asked over one span of time and given over another is a near miss (A/CONF.230/2025/10,
para. 9)."""

from __future__ import annotations

from rag.answer.constraints import check_constraints, may_miss
from rag.answer.evidence import Evidence
from rag.answer.spans import check_span
from tests.conftest import said

_SEA = Evidence("Over the past 30 years, global sea levels have risen by 9 cm, the rate of sea level rise having "
                "doubled over this period.", "", ("A/CONF.230/2025/10",))


def test_another_span_of_the_same_unit_is_a_near_miss() -> None:
    q = "How much have global sea levels risen over the past 100 years?"
    assert said(check_span(q, _SEA)) == "is about the past 30 years, not the past 100 years"
    assert may_miss(q) and said(check_constraints(q, _SEA)) == "is about the past 30 years, not the past 100 years"
    assert said(check_span("How much did it rise in the last two decades?",
                           Evidence("In the last three decades it rose by half.", ""))) == \
        "is about the past 3 decades, not the past 2 decades"


def test_the_asked_span_another_unit_or_none_is_no_near_miss() -> None:
    assert check_span("How much have sea levels risen over the past thirty years?", _SEA) is None
    assert check_span("How much have sea levels risen over the past 12 months?", _SEA) is None
    assert check_span("How much have sea levels risen since 1990?", _SEA) is None
    assert check_span("How much have sea levels risen over the past 100 years?",
                      Evidence("Global sea levels have risen by 20 cm since 1900.", "")) is None
    since = Evidence("Sea levels have risen by 10 cm since 1993, and by 4 cm over the past 10 years.", "")
    assert check_span("How much have sea levels risen over the past thirty years?", since) is None
    assert said(check_span("How much did it rise over the past seventeen years?",
                           Evidence("Over the past 30 years it rose by 9 cm.", ""))) == \
        "is about the past 30 years, not the past 17 years"


def test_the_other_side_of_the_month_asked_of_is_a_near_miss() -> None:
    """S/2025/509, para. 43 gives the Libyan dinar's rate since the April 2025 devaluation."""
    from rag.answer.spans import check_side

    rate = Evidence("The official exchange rate has remained at 5.57 dinars since 6 April.", "", ("S/2025/509",))
    before = "What was the official exchange rate of the Libyan dinar before the April 2025 devaluation?"
    assert said(check_side(before, rate)) == "gives the figure since 6 April, not before April"
    assert said(check_constraints(before, rate)) == "gives the figure since 6 April, not before April"
    assert check_side("What has the official exchange rate been since April?", rate) is None
    assert check_side("What was the rate after 6 April?", rate) is None
    # a paragraph stating no side of the month is not judged
    assert check_side(before, Evidence("The rate was 4.8 dinars in April.", "", ())) is None


def test_the_side_of_a_month_is_judged_with_its_year_any_case_and_the_asked_side_in_words() -> None:
    """Found in review: "since April 2023" is no figure since April 2025; "Since 6 April" opening a
    sentence is a side; a paragraph that also gives the rate "until the devaluation" gives the
    figure before it; a question opening "Before ..." asks of a side."""
    from rag.answer.spans import check_side

    displaced = Evidence("Some 12 million people had been displaced since April 2023.", "", ("S/2025/1",))
    assert check_side("How many people had been displaced in the Sudan before April 2025?", displaced) is None
    opening = Evidence("Since 6 April, the official exchange rate has remained at 5.57 dinars.", "", ("S/2025/509",))
    assert said(check_side("Before the April 2025 devaluation, what was the official rate?", opening)) == \
        "gives the figure Since 6 April, not before April"
    both = Evidence("The rate was 4.8 dinars until the devaluation; it has remained at 5.57 dinars since 6 April.", "",
                    ("S/2025/509",))
    assert check_side("What was the official rate prior to April 2025?", both) is None


def test_a_figure_for_another_run_of_months_is_a_near_miss() -> None:
    """S/2025/202, para. 8 gives the ADF's civilian fatalities "between September 2024 and
    February 2025": asked of March to September 2024, it was cited."""
    from rag.answer.spans import check_months

    paragraph = ("The Allied Democratic Forces (ADF) were reportedly responsible for 150 security incidents in North "
                 "Kivu and Ituri Provinces between September 2024 and February 2025, with 498 civilian fatalities.")
    evidence = Evidence(paragraph, paragraph, ("S/2025/202",))
    miss = check_months("How many civilian fatalities did ADF cause between March and September 2024?", evidence)
    assert miss is not None and miss.describe() == "gives September 2024 to February 2025, not March to September 2024"
    for held in ("between September 2024 and February 2025", "from October to December 2024", "in 2024"):
        assert check_months(f"How many civilian fatalities did ADF cause {held}?", evidence) is None, held
    assert check_months("How many fatalities between November and February 2025?", evidence) is None


def test_a_run_of_months_compared_with_or_written_otherwise_is_no_other_period() -> None:
    """S/2025/504, para. 16 gives the basket's cost "in June, compared with ... in March" and a
    run of other months for another index: asked of March to June 2025, it answers. A run after
    "compared with" is the comparison's; a sentence may open on "Between"."""
    from rag.answer.spans import check_months

    basket = ("Food prices rose between August 2024 and May 2025. The cost of the minimum expenditure basket reached "
              "SSP 678,767 in June, compared with SSP 546,963 in March.")
    question = "How much did the cost of the minimum expenditure basket rise between March and June 2025?"
    assert check_months(question, Evidence(basket, basket, ("S/2025/504",))) is None
    compared = ("Between 1 March and 30 September 2024, 1,200 incidents were recorded, compared with 900 from "
                "September 2023 to February 2024.")
    asked = "How many incidents were recorded between March and September 2024?"
    assert check_months(asked, Evidence(compared, compared, ("S/1",))) is None
    other = "From October 2024 to January 2025, 1,200 incidents were recorded."
    miss = check_months(asked, Evidence(other, other, ("S/1",)))
    assert miss is not None and miss.describe() == "gives October 2024 to January 2025, not March to September 2024"


def test_a_figure_for_a_run_of_years_ending_another_year_is_a_near_miss() -> None:
    """E/2025/73, para. 11: "From 2010 to 2023, new HIV infections declined by 39 per cent" asked
    "from 2010 to 2024"; the asked run, one the paragraph writes with the asked end, or runs far
    apart are no near miss."""
    from rag.answer.spans import check_year_run

    para = "From 2010 to 2023, new HIV infections declined by 39 per cent globally."
    evidence = Evidence(para, para, ("E/2025/73",))
    q = "By how much did new HIV infections decline from 2010 to 2024?"
    assert said(check_year_run(q, evidence)) == "gives 2010-2023, not 2010-2024"
    assert said(check_year_run("By how much did new HIV infections decline between 2011 and 2023?", evidence)) == \
        "gives 2010-2023, not 2011-2023"
    assert check_year_run("By how much did new HIV infections decline from 2010 to 2023?", evidence) is None
    assert check_year_run("By how much did infections decline from 1990 to 2024?", evidence) is None
    both = Evidence(para + " In 2024 the decline continued.", para, ("E/2025/73",))
    assert check_year_run(q, both) is None
    assert check_constraints(q, evidence) is not None
    # two years joined by "and" are no run
    two = Evidence("Emissions in 2015 and 2018 rose.", "", ("A/80/1",))
    assert check_year_run("How did emissions change from 2015 to 2020?", two) is None


def test_a_month_asked_of_a_paragraph_giving_other_months_is_a_near_miss() -> None:
    """S/2025/154, para. 31 counts UNDOF's operational activities "in November, 378 in December
    and 531 in January": asked of October 2024, it was cited. S/2025/200, para. 40 tells of
    September 2023, 17 October 2024 and 14 March: asked what was done in January 2025."""
    from rag.answer.spans import check_month_given

    undof = ("UNDOF monthly operational patrols continued in the areas of separation and limitation, with 1,098 "
             "operational activities carried out in November, 378 in December and 531 in January (see figure II).")
    report = "The present report gives an account of the activities of UNDOF from 20 November 2024 to 19 February 2025."
    evidence = Evidence(undof, f"{report}\n{undof}", ("S/2025/154",))
    q = "What were UNDOF operational activities in October 2024?"
    assert may_miss(q)
    assert said(check_month_given(q, evidence)) == "tells of November, December and January, not October 2024"
    assert said(check_constraints(q, evidence)) == "tells of November, December and January, not October 2024"
    kosovo = ("Issues related to the use of trials in absentia were also raised in the case of the serious security "
              "incident in Banjska/Banjskë in September 2023. In its response on 17 October 2024, the Supreme Court "
              "emphasized that judges were free to interpret the law. On 14 March, the Court of Appeals upheld the "
              "decision of the Basic Court in Pristina, confirming the indictment against the accused.")
    asked = "How many Kosovo Serb judges were appointed to the Supreme Court of Kosovo in January 2025?"
    assert said(check_month_given(asked, Evidence(kosovo, kosovo, ("S/2025/200",)))) == \
        "tells of September, October and March, not January 2025"


def test_a_month_the_paragraph_names_covers_or_that_dates_the_report_is_no_near_miss() -> None:
    """The asked month written, a run or a "since" that may hold it, one other month only, or the
    month that dates the report ("the Secretary-General's report ... transmitted in May 2025")."""
    from rag.answer.spans import check_month_given

    def given(question: str, paragraph: str) -> object:
        return check_month_given(question, Evidence(paragraph, paragraph, ("S/1",)))

    months = "1,098 activities were carried out in November, 378 in December and 531 in January."
    assert given("How many activities were carried out in December 2024?", months) is None
    assert given("How many activities were carried out in january 2025?", months) is None
    darien = ("From January to March 2025, the number of Haitians crossing the Darién Gap has declined. In January "
              "2025, only 32 Haitians crossed the gap, followed by just 9 in February.")
    assert given("How many Haitians crossed the Darién Gap in March 2025?", darien) is None
    since = "Since September, 378 patrols were conducted, and 531 in January."
    assert given("How many patrols were conducted in October 2024?", since) is None
    assert given("How many patrols were conducted in October 2024?", "On 5 November, 12 patrols were held.") is None
    assert given("In the UNODC report transmitted in May 2025, what sentence did the Hinche court give?",
                 "In January, the court sentenced him; in November, he appealed.") is None
    assert given("How many patrols were conducted between October and December 2024?", months) is None


def test_a_run_of_months_written_without_an_opening_word_or_a_session_may_hold_the_asked_month() -> None:
    """Found in review: "During the period 1 September to 30 November 2024" holds October; so may a
    quarter, a season or a session the paragraph names without its month; "tell ... in March 2025"
    dates a statement."""
    from rag.answer.spans import check_month_given

    def given(question: str, paragraph: str) -> object:
        return check_month_given(question, Evidence(paragraph, paragraph, ("S/1",)))

    asked = "How many civilian casualties did UNAMA record in October 2024?"
    for paragraph in ("During the period 1 September to 30 November 2024, UNAMA recorded 320 casualties, compared "
                      "with 290 in June and July 2024.",
                      "From mid-September to late November, 320 casualties were recorded, and 290 in June.",
                      "Between September—November, 320 casualties were recorded, and 290 in June.",
                      "In the fourth quarter of 2024, 320 casualties were recorded, against 290 in June and July.",
                      "At its eighty-ninth session, the Committee decided to meet in February and in June."):
        assert given(asked, paragraph) is None, paragraph
    assert given("What did the Secretary-General tell the Council in March 2025 about UNDOF patrols?",
                 "UNDOF carried out 1,098 activities in November and 378 in December.") is None
    many = "Patrols: 10 in January, 12 in February, 9 in March, 14 in April and 11 in May."
    assert said(given("How many patrols were conducted in October 2024?", many)) == \
        "tells of January, February, March and two others, not October 2024"
