"""Near misses in time, in the document's owner and in the document a question cites: the checks
of rag.answer.timing and rag.answer.subjects, on paragraphs as the UN documents write them."""

from __future__ import annotations

from dataclasses import replace

from rag.answer.constraints import Evidence, check_constraints, check_own_session, may_miss, periods
from rag.answer.subjects import check_organization, check_paragraph_organization, check_symbol
from rag.answer.timing import _another_month, check_timing
from tests.conftest import said

MINUSCA = Evidence(
    paragraph="As at 1 February, the MINUSCA military component deployed 13,990 troops (9.19 per cent women) "
              "out of an authorized strength of 14,400 personnel.",
    document="", symbols=("S/2025/97",), date="2025-02-14",
    title="Central African Republic Report of the Secretary-General")
CED = Evidence(paragraph="As at 6 June 2025, there were 77 States parties to the Convention.", document="",
               symbols=("A/80/56",), date="2025-07-01")


def test_a_figure_asked_as_at_another_day_is_a_near_miss() -> None:
    assert said(check_timing("How many troops had MINUSCA's military component deployed as at 1 June 2025?",
                              MINUSCA)) == "gives the figure as at 1 February, not 1 June 2025"
    assert check_timing("How many troops had MINUSCA deployed as at 1 February 2025?", MINUSCA) is None


def test_a_figure_asked_at_a_month_s_end_or_in_a_month_is_asked_as_at_a_day() -> None:
    """S/2025/211, para. 35 ("As at 23 March, 42,308 cases ... had been reported") does not give the
    cases "as at the end of December 2024"."""
    cholera = Evidence(paragraph="South Sudan is grappling with a cholera outbreak. As at 23 March, 42,308 cases and "
                                 "759 deaths had been reported in 42 counties.", document="",
                       symbols=("S/2025/211",), date="2025-04-07", title="Situation in South Sudan")
    assert said(check_timing("How many cholera cases had South Sudan reported as at the end of December 2024?",
                             cholera)) == "gives the figure as at 23 March, not the end of December 2024"
    assert said(check_timing("How many cholera cases had been reported as of December 2024?", cholera)) == \
        "gives the figure as at 23 March, not December 2024"
    assert check_timing("How many cholera cases had been reported as at the end of March 2025?", cholera) is None
    assert check_timing("How many cholera cases had been reported as of March 2025?", cholera) is None
    assert check_timing("How many troops had MINUSCA deployed as at the start of February 2025?", MINUSCA) is None
    # a month asked without its year, of a paragraph dating that month with one; a month's end given
    dated = Evidence(paragraph="As at 23 March, 42,308 cases had been reported, against 20,000 in December 2024.",
                     document="", symbols=("S/2025/211",), date="2025-04-07")
    assert check_timing("How many cholera cases had been reported as of December?", dated) is None
    year_end = Evidence(paragraph="As at 23 March, 42,308 cases had been reported; as at the end of December 2024, "
                                  "20,000.", document="", symbols=("S/2025/211",), date="2025-04-07")
    assert check_timing("How many cholera cases had been reported as at 31 December 2024?", year_end) is None


def test_a_month_asked_that_the_report_was_issued_in_is_no_exception() -> None:
    # A small extract of a real page: S/2025/154, para. 11, of a report dated 12 March 2025.
    undof = Evidence(paragraph="On 15 January, following consultation with the Mine Action Service, UNDOF disposed of "
                               "1,000 kg of unexploded ordinance at an abandoned position south of the village of Arnah.",
                     document="", symbols=("S/2025/154",), date="2025-03-12",
                     title="United Nations Disengagement Observer Force Report of the Secretary-General")
    assert said(check_timing("How much unexploded ordnance did UNDOF dispose of in March 2025?", undof)) == \
        "gives 15 January 2025, not March 2025"
    assert check_timing("How much unexploded ordnance did UNDOF dispose of in January 2025?", undof) is None
    # A committee's report issued in the month it met tells of that meeting: its month stays its own.
    committee = Evidence(paragraph="At its 4th meeting, the Committee adopted the draft decision on the working methods, "
                                   "which the Bureau had circulated on 28 May.",
                         document="", symbols=("E/AC.99/2025/2",), date="2025-06-20", title="Report of the Committee")
    assert check_timing("Which draft decision did the Committee adopt at its meeting in June 2025?", committee) is None


def test_a_number_asked_for_one_day_that_the_paragraph_gives_for_a_period_is_a_near_miss() -> None:
    # A small extract of a real page: E/HLPF/2025/3/Add.4, para. 20.
    forum = Evidence(paragraph="A total of 43 side events and 14 other associated events were scheduled to be held "
                               "between 12 February and 5 March 2025.", document="", symbols=("E/HLPF/2025/3/Add.4",),
                     date="2025-05-02", title="Report of the Twelfth Asia-Pacific Forum on Sustainable Development")
    assert said(check_timing("How many side events were held at the Forum on 24 February 2025?", forum)) == \
        "gives the whole of 12 February to 5 March 2025, not 24 February 2025"
    # the period itself, a day outside it (another check's), a day the paragraph names, or no number asked
    assert check_timing("How many side events were held between 12 February and 5 March 2025?", forum) is None
    assert check_timing("How many side events were held on 24 March 2025?", forum) is None
    day = Evidence(forum.paragraph + " On 24 February, 12 of them were held.", "", ("E/HLPF/2025/3/Add.4",),
                   "2025-05-02", forum.title)
    assert check_timing("How many side events were held at the Forum on 24 February 2025?", day) is None
    assert check_timing("Which side events were held at the Forum on 24 February 2025?", forum) is None


def test_a_day_the_paragraph_gives_with_another_year_is_a_near_miss() -> None:
    assert said(check_timing("How many States parties did the Convention have as at 6 June 2024?", CED)) == \
        "gives 6 June 2025, not 6 June 2024"
    assert check_timing("How many States parties did the Convention have as at 6 June 2025?", CED) is None


def test_a_month_the_paragraph_gives_with_another_year_is_a_near_miss() -> None:
    # A/80/56, para. 50, as the report writes it.
    reminders = Evidence(paragraph="In February 2025, the Committee sent reminders to Belize, Benin, Malawi and "
                                   "Samoa, whose replies to the lists of issues were overdue.",
                         document="", symbols=("A/80/56",), date="2025-07-01")
    question = "Which States Parties did the Committee remind in {} that their replies were overdue?"
    assert said(check_timing(question.format("February 2024"), reminders)) == "gives February 2025, not February 2024"
    assert check_timing(question.format("February 2025"), reminders) is None
    assert check_timing(question.format("March 2024"), reminders) is None  # a month the paragraph does not give


def test_a_report_named_by_another_month_is_a_near_miss() -> None:
    april = Evidence(paragraph="UNSMIL maintained an average presence of 314 civilian staff members.", document="",
                     symbols=("S/2025/223",), date="2025-04-11")
    question = "How many civilian staff did UNSMIL maintain according to the Secretary-General's {} report?"
    assert said(check_timing(question.format("December 2024"), april)) == \
        "dates from April 2025, not the December 2024 report"
    assert check_timing(question.format("April 2025"), april) is None
    assert check_timing(question.format("March 2025"), april) is None  # a report dated at a month's turn
    # A/AC.109/2025/L.13, para. 20 tells of another body's report of that month.
    task_force = Evidence(paragraph="In its report of December 2005, the Task Force stated that there were only two "
                                    "non-territorial options recognized by the United States Constitution.",
                          document="", symbols=("A/AC.109/2025/L.13",), date="2025-03-10")
    assert check_timing("According to the Task Force's December 2005 report, which non-territorial options does the "
                        "US Constitution recognize for Puerto Rico?", task_force) is None
    december = Evidence(paragraph="In December 2024, UNSMIL maintained an average presence of 314 civilian staff.",
                        document="", symbols=("S/2025/223",), date="2025-04-11")  # a month of events, no report's
    assert said(check_timing(question.format("December 2024"), december)) == \
        "dates from April 2025, not the December 2024 report"
    for other in ("Humanitarian partners in December 2024 reported 312 incidents.",  # a verb, no report
                  "In its report of December 2024, the Panel of Experts found 312 incidents."):  # another author's
        evidence = Evidence(paragraph=other, document="", symbols=("S/2025/223",), date="2025-04-11")
        assert said(check_timing(question.format("December 2024"), evidence)) == \
            "dates from April 2025, not the December 2024 report"
    # S/2025/54, para. 34 (shortened): another body's report, dated by its day of release alone
    ipc = Evidence(paragraph="According to the Integrated Food Security Phase Classification (IPC) report released on "
                             "18 November, an estimated 6.3 million people are experiencing high levels of acute food "
                             "insecurity, including 41,000 people in IPC phase 5 (catastrophe).", document="",
                   symbols=("S/2025/54",), date="2025-01-14")
    asked = "How many people in South Sudan were in IPC phase 5 according to the {} report?"
    assert check_timing(asked.format("November 2024 IPC"), ipc) is None
    assert said(check_timing(asked.format("October 2024 IPC"), ipc)) == \
        "dates from January 2025, not the October 2024 report"
    assert said(check_timing(asked.format("November 2024 FAO"), ipc)) == \
        "dates from January 2025, not the November 2024 report"
    # the name given elsewhere in the paragraph than before the report's release, or another year
    fao = Evidence(paragraph="According to the FAO report released on 18 November, 41,000 people were in IPC phase 5.",
                   document="", symbols=("S/2025/54",), date="2025-01-14")
    assert said(check_timing(asked.format("November 2024 IPC"), fao)) == \
        "dates from January 2025, not the November 2024 report"
    older = Evidence(paragraph=ipc.paragraph.replace("18 November", "18 November 2023"), document="",
                     symbols=("S/2025/54",), date="2025-01-14")
    assert said(check_timing(asked.format("November 2024 IPC"), older)) == "gives November 2023, not November 2024"
    previous = Evidence(paragraph="The present report covers developments since the previous report of 11 October "
                                  "2024 (S/2024/730).", document="", symbols=("S/2025/97",), date="2025-02-14")
    assert said(check_timing("What period did the Secretary-General's October 2024 report on the Central African "
                             "Republic cover?", previous)) == "dates from February 2025, not the October 2024 report"


def test_a_day_or_months_after_the_document_was_issued_are_near_misses() -> None:
    chad = Evidence(paragraph="Legislative elections were held in Chad on 29 December. The reported voter turnout "
                              "was 52.37 per cent.", document="", symbols=("S/2025/342",), date="2025-06-02")
    assert said(check_timing("What was the voter turnout in Kosovo's early legislative elections of 28 December "
                              "2025?", chad)) == "dates from June 2025, before December 2025"
    somalia = Evidence(paragraph="From 23 September 2024 to 19 March 2025, 92 access incidents were documented.",
                       document="", symbols=("S/2025/194",), date="2025-03-28")
    assert said(check_timing("How many humanitarian access incidents were documented in Somalia between March and "
                              "August 2025?", somalia)) == "dates from March 2025, before August 2025"
    minusca = Evidence(paragraph="In Birao, the number of Sudanese refugees at the Korsi site increased to 18,729.",
                       document="", symbols=("S/2025/97",), date="2025-02-14")
    assert said(check_timing("Korsi refugee site Birao population June 2025", minusca)) == \
        "dates from February 2025, before June 2025"
        # What holds from the next month's first day may be stated before it; what is planned, too.
    members = Evidence(paragraph="As at 1 January 2025, the Special Committee will be composed of 29 members.",
                       document="", symbols=("A/AC.109/2025/L.1",), date="2024-12-20")
    assert check_timing("Special Committee decolonization membership 1 January 2025", members) is None
    assert check_timing("When is the election scheduled to be held, on 28 December 2025?", chad) is None


def test_a_document_cited_by_its_symbol_must_be_the_one_answering() -> None:
    cat = Evidence(paragraph="As at 2 May 2025, the Committee had registered, since 1989, 1,260 complaints.",
                   document="", symbols=("A/80/44",))
    assert said(check_symbol("In the Committee against Torture's report (A/79/44), how many complaints had it "
                              "registered?", cat)) == "is about A/80/44, not A/79/44"
    assert check_symbol("In its report (A/80/44), how many complaints had it registered?", cat) is None
    assert check_symbol("What did the UNDP/UNFPA/UNOPS Executive Board decide?", cat) is None  # no symbol


def test_a_document_of_another_organization_is_a_near_miss() -> None:
    unfpa = Evidence(paragraph="Overall, 165 cases were concluded by year-end in 2024.", document="",
                     symbols=("DP/FPA/2025/6",),
                     title="UNFPA – Internal audit and investigation Report of the Office of Audit and Investigation "
                           "Services")
    assert said(check_organization("How many new investigation cases did UNICEF's Office of Internal Audit "
                                    "receive in 2024?", unfpa)) == "is about UNFPA, not UNICEF"
    assert check_organization("How many cases did UNFPA's audit office conclude in 2024?", unfpa) is None
    eclac = Evidence(paragraph="All three recommendations were implemented.", document="", symbols=("E/AC.51/2025/2",),
                     title="Evaluation of the Economic Commission for Latin America and the Caribbean (OIOS)")
    assert check_organization("How many ECLAC recommendations were implemented?", eclac) is None  # spelled out
    assert may_miss("UNICEF consecutive unqualified audit opinions")  # a keyword query is checked too


def test_the_organization_a_joint_board_s_title_opens_on_owns_the_document() -> None:
    """DP/FPA/2025/7's masthead opens on its segment ("UNFPA –") before an agenda item naming all
    three organizations' ethics offices: its paragraph 23 does not tell of UNDP's Ethics Office."""
    ethics = Evidence(paragraph="In 2024, the Ethics Office received 20 queries regarding protection against "
                                "retaliation.", document="", symbols=("DP/FPA/2025/7",),
                      title="UNFPA \u2013 Reports of UNDP, UNFPA, and UNOPS Ethics Offices United Nations Population "
                            "Fund Report of the Ethics Office 2024")
    assert said(check_organization("How many requests for advice did the UNDP Ethics Office receive in 2024?",
                                    ethics)) == "is about UNFPA, not UNDP"
    assert check_organization("How many queries did the UNFPA Ethics Office receive in 2024?", ethics) is None
    assert check_organization("How many queries did the Ethics Office receive in 2024?", ethics) is None
    # the owner asked beside another: "UNFPA's joint review with UNDP"
    assert check_organization("How many queries did UNFPA's and UNDP's ethics offices receive?", ethics) is None
    # the paragraph writing the asked organization tells of it
    joint = Evidence(paragraph="UNDP and the Ethics Office held a joint training.", document="",
                     symbols=("DP/FPA/2025/7",), title=ethics.title)
    assert check_organization("What did UNDP's Ethics Office do with UNFPA's?", joint) is None
    assert check_organization("What training did UNDP hold with the Ethics Office?", joint) is None
    # a title naming the asked one beside its segment's alone is about both ("UNDP – ... UNCDF in 2024")
    uncdf = Evidence(paragraph="The Fund approved 12 loans.", document="", symbols=("DP/2025/99",),
                     title="UNDP \u2013 United Nations Capital Development Fund Report on UNCDF in 2024")
    assert check_organization("How many loans did UNCDF approve in 2024?", uncdf) is None
    # a title that names the joint list elsewhere than at its start has no segment
    listed = Evidence(paragraph="The offices met twice.", document="", symbols=("UNW/2025/9",),
                      title="Joint report of UNICEF, UNDP and UN-Women \u2013 ethics")
    assert check_organization("How often did UNDP's office meet?", listed) is None
    # "UNDP: Report on ..." after the agenda item names no other: the title's own organization
    undp = Evidence(paragraph="Of the 31 recommendations, 20 were implemented.", document="", symbols=("DP/2025/3",),
                    title="Recommendations of the Board of Auditors UNDP: Report on the recommendations of the "
                          "United Nations Board of Auditors for 2023")
    assert said(check_organization("How many Board of Auditors recommendations to UNOPS were implemented?",
                                    undp)) == "is about UNDP, not UNOPS"


def test_another_organization_s_paragraph_of_a_joint_report_is_a_near_miss() -> None:
    # A small extract of a real page: DP/2025/20, para. 6, a joint board's report that names
    # UNICEF only in passing elsewhere.
    document = ("The UNDP Director of the Office of Audit and Investigations (OAI) presented the annual report. "
                "UNDP welcomed the report. The Board of UNDP noted it. The joint meeting with UNICEF took place.")
    joint = Evidence(paragraph="The UNDP Director of the Office of Audit and Investigations (OAI) presented the annual "
                               "report on internal audit and investigations activities in 2024 (DP/2025/10).",
                     document=document, symbols=("DP/2025/20",),
                     title="Organizational matters Report of the annual session 2025")
    assert said(check_paragraph_organization("How many new investigation cases did UNICEF's Office of Internal Audit "
                                             "receive in 2024?", joint)) == "is about UNDP, not UNICEF"
    assert check_paragraph_organization("How many cases did UNDP's audit office receive in 2024?", joint) is None
    # A paragraph spelling out the asked organization's name writes it.
    spelled = Evidence(paragraph="In 2024, the United Nations Children's Fund, working with WFP, vaccinated 1.2 million "
                                 "children.", document="WFP. WFP. WFP. WFP. UNICEF.", symbols=("S/2099/1",), title="Yemen")
    assert check_paragraph_organization("How many children did UNICEF vaccinate in Yemen in 2024?", spelled) is None
    # The asked organization's own report (it writes it more often than the one its paragraph names).
    annex = Evidence(paragraph="In 2024, the Dominican Republic deported 1,099 unaccompanied children, UNICEF said.",
                     document="UNODC found ... UNODC reported ... UNODC said ... UNICEF said.", symbols=("S/2025/303",),
                     title="Letter dated 28 May 2025 from the Secretary-General")
    assert check_paragraph_organization("In the UNODC report on Haiti, how many children were deported in 2024?",
                                        annex) is None


def test_another_organization_spelled_out_by_its_paragraph_is_a_near_miss() -> None:
    # A small extract of a real page: A/AC.109/2025/L.9, para. 13, which names ECLAC by its full name only.
    eclac = Evidence(paragraph="Recalls the adoption by the Economic Commission for Latin America and the Caribbean of "
                               "its resolution 574 (XXVII) of 16 May 1998, calling for the necessary mechanisms for its "
                               "associate members to participate in the special sessions of the General Assembly,",
                     document="the Economic Commission for Latin America and the Caribbean ... regional commissions",
                     symbols=("A/AC.109/2025/L.9",), title="Implementation of the Declaration")
    assert said(check_paragraph_organization("Which ESCAP resolution calls for mechanisms for associate members to "
                                             "take part in special sessions?", eclac)) == "is about ECLAC, not ESCAP"
    assert check_paragraph_organization("Which ECLAC resolution calls for mechanisms for associate members?",
                                        eclac) is None
    # UN-Women by its full name is an organization too (the aliases' keys are upper-case)
    women = Evidence(paragraph="The United Nations Entity for Gender Equality and the Empowerment of Women supported 40 "
                               "shelters in 2024.", document="UN-Women ... UN-Women ... UNICEF",
                     symbols=("UNW/2099/1",), title="Annual report")
    assert said(check_paragraph_organization("How many shelters did UNICEF support in 2024?", women)) == \
        "is about UN-Women, not UNICEF"
    # a name and its acronym in brackets name an organization once: two ECA and two ESCAP are no majority
    once = Evidence(paragraph="The Economic Commission for Africa (ECA) convened the forum.",
                    document="The Economic Commission for Africa (ECA) convened the forum. ECA chaired it. ESCAP noted "
                             "it. ESCAP too.",
                    symbols=("E/HLPF/2099/1",), title="Regional forums")
    assert check_paragraph_organization("Which forum did ESCAP convene?", once) is None


def test_an_entity_named_un_hyphen_is_an_organization_spelled_by_its_name() -> None:
    # A small extract of a real page: DP/2025/23, para. 36, UNDP's budget.
    undp = Evidence(paragraph="Total expenditure for 2026-2029 is projected at $21.9 billion.", document="",
                    symbols=("DP/2025/23",),
                    title="UNDP integrated resources plan and integrated budget estimates, 2026-2029")
    assert said(check_organization("UN-Women total expenditure 2022", undp)) == "is about UNDP, not UN-Women"
    # "United Nations" does not spell UN-Women; its full name does.
    assert said(check_organization("UN-Women total expenditure", Evidence(
        "The United Nations system spent $21.9 billion.", "", ("DP/2025/23",), title=undp.title))) == \
        "is about UNDP, not UN-Women"
    assert check_organization("UN-Women total expenditure", Evidence(
        "The United Nations Entity for Gender Equality and the Empowerment of Women spent $1 billion.", "",
        ("DP/2025/23",), title=undp.title)) is None


def test_periods_written_with_months_and_a_document_s_dated_year() -> None:
    assert periods("from April 2024 to March 2025") == {(2024, 2025)}
    assert periods("1 July 2023 to 30 June 2024") == {(2023, 2024)}
    audit = Evidence(paragraph="The Board recommended that UNDP cover the costs of early programming by 2025.",
                     document="The audit of 2023. The year 2025.", symbols=("DP/2025/3",))
    # "its 2023 audit" dates the document the question is about, not the fact asked for.
    assert check_constraints("What did the Board recommend UNDP do to cover early programming costs, in its 2023 "
                             "audit?", audit) is None


def test_a_country_the_paragraph_replaces_with_another_is_a_near_miss() -> None:
    south_sudan = "Situation in South Sudan Report of the Secretary-General"
    hosting = Evidence(paragraph="As at March 2025, South Sudan was hosting 544,437 refugees and asylum-seekers from "
                                 "the Sudan.", document="Ethiopia. South Sudan. Sudan.", symbols=("S/2025/211",),
                       title=south_sudan)
    assert said(check_constraints("In the Secretary-General's April 2025 report on South Sudan, how many refugees "
                                   "from Ethiopia was South Sudan hosting?", hosting)) == "is about Sudan, not Ethiopia"
    # The country of the document's title is its subject: its paragraphs need not name it.
    cholera = Evidence(paragraph="As at 15 January, cholera cases had climbed to 20,375, including arrivals from the "
                                 "Sudan.", document="South Sudan. Sudan.", symbols=("S/2025/54",), title=south_sudan)
    assert check_constraints("How many cholera cases had South Sudan recorded as at 15 January 2025?", cholera) is None
    # A country that names a body is not the place asked about.
    witnesses = Evidence(paragraph="Protective measures cover witnesses who testified in cases concerning Serbia.",
                         document="Rwanda. Serbia. The former Yugoslavia.", symbols=("A/80/275",),
                         title="Residual Mechanism")
    assert check_constraints("Which witnesses of the Rwanda and Yugoslavia tribunals are protected?",
                             witnesses) is None


def test_a_country_a_report_on_no_one_country_never_names_is_said_so() -> None:
    """E/2025/73 (the UNAIDS report) names Malawi, four other countries in para. 20 and the United
    States most often elsewhere: a question on Zambia was "about United States"."""
    from rag.answer.constraints import _check_country
    from rag.answer.evidence import Constraint

    para = ("For example, viral suppression rates among people living with HIV in Malawi rose from 52 per cent in 2015 "
            "to 87 per cent in 2023. Innovations are improving diagnosis in countries such as Mozambique, Nigeria, "
            "South Africa and the United Republic of Tanzania.")
    report = Evidence(para, para + " United States. United States. Kenya. Kenya. Brazil. India. Chile. Peru.", ("E/2025/73",),
                      title="Joint United Nations Programme on HIV/AIDS")
    assert said(_check_country(Constraint("country", "Zambia", "Zambia"), report)) == \
        "is from a document that never names Zambia"
    one = Evidence("In Malawi, suppression rose.", "Malawi. United States. United States.", ("E/2025/73",), title="")
    assert said(_check_country(Constraint("country", "Zambia", "Zambia"), one)) == "is about Malawi, not Zambia"


def test_an_organization_the_document_never_names_nor_spells_out() -> None:
    from rag.answer.subjects import check_unnamed_organization

    unisfa = Evidence(paragraph="The General Assembly appropriated $297.8 million for the maintenance of UNISFA.",
                      document="United Nations Interim Security Force for Abyei (UNISFA). Economic and Social "
                               "Council. Committee on the Elimination of Discrimination against Women.",
                      symbols=("S/2025/269",), title="Situation in Abyei")
    assert said(check_unnamed_organization("How much did the General Assembly appropriate for UNDOF?", unisfa)) == \
        "is from a document that never names UNDOF"
    assert check_unnamed_organization("How much was appropriated for UNISFA?", unisfa) is None
    # Spelled out, letter by letter (small words aside) or by syllables.
    assert check_unnamed_organization("What did ECOSOC decide on CEDAW?", unisfa) is None
    # A name whose acronym skips words (A/CONF.230/2025/10, para. 53, as the PDF breaks "Science-Policy")
    platform = Evidence(paragraph="The next global assessment to be published by the Platform in 2028 will include a "
                                  "cross-chapter box on oceans.",
                        document="the Intergovernmental Science - Policy Platform on Biodiversity and Ecosystem "
                                 "Services", symbols=("A/CONF.230/2025/10",))
    assert check_unnamed_organization("When will the IPBES global assessment be published?", platform) is None
    assert said(check_unnamed_organization("When will the IPCC assessment be published?", platform)) == \
        "is from a document that never names IPCC"
    # words whose initials hold another body's letters with others between name no such body
    for acronym, text in (("UNISFA", "the United Nations integrated strategy for the Sahel. Aligned with it"),
                          ("UNHCR", "Report of the United Nations High Commissioner for Human Rights"),
                          ("UNMIL", "Security Council. United Nations Support Mission in Libya")):
        other = Evidence(paragraph="The Mission supported the elections.", document=text, symbols=("S/2025/1",))
        assert said(check_unnamed_organization(f"What did {acronym} report?", other)) == \
            f"is from a document that never names {acronym}"
    # Spelled out in lower case, a word a letter (DP/2025/3, para. 92), not with a word between.
    quantum = Evidence(paragraph="UNDP completed the roll-out of Quantum, the new enterprise resource planning "
                                 "solution for UNDP, in January 2023.", document="", symbols=("DP/2025/3",))
    assert check_unnamed_organization("When did UNDP finish rolling out its new ERP platform?", quantum) is None
    planning = Evidence(paragraph="The enterprise planning resources were reviewed.", document="", symbols=("X/1",))
    assert said(check_unnamed_organization("When was the ERP rolled out?", planning)) == \
        "is from a document that never names ERP"
    # a list spelled out, commas and "and" between its words (E/HLPF/2025/6, para. 30)
    stem = Evidence(paragraph="Barriers limit women's participation and leadership in science, technology, engineering "
                              "and mathematics fields.", document="", symbols=("E/HLPF/2025/6",))
    assert check_unnamed_organization("Why are barriers for women in STEM acute?", stem) is None
    assert said(check_unnamed_organization("Why are barriers for women in STEAM acute?", stem)) == \
        "is from a document that never names STEAM"
    rsf = Evidence(paragraph="Attacks displaced refugees, soldiers and fighters in Darfur.", document="",
                   symbols=("S/2025/1",))
    assert said(check_unnamed_organization("What did the RSF do in Darfur?", rsf)) == \
        "is from a document that never names RSF"
    # nor by small words ("its legal obligations"), nor an organization's name, which is capitalised
    israel = Evidence(paragraph="Israel must abide by its legal obligations.", document="", symbols=("S/2025/415",))
    assert said(check_unnamed_organization("What did the ILO report on Gaza?", israel)) == \
        "is from a document that never names ILO"
    assert said(check_unnamed_organization("What did ECE report?", Evidence(
        paragraph="The economic cooperation efforts grew.", document="", symbols=("X/1",)))) == \
        "is from a document that never names ECE"


def test_capitals_for_emphasis_and_a_mistyped_acronym_name_no_other_organization() -> None:
    from rag.answer.subjects import check_unnamed_organization

    treaty = Evidence(paragraph="Article 34 TFEU prohibits quantitative restrictions on imports.", document="",
                      symbols=("EU",), title="European Union law")
    assert check_unnamed_organization("Which TEFU article bans quantitative restrictions?", treaty) is None
    assert check_unnamed_organization("What do these teachers NOT do?", treaty) is None
    assert check_unnamed_organization("Which UNDOF article bans quantitative restrictions?", treaty) is not None
    # two missions a letter apart are two missions (S/2025/97, on MINUSCA, asked of MINUSMA)
    mission = Evidence(paragraph="The General Assembly appropriated $1,171.6 million for the Mission.",
                       document="Central African Republic: report on MINUSCA.", symbols=("S/2025/97",))
    assert check_unnamed_organization("How much was appropriated for MINUSMA for 2024/25?", mission) is not None
    assert check_unnamed_organization("How much was appropriated for MINUSCA for 2024/25?", mission) is None


def test_a_country_named_by_its_people_or_things_is_named() -> None:
    huguenot = Evidence(paragraph="The nickname may refer to the Swiss politician Besançon Hugues and to Geneva, "
                                  "whose reformers fled France.", document="Switzerland. France.", symbols=("Huguenot",))
    assert check_constraints("The term may be related to what politician from Switzerland?", huguenot) is None


def test_what_a_reviewer_found_answerable_stays_answerable() -> None:
    def evidence(paragraph: str, symbols: tuple[str, ...], date: str = "", title: str = "x") -> Evidence:
        return Evidence(paragraph, paragraph, symbols, date, title)

    minusca = "By resolution 2759 (2024), the Security Council extended the mandate of MINUSCA until 15 November 2025."
    for question in ("Until when did the UNSC extend the mandate of MINUSCA?",  # UNSC: the Security Council
                     "Until when did Security Council resolution S/RES/2759 (2024) extend the mandate of MINUSCA?",
                     "What did the Security Council decide in resolution 2759 (2024) about the mandate of MINUSCA "
                     "ending 15 November 2025?",
                     "WHAT IS THE MANDATE OF MINUSCA UNTIL 15 NOVEMBER 2025?"):  # typed in capitals
        assert check_constraints(question, evidence(minusca, ("S/2025/97",), "2025-02-14")) is None, question
    calendar = "The Authority presented a revised electoral calendar, rescheduling local elections to 13 July 2025."
    assert check_constraints("Which body presented the revised electoral calendar with local elections on 13 July "
                             "2025?", evidence(calendar, ("S/2025/97",), "2025-02-14")) is None
    board = evidence("The Executive Board adopted its annual workplan.", ("DP/2025/8",), "2025-03-27",
                     "Report of the first regular session 2025 (27 to 31 January 2025, New York)")
    assert check_constraints("In the Executive Board's January 2025 report, which workplan did the Executive Board "
                             "adopt?", board) is None
    ethics = evidence("In 2024 the Ethics Office developed standard procedures for the financial disclosure "
                      "programme (FDP).", ("DP/2025/11",), "2025-03-24", "Activities of the UNDP Ethics Office in 2024")
    assert check_constraints("What procedures did the Ethics Office develop in 2024 for the FDP?", ethics) is None
    ivorian = evidence("The representative of Côte d’Ivoire, speaking also on behalf of Ghana, said it.", ("A/1",))
    assert check_constraints("What did the representative of Côte d'Ivoire say?", ivorian) is None
    balance = evidence("The unused balance as at 31 July 2024 was $2 million; at the end of 2024, $1 million would "
                       "remain.", ("A/79/7/Add.13",), "2024-10-01")
    assert check_constraints("What unused balance was projected to remain as at 31 December 2024?", balance) is None


def test_a_symbol_the_paragraph_s_headings_cite_is_no_other_document() -> None:
    vote = Evidence(paragraph="The Committee rejected the amendment by a recorded vote of 107 to 60.", document="",
                    symbols=("A/79/437/Add.4",),
                    section="II. Consideration of draft resolution A/C.2/79/L.21/Rev.1 > Action on the amendment "
                            "contained in document A/C.2/79/L.51")
    assert check_symbol("By what vote was the United States amendment (A/C.2/79/L.51) rejected?", vote) is None
    cat = Evidence(paragraph="The Committee registered 1,260 complaints.", document="See A/79/44, para. 3.",
                   symbols=("A/80/44",))
    assert check_symbol("In the Committee's report (A/79/44), how many complaints had it registered?", cat) is not None


def test_a_country_the_document_writes_by_another_name_is_written() -> None:
    refugees = Evidence(paragraph="Lebanon hosts 1.5 million refugees.", document="Turkey hosts 3.1 million refugees. "
                        "Lebanon hosts 1.5 million refugees.", symbols=("A/1",))
    assert check_constraints("How many refugees does Türkiye host?", refugees) is not None  # the paragraph: Lebanon
    document_only = Evidence(paragraph="The region hosts 3.1 million refugees.", document="Turkey hosts 3.1 million "
                             "refugees. Lebanon hosts 1.5 million.", symbols=("A/1",))
    assert check_constraints("How many refugees does Türkiye host?", document_only) is None


def test_a_day_written_without_its_year_is_of_the_year_the_document_s_date_gives() -> None:
    """S/2025/176 (dated 2025-03-20), para. 76: "As at 27 February, 2,050 civilian personnel ...
    were serving with MONUSCO" tells of 27 February 2025."""
    from rag.answer.timing import inferred_year

    monusco = Evidence(paragraph="As at 27 February, 2,050 civilian personnel, including 252 United Nations "
                                 "Volunteers, were serving with MONUSCO.", document="", symbols=("S/2025/176",),
                       date="2025-03-20")
    miss = check_timing("How many United Nations Volunteers were serving with MONUSCO as at 27 February 2024?", monusco)
    assert miss is not None and miss.describe() == "gives 27 February 2025, not 27 February 2024"
    assert check_timing("How many Volunteers were serving with MONUSCO as at 27 February 2025?", monusco) is None
    assert inferred_year(12, 10, monusco) == 2024  # a day after the issue is of the year before
    assert inferred_year(15, 4, monusco) == 2025  # a month after the issue may still be stated
    assert inferred_year(31, 2, monusco) is None and inferred_year(1, 1, Evidence("", "")) is None


def test_no_year_is_given_to_a_day_to_come_nor_in_a_paragraph_that_writes_years() -> None:
    """"will hold its next session on 14 April" in a report of February 2025 is April 2025, not
    2024; "In 2024, ... on 27 February" is of 2024, whatever the document's date."""
    ahead = Evidence(paragraph="The Committee will hold its next session on 14 April.", document="",
                     symbols=("A/1",), date="2025-02-10")
    assert check_timing("What will the Committee do at its session of 14 April 2025?", ahead) is None
    dated = Evidence(paragraph="In 2024, the Office was restructured; on 27 February, it launched a portal.",
                     document="", symbols=("A/1",), date="2025-04-10")
    assert check_timing("What did the Office launch on 27 February 2024?", dated) is None


def test_an_as_at_day_after_a_sentence_with_years_is_of_the_document_s_year() -> None:
    """S/2025/97 (dated 2025-02-14), para. 71 first recalls "resolution 78/298 of 28 June 2024" for
    "the period from 1 July 2024 to 30 June 2025", then gives "As at 4 February, ... the total
    outstanding assessed contributions ...": 4 February 2025, not 2024. A day of a sentence on
    something done, after a year is written, keeps no year ("on 27 February, it launched")."""
    minusca = Evidence(paragraph="The General Assembly, by its resolution 78/298 of 28 June 2024, appropriated the "
                                 "amount of $1,171.6 million for the maintenance of the Mission for the period from 1 "
                                 "July 2024 to 30 June 2025. As at 4 February, unpaid assessed contributions to the "
                                 "special account for MINUSCA amounted to $570.7 million. The total outstanding "
                                 "assessed contributions for all peacekeeping operations as at that date amounted to "
                                 "$3,348.8 million.", document="", symbols=("S/2025/97",), date="2025-02-14")
    assert said(check_timing("What was the total of outstanding assessed contributions for all peacekeeping "
                             "operations as at 4 February 2024?", minusca)) == \
        "gives 4 February 2025, not 4 February 2024"
    assert check_timing("What was the total of outstanding assessed contributions for all peacekeeping operations as "
                        "at 4 February 2025?", minusca) is None
    dated = Evidence(paragraph="In 2024, the Office was restructured. On 27 February, it launched a portal.",
                     document="", symbols=("A/1",), date="2025-04-10")
    assert check_timing("What did the Office launch on 27 February 2024?", dated) is None
    # a stock date in a sentence writing its year, or after one writing an earlier year, keeps that time
    arrears = "How many States were in arrears as at 31 December 2023?"
    for text in ("In 2023, as at 31 December, 45 States were in arrears.",
                 "The Committee reviewed the situation in 2023. As at 31 December, 45 States were in arrears."):
        assert check_timing(arrears, Evidence(paragraph=text, document="", symbols=("A/1",), date="2025-03-01")) \
            is None, text


def test_a_month_the_paragraph_dates_otherwise_is_a_near_miss() -> None:
    # A/80/38, para. 9 (a report of the eighty-eighth to ninetieth sessions, dated 2025).
    closed_meeting = Evidence(
        paragraph="On 13 May, the Committee held and informal closed meeting with the Special Rapporteur on violence "
                  "against women and girls, Reem Alsalem, who gave a briefing to the Committee on her activities.",
        document="Report of the Committee on the Elimination of Discrimination against Women Eighty-eighth session "
                 "(13–31 May 2024)", symbols=("A/80/38",), date="2024-06-14")
    assert said(check_timing("Which Special Rapporteur held an informal closed meeting with CEDAW during its "
                              "eighty-seventh session in February 2024?", closed_meeting)) == \
        "gives 13 May 2024, not February 2024"
    assert check_timing("Which Special Rapporteur held an informal closed meeting with CEDAW in May 2024?",
                        closed_meeting) is None


def test_a_month_of_another_year_the_paragraph_dates_otherwise_is_a_near_miss() -> None:
    """S/2025/200, para. 48 (a report of April 2025): the officers who graduated "On 24 January"
    (2025) and a stock "as of December 2024" are no answer for June 2024, a month it never names."""
    paragraph = ("On 24 January, 462 new Kosovo police officers (56 women and 406 men) graduated from the Kosovo "
                 "Academy of Public Services, including 113 from non-majority communities. Kosovo police announced "
                 "that, as of December 2024, 339 officers were working in stations in northern Kosovo.")
    evidence = Evidence(paragraph=paragraph, document=paragraph, symbols=("S/2025/200",), date="2025-04-11")
    asked = "How many new Kosovo police officers graduated from the Kosovo Academy of Public Services in {}?"
    assert said(check_timing(asked.format("June 2024"), evidence)) == "gives 24 January 2025, not June 2024"
    assert check_timing(asked.format("January 2025"), evidence) is None
    # Found in review: a range over the turn of a year holds the asked month
    for question, text in (("How many people crossed the jungle in January 2024?",
                            "Between December 2023 and February 2024, some 80,000 people crossed the jungle."),
                           ("How many new officers graduated in June 2024?",
                            "Between 1 December 2023 and 31 July 2024, 462 new officers graduated.")):
        assert check_timing(question, Evidence(paragraph=text, document=text, symbols=("A/79/100",),
                                               date="2024-09-15")) is None, question


def test_the_month_of_the_document_s_own_meeting_or_a_plan_is_no_near_miss() -> None:
    # CEB/2025/4, para. 76: the report of the session held in April 2025 proposes the next one.
    masthead = "Report of the High-level Committee on Programmes at its forty-ninth session\nVienna, 3 and 4 April 2025"
    paragraph = ("It was proposed that the fiftieth session of the Committee be held at the International Atomic "
                 "Energy Agency in Vienna, on 2 and 3 October 2025.")
    next_session = Evidence(paragraph=paragraph, document=f"{masthead}\n{paragraph}", symbols=("CEB/2025/4",),
                            date="2025-05-01", masthead=masthead)
    # a month in the text's opening paragraphs is not the meeting's (the masthead alone tells it)
    opening = Evidence(paragraph=paragraph, document=f"{masthead}\n{paragraph}", symbols=("CEB/2025/4",),
                       date="2025-05-01")
    assert check_timing("In the report of the High-level Committee on Programmes on its forty-ninth session, held in "
                        "April 2025, where was the Committee's fiftieth session held?", opening) is not None
    assert check_timing("In the report of the High-level Committee on Programmes on its forty-ninth session, held in "
                        "April 2025, where was the Committee's fiftieth session held?", next_session) is None
    assert check_timing("Where did the Committee hold a meeting in March 2025?", next_session) is not None
    assert check_timing("Where was it proposed in March 2025 that the fiftieth session be held?", next_session) is None
    assert _another_month("What did the July 2025 report say was held?", next_session) is None  # a report's month


def test_an_election_named_by_its_month_has_its_results_announced_later() -> None:
    """S/2025/200, para. 11 ("On 15 March, the Central Election Commission announced the results
    ...") gives the results of "Kosovo's February 2025 legislative elections": an election, a
    referendum or a census named by its month is over before its results are told."""
    results = Evidence(paragraph="On 15 March, the Central Election Commission announced the results, following the "
                                 "conclusion of the complaints and appeals process. The incumbent Vetevendosje Party "
                                 "obtained 41.63 per cent of votes (48 of the 120 seats in the Assembly).",
                       document="", symbols=("S/2025/200",), date="2025-04-11")
    asked = "What share of the vote did Vetevendosje obtain in Kosovo's February 2025 legislative elections?"
    assert check_timing(asked, results) is None
    # results told before the election asked for are another election's
    assert said(check_timing("What share of the vote did Vetevendosje obtain in Kosovo's April 2025 legislative "
                             "elections?", results)) == "gives 15 March 2025, not April 2025"
    # results told months later, or a vote named by its month, are another's
    later = Evidence(paragraph=results.paragraph.replace("15 March", "15 July"), document="", symbols=("S/2025/200",),
                     date="2025-08-11")
    assert check_timing(asked, later) is not None
    assert check_timing("What share did the proposal obtain in the February 2025 vote?", results) is not None
    # a meeting named by its month is held then, not a month before or after
    assert check_timing("What did the Assembly decide at its February 2025 meeting?", results) is not None


def test_something_done_in_a_year_after_the_document_s_date_is_a_near_miss() -> None:
    text = ("The Disarmament Commission held its organizational session for 2025 at United Nations Headquarters at "
            "its 397th meeting, on 7 April 2025 (see A/CN.10/PV.397). The Commission also took up the question of the "
            "election of its officers. It elected the Deputy Permanent Representative of Paraguay to the United "
            "Nations, José Pereira Sosa, as Chair for its session.")
    # the document names 2026 elsewhere (the session it recommends), so only the paragraph and the date tell
    document = f"United Nations Disarmament Commission\n{text}\nThe agenda of its 2026 substantive session; the 2030 Agenda."
    undc = Evidence(paragraph=text, document=document, symbols=("A/80/42",), date="2025-04-30",
                    title="Report of the Disarmament Commission for 2025")
    asked = "Who was elected to chair the United Nations Disarmament Commission for its 2026 substantive session?"
    assert said(check_constraints(asked, undc)) == "dates from 2025, before 2026"
    assert check_constraints(asked.replace("2026", "2025"), undc) is None
    # what is expected can be stated before it happens; a goal years ahead names a thing
    assert check_constraints("Who is expected to chair the Commission's 2026 session?", undc) is None
    assert check_constraints("What did the Commission elect its Chair to advance by 2030?", undc) is None
    text += " The Commission decided to hold its 2026 session from 6 to 24 April 2026."
    stated = Evidence(paragraph=text, document=text, symbols=("A/80/42",), date="2025-04-30")
    assert check_constraints("When did the Commission decide to hold its 2026 session?", stated) is None


def test_a_decision_asked_in_a_year_years_after_the_document_is_a_near_miss() -> None:
    """A/56/385, para. 14 (September 2001) recommends continuing a linkage "until 31 December
    2006": it cannot tell what the General Assembly decided in 2006, however far off that year is
    and although the paragraph writes it."""
    text = ("Accordingly, the Secretary-General recommends that the General Assembly approve the continuation of the "
            "current institutional linkage of the Convention secretariat for a further five-year period, until 31 "
            "December 2006.")
    linkage = Evidence(paragraph=text, document=text, symbols=("A/56/385",), date="2001-09-18")
    asked = "What did the General Assembly decide in 2006 about extending the institutional linkage beyond 2006?"
    assert said(check_constraints(asked, linkage)) == "dates from 2001, before 2006"
    # the year of what was recommended, or of what is to be done, is no time the question's act was done in
    assert check_constraints("What did the Secretary-General recommend that the Assembly decide in 2006?",
                             linkage) is None
    assert check_constraints("Until when was the linkage to continue?", linkage) is None
    assert check_constraints("What was to be reviewed in 2006?", linkage) is None


def test_a_numbered_event_the_paragraph_dates_after_its_document_is_a_near_miss() -> None:
    """A/80/48, para. 34 (dated July 2025) and E/CN.3/2025/7, para. 10 (December 2024) tell of the
    next session and the next Forum as to come."""
    text = ("At their fortieth and 115th sessions, held from 7 to 17 April and 22 April to 9 May 2025 "
            "respectively, the Committees completed the provisional adoption of their draft joint general "
            "recommendations. A joint task force is working to revise the drafts, with the aim of presenting revised "
            "versions for final adoption by the Committees, during their overlapping forty-first and 116th sessions, in December 2025.")
    cmw = Evidence(paragraph=text, document=text, symbols=("A/80/48",), date="2025-07-01")
    assert said(check_constraints("What did the migrant workers committee adopt at its forty-first session?", cmw)) \
        == "dates the forty-first session in December 2025, after it was issued"
    assert check_constraints("What did the migrant workers committee adopt at its fortieth session?", cmw) is None
    assert check_constraints("What will the committee adopt at its forty-first session?", cmw) is None
    forum = Evidence(paragraph="The sixth host of the Forum was chosen through a competitive process, culminating in a "
                               "vote in September 2024. The 14 members present decided by secret ballot that the sixth "
                               "Forum would be hosted by Saudi Arabia and tentatively scheduled to be held from 9 to 12 "
                               "November 2026.", document="", symbols=("E/CN.3/2025/7",), date="2024-12-13")
    assert said(check_constraints("How many participants attended the sixth Forum?", forum)) \
        == "dates the sixth forum in November 2026, after it was issued"
    # the choice of the host was made before the Forum, and the paragraph reports it
    assert check_constraints("Which country was chosen to host the sixth Forum?", forum) is None


def test_a_later_year_that_is_no_time_of_the_asked_event_is_no_near_miss() -> None:
    def coming(paragraph: str, date: str = "2025-03-01") -> object:
        return check_constraints("What did the Committee adopt at its forty-first session?",
                                 Evidence(paragraph, paragraph, ("X/2025/1",), date))
    assert coming("At its forty-first session, the Committee adopted a statement on the 2030 Agenda.") is None
    assert coming("At its forty-first session, held in February 2025, the Committee adopted its plan for "
                  "2026-2029.") is None
    assert coming("At its forty-first session, the Committee decided to review it at its eighth session in 2027.") \
        is None
    assert coming("At its forty-first session, held in August 2025, the Committee adopted a statement.",
                  "2025-07-31") is None  # a masthead date may come weeks before the issue
    budget = Evidence("The Board approved the integrated budget for the coming year.",
                      "The Executive Board approved the integrated budget for the coming year. The 2026 budget.",
                      ("DP/2025/30",), "2025-09-01")
    assert check_constraints("How much did the Executive Board approve for the 2026 budget?", budget) is None


def test_a_masthead_date_that_is_no_date_is_left_alone() -> None:
    for date in ("2025-13-01", "2025-1-5", "2025-00", "2025", ""):
        evidence = Evidence("The Committee met on 3 May.", "The Committee met on 3 May.", ("X/2025/1",), date)
        check_constraints("What did the Committee approve at its session in October 2025?", evidence)  # no error


def test_a_period_the_paragraph_replaces_with_another_is_a_near_miss() -> None:
    """S/2025/153, para. 24 counts the caches found "From 21 October to 20 February" (a report dated
    March 2025); S/2025/257, para. 10 the hailings "from 1 November 2024 to 14 April 2025". Asked
    for the previous report's period, each answered with its own."""
    caches = Evidence(paragraph="From 21 October to 20 February, UNIFIL, independently or in close coordination "
                                "with the Lebanese Armed Forces, discovered 194 weapon caches.", document="",
                      symbols=("S/2025/153",), date="2025-03-11")
    miss = check_timing("How many weapon caches did UNIFIL discover between 21 June and 20 October 2024?", caches)
    assert said(miss) == "gives 21 October 2024 to 20 February 2025, not 21 June to 20 October 2024"
    assert check_timing("How many weapon caches did UNIFIL discover between 21 October 2024 and 20 February "
                        "2025?", caches) is None
    assert check_timing("How many weapon caches did UNIFIL discover between November 2024 and January 2025?",
                        caches) is None  # inside the paragraph's period
    irini = Evidence(paragraph="The European Union informed the Secretariat that, from 1 November 2024 to 14 April "
                               "2025, Operation IRINI had carried out 2,271 hailings.", document="",
                     symbols=("S/2025/257",), date="2025-04-30")
    assert said(check_timing("How many hailings did Operation IRINI carry out between April and October 2024?",
                             irini)) == "gives 1 November 2024 to 14 April 2025, not April to October 2024"
    assert check_timing("How many hailings did Operation IRINI carry out from November 2024 to April 2025?",
                        irini) is None
    assert check_timing("How many hailings will Operation IRINI carry out between May and October 2025?",
                        irini) is None  # planned: another check's
    # the paragraph's period written with its years is still another period ...
    written = Evidence(paragraph=caches.paragraph.replace("From 21 October to 20 February",
                                                          "From 21 October 2024 to 20 February 2025"),
                       document="", symbols=("S/2025/153",), date="2025-03-11")
    assert said(check_timing("How many weapon caches did UNIFIL discover between 21 June and 20 October 2024?",
                             written)) == "gives 21 October 2024 to 20 February 2025, not 21 June to 20 October 2024"
    # ... but one that also tells of the asked period answers (S/2025/342, para. 22)
    compared = Evidence(paragraph="In Cameroon, between 1 December and 15 May, 351 Boko Haram-related security "
                                  "incidents were reported, compared with 66 incidents for the same period in 2024.",
                        document="", symbols=("S/2025/342",), date="2025-05-30")
    assert check_timing("How many Boko Haram-related security incidents were reported in Cameroon between 1 December "
                        "2023 and 15 May 2024?", compared) is None


def test_a_month_that_dates_the_report_asked_is_no_month_of_the_fact() -> None:
    """S/2025/223 (issued April 2025), para. 69: "As at 31 March 2025 ... since April 2023": "In the
    Secretary-General's April 2025 report on the mission in Libya, how many ...?" abstained as
    "gives April 2023, not April 2025"."""
    paragraph = ("As at 31 March 2025, UNHCR had registered 46,000 Sudanese refugees estimated to have arrived in "
                 "Libya since the outbreak of the conflict in April 2023.")
    evidence = Evidence(paragraph, "", ("S/2025/223",), "2025-04-11")
    assert check_timing("In the Secretary-General's April 2025 report on the UN mission in Libya, how many Sudanese "
                        "refugees had UNHCR registered?", evidence) is None
    assert said(check_timing("How many Sudanese refugees had arrived in Libya by April 2025?", evidence)) == \
        "gives April 2023, not April 2025"


def test_a_count_since_a_month_of_the_reports_year_is_not_of_an_earlier_period() -> None:
    """S/2025/202, para. 33 (a report of March 2025): "Since January, close to 600,000 people have
    been displaced" answers for January to March 2025, not for March to September 2024."""
    displaced = Evidence(paragraph="Since January, close to 600,000 people have been displaced, adding to the 4.6 "
                                   "million already internally displaced in North and South Kivu Provinces.",
                         document="", symbols=("S/2025/202",), date="2025-03-27")
    miss = check_timing("How many people were displaced in eastern DRC between March and September 2024?", displaced)
    assert said(miss) == "gives the period since January 2025, not March to September 2024"
    assert check_timing("How many people were displaced in eastern DRC between January and March 2025?",
                        displaced) is None
    since_2024 = Evidence(paragraph=displaced.paragraph.replace("Since January", "Since January 2024"), document="",
                          symbols=("S/2025/202",), date="2025-03-27")
    assert check_timing("How many people were displaced in eastern DRC between March and September 2024?",
                        since_2024) is None  # the asked period lies inside it


def test_a_paragraph_dated_only_outside_the_asked_period_is_a_near_miss() -> None:
    """TPNW/MSP/2025/8, para. 4 tells of the Group's meeting of 28 and 29 November 2023, in a report
    on November 2023 to December 2024: asked what it did between February and October 2023 (the
    previous report's months), it is about another time."""
    met = Evidence(paragraph="The Scientific Advisory Group met during the second Meeting of States Parties over two "
                             "days (28 and 29 November 2023) with many of its members being present in-person.",
                   document="", symbols=("TPNW/MSP/2025/8",), date="2025-01-10")
    miss = check_timing("How many online meetings did the TPNW Scientific Advisory Group hold between February and "
                        "October 2023?", met)
    assert said(miss) == "gives November 2023, not February to October 2023"
    assert check_timing("How many meetings did the Scientific Advisory Group hold between November 2023 and "
                        "December 2024?", met) is None
    inside = Evidence(paragraph=met.paragraph.replace("28 and 29 November 2023", "28 and 29 March 2023"), document="",
                      symbols=("TPNW/MSP/2025/8",), date="2025-01-10")
    assert check_timing("How many online meetings did the TPNW Scientific Advisory Group hold between February and "
                        "October 2023?", inside) is None


def test_a_month_in_running_text_is_no_period_of_the_paragraph() -> None:
    """A reference, a start or a plan named by its month is not when the paragraph's fact happened."""
    for paragraph in ("UNIFIL conducted 4,500 patrols, in line with the mandate renewed by the Council in August 2023.",
                      "The Committee held 12 meetings and will submit its report in September 2025.",
                      "Since the adoption of the Pact in September 2024, Member States have held 14 consultations."):
        evidence = Evidence(paragraph, "", ("S/2025/1",), "2025-06-10")
        assert check_timing("How many meetings were held between January and May 2025?", evidence) is None, paragraph


def test_a_yearless_day_opening_a_paragraph_that_names_a_year_later_has_the_document_s_year() -> None:
    """S/2025/200, para. 48 (a report of April 2025): "On 24 January, ... graduated" and, in the next
    sentence, "as of December 2024"; the graduation is of January 2025. A year written before the
    day may set its time, so only days before any year written are read so."""
    kosovo = Evidence(paragraph="On 24 January, 462 new Kosovo police officers graduated from the Kosovo Academy of "
                                "Public Services. Kosovo police announced that, as of December 2024, 339 officers "
                                "were working in stations in northern Kosovo.",
                      document="", symbols=("S/2025/200",), date="2025-04-01")
    question = "How many new police officers graduated from the Kosovo Academy of Public Services in {}?"
    assert said(check_timing(question.format("January 2024"), kosovo)) == "gives January 2025, not January 2024"
    assert check_timing(question.format("January 2025"), kosovo) is None
    framed = Evidence(paragraph="In 2023, the Academy was reformed. On 24 January, 300 officers graduated.",
                      document="", symbols=("S/2025/200",), date="2025-04-01")
    assert check_timing(question.format("January 2024"), framed) is None


def test_a_yearless_month_has_the_document_s_year() -> None:
    """S/2025/403 (June 2025), para. 45: "As of April, 6.3 million people were internally displaced";
    asked of April 2024, it gives April 2025."""
    drc = Evidence(paragraph="As of April, 6.3 million people were internally displaced in the Democratic Republic of "
                             "the Congo.", document="", symbols=("S/2025/403",), date="2025-06-23")
    question = "How many people were internally displaced in the DRC as of April {}?"
    assert said(check_timing(question.format("2024"), drc)) == "gives April 2025, not April 2024"
    assert check_timing(question.format("2025"), drc) is None


def test_a_figure_for_other_months_is_no_answer_for_the_asked_month() -> None:
    """S/2025/211, para. 19 gives the consumer price index of January and February 2025, and
    S/2025/154, para. 31 UNDOF's activities in November, December and January: asked of March
    2025 and of October 2024, each was cited."""
    prices = ("On a monthly basis, the consumer price index rose by 7.6 per cent in February 2025, a decrease from "
              "the 9.6 per cent recorded in January 2025.")
    evidence = Evidence(prices, prices, ("S/2025/211",))
    q = "What was South Sudan's monthly consumer price index increase in March 2025?"
    assert said(check_timing(q, evidence)) == "gives February 2025, not March 2025"
    assert may_miss(q) and said(check_constraints(q, evidence)) == "gives February 2025, not March 2025"
    patrols = ("UNDOF monthly operational patrols continued in the areas of separation and limitation, with 1,098 "
               "operational activities carried out in November, 378 in December and 531 in January (see figure II).")
    evidence = Evidence(patrols, patrols, ("S/2025/154",))
    assert said(check_timing("How many operational activities did UNDOF carry out in October 2024?", evidence)) \
        == "gives November, not October 2024"
    for held in ("in December 2024", "in January 2025", "during December"):
        assert check_timing(f"How many operational activities did UNDOF carry out {held}?", evidence) is None, held


def test_a_month_within_a_run_or_far_from_the_asked_one_is_no_other_month() -> None:
    """The asked month inside a run the paragraph gives, a paragraph naming the asked month in any
    words, a month a year away or a month the question does not ask in: no near miss."""
    from rag.answer.timing import _figure_in_other_months

    def miss(question: str, paragraph: str) -> bool:
        return _figure_in_other_months(question, Evidence(paragraph, paragraph, ("S/2025/1",))) is not None

    q = "How many incidents were recorded in March 2025?"
    assert not miss(q, "In the period from January to April 2025, 40 incidents were recorded.")
    assert not miss(q, "Some 40 incidents were recorded between February and May 2025.")
    assert not miss(q, "In February 2025, 12 incidents were recorded, and 40 by the end of March.")
    assert not miss(q, "In February 2023, 12 incidents were recorded.")
    assert not miss(q, "On 4 February 2025, the Council extended the mandate until 30 April 2026.")
    assert not miss("How many incidents were recorded since March 2025?", "In February 2025, 12 were recorded.")
    assert not miss("How many incidents were recorded in March and April 2025?", "In February 2025, 12 were recorded.")
    # a month naming the document, or asked when
    assert not miss("In the UNODC report transmitted to the Council in May 2025, how many children were deported?",
                    "In April 2025, 120 children were deported.")
    assert not miss("In its report on its session in April 2025, when is the task team to deliver its approach?",
                    "The task team is to deliver the approach in September 2025.")
    # no figure in the other month's clause, a part of the year, a question asking no figure,
    # a month dating the document, two months listed (no run)
    assert not miss(q, "In its resolution 2779 (2025), adopted in February 2025, the Council renewed the mandate. "
                       "During the reporting period, UNMISS recorded 240 incidents.")
    assert not miss("What was the annual inflation rate in South Sudan in March 2025?",
                    "Annual inflation reached 120 per cent at the end of the first quarter of 2025, after the pipeline "
                    "disruption in February 2025.")
    assert not miss("What is the mandate of the independent panel established in March 2025?",
                    "The independent panel, whose members were appointed in April 2025, is mandated to review "
                    "12 cases.")
    assert not miss("In the report on Mali, how many incidents did the report issued in March 2025 record?",
                    "In February 2025, 12 incidents were recorded.")
    assert miss("How many people were displaced in March, 2025?", "In February 2025, 1.0 million were displaced.")
    assert not miss("How many people were displaced in March, 2025?", "In February 2024, 1.0 million were displaced.")
    assert miss(q, "In January and April 2025, 12 incidents were recorded.")
    assert miss(q, "In February 2025, 12 incidents were recorded.")


def test_a_yearless_month_after_a_later_month_is_of_the_next_year() -> None:
    """S/2025/323, para. 46: "In December 2024, UNESCO completed ... The work on the Nuri mosque was
    completed in March": the March is March 2025, which the question asks of."""
    text = ("In December 2024, UNESCO completed the rehabilitation and rebuilding of the Hadba\u2019 minaret and "
            "the reconstruction of the Tahirah church in Mosul. The work on the Nuri mosque was completed in March, "
            "and the Government is expected to officially inaugurate it in the near future.")
    evidence = Evidence(text, text, ("S/2025/323",), "2025-05-01")
    assert check_constraints("Which Mosul house of worship rebuilt with UNESCO was finished in March 2025?",
                             evidence) is None
    # a March after a dated March of the same year stays in that year
    earlier = text.replace("In December 2024", "In January 2024")
    miss = check_constraints("Which Mosul house of worship rebuilt with UNESCO was finished in March 2025?",
                             Evidence(earlier, earlier, ("S/2025/323",), "2025-05-01"))
    assert miss is not None and "2024" in miss.describe()


def test_a_year_naming_an_instrument_is_no_time_asked() -> None:
    """S/2025/350, para. 41: drone flights across the ceasefire line "violate the Agreement",
    asked of "the 1974 agreement", abstained as "names no year, and its document is of 2025"."""
    text = ("The Israel Defense Forces continued to fly drones across the ceasefire line. I reiterate that such "
            "flights violate the Agreement and must cease.")
    document = "The 1974 Disengagement Agreement between Israel and the Syrian Arab Republic. " + text
    evidence = Evidence(text, document, ("S/2025/350",), "2025-06-01")
    assert check_constraints("Is flying drones across the Golan ceasefire line allowed under the 1974 agreement?",
                             evidence) is None
    # a year naming an agreement or agenda by another word (S/2025/350, para. 16; E/2025/8, para. 13)
    systems = Evidence("The continued presence of Iron Dome systems and artillery systems on the Alpha side "
                       "constitutes a violation of the Disengagement of Forces Agreement.",
                       document + " Systems remain on the Alpha side.", ("S/2025/350",), "2025-06-01")
    assert check_constraints("Which Israeli air-defence and artillery systems on the Alpha side are said to breach the "
                             "1974 disengagement deal?", systems) is None
    frameworks = Evidence("Integrated national financing frameworks, first introduced in the Addis Ababa Action "
                          "Agenda, have been adopted in several developing countries as a docking station for these "
                          "and other tools.", "Since the Addis Ababa Action Agenda of the Third International "
                          "Conference on Financing for Development, in 2015, demands have grown.", ("E/2025/8",),
                          "2025-02-10")
    assert check_constraints("Which planning tool dating from the 2015 Addis financing agenda serves as a hub for "
                             "other support tools in developing countries?", frameworks) is None


def test_a_day_asked_that_the_paragraph_gives_in_another_month_is_a_near_miss() -> None:
    """S/2025/350, para. 12: "On 15 March, at least 60 Druze clerics ... travelled", asked of 15 April 2025."""
    text = ("On 15 March, at least 60 Druze clerics from the Bravo side travelled in buses to the Alpha side through "
            "an Israeli technical fence gate.")
    evidence = Evidence(text, text, ("S/2025/350",), "2025-06-02")
    miss = check_timing("How many Druze clerics travelled from the Bravo side to the Alpha side on 15 April 2025?",
                        evidence)
    assert miss is not None and miss.describe() == "gives 15 March 2025, not 15 April 2025"
    assert check_timing("How many Druze clerics travelled from the Bravo side to the Alpha side on 15 March 2025?",
                        evidence) is None


def test_a_period_the_title_names_does_not_hold_an_earlier_year_asked() -> None:
    """A/80/271, para. 2 (the Third Industrial Development Decade for Africa, 2016-2025): "in 2024"
    asked of Africa's GDP in 2019."""
    text = "Manufacturing contributed 10.3 per cent to gross domestic product (GDP) in 2024."
    document = text + "\nThe Decade's programme was reviewed in 2019 by the Commission."
    evidence = Evidence(text, document, ("A/80/271",), "2025-07-21",
                        "Third Industrial Development Decade for Africa (2016\u20132025)")
    miss = check_constraints("What was Africa's GDP growth rate in 2019?", evidence)
    assert miss is not None and miss.describe() == "is about 2024, not 2019"


def test_a_figure_asked_at_a_past_day_from_a_paragraph_dating_nothing_is_a_near_miss() -> None:
    """S/2025/504 (August 2025), para. 89 gives the troop strength of its own time; the report never
    writes 31 December 2024."""
    strength = Evidence(paragraph="Of the authorized 17,000 troops, UNMISS troop strength stood at 14,740 military "
                                  "personnel.", document="UNMISS troop strength stood at 14,740 military personnel.",
                        symbols=("S/2025/504",), date="2025-08-20")
    assert said(check_timing("What was UNMISS troop strength as at 31 December 2024?", strength)) == \
        "dates from August 2025, not 31 December 2024"
    assert said(check_timing("How many troops did UNMISS have by the end of 2024?", strength)) == \
        "dates from August 2025, not the end of 2024"
    assert check_timing("What was UNMISS troop strength as at 30 June 2025?", strength) is None  # the report's time
    dated = Evidence(paragraph=strength.paragraph, document="As at 31 December 2024, the Mission had deployed ...",
                     symbols=("S/2025/504",), date="2025-08-20")
    assert check_timing("What was UNMISS troop strength as at 31 December 2024?", dated) is None
    # DP/FPA/2025/7 (May 2025), para. 8: the annual report of 2024 tells of its year's end
    ethics = Evidence(paragraph="By the year’s end, the office had responded to 776 service requests.",
                      document="By the year’s end, the office had responded to 776 service requests.",
                      symbols=("DP/FPA/2025/7",), date="2025-05-01", title="Report of the Ethics Office 2024")
    asked = "How many service requests had the UNFPA Ethics Office responded to by the end of {}?"
    assert check_timing(asked.format(2024), ethics) is None
    assert said(check_timing(asked.format(2023), ethics)) == "dates from May 2025, not the end of 2023"


def test_a_figure_asked_for_a_past_month_from_a_paragraph_dating_nothing_is_a_near_miss() -> None:
    """S/2025/211 (April 2025), para. 85 gives the police strength of its own time; the report never
    writes October 2024."""
    text = "UNMISS police strength stood at 1,592 (of an authorized 2,101 personnel), including 454 women (29 per cent)."
    strength = Evidence(paragraph=text, document=text, symbols=("S/2025/211",), date="2025-04-07")
    assert said(check_timing("What was UNMISS police strength in October 2024?", strength)) == \
        "dates from April 2025, not October 2024"
    assert said(check_timing("How many police officers did UNMISS deploy in October 2024?", strength)) == \
        "dates from April 2025, not October 2024"
    # the report's own months, a document writing the month asked, a question asking no figure
    assert check_timing("What was UNMISS police strength in February 2025?", strength) is None
    dated = Evidence(paragraph=text, document="From 1 October 2024 to 28 February 2025 ... " + text,
                     symbols=("S/2025/211",), date="2025-04-07")
    assert check_timing("What was UNMISS police strength in October 2024?", dated) is None
    assert check_timing("Which women served with UNMISS police in October 2024?", strength) is None


def test_a_month_the_paragraph_plans_for_is_no_month_after_its_issue() -> None:
    """S/2025/231 (April 2025), para. 37: interlocutors suggested less-lethal weapons for "the planned
    December 2026 elections"; asked what they suggested for the December 2026 polls, the paragraph
    tells of that month. A question about what was done in that month is still a near miss."""
    text = ("Despite the fact that South Sudan currently lacks adequate weapons and ammunition management, some "
            "interlocutors suggested that providing the police with less-lethal weapons and ammunition - such as tear "
            "gas for anti-riot and crowd control operations - could enhance security during the planned December "
            "2026 elections.")
    report = Evidence(paragraph=text, document=text, symbols=("S/2025/231",), date="2025-04-15")
    assert check_timing("What did some people the team spoke to suggest giving the police to keep order during the "
                        "December 2026 polls?", report) is None
    other = replace(report, paragraph=text.replace("the planned December 2026 elections", "the elections"))
    assert said(check_timing("What did some people the team spoke to suggest giving the police to keep order during "
                             "the December 2026 polls?", other)) == "dates from April 2025, before December 2026"


def test_what_a_body_recommended_at_the_session_its_document_was_written_for_is_a_near_miss() -> None:
    """E/AC.51/2025/2, an OIOS review for the Committee for Programme and Coordination's sixty-fifth
    session (February 2025), para. 1 recalls the Committee's sixty-second session: what the
    Committee recommended at its sixty-fifth it cannot tell; what the report recommends it can."""
    title = ("Triennial review of the implementation of recommendations made by the Committee at its sixty-second "
             "session on the evaluation of the Economic Commission for Latin America and the Caribbean")
    masthead = f"Economic and Social Council; Committee for Programme and Coordination\n{title}\nSixty-fifth session"
    paragraph = ("At its sixty-second session, in 2022, the Committee for Programme and Coordination considered the "
                 "report of the Office of Internal Oversight Services on the evaluation of ECLAC.")
    review = Evidence(paragraph=paragraph, symbols=("E/AC.51/2025/2",), date="2025-02-19", title=title,
                      document=f"{masthead}\n{paragraph}", masthead=masthead)
    asked = ("What did the Committee for Programme and Coordination recommend at its sixty-fifth session on the OIOS "
             "review of ECLAC?")
    assert said(check_own_session(asked, review)) == \
        "is from a document issued for the sixty-fifth session, before it met"
    assert check_own_session("What did OIOS recommend that the Committee for Programme and Coordination endorse at "
                             "its sixty-fifth session?", review) is None


def test_what_a_body_decided_at_the_session_its_document_was_written_for_is_a_near_miss() -> None:
    """E/CN.3/2025/8, a report to the Statistical Commission's fifty-sixth session issued in
    December 2024, cannot tell what the Commission decided at that session."""
    title = "Items for discussion and decision: data and indicators for the 2030 Agenda"
    masthead = f"Economic and Social Council; Statistical Commission\n{title}\nFifty-sixth session"
    paragraph = "In 2024, the Statistics Division advanced its work on citizen data."
    report = Evidence(paragraph=paragraph, symbols=("E/CN.3/2025/8",), date="2024-12-12", title=title,
                      document=f"{masthead}\n{paragraph}\nThe Copenhagen Framework on Citizen Data was drafted.",
                      masthead=masthead)
    asked = "What did the Statistical Commission decide on the Copenhagen Framework at its fifty-sixth session?"
    assert said(check_own_session(asked, report)) == \
        "is from a document issued for the fifty-sixth session, before it met"
    assert said(check_constraints(asked, report)) == said(check_own_session(asked, report))
    for question in ("What did the Statistical Commission decide at its fifty-fifth session?",  # an earlier session
                     "What will the Statistical Commission be asked to decide at its fifty-sixth session?",  # to come
                     "What did the Division report to the Statistical Commission at its fifty-sixth session?",
                     "What did the Statistical Commission decide on citizen data?",
                     # what was put to the body (E/CN.6/2025/4: "the Commission may wish to adopt ...")
                     "What did the Secretary-General propose that the Statistical Commission adopt at its fifty-sixth "
                     "session?",
                     "What did the report invite the Statistical Commission to adopt at its fifty-sixth session?",
                     # the session asked is another than the one the report is for
                     "What did the Statistical Commission decide at its fifty-fifth session, as recalled in the "
                     "report to its fifty-sixth session?"):
        assert check_own_session(question, report) is None, question
    # a document of the session itself: a draft (".../L." symbol), its report
    draft = Evidence(paragraph=paragraph, symbols=("E/CN.3/2025/L.1",), date="2025-03-04", title="Draft report",
                     document="", masthead="Economic and Social Council; Statistical Commission\nDraft report\n"
                                           "Fifty-sixth session")
    assert check_own_session(asked, draft) is None
    # The General Assembly's main committees meet and report within its session (A/49/624).
    fourth = Evidence(paragraph="The Fourth Committee adopted the draft resolution by a recorded vote of 93 to 41.",
                      document="", symbols=("A/49/624",), date="1994-11-11", title="Report of the Fourth Committee",
                      masthead="General Assembly\nReport of the Fourth Committee\nForty-ninth session")
    assert check_own_session("What did the General Assembly adopt at its forty-ninth session?", fourth) is None


def test_an_acronym_spelled_out_in_lower_case_may_end_on_a_short_word() -> None:
    """S/2025/194, para. 44 writes "international humanitarian law" for IHL: the last word of a
    spelled-out acronym may have three letters ("law", "act"); the others still need four ("its
    legal obligations" spells no ILO)."""
    from rag.answer.subjects import check_unnamed_organization

    para = Evidence(paragraph="UNTMIS supported a basic training curriculum on international human rights and "
                              "international humanitarian law.", document="", symbols=("S/2025/194",))
    assert check_unnamed_organization("How many soldiers received IHL training?", para) is None
    ilo = Evidence(paragraph="The State met its legal obligations.", document="", symbols=("X/1",))
    assert said(check_unnamed_organization("What did the ILO report?", ilo)) == \
        "is from a document that never names ILO"
    hal = Evidence(paragraph="International humanitarian aid law was discussed.", document="", symbols=("X/1",))
    assert said(check_unnamed_organization("What is IHL?", hal)) == "is from a document that never names IHL"
    # a three-letter word inside a longer name ends none ("human rights due diligence" spells no HRD)
    due = Evidence(paragraph="Companies must carry out human rights due diligence.", document="", symbols=("X/1",))
    assert said(check_unnamed_organization("How many HRD were killed?", due)) == \
        "is from a document that never names HRD"


def test_the_kind_of_organization_asked_for_and_aids_for_hiv_are_written() -> None:
    """E/CN.3/2025/8, para. 49 answers "Which NGO umbrella body took UN-Women's place ...?" with "the
    International Civil Society Centre" and never writes "non-governmental": the acronym after
    "Which" is the kind of answer asked, not an organization the document must name. E/HLPF/2025/3/
    Add.4, annex I, para. 28 writes "to end AIDS by 2030" for "ending the HIV epidemic"."""
    from rag.answer.subjects import check_unnamed_organization

    para = Evidence(paragraph="Since October 2024, the collaborative has been co-chaired by the Statistics Division "
                              "and "
                              "the International Civil Society Centre, which replaced the United Nations Entity for "
                              "Gender Equality and the Empowerment of Women (UN-Women) as the second co-chair.",
                    document="", symbols=("E/CN.3/2025/8",))
    asked = "Which NGO umbrella body took UN-Women's place as second co-chair of the citizen data group?"
    assert check_unnamed_organization(asked, para) is None
    # named elsewhere in the question, the acronym is a constraint
    assert said(check_unnamed_organization("How many NGO representatives attended the collaborative?", para)) == \
        "is from a document that never names NGO"
    # an organization's own acronym after "Which" is one the document must write
    assert said(check_unnamed_organization("Which UNDP office co-chaired the collaborative?", para)) == \
        "is from a document that never names UNDP"
    aids = Evidence(paragraph="One representative of an international organization underlined the need to achieve "
                              "target 3.3 of Goal 3 to end AIDS by 2030.", document="",
                    symbols=("E/HLPF/2025/3/Add.4",))
    assert check_unnamed_organization("What did an international organization say about ending the HIV epidemic?",
                                      aids) is None


def test_an_organization_listed_beside_the_document_s_owner_is_not_the_paragraph_s() -> None:
    """DP/2025/12/Add.1 is UNDP's report on the JIU's recommendations; its para. 12 names UNICEF only
    in the title of a review "of the Executive Boards of the UNDP/UNFPA/UNOPS, UNICEF and UN-Women",
    so it does not answer how many recommendations went to UNICEF."""
    title = ("Cumulative review of the Strategic Plan, 2022-2025, including the annual report of the Administrator "
             "for 2024 Report of UNDP on the recommendations of the Joint Inspection Unit in 2024")
    para = Evidence(paragraph="In response, the JIU conducted a review of the governance and oversight of the "
                              "Executive "
                              "Boards of the UNDP/UNFPA/UNOPS, UNICEF and UN-Women (JIU/REP/2023/7). The review "
                              "contains 10 formal recommendations addressed to the Executive Boards of the five "
                              "organizations.", document="", symbols=("DP/2025/12/Add.1",), title=title)
    assert said(check_organization("How many JIU recommendations issued in 2024 were directed to UNICEF?", para)) == \
        "is about UNDP, not UNICEF"
    # the owner's own question, and a paragraph naming UNICEF on its own, are answered
    assert check_organization("How many JIU recommendations were directed to UNDP?", para) is None
    # a comma closing a phrase, or joint work, lists no joint board
    for text in ("Together with UNDP, UNICEF vaccinated 2 million children in 2024.",
                 "UNDP, UNICEF and WFP jointly reached 2 million people in Yemen."):
        assert check_organization("How many children did UNICEF reach in 2024?",
                                  Evidence(paragraph=text, document="", symbols=("DP/1",), title=title)) is None, text
    alone = Evidence(paragraph="UNICEF accepted two of the recommendations.", document="",
                     symbols=("DP/2025/12/Add.1",),
                     title=title)
    assert check_organization("How many JIU recommendations did UNICEF accept?", alone) is None


def test_another_division_of_the_paragraph_is_a_near_miss() -> None:
    """E/CN.9/2025/6, para. 44 counts the page views of "the websites maintained by the Population
    Division"; asked for the Statistics Division's (which the report names elsewhere), it does not
    answer. A paragraph writing the asked unit, or one named in a longer name, does."""
    from rag.answer.subjects import check_paragraph_unit

    para = Evidence(paragraph="According to information obtained through Google Analytics, the websites maintained by "
                              "the Population Division had nearly 3.3 million page views in 2024.",
                    document="The Statistics Division and the Population Division ...", symbols=("E/CN.9/2025/6",))
    assert said(check_paragraph_unit("How many page views did the UN Statistics Division's websites have in 2024?",
                                     para)) == "is about the Population Division, not the Statistics Division"
    assert check_paragraph_unit("How many page views did the Population Division's websites have in 2024?",
                                para) is None
    assert check_paragraph_unit("How many page views did the division's websites have in 2024?", para) is None
    ieo = Evidence(paragraph="In partnership with the UNICEF Evaluation Office, the Independent Evaluation Office "
                             "co-led the third inter-agency meta-synthesis.", document="", symbols=("DP/FPA/2025/5",))
    assert check_paragraph_unit("What did the Evaluation Office co-lead?", ieo) is None
    assert check_constraints("How many page views did the UN Statistics Division's websites have in 2024?", para) \
        is not None
    # the paragraph's unnamed office is its document's own (DP/2025/11, para. 22); a unit naming the
    # question's document (E/2025/57, para. 75) is not one the paragraph must write
    sessions = Evidence(paragraph="The office provided 142 multilingual sessions in 2024. Through these sessions, the "
                                  "office engaged with the UNDP Human Development Report Office and the Geneva Office.",
                        document="", symbols=("DP/2025/11",))
    assert check_paragraph_unit("How many multilingual ethics sessions did the UNDP Ethics Office deliver in 2024?",
                                sessions) is None
    youth = Evidence(paragraph="An evaluation of United Nations work on youth will be launched at the suggestion of "
                               "the United Nations Youth Office.", document="", symbols=("E/2025/57",))
    # the asked unit by its initials, by the acronym its document gives it, or in lower case
    for text, document, asked in (
            ("HRD documented 1,200 incidents, while the Civil Affairs Division supported 30 dialogues.", "",
             "How many incidents did the Human Rights Division document?"),
            ("In 2024, PBSO worked with the Development Coordination Office.",
             "The Peacebuilding Support Office (PBSO) supports the Commission.",
             "What did the Peacebuilding Support Office do with resident coordinators?"),
            ("The Haiti country office has 120 staff, supported by the Panama Regional Office.", "",
             "How many staff does the Country Office in Haiti have?")):
        assert check_paragraph_unit(asked, Evidence(paragraph=text, document=document, symbols=("X/1",))) is None, text
    assert check_paragraph_unit("In the Executive Director's 2025 report on the UNSDG System-wide Evaluation Office, "
                                "at whose suggestion will the evaluation of UN work on youth be launched?",
                                youth) is None


def test_a_month_the_paragraph_plans_for_is_the_question_s_only_as_a_thing_s_month() -> None:
    """Asked what was done in a month ("approve ... in October 2025"), a paragraph that plans for
    that month ("scheduled for October 2025", "will be held in December 2026") cannot tell."""
    planned = ("The Committee will consider the matter at its fiftieth session, scheduled for October 2025, and is "
               "expected to approve the revised terms of reference at that session.")
    report = Evidence(planned, planned, ("E/AC.51/2025/4",), date="2025-06-10")
    assert said(check_timing("What did the Committee approve at its fiftieth session in October 2025?", report)) == \
        "dates from June 2025, before October 2025"
    election = "The presidential election will be held in December 2026."
    report = Evidence(election, election, ("S/2025/231",), date="2025-04-15")
    assert said(check_timing("Who was elected President in December 2026?", report)) == \
        "dates from April 2025, before December 2026"


def test_a_month_that_dates_an_instrument_is_no_month_a_figure_is_asked_in() -> None:
    """"the Pact for the Future adopted in September 2024" dates the Pact, not the count asked."""
    text = "To date, 118 Member States have submitted commitments."
    report = Evidence(text, text, ("A/80/1",), date="2025-07-10")
    assert check_timing("How many Member States have submitted commitments under the Pact for the Future adopted in "
                        "September 2024?", report) is None


def test_a_resolution_adopted_at_the_session_tells_what_the_body_recommended() -> None:
    title = "Resolution adopted by the Human Rights Council on 4 April 2025"
    masthead = f"Human Rights Council\n{title}\nFifty-eighth session"
    text = "Recommends that States continue to integrate human rights education into school curricula."
    resolution = Evidence(paragraph=text, symbols=("A/HRC/RES/58/10",), date="2025-04-10", title=title,
                          document=f"{masthead}\n{text}", masthead=masthead)
    assert check_own_session("What did the Human Rights Council recommend at its fifty-eighth session regarding "
                             "human rights education?", resolution) is None


def test_a_figure_given_as_of_another_month_or_undated_is_not_the_month_asked() -> None:
    """S/2025/176 (March 2025), para. 49 gives the displaced "As of December 2024"; para. 69 the
    troops deployed, undated: asked "as of June 2024" and "as of September 2024", neither answers."""
    displaced = ("The humanitarian crisis in the Democratic Republic of the Congo remains one of the most severe in "
                 "the world. As of December 2024, 7.8 million Congolese were internally displaced.")
    report = Evidence(displaced, displaced, ("S/2025/176",), date="2025-03-24")
    asked = "How many internally displaced persons were there in the Democratic Republic of the Congo as of {}?"
    assert said(check_timing(asked.format("June 2024"), report)) == \
        "gives the figure as at December 2024, not June 2024"
    for when in ("December 2024", "31 December 2024", "the end of December 2024"):
        assert check_timing(asked.format(when), report) is None, when
    troops = ("MONUSCO deployed 10,173 troops, 7.67 per cent of them women, against an authorized strength of 11,500 "
              "troops.")
    report = Evidence(troops, troops, ("S/2025/176",), date="2025-03-24")
    assert said(check_timing("How many troops did MONUSCO deploy as of September 2024?", report)) == \
        "dates from March 2025, not September 2024"
    assert check_timing("How many troops did MONUSCO deploy as of February 2025?", report) is None


def test_what_was_done_by_mid_year_after_the_report_is_a_near_miss() -> None:
    """S/2025/54 (January 2025), para. 10: "approximately 7,000 out of 53,000 Necessary Unified
    Forces graduates deployed" cannot tell how many had been deployed by mid-2025."""
    text = ("Progress on transitional security arrangements remains stagnant, with approximately 7,000 out of 53,000 "
            "Necessary Unified Forces graduates deployed.")
    report = Evidence(text, text, ("S/2025/54",), date="2025-01-21")
    assert said(check_timing("How many Necessary Unified Forces graduates had been deployed in South Sudan by "
                             "mid-2025?", report)) == "dates from January 2025, before mid-2025"
    assert check_timing("How many Necessary Unified Forces graduates had been deployed by mid-2024?", report) is None


def test_second_review_of_months_asked() -> None:
    """A passive question's month is the figure's ("How many people were displaced in July
    2024?"); a paragraph writing the mid-year or the month asked tells of it; an election "of 28
    December 2026" is the thing planned."""
    text = "Intercommunal violence in Jonglei displaced some 52,000 people, and UNMISS documented 312 incidents."
    report = Evidence(text, "Covering the period from 1 September to 30 November 2024.\n" + text, ("S/2025/165",),
                      date="2025-03-10")
    assert said(check_timing("How many people were displaced in July 2024?", report)) == \
        "dates from March 2025, not July 2024"
    plan = "Under the plan, the Mission would hand over its remaining 12 team sites to national authorities by " \
           "mid-2026."
    report = Evidence(plan, plan, ("S/2025/100",), date="2025-02-14")
    assert check_timing("What did the transition plan provide for by mid-2026?", report) is None
    polls = ("The presidential elections, originally scheduled for 22 December 2024, are now planned for 28 December "
             "2026.")
    report = Evidence(polls, polls, ("S/2025/600",), date="2025-09-15")
    for asked in ("What did the National Electoral Commission decide about the 28 December 2026 elections?",
                  "What did the Commission decide about the elections of 28 December 2026?"):
        assert check_timing(asked, report) is None, asked
    displaced = "As of April, 6.3 million people were internally displaced in the country."
    report = Evidence(displaced, displaced, ("S/2025/403",), date="2025-09-02")
    assert check_timing("How many people were internally displaced as of April 2025?", report) is None
    modal = "Some 6.3 million people were internally displaced; the Council may wish to take note."
    report = Evidence(modal, modal, ("S/2025/403",), date="2025-09-02")
    assert said(check_timing("How many people were internally displaced as of May 2025?", report)) == \
        "dates from September 2025, not May 2025"


def test_the_outcome_of_a_planned_event_is_after_the_report() -> None:
    """S/2025/342 (May 2025), para. 5: parties "were preparing for the presidential election
    scheduled for October 2025"; who won it the report cannot tell (sets a-l, a#28)."""
    text = "In Cameroon, political parties were preparing for the presidential election scheduled for October 2025."
    report = Evidence(text, text, ("S/2025/342",), date="2025-05-30")
    assert said(check_timing("Who won Cameroon's presidential election of October 2025?", report)) == \
        "dates from May 2025, before October 2025"
    assert check_timing("What did the parties prepare for the election of October 2025?", report) is None


def test_a_day_the_paragraph_dates_otherwise_is_a_near_miss_even_in_the_month_of_issue() -> None:
    """A/49/624 (issued 11 November 1994), para. 7: the draft decision adopted "At its 13th meeting,
    on 28 October"; a vote asked "At its meeting on 2 November 1994" is another meeting's, though
    the report is of November."""
    paragraph = ("At its 13th meeting, on 28 October, the Fourth Committee adopted the draft decision contained in "
                 "paragraph 11 of chapter V of the report of the Special Committee by a recorded vote of 93 to 2.")
    evidence = Evidence(paragraph=paragraph, document=paragraph, symbols=("A/49/624",), date="1994-11-11")
    asked = "At its meeting on {}, by what vote did the Fourth Committee adopt the draft decision?"
    assert said(check_timing(asked.format("2 November 1994"), evidence)) == "gives 28 October 1994, not 2 November 1994"
    assert check_timing(asked.format("28 October 1994"), evidence) is None
    held = Evidence(paragraph="From 4 to 19 November, the Court held its session and convicted 16 defendants.",
                    document="", symbols=("S/2025/97",), date="2025-02-10")
    assert check_timing("How many defendants were convicted at the session held on 10 November 2024?", held) is None


def test_a_year_inside_a_quotation_sets_no_time_for_the_days_after_it() -> None:
    """S/2025/154 (issued 12 March 2025), para. 21: statements of 16 January and 23 February, the
    first quoting "the terms of the 1974 Agreement"; a statement asked of 23 March 2025 is another's."""
    paragraph = ("On 16 January, Syrian caretaker authorities stated that “Syria honours the terms of the 1974 "
                 "Agreement and is willing to accept [United Nations] peacekeepers”. On 23 February, the Prime "
                 "Minister of Israel, Benjamin Netanyahu, stated: “We demand full demilitarization of southern "
                 "Syria”.")
    evidence = Evidence(paragraph=paragraph, document=paragraph, symbols=("S/2025/154",), date="2025-03-12")
    asked = "What did the Prime Minister of Israel say about southern Syria on {}?"
    assert said(check_timing(asked.format("23 March 2025"), evidence)) == "gives 23 February 2025, not 23 March 2025"
    assert check_timing(asked.format("23 February 2025"), evidence) is None


def test_a_participle_read_as_a_state_asks_nothing_done() -> None:
    """Found in review: "registered voters" and "displaced persons" are a state at a time, not what
    was done (which a report issued before cannot tell); "graduated" tells what was done."""
    from rag.answer.timing import asks_done

    assert not asks_done("How many registered voters were there in Kosovo in February 2025?")
    assert not asks_done("How many internally displaced persons were there in Haiti in June 2025?")
    assert asks_done("How many officers graduated from the Academy in June 2024?")


def test_a_report_issued_in_a_month_is_that_months_report() -> None:
    """S/2025/350 (UNDOF, dated 3 June 2025), para. 1: "from 19 February to 19 May 2025" was cited
    for "What period does the UNDOF report issued in March 2025 cover?"."""
    from rag.search.periodic import asked_time

    text = ("The present report provides an account of the activities of the United Nations Disengagement Observer "
            "Force (UNDOF) from 19 February to 19 May 2025.")
    evidence = Evidence(text, text, ("S/2025/350",), date="2025-06-03")
    q = "What period does the UNDOF report issued in March 2025 cover?"
    assert asked_time(q).issued == (2025, 3)
    assert said(check_constraints(q, evidence)) == "dates from June 2025, not the March 2025 report"
    assert check_constraints(q.replace("March", "June"), evidence) is None
    # a letter or note dated a day is no report asked by its month
    letter = ("In a letter dated 28 February 2025 addressed to me, the Permanent Representative of the Syrian Arab "
              "Republic protested the presence of Israeli forces in the area of separation.")
    assert check_constraints("What did Syria protest in its letter dated 28 February 2025?",
                             Evidence(letter, letter, ("S/2025/350",), date="2025-06-03")) is None
    assert asked_time("What does the note dated 3 March 2025 say?").issued == (2025, 3)
    assert asked_time("What did the report dated 3 March 2025 say about UNDOF patrols?").issued == (2025, 3)


def test_a_day_asked_without_its_year_is_of_the_documents_time() -> None:
    """S/2025/350, para. 11 (dated 3 June 2025) tells of "On 12 March, ... killed 25 sheep from
    Rafid village" and "On 13 May, ...": cited for the sheep killed "on 12 April"."""
    text = ("UNDOF received 14 complaints from members of the communities. On 12 March, members of the local "
            "community complained that the Israel Defense Forces had shot and killed 25 sheep from Rafid village "
            "and seized 50 sheep. On 13 May, UNDOF personnel at position 86B observed four soldiers.")
    evidence = Evidence(text, text, ("S/2025/350",), date="2025-06-03")
    q = "How many sheep did Israeli forces kill in Rafid village on 12 April?"
    assert said(check_constraints(q, evidence)) == "gives 12 March 2025, not 12 April 2025"
    assert check_constraints(q.replace("12 April", "12 March"), evidence) is None
    # "On 12 April, ..." opening the question is the same day; a year written elsewhere is left to the year's check
    assert said(check_constraints("On 12 April, how many sheep did Israeli forces kill in Rafid village?",
                                  evidence)) == "gives 12 March 2025, not 12 April 2025"
    assert "12 April 2025" not in (said(check_constraints(q + " in 2024", evidence)) or "")
    # a paragraph writing no day is not judged by one
    plain = "Israeli forces killed 25 sheep from Rafid village."
    assert check_constraints(q, Evidence(plain, plain, ("S/2025/350",), date="2025-06-03")) is None


def test_a_period_asked_of_an_undated_paragraph_of_a_report_on_another_period() -> None:
    """S/2025/54 reports "between 16 October 2024 and 15 January 2025" (para. 1); its para. 49, "The
    UNMISS force conducted 15,666 patrols", writing no date, was cited for the patrols "between 1
    August and 15 October 2024"."""
    intro = ("The present report is submitted pursuant to Security Council resolution 2729 (2024). The report covers "
             "political and security developments between 16 October 2024 and 15 January 2025.")
    text = "The UNMISS force conducted 15,666 patrols, including 506 integrated patrols."
    evidence = Evidence(text, intro + "\n" + text, ("S/2025/54",), date="2025-02-04")
    q = "How many patrols did the UNMISS force conduct between 1 August and 15 October 2024?"
    assert said(check_constraints(q, evidence)) == \
        "is from a report on 16 October 2024 to 15 January 2025, not 1 August to 15 October 2024"
    assert check_constraints(q.replace("1 August and 15 October 2024", "1 November and 31 December 2024"),
                             evidence) is None
    # a paragraph writing a year may tell of other times than its report's
    dated = "In 2024, the UNMISS force conducted 40,000 patrols."
    assert check_constraints(q, Evidence(dated, intro + "\n" + dated, ("S/2025/54",), date="2025-02-04")) is None


def test_a_range_of_other_days_does_not_hold_the_asked_day() -> None:
    """S/2025/211, para. 3: "Between 20 January and 9 February, the Tumaini Initiative talks
    restarted ..., but were adjourned without progress on 20 February": cited for who adjourned
    them "on 20 March 2025" (a range of days passed the check, though it does not hold the day)."""
    text = ("Between 20 January and 9 February, the Tumaini Initiative talks restarted in Nairobi, but were adjourned "
            "without progress on 20 February by the President of Kenya, William Ruto.")
    evidence = Evidence(text, text, ("S/2025/211",), date="2025-04-15")
    q = "Who adjourned the Tumaini Initiative talks on 20 March 2025?"
    assert said(check_constraints(q, evidence)) == "gives 20 February 2025, not 20 March 2025"
    assert check_constraints(q.replace("20 March", "20 February"), evidence) is None
    # a range holding the asked day may tell of it
    assert check_constraints(q.replace("20 March", "1 February"), evidence) is None


def test_a_previous_reports_period_is_not_the_reports_own() -> None:
    """A report citing its previous report's period in its opening ("In my previous report, covering
    the period from 1 June to 15 September 2024") does not cover that period."""
    doc = ("Security Council\nThe present report is submitted pursuant to resolution 2729 (2024). In my previous "
           "report, covering the period from 1 June to 15 September 2024, I noted the deterioration.")
    text = "The UNMISS force conducted 15,666 patrols, including 506 integrated patrols."
    q = "How many patrols did the UNMISS force conduct between 16 September and 15 December 2024?"
    assert check_constraints(q, Evidence(text, doc + "\n" + text, ("S/2025/20",), date="2025-01-10")) is None


def test_review_mends_of_the_day_and_period_checks() -> None:
    """A year naming a thing ("the 2030 Agenda") does not stop the day asked without its year; a
    coverage sentence that names the previous report's period gives no period of its own; the
    nearest day of a month's end is read whole ("31 March" is nearer 30 March than "28 March")."""
    from rag.answer.coverage import covered_days

    text = ("On 12 March, the Committee adopted a decision on follow-up and review. It welcomed progress on the 2030 "
            "Agenda for Sustainable Development.")
    evidence = Evidence(text, text, ("E/2025/76",), date="2025-06-16")
    assert said(check_constraints("What decision did the Committee adopt on 12 April on the 2030 Agenda?",
                                  evidence)) == "gives 12 March 2025, not 12 April 2025"
    doc = ("Security Council\nThe present report covers developments since my previous report, which covered the "
           "period from 1 June to 15 September 2024, and until 15 December 2024.\nThe UNMISS force conducted 15,666 "
           "patrols.")
    assert covered_days(Evidence("The UNMISS force conducted 15,666 patrols.", doc, ("S/2025/20",),
                                 date="2025-01-10")) is None
    talks = "On 28 March 2025, the talks resumed. On 31 March 2025, the delegations met again in Nairobi."
    assert said(check_constraints("Who adjourned the talks on 30 March 2025?",
                                  Evidence(talks, talks, ("S/2025/211",), date="2025-04-15"))) == \
        "gives 31 March 2025, not 30 March 2025"


def test_a_month_a_yearless_paragraph_gives_in_another_year_is_a_near_miss() -> None:
    """S/2025/223, para. 8 (a report of April 2025): "On 18 and 19 December" (2024), written with no
    year, for members who met "in March 2025": no year written for the year's check to read."""
    paragraph = ("On 18 and 19 December, 32 members of the House of Representatives and 46 members of High Council of "
                 "State met in Bouznika, Morocco, where they agreed to reconstitute the executive.")
    evidence = Evidence(paragraph=paragraph, document=paragraph, symbols=("S/2025/223",), date="2025-04-14")
    asked = "How many members of the House of Representatives met in Bouznika in {}?"
    assert said(check_timing(asked.format("March 2025"), evidence)) == "gives 19 December 2024, not March 2025"
    assert check_timing(asked.format("December 2024"), evidence) is None
    # a year after the document's, which the year's check does not read, leaves it to this one (found in review)
    text = paragraph + " The meeting sought to advance the 2030 Agenda."
    evidence = Evidence(paragraph=text, document=text, symbols=("S/2025/223",), date="2025-04-14")
    assert said(check_timing(asked.format("March 2025"), evidence)) == "gives 19 December 2024, not March 2025"


def test_a_day_since_which_a_report_tells_is_no_day_asked() -> None:
    """S/2025/176, para. 52 (the MONUSCO report covering developments since 29 November 2024):
    "On 26 January, ... approved a $17 million rapid response allocation" answers (tester 80)."""
    paragraph = ("On 26 January, in response to the scale and severity of the crisis, the Emergency Relief Coordinator "
                 "approved a $17 million rapid response allocation from the Central Emergency Response Fund.")
    evidence = Evidence(paragraph=paragraph, document=paragraph, symbols=("S/2025/176",), date="2025-03-21")
    assert check_timing("In the Secretary-General's report on MONUSCO covering developments since 29 November 2024, "
                        "how much did the Emergency Relief Coordinator allocate from CERF?", evidence) is None


def test_a_year_or_period_named_only_to_compare_with_is_not_what_the_paragraph_is_about() -> None:
    """S/2025/200, para. 11 gives the 2025 results, "compared with 44 in the 2021 elections": asked
    of 2019, it is about its report's 2025, not 2021. E/2025/76, para. 8 is on fiscal year 2024/25,
    "22 per cent lower than that of fiscal year 2023/24": asked of 2022/23, it is about 2024-2025."""
    kosovo = ("On 15 March, the Central Election Commission announced the results. The incumbent Vetëvendosje Party "
              "obtained 41.63 per cent of votes (48 of the 120 seats in the Assembly). The election also saw women "
              "secure 45 seats in the legislature, compared with 44 in the 2021 elections.")
    asked = "How many seats did Vetëvendosje win in the 2019 Kosovo parliamentary elections?"
    assert said(check_constraints(asked, Evidence(kosovo, kosovo, ("S/2025/200",)))) == "is about 2025, not 2019"
    budget = ("On 25 November 2024, the President of South Sudan signed into law the budget for fiscal year 2024/25. "
              "The approved budget has a deficit of 46 per cent. The budget for 2024/25 is 22 per cent lower than that "
              "of fiscal year 2023/24. It plans 50 per cent of revenue from non-oil sources, which is substantially "
              "higher than the 13 per cent planned in the budget for fiscal year 2023/24.")
    asked = "What was the deficit of South Sudan's budget for fiscal year 2022/23?"
    assert said(check_constraints(asked, Evidence(budget, budget, ("E/2025/76",)))) == \
        "is about 2024-2025, not 2022-2023"
    # the nearest year still names the mismatch where it is told of, not compared with
    told = "In 2021, women won 44 seats, compared with 40 in 2017."
    assert said(check_constraints("How many seats did women win in 2019?", Evidence(told, told, ("S/2025/200",)))) \
        == "is about 2021, not 2019"


def test_a_paragraph_naming_no_country_of_a_report_whose_title_names_none_is_about_no_country() -> None:
    """A/56/385, para. 4 (the climate convention secretariat's link to the United Nations) names no
    country; its document names Germany, the secretariat's seat: asked of Western Sahara, it was
    "about Germany". A title naming a country still says what the report is about."""
    from rag.answer.constraints import _check_country
    from rag.answer.evidence import Constraint

    para = ("It will be recalled that the institutional linkage of the Convention secretariat to the United Nations "
            "was initially approved by the Conference of the Parties in decision 14/CP.1.")
    linkage = Evidence(para, para + " The secretariat is located in Bonn, Germany. Germany hosts it.", ("A/56/385",))
    sahara = Constraint("country", "Western Sahara", "Western Sahara")
    assert said(_check_country(sahara, linkage)) == "is from a document that never names Western Sahara"
    titled = Evidence("The Mission conducted 500 patrols.", "Mali. Mali.", ("S/2025/1",), title="The situation in Mali")
    assert said(_check_country(sahara, titled)) == "is about Mali, not Western Sahara"


def test_a_paragraph_naming_several_other_countries_is_said_to_name_them() -> None:
    """S/2025/153, para. 1 (the report on resolution 1701 (2006)) tells of the cessation of hostilities
    between Lebanon and Israel "as announced by the United States of America and France": asked of
    Israel and Syria, it was "about United States"."""
    para = ("Intense exchanges of fire between Hizbullah and the Israel Defense Forces continued until a cessation of "
            "hostilities came into effect on 27 November 2024. As announced by the United States of America and "
            "France on 26 November, Israel will withdraw its forces. On 26 January, the United States announced that "
            "the arrangement between Lebanon and Israel will continue to be in effect.")
    report = Evidence(para, para + " Lebanon. Lebanon. Lebanon. Lebanon. Syrian Arab Republic.", ("S/2025/153",))
    asked = "When did the cessation of hostilities between Israel and Syria come into effect in November 2024?"
    assert said(check_constraints(asked, report)) == "names United States, France and Lebanon, not Syria"


def test_another_organization_s_paragraph_of_a_report_titled_by_both_is_a_near_miss() -> None:
    """DP/2025/8, para. 122 (the joint board of UNDP, UNFPA and UNOPS) tells of UNOPS's "47 staff
    reductions at the end of 2024": asked of UNFPA, which the title names beside UNOPS and the
    document names more often, it was cited. A heading naming the asked one still makes it the
    paragraph's subject."""
    para = ("In response, the Executive Director noted the resurgence of a spirit of collegiality among UNOPS staff. "
            "He explained that the 47 staff reductions at the end of 2024 were made with care.")
    title = "Report of the first regular session 2025 of the Executive Board of UNDP, UNFPA and UNOPS"
    board = Evidence(para, para + " UNOPS. UNOPS. UNOPS. UNFPA. UNDP.", ("DP/2025/8",), title=title)
    q = "How many staff reductions did UNFPA make at the end of 2024?"
    assert said(check_paragraph_organization(q, board)) == "is about UNOPS, not UNFPA"
    # a title naming both, the asked one named as often: neither is the paragraph's by the title alone
    even = Evidence(para, para + " UNFPA. UNFPA. UNFPA. UNFPA. UNDP.", ("DP/2025/8",), title=title)
    assert check_paragraph_organization(q, even) is None
    joint = Evidence(para, para + " UNFPA. UNFPA. UNFPA.", ("DP/2025/8",), title=title,
                     section="Joint segment > VII. Internal audit and investigation")
    assert check_paragraph_organization(q, joint) is None
    # a joint segment's paragraph on one organization, of a masthead naming none (DP/2025/8, para. 10)
    fraud = ("The UNDP Assistant Administrator outlined progress in recovering funds lost to fraud. Approximately 43 "
             "per cent of funds lost through fraud between 2013 and 2023 had been recovered.")
    recovered = Evidence(fraud, fraud + " UNDP. UNDP. UNDP. UNFPA.", ("DP/2025/8",),
                         title="Organizational matters Report of the first regular session 2025",
                         section="Joint segment > II. Recommendations of the Board of Auditors")
    assert said(check_paragraph_organization("What share of funds lost to fraud did UNFPA recover?", recovered)) == \
        "is about UNDP, not UNFPA"
    # a heading naming another organization as a partner is no segment of it (found in review)
    unhcr = "Delegations welcomed the strengthened cooperation with UNHCR, including joint education programmes."
    unicef = Evidence(unhcr, unhcr + " UNICEF. UNICEF. UNICEF.", ("E/ICEF/2025/1",),
                      title="Executive Board of the United Nations Children's Fund",
                      section="VII. Collaboration with UNHCR")
    assert check_paragraph_organization("How many children do UNICEF joint education programmes reach?", unicef) is None
    headed = Evidence(para, para + " UNFPA. UNFPA. UNFPA.", ("DP/2025/8",), title=title, section="UNFPA segment")
    assert check_paragraph_organization(q, headed) is None
    own = Evidence(para, para + " UNFPA. UNFPA. UNFPA.", ("DP/FPA/2025/1",), title="UNFPA annual report")
    assert check_paragraph_organization(q, own) is None
    # the real masthead names no organization; the heading names the paragraph's
    segment = Evidence(para, para + " UNFPA. UNFPA. UNFPA. UNFPA. UNDP.", ("DP/2025/8",),
                       title="Organizational matters Report of the first regular session 2025",
                       section="UNOPS segment > XIV. Comprehensive response plan")
    assert said(check_paragraph_organization(q, segment)) == "is about UNOPS, not UNFPA"


def test_than_after_no_comparative_or_before_expected_sets_no_year_beside() -> None:
    """Found in review: "lower than expected in 2024" tells of 2024; "No country other than the
    Sudan ... in 2024" too."""
    fund = "Contributions to the Fund were lower than expected in 2024, at $110 million."
    asked = "How much did Member States contribute to the Peacebuilding Fund in 2019?"
    assert said(check_constraints(asked, Evidence(fund, fund, ("A/80/1",)))) == "is about 2024, not 2019"
    sudan = "No country other than the Sudan recorded more attacks on schools in 2024."
    assert said(check_constraints("How many attacks on schools were recorded in 2019?",
                                  Evidence(sudan, sudan, ("A/80/1",)))) == "is about 2024, not 2019"


def test_a_month_a_paragraph_only_compares_with_is_not_its_own() -> None:
    # S/2025/200, para. 12: the February 2025 turnout, set beside the previous elections' of February 2021
    text = ("The voter turnout was reported to be 46.54 per cent, slightly lower than during the previous elections "
            "in February 2021 (48.78 per cent).")
    evidence = Evidence(text, text, ("S/2025/200",), date="2025-04-15")
    assert check_timing("What was the voter turnout in the February 2025 Kosovo legislative elections?",
                        evidence) is None


def test_fewer_than_a_figure_measures_and_a_compared_day_of_the_asked_year_answers() -> None:
    """A figure under a bound ("Fewer than 2,000", "Less than 10 per cent") sets no time beside the
    one told of; a day set beside it answers when its year is the one asked (found in review)."""
    returned = "Fewer than 2,000 refugees returned in March 2025. In March 2024, some 5,000 had returned."
    evidence = Evidence(returned, returned, ("S/2025/300",), date="2025-05-01")
    assert check_timing("How many refugees returned in March 2025?", evidence) is None
    funded = ("As at 31 March 2025, less than 10 per cent of the appeal had been funded, compared with 15 per cent "
              "as at 31 March 2024.")
    evidence = Evidence(funded, funded, ("S/2025/300",), date="2025-05-01")
    assert check_timing("How much of the appeal was funded as at 31 March 2025?", evidence) is None
    assert check_timing("How much of the appeal was funded as at 31 March 2024?", evidence) is None


def test_a_date_after_than_is_set_beside() -> None:
    # found in review: "lower than 31 March 2024" compares with a day, unlike "lower than 31 per cent"
    from rag.answer.timing import set_against

    text = "Funding as at 31 March 2025 was lower than 31 March 2024"
    assert set_against(text, text.index("31 March 2024"))
    measure = "Funding was lower than 31 per cent in March 2025"
    assert not set_against(measure, measure.index("March 2025"))
