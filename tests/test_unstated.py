"""Near misses by a number or an ordinal the question gives that the best paragraph's document
never writes (rag.answer.numbers, rag.answer.constraints.check_unwritten_ordinal), a share, a
time of day or a date the paragraph does not give (rag.answer.kinds), and a paragraph naming no year asked
about an earlier year than its document's."""

from __future__ import annotations

from rag.answer.constraints import Evidence, check_constraints, check_unwritten_ordinal, may_miss
from rag.answer.kinds import check_kind
from rag.answer.numbers import check_numbers, given_numbers, writes_number
from rag.answer.places import check_place, named_places
from tests.conftest import said

# S/2025/350, para. 10, as the report writes it (the position is 10, not 22).
POSITION = Evidence(
    paragraph="The Israel Defense Forces continued construction work near United Nations position 10, "
              "where they set up a \u201cfront emergency room\u201d on 3 March.",
    document="UNDOF observed construction work near United Nations position 10 and the Alpha line. "
             "On 12 March, 1,301 personnel were deployed. Five positions were reoccupied.",
    symbols=("S/2025/350",), date="2025-05-30")

# A/80/56, para. 1 and 13: the Convention's States parties, the seventy-seventh named.
PARTIES = Evidence(
    paragraph="As at 23 May 2025, the date on which the twenty-eighth session closed, there were 77 "
              "States parties to the Convention.",
    document="Poland became the seventy-seventh State party. The twenty-eighth session was held "
             "from 17 March to 4 April 2025. The Committee held its 29th session in September.",
    symbols=("A/80/56",), date="2025-07-01")


def test_the_numbers_a_question_gives_leave_out_years_days_and_symbols() -> None:
    q = "Why did UNDOF set up a room at United Nations position 22 on 5 March 2025 (S/2025/350) for 1,301 troops?"
    assert given_numbers(q) == [("22", "position 22"), ("1301", "1,301")]


def test_decades_durations_and_older_years_are_no_numbers_given() -> None:
    assert given_numbers("Who played Doctor Who on stage in the 70's, and in the 1970s?") == []
    assert given_numbers("Whose theory came 100 years later, in 1646 through 1647?") == []
    assert given_numbers("How many of the 1,301 personnel?") == [("1301", "1,301")]


def test_days_of_a_month_centuries_and_the_first_three_ordinals_are_not_checked() -> None:
    for q in ("What did ABC agree on December 22nd 2009?", "How many contracts were awarded on the 25th of October?",
              "Who was a French reformer of the 15th century?", "What third type of plea uses creative words?"):
        assert check_unwritten_ordinal(q, PARTIES) is None, q


def test_a_number_is_written_with_or_without_its_comma_or_in_words() -> None:
    assert writes_number("had deployed 1,301 personnel", "1301")
    assert writes_number("had deployed 1301 personnel", "1301")
    assert not writes_number("had deployed 11,301 personnel", "1301")
    assert writes_number("five positions", "5")
    assert writes_number("Law No. 26.160", "26.160")
    assert not writes_number("21.5 per cent", "1.5")


def test_a_number_the_document_never_writes_is_a_near_miss() -> None:
    q = "Why did the Israel Defense Forces set up a 'front emergency room' at United Nations position 22?"
    mismatch = check_numbers(q, POSITION)
    assert mismatch is not None
    assert mismatch.describe() == "is from a document that never writes position 22"
    assert check_constraints(q, POSITION) is not None and may_miss(q)


def test_a_number_the_document_writes_is_no_near_miss() -> None:
    assert check_numbers("What did the IDF set up at United Nations position 10?", POSITION) is None
    assert check_numbers("Why were 5 positions reoccupied, and how many of the 1,301 personnel?", POSITION) is None


def test_an_ordinal_the_document_never_writes_is_a_near_miss() -> None:
    q = "Which State became the seventy-eighth party to the International Convention for the Protection of All Persons from Enforced Disappearance?"
    mismatch = check_unwritten_ordinal(q, PARTIES)
    assert mismatch is not None
    assert mismatch.describe() == "is from a document that never writes the seventy-eighth"
    assert check_constraints(q, PARTIES) is not None


def test_an_ordinal_written_in_words_or_digits_or_the_first_is_no_near_miss() -> None:
    assert check_unwritten_ordinal("Which State became the seventy-seventh party to the Convention?", PARTIES) is None
    assert check_unwritten_ordinal("What did the Committee do at its twenty-ninth session?", PARTIES) is None
    assert check_unwritten_ordinal("Which State was the first to ratify the Convention?", PARTIES) is None


# S/2025/194, para. 8: the winner is named, not his share of the vote.
SOMALILAND = Evidence(
    paragraph="In \u201cSomaliland\u201d, Abdirahman Mohamed Abdullahi \u201cIrro\u201d was declared the winner of the "
              "presidential election held on 13 November, defeating the incumbent, Muse Bihi Abdi.",
    document="In \u201cSomaliland\u201d, Abdirahman Mohamed Abdullahi \u201cIrro\u201d was declared the winner.",
    symbols=("S/2025/194",), date="2025-03-28")


def test_a_share_or_a_time_of_day_the_paragraph_does_not_give_is_a_near_miss() -> None:
    q = 'What share of the vote did Abdirahman "Irro" win in the November 2024 Somaliland presidential election?'
    mismatch = check_kind(q, SOMALILAND)
    assert mismatch is not None and mismatch.describe() == "does not give a share"
    assert check_constraints(q, SOMALILAND) is not None and may_miss(q)
    morning = Evidence("Meetings of the Special Committee begin at 10 a.m.", "", ("A/AC.109/2025/L.2",))
    assert check_kind("At what time do the Special Committee's meetings begin?", morning) is None
    assert check_kind("At what time do the afternoon meetings begin?", SOMALILAND) is not None
    assert check_kind("During what time period did inequality decrease?", SOMALILAND) is None
    # A turnout is a share: S/2025/323, para. 66 tells of the Kurdistan elections, not their turnout.
    kurdistan = Evidence("Following the parliamentary elections held in the Kurdistan Region of Iraq on 20 October, I "
                         "call upon the political leaders of the Region to work together.", "", ("S/2025/323",))
    turnout = "What was the voter turnout in the Kurdistan Region of Iraq's parliamentary elections of 20 October 2024?"
    assert said(check_kind(turnout, kurdistan)) == "does not give a share"
    gave = Evidence("The voter turnout was reported to be 46.54 per cent.", "", ("S/2025/200",))
    assert check_kind("What was the voter turnout in Kosovo's legislative elections?", gave) is None
    # A share written in words (DP/FPA/2025/5, para. 23).
    words = Evidence("Thirty-six per cent of country offices still rely on M&E focal points.", "", ("DP/FPA/2025/5",))
    assert check_kind("What share of UNFPA country offices still rely on M&E focal points?", words) is None
    # One in so many (E/HLPF/2025/3/Add.3, annex, para. 52).
    ratio = Evidence("Violence against women remains pervasive: one in four women aged 15-49 in the region has "
                     "experienced intimate partner violence.", "", ("E/HLPF/2025/3/Add.3",))
    assert check_kind("What proportion of women aged 15-49 suffer violence from an intimate partner?", ratio) is None
    for said_so in ("Nine out of ten respondents agreed.", "One respondent in four agreed.", "One in twenty agreed."):
        assert check_kind("What share of respondents agreed?", Evidence(said_so, "", ("A/80/1",))) is None
    for no_share in ("Goal 16 in five countries was reviewed.", "They rated the services 4 out of 5 on average."):
        assert said(check_kind("What share of respondents agreed?", Evidence(no_share, "", ("A/80/1",)))) == \
            "does not give a share"
    nothing = Evidence("Country offices rely on some M&E focal points.", "", ("DP/FPA/2025/5",))
    assert said(check_kind("What share of UNFPA country offices rely on focal points?", nothing)) == "does not give a share"
    # A growth rate is one (E/HLPF/2025/3/Add.4, para. 9 names the ESCAP reports, not their forecast).
    notes = Evidence("Under agenda item 2, the participants took note of the summary of the Asia and the Pacific "
                     "Sustainable Development Goals progress report 2025 (ESCAP/RFSD/2025/3).", "",
                     ("E/HLPF/2025/3/Add.4",))
    assert said(check_kind("What growth rate does ESCAP forecast for Asia and the Pacific in 2025?", notes)) == \
        "does not give a share"
    forecast = Evidence("Growth in the region is forecast at 4.6 per cent in 2025.", "", ("E/ESCAP/2025/1",))
    assert check_kind("What was the GDP growth rate forecast for the region in 2025?", forecast) is None
    basis = Evidence("The budgeted vacancy rates reflect the actual rates in the first six months and the "
                     "recruitment plans of the mission.", "", ("A/79/999",))
    assert check_kind("What were the budgeted vacancy rates based on?", basis) is None
    assert said(check_kind("What are the unemployment rates in the region?", notes)) == "does not give a share"


def test_a_sum_of_money_the_paragraph_does_not_give_is_a_near_miss() -> None:
    q = "How much did the General Assembly appropriate for the Mechanism for 2024?"
    resolution = Evidence("By its resolution 79/257, the General Assembly decided on the Mechanism's budget.", "",
                          ("A/80/275",))
    mismatch = check_kind(q, resolution)
    assert mismatch is not None and mismatch.describe() == "does not give a sum of money"
    appropriated = Evidence("The Assembly appropriated $81.5 million for 2024.", "", ("A/80/275",))
    assert check_kind(q, appropriated) is None
    # "By how much" asks for a change, which a share gives (A/80/188, para. 2); "the cost of" is no verb.
    solar = Evidence("The cost of electricity from solar photovoltaics fell by 85 per cent between 2010 and 2020.",
                     "", ("A/80/188",))
    assert check_kind("By how much did the cost of electricity from solar power fall between 2010 and 2020?",
                      solar) is None
    assert check_kind("How much did the cost of the project rise?", solar) is None
    assert said(check_kind("How much did the project cost?", solar)) == "does not give a sum of money"
    # a sum asked "in dollars" or as a budget of or for something (DP/FPA/2025/7, para. 31 counts people)
    training = Evidence("The Ethics Office delivered training to 1,070 UNFPA personnel, which represents 18 per cent "
                        "of the workforce.", "", ("DP/FPA/2025/7",))
    for asked in ("What is the amount in dollars of the UNFPA Ethics Office budget for 2025?",
                  "What was the budget of the UNDP Ethics Office in 2024?",
                  "What was the total approved budget for the Ethics Office in 2024?"):
        assert said(check_kind(asked, training)) == "does not give a sum of money", asked
    assert check_kind("What was the budget of the Office in 2024?", appropriated) is None
    assert check_kind("What did the budget of the Office cover in 2024?", training) is None
    assert check_kind("What was the budget of the Ethics Office spent on in 2025?", training) is None


def test_a_project_s_cost_asked_of_a_paragraph_without_a_sum_is_a_near_miss() -> None:
    """A/79/7/Add.13, para. 26 tells of the Africa Hall project team's linkages, not of the
    project's approved maximum cost; a paragraph giving "SwF 954.7 million" answers."""
    team = Evidence("During the reporting period, the project team also continued to foster and promote linkages and "
                    "synergies with the replacement of office blocks A to J project, including through the recruitment "
                    "of staff from that project (1 P-3) (see paras. 7 and 19 above).", "", ("A/79/7/Add.13",))
    for asked in ("What is the approved maximum cost of the Africa Hall renovation project at ECA in Addis Ababa?",
                  "What is the total cost of the capital master plan renovation of United Nations Headquarters?",
                  "What was the estimated cost of the project?"):
        assert said(check_kind(asked, team)) == "does not give a sum of money", asked
    forecast = Evidence("The revised forecast leads to a total project cost forecast of SwF 954.7 million.", "",
                        ("A/79/7/Add.12",))
    assert check_kind("What is the total cost of the strategic heritage plan?", forecast) is None
    # what the cost is spent on, a cost unqualified (a human one), a sum in any currency
    assert check_kind("What is the total cost of the project covering?", team) is None
    assert check_kind("What was the cost of the war for children?", team) is None
    for text in ("The elections cost HTG 1.5 billion.", "The cost was 2 billion birr.",
                 "It cost 300 million South African rand."):
        assert check_kind("What was the total cost of the elections?", Evidence(text, "", ("S/1",))) is None, text


def test_a_count_asked_of_a_paragraph_giving_only_sums_or_shares_is_a_near_miss() -> None:
    """DP/2025/26, para. 11 gives UNCDF's liabilities ("$25 million"), a paragraph a share of women
    ("over 47 per cent") and A/AC.109/2025/L.9's preamble no figure: none counts the staff,
    volunteers or Territories asked for. A paragraph with a count, or a question for a sum, a share
    or how many dollars, is another matter."""
    liabilities = Evidence("At the end of 2024, UNCDF held liabilities of $25 million (2023: $24 million), including "
                           "$13.9 million (2023: $14.2 million) in after-service health insurance liabilities.", "",
                           ("DP/2025/26",))
    assert said(check_kind("How many staff did UNCDF employ at the end of 2024?", liabilities)) == \
        "does not give a number"
    share = Evidence("Women held over 47 per cent of the assignments in 2024.", "", ("DP/2025/19",))
    assert said(check_kind("How many United Nations Volunteers served with UNMISS in 2024?", share)) == \
        "does not give a number"
    gourdes = Evidence("The elections cost HTG 1.5 billion.", "", ("S/1",))  # a sum by its currency code
    assert said(check_kind("How many polling stations opened?", gourdes)) == "does not give a number"
    noting = Evidence("Noting that only some specialized agencies and other organizations of the United Nations system "
                      "have been involved in providing assistance to Non-Self-Governing Territories,", "",
                      ("A/AC.109/2025/L.9",))
    assert said(check_kind("How many Non-Self-Governing Territories received UNDP assistance in 2024?", noting)) == \
        "does not give a number"
    counted = Evidence("UNCDF employed 432 staff at the end of 2024, against $25 million of liabilities.", "",
                       ("DP/2025/26",))
    assert check_kind("How many staff did UNCDF employ at the end of 2024?", counted) is None
    words = Evidence("Three academic institutions used the tool.", "", ("X/1",))
    assert check_kind("How many academic institutions used the tool?", words) is None
    assert check_kind("How many dollars did UNCDF hold in liabilities?", liabilities) is None
    assert check_kind("How many per cent of the Volunteers were women in 2024?", share) is None
    # a count of the date the question gives (S/2025/504, para. 8), a duration, an ordinal count
    signed = Evidence("On 18 May, 18 members of the SPLM/A-IO Political Bureau in Juba signed a statement rejecting "
                      "Mr. Par Kuol's faction.", "", ("S/2025/504",))
    assert check_kind("How many members of the SPLM/A-IO Political Bureau signed the statement of 18 May?",
                      signed) is None
    days = Evidence("The Member State that seizes the items shall notify the Committee within 30 days.", "", ("S/1",))
    assert check_kind("Within how many days must a State notify the Committee?", days) is None
    opinion = Evidence("UN-Women received its thirteenth consecutive unqualified audit opinion.", "", ("UNW/2025/2",))
    assert check_kind("How many consecutive unqualified audit opinions has UN-Women received?", opinion) is None
    assert check_kind("How many years in a row has UN-Women received an unqualified opinion?", opinion) is None
    # a count in words, a sum asked "how many US dollars"
    for asked, text in (("How many people fled to Chad?", "Tens of thousands of people fled to Chad."),
                        ("How many new complaints did the Ombudsperson receive?",
                         "The Ombudsperson received no new complaints during the reporting period."),
                        ("How many reports did the Committee consider?", "The Committee considered both reports."),
                        ("How many US dollars did donors pledge?", "Donors pledged $3.2 billion at the conference."),
                        ("How many Swiss francs were approved?", "The Assembly approved SwF 954.7 million.")):
        assert check_kind(asked, Evidence(text, "", ("S/1",))) is None, asked


def test_a_reference_with_a_year_gives_no_count() -> None:
    """DP/2025/10, para. 4 cites "decision 2006/13" and A/CONF.230/2025/3, para. 4 "resolution
    78/128" and "A/CONF.230/2025/1": the numbers of a reference count nothing, with the year
    in them or not."""
    for symbol, text in (
            ("DP/2025/10", "The management response to this report is presented separately, as requested in "
                           "decision 2006/13."),
            ("A/CONF.230/2025/3", "The Conference will have before it for adoption the provisional agenda "
                                  "(A/CONF.230/2025/1), as recommended by the General Assembly in its resolution "
                                  "78/128.")):
        evidence = Evidence(text, "", (symbol,))
        assert said(check_kind("How many recommendations did the audit make?", evidence)) == \
            "does not give a number", symbol


def test_a_when_question_of_a_paragraph_that_gives_no_time_is_a_near_miss() -> None:
    """A/HRC/59/60, para. 4 gives the thirteenth Forum's theme, not when it was held."""
    q = "When was the thirteenth Forum on Business and Human Rights held?"
    theme = Evidence("The theme of the thirteenth Forum was the smart mix of measures. Participants reflected on "
                     "what the smart mix means now.", "", ("A/HRC/59/60",))
    assert said(check_kind(q, theme)) == "does not give a date"
    for text in ("The thirteenth Forum was held in Geneva from 25 to 27 November 2024.",
                 "The Forum was held at its 7th meeting.", "It was held after the elections."):
        assert check_kind(q, Evidence(text, "", ("A/HRC/59/60",))) is None
    assert check_kind("Why was the thirteenth Forum held?", theme) is None
    # "when" of conditions, or a clause of condition, asks for no date
    for other in ("When does photorespiration happen?", "When violence is used, what is civil disobedience called?",
                  "When it was held, what theme did the Forum take?"):
        assert check_kind(other, theme) is None, other
    for period in ("It spread in the 1340s.", "It ended in the 18th century."):
        assert check_kind("When was Europe's last major epidemic?", Evidence(period, "", ("X/1",))) is None


def test_a_session_the_question_itself_names_gives_no_date() -> None:
    """A/AC.109/2025/L.9, para. 24 reports "to the General Assembly at its eighty-first session";
    CEB/2025/4, para. 70 recalls a briefing "at its forty-seventh session"."""
    cases = {
        "When does the eighty-first session of the General Assembly convene?": (
            "Requests the Special Committee to report thereon to the General Assembly at its eighty-first session.",
            "The eighty-first session will open on Tuesday, 8 September 2026."),
        "When and where did the High-level Committee on Programmes hold its forty-seventh session?": (
            "The Committee had been briefed on the initiative at its forty-seventh session.",
            "It held its forty-seventh session in Rome on 2 and 3 April 2024."),
    }
    for question, (repeats, dates) in cases.items():
        assert said(check_kind(question, Evidence(repeats, "", ("X/1",)))) == "does not give a date", question
        assert check_kind(question, Evidence(dates, "", ("X/1",))) is None, question
    # "when does" of conditions asks for no date
    assert check_kind("When does photorespiration happen?", Evidence("It happens in hot weather.", "", ())) is None


def test_a_share_stated_in_per_cent_or_in_words_is_given() -> None:
    won = Evidence("Irro won 63.92 per cent of the vote.", "", ("S/2025/194",))
    half = Evidence("More than half of the cohort had been deployed.", "", ("S/2025/231",))
    assert check_kind("What share of the vote did Irro win?", won) is None
    assert check_kind("What proportion of the cohort was deployed?", half) is None
    # a table whose column gives the percentages (A/HRC/59/60, p. 3, table 1)
    table = Evidence("Category of participating stakeholders Percentage Academic institutions 13 Private sector 34",
                     "", ("A/HRC/59/60",))
    assert check_kind("What percentage of participants came from the private sector?", table) is None
    # the word in prose gives none (DP/2025/10, para. 33: a definition)
    prose = Evidence("The implementation rate is the percentage of recommendations fully implemented.", "",
                     ("DP/2025/10",))
    assert said(check_kind("What percentage of audit recommendations did UNDP implement?", prose)) == \
        "does not give a share"


# S/2025/200, para. 6: "the legislative elections on 9 February" of a report issued in April 2025.
KOSOVO = Evidence(
    paragraph="In preparation for the legislative elections on 9 February, the Central Election Commission of "
              "Kosovo certified 28 political entities, including 1,280 candidates.",
    document="Turnout in the 2021 elections was 48 per cent.", symbols=("S/2025/200",), date="2025-04-01")


def test_a_paragraph_naming_no_year_is_of_its_document_s_time_not_an_earlier_year() -> None:
    mismatch = check_constraints("Kosovo 2021 legislative elections number of certified candidates", KOSOVO)
    assert mismatch is not None and mismatch.describe() == "names no year, and its document is of 2025, not 2021"
    assert check_constraints("Kosovo 2025 legislative elections number of certified candidates", KOSOVO) is None


def test_a_place_within_a_country_the_paragraph_does_not_name_is_a_near_miss() -> None:
    # S/2025/54, para. 31: the national count, no State named.
    floods = Evidence(paragraph="As at 15 January, flooding had affected 1.4 million people in 44 counties.",
                      document="", symbols=("S/2025/54",), date="2025-02-20")
    mismatch = check_place("How many people had flooding affected in Jonglei State as at 15 January 2025?", floods)
    assert mismatch is not None and mismatch.describe() == "does not name Jonglei State"
    jonglei = Evidence("In Jonglei, flooding had affected 379,000 people.", "", ("S/2025/54",))
    assert check_place("How many people had flooding affected in Jonglei State?", jonglei) is None
    # A/AC.109/2025/20, para. 49 names the district in its heading only.
    heading = Evidence("He attributed the delays to a lack of planning.", "", ("A/AC.109/2025/20",),
                       section="C. Meeting with the Member of the House of Assembly from the Third Electoral District")
    assert check_place("To what did the Member for the Third Electoral District attribute the delays?", heading) is None
    for q in ("Which State became the sixtieth party?", "Which country of the ECE Region issued a green bond?",
              "What support do Small Island Developing States receive?", "Which Member State proposed the item?",
              "What does a Non-Nuclear-Weapon State undertake?",
              # a country's State by its people's word (A/HRC/EMRIP/2025/3, para. 24: "In Kenya, ...
              # lacks formal State recognition")
              "Does the Kenyan State acknowledge the Ogiek elders' council?", "What did the South Sudanese State do?"):
        assert named_places(q) == [], q


def test_a_place_named_after_its_country_s_possessive_is_the_place_alone() -> None:
    """S/2025/342, para. 11 names "the Pool Department" and, sentences before, "the Congo": the
    question's "the Congo's Pool Department" is its Pool Department."""
    assert named_places("How many ex-combatants will the project in the Congo's Pool Department support?") == \
        [("Pool", "Pool Department")]
    pool = Evidence("The agreement supports 7,500 ex-combatants, residents of the Pool Department.", "",
                    ("S/2025/342",))
    assert check_place("How many ex-combatants will the project in the Congo’s Pool Department support?",
                       pool) is None
    pooled = Evidence("The agreement is financed by pooled funding for 7,500 ex-combatants.", "", ("S/2025/342",))
    assert check_place("How many ex-combatants will the project in the Congo's Pool Department support?",
                       pooled) is not None  # the place's name as a word, not inside "pooled"
    assert named_places("How many voters are registered in Prince George's County?") == \
        [("Prince George's", "Prince George's County")]  # an owner that is no country stays in the name


def test_a_country_the_paragraph_does_not_name_is_a_near_miss() -> None:
    """"Which country became the seventy-seventh State party ...?" answered from A/80/56, para. 1,
    which counts the States parties and names none; a paragraph naming the country (by name,
    with the document's curly apostrophe, or by its people's word) answers."""
    q = ("Which country became the seventy-seventh State party to the International Convention for the "
         "Protection of All Persons from Enforced Disappearance?")
    mismatch = check_kind(q, PARTIES)
    assert mismatch is not None and mismatch.describe() == "does not name a country"
    assert check_constraints(q, PARTIES) is not None and may_miss(q)
    for answer in ("Poland became the seventy-seventh State party.", "C\u00f4te d\u2019Ivoire acceded on 3 March.",
                   "The British Government acceded.", "The Soviet Union signed first.",
                   "The contract was awarded to a South African company.", "Sri Lankans acceded.",
                   "South Africans and South Sudanese voted."):
        assert check_kind(q, Evidence(answer, "")) is None, answer
    assert check_kind(q, Evidence("South Sudaneses", "")) is not None  # no such word: no crash
    kenya = Evidence("Kenya joined the Committee in 2024.", "")
    mismatch = check_kind("Which State did Kenya replace on the Committee?", kenya)
    assert mismatch is not None and mismatch.describe() == "names no country but the question's own"
    # not a State: a state of a federation, a government's office; not asked first
    assert check_kind("In what state is the largest Huguenot Society located?", kenya) is None
    assert check_kind("Which government entity paid for the festivities?", kenya) is None
    assert check_kind("How many members, and which countries, joined in 2024?", kenya) is None


def test_a_country_asked_as_a_modifier_or_named_otherwise_is_no_near_miss() -> None:
    """Found by review: "Which country teams ..." asks for teams, not a country; a paragraph
    naming the country by another of its names answers."""
    teams = Evidence("Resident coordinators lead the United Nations country teams.", "")
    for q in ("Which country teams do resident coordinators lead?", "Which country offices engaged audit institutions?",
              "Which State-owned enterprises were audited?"):
        assert check_kind(q, teams) is None, q
    q = "Which country became the seventy-seventh State party to the Convention?"
    for answer in ("The Czech Republic ratified it.", "The former Yugoslav Republic of Macedonia acceded.",
                   "Cape Verde acceded.", "Palestine acceded.", "Cote d'Ivoire acceded.", "The DRC acceded."):
        assert check_kind(q, Evidence(answer, "")) is None, answer
    assert check_kind(q, Evidence("South Sudaneses", "")) is not None  # no such word: no crash


def test_a_year_asked_for_that_the_paragraph_gives_only_as_the_question_s_own_is_a_near_miss() -> None:
    # A small extract of a real page: DP/2025/20, para. 1 dates the session the question names.
    session = Evidence("The annual session 2025 of the Executive Board of UNDP, UNFPA and UNOPS was held from 2 to 5 "
                       "June 2025.", "", ("DP/2025/20",))
    question = "In what year was UNFPA founded, as recalled at the 2025 annual session of the Executive Board?"
    assert said(check_kind(question, session)) == "gives no year but the question's own"
    founded = Evidence("UNFPA was founded in 1969.", "", ("DP/2025/20",))
    assert check_kind(question, founded) is None
    # A century or an era answers a year question too (SQuAD: "the 2nd century BCE").
    era = Evidence("It was conducted by the 2nd century BCE Greek writer Philo.", "", ())
    assert check_kind("In what year was the first experiment conducted?", era) is None
    # "which year of the cycle" asks for a place in it (E/2025/57, para. 84: "in the penultimate year")
    cycle = Evidence("Evaluations are commissioned and managed by each Resident Coordinator with the relevant United "
                     "Nations country team in the penultimate year of the Cooperation Framework cycle.", "", ())
    asked = "Who commissions Cooperation Framework evaluations, and in which year of the cycle?"
    assert check_kind(asked, cycle) is None
    assert said(check_kind("In which year of the 1990s was the Framework adopted?", cycle)) == \
        "gives no year but the question's own"


def test_when_of_conditions_with_a_calendar_word_inside_asks_for_no_date() -> None:
    any_paragraph = Evidence("Migrants are detained only as a last resort.", "", ("A/80/1",))
    for question in ("When are migrants held in administrative detention?",
                     "When do States meet the criteria for graduation?",
                     "When is it appropriate to end a peacekeeping mandate?"):
        assert check_kind(question, any_paragraph) is None, question
    assert said(check_kind("When is the session held?", any_paragraph)) == "does not give a date"


def test_an_ordinal_naming_a_body_is_named_with_the_body() -> None:
    """"the Sixth Committee" asked of a report that never writes "sixth": the message names the
    Committee, not a bare "the sixth"."""
    miss = check_unwritten_ordinal("Which department briefed the Sixth Committee on sanctions in 2025?", PARTIES)
    assert said(miss) == "is from a document that never names the Sixth Committee"
    miss = check_unwritten_ordinal("Which State became the sixty-first party to the Convention?", PARTIES)
    assert said(miss) == "is from a document that never writes the sixty-first"


def test_a_figure_asked_for_one_year_given_for_another_is_a_near_miss() -> None:
    """A/80/275, para. 63 gives the appropriation for 2025; the question asks for 2024."""
    from rag.answer.years import check_for_year

    paragraph = ("By its resolution 79/255, the General Assembly appropriated to the special account for the Mechanism "
                 "a total amount of $60,963,800 gross ($56,127,700 net) for 2025.")
    evidence = Evidence(paragraph, paragraph, ("A/80/275",), date="2025-07-01")
    asked = "What total amount did the General Assembly appropriate to the Residual Mechanism for {}?"
    assert said(check_for_year(asked.format(2024), evidence)) == "is for 2025, not 2024"
    assert check_for_year(asked.format(2025), evidence) is None
    assert check_for_year("What total amount did the General Assembly appropriate in 2024?", evidence) is None
    both = Evidence(paragraph + " The amount for 2024 was $58 million.", "", ("A/80/275",))
    assert check_for_year(asked.format(2024), both) is None  # the paragraph writes the asked year too
    # "for the financial year 2024" of DP/2025/3, para. 8 ("30 new recommendations for 2023")
    board = Evidence("The Board of Auditors made 30 new recommendations for 2023.", "", ("DP/2025/3",))
    assert said(check_for_year("How many new recommendations did the Board of Auditors make to UNDP for the "
                               "financial year 2024?", board)) == "is for 2023, not 2024"


def test_the_population_or_number_asked_of_a_paragraph_giving_no_figure_is_not_given() -> None:
    """"What is the population of Tokyo?" was answered with an entry of TPNW/MSP/2025/11's list of
    organizations, "Know Nukes Tokyo*"; the number of meetings asked of E/2025/72, para. 54, which
    gives it, answers."""
    entry = Evidence("Know Nukes Tokyo*", "", ("TPNW/MSP/2025/11",))
    assert said(check_kind("What is the population of Tokyo?", entry)) == "does not give a number"
    assert may_miss("What is the population of Tokyo?")
    meetings = Evidence("The Committee of Experts and its subcommittees will hold 18 meetings in 2025.", "",
                        ("E/2025/72",))
    assert check_kind("What is the total number of meetings of the Committee of Experts to be held in 2025?",
                      meetings) is None
    for reference in ("What is the number of the resolution on oceans?",  # a reference, not a count
                      "What is the number of the draft resolution on oceans and the law of the sea?",
                      "What was the number of the Security Council resolution that established UNMISS?"):
        assert check_kind(reference, entry) is None, reference
