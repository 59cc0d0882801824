"""A person asked for that the best paragraph does not name (rag.answer.persons), on paragraphs as
the UN documents write them: CEB/2025/4, para. 2; S/2025/54, para. 19; S/2025/509, para. 13;
S/2025/495, para. 17."""

from __future__ import annotations

from rag.answer.constraints import check_constraints
from rag.answer.evidence import Evidence
from rag.answer.persons import asks_person, check_person, named_people
from tests.conftest import said

CHAIR = Evidence(
    paragraph="In opening the session, the Chair of the Committee, the Under-Secretary-General and Executive Director "
              "of the United Nations Environment Programme (UNEP), Inger Andersen, observed that HLCP was meeting at "
              "a complex and challenging time for the United Nations system.",
    document="the Committee met; the executive director spoke", symbols=("CEB/2025/4",))
_SUMMIT = ("On 30 November, the President attended the twenty-fourth East Africa Community Heads of State Summit in "
           "Arusha, United Republic of Tanzania, where he handed over the block’s chairpersonship to the President of "
           "Kenya.")
# The rest of the report writes "community", "heads" and "summit" in lower case, as S/2025/54 does.
SUMMIT = Evidence(paragraph=_SUMMIT, document=f"Report of the Secretary-General on South Sudan\n{_SUMMIT}\nThe heads of "
                                              "the regional economic community met at a summit.", symbols=("S/2025/54",))


def test_questions_asking_who_was_appointed_elected_or_succeeded_ask_for_a_person() -> None:
    for question in ("Who succeeded Inger Andersen as Chair of the High-level Committee on Programmes?",
                     "Whom did the Secretary-General nominate in February 2024 as Secretary-General of the "
                     "Conference?", "Who were elected Vice-Chairs of the Disarmament Commission for 2025?",
                     "What is the name of the Director of the Codification Division?",
                     "Who took over the East African Community chairpersonship in 2025?"):
        assert asks_person(question), question
    # an acronym before an office names whose office it is: a person is asked for
    for question in ("Who succeeded the SRSG for Haiti?", "Who succeeded the UNHCR High Commissioner?",
                     "Who will succeed the UN Secretary-General?", "Who succeeded the UN Special Envoy for Syria?"):
        assert asks_person(question), question
    for question in ("Who spoke for the World Trade Organization at the forum?", "Who coined the name Black Death?",
                     "Which country was elected to the Council?", "Who briefed the Technical Advisory Group?",
                     "Who replaced UN-Women as co-chair of the collaborative on citizen data?",
                     "Who succeeded UNDP as lead agency of the cluster?",
                     # a task taken over may pass to a Government (A/80/275, para. 82)
                     "Who took over the medical and psychosocial support for witnesses in Rwanda?",
                     "Who took over the health and counselling help for witnesses after the field office shut down?"):
        assert not asks_person(question), question
    for question in ("Who took over as Chair of the Working Group?", "Who took over from Mr. Guterres?",
                     "Who took over the presidency of the Council in March?", "Who took over command of UNIFIL?",
                     "Who took over the Mission's leadership?", "Who took over the mandate of Special Rapporteur?"):
        assert asks_person(question), question


def test_a_paragraph_naming_nobody_but_the_question_s_people_does_not_answer() -> None:
    assert check_person("Who succeeded Inger Andersen as Chair of the High-level Committee on Programmes?",
                        CHAIR).describe() == "names no one beyond those the question names"
    assert check_person("Who chaired the High-level Committee on Programmes at the session?", CHAIR) is None
    mismatch = check_constraints("Who took over the East African Community chairpersonship from Kenya's President in "
                                 "2025?", SUMMIT)
    assert mismatch is not None and mismatch.describe() == "names no one beyond those the question names"


def test_people_are_named_in_full_or_after_a_title_of_address() -> None:
    took_office = ("On 27 July, the High Council of State held a televised session that was attended by 95 members and "
                   "elected Mr. Takala as President.")
    assert named_people(took_office, frozenset()) == {"takala"}
    speaker = ("On 15 May, the House of Representatives elected Richard Nagbe Koon as Speaker, after Jonathan Fonati "
               "Koffa resigned; the Liberia National Police and UNTSO Head were informed.")
    assert named_people(speaker, frozenset({"police"})) == {"richard nagbe koon", "jonathan fonati koffa"}
    assert check_person("Whom did the House of Representatives elect as Speaker in May 2025?",
                        Evidence(paragraph=speaker, document="")) is None


def test_a_question_asking_who_chairs_a_body_asks_for_a_person() -> None:
    # A small extract of a real page: E/CN.9/2025/6, para. 10 names the Group, not its chair.
    group = Evidence(paragraph="The Department of Economic and Social Affairs continued to support the Technical "
                               "Advisory Group on COVID-19 Mortality Assessment, in collaboration with WHO.",
                     document="the department supported the group", symbols=("E/CN.9/2025/6",))
    mismatch = check_person("Who chairs the Technical Advisory Group on COVID-19 Mortality Assessment?", group)
    assert mismatch is not None and mismatch.describe() == "names no one beyond those the question names"
    assert asks_person("Who was the Chairman of the Intergovernmental Negotiating Committee in 1992?")
    chair = Evidence(paragraph="Chair: Pierre Jaillard (France)", document="the chair", symbols=("E/2025/70",))
    assert check_person("Who chaired the 2025 session of the Group of Experts on Geographical Names?", chair) is None
    # Who spoke or briefed is not asked: a speaker is often given by title alone.
    assert not asks_person("Who briefed the Council on the situation?")


def test_a_co_chair_may_be_an_organization() -> None:
    """E/CN.3/2025/4, para. 49 (shortened): the collaborative's co-chair is an organization."""
    centre = Evidence(paragraph="Since October 2024, the Collaborative has been co-chaired by the Statistics Division "
                                "and the International Civil Society Centre, which replaced UN-Women.",
                      document="the collaborative on citizen data; the civil society centre",
                      symbols=("E/CN.3/2025/4",))
    assert check_person("Who is the second co-chair of the collaborative on citizen data since October 2024?",
                        centre) is None
    plain = Evidence(paragraph="The collaborative on citizen data met twice in 2024.", document="the collaborative",
                     symbols=("E/CN.3/2025/4",))
    assert said(check_person("Who is the second co-chair of the collaborative on citizen data?", plain)) == \
        "names no one beyond those the question names"


def test_which_member_a_body_appointed_asks_for_a_person() -> None:
    # A small extract of a real page: A/80/48, para. 39 reports a member's statement, naming nobody.
    statement = Evidence(paragraph="She took the opportunity to express regrets that none of the 27 member States of "
                                   "the European Union had signed or ratified the Convention.",
                         document="she expressed regrets", symbols=("A/80/48",))
    question = "Which member did the Committee on Migrant Workers appoint as focal point on climate-induced migration?"
    assert said(check_person(question, statement)) == "names no one beyond those the question names"
    assert not asks_person("Which member States did the Committee appoint to the Bureau?")


def test_a_meeting_may_elect_a_state_to_an_office() -> None:
    """TPNW/MSP/2025/11/Rev.1, para. 24 (shortened): a Meeting of States Parties elects States to
    its offices, as UN conferences do."""
    elected = Evidence(paragraph="At its 10th plenary meeting, on 7 March, the Meeting elected South Africa as "
                                 "President of the first Review Conference of the Treaty.",
                       document="the meeting elected its officers", symbols=("TPNW/MSP/2025/11/Rev.1",))
    assert check_person("Who was elected President of the first Review Conference of the TPNW?", elected) is None
    # a State the question names itself is no answer
    assert said(check_person("Who did South Africa nominate as President of the Review Conference?", elected)) == \
        "names no one beyond those the question names"
    vice = Evidence(paragraph=elected.paragraph.replace("as President", "as Vice-President"), document="the meeting",
                    symbols=("TPNW/MSP/2025/11/Rev.1",))
    assert said(check_person("Who was elected President of the first Review Conference?", vice)) == \
        "names no one beyond those the question names"
    assert check_person("Who was elected Vice-President of the first Review Conference?", vice) is None
    tobago = Evidence(paragraph="The Meeting elected Trinidad and Tobago as Chair of the working group.",
                      document="the meeting", symbols=("X/1",))
    assert check_person("Who was elected Chair of the working group?", tobago) is None
    # A/80/39, para. 59: a regional group nominates a State
    nominated = Evidence(paragraph="The Asia-Pacific States nominated the State of Palestine as Rapporteur. No other "
                                   "nominations were presented.", document="the committee", symbols=("A/80/39",))
    assert check_person("Whom did the Asia-Pacific States nominate as Rapporteur of the High-level Committee?",
                        nominated) is None


def test_the_holder_of_an_office_asked_for_is_a_person() -> None:
    """DP/FPA/2025/7, para. 6 says "the current Ethics Advisor" took office in mid-August 2024
    without her name; S/2025/200, para. 103 thanks "my Special Representative, Caroline Ziadeh",
    the person the question asks for the predecessor of."""
    for question in ("What is the name of the UNFPA Ethics Advisor who took office in August 2024?",
                     "Who was the Special Representative heading UNMIK before Caroline Ziadeh?",
                     "Who is the Force Commander of the United Nations Mission in South Sudan?",
                     "Who heads the Office of Audit and Investigations?"):
        assert asks_person(question), question
    for question in ("Who is the main donor of the Fund?", "Which States head the list of contributors?",
                     "Who led the negotiations on the text?"):
        assert not asks_person(question), question
    ethics = Evidence(paragraph="The previous Ethics Advisor completed her mandate in mid-July 2024 and was succeeded "
                                "by the current Ethics Advisor in mid-August 2024.",
                      document="the office of the ethics advisor", symbols=("DP/FPA/2025/7",))
    assert said(check_person("What is the name of the UNFPA Ethics Advisor who took office in August 2024?",
                             ethics)) == "names no one beyond those the question names"
    thanks = Evidence(paragraph="Lastly, I express my deep appreciation to my Special Representative, Caroline Ziadeh, "
                                "and the entire UNMIK team for their unwavering efforts in fostering dialogue.",
                      document="the team", symbols=("S/2025/200",))
    assert said(check_person("Who was the Special Representative heading UNMIK before Caroline Ziadeh?", thanks)) == \
        "names no one beyond those the question names"
    assert check_person("Who is the Special Representative heading UNMIK?", thanks) is None


def test_a_thing_named_or_a_role_taken_by_a_body_asks_for_no_person() -> None:
    for question in ("What is the name of the initiative the Secretary-General launched in 2024?",
                     "What is the name of the fund the High Commissioner established?",
                     "Who heads the protection cluster in Haiti?",
                     "Who was the chief sponsor of the draft resolution?"):
        assert not asks_person(question), question
    for question in ("What is the name of the new Executive Director?", "Who heads the Office of Legal Affairs?",
                     "Who is heading the Mission?"):
        assert asks_person(question), question


def test_the_head_of_a_mission_or_office_is_a_person() -> None:
    for question in ("Who is the head of UNMISS?", "Who heads UNMIK?", "Who is the Head of Mission of UNFICYP?",
                     "Who is the chief of the Human Rights Section?"):
        assert asks_person(question), question


def test_the_holder_of_an_office_asked_for_holds_that_office() -> None:
    """S/2025/504, para. 11 names "the Special Envoy for South Sudan of IGAD, Ismail Wais": cited for
    "Who is the Special Representative for South Sudan and Head of UNMISS?". DP/2025/11, para. 11
    ("office staff included a Director (D1), ...") was cited for the current Director of the UNDP
    Ethics Office."""
    envoy = ("On 3 and 4 June, the Special Envoy for South Sudan of IGAD, Ismail Wais, convened a consultative meeting "
             "in Juba with regional and international partners.")
    evidence = Evidence(envoy, "The Secretary-General reports on South Sudan.\n" + envoy, ("S/2025/504",))
    assert said(check_person("Who is the Special Representative for South Sudan and Head of UNMISS?", evidence)) == \
        "does not name the Special Representative"
    assert check_person("Who is the Special Envoy for South Sudan of IGAD?", evidence) is None
    # the person named by surname where the document gives the office before the full name
    briefed = "Mr. Haysom briefed the partners on the crisis."
    document = ("The Special Representative of the Secretary-General for South Sudan, Nicholas Haysom, travelled to "
                "Malakal.\n" + briefed)
    assert check_person("Who is the Special Representative for South Sudan?",
                        Evidence(briefed, document, ("S/2025/504",))) is None
    staff = ("In 2024, office staff included a Director (D1), an Ethics Advisor (P5), two Ethics Specialists (P3) and "
             "an Administrative Associate (G6).")
    q = "Who is the current Director of the UNDP Ethics Office?"
    assert asks_person(q)
    assert said(check_person(q, Evidence(staff, staff, ("DP/2025/11",)))) == \
        "names no one beyond those the question names"


def test_a_region_names_no_person() -> None:
    """DP/2025/11, para. 11: "the UNDP Bureau for Latin America and the Caribbean (RBLAC)" was read
    as naming a person, so the paragraph answered who the Ethics Office's Director is."""
    text = ("In 2024, office staff included a Director (D1) and an Ethics Advisor (P5). Additionally, the office "
            "engaged temporary support with the UNDP Bureau for Latin America and the Caribbean (RBLAC).")
    assert named_people(text, frozenset()) == set()
    assert said(check_person("Who is the current Director of the UNDP Ethics Office?",
                             Evidence(text, text, ("DP/2025/11",)))) == "names no one beyond those the question names"


def test_who_served_as_an_officer_of_a_meeting_asks_for_a_person() -> None:
    """TPNW/MSP/2025/11, para. 2 ("the Secretary-General convened the third Meeting of States
    Parties ...") was cited for who was Secretary-General of the Meeting (para. 9 names Christopher
    King)."""
    q = "Who was Secretary-General of the third Meeting of States Parties?"
    assert asks_person(q) and asks_person("Who served as President of the Conference?")
    assert asks_person("Who was President of the 2025 United Nations Ocean Conference?")
    assert not asks_person("Who was President of the Security Council in March?")  # a State may hold it
    text = ("Accordingly, in a note verbale dated 4 October 2024, the Secretary-General convened the third Meeting of "
            "States Parties to the Treaty from 3 to 7 March 2025 at United Nations Headquarters in New York.")
    assert said(check_person(q, Evidence(text, text, ("TPNW/MSP/2025/11",)))) == \
        "names no one beyond those the question names"


def test_an_office_under_another_or_for_another_place_is_not_the_asked_one() -> None:
    """A paragraph writing only another office of the same name gives no holder of the asked one;
    the asked office written, however its holder is named, passes ("Director General" without its
    hyphen, "SRSG", a rank before the name, the office after the name)."""
    q = "Who is the Special Representative for South Sudan?"
    for text in ("The Deputy Special Representative of the Secretary-General (Political), Guang Cong, met the "
                 "Governor.",
                 "The Special Representative for Children and Armed Conflict, Virginia Gamba, visited Juba."):
        found = check_person(q, Evidence(text, text, ("S/2025/504",)))
        assert said(found) == "does not name the Special Representative", text
    children = "Who is the Special Representative of the Secretary-General for Children and Armed Conflict?"
    haysom = "The Special Representative of the Secretary-General for South Sudan, Nicholas Haysom, met the President."
    assert said(check_person(children, Evidence(haysom, haysom, ("S/2025/504",)))) == \
        "does not name the Special Representative"
    for question, text in (
            (q, haysom),
            (q, "The Special Representative of the Secretary-General, Nicholas Haysom, briefed the Council."),
            ("Who is the Force Commander of UNIFIL?", "I thank the UNIFIL Head of Mission and Force Commander, "
                                                      "Lieutenant General Aroldo Lázaro Sáenz, for his service."),
            ("Who is the Director-General of the World Health Organization?", "The Director General of the World "
             "Health Organization, Tedros Adhanom Ghebreyesus, addressed the Forum."),
            ("Who is the Director-General of the ILO?", "The Director-General of the International Labour "
                                                        "Organization (ILO), Gilbert F. Houngbo, spoke."),
            ("Who is the Executive Director of UNICEF?", "Catherine Russell, UNICEF Executive Director, visited Juba."),
            ("Who is the Special Representative for Libya?", "The Secretary-General appointed Hanna Tetteh as SRSG "
                                                             "for Libya in January 2025.")):
        assert check_person(question, Evidence(text, text, ("S/2025/1",))) is None, text
    assert asks_person("Who is the Police Commissioner of UNMISS?") and asks_person("Who is the new head of BINUH?")


def test_an_office_given_someone_the_paragraph_gives_the_office_under_it() -> None:
    """S/2025/223, para. 83: Stephanie Koury is the Deputy Special Representative; Hanna Tetteh, named
    before her, the Special Representative (tester 77)."""
    from rag.answer.persons import check_office_given

    paragraph = ("I thank my new Special Representative for Libya and Head of UNSMIL, Hanna Tetteh, for the work that "
                 "she has done since taking office, and I thank my Deputy Special Representative for Political "
                 "Affairs, Stephanie Koury, for her leadership.")
    evidence = Evidence(paragraph, paragraph, ("S/2025/223",), "2025-04-14")
    asked = "When did {} take up her duties as Special Representative for Libya?"
    assert said(check_office_given(asked.format("Stephanie Koury"), evidence)) == \
        "names Stephanie Koury as Deputy Special Representative, not Special Representative"
    assert check_office_given(asked.format("Hanna Tetteh"), evidence) is None
    assert check_office_given("When did Stephanie Koury take up her duties as Deputy Special Representative?",
                              evidence) is None
    # the office under the asked one must stand right before the name, and the person not be given
    # the asked office after it; an acting holder holds it (found in review)
    for text, name in (
            ("The Council was briefed by Stephanie Koury, Deputy Special Representative for Political Affairs, and "
             "Hanna Tetteh, who took up her duties as Special Representative for Libya that day.", "Hanna Tetteh"),
            ("The Secretary-General appointed his Deputy Special Representative, Stephanie Koury, as his Special "
             "Representative for Libya; she took up her duties on 20 February 2025.", "Stephanie Koury"),
            ("The Acting Special Representative, Stephanie Koury, briefed the Council.", "Stephanie Koury")):
        assert check_office_given(asked.format(name), Evidence(text, text, ("S/2025/223",), "2025-04-14")) is None


def test_a_territory_s_governor_asked_for_is_a_person_asked() -> None:
    """A/AC.109/2025/20, para. 9: "the Territory has a Governor appointed by the British Crown" names
    no Governor (tester 76); para. 18 names Daniel Pruce."""
    assert asks_person("Who was the Governor of the British Virgin Islands in 2019?")
    assert asks_person("Who was the Chief Minister of the British Virgin Islands who received the mission?")
    none = "The Territory has a Governor appointed by the British Crown."
    named = "The mission paid a courtesy call on the Governor, Daniel Pruce."
    asked = "Who is the Governor of the British Virgin Islands?"
    assert said(check_person(asked, Evidence(none, none, ("A/AC.109/2025/20",)))) == \
        "names no one beyond those the question names"
    assert check_person(asked, Evidence(named, named, ("A/AC.109/2025/20",))) is None


def test_who_was_appointed_of_a_paragraph_telling_of_no_appointment_does_not_answer() -> None:
    """S/2025/54, para. 107 thanks "my Special Representative for South Sudan, Nicholas Haysom":
    asked who was appointed Special Representative in 2025, it tells of no appointment."""
    from rag.answer.persons import check_appointment

    thanks = ("I thank my Special Representative for South Sudan, Nicholas Haysom, for his leadership and dedication, "
              "as well as the troop- and police-contributing countries.")
    evidence = Evidence(thanks, thanks, ("S/2025/54",))
    q = "Who was appointed Special Representative of the Secretary-General for South Sudan in 2025?"
    assert said(check_appointment(q, evidence)) == "does not tell who was appointed"
    assert said(check_appointment("Which Member States were elected to the Executive Board of UNESCO in 2025?",
                                  evidence)) == "does not tell who was elected"
    assert said(check_appointment("Whom did the Secretary-General appoint as Force Commander in 2024?", evidence)) \
        == "does not tell who was appointed"


def test_a_paragraph_telling_of_an_appointment_election_or_officers_answers_who_was_appointed() -> None:
    from rag.answer.persons import check_appointment

    def told(paragraph: str, question: str = "Who was elected Chair of the Commission in 2025?") -> object:
        return check_appointment(question, Evidence(paragraph, paragraph, ("E/1",)))

    for paragraph in ("The Commission elected Ms. Ana Silva (Brazil) as Chair by acclamation.",
                      "On 3 March, Lieutenant General Nirmal Kumar Thapa assumed his duties as Head of Mission.",
                      "Mr. Jan Novak was re-elected as Chair.", "The Bureau was composed as follows: Chair: Ms. Silva.",
                      "Ms. Silva succeeded Mr. Novak as Chair of the Commission.",
                      "The Secretary-General designated Ms. Silva as his Special Envoy."):
        assert told(paragraph) is None, paragraph
    nobody = "The Commission thanked its Chair, Ms. Ana Silva, for her leadership."
    assert told(nobody, "Who is the Chair of the Commission?") is None  # no appointment asked
    assert told(nobody, "What period was designated as the third decade?") is None
    assert told(nobody, "How many judges were appointed to the Court in 2025?") is None
    assert may_miss_person("Who was appointed Special Representative for South Sudan in 2025?")
    # the holder named, no time set: the paragraph answers who holds the office (a reviewer's example)
    holder = "The President of the General Assembly at its seventy-ninth session, Philemon Yang (Cameroon), opened it."
    assert told(holder, "Who was elected President of the General Assembly at its seventy-ninth session?") is None
    assert told("Nahla Haidar El Addal (Chair) Lebanon 2028", "Who was elected Chair of CEDAW in 2025?") is None
    # a period or a body asked, not a person or a State
    decade = "The General Assembly declared the period 2001-2010 the Second International Decade."
    assert told(decade, "Which period was designated as the Second International Decade in 2000?") is None


def may_miss_person(question: str) -> bool:
    from rag.answer.constraints import may_miss

    return may_miss(question)


def test_a_paragraph_naming_who_chaired_tells_the_chair() -> None:
    """A/80/42, para. 21, report of Working Group II, para. 2 names the Chair the Commission elected
    (tester 94: "does not tell who was elected" was said of it)."""
    from rag.answer.persons import check_appointment

    chaired = ("The Working Group, chaired by Julia Elizabeth Rodríguez Acosta (El Salvador), held seven informal "
               "meetings, from 9 to 23 April 2025.")
    evidence = Evidence(chaired, chaired, ("A/80/42",), date="2025-05-01")
    assert check_appointment("Who was elected Chair of Working Group II of the Disarmament Commission in 2025?",
                             evidence) is None
    # who chaired one meeting in the Chair's absence was not elected (found in review)
    absent = ("In the absence of the Chair, the 3rd meeting of the Commission for Social Development, on 11 February "
              "2025, was chaired by the Vice-Chair, Ana Lopez (Spain).")
    assert said(check_appointment("Who was elected Chair of the Commission for Social Development in 2025?",
                                  Evidence(absent, absent, ("E/CN.5/2025/6",), date="2025-03-01"))) == \
        "does not tell who was elected"
    # a body to be chaired by someone tells who chairs it (found in review: A/79/19, para. 8)
    gort = ("At its 280th plenary meeting, the Committee decided to establish a working group of the whole, to be "
            "chaired by Michael Gort (Canada).")
    assert check_appointment("Who was designated to chair the working group of the whole of the Special Committee on "
                             "Peacekeeping Operations in 2025?", Evidence(gort, gort, ("A/79/19",),
                                                                           date="2025-03-20")) is None
    met = "The Working Group held seven informal meetings, from 9 to 23 April 2025."
    assert said(check_appointment("Who was elected Chair of Working Group II of the Disarmament Commission in 2025?",
                                  Evidence(met, met, ("A/80/42",), date="2025-05-01"))) == \
        "does not tell who was elected"
