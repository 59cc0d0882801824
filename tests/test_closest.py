"""The closest paragraph named in an abstention (rag.answer.extract.Answerer)."""

from __future__ import annotations

from dataclasses import replace

from rag.answer.extract import Answerer
from rag.embedding.embedders import HashEmbedder
from rag.models import DocumentText, Hit
from rag.search.query import Query, Search

TREATY = ("We call on all States that have not yet done so to sign and ratify the Treaty without delay, and we "
          "welcome the growing support for it at the Meeting in New York.")


def _answer(question: str, sentence: float):
    embedder = HashEmbedder()
    hit = Hit(pid=0, symbol="TPNW/MSP/2025/11", number="30", text=TREATY, page="11", section="", score=1.0,
              sentence=sentence, annex="annex I")
    query = Query(question, embedder.encode_queries([question])[0], None, None)
    document = DocumentText(("TPNW/MSP/2025/11",), "Third Meeting of States Parties\n" + TREATY, "")
    return Answerer(embedder, None, threshold=0.24, documents=lambda symbol: document).answer(Search(query, [hit]))


def _ask(question: str, hits: list[Hit], documents: dict[str, DocumentText]):
    """The answer to `question` from `hits`, each document read from `documents` (the hash embedder)."""
    embedder = HashEmbedder()
    query = Query(question, embedder.encode_queries([question])[0], None, None)
    return Answerer(embedder, None, threshold=0.24, documents=documents.__getitem__).answer(Search(query, hits))


def _first_and_next(first: tuple[str, str, str, str], second: tuple[str, str, str, str], sentences=(0.7, 0.7),
                    dates=("", "")) -> tuple[dict[str, DocumentText], list[Hit]]:
    """Two documents, each (symbol, paragraph number, paragraph text, masthead), and their hits, the
    first ranked first."""
    documents = {sym: DocumentText((sym,), f"{masthead}\n{text}", masthead)
                 for sym, _, text, masthead in (first, second)}
    hits = [Hit(pid=i, symbol=sym, number=number, text=text, page="1", section="", score=2.0 - i,
                sentence=sentences[i], doc_date=dates[i])
            for i, (sym, number, text, _) in enumerate((first, second))]
    return documents, hits


def test_a_paragraph_far_off_an_unrelated_question_is_named_as_no_closest_one() -> None:
    """"Who won the 2022 FIFA World Cup final?" abstained naming a TPNW declaration paragraph as the
    closest, which "never names FIFA World Cup"."""
    answer = _answer("Who won the FIFA World Cup final?", sentence=0.05)
    assert answer.abstained and answer.closest is None and answer.nearest is None


def test_a_far_off_paragraph_is_no_closest_one_whatever_mismatch_comes_first() -> None:
    """"Who won the 2018 FIFA World Cup final?" was named "is about 1995, not 2018", "What is the
    capital city of Australia?" "is about South Sudan, not Australia": the year or the country is
    checked before the name the document never writes. Far under the threshold, a document that
    never writes a name or country the question gives has no closest paragraph; nearer, it is named."""
    for question in ("Who won the 2018 FIFA World Cup final?", "What is the capital city of Australia?"):
        far = _answer(question, sentence=0.05)
        assert far.abstained and far.closest is None, question
    near = _answer("What did the 2018 Meeting in New York welcome?", sentence=0.9)
    assert near.abstained and near.closest is not None


def test_a_near_paragraph_that_never_names_the_asked_name_is_named() -> None:
    answer = _answer("What did Setsuko Thurlow call on all States to do about the Treaty?", sentence=0.9)
    assert answer.abstained and answer.closest is not None and "never names" in answer.closest.mismatch


# S/2025/495, para. 1 and S/2025/200, para. 1 (the reports on UNOWAS and on UNMIK), shortened.
UNOWAS = ("The present report covers the period from 1 April to 31 July 2025. It contains an overview of "
          "developments and trends in West Africa and the Sahel and the activities of the United Nations Office for "
          "West Africa and the Sahel (UNOWAS).")
UNMIK = ("The present report is submitted pursuant to Security Council resolution 1244 (1999), by which the Council "
         "established the United Nations Interim Administration Mission in Kosovo (UNMIK). The report covers the "
         "activities of UNMIK, and related developments, from 16 September 2024 to 15 March 2025.")


def test_a_document_naming_what_its_first_hit_s_never_names_answers() -> None:
    """"What period does the Secretary-General's UNMIK report issued in April 2025 cover?" had the
    UNOWAS report's paragraph first; its document never names UNMIK and dates from August 2025, the
    next document's title spells UNMIK out. Alone, the UNOWAS paragraph is named by the first of its
    mismatches checked, the report's month."""
    embedder = HashEmbedder()
    unowas = "Security Council\nActivities of the United Nations Office for West Africa and the Sahel"
    unmik = "Security Council\nUnited Nations Interim Administration Mission in Kosovo\nReport of the Secretary-General"
    documents = {"S/2025/495": DocumentText(("S/2025/495",), f"{unowas}\n{UNOWAS}", unowas),
                 "S/2025/200": DocumentText(("S/2025/200",), f"{unmik}\n{UNMIK}", unmik)}
    hits = [Hit(pid=0, symbol="S/2025/495", number="1", text=UNOWAS, page="1", section="", score=2.0, sentence=0.7,
                doc_date="2025-08-01"),
            Hit(pid=1, symbol="S/2025/200", number="1", text=UNMIK, page="1", section="", score=1.0, sentence=0.7,
                doc_date="2025-04-01")]
    question = "What period does the Secretary-General's UNMIK report issued in April 2025 cover?"
    query = Query(question, embedder.encode_queries([question])[0], None, None)
    answer = Answerer(embedder, None, threshold=0.24, documents=documents.__getitem__).answer(Search(query, hits))
    assert not answer.abstained and answer.citations[0].symbol == "S/2025/200"
    # where no other document names it, the first hit is named as the closest, by the first of its
    # mismatches checked: the report's month
    alone = Answerer(embedder, None, threshold=0.24, documents=documents.__getitem__).answer(Search(query, hits[:1]))
    dated = "dates from August 2025, not the April 2025 report"
    assert alone.abstained and alone.closest.mismatch == dated
    # the other document's hit must pass the question's checks (a report of another month) and support it
    earlier = [hits[0], replace(hits[1], doc_date="2024-10-01")]
    other = Answerer(embedder, None, threshold=0.24, documents=documents.__getitem__).answer(Search(query, earlier))
    assert other.abstained and other.closest.mismatch == dated
    weak = [hits[0], replace(hits[1], sentence=0.1)]
    other = Answerer(embedder, None, threshold=0.24, documents=documents.__getitem__).answer(Search(query, weak))
    assert other.abstained and other.closest.mismatch == dated
    # a title that only shares the acronym's initials names no such Mission
    initials = {**documents, "S/2025/200": DocumentText(("S/2025/200",), f"{unmik}\n{UNMIK}".replace(" (UNMIK)", ""),
                                                        unmik)}
    other = Answerer(embedder, None, threshold=0.24, documents=initials.__getitem__).answer(Search(query, hits))
    assert other.abstained


def test_another_document_naming_it_only_in_passing_does_not_answer() -> None:
    """A near miss ("... the renovation of the United Nations Office at Vienna ...") is not answered
    from a document whose text, not its title, names what the first hit's never names."""
    embedder = HashEmbedder()
    geneva, nairobi = "Strategic heritage plan of the United Nations Office at Geneva", "Gigiri master plan, Nairobi"
    documents = {"A/79/7/Add.12": DocumentText(("A/79/7/Add.12",), f"{geneva}\nThe works will finish by 2027.", geneva),
                 "A/79/7/Add.13": DocumentText(("A/79/7/Add.13",), f"{nairobi}\nThe works at the United Nations "
                                                                   "Office at Nairobi will finish by 2029.\nAs in "
                                                                   "Vienna, costs rose.", nairobi)}
    hits = [Hit(pid=0, symbol="A/79/7/Add.12", number="10", text="The works will finish by 2027.", page="3",
                section="", score=2.0, sentence=0.7),
            Hit(pid=1, symbol="A/79/7/Add.13", number="2", text="The works at the United Nations Office at Nairobi "
                "will finish by 2029.", page="2", section="", score=1.0, sentence=0.7)]
    question = "When will the works at the United Nations Office at Vienna finish?"
    query = Query(question, embedder.encode_queries([question])[0], None, None)
    answer = Answerer(embedder, None, threshold=0.24, documents=documents.__getitem__).answer(Search(query, hits))
    assert answer.abstained and answer.closest is not None and "never names Vienna" in answer.closest.mismatch


def test_a_document_whose_title_names_the_asked_country_answers_for_another_country_s_first_hit() -> None:
    """"How many civilian personnel does the Libya mission employ?" had the UNMISS report's
    paragraph on its civilian staff first ("is about South Sudan, not Libya"); the next document's
    title names Libya and its paragraph answers."""
    unmiss_text = "UNMISS civilian personnel numbered 2,242, national and international staff in South Sudan."
    unsmil_text = "The mission in Libya (UNSMIL) employed 316 civilian personnel, national and international staff."
    unmiss = "Security Council\nSituation in South Sudan\nReport of the Secretary-General"
    unsmil = "Security Council\nUnited Nations Support Mission in Libya\nReport of the Secretary-General"
    documents, hits = _first_and_next(("S/2025/54", "88", unmiss_text, unmiss),
                                      ("S/2025/509", "85", unsmil_text, unsmil))
    question = "How many civilian personnel does the Libya mission employ?"
    answer = _ask(question, hits, documents)
    assert not answer.abstained and answer.citations[0].symbol == "S/2025/509"
    # a document whose title does not name the asked country does not answer
    elsewhere = {**documents, "S/2025/509": DocumentText(("S/2025/509",), f"Security Council\n{unsmil_text}",
                                                         "Security Council\nReport of the Secretary-General")}
    other = _ask(question, hits, elsewhere)
    assert other.abstained and "South Sudan" in other.closest.mismatch


def test_a_document_naming_the_asked_mission_answers_for_a_first_hit_missed_for_its_date() -> None:
    """"What period does the Secretary-General's August 2025 report on UNSMIL cover?" had a paragraph
    of the Geneva premises report of October 2024 first ("dates from October 2024"); that document
    never names UNSMIL, and the UNSMIL report's paragraph 1 answers."""
    geneva_text = "The present report covers the period from 1 January to 31 August 2024 and the progress of the plan."
    unsmil_text = ("The present report covers developments in Libya from 5 April to 1 August 2025 and the activities "
                   "of the United Nations Support Mission in Libya (UNSMIL).")
    geneva = "General Assembly\nStrategic heritage plan of the United Nations Office at Geneva"
    unsmil = "Security Council\nUnited Nations Support Mission in Libya\nReport of the Secretary-General"
    documents, hits = _first_and_next(("A/79/7/Add.12", "2", geneva_text, geneva),
                                      ("S/2025/509", "1", unsmil_text, unsmil), dates=("2024-10-15", "2025-08-08"))
    question = "What period does the Secretary-General's August 2025 report on UNSMIL cover?"
    answer = _ask(question, hits, documents)
    assert not answer.abstained and answer.citations[0].symbol == "S/2025/509"
    # without another document naming it, the first hit's own mismatch is told
    alone = _ask(question, hits[:1], documents)
    assert alone.abstained and "2024" in alone.closest.mismatch


def test_a_document_whose_masthead_writes_the_session_a_first_hit_s_never_writes_answers() -> None:
    """"What period of OHCHR's work does the High Commissioner's report to the eightieth session
    cover?" had E/2025/60, para. 4 (the report to the Economic and Social Council) first, whose
    document never writes the eightieth session; A/80/36's masthead ("General Assembly Eightieth
    session") writes it, and its para. 1 answers."""
    ecosoc_text = ("In the present report, the High Commissioner builds on the overview outlined in his previous "
                   "report of the work of OHCHR on economic, social and cultural rights.")
    assembly_text = ("The present report contains an overview of the work of the Office of the United Nations High "
                     "Commissioner for Human Rights (OHCHR) from 1 January to 30 June 2025.")
    ecosoc = "Report of the United Nations High Commissioner for Human Rights Economic and Social Council 2025 session"
    assembly = "Report of the United Nations High Commissioner for Human Rights General Assembly Eightieth session"
    documents, hits = _first_and_next(("E/2025/60", "4", ecosoc_text, ecosoc),
                                      ("A/80/36", "1", assembly_text, assembly), sentences=(0.7, 0.9))
    question = "What period of OHCHR's work does the High Commissioner's report to the eightieth session cover?"
    answer = _ask(question, hits, documents)
    assert not answer.abstained and answer.citations[0].symbol == "A/80/36"
    # a document whose masthead writes another session does not answer
    other = {**documents, "A/80/36": DocumentText(("A/79/36",), documents["A/80/36"].text.replace("Eightieth",
                                                                                                  "Seventy-ninth"),
                                                  assembly.replace("Eightieth", "Seventy-ninth"))}
    answer = _ask(question, hits, other)
    assert answer.abstained and "never writes the eightieth" in answer.closest.mismatch


def test_a_masthead_writing_the_ordinal_of_another_thing_names_no_session_asked() -> None:
    """"the sixty-first party to the Convention" is no session: a document "for the sixty-first
    session" does not name it; "the eightieth session" is named by "Eightieth session"."""
    from rag.answer.constraints import Evidence, check_unwritten_ordinal
    from rag.answer.extract import _names_asked, _names_elsewhere

    text = "The Convention had 59 States parties at the close of the reporting period."
    party = check_unwritten_ordinal("Which State became the sixty-first party to the Convention?",
                                    Evidence(text, text, ("A/80/44",)))
    session = check_unwritten_ordinal("What did the report to the sixty-first session of the Commission cover?",
                                      Evidence(text, text, ("A/80/44",)))
    masthead = "Commission for Social Development\nSixty-first session"
    other = DocumentText(("E/CN.5/2023/1",), f"{masthead}\nThe Commission met.", masthead)
    assert _names_elsewhere(party) and not _names_asked(party, other, "the sixty-first party")
    assert _names_elsewhere(session) and _names_asked(session, other, "the report to the sixty-first session")


def test_a_next_paragraph_of_the_document_writing_the_asked_report_answers() -> None:
    """A/79/7/Add.12 (the eleventh annual progress report on the strategic heritage plan): asked
    what contingency provision the second report included, para. 22 on contingency came first and
    numbers no report (the document's own is the eleventh); para. 20, next, writes the second annual
    progress report and answers. Another document's paragraph writing it is not taken for it."""
    masthead = "Strategic heritage plan of the United Nations Office at Geneva\nEleventh annual progress report"
    first = ("The Advisory Committee recalls that, while the project contingency provisions were established and "
             "approved as a percentage of estimated direct costs for each project component based on industry norms, "
             "contingency amounts in the subsequent annual progress reports were represented as balancing figures.")
    second = ("The Advisory Committee recalls that a contingency provision of SwF 91.9 million was included in the "
              "project costs of SwF 836.5 million in the second annual progress report of the Secretary-General.")
    document = DocumentText(("A/79/7/Add.12",), f"{masthead}\n{first}\n{second}", masthead)
    hits = [Hit(pid=i, symbol="A/79/7/Add.12", number=number, text=text, page="5", section="", score=2.0 - i,
                sentence=0.7) for i, (number, text) in enumerate((("22", first), ("20", second)))]
    question = ("What contingency provision was included in the project costs in the second annual progress report "
                "on the strategic heritage plan?")
    answer = _ask(question, hits, {"A/79/7/Add.12": document})
    assert not answer.abstained and answer.citations[0].paragraph == "20"
    elsewhere = [hits[0], replace(hits[1], symbol="A/80/7/Add.1")]
    answer = _ask(question, elsewhere, {"A/79/7/Add.12": document, "A/80/7/Add.1": document})
    assert answer.abstained and "not the second report" in answer.closest.mismatch


def test_a_next_paragraph_writing_the_asked_session_does_not_answer_in_the_first_s_stead() -> None:
    """A/49/624 (Forty-ninth session): asked for the vote "at the fiftieth session", its para. 6 (the
    vote of 28 October) is about the forty-ninth; the draft resolution's para. 13, asking for a report
    "at its fiftieth session", writes the session but records no vote of it. Sessions to come are
    written in too many paragraphs for the one writing the asked session to answer."""
    masthead = "General Assembly\nForty-ninth session\nAgenda item 18"
    vote = ("At its 13th meeting, on 28 October, the Fourth Committee adopted the draft resolution contained in "
            "paragraph 11 of chapter IV of the report of the Special Committee by a recorded vote of 108 to 2.")
    requests = ("Requests the Special Committee to continue to examine this question and to report thereon to the "
                "General Assembly at its fiftieth session.")
    document = DocumentText(("A/49/624",), f"{masthead}\n{vote}\n{requests}", masthead)
    hits = [Hit(pid=0, symbol="A/49/624", number="6", text=vote, page="2", section="", score=2.0, sentence=0.8),
            Hit(pid=1, symbol="A/49/624", number="13", text=requests, page="7", section="", score=1.0, sentence=0.8,
                part="draft resolution", part_of="8")]
    answer = _ask("What was the Fourth Committee's vote on the draft resolution at the fiftieth session of the "
                  "General Assembly?", hits, {"A/49/624": document})
    assert answer.abstained and "not the fiftieth session" in answer.closest.mismatch


def test_a_document_of_the_asked_year_is_read_for_a_first_hit_of_another_year() -> None:
    """A/52/622 (1997) and A/AC.109/2025/L.9 carry near-identical drafts: asked of "the 1997 Fourth
    Committee draft", the 2025 paragraph came first ("is about 2025, not 1997"); the 1997 draft's
    paragraph is read in its stead, and answers (or, weakly supported, is the one named)."""
    text = ("Requests the specialized agencies and other organizations of the United Nations system concerned to "
            "provide information on the effects of natural disasters, such as hurricanes and volcanoes, on the "
            "Non-Self-Governing Territories in {year}.")
    documents, hits = _first_and_next(("A/AC.109/2025/L.9", "10", text.format(year=2025), "General Assembly"),
                                      ("A/52/622", "9", text.format(year=1997), "Fifty-second session"),
                                      dates=("2025-06-05", "1997-11-20"))
    hits[1] = replace(hits[1], part="draft resolution", part_of="7")
    question = ("In the 1997 draft, on the effects of which natural disasters on the Non-Self-Governing Territories "
                "are the specialized agencies asked to provide information?")
    answer = _ask(question, hits, documents)
    assert (answer.citations or [answer.closest])[0].symbol == "A/52/622"
    # a document of neither year is not read
    other = _ask(question, [hits[0], replace(hits[1], symbol="A/60/100")],
                 {**documents, "A/60/100": documents["A/52/622"]})
    assert other.abstained and other.closest.symbol == "A/AC.109/2025/L.9" and "not 1997" in other.closest.mismatch


def test_another_text_of_the_asked_year_is_not_read_in_the_first_s_stead() -> None:
    """A/AC.109/2025/L.25, para. 18 approves a programme naming "the Caribbean regional seminar" in
    2025; it is no other year's wording of the first hit's paragraph on a 2013 seminar, so the
    near miss stands."""
    first = ("At its 2013 Caribbean regional seminar, held in Quito, the Special Committee heard a paper on the "
             "limitations of the projected plebiscite.")
    second = ("Approves the report of the Special Committee covering its work during 2025, in which the programme of "
              "work for 2026 is outlined, in particular the Caribbean regional seminar.")
    documents, hits = _first_and_next(("A/AC.109/2025/L.13", "36", first, "General Assembly"),
                                      ("A/AC.109/2025/L.25", "18", second, "General Assembly"))
    question = "In which city was the 2025 Caribbean regional seminar of the Special Committee held?"
    answer = _ask(question, hits, documents)
    assert answer.abstained and answer.closest.symbol == "A/AC.109/2025/L.13"


def test_another_organization_s_report_answers_in_the_order_of_its_own_hits() -> None:
    """"How many approved posts did UNDP's Office of Audit and Investigations have at the end of
    2024?" had UNFPA's audit report first (DP/FPA/2025/6, para. 14: "OAIS had 30 approved posts")
    and abstained as "about UNFPA, not UNDP", though UNDP's report (DP/2025/10) was next: its
    paragraph counting the approved posts (para. 17) answers, not its first hit (para. 24)."""
    embedder = HashEmbedder()
    unfpa = ("Executive Board\nUNFPA – Internal audit and investigation United Nations Population Fund Report of the "
             "Office of Audit and Investigation Services on UNFPA internal audit and investigation activities in 2024")
    undp = ("Executive Board\nInternal audit and investigations UNDP: Annual report of the Office of Audit and "
            "Investigations on internal audit and investigation activities in 2024")
    oais = "OAIS had 30 approved posts, as of 31 December 2024: four in the Office of the OAIS Director."
    opinion = ("The opinion is based on the following: (a) Results of audits undertaken in 2024 in accordance with the "
               "approved annual work plan of the Office of Audit and Investigations of UNDP.")
    posts = "As of 31 December 2024, the Office had 95 approved posts, nearly all of which were filled."
    documents = {"DP/FPA/2025/6": DocumentText(("DP/FPA/2025/6",), f"{unfpa}\n{oais}", unfpa),
                 "DP/2025/10": DocumentText(("DP/2025/10",), f"{undp}\n{opinion}\n{posts}", undp)}
    hits = [Hit(pid=0, symbol="DP/FPA/2025/6", number="14", text=oais, page="3", section="", score=3.0, sentence=0.7,
                doc_date="2025-04-01", doc_title=unfpa.splitlines()[1]),
            Hit(pid=1, symbol="DP/2025/10", number="24", text=opinion, page="6", section="", score=2.0, sentence=0.7,
                doc_date="2025-04-01", doc_title=undp.splitlines()[1]),
            Hit(pid=2, symbol="DP/2025/10", number="17", text=posts, page="5", section="", score=1.0, sentence=0.7,
                doc_date="2025-04-01", doc_title=undp.splitlines()[1])]
    question = "How many approved posts did UNDP's Office of Audit and Investigations have at the end of 2024?"
    query = Query(question, embedder.encode_queries([question])[0], None, None)
    answerer = Answerer(embedder, None, threshold=0.24, documents=documents.__getitem__)
    answer = answerer.answer(Search(query, hits))
    assert not answer.abstained and (answer.citations[0].symbol, answer.citations[0].paragraph) == ("DP/2025/10", "17")
    alone = answerer.answer(Search(query, hits[:1]))
    assert alone.abstained and alone.closest.mismatch == "is about UNFPA, not UNDP"
    # the next document's hit counting the asked thing answers, not one counting something else first
    # ("almost 6,000 personnel" for the approved posts)
    workforce = replace(hits[1], text="The Office of Audit and Investigations serves a workforce of 6,000 approved "
                                      "personnel at 31 December 2024.")
    answer = answerer.answer(Search(query, [hits[0], workforce, hits[2]]))
    assert not answer.abstained and answer.citations[0].paragraph == "17"
    # a next document that holds less of the question does not answer it (UNDP's paragraphs on other
    # work, for UNDP's approved posts)
    other_work = [hits[0], *(replace(h, text="The Office issued 92 reports.") for h in hits[1:])]
    assert answerer.answer(Search(query, other_work)).abstained
    # nor does a document after one that does not name the asked organization
    between = Hit(pid=3, symbol="DP/OPS/2025/6", number="56", text=oais.replace("OAIS", "IAIG"), page="9", section="",
                  score=2.5, sentence=0.7, doc_date="2025-04-01", doc_title="Activities of UNOPS")
    documents["DP/OPS/2025/6"] = DocumentText(("DP/OPS/2025/6",), "Activities of UNOPS", "Executive Board\nActivities "
                                              "of UNOPS")
    assert answerer.answer(Search(query, [hits[0], between, *hits[1:]])).abstained


def test_an_anniversary_counted_in_years_writes_its_ordinal() -> None:
    """S/2025/176, para. 79: "To mark 25 years of MONUSCO" answers its 25th anniversary's campaign
    (tester 96: "never writes the twenty-fifth" was said of it)."""
    from rag.answer.constraints import Evidence, check_unwritten_ordinal

    marked = ("To mark 25 years of MONUSCO and its predecessors, the Mission launched a campaign, “MONUSCO beyond the "
              "headlines”.")
    evidence = Evidence(marked, marked, ("S/2025/176",), date="2025-03-14")
    assert check_unwritten_ordinal("What was the name of the campaign MONUSCO started for its 25th anniversary?",
                                   evidence) is None
    assert check_unwritten_ordinal("What was the name of the campaign MONUSCO started for its 30th anniversary?",
                                   evidence) is not None
    # years counted of something else, or another anniversary, are no anniversary asked (found in review)
    fortieth = ("The ruling party celebrated its fortieth anniversary; two opposition leaders received sentences of "
                "20 years.")
    assert check_unwritten_ordinal("What did the ruling party reaffirm at the celebration of its 20th anniversary?",
                                   Evidence(fortieth, fortieth, ("S/2025/342",), date="2025-05-30")) is not None
    # another anniversary beside the years counted does not hide them (found in review: UNW/2025/2, para. 92)
    both = ("The period marks the eightieth anniversary of the United Nations and 15 years since the founding of "
            "UN-Women.")
    assert check_unwritten_ordinal("Which anniversaries, including the 15th anniversary of UN-Women, mark the plan?",
                                   Evidence(both, both, ("UNW/2025/2",), date="2025-06-01")) is None
