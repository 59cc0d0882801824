"""Headings inside numbered text: a bold sentence set at the paragraph's own line spacing is the
paragraph's emphasis, not a heading; a bold line set apart by a gap stays a heading.

The lines are extracts of real pages (positions and sizes as pypdfium2 reads them): A/79/772,
page 13 (the Advisory Committee's recommendation in bold ends paragraph 45); DP/2025/19, page 6
(an outcome statement in bold, ending with a full stop, heads the next paragraphs)."""

from __future__ import annotations

from rag.ingest.assemble import assemble
from rag.ingest.blocks import Block, PageText


def _b(text: str, y: float, x: float = 123.7, number: str | None = None, bold: bool = False,
       italic: bool = False) -> Block:
    return Block(text, page=13, number=number, size=10.0, bold=bold, italic=italic, x=x, y=y)


def _acabq_page() -> list[Block]:
    return [
        _b("45. According to information provided to the Advisory Committee upon enquiry, the Business", 441.5,
           number="45"),
        _b("expertise and tools, and the facilitation of an evaluation community of practice to", 427.5),
        _b("promote learning, peer exchange and partnerships. OIOS provides support for quality", 413.5),
        _b("standards, methodology and the adaptation and transfer of evaluation information.", 403.5),
        _b("The Advisory Committee looks forward to an update on improvements made to", 391.6, bold=True),
        _b("internal/self-evaluations in the next report.", 379.6, bold=True),
        _b("Ethical standards and integrity", 355.9, italic=True),
        _b("46. According to information provided to the Advisory Committee upon enquiry,", 337.6, number="46"),
        _b("the Ethics Office provides confidential advice to staff.", 325.6),
    ]


def _outcome_page() -> list[Block]:
    return [
        _b("27. UN-Women volunteers helped to boost a UNFPA and UN-Women regional initiative in 11", 525.0,
           x=101.8, number="27"),
        _b("countries. These volunteers powered all stages of the joint initiative, from webinars", 511.1, x=101.8),
        _b("with community leaders and influencers to social media campaigns.", 499.5, x=101.9),
        _b("Expand opportunities with United Nations entities for more and diverse people to support", 484.3,
           x=101.9, bold=True),
        _b("United Nations development, peace and humanitarian efforts.", 472.6, x=101.9, bold=True),
        _b("28. Throughout the year, United Nations Volunteers supported 59 United Nations entities.", 455.3,
           x=102.0, number="28"),
    ]


def test_a_bold_sentence_at_the_paragraph_s_line_spacing_ends_the_paragraph() -> None:
    paragraphs = {p.number: p for p in assemble([PageText(blocks=_acabq_page())])}
    assert paragraphs["45"].text.endswith("transfer of evaluation information. The Advisory Committee looks forward "
                                          "to an update on improvements made to internal/self-evaluations in the next "
                                          "report.")
    assert paragraphs["46"].section == "Ethical standards and integrity"


def test_a_bold_sentence_set_apart_by_a_gap_stays_a_heading() -> None:
    paragraphs = {p.number: p for p in assemble([PageText(blocks=_outcome_page())])}
    assert paragraphs["27"].text.endswith("to social media campaigns.")
    assert paragraphs["28"].section == ("Expand opportunities with United Nations entities for more and diverse "
                                        "people to support United Nations development, peace and humanitarian efforts.")


def test_a_roman_heading_in_capitals_is_a_heading_and_a_lettered_list_line_is_not() -> None:
    from rag.ingest.blocks import Block
    from rag.ingest.headings import capital_heading

    assert capital_heading(Block("II. CONSIDERATION OF PROPOSALS", page=1, size=10.0))
    assert capital_heading(Block("I. INTRODUCTION", page=1, size=10.0))
    assert not capital_heading(Block("A. UNICEF", page=1, size=10.0))
    assert not capital_heading(Block("II. Consideration of proposals", page=1, size=10.0))
    assert not capital_heading(Block("IV. UN", page=1, size=10.0))  # too few capitals to tell


def test_a_numbered_heading_in_larger_bold_type_may_wrap_after_a_comma() -> None:
    """TPNW/MSP/2025/8: "III. Scientific Advisory Group member participation in national," then
    "regional and international meetings" in 14-point bold over 10-point text."""
    from rag.ingest.blocks import Block
    from rag.ingest.headings import heading_like

    wrapped = Block("III. Scientific Advisory Group member participation in national,", page=4, size=14.0, bold=True)
    assert heading_like(wrapped, 10.0)
    assert not heading_like(Block("III. The Group met in Vienna, Geneva,", page=4, size=10.0), 10.0)
    assert not heading_like(Block("In favour: Andorra, Armenia,", page=4, size=14.0, bold=True), 10.0)


def _officers_page() -> list[Block]:
    """A/CONF.230/2025/L.2, page 2: a list that ends no sentence, then a bold sub-heading set
    further from it than from the numbered paragraph it titles."""
    return [
        _b("8. The following Vice-Presidents were elected by acclamation:", 454.0, x=102.0, number="8"),
        _b("Western European and other States: Germany and Monaco", 364.0, x=102.0),
        _b("9. The following ex officio Vice-Presidents were elected by acclamation:", 346.0, x=102.0, number="9"),
        _b("Costa Rica and France", 328.0, x=102.0),
        _b("Rapporteur-General", 304.0, x=102.0, bold=True),
        _b("10. Omar Hilale (Morocco) was elected by acclamation as Rapporteur-General.", 286.0, x=102.0,
           number="10"),
    ]


def test_a_bold_line_set_apart_above_a_numbered_paragraph_titles_it_after_a_list() -> None:
    paragraphs = {p.number: p for p in assemble([PageText(blocks=_officers_page())])}
    assert paragraphs["9"].text.endswith("elected by acclamation: Costa Rica and France")
    assert paragraphs["10"].section == "Rapporteur-General"
    # the same bold line at the list's own spacing goes on with the paragraph's text
    close = _officers_page()
    close[4] = _b("Rapporteur-General", 310.0, x=102.0, bold=True)
    assert "Rapporteur-General" not in {p.section for p in assemble([PageText(blocks=close)])}


def test_a_roman_heading_whose_stop_was_left_out() -> None:
    """A/CONF.230/2025/L.2 prints "II Organization of work and other organizational matters"
    under "I. Resolutions adopted by the Conference": it is the next chapter, not lost."""
    lines = [
        Block("I. Resolutions adopted by the Conference", page=1, size=14.0, bold=True, x=70.0, y=560.0),
        Block("[To be completed]", page=1, size=10.0, x=102.0, y=540.0),
        Block("II Organization of work and other organizational matters", page=1, size=14.0, bold=True, x=70.0,
              y=510.0),
        Block("A. Date and venue of the Conference", page=1, size=12.0, bold=True, x=70.0, y=480.0),
        Block("1. The Conference was held in Nice, France, from 9 to 13 June 2025.", page=1, number="1", size=10.0,
              x=102.0, y=460.0),
        Block("2. The list of participants is contained in document A/CONF.230/2025/INF/2.", page=1, number="2",
              size=10.0, x=102.0, y=440.0),
    ]
    paragraphs = {p.number: p for p in assemble([PageText(blocks=lines)])}
    assert paragraphs["1"].section == ("II Organization of work and other organizational matters > A. Date and venue "
                                       "of the Conference")


def test_a_plain_line_opening_with_letters_of_a_roman_numeral_stays_text() -> None:
    """Only a bold or larger line takes a roman numeral without its stop as a heading number;
    "XXVIII Ibero-American Summit ..." in body type goes on with its paragraph, and "XL Airways"
    or "LI Peng" are no numerals."""
    from rag.ingest.patterns import ROMAN_WITHOUT_STOP

    lines = [
        _b("2. The Secretary-General attended two summits in 2018.", 500.0, number="2"),
        _b("XXVIII Ibero-American Summit of Heads of State and Government was held in", 480.0),
        _b("Antigua, Guatemala, in November 2018.", 468.0),
        _b("3. The next summit will be held in 2020.", 450.0, number="3"),
    ]
    paragraphs = {p.number: p for p in assemble([PageText(blocks=lines)])}
    assert "XXVIII Ibero-American Summit" in paragraphs["2"].text and paragraphs["3"].section == ""
    assert not ROMAN_WITHOUT_STOP.match("XL Airways flew") and not ROMAN_WITHOUT_STOP.match("LI Peng said")
    assert ROMAN_WITHOUT_STOP.match("XXVIII Ibero-American Summit") and ROMAN_WITHOUT_STOP.match("II Organization")


def test_the_ninth_letter_after_h_is_a_letter_not_chapter_one() -> None:
    """A/80/44 chapter I runs to "K.": its "I. Rapporteur on reprisals" follows "H." and stays
    under chapter I; "II." after it is the next chapter."""
    from rag.ingest.headings import Sections

    sections = Sections()
    for heading in ("I. Organizational and other matters", "H. Participation of organizations",
                    "I. Rapporteur on reprisals"):
        sections.push(heading)
    assert sections.path == "I. Organizational and other matters > I. Rapporteur on reprisals"
    sections.push("J. Treaty body strengthening process")
    assert sections.path == "I. Organizational and other matters > J. Treaty body strengthening process"
    sections.push("II. Submission of reports")
    assert sections.path == "II. Submission of reports"
    sections.push("A. Introduction")
    sections.push("V. Follow-up")  # not after "U.": chapter V
    assert sections.path == "V. Follow-up"


def test_a_chapter_headed_by_the_word_is_a_chapter() -> None:
    from rag.ingest.headings import Sections

    sections = Sections()
    for heading in ("F. Membership of the Committee", "Chapter IV Consideration of reports"):
        sections.push(heading)
    assert sections.path == "Chapter IV Consideration of reports"


def test_a_chapter_word_line_in_bold_or_larger_type_is_a_numbered_heading() -> None:
    from rag.ingest.headings import numbered_heading

    assert numbered_heading(Block("Chapter II", bold=True, size=14.0), 10.0)
    assert not numbered_heading(Block("Chapter II of the report sets out the decisions.", size=10.0), 10.0)


def _torture_report_page() -> list[Block]:
    """A/80/44, p. 7: a table's column heads in small italic type between two paragraphs."""
    def head(text: str, y: float, x: float) -> Block:
        return Block(text, page=7, size=8.0, italic=True, x=x, y=y)
    return [
        _b("III. Consideration of reports submitted by States Parties under article 19 of the Convention", 268.0,
           x=79.0, bold=True),
        _b("29. The reports considered by the Committee at its eightieth session and the concluding", 342.0,
           x=113.0, number="29"),
        _b("observations thereon are available from the Official Document System of the United Nations", 354.0,
           x=113.0),
        _b("under the symbols indicated below:", 366.0, x=113.0),
        head("Party Country rapporteurs Report Concluding observations", 394.0, x=113.0),
        _b("Côte d’Ivoire Abderrazak Rouwane Initial report CAT/C/CIV/CO/1", 415.0, x=113.0),
        _b("30. The reports considered by the Committee at its eighty-first session and the concluding", 559.0,
           x=113.0, number="30"),
        _b("observations thereon are available from the Official Document System.", 571.0, x=113.0),
    ]


def test_a_table_s_column_heads_in_small_italic_type_are_no_heading() -> None:
    paragraphs = {p.number: p for p in assemble([PageText(blocks=_torture_report_page())])}
    assert paragraphs["30"].section == ("III. Consideration of reports submitted by States Parties under "
                                        "article 19 of the Convention")


def test_an_italic_line_after_an_abbreviation_is_the_paragraphs_own() -> None:
    """A/80/1, para. 100 and A/80/44, para. 55: a line in italics (case names) after a line ending
    "Armenia v." was read as a heading after a sentence's end, and left the paragraph's text."""
    from rag.ingest.assemble import assemble
    from rag.ingest.blocks import Block, PageText

    lines = [Block("100. The Court delivered judgments in the proceedings concerning Ukraine v. Russian Federation "
                   "and the cases Armenia v.", page=21, kind="body", number="100", size=10.0, x=124, y=263),
             Block("Azerbaijan and Azerbaijan v. Armenia. In the proceedings concerning Application of", page=21,
                   kind="body", size=10.0, x=124, y=251, italic=True),
             Block("the Convention, it indicated additional provisional measures.", page=21, kind="body", size=10.0,
                   x=124, y=239),
             Block("101. The Court held public hearings.", page=21, kind="body", number="101", size=10.0, x=124,
                   y=215)]
    para = next(p for p in assemble([PageText(blocks=lines)]) if p.number == "100")
    assert "the cases Armenia v. Azerbaijan and Azerbaijan v. Armenia. In the proceedings" in para.text
    assert para.section == ""


def _round_tables_page() -> list[Block]:
    """E/HLPF/2025/3/Add.3, pages 4-5: a chapter heading in 14 points, then subheadings in the
    body's bold type ("Goal 3" and its title), each over its paragraphs."""
    def line(text: str, y: float, number: str | None = None, size: float = 9.96, bold: bool = False,
             page: int = 5) -> Block:
        return Block(text, page=page, number=number, size=size, bold=bold, italic=False, x=123.7, y=y)
    return [
        line("16. The following delegations took part in the ensuing plenary debate: Albania.", 695.4,
             number="16", page=4),
        line("IV. Peer learning round tables", 707.5, size=14.04, bold=True),
        line("Goal 3", 682.8, bold=True),
        line("Building health systems for the future: inclusive, resilient and multisectoral", 670.9, bold=True),
        line("solutions for achieving Sustainable Development Goal 3 in the Economic", 658.8, bold=True),
        line("Commission for Europe Region", 646.8, bold=True),
        line("17. The round table was led by the WHO Regional Office for Europe.", 628.9, number="17"),
        line("Goal 5", 520.7, bold=True),
        line("The time is now: inclusive, evidence-based and transformative solutions for", 508.9, bold=True),
        line("gender equality and women’s empowerment", 494.7, bold=True),
        line("18. The lead organizers were UN-Women and UNFPA.", 478.9, number="18"),
    ]


def test_a_subheading_in_smaller_type_under_a_chapter_heading_is_its_own_level() -> None:
    paragraphs = {p.number: p for p in assemble([PageText(blocks=_round_tables_page())])}
    assert paragraphs["17"].section == (
        "IV. Peer learning round tables > Goal 3 Building health systems for the future: inclusive, resilient "
        "and multisectoral solutions for achieving Sustainable Development Goal 3 in the Economic Commission "
        "for Europe Region")
    assert paragraphs["18"].section == (
        "IV. Peer learning round tables > Goal 5 The time is now: inclusive, evidence-based and transformative "
        "solutions for gender equality and women’s empowerment")


def test_a_heading_in_the_type_of_a_nested_one_takes_its_level() -> None:
    """An unnumbered heading nested under another by its smaller type, then a heading in its own
    type: the second replaces the first at its level."""
    from rag.ingest.headings import Sections
    sections = Sections()
    sections.push("XIII. Country programmes and related matters", style=(12.0, True, False))
    sections.push("Regional programmes", style=(12.0, True, False))
    sections.push("Statement by the Executive Director", under=True, style=(10.0, True, False))
    assert sections.path == ("XIII. Country programmes and related matters > Regional programmes > "
                             "Statement by the Executive Director")
    sections.push("Interactive dialogue", style=(10.0, True, False))
    assert sections.path == "XIII. Country programmes and related matters > Regional programmes > Interactive dialogue"


def test_a_roman_or_lettered_heading_in_smaller_type_keeps_its_level() -> None:
    """Nesting by type is for unnumbered headings: "I. Programme of work" set smaller right under
    an unnumbered title stays a chapter, so "A. Mandates" goes under it."""
    from rag.ingest.headings import Sections
    sections = Sections()
    sections.push("Programme performance", style=(14.0, True, False))
    sections.push("I. Programme of work", under=True, style=(12.0, True, False))
    sections.push("A. Mandates", style=(12.0, True, False))
    assert sections.path == "I. Programme of work > A. Mandates"


def test_a_session_s_segments_stand_above_its_chapters() -> None:
    """DP/2025/20: "Joint segment" over chapters II-VIII, "UNDP segment" over IX-XIII, "UNFPA
    segment" (and its "Statement by the UNFPA Executive Director", set right under it) over XIV-XV;
    the segment's heading is whole, not the start of the next heading line."""
    from rag.ingest.headings import Sections
    sections = Sections()
    sections.push("I. Organizational matters")
    sections.push("Joint segment")
    sections.push("II. Internal audit and investigation")
    assert sections.path == "Joint segment > II. Internal audit and investigation"
    sections.push("UNFPA segment")
    sections.extend_last("Statement by the UNFPA Executive Director")
    assert sections.path == "UNFPA segment > Statement by the UNFPA Executive Director"
    sections.push("XIV. UNFPA evaluation")
    assert sections.path == "UNFPA segment > XIV. UNFPA evaluation"
    sections.push("III. High-level policy segment: the 2030 Agenda")
    assert sections.path == "UNFPA segment > III. High-level policy segment: the 2030 Agenda"


def test_headings_over_placeholder_paragraphs_and_a_bold_heading_wrapped_after_a_comma() -> None:
    """A/CONF.230/2025/L.2, page 3: each Ocean Action panel's bold title over "19. [To be
    completed]"; a title wrapped after a comma ("..., including deep-sea ecosystems") and the titles
    after a placeholder had run into the paragraph before as its text: a placeholder ends its
    paragraph as a sentence does."""
    lines = [_b("17. The list of documents before the Conference is contained in the annex.", 448, number="17"),
             _b("18. [To be completed]", 379, number="18"),
             Block("IV. Ocean Action panels", page=13, size=14.0, bold=True, x=94, y=346),
             _b("Conserving, sustainably managing and restoring marine and coastal ecosystems,", 322, bold=True),
             _b("including deep-sea ecosystems", 310, bold=True),
             _b("19. [To be completed]", 292, number="19"),
             _b("Increasing ocean-related scientific cooperation, knowledge, capacity-building,", 268, bold=True),
             _b("marine technology and education", 256, bold=True),
             _b("20. [To be completed]", 226, number="20"),
             _b("Mobilizing finance for ocean actions in support of Sustainable Development", 202, bold=True),
             _b("Goal 14", 189, bold=True),
             _b("21. [To be completed]", 172, number="21")]
    by_number = {p.number: p for p in assemble([PageText(blocks=lines)]) if not p.running}
    assert [by_number[n].text for n in ("19", "20", "21")] == ["[To be completed]"] * 3
    assert by_number["19"].section == ("IV. Ocean Action panels > Conserving, sustainably managing and restoring "
                                       "marine and coastal ecosystems, including deep-sea ecosystems")
    assert by_number["20"].section.endswith("> Increasing ocean-related scientific cooperation, knowledge, "
                                            "capacity-building, marine technology and education")
    assert by_number["21"].section.endswith("> Mobilizing finance for ocean actions in support of Sustainable "
                                            "Development Goal 14")


def _board_recommendations_page() -> list[Block]:
    """DP/FPA/2025/2, page 4: each Board recommendation, a bold unnumbered sentence, heads UNFPA's
    numbered response and the status box under it."""
    def b(text: str, y: float, x: float = 126.3, number: str | None = None, bold: bool = False,
          kind: str = "body") -> Block:
        return Block(text, page=4, number=number, size=9.96, bold=bold, x=x, y=y, kind=kind)
    return [
        b("14. The Humanitarian Response Division (HRD) will leverage the opportunity of the rollout and", 670.4,
          x=109.2, number="14"),
        b("Both the EPPs and the Results Framework define clear accountabilities.", 658.9),
        b("In paragraph 39, the Board recommends that UNFPA take the actions needed to fill the vacant", 606.9,
          x=103.8, bold=True),
        b("positions in the Humanitarian Response Division.", 592.4, x=103.8, bold=True),
        Block("Business unit responsible Humanitarian Response Division Status Under implementation", page=4,
              size=9.0, x=119.4, y=574.4, kind="table"),
        b("15. HRD is actively recruiting for vacant positions in the Division. HRD currently has seven", 525.1,
          x=109.2, number="15"),
        b("vacant fixed-term positions.", 513.5),
        b("In paragraph 50, the Board recommends that UNFPA establish a mechanism to timely conduct", 484.6,
          x=103.8, bold=True),
        b("and record the fast-track procedure activation risk assessments and oversee their activation.", 473.0,
          x=103.8, bold=True),
        b("16. In October 2024, the Policy Committee adopted the Emergency Policy and Procedures.", 404.0,
          x=109.2, number="16"),
    ]


def test_a_bold_sentence_heading_a_numbered_paragraph_is_also_text_of_its_own() -> None:
    """A bold sentence over a numbered paragraph (a Board's recommendation over the response to it)
    heads the paragraphs under it and is text of its own, cited by its page; a short heading is
    not."""
    paragraphs = assemble([PageText(blocks=_board_recommendations_page())])
    numbered = {p.number: p for p in paragraphs if not p.running and not p.part}
    running = [p for p in paragraphs if p.running]
    assert [p.text for p in running] == [
        "In paragraph 39, the Board recommends that UNFPA take the actions needed to fill the vacant positions in "
        "the Humanitarian Response Division.",
        "In paragraph 50, the Board recommends that UNFPA establish a mechanism to timely conduct and record the "
        "fast-track procedure activation risk assessments and oversee their activation."]
    assert [p.number for p in running] == ["1", "2"]
    assert numbered["14"].text.endswith("define clear accountabilities.")
    assert numbered["15"].section.startswith("In paragraph 39, the Board recommends")
    assert numbered["15"].text == "HRD is actively recruiting for vacant positions in the Division. HRD currently " \
                                  "has seven vacant fixed-term positions."
    assert running[0].section == ""


def test_text_after_a_sentence_heading_and_a_heading_at_the_end_are_kept() -> None:
    """Unnumbered text under a sentence heading (a status box's tail run on from the page before,
    DP/FPA/2025/2, p. 9) is a running paragraph of its own, not lost; a sentence heading closing the
    numbered text (the last recommendation before an annex) is a paragraph too."""
    def b(text: str, y: float, number: str | None = None, bold: bool = False) -> Block:
        return Block(text, page=9, number=number, size=9.96, bold=bold, x=109.2 if number else 103.8, y=y)
    sentence = [b("In paragraph 143, the Board recommends that UNFPA strengthen the monitoring of its", 600.0,
                  bold=True),
                b("implementing partners and document the results of each spot check it makes.", 588.0, bold=True)]
    pages = [b("31. UNFPA agrees with the recommendation and has updated its guidance.", 650.0, number="31"),
             *sentence,
             b("Business unit responsible Programme Division Status Under implementation Priority Medium", 560.0),
             b("32. The Programme Division is reviewing the spot checks.", 520.0, number="32")]
    paragraphs = assemble([PageText(blocks=pages)])
    texts = [p.text for p in paragraphs]
    assert texts[0] == "UNFPA agrees with the recommendation and has updated its guidance."
    assert texts[1].startswith("In paragraph 143, the Board recommends") and paragraphs[1].running
    assert texts[2] == "Business unit responsible Programme Division Status Under implementation Priority Medium"
    assert paragraphs[2].running and paragraphs[3].number == "32"
    last = assemble([PageText(blocks=[b("30. The Board made 12 recommendations.", 670.0, number="30"), pages[0],
                                      *sentence])])
    assert [p.running for p in last] == [False, False, True] and last[2].text.endswith("each spot check it makes.")


def test_a_sentence_heading_run_on_from_the_heading_above_stands_under_it() -> None:
    """DP/FPA/2025/2, p. 13: the report year's heading, then the recommendation in bold right under
    it, which extends that heading; the recommendation's paragraph stands under the report year's
    heading, which tells its "paragraph 89" from the other report's."""
    def b(text: str, y: float, number: str | None = None, bold: bool = False, size: float = 9.96,
          italic: bool = False) -> Block:
        return Block(text, page=13, number=number, size=size, bold=bold, italic=italic, x=109.2 if number else 103.8,
                     y=y)
    pages = [b("IV. Status of recommendations from prior financial periods", 700.0, bold=True, size=11.0),
             b("60. The following paragraphs report on the recommendations of earlier years.", 680.0, number="60"),
             b("Report of the Board of Auditors for the year ended 31 December 2020", 640.0, italic=True),
             b("In paragraph 89, in addition, the Board recommends that UNFPA review the access rights of", 626.0,
               bold=True),
             b("all users of its enterprise resource planning system every quarter.", 614.0, bold=True),
             b("61. UNFPA has reviewed the access rights.", 590.0, number="61")]
    paragraphs = assemble([PageText(blocks=pages)])
    running = [p for p in paragraphs if p.running]
    assert len(running) == 1 and running[0].text.startswith("In paragraph 89, in addition,")
    assert running[0].section.endswith("Report of the Board of Auditors for the year ended 31 December 2020")


def test_a_bold_sentence_heading_runs_over_the_page() -> None:
    """DP/FPA/2025/2, pp. 12-13: a recommendation in bold broken by the page end goes on in the same
    bold type, in lower case, at the top of the next page; one paragraph, not a heading's half and
    a paragraph of the rest."""
    def b(text: str, page: int, y: float, number: str | None = None, bold: bool = False) -> Block:
        return Block(text, page=page, number=number, size=9.96, bold=bold, x=109.2 if number else 103.8, y=y)
    pages = [PageText(blocks=[
        b("46. The Division for Management Services reviewed its travel processes.", 12, 300.0, number="46"),
        b("47. The Travel Module was tested in three offices.", 12, 250.0, number="47"),
        b("In paragraph 75, the Board recommends that UNFPA headquarters and", 12, 120.0, bold=True)]),
        PageText(blocks=[
        b("country offices strengthen and incorporate systemic tools in the travel management process.", 13,
          642.6, bold=True),
        b("48. The Travel Module was rolled out for all country offices in August 2024.", 13, 540.0, number="48")])]
    paragraphs = assemble(pages)
    running = [p for p in paragraphs if p.running]
    assert [p.text for p in running] == [
        "In paragraph 75, the Board recommends that UNFPA headquarters and country offices strengthen and "
        "incorporate systemic tools in the travel management process."]
    numbered = {p.number: p for p in paragraphs if not p.running}
    assert numbered["47"].text == "The Travel Module was tested in three offices."
    assert numbered["48"].section.startswith("In paragraph 75, the Board recommends")
