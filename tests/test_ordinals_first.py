"""The paragraph naming the session the question asks about comes before one of its document
that names another session."""

from __future__ import annotations

from rag.models import Hit
from rag.search.ordinals import asked_numbered_first

QUESTION = "When is the Committee of Experts on Public Administration to hold its twenty-fifth session?"


def _hit(pid: int, text: str, symbol: str = "E/2025/L.23") -> Hit:
    return Hit(pid=pid, symbol=symbol, number=str(pid), text=text, page="1", section="", score=1.0)


TOOK_NOTE = _hit(1, "Takes note of the report of the Committee of Experts on its twenty-fourth session;")
SCHEDULED = _hit(22, "Requests the Committee, at its twenty-fifth session, to be held from 13 to 17 April 2026, to examine")
OTHER_DOC = _hit(7, "The Committee will hold its twenty-fifth session in April 2026.", symbol="E/2025/44")


def test_the_paragraph_naming_the_asked_session_goes_first() -> None:
    assert [h.pid for h in asked_numbered_first(QUESTION, [TOOK_NOTE, SCHEDULED])] == [22, 1]


def test_only_a_paragraph_of_the_same_document_and_only_over_another_session() -> None:
    assert [h.pid for h in asked_numbered_first(QUESTION, [TOOK_NOTE, OTHER_DOC])] == [1, 7]
    neutral = _hit(3, "The Committee met in New York.")
    assert [h.pid for h in asked_numbered_first(QUESTION, [neutral, SCHEDULED])] == [3, 22]
    assert [h.pid for h in asked_numbered_first("When does the Committee meet?", [TOOK_NOTE, SCHEDULED])] == [1, 22]
    fillers = [_hit(n, "It met.") for n in range(2, 6)]
    assert [h.pid for h in asked_numbered_first(QUESTION, [TOOK_NOTE, *fillers, SCHEDULED])] == [1, 2, 3, 4, 5, 22]
    fifth = [TOOK_NOTE, *fillers[:3], SCHEDULED]  # A/80/56, para. 21, fifth under para. 73 on other sessions
    assert [h.pid for h in asked_numbered_first(QUESTION, fifth)] == [22, 1, 2, 3, 4]
    # past the third, only a hit holding as much of the question as the first (E/C.2/2025/2/Add.1: an
    # NGO's "fifty-fourth session of the Human Rights Council" for the Commission's)
    passing = _hit(23, "Statements were made at the twenty-fifth session of the Human Rights Council.")
    assert [h.pid for h in asked_numbered_first(QUESTION, [TOOK_NOTE, *fillers[:3], passing])] == [1, 2, 3, 4, 23]
    # and one writing the words that name the numbered thing (E/2025/60: "the fourth International
    # Conference on Financing for Development" for "the fourth Arab Land Conference")
    arab = "Where was the fourth Arab Land Conference held?"
    third = _hit(1, "The third Arab Land Conference was held in Cairo in February 2025.")
    financing = _hit(45, "The fourth International Conference on Financing for Development will be held in Sevilla.")
    held = [third, *fillers[:3], financing]
    assert [h.pid for h in asked_numbered_first(arab, held)] == [1, 2, 3, 4, 45]


def test_the_paragraph_naming_a_country_comes_first_when_the_question_asks_which() -> None:
    """E/CN.3/2025/7: the annex's work plan ("to be held in 2026 in Riyadh") ranked above para. 10,
    "the sixth Forum would be hosted by Saudi Arabia"; only a hit of the same document, within the
    first three, and only where the first names no country but the question's own."""
    from rag.search.ordinals import asked_country_first

    q = "Which country was chosen to host the sixth United Nations World Data Forum?"
    plan = _hit(1, "Preparations for the United Nations World Data Forum to be held in 2026 in Riyadh.", "E/CN.3/2025/7")
    hosted = _hit(10, "The members present decided that the sixth Forum would be hosted by Saudi Arabia.", "E/CN.3/2025/7")
    elsewhere = _hit(3, "Colombia hosted the fifth Forum.", "E/CN.3/2024/9")
    assert [h.pid for h in asked_country_first(q, [plan, hosted])] == [10, 1]
    assert [h.pid for h in asked_country_first(q, [plan, elsewhere, hosted])] == [10, 1, 3]
    assert [h.pid for h in asked_country_first(q, [plan, elsewhere])] == [1, 3]
    assert [h.pid for h in asked_country_first("Why was the Forum held?", [plan, hosted])] == [1, 10]
    assert [h.pid for h in asked_country_first(q, [hosted, plan])] == [10, 1]


def test_which_two_countries_asks_for_countries() -> None:
    """TPNW/MSP/2025/8: "Which two governments paid for ...?" ranked para. 13 (meetings the
    advisers attended, no country) above para. 12 ("financial support from Austria and New
    Zealand"): a count between "which" and the noun still asks which country."""
    from rag.answer.answertype import question_type
    from rag.answer.kinds import asks_country
    from rag.search.ordinals import asked_country_first

    q = "Which two governments paid for the nuclear-ban treaty's science advisers to meet face to face?"
    meetings = _hit(13, "Scientific Advisory Group members presented papers to various national and regional meetings.",
                    "TPNW/MSP/2025/8")
    funded = _hit(12, "The Scientific Advisory Group received financial support from Austria and New Zealand to support "
                      "its in-person meetings.", "TPNW/MSP/2025/8")
    assert [h.pid for h in asked_country_first(q, [meetings, funded])] == [12, 13]
    for asked in (q, "Which three States co-chaired the dialogue?", "Which two island nations ratified first?",
                  "Which two small island States ratified first?", "Which small island developing States spoke?",
                  "Which seven countries pledged?", "Which least developed countries graduated?",
                  "Which Governments contributed?"):
        assert question_type(asked) == "country" and asks_country(asked), asked
    for other in ("Which two programmes were merged?", "Which two country offices were audited?",
                  "Which government officials did the President remove and reappoint?",
                  "Which Government ministries took part in the training?", "What percentage of countries voted?"):
        assert not asks_country(other), other


def test_the_paragraph_giving_a_figure_comes_first_when_the_question_asks_how_many() -> None:
    """A/80/29: the report's opening paragraph (no figure) ranked above the one counting the Ad
    Hoc Committee's members; only within the first three hits of the same document, and not for a
    share, a duration or "how many times"."""
    from rag.search.ordinals import asked_figure_first

    q = "How many member States sit on the Ad Hoc Committee on the Indian Ocean?"
    opening = _hit(1, "The Ad Hoc Committee on the Indian Ocean submits its report to the General Assembly.", "A/80/29")
    members = _hit(2, "The Ad Hoc Committee is composed of 43 member States.", "A/80/29")
    assert [h.pid for h in asked_figure_first(q, [opening, members])] == [2, 1]
    assert [h.pid for h in asked_figure_first(q, [members, opening])] == [2, 1]
    for other in ("What share of member States sit on the Ad Hoc Committee?", "How long has the Committee sat?",
                  "Why does the Ad Hoc Committee meet?"):
        assert [h.pid for h in asked_figure_first(other, [opening, members])] == [1, 2]


def test_several_is_no_figure_for_how_many() -> None:
    """S/2025/303, annex: para. 60 "designated several Haitian organized criminal groups" ranked
    above para. 42 "formally designated 26 Haitian organized criminal groups"."""
    from rag.search.ordinals import asked_figure_first

    q = "How many Haitian criminal groups did the Dominican Republic designate as terrorist organizations?"
    several = _hit(60, "The Dominican Republic designated several Haitian organized criminal groups as terrorist "
                       "organizations.", "S/2025/303")
    counted = _hit(42, "In early March 2025, the Dominican Republic formally designated 26 Haitian organized criminal "
                       "groups as terrorist organizations.", "S/2025/303")
    assert [h.pid for h in asked_figure_first(q, [several, counted])] == [42, 60]


def test_a_share_is_no_count_for_how_many() -> None:
    """DP/2025/11: para. 42 "68 per cent of Ethics Office service matters" ranked above para. 41
    "the office addressed 1,260 service matters in 2024"; the answer then abstained as giving no
    number. A count asked is put first from a paragraph giving a count, not a share or a sum."""
    from rag.search.ordinals import asked_figure_first

    q = "How many service matters did the UNDP Ethics Office address in 2024?"
    share = _hit(42, "In 2024, 68 per cent of Ethics Office service matters were requests for ethics advice.",
                 "DP/2025/11")
    count = _hit(41, "As seen in Figure III below, the office addressed 1,260 service matters in 2024.", "DP/2025/11")
    assert [h.pid for h in asked_figure_first(q, [share, count])] == [41, 42]
    assert [h.pid for h in asked_figure_first(q, [count, share])] == [41, 42]
    money = _hit(40, "The Ethics Office spent $2.1 million in 2024.", "DP/2025/11")
    assert [h.pid for h in asked_figure_first(q, [money, count])] == [41, 40]
    # a first hit giving a sum gives way only to a count of the thing asked (S/2025/323, paras. 43, 33)
    families = _hit(33, "As at March 2025, 28,701 families remained displaced owing to climatic factors.", "DP/2025/11")
    assert [h.pid for h in asked_figure_first(q, [money, families])] == [40, 33]
    # a sum asked keeps a paragraph giving a sum first
    spent = "How much did the Ethics Office spend in 2024?"
    assert [h.pid for h in asked_figure_first(spent, [money, count])] == [40, 41]


def test_the_paragraph_giving_a_share_comes_first_when_the_question_asks_for_one() -> None:
    """DP/OPS/2025/6: para. 64 on what UNOPS "can develop" ranked above para. 65, "the share of new
    public procurement and infrastructure projects that included activities for capacity development
    ... was 39 per cent"; the answer then abstained as giving no share. Only the next hits of the
    first's document, and not where the first gives a share."""
    from rag.search.ordinals import asked_first

    q = ("What share of UNOPS's new procurement and infrastructure projects in 2024 built up national institutions' "
         "capacity?")
    can = _hit(64, "Together with partners, UNOPS can develop the capacity of interested national institutions in "
                   "public procurement and infrastructure.", "DP/OPS/2025/6")
    share = _hit(65, "In 2024, the share of new public procurement and infrastructure projects that included "
                     "activities for capacity development of national institutions was 39 per cent.", "DP/OPS/2025/6")
    elsewhere = _hit(3, "In 2024, 41 per cent of projects built national capacity.", "DP/2025/12")
    assert [h.pid for h in asked_first(q, [can, share])] == [65, 64]
    assert [h.pid for h in asked_first(q, [share, can])] == [65, 64]
    assert [h.pid for h in asked_first(q, [can, elsewhere])] == [64, 3]
    # a fraction or "how many per cent" asks for a share too, not a figure
    programme = _hit(1, "UNDP programme activities are central to its mandate.", "DP/2025/26")
    spent = _hit(2, "In 2024, UNDP spent $4.2 billion on programme activities.", "DP/2025/26")
    shared = _hit(3, "Programme activities accounted for 88 per cent of total expenditure in 2024.", "DP/2025/26")
    for asked in ("What fraction of the budget did UNDP spend on programme activities in 2024?",
                  "How many per cent of the budget did UNDP spend on programme activities in 2024?"):
        assert [h.pid for h in asked_first(asked, [programme, spent, shared])] == [3, 1, 2], asked
    how = "How does UNOPS build national institutions' capacity?"
    assert [h.pid for h in asked_first(how, [can, share])] == [64, 65]


def test_one_rule_moves_a_hit_and_none_puts_another_session_first() -> None:
    """The paragraph of the asked session stays first though it gives no figure, and a figure of
    another session is not put first."""
    from rag.search.ordinals import asked_first

    q = "How many participants attended the twenty-fifth session of the Committee?"
    other = _hit(1, "At its twenty-fourth session, 300 participants attended.", "E/C.16/2025/1")
    opened = _hit(2, "The twenty-fifth session of the Committee was opened by the Chair.", "E/C.16/2025/1")
    counted = _hit(3, "At its twenty-fifth session, 412 participants registered.", "E/C.16/2025/1")
    assert [h.pid for h in asked_first(q, [other, opened, counted])] == [2, 1, 3]
    assert [h.pid for h in asked_first(q, [opened, other, counted])] == [3, 2, 1]


def test_the_paragraph_naming_the_asked_years_thing_comes_first() -> None:
    """E/CN.9/2025/6: "the 2024 revision of World Population Prospects" asked, para. 27 on "the 2025
    revision of the World Urbanization Prospects" ranked above para. 18, "The 2024 revision
    contains ..."."""
    from rag.answer.years import dated_things
    from rag.search.ordinals import asked_first

    q = "For how many countries and areas does the 2024 revision of World Population Prospects provide estimates?"
    assert dated_things(q) == [(2024, "revision")]
    other = _hit(27, "During 2024, the Division prepared the 2025 revision of the World Urbanization Prospects, "
                     "covering 237 countries and areas.", "E/CN.9/2025/6")
    asked = _hit(18, "The 2024 revision contains the latest estimates for 237 countries or areas.", "E/CN.9/2025/6")
    assert [h.pid for h in asked_first(q, [other, asked])] == [18, 27]
    assert [h.pid for h in asked_first(q, [asked, other])] == [18, 27]
    plain = _hit(3, "The Division published estimates for 237 countries or areas.", "E/CN.9/2025/6")
    assert [h.pid for h in asked_first(q, [plain, asked])] == [3, 18]  # the first names no other year's


def test_the_paragraph_naming_the_asked_member_of_a_set_comes_first() -> None:
    """A/49/624: asked for the vote on the draft decision, para. 6 (the draft resolution's vote)
    ranked above para. 7 (the draft decision's); through asked_first, within the first three hits
    of the document, and only over a paragraph naming another member of the set."""
    from rag.search.ordinals import asked_alternative_first, asked_first

    q = "What was the recorded vote on the draft decision on military activities by colonial Powers in 1994?"
    resolution = _hit(6, "At its 13th meeting, the Fourth Committee adopted the draft resolution by a recorded vote of "
                         "94 to 38, with 5 abstentions.", "A/49/624")
    report = _hit(5, "The Rapporteur introduced the report of the Special Committee.", "A/49/624")
    decision = _hit(7, "At its 13th meeting, the Fourth Committee adopted the draft decision by a recorded vote of "
                       "93 to 41, with 3 abstentions.", "A/49/624")
    assert [h.pid for h in asked_alternative_first(q, [resolution, report, decision])] == [7, 6, 5]
    assert [h.pid for h in asked_first(q, [resolution, report, decision])] == [7, 6, 5]
    assert [h.pid for h in asked_first(q, [report, resolution, decision])] == [5, 6, 7]
    asked_resolution = q.replace("decision", "resolution")
    assert [h.pid for h in asked_first(asked_resolution, [resolution, report, decision])] == [6, 5, 7]


def test_the_paragraph_naming_the_asked_year_comes_first() -> None:
    """E/CN.6/2025/4: "What priority theme is proposed for the Commission in 2027?" had para. 1 (on
    the 2026 programme) first and para. 14, "In 2027, the Commission may wish to consider as its
    priority theme ...", third; the answer abstained as "about 2026, not 2027"."""
    from rag.search.ordinals import asked_first

    q = "What priority theme is proposed for the Commission on the Status of Women in 2027?"
    first = _hit(1, "The present note sets out the programme of work of the Commission for 2026.", "E/CN.6/2025/4")
    middle = _hit(9, "The Commission may wish to consider its methods of work.", "E/CN.6/2025/4")
    asked = _hit(14, "In 2027, the Commission may wish to consider as its priority theme: gender equality.",
                 "E/CN.6/2025/4")
    assert [h.pid for h in asked_first(q, [first, middle, asked])] == [14, 1, 9]
    assert [h.pid for h in asked_first(q, [middle, first, asked])] == [9, 1, 14]  # the first names no other year
    assert [h.pid for h in asked_first(q.replace("2027", "2026"), [first, middle, asked])] == [1, 9, 14]
    elsewhere = _hit(14, asked.text, "E/CN.6/2024/4")
    assert [h.pid for h in asked_first(q, [first, middle, elsewhere])] == [1, 9, 14]
    passing = _hit(5, "UNV mobilized 14,631 volunteers, a 77 per cent increase from pre-pandemic levels in 2019.",
                   "E/CN.6/2025/4")
    assert [h.pid for h in asked_first(q.replace("2027", "2019"), [first, passing])] == [1, 5]
    # a 2025 report tells of 2024 without naming it: its first hit on 2024 need not name the year
    own = _hit(36, "UN entities requested 12,000 Online Volunteers, up from 2023.", "DP/2025/19")
    framed = _hit(34, "In 2024, 56 per cent of volunteers were women.", "DP/2025/19")
    assert [h.pid for h in asked_first("How many Online Volunteers were requested in 2024?", [own, framed])] == [36, 34]
    # the framed hit must hold as much of the question (A/AC.109/2025/L.13, paras. 75 and 86)
    rate = _hit(75, "In Puerto Rico, the unemployment rate averaged 13.0 per cent in 2015 and fell in 2022.",
                "A/AC.109/2025/L.13")
    growth = _hit(86, "During 2023, Puerto Rico experienced modest economic growth of 0.7 per cent.",
                  "A/AC.109/2025/L.13")
    assert [h.pid for h in asked_first("What was the unemployment rate in Puerto Rico in 2023?", [rate, growth])] == \
        [75, 86]


def test_the_paragraph_counting_the_asked_thing_comes_first() -> None:
    """DP/2025/20: para. 58 on the Administrator's final address ranked above para. 60, which gives
    the count asked; a hit of the same document, within the first five, that counts the very thing."""
    from rag.search.ordinals import asked_count_first

    q = "How many electoral processes did UNDP assist, according to the Administrator's final address to the Board?"
    address = _hit(58, "The UNDP Administrator delivered his final address to the Executive Board, reflecting on the "
                       "organization’s transformation over two strategic plan cycles and its 60-year history.",
                   symbol="DP/2025/20")
    counted = _hit(60, "The Administrator highlighted a range of institutional achievements. He cited assistance to 96 "
                       "electoral processes involving 840 million voters.", symbol="DP/2025/20")
    others = [_hit(i, "UNDP continued to provide technical assistance.", symbol="S/2025/509") for i in (2, 3)]
    assert [h.pid for h in asked_count_first(q, [address, *others, counted])] == [60, 58, 2, 3]
    # another document's count, a first hit that counts the thing, a count asked of nothing named: as they are
    elsewhere = _hit(9, "UNDP assisted 12 electoral processes.", symbol="S/2025/509")
    assert [h.pid for h in asked_count_first(q, [address, elsewhere])] == [58, 9]
    assert [h.pid for h in asked_count_first(q, [counted, address])] == [60, 58]
    assert [h.pid for h in asked_count_first("How many were there?", [address, counted])] == [58, 60]
    # people are counted by many words: "eight Palestinians working for the Foundation" (S/2025/415, para. 27)
    killed = _hit(27, "Hamas reportedly carried out the killing on 11 June of eight Palestinians working for the Gaza "
                      "Humanitarian Foundation.", symbol="S/2025/415")
    total = _hit(15, "More than 1,739 people had been killed in attacks.", symbol="S/2025/415")
    assert [h.pid for h in asked_count_first("How many people working for the Gaza Humanitarian Foundation were "
                                             "killed?", [killed, total])] == [27, 15]
    # a first hit writing the thing may count it otherwise (DP/2025/11, para. 21)
    level = _hit(21, "In 2024, the office achieved its highest-ever level of participation in live ethics sessions: "
                     "8,390, a 31 per cent increase.", symbol="DP/2025/11")
    summary = _hit(3, "Reaching a record level of approximately 31,000 participations in ethics sessions.",
                   symbol="DP/2025/11")
    assert [h.pid for h in asked_count_first("How many participations in live ethics sessions were recorded?",
                                             [level, summary])] == [21, 3]


def test_a_count_of_the_thing_leaving_out_the_place_the_first_hit_names_stays_below() -> None:
    """S/2025/415: "How many buildings were knocked down in the Khallat Athaba' herding community
    ...?" was answered from para. 20 ("struck at least six neighbouring residential buildings in the
    Shuja'iyah neighbourhood"), put above para. 10, which tells of Khallat Athaba' and counts
    "78 structures" (other words for the thing): a count leaving out the place the question names and
    the first hit writes is of another place (tester 81)."""
    from rag.search.ordinals import asked_count_first

    q = ("How many buildings were knocked down in the Khallat Athaba' herding community over its four demolition "
         "incidents in 2025?")
    herders = _hit(10, "On 11 June, Israeli authorities carried out a mass demolition in the Palestinian herding "
                       "community of Khallat Athaba\u2019 in Masafer Yatta. Over the four incidents, 78 structures "
                       "were demolished.", symbol="S/2025/415")
    strike = _hit(20, "On 9 April, the Israel Defense Forces struck at least six neighbouring residential buildings in "
                      "the Shuja\u2018iyah neighbourhood of Gaza City.", symbol="S/2025/415")
    assert [h.pid for h in asked_count_first(q, [herders, strike])] == [10, 20]
    # a count writing the place too still comes first
    there = _hit(11, "In Khallat Athaba\u2019, 12 buildings were demolished.", symbol="S/2025/415")
    assert [h.pid for h in asked_count_first(q, [herders, there])] == [11, 10]
    # a next paragraph naming no place goes on about the first's (found in review)
    seminar = _hit(1, "The Special Committee held its Caribbean regional seminar in Caracas from 14 to 16 May.",
                   symbol="A/AC.109/2025/L.2")
    attended = _hit(2, "The seminar was attended by 85 participants.", symbol="A/AC.109/2025/L.2")
    assert [h.pid for h in asked_count_first("How many participants attended the Caribbean regional seminar in "
                                             "Caracas?", [seminar, attended])] == [2, 1]
    # nor does one whose document's title names the place
    volatile = Hit(pid=3, symbol="S/2025/269", number="3", text="The security situation in Abyei remained volatile.",
                   page="1", section="", score=1.0, doc_title="Situation in Abyei Report of the Secretary-General")
    clashes = Hit(pid=4, symbol="S/2025/269", number="4", text="Intercommunal clashes in Rumamer and Alal killed 52 "
                  "civilians.", page="1", section="", score=1.0, doc_title="Situation in Abyei Report of the "
                  "Secretary-General")
    assert [h.pid for h in asked_count_first("How many civilians were killed in Abyei during the reporting period?",
                                             [volatile, clashes])] == [4, 3]


def test_the_paragraph_naming_the_asked_day_comes_first() -> None:
    """S/2025/504: "the statement of 18 May" is para. 8's ("On 18 May, 18 members ... signed a
    statement"), not para. 9's, on 20 May; only where the first names another day, not the asked one."""
    from rag.search.ordinals import asked_day_first

    q = "How many members of the SPLM/A-IO Political Bureau signed the statement of 18 May rejecting Par Kuol's " \
        "faction?"
    on_20 = _hit(9, "On 20 May, Mr. Par Kuol’s splinter faction attempted to suspend 33 SPLM/A-IO members.",
                 "S/2025/504")
    on_18 = _hit(8, "On 18 May, 18 members of the SPLM/A-IO Political Bureau in Juba signed a statement rejecting Mr. "
                    "Par Kuol’s faction.", "S/2025/504")
    assert [h.pid for h in asked_day_first(q, [on_20, on_18])] == [8, 9]
    assert [h.pid for h in asked_day_first(q, [on_18, on_20])] == [8, 9]
    undated = _hit(10, "The faction split.", "S/2025/504")
    assert [h.pid for h in asked_day_first(q, [undated, on_18])] == [10, 8]
    assert [h.pid for h in asked_day_first("Who signed the statement?", [on_20, on_18])] == [9, 8]
    other_doc = _hit(3, "On 18 May, members signed a statement.", "S/2025/9")
    assert [h.pid for h in asked_day_first(q, [on_20, other_doc])] == [9, 3]
    # a day of a range; a day in the clause naming the document; a hit holding less of the question
    ranged = _hit(11, "From 18 to 20 May, 18 members of the SPLM/A-IO Political Bureau signed a statement rejecting "
                      "Mr. Par Kuol’s faction.", "S/2025/504")
    assert [h.pid for h in asked_day_first(q, [on_20, ranged])] == [11, 9]
    letter = "In the letter dated 18 May 2025 from the Secretary-General, how many members did the faction suspend?"
    assert [h.pid for h in asked_day_first(letter, [on_20, on_18])] == [9, 8]
    thin = _hit(12, "On 18 May, it rained.", "S/2025/504")
    assert [h.pid for h in asked_day_first(q, [on_20, thin])] == [9, 12]
    # S/2025/415, para. 16 tells of the report's period, para. 14 of the days asked but of Palestinians
    gaza = "How many United Nations personnel were killed in Gaza between 14 March and 17 June 2025?"
    period = _hit(16, "During the reporting period, at least 43 United Nations personnel were killed in Gaza, bringing "
                      "the total killed since 7 October 2023 to 323.", "S/2025/415")
    days = _hit(14, "From 14 March to 17 June at least 5,407 Palestinians were killed in the Gaza Strip, and United "
                    "Nations premises were hit.", "S/2025/415")
    assert [h.pid for h in asked_day_first(gaza, [period, days])] == [16, 14]
