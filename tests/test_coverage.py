"""Near misses by the period a report covers (rag.answer.coverage), on the opening paragraphs of
the shared UN reports."""

from __future__ import annotations

from rag.answer.constraints import check_constraints
from rag.answer.coverage import check_coverage, covered_from
from rag.answer.evidence import Evidence

UNDOF = ("The present report provides an account of the activities of the United Nations Disengagement Observer "
         "Force (UNDOF) from 19 February to 19 May 2025, pursuant to the mandate set out in Security Council "
         "resolution 350 (1974) and extended in subsequent Council resolutions, most recently resolution 2766 (2024).")
BARRELS = ("As part of the return to full mandate implementation on the Bravo side, UNDOF continued restoring, "
           "repainting and refurbishing the barrels marking the ceasefire line and the Bravo line, with 132 barrels "
           "restored along the ceasefire line and 153 barrels along the Bravo line (see figure I).")


def test_the_period_a_report_says_it_covers() -> None:
    assert covered_from(UNDOF) == (2025, 2)
    assert covered_from("The present report, submitted pursuant to paragraph 49 of Security Council resolution 2765 "
                        "(2024), covers major developments in the Democratic Republic of the Congo since the previous "
                        "report of 29 November 2024. It describes the progress.") == (2024, 11)
    assert covered_from("Introduction\nThe report covers the period from 16 November to 14 February 2025.") == (2024, 11)
    assert covered_from("It covers the period since the issuance of the previous report of the Secretary-General "
                        "(S/2024/740), from 2 October 2024 to 15 April 2025.") == (2024, 10)
    # another report's period, and a date far from "from", are not this report's
    assert covered_from("The report of the Group covering the period from February 2023 was presented.") is None
    assert covered_from("The present report gives an overview of the supplements from 2019 to 2021, which were "
                        "put online in all six official languages, with the next expected by May 2025.") is None


def test_something_done_before_the_covered_period_is_a_near_miss() -> None:
    document = f"{UNDOF}\nThe Force had restored 90 barrels in 2024.\n{BARRELS}"
    report = Evidence(BARRELS, document, ("S/2025/350",), "2025-06-03")
    asked = "How many barrels marking the ceasefire line did UNDOF restore between May and August 2024?"
    mismatch = check_constraints(asked, report)
    assert mismatch is not None
    assert mismatch.describe() == "is of a report covering from February 2025, not May–August 2024"
    assert check_coverage(asked.replace("between May and August 2024", "in March 2025"), report) is None
    assert check_coverage(asked.replace("between May and August 2024", "in January 2025"), report) is None  # slack
    # a month the paragraph names itself, and a time that dates something else, are answered
    recalled = Evidence(BARRELS + " In May 2024, 40 barrels were restored.", report.document, report.symbols,
                        report.date)
    assert check_coverage(asked, recalled) is None
    assert check_coverage("How many barrels did UNDOF restore since the December 2024 agreement?", report) is None
    assert check_coverage("How many barrels will UNDOF restore by May 2024?", report) is None


def test_a_period_start_is_never_after_the_document_and_a_month_after_a_year_opens_none() -> None:
    since = "The present report covers developments since 14 October, including elections scheduled for December 2025."
    assert covered_from(since, (2025, 1)) == (2024, 10)
    assert covered_from("The present report covers the activities of the Office from its establishment in 2019 "
                        "through to June 2025.") is None
    assert covered_from("This report covers the period from 1 January to 31 December 2024.") == (2024, 1)


def test_a_paragraph_telling_of_a_month_inside_the_asked_range_answers() -> None:
    para = "In June 2024, 40 barrels were restored along the ceasefire line."
    report = Evidence(para, f"{UNDOF}\n{para}", ("S/2025/350",), "2025-06-03")
    assert check_coverage("How many barrels did UNDOF restore between May and August 2024?", report) is None


def test_a_range_asked_mostly_before_the_covered_period_is_a_near_miss() -> None:
    """S/2025/415 covers 14 March to 17 June 2025; "between December 2024 and March 2025" asks of
    months three of four of which come before it, so "During the reporting period, ... approximately
    9,870 housing units" does not give the asked months' figure (tester 81)."""
    opening = ("The present report is the thirty-fourth quarterly report on the implementation of Security Council "
               "resolution 2334 (2016), covering the period from 14 March to 17 June 2025.")
    housing = ("During the reporting period, the Israeli planning authorities advanced or approved approximately 9,870 "
               "housing units in the occupied West Bank, including East Jerusalem.")
    report = Evidence(housing, f"{opening}\n{housing}", ("S/2025/415",), "2025-06-24")
    asked = ("How many housing units were advanced or approved in the occupied West Bank between December 2024 and "
             "March 2025?")
    assert check_coverage(asked, report).describe() == \
        "is of a report covering from March 2025, not December 2024–March 2025"
    # a range mostly inside the period, and one month before it, are answered
    assert check_coverage(asked.replace("December 2024 and March 2025", "February and May 2025"), report) is None
    assert check_coverage(asked.replace("between December 2024 and March 2025", "in February 2025"), report) is None
    # a paragraph giving its own months or days answers for them (found in review)
    dated = Evidence("From 1 December to 31 March, approximately 2,000 housing units were advanced.",
                     report.document, report.symbols, report.date)
    assert check_coverage(asked, dated) is None


def test_a_report_named_by_the_months_it_covers_is_not_the_one_before() -> None:
    """S/2025/200, para. 1 (shortened): the UNMIK report covering 16 September 2024 to 15 March 2025 is
    not "the report on UNMIK covering March to September 2025", the next of the series (tester 94)."""
    from rag.answer.coverage import check_report_covering

    opening = ("The present report is submitted pursuant to Security Council resolution 1244 (1999). The report "
               "covers the activities of UNMIK, and related developments, from 16 September 2024 to 15 March 2025.")
    evidence = Evidence(opening, opening, ("S/2025/200",), date="2025-04-01")
    asked = "What period does the Secretary-General's report on UNMIK covering March to September 2025 describe?"
    assert check_report_covering(asked, evidence).describe() == \
        "is from a report on 16 September 2024 to 15 March 2025, not March to September 2025"
    same = "What period does the Secretary-General's report on UNMIK covering September 2024 to March 2025 describe?"
    assert check_report_covering(same, evidence) is None
    assert check_report_covering("What did UNMIK do between March and September 2025?", evidence) is None
    # another's report the paragraph tells of, by the months it covers (S/2025/200, annex I; found in review)
    eulex = ("On 11 November 2024, EULEX presented its fourth public Justice Monitoring Report – covering September "
             "2022–September 2023.")
    told = Evidence(eulex, f"{opening}\n{eulex}", ("S/2025/200",), date="2025-04-01")
    assert check_report_covering("When did EULEX present its fourth Justice Monitoring Report covering September "
                                 "2022 to September 2023?", told) is None
    assert check_report_covering("What did the Secretary-General's report covering September 2022 to September "
                                 "2023 say?", told) is None
    # named without the Secretary-General, with days (found in review)
    assert check_report_covering("What did the report on UNMIK covering 16 March to 15 September 2024 say about "
                                 "missing persons?", evidence) is not None
    # a range of months of two years is the report's (tester 62: UNDOF, 19 November 2024 to 18 February 2025)
    undof = ("The present report provides an account of the activities of UNDOF from 19 November 2024 to 18 February "
             "2025.")
    asked = "In the Secretary-General's report on UNDOF covering November 2024 to February 2025, how many patrols?"
    assert check_report_covering(asked, Evidence(undof, undof, ("S/2025/154",), date="2025-03-01")) is None
