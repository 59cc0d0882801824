"""Questions whose answer has a fixed form (an office's holder, a vote) are answered from the
paragraph that states one."""

from __future__ import annotations

from pathlib import Path

from rag.search.stated import asked_form, states_form
from rag.service import Session
from tests.conftest import indexed_texts


def test_the_office_a_question_asks_about() -> None:
    assert asked_form("Who chaired the United Nations Disarmament Commission at its 2025 substantive session?") == "chair"
    assert asked_form("Who co-chaired the ninth session of the Regional Forum?") == "chair"
    assert asked_form("Who was elected Chair of the Special Committee for its February 2025 session?") == "chair"
    assert asked_form("Whom did the High Council of State elect as its President?") == "president"
    # chosen or selected as elected (A/CONF.230/2025/L.2, para. 10: "elected by acclamation as Rapporteur-General")
    assert asked_form("Who was chosen as rapporteur of the ocean conference in Nice?") == "rapporteur"
    assert asked_form("Whom did the Conference select as its President?") == "president"
    assert asked_form("Who did the Disarmament Commission elect at its 2025 session to chair Working Group I?") == \
        "chair"
    assert asked_form("Who did the Council invite to address it?") is None
    assert asked_form("Who did the Committee elect as Rapporteur, and who was invited to chair the panel?") == \
        "rapporteur"
    assert asked_form("Who presided over the opening meeting?") == "president"
    # in the present tense (A/80/55, para. 4, "Chair: Gertrude Oforiwa Fefoame (Ghana)", was not found)
    assert asked_form("Who chairs the Committee on the Rights of Persons with Disabilities?") == "chair"
    assert asked_form("Who presides over the Assembly?") == "president"
    assert asked_form("Who were the two Presidents of the 2025 UN Ocean Conference?") == "president"
    assert asked_form("Who were both Co-Chairs of the forum?") == "chair"
    assert asked_form("Who served as Rapporteur of the Commission?") == "rapporteur"
    assert asked_form("What did the Chair propose for the organization of work?") is None
    assert asked_form("Who briefed the Committee on the Chair's visit?") is None
    assert asked_form("Who is the Chairperson of the Committee?") == "chair"
    # "who" that is not the office's holder: the object of another verb, or a relative clause.
    assert asked_form("Who briefed the Chair of the Disarmament Commission?") is None
    assert asked_form("Who met with the Special Rapporteur?") is None
    assert asked_form("Who were elected Vice-Chairs of the United Nations Disarmament Commission for 2025?") == \
        "vice-chair"
    assert asked_form("Whom did the Conference elect as its Vice-Presidents?") == "vice-president"
    assert asked_form("Who did the Chair thank?") is None
    assert asked_form("What did the representative who chaired the working group say?") is None
    assert asked_form("Who was RCA president in 1942?") is None
    assert asked_form("Who were elected Presidents of the 2025 Ocean Conference?") == "president"


def test_a_paragraph_naming_the_officers() -> None:
    # Small extracts of real pages: A/80/42, para. 9; E/HLPF/2025/3/Add.3, para. 2; A/AC.182/2025/L.1, para. 5.
    assert states_form("During the session, the Bureau of the Commission was constituted as follows: Chair: "
                          "José Pereira Sosa (Paraguay) Vice-Chairs: Representatives of Egypt, Germany and Nigeria", "chair")
    assert states_form("The session was co-chaired by the Deputy Minister of Economy and Finance of Uzbekistan, "
                          "Umid Abidkhadjaev, and the Permanent Representative of Greece", "chair")
    assert states_form("At its 312th meeting, on 18 February, the Special Committee elected the following members "
                          "of its Bureau: Chair: Nathaniel Khng (Singapore)", "chair")
    assert not states_form("In opening the session, the Chair recalled the mandate of the Commission.", "chair")
    # E/HLPF/2025/6, para. 3: the Co-Chairs named as the subject of "co-chaired"
    assert states_form("The Permanent Representative of Morocco, Omar Hilale, and the Permanent Representative of "
                       "Finland, Elina Kalkku, co-chaired the forum.", "chair")
    assert not states_form("Member States that co-chaired the forum in earlier years were thanked.", "chair")
    assert not states_form("Since Member States chaired the forum in earlier years, it rotates.", "chair")
    assert states_form("The Ambassador of Morocco, Omar A. Hilale, co-chaired the forum.", "chair")
    assert states_form("The Minister, Maria de Souza co-chaired the meeting.", "chair")
    assert not states_form("The Committee elected the following officers: Vice-Chairs: Francisco Tropepi "
                           "(Argentina) Rapporteur: Mohamed Soliman (Egypt)", "chair")
    assert not states_form("The Chair: an opening statement", "president")
    # A/80/42, para. 4: the Vice-Chairs elected, who are no Chair.
    elected = ("Also at the same meeting, the Commission elected Amr Essameldin Sadek Ahmed (Egypt), Mohammed "
               "Lawal Mahmud (Nigeria) and Vivica Muenkner (Germany) as Vice-Chairs.")
    assert states_form(elected, "vice-chair") and not states_form(elected, "chair")
    assert states_form("Vice-Chairs: Francisco Tropepi (Argentina)", "vice-chair")
    assert not states_form("Chair: José Pereira Sosa (Paraguay)", "vice-chair")
    # A/CONF.230/2025/L.2, para. 7 elects two Presidents; A/CONF.230/2025/3, para. 16 names none.
    assert states_form("The President of Costa Rica, Rodrigo Chaves Robles, and the President of France, Emmanuel "
                       "Macron, were elected by acclamation as the Presidents of the Conference.", "president")
    assert not states_form("Each Ocean Action panel will be presided over by two Co-Chairs – one from a developing "
                           "country and one from a developed country", "president")
    assert states_form("The meeting was presided over by the President of the General Assembly.", "president")
    assert not states_form("Each panel will be chaired by two members of the Bureau.", "chair")
    assert states_form("The meeting was chaired by its Vice-Chair, Ana Lima (Brazil).", "chair")
    # CEB/2025/4, para. 2: the Chair named in apposition, titles and all
    assert states_form("In opening the session, the Chair of the Committee, the Under-Secretary-General and Executive "
                       "Director of the United Nations Environment Programme (UNEP), Inger Andersen, observed that "
                       "HLCP was meeting at a complex time.", "chair",
                       "Who chaired the session of the High-level Committee on Programmes?")
    assert states_form("The Chair, Ana Lima (Brazil), opened the meeting.", "chair")
    assert not states_form("The Chair of the Committee, in her opening remarks, recalled the mandate.", "chair")
    assert not states_form("The Vice-Chair of the Committee, Ana Lima, opened the meeting.", "chair")
    # S/2025/211, para. 17: the Chairperson of another body than the one asked about
    asked = "Who chaired South Sudan's ceasefire monitoring mechanism in March 2025?"
    assert not states_form("The summit was attended by the Chairperson of the African Union Commission, Moussa Faki "
                           "Mahamat, and the foreign ministers.", "chair", asked)


REPORT = """A/99/42
Report of the Disarmament Commission for 2099

1. The Disarmament Commission held its 2099 substantive session at Headquarters from 7 to 25 April 2099,
at which the Chair of the Disarmament Commission opened the substantive session and made a statement.

2. At its substantive session of 2099 the Disarmament Commission heard the Chair of the Commission on the
organization of work of the substantive session and the Commission adopted its agenda for the session.

3. During the session, the Bureau was constituted as follows: Chair: Ana Lima (Brazil) Vice-Chairs:
representatives of Egypt and Nigeria Rapporteur: Syed Raza (Pakistan).

4. The Commission held eight plenary meetings and its working groups held twelve meetings.
"""


def test_who_chaired_is_answered_from_the_officers_list(tmp_path: Path) -> None:
    settings = indexed_texts(tmp_path, {"A_99_42.txt": REPORT})
    with Session(settings) as session:
        question = "Who chaired the Disarmament Commission at its 2099 substantive session?"
        top = session.search(question)[0]
        assert (top.symbol, top.number) == ("A/99/42", "3")
        answer = session.ask(question)
        assert not answer.abstained and answer.citations[0].citation == "A/99/42, para. 3"
        assert "Ana Lima" in answer.citations[0].quote
        # A question about what the Chair did is not an office question: the ranking is left alone.
        assert session.search("What did the Chair of the Commission do when the substantive session opened?")[0].number == "1"


def test_the_paragraph_put_first_keeps_the_number_of_hits_asked(tmp_path: Path) -> None:
    """Found by a new user: `rag search -k 5` listed 6 hits where the officers' paragraph, outside
    the top 5, was put first."""
    settings = indexed_texts(tmp_path, {"A_99_42.txt": REPORT})
    with Session(settings) as session:
        question = "Who chaired the Disarmament Commission at its 2099 substantive session?"
        for k in (1, 2, 3):
            hits = session.search(question, k=k)
            assert len(hits) == k and hits[0].number == "3", k


# A report laid out as printed (its symbol runs on every page) that prints a Working Group's
# report with its own numbering.
WITH_WORKING_GROUP = """A/99/42

Report of the Disarmament Commission for 2099

1. The Commission met at Headquarters from 7 to 25 April 2099 and adopted its
agenda.
2. During the session, the Bureau was constituted as follows: Chair: Ana Lima
(Brazil) Vice-Chairs: representatives of Egypt and Nigeria Rapporteur: Syed Raza
(Pakistan).
3. The report of Working Group I reads as follows:

Report of Working Group I on agenda item 4
1. At its 1st plenary meeting, the Commission allocated agenda item 4 to Working
Group I.

A/99/42

2. The Working Group of the Disarmament Commission, chaired by Carlos Ruiz
(Chile), held nine meetings during the 2099 substantive session of the
Disarmament Commission.
"""


def test_a_working_group_s_report_states_its_own_chair_not_the_commission_s(tmp_path: Path) -> None:
    """A/80/42 (shape): the Working Group's report printed in the Commission's report names the
    Working Group's Chair; "Who chaired the Commission?" is answered from the Commission's Bureau."""
    from rag.search.stated import other_bodys_report

    assert other_bodys_report("Who chaired the Commission?", "report of Working Group I")
    assert not other_bodys_report("Who chaired Working Group I?", "report of Working Group I")
    assert other_bodys_report("Who chaired Working Group II?", "report of Working Group I")
    assert not other_bodys_report("Who chaired the Commission?", "draft resolution")
    settings = indexed_texts(tmp_path, {"A_99_42.txt": WITH_WORKING_GROUP})
    with Session(settings) as session:
        answer = session.ask("Who chaired the Disarmament Commission at its 2099 substantive session?")
        assert answer.citations[0].citation == "A/99/42, para. 2"
        group = session.search("Who chaired Working Group I of the Disarmament Commission at its 2099 substantive session?")
        assert (group[0].number, group[0].part) == ("2", "report of Working Group I")


def test_vote_questions_and_paragraphs_stating_a_vote() -> None:
    assert asked_form("By what vote did the Fourth Committee adopt the 1997 draft resolution?") == "vote"
    assert asked_form("In 1997, what was the Fourth Committee's vote on the United States oral amendment?") == "vote"
    assert asked_form("What recorded vote is reported for the draft resolution?") == "vote"
    assert asked_form("How many votes did Joseph Aoun obtain?") == "vote"
    assert asked_form("Fourth Committee 1994 foreign economic interests resolution vote") == "vote"
    assert asked_form("Which countries voted against the draft resolution?") is None
    assert asked_form("Can the President of the Council vote on important matters?") is None
    # Small extracts of real pages: A/52/622, para. 5; A/50/610, para. 8; S/2025/153, para. 52.
    assert states_form("the Fourth Committee adopted the draft resolution (see A/52/23 (Part IV)) by a recorded "
                       "vote of 102 to none, with 44 abstentions", "vote")
    assert states_form("The Committee rejected the amendment to replace the title by a recorded vote of 55 to 48, "
                       "with 22 abstentions.", "vote")
    assert states_form("The Committee adopted the draft decision without a vote.", "vote")
    assert states_form("the Lebanese Parliament elected Joseph Aoun President, with 99 votes", "vote")
    assert not states_form("Statements in explanation of vote were made by the representatives of Mexico.", "vote")


VOTES = """A/99/622
Report of the Fourth Committee on the implementation of the Declaration on decolonization

1. At its 4th plenary meeting, on 19 September 2099, the General Assembly, on the recommendation of the General
Committee, decided to include in its agenda the item entitled "Implementation of the Declaration on decolonization"
and to allocate it to the Fourth Committee, which adopted a draft resolution on the item at its 9th meeting.

2. The Fourth Committee considered the item at its 2nd to 9th meetings and heard statements on the draft resolution
of the implementation of the Declaration on decolonization by the specialized agencies.

3. At its 9th meeting, on 27 October, the Committee adopted it by a recorded vote of 102 to none, with 44 abstentions.
The voting was as follows: In favour: Algeria, Angola, Argentina, Australia, Bahamas, Bahrain, Bangladesh, Barbados,
Belize, Benin, Bolivia, Botswana, Brazil, Chad, Chile, China, Colombia, Congo, Costa Rica, Cuba, Ecuador, Egypt.
Against: None. Abstaining: Austria, Belgium, Canada, Denmark, Finland, France, Germany, Italy, Japan, Norway.

4. The Fourth Committee recommends to the General Assembly the adoption of the draft resolution on the
implementation of the Declaration on decolonization by the specialized agencies.
"""


def test_by_what_vote_is_answered_from_the_paragraph_that_records_it(tmp_path: Path) -> None:
    settings = indexed_texts(tmp_path, {"A_99_622.txt": VOTES})
    with Session(settings) as session:
        question = "By what vote did the Fourth Committee adopt the draft resolution on the Declaration on decolonization?"
        answer = session.ask(question)
        assert not answer.abstained and answer.citations[0].citation == "A/99/622, para. 3"
        assert "102 to none" in answer.citations[0].quote


AMENDMENT = """A/99/437/Add.4
Protection of global climate Report of the Second Committee

1. The Second Committee considered the question of protection of global climate and adopted a draft resolution.

B. Consideration of draft resolution A/C.2/99/L.21/Rev.1 and the amendment thereto

2. At the 24th meeting, on 26 November, the representative of the United States of America introduced an amendment
to draft resolution A/C.2/99/L.21/Rev.1, as contained in document A/C.2/99/L.51.

3. At the same meeting, Montenegro joined in sponsoring the amendment.

4. At the same meeting, the representative of Uganda made a statement on behalf of the Group of 77 and China.

C. Action on the amendment A/C.2/99/L.51 to the draft resolution

5. Also at the same meeting, the Committee rejected the amendment by a recorded vote of 107 to 60, with 1 abstention.
The voting was as follows: In favour: Albania, Andorra, Australia, Austria, Belgium, Canada, Chile, Colombia, United States of America.
Against: Algeria, Angola, Bahamas, Bahrain, Bangladesh, Barbados, Belarus, Belize, Benin, Bhutan.
Abstaining: Costa Rica.
"""


def test_the_vote_on_a_cited_amendment_is_the_one_under_its_heading(tmp_path: Path) -> None:
    # After A/79/437/Add.4: the question also names "the Group of 77", which neither the vote
    # paragraph, its heading, the title nor the introducing paragraph writes; the heading over
    # the vote names the amendment the question cites.
    settings = indexed_texts(tmp_path, {"A_99_437_Add.4.txt": AMENDMENT})
    with Session(settings) as session:
        answer = session.ask("By what recorded vote was the United States amendment (A/C.2/99/L.51) to the Group of 77 "
                             "draft resolution on global climate rejected?")
        assert answer.citations and answer.citations[0].citation == "A/99/437/Add.4, para. 5"
        assert "107 to 60" in answer.citations[0].quote


def test_a_cited_symbol_is_not_read_inside_a_longer_one() -> None:
    from rag.search.stated import on_cited_text
    assert on_cited_text("the amendment (A/C.2/79/L.51)?", "Action on document A/C.2/79/L.51.")
    assert not on_cited_text("the amendment (A/C.2/79/L.5)?", "Action on document A/C.2/79/L.51")
    assert not on_cited_text("the draft (A/79/L.1)?", "draft resolution A/79/L.10")


def test_an_office_of_another_body_named_in_the_stating_sentence() -> None:
    """TPNW/MSP/2025/11/Rev.1, para. 24 elects the President of the first Review Conference, not
    of the fourth Meeting of States Parties; A/CONF.230/2025/L.2, para. 7 elects the Presidents
    "of the Conference" the question names."""
    from rag.search.stated import office_of_another

    meeting = "Who was elected President of the fourth Meeting of States Parties to the Treaty?"
    review = "At its 10th plenary meeting, the Meeting elected South Africa as President of the first Review Conference."
    assert office_of_another(meeting, review, "president")
    assert not office_of_another("Who was elected President of the first Review Conference?", review, "president")
    conference = ("The President of Costa Rica, Rodrigo Chaves Robles, and the President of France, Emmanuel Macron, "
                  "were elected by acclamation as the Presidents of the Conference.")
    assert not office_of_another("Who were elected Presidents of the 2025 Ocean Conference?", conference, "president")
    assert not office_of_another(meeting, "Chair: Ana Lima (Brazil)", "chair")
    # the holder's own title after the name is no body of the office
    assert not office_of_another("Who was elected President of the Conference?", "The Conference elected by "
                                 "acclamation as its President Emmanuel Macron, President of France.", "president")


def test_the_chair_of_a_working_group_is_no_chair_of_the_commission() -> None:
    """A/80/42, para. 10 elects the Chairs of Working Groups I and II; the Commission's own Chair
    is in its Bureau (para. 9). A body the question names, by name or acronym, is its own."""
    from rag.search.stated import office_of_another

    groups = ("At its 398th meeting, the Commission elected Akaki Dvali (Georgia) as Chair of Working Group I, "
              "on agenda item 4.")
    assert office_of_another("Who chaired the Disarmament Commission in 2025?", groups, "chair")
    assert not office_of_another("Who chaired Working Group I of the Disarmament Commission?", groups, "chair")
    women = "The Commission elected Ana Lima as Chair of the Commission on the Status of Women."
    assert not office_of_another("Who was elected Chair of the CSW?", women, "chair")
    assert not office_of_another("Who chaired the Commission on the Status of Women?", women, "chair")


def test_the_officers_of_the_next_document_where_the_first_states_none(tmp_path: Path) -> None:
    """A/CONF.230/2025/3 (organization of work: panels "presided over by two Co-Chairs") ranks
    first for who the Conference's Presidents were, and names none; its draft report L.2, just
    below, does (para. 7): it is put first. The bundled model, on the two real PDFs."""
    import shutil

    from rag.config import load_settings
    from rag.service import build
    from tests.conftest import shared_path

    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("A_CONF.230_2025_3.en.pdf", "A_CONF.230_2025_L.2.en.pdf"):
        shutil.copy(shared_path("data", "un_corpus", "pdf", name), docs)
    settings = load_settings(env={}, index_dir=tmp_path / "indexes")
    build(settings, [docs])
    with Session(settings) as session:
        answer = session.ask("Who were elected Presidents of the 2025 Ocean Conference?")
    assert answer.citations[0].citation == "A/CONF.230/2025/L.2, para. 7"
    assert "Emmanuel Macron" in answer.citations[0].quote


def test_another_session_s_office_is_told_by_its_ordinal_not_by_a_day_the_question_gives() -> None:
    from rag.search.stated import office_of_another

    asked = "Who was elected President of the fourth session, held from 3 to 7 March 2025?"
    assert office_of_another(asked, "The Meeting elected South Africa as President of the third session.", "president")
    assert not office_of_another("Who was elected President of the fourth Meeting of States Parties?",
                                 "It elected Mexico as President of the 4th Meeting of States Parties.", "president")


# A/79/19 (extract): the report opens with the mandate that restates the Committee's name; the
# paragraph that gives the count shares few of the question's words.
COMMITTEE_REPORT = """A/79/19
Report of the Special Committee on Peacekeeping Operations

1. By its resolution 78/291, the General Assembly welcomed the report of the Special Committee on
Peacekeeping Operations (A/78/19), decided that the Committee, in accordance with its mandate, would
continue its efforts for a comprehensive review of the whole question of peacekeeping operations in all
their aspects, and requested the Committee to submit a report on its work to the Assembly at its
seventy-ninth session.

2. The Committee held its substantive session of 2025 at Headquarters from 17 February to 14 March 2025.
It held four plenary meetings.

3. At its 280th plenary meeting, the Committee adopted its provisional agenda (A/AC.121/2025/L.1).

4. At its 2025 session, the Committee comprised 157 members (see A/AC.121/2025/INF/3; see also the annex
to the present report).

5. The list of documents for the session is contained in document A/AC.121/2025/INF/2.
"""


def test_how_many_is_answered_from_the_paragraph_that_counts_the_thing(tmp_path: Path) -> None:
    """A question counting a thing it names ("How many members") is answered from the paragraph
    of the best hit's document that gives a number of them, where the best hit gives no number
    (its symbol's and resolution's digits are none)."""
    assert asked_form("How many members did the Special Committee have at its 2025 session?") == "count"
    assert asked_form("How many times did the Committee meet?") is None
    settings = indexed_texts(tmp_path, {"A_79_19.txt": COMMITTEE_REPORT})
    with Session(settings) as session:
        question = "How many members did the Special Committee on Peacekeeping Operations have at its 2025 session?"
        answer = session.ask(question)
        assert answer.citations[0].citation == "A/79/19, para. 4"
        assert "157 members" in answer.citations[0].quote


OTHER_COMMITTEE = """A/79/23
Report of the Special Committee on Decolonization

1. The Special Committee held its 2025 session at Headquarters.

2. At its 2025 session, the Special Committee comprised 29 members.
"""


def test_a_count_is_not_taken_from_another_document(tmp_path: Path) -> None:
    """Where the best hit's document gives no count of the thing, another committee's count is no
    answer: the ranking is left alone (and the answer's checks decide)."""
    without_count = COMMITTEE_REPORT.replace("4. At its 2025 session, the Committee comprised 157 members",
                                             "4. At its 2025 session, the Committee heard statements")
    assert without_count != COMMITTEE_REPORT
    settings = indexed_texts(tmp_path, {"A_79_19.txt": without_count, "A_79_23.txt": OTHER_COMMITTEE})
    with Session(settings) as session:
        hits = session.search("How many members did the Special Committee on Peacekeeping Operations have at its 2025 "
                              "session?")
        assert hits[0].symbol == "A/79/19"


def test_the_period_a_report_covers_is_an_answer_of_a_fixed_form() -> None:
    """S/2025/154: "What period does the Secretary-General's UNDOF report cover?" cited para. 38 (a
    mandate renewed "for a period of six months"); para. 1 gives the period, "from 19 November 2024
    to 18 February 2025", in the report's own words."""
    question = "What period does the Secretary-General's UNDOF report cover?"
    assert asked_form(question) == "period"
    assert asked_form("Which months does the report on Abyei cover?") == "period"
    assert asked_form("What dates are covered by the moratorium on executions?") is None  # no report's period
    assert not states_form("The present report notes that the moratorium, in force from 1 January to 31 December "
                           "2024, was extended.", "period")
    first = ("The present report provides an account of the activities of the United Nations Disengagement Observer "
             "Force (UNDOF) from 19 November 2024 to 18 February 2025, pursuant to the mandate set out in Security "
             "Council resolution 350 (1974).")
    assert states_form(first, "period")
    assert states_form("It covers the period from 1 March to 31 May 2025.", "period")
    assert not states_form("It decided to renew the mandate of UNDOF for a period of six months, until 31 December "
                           "2024.", "period")


def test_a_body_by_its_kind_alone_or_by_its_name_in_brackets_is_the_asked_one() -> None:
    """Found in review: "the Commission" is the body the document is about, whatever acronym the
    question gives it; "(Fourth Committee)" names the Committee the question asks about."""
    from rag.search.stated import office_of_another

    commission = "At its 1st meeting, the Commission elected Akaki Dvali (Georgia) as Chair of the Commission for 2025."
    assert not office_of_another("Who chaired the UNDC in 2025?", commission, "chair")
    assert not office_of_another("Who chaired the CSW at its sixty-ninth session?",
                                 "The Commission elected Ana Lima as Chair of the Commission for its sixty-ninth "
                                 "session.", "chair")
    fourth = ("The Committee elected Ana Lima as Chair of the Special Political and Decolonization Committee "
              "(Fourth Committee).")
    assert not office_of_another("Who chaired the Fourth Committee at the session?", fourth, "chair")
    assert not office_of_another("Who was elected Chair of the Disarmament Commission?",
                                 "The Commission elected Ana Lima as Chair of the Bureau.", "chair")


def test_the_paragraph_writing_the_cited_symbol_goes_before_its_sibling() -> None:
    """A/79/437/Add.4: "Who introduced the amendment contained in document A/C.2/79/L.53?" cited
    para. 5, on L.51, which shares every other word (and whose chapter heading lists both)."""
    from rag.models import Hit
    from rag.search.stated import citing_first

    chapter = ("II. Consideration of draft resolution A/C.2/79/L.21/Rev.1 and amendments thereto contained in "
               "documents A/C.2/79/L.51 and A/C.2/79/L.53 > Action on the amendment contained in document ")
    intro = "At the 24th meeting, the representative of {} introduced an amendment, as contained in document {}."
    on_51 = Hit(5, "A/79/437/Add.4", "5", intro.format("the United States", "A/C.2/79/L.51"), "2",
                chapter + "A/C.2/79/L.51", 2.0)
    vote = Hit(6, "A/79/437/Add.4", "6", "The Committee rejected the amendment by a recorded vote.", "2",
               chapter + "A/C.2/79/L.51", 1.5)
    on_53 = Hit(8, "A/79/437/Add.4", "8", intro.format("Hungary", "A/C.2/79/L.53"), "3", chapter + "A/C.2/79/L.53", 1.0)
    hits = [on_51, vote, on_53]
    assert [h.number for h in citing_first("Who introduced the amendment in document A/C.2/79/L.53?", hits)] == \
        ["8", "5", "6"]
    assert citing_first("Who introduced the amendment in document A/C.2/79/L.51?", hits) == hits
    assert citing_first("Who introduced the amendment?", hits) == hits
    elsewhere = Hit(9, "A/79/999", "1", intro.format("Hungary", "A/C.2/79/L.53"), "1", "", 1.0)
    assert citing_first("Who introduced the amendment in document A/C.2/79/L.53?", [on_51, vote, elsewhere]) == \
        [on_51, vote, elsewhere]


# S/2025/154 (paras. 18 and 35, renumbered): the count asked is none; the paragraph before gives
# another thing's number.
UNDOF_REPORT = """S/2025/154
Situation in the Middle East: United Nations Disengagement Observer Force

1. During the reporting period, UNDOF received 18 complaints, with letters and photos attached, from members
of the community regarding the activities of the Israel Defense Forces in the area of separation.

2. UNDOF recorded no allegations of misconduct during the reporting period. The mission continued to
implement the zero-tolerance policy on sexual exploitation and abuse.
"""


def test_a_count_of_none_states_the_count_asked(tmp_path: Path) -> None:
    """"How many misconduct allegations were recorded?" is answered by "recorded no allegations of
    misconduct" (S/2025/154, para. 35), not by the paragraph giving another thing's number."""
    from rag.search.stated import may_state

    question = "How many misconduct allegations did UNDOF record during the reporting period?"
    assert may_state("UNDOF recorded no allegations of misconduct during the reporting period.", "count", question)
    assert not may_state("UNDOF recorded allegations of misconduct.", "count", question)
    # found in review: none of something else
    assert not may_state("The mission applies zero tolerance to allegations of misconduct.", "count", question)
    assert not may_state("No new States ratified the Treaty.", "count", "How many States have ratified the Treaty?")
    settings = indexed_texts(tmp_path, {"S_2025_154.txt": UNDOF_REPORT})
    with Session(settings) as session:
        answer = session.ask(question)
        assert answer.citations and answer.citations[0].citation == "S/2025/154, para. 2"


def test_which_and_a_people_s_word_asks_for_an_office_holder() -> None:
    """A/80/55, para. 4 lists the Committee's officers ("Rapporteur: Vivian Fernández de Torrijos
    (Panama)"); "Which Panamanian served as rapporteur ...?" was read as no office question."""
    assert asked_form("Which Panamanian served as rapporteur of the disability rights committee?") == "rapporteur"
    assert asked_form("Which official served as Chair of the Committee?") == "chair"
    assert asked_form("Who currently co-chairs the Group?") == "chair"
    assert asked_form("Which recommendation did the Chair make?") is None

