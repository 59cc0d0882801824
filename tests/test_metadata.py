"""A document's title, date, body and session, read from its masthead (rag.ingest.metadata), on
first-page extracts of real UN documents (the plain-text conversions of ../shared/data/un_corpus)."""

from __future__ import annotations

from pathlib import Path

import pytest

from rag.ingest import parse_file
from rag.ingest.blocks import Block, PageText
from rag.ingest.metadata import document_title, read_metadata, session_number
from tests.conftest import shared_path

SG_REPORT = """United Nations A/80/176
General Assembly Distr.: General
17 July 2025
Original: English
Eightieth session
Item 25 (b) of the provisional agenda*
Social development, including questions relating to the world
social situation and to youth, ageing, persons with disabilities
and the family
World social situation 2025: a new policy consensus to
accelerate social progress
Note by the Secretariat
Summary
The present note contains the main findings of the World Social Report 2025."""

SC_LETTER = """United Nations S/2025/303
Security Council Distr.: General
12 May 2025
Original: English
Letter of 9 May 2025 from the Secretary-General addressed to the
President of the Security Council
I have the honour to transmit to the Security Council the seventh quarterly report
of the United Nations Office on Drugs and Crime."""

ECOSOC = """United Nations E/2025/70*
Economic and Social Council Distr.: General
16 May 2025
Original: English
2025 session
25 July 2024–30 July 2025
Agenda item 19 (i)
Economic and environmental questions:
geospatial information
Report of the United Nations Group of Experts on
Geographical Names on its 2025 session
(New York, 28 April–2 May 2025)
* Reissued for technical reasons on 12 June 2025."""

# Two printed columns interleaved line by line, as pdftotext lays them out.
EXECUTIVE_BOARD = """United Nations UNW/2025/2
Executive Board of the Distr.: General
United Nations Entity 11 April 2025
for Gender Equality and the Original: English
Empowerment of Women
Annual session of 2025
17–19 June 2025
Item 2 of the provisional agenda
Annual Report of the Executive Director
Report of the Under-Secretary-General/Executive Director
of the United Nations Entity for Gender Equality and the
Empowerment of Women on the implementation of the
Strategic Plan 2022–2025
Summary
This is the third annual report of the UN-Women Executive Director."""

HRC = """United Nations A/HRC/59/60
General Assembly Distr.: General
22 April 2025
Original: English
Human Rights Council
Fifty-ninth session
16 June–11 July 2025
Agenda item 5
Human rights bodies and mechanisms
Thirteenth session of the Forum on Business and Human Rights
Report of the Working Group on the issue of human rights and
transnational corporations and other business enterprises
Summary
The Forum on Business and Human Rights was held in Geneva."""

# The PDF's note on who processed it sits between the organ and the session.
EXECUTIVE_BOARD_WITH_NOTE = """United Nations DP/FPA/2025/6
Executive Board of the United Nations Development Programme, the United Nations Population Fund and the
United Nations Office for Project Services Distr.: General 19 May 2025 Original: English
Note: The present document was processed in its entirety by UNFPA.
Annual session 2025
2 to 5 June 2025, New York
Item 3 of the provisional agenda
UNFPA – Internal audit and investigation
United Nations Population Fund
Report of the Office of Audit and Investigation Services
on UNFPA internal audit and investigation activities in 2024
Summary"""

# A subsidiary body without session or agenda item: its name stays with the subject, which a
# later date ("26-27 August 2024") must not swallow.
SPECIAL_COMMITTEE = """United Nations A/AC.109/2025/20
General Assembly Distr.: General
4 December 2024
Original: English
Special Committee on the Situation with regard to
the Implementation of the Declaration on the
Granting of Independence to Colonial Countries
and Peoples
Report of the United Nations visiting mission to the British Virgin
Islands, 26–27 August 2024
Contents"""

OLD_UPPER_CASE = """UNITED
NATIONS A
General Assembly Distr.
GENERAL
A/52/687
18 November 1997
ORIGINAL: ENGLISH
Fifty-second session
Agenda item 44
THE SITUATION OF DEMOCRACY AND HUMAN RIGHTS IN HAITI
Report of the Secretary-General
I. INTRODUCTION"""


def pages_of(text: str) -> list[PageText]:
    """One page of line blocks, as a loader without layout facts hands them over."""
    return [PageText(blocks=[Block(line) for line in text.splitlines()])]


# A draft resolution: the title ends where the draft opens; a line-end hyphen pdfium marks
# (U+FFFE) reads as one.
DRAFT_RESOLUTION = """United Nations E/2025/L.9
Economic and Social Council Distr.: Limited
30 May 2025
Original: English
2025 session
25 July 2024–30 July 2025
Agenda item 19 (a)
Economic and environmental questions: sustainable development
Draft resolution submitted by the Vice-President of the Council, Lok Bahadur
Thapa (Nepal), on the basis of informal consultations
Report of the Committee for Development Policy on its twenty\ufffe
seventh session
The Economic and Social Council,
Recalling General Assembly resolutions 59/209 of 20 December 2004 and"""

TRANSMITTAL = """United Nations E/HLPF/2025/3/Add.1
Economic and Social Council Distr.: General
14 May 2025
Original: English
Report of the Africa Regional Forum on Sustainable
Development on its eleventh session
Note by the Secretariat
The Secretariat hereby transmits, as input to the 2025 high-level political forum
on sustainable development, the report of the Africa Regional Forum"""


@pytest.mark.parametrize("text, symbol, title, date, body, session", [
    (SG_REPORT, "A/80/176",
     ("Social development, including questions relating to the world social situation and to youth, ageing, "
     "persons with disabilities and the family World social situation 2025: a new policy consensus to "
     "accelerate social progress Note by the Secretariat"), "2025-07-17", "General Assembly", "Eightieth session"),
    (SC_LETTER, "S/2025/303",
     "Letter of 9 May 2025 from the Secretary-General addressed to the President of the Security Council",
     "2025-05-12", "Security Council", ""),
    (ECOSOC, "E/2025/70",
     ("Economic and environmental questions: geospatial information Report of the United Nations Group of Experts "
     "on Geographical Names on its 2025 session (New York, 28 April–2 May 2025)"),
     "2025-05-16", "Economic and Social Council", "2025 session"),
    (EXECUTIVE_BOARD, "UNW/2025/2",
     ("Annual Report of the Executive Director Report of the Under-Secretary-General/Executive Director of the "
     "United Nations Entity for Gender Equality and the Empowerment of Women on the implementation of the "
     "Strategic Plan 2022–2025"), "2025-04-11", "Executive Board of UN-Women", "Annual session of 2025"),
    (HRC, "A/HRC/59/60",
     ("Human rights bodies and mechanisms Thirteenth session of the Forum on Business and Human Rights Report of "
     "the Working Group on the issue of human rights and transnational corporations and other business "
     "enterprises"), "2025-04-22", "Human Rights Council", "Fifty-ninth session"),
    (EXECUTIVE_BOARD_WITH_NOTE, "DP/FPA/2025/6",
     ("UNFPA – Internal audit and investigation United Nations Population Fund Report of the Office of Audit and "
     "Investigation Services on UNFPA internal audit and investigation activities in 2024"), "2025-05-19",
     "Executive Board of UNDP, UNFPA and UNOPS", "Annual session 2025"),
    (SPECIAL_COMMITTEE, "A/AC.109/2025/20",
     "Report of the United Nations visiting mission to the British Virgin Islands, 26–27 August 2024", "2024-12-04",
     ("General Assembly; Special Committee on the Situation with regard to the Implementation of the Declaration on "
      "the Granting of Independence to Colonial Countries and Peoples"), ""),
    (DRAFT_RESOLUTION, "E/2025/L.9",
     ("Economic and environmental questions: sustainable development Draft resolution submitted by the "
      "Vice-President of the Council, Lok Bahadur Thapa (Nepal), on the basis of informal consultations Report of "
      "the Committee for Development Policy on its twenty-seventh session"),
     "2025-05-30", "Economic and Social Council", "2025 session"),
    (TRANSMITTAL, "E/HLPF/2025/3/Add.1",
     "Report of the Africa Regional Forum on Sustainable Development on its eleventh session Note by the Secretariat",
     "2025-05-14", "Economic and Social Council", ""),
    (OLD_UPPER_CASE, "A/52/687", "THE SITUATION OF DEMOCRACY AND HUMAN RIGHTS IN HAITI Report of the Secretary-General",
     "1997-11-18", "General Assembly", "Fifty-second session"),
])
def test_masthead_fields(text, symbol, title, date, body, session):
    meta = read_metadata(pages_of(text), symbol)
    assert (meta.title, meta.date, meta.body, meta.session) == (title, date, body, session)


def test_body_from_the_symbol_where_the_masthead_names_none():
    meta = read_metadata(pages_of("1. The Board met twice."), "DP/2025/10")
    assert meta.body == "Executive Board of UNDP, UNFPA and UNOPS"
    assert (meta.title, meta.date, meta.session) == ("", "", "")
    assert read_metadata([], "S/2025/1").body == "Security Council"


# First-page extracts of a functional commission's report (pdfium's lines), of a translated
# document whose language line stands above "Original: French", of a forum the Council's name
# opens, and of a conference's note (its masthead names no organ).
COMMISSION = """United Nations E/CN.6/2025/5
Economic and Social Council Distr.: General
17 December 2024
Original: English
24-24012 (E) 261224
Commission on the Status of Women
Sixty-ninth session
New York, 10–21 March 2025
Item 3 of the provisional agenda*
Follow-up to the Fourth World Conference on Women
Report of the Secretary-General"""

TRANSLATED = """United Nations E/C.2/2025/2
Economic and Social Council Distr.: General
11 November 2024
English
Original: French
Committee on Non-Governmental Organizations
2025 regular session
New York, 20–24 and 29–31 January and 11 February 2025
Quadrennial reports for the period 2020–2023 submitted by non-governmental organizations"""

COUNCIL_FORUM = """United Nations E/FFDF/2025/2
Economic and Social Council Distr.: General
14 May 2025
Original: English
Economic and Social Council forum on financing
for development follow-up
New York, 28 and 29 April 2025
Report of the Economic and Social Council forum on financing for development follow-up"""

CONCEPT_PAPER = """United Nations A/CONF.230/2025/10
General Assembly Distr.: General
29 April 2025
Original: English
2025 United Nations Conference to Support the
Implementation of Sustainable Development Goal 14:
Conserve and sustainably use the oceans, seas and
marine resources for sustainable development
Nice, France, 9–13 June 2025
Item 9 of the provisional agenda*
Ocean Action panels
Ocean Action panel 7: Leveraging ocean, climate and
biodiversity interlinkages
Concept paper prepared by the Secretariat"""
# The same masthead as the conference's PDF prints it: no organ above the conference's name.
CONFERENCE = CONCEPT_PAPER.replace("General Assembly ", "")


SPECIAL_COMMITTEE_DRAFT = """United Nations A/AC.109/2025/L.25
General Assembly Distr.: Limited
5 June 2025
Original: English
Special Committee on the Situation with regard
to the Implementation of the Declaration on the
Granting of Independence to Colonial Countries
and Peoples
Draft resolution submitted by the Chair
Implementation of the Declaration on the Granting of
Independence to Colonial Countries and Peoples"""


@pytest.mark.parametrize("text, symbol, body", [
    (COMMISSION, "E/CN.6/2025/5", "Economic and Social Council; Commission on the Status of Women"),
    (SPECIAL_COMMITTEE_DRAFT, "A/AC.109/2025/L.25", "General Assembly; Special Committee on the Situation with regard to "
                                              "the Implementation of the Declaration on the Granting of Independence "
                                              "to Colonial Countries and Peoples"),
    (TRANSLATED, "E/C.2/2025/2", "Economic and Social Council; Committee on Non-Governmental Organizations"),
    (COUNCIL_FORUM, "E/FFDF/2025/2",
     "Economic and Social Council; Economic and Social Council forum on financing for development follow-up"),
    (CONFERENCE, "A/CONF.230/2025/10",
     "2025 United Nations Conference to Support the Implementation of Sustainable Development Goal 14"),
])
def test_the_body_names_the_subsidiary_body_or_conference_the_masthead_prints(text, symbol, body):
    """A functional commission, committee, forum or conference printed in the header is the
    document's body too (after the organ it is printed under); a conference's masthead names no
    organ, and its document is not the General Assembly's that the symbol's prefix would give."""
    meta = read_metadata(pages_of(text), symbol)
    assert meta.body == body
    assert meta.title.endswith(("Report of the Secretary-General", "non-governmental organizations",
                                "follow-up", "Concept paper prepared by the Secretariat", "Colonial Countries and Peoples"))


def test_joint_document_names_both_bodies():
    text = ("United Nations A/80/275–S/2025/489\nGeneral Assembly Distr.: General\nSecurity Council 29 July 2025\n"
            "Original: English\nGeneral Assembly Security Council\nEightieth session Eightieth year\n"
            "Item 129 of the provisional agenda*\nInternational Residual Mechanism for Criminal Tribunals\n"
            "Note by the Secretary-General")
    meta = read_metadata(pages_of(text), "A/80/275")
    assert meta.body == "General Assembly; Security Council"
    assert meta.session == "Eightieth session" and meta.date == "2025-07-29"


@pytest.mark.parametrize("session, number", [
    ("Eightieth session", 80), ("Fifty-ninth session", 59), ("Eighteenth session", 18), ("80th session", 80),
    ("First regular session 2025", 1), ("Annual session 2025", None), ("2025 session", None), ("", None)])
def test_session_number(session, number):
    assert session_number(session) == number


def test_build_document_stores_the_fields(tmp_path: Path):
    """Through the text loader and the assembler, as `rag index build` reads a file."""
    path = tmp_path / "S_2025_303.txt"
    path.write_text(SC_LETTER.replace("\n", "\n\n") + "\n\n1. The report covers the period.\n", encoding="utf-8")
    doc = parse_file(path)
    assert doc.symbol == "S/2025/303" and doc.date == "2025-05-12" and doc.body == "Security Council"
    assert doc.title.startswith("Letter of 9 May 2025") and not doc.index_title


@pytest.mark.parametrize("body", [
    "1. The Committee held its eighty-fifth session from 3 to 14 June 2025 at Headquarters.\n",
    "1. The Committee held its session.\n\n75. The Committee adopted the present report.\n"])
def test_text_file_title_stops_before_its_first_paragraph(tmp_path: Path, body: str):
    """One numbered paragraph (or numbers too far apart to be a run) leaves the text loader no
    run of paragraph starts: its masthead still ends where paragraph 1 begins."""
    path = tmp_path / "A_99_11.txt"
    path.write_text("A/99/11\n\nReport of the Committee on Contributions\n\n" + body, encoding="utf-8")
    doc = parse_file(path)
    assert doc.title == "Report of the Committee on Contributions"


def test_word_and_html_documents(tmp_path: Path):
    """The loaders without pages give the masthead as their first paragraphs."""
    from tests.make_docs import make_docx, make_html

    word = parse_file(make_docx(tmp_path / "report.docx"))
    assert (word.title, word.body) == ("Report of the Secretary-General on test documents", "General Assembly")
    page = parse_file(make_html(tmp_path / "report.html"))
    assert (page.title, page.body) == ("Report of the Secretary-General on the test mission", "Security Council")


def test_corpus_rows_carry_the_fields_they_have(tmp_path: Path):
    """A corpus.jsonl row may give title, date, body and session; its title stays BM25-indexed."""
    import json

    from rag.evaluation.evalset import load_corpus_jsonl

    path = tmp_path / "corpus.jsonl"
    rows = [{"doc": "S/2025/1", "para": 1, "text": "The Council met.", "date": "2025-01-02", "body": "Security Council"},
            {"doc": "Oil_crisis", "para": 0, "text": "Prices rose."}]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    first, second = load_corpus_jsonl(path)
    assert (first.date, first.body, first.session, first.title) == ("2025-01-02", "Security Council", "", "S/2025/1")
    assert (second.date, second.body, second.title) == ("", "", "Oil crisis") and second.index_title


def test_the_near_miss_check_reads_the_masthead_session_and_body(tmp_path: Path) -> None:
    """The masthead's session is part of the text the near-miss check reads, even where the
    paragraphs name only an earlier session (rag.index.paragraphs.document_text); so is the body
    that issues it (a draft resolution of the Council whose text never names the Council), and
    every heading of the document."""
    from rag.config import load_settings
    from rag.index.paragraphs import document_text
    from rag.service import Session, build
    from tests.conftest import FAKE_MODEL

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "E_CN.3_2025_8.txt").write_text(
        "United Nations E/CN.3/2025/8\nEconomic and Social Council Distr.: General\n12 December 2024\n"
        "Original: English\nStatistical Commission\nFifty-sixth session\nNew York, 4-7 March 2025\n"
        "Item 3 (e) of the provisional agenda*\nWork for the review of progress towards the Sustainable\n"
        "Development Goals\nReport of the Secretary-General\n\n"
        "1. At its fifty-fifth session, the Commission requested the Statistics Division to report on the "
        "review of progress towards the Goals.\n\n"
        "2. The Division prepared the annual progress report with the agencies of the system.\n")
    settings = load_settings(env={}, index_dir=tmp_path / "indexes", model=FAKE_MODEL)
    build(settings, [docs])
    with Session(settings, with_model=False) as session:
        symbols, text, masthead, _ = document_text(session.index.conn, "E/CN.3/2025/8")
    assert symbols == ("E/CN.3/2025/8",)
    assert text.splitlines()[0] == "Economic and Social Council; Statistical Commission"
    assert "Fifty-sixth session" in text.splitlines()[:3] and "Fifty-sixth session" in masthead.splitlines()
    assert text.startswith(masthead + "\n") and "fifty-fifth session" not in masthead
    assert "fifty-fifth session" in text
    # an Executive Board's masthead names the entities it serves, which the document need not
    (docs / "DP_2025_26.txt").write_text(
        "United Nations DP/2025/26\nExecutive Board of the Distr.: General\n24 June 2025\nUnited Nations Development\n"
        "Programme, the United Nations Original: English\n\nPopulation Fund and the\nUnited Nations Office for\n"
        "Project Services\nSecond regular session 2025\nItem 5 of the provisional agenda\nStructured funding dialogue\n\n"
        "Annual review of the financial situation of UNCDF\n\n1. UNCDF income rose in 2024.\n")
    (docs / "E_2025_76.txt").write_text(
        "United Nations E/2025/76\nEconomic and Social Council Distr.: General\n1 May 2025\n\n"
        "I. South Sudan\n\n1. The transitional period was extended to February 2027.\n\n"
        "2. Elections are expected in December 2026.\n\n"
        "II. Sahel region\n\n3. On 29 June 2024, Mauritania held presidential elections.\n")
    build(settings, [docs])
    with Session(settings, with_model=False) as session:
        body = session.index.conn.execute("SELECT body FROM documents WHERE symbol = 'DP/2025/26'").fetchone()[0]
        board = document_text(session.index.conn, "DP/2025/26").text
        parts = document_text(session.index.conn, "E/2025/76").headings
    assert "UNFPA" in body and "UNFPA" not in board
    # the Board itself it names: "the UNDP/UNFPA/UNOPS Executive Board" is written (tester's DP/2025/26, para. 19)
    assert board.splitlines()[0] == "Executive Board"
    # every heading over a paragraph, once and in order: a report's part on one country tells the
    # check which paragraphs stand outside it
    assert parts == ("I. South Sudan", "II. Sahel region")


def test_a_title_ends_at_an_organs_preamble_only() -> None:
    from rag.ingest.metadata import document_title

    assert document_title("Human rights situations The Human Rights Council, Guided by the purposes") == \
        "Human rights situations"
    assert document_title("Ocean Action panels Ocean Action panel 3: The Blue Economy, Mobilizing finance for "
                          "the ocean Note by the Secretariat").startswith("Ocean Action panels Ocean Action panel 3: The Blue")


def test_a_title_opening_with_summary_of_is_no_summary_box() -> None:
    """E/2025/19: "Summary of the work of the Economic Commission for Latin America and the
    Caribbean, 2024–2025" is the title, not the summary that ends it (the title was "Regional
    cooperation", the agenda item's)."""
    title = document_title("Agenda item 16 Regional cooperation Summary of the work of the Economic Commission for "
                           "Latin America and the Caribbean, 2024–2025 Note by the Secretary-General")
    assert "Summary of the work of the Economic Commission for Latin America and the Caribbean" in title
    assert document_title("Report of the Board Summary The Board met twice.") == "Report of the Board"


def test_a_title_ends_before_the_rapporteur_or_chair_line() -> None:
    """A/AC.182/2025/L.9's title read "Draft report Rapporteur: Ms. Eliza Grisle (Latvia)", and the
    near-miss check took Latvia for the country the report is about."""
    from rag.ingest.metadata import document_title

    masthead = ("United Nations A/AC.182/2025/L.9 General Assembly Distr.: Limited 21 February 2025 Original: English "
                "Special Committee on the Charter of the United Nations and on the Strengthening of the Role of the "
                "Organization New York, 18–26 February 2025 Draft report Rapporteur: Ms. Eliza Grisle (Latvia) "
                "V. Working methods of the Special Committee")
    assert document_title(masthead) == "Draft report"
    assert document_title("Report of the meeting Chair: Mr. A. Diallo (Senegal) Summary") == "Report of the meeting"
    assert document_title("Report of the session Rapporteur-General: Omar Hilale (Morocco)") == "Report of the session"


def test_a_report_of_the_official_records_is_dated_by_its_bracketed_date():
    """A/80/44: the cover and contents print no date of issue; the letter of transmittal closes
    with "[25 June 2025]". Without it `--year 2025` hid the report."""
    cover = PageText(blocks=[Block("United Nations"), Block("Report of the Committee against Torture"),
                             Block("Eighty-second session (7 April–2 May 2025)"), Block("General Assembly"),
                             Block("Official Records Eightieth Session Supplement No. 44")])
    contents = PageText(blocks=[Block("Contents"), Block("I. Organizational and other matters . . . . . . 5")])
    letter = PageText(blocks=[Block("Letter of transmittal"), Block("I have the honour to transmit the report."),
                              Block("[25 June 2025]", kind="furniture")])
    assert read_metadata([cover, contents, letter], "A/80/44").date == "2025-06-25"
    assert read_metadata([cover, contents], "A/80/44").date == ""





def test_a_report_dated_only_by_its_imprint_has_that_year() -> None:
    """JIU/REP/2025/2 prints no date of issue; its cover's imprint "United Nations • New York, 2025"
    is the year it was issued, so `--year 2025` finds it. A publication cited in a note ("(Geneva,
    2025)") dates nothing."""
    cover = PageText(blocks=[Block("United Nations"), Block("Review of policies and practices"),
                             Block("Report of the Joint Inspection Unit"),
                             Block("Prepared by Eileen A. Cronin and Conrod Hunte"),
                             Block("United Nations • New York, 2025")])
    assert read_metadata([cover], "JIU/REP/2025/2").date == "2025"
    cited = PageText(blocks=[Block("Report of the Joint Inspection Unit"),
                             Block("OHCHR, Human Rights Management Plan 2024-2027 (Geneva, 2024).")])
    assert read_metadata([cited], "JIU/REP/2025/2").date == ""
    assert parse_file(shared_path("data", "un_corpus", "pdf", "JIU_REP_2025_2.en.pdf")).date == "2025"


@pytest.mark.parametrize("text, venue", [
    (CONCEPT_PAPER, "Nice, France, 9–13 June 2025"),
    ("United Nations DP/2025/10\nExecutive Board of the Distr.: General\nUnited Nations Development 2 April 2025\n"
     "Programme, the United Nations Original: English\nPopulation Fund and the United\nNations Office for Project "
     "Services\nAnnual session 2025\n2–5 June 2025, New York\nItem 11 of the provisional agenda\nInternal audit",
     "New York"),
    (SG_REPORT, ""), (ECOSOC, "")])
def test_the_venue_of_the_meeting_a_document_serves(text, venue):
    """Where the masthead's header prints where (and when) a meeting is held, after the session's
    own dates; not the dates of a session, nor a place in the title."""
    meta = read_metadata(pages_of(text), "A/CONF.230/2025/10")
    assert meta.venue == venue
    assert meta.title.startswith(("Ocean Action panels", "Internal audit", "Social development", "Economic"))


def test_a_city_the_masthead_names_as_the_venue_is_written(tmp_path: Path) -> None:
    """The near-miss check reads the venue: a question about "the Conference in Nice" is not
    turned down as naming a city the document never writes, where the masthead prints it."""
    from rag.answer.constraints import check_proper_name
    from rag.answer.evidence import Evidence
    from rag.config import load_settings
    from rag.index.paragraphs import document_text
    from rag.service import Session, build
    from tests.conftest import FAKE_MODEL

    docs = tmp_path / "docs"
    docs.mkdir()
    paragraph = "Over the past 30 years, global sea levels have risen by about 10 cm."
    (docs / "A_CONF.230_2025_10.txt").write_text(CONCEPT_PAPER.replace("\n", "\n\n") + f"\n\n1. {paragraph}\n")
    settings = load_settings(env={}, index_dir=tmp_path / "indexes", model=FAKE_MODEL)
    build(settings, [docs])
    with Session(settings, with_model=False) as session:
        symbols, text, _, _ = document_text(session.index.conn, "A/CONF.230/2025/10")
    assert "Nice, France, 9–13 June 2025" in text.splitlines()[:4]
    question = "At the 2025 Ocean Conference in Nice, how much have global sea levels risen over the past 30 years?"
    assert check_proper_name(question, Evidence(paragraph, text, symbols)) is None
    assert check_proper_name(question.replace("Nice", "Lisbon"), Evidence(paragraph, text, symbols)) is not None


# A/CONF.230/2025/L.2: a draft printed over the masthead of the document it was made from.
OVERPRINTED = """United Nations A/CONF.230/2025/L.2
Distr.: General
6 February 2025
Original: English
Distr.: Limited
9 June 2025
Original: English
2025 United Nations Conference to Support the
Implementation of Sustainable Development Goal
14: Conserve and sustainably use the oceans, seas
and marine resources for sustainable development
Nice, France, 9–13 June 2025
Agenda item 11
Adoption of the report of the Conference
Draft report"""

# A/AC.109/2025/L.13: the subject opens with the body's decision and its date.
DECISION = """United Nations A/AC.109/2025/L.13
General Assembly Distr.: Limited
4 March 2025
Original: English
Special Committee on the Situation with regard
to the Implementation of the Declaration on the
Granting of Independence to Colonial Countries
and Peoples
Special Committee decision of 20 June 2024 concerning Puerto Rico
Report prepared by the Rapporteur of the Special Committee"""


def test_two_mastheads_printed_over_each_other_date_the_document_by_the_later() -> None:
    meta = read_metadata(pages_of(OVERPRINTED), "A/CONF.230/2025/L.2")
    assert (meta.date, meta.venue) == ("2025-06-09", "Nice, France, 9–13 June 2025")
    assert meta.title.startswith("Adoption of the report of the Conference")
    # a second masthead without its date: the first date stands, a meeting's day stays its venue
    undated = OVERPRINTED.replace("9 June 2025\n", "").replace("Nice, France, 9–13 June 2025", "Geneva, 12 June 2025")
    meta = read_metadata(pages_of(undated), "A/CONF.230/2025/L.2")
    assert (meta.date, meta.venue) == ("2025-02-06", "Geneva, 12 June 2025")


def test_a_decision_of_a_date_opens_the_subject_not_a_meeting() -> None:
    meta = read_metadata(pages_of(DECISION), "A/AC.109/2025/L.13")
    assert (meta.date, meta.venue) == ("2025-03-04", "")
    assert "Special Committee decision of 20 June 2024 concerning Puerto Rico" in meta.title


def test_a_conference_named_with_its_year_in_the_masthead_tells_a_near_miss(tmp_path: Path) -> None:
    """A conference's note whose paragraphs never name the conference with its year: the
    masthead's conference name is the document's body, so the near-miss check reads its year."""
    from rag.config import load_settings
    from rag.service import Session, build
    from tests.conftest import FAKE_MODEL

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "A_CONF.230_2025_10.txt").write_text(
        CONFERENCE + "\n\n1. The proposals set out in the present note have been prepared on the basis of General "
        "Assembly resolution 78/128.\n\n5. The Conference will be held in Nice, France, hosted by the "
        "Governments of Costa Rica and France.\n\n6. In February 2024, the Secretary-General nominated the "
        "Secretary-General of the Conference.\n", encoding="utf-8")
    settings = load_settings(env={}, index_dir=tmp_path / "indexes", model=FAKE_MODEL)
    build(settings, [docs])
    with Session(settings) as session:
        body = session.index.document("A/CONF.230/2025/10").body
        answer = session.ask("Which country hosted the 2024 United Nations Ocean Conference?")
    assert body.startswith("2025 United Nations Conference")
    assert answer.abstained and answer.closest is not None
    assert answer.closest.mismatch == "is about the 2025 conference, not the 2024 conference"


def test_specks_of_a_scanned_title_are_not_its_words() -> None:
    """A/47/466 (a 1992 scan): the text layer reads specks beside the title as "!", "]", "i"."""
    from rag.ingest.metadata import document_title

    masthead = ("A/47/466 5 October 1992 ORIGINAL: ENGLISH Forty-seventh session Agenda item 80 PROTECTION OF GLOBAL "
                "CLIMATE United Nations Framework Convention on Climate Change: implementation of resolution 46/169 "
                "and possible ! ] i requirements for future work Report of the Secretary-General")
    assert document_title(masthead) == ("PROTECTION OF GLOBAL CLIMATE United Nations Framework Convention on Climate "
                                        "Change: implementation of resolution 46/169 and possible requirements for "
                                        "future work Report of the Secretary-General")
    assert document_title("Agenda item 5 Human rights: a review of progress") == "Human rights: a review of progress"


MEETING_OF_STATES_PARTIES = """TPNW/MSP/2025/8
Third Meeting of States Parties to the
Treaty on the Prohibition of
Nuclear Weapons
Distr.: General
23 January 2025
Original: English
New York, 3–7 March 2025
Item 11 (f) (i) of the provisional agenda*
Consideration of the status and operation of the Treaty
Report of the Scientific Advisory Group on its
annual activities
I. Summary
1. This report covers the work of the Scientific Advisory Group."""


def test_a_meeting_of_states_parties_numbered_in_the_masthead_is_its_session(tmp_path: Path) -> None:
    """"Third Meeting of States Parties to the Treaty ...": the body is stored without its ordinal,
    which is the document's session; so a question on the report to the third Meeting is not a near
    miss of a paragraph recalling the second."""
    from rag.config import load_settings
    from rag.service import Session, build
    from tests.conftest import FAKE_MODEL

    meta = read_metadata(pages_of(MEETING_OF_STATES_PARTIES), "TPNW/MSP/2025/8")
    assert (meta.body, meta.session) == (
        "Meeting of States Parties to the Treaty on the Prohibition of Nuclear Weapons", "Third Meeting")
    shouted = read_metadata(pages_of(MEETING_OF_STATES_PARTIES.replace("Third Meeting of States Parties",
                                                                        "THIRD MEETING OF STATES PARTIES")),
                            "TPNW/MSP/2025/8")
    assert shouted.session == "Third Meeting"
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "TPNW_MSP_2025_8.txt").write_text(
        MEETING_OF_STATES_PARTIES + "\n\n12. The Scientific Advisory Group received financial support from Austria "
        "and New Zealand to support its in-person meetings, including at the second Meeting of States Parties.\n",
        encoding="utf-8")
    settings = load_settings(env={}, index_dir=tmp_path / "indexes", model=FAKE_MODEL)
    build(settings, [docs])
    with Session(settings) as session:
        answer = session.ask("In the Scientific Advisory Group's report to the third Meeting of States Parties, "
                             "which States funded its in-person meetings?")
        near = session.ask("In the Scientific Advisory Group's report to the fourth Meeting of States Parties, "
                           "which States funded its in-person meetings?")
    assert not answer.abstained and answer.citations[0].paragraph == "12"
    assert near.abstained

