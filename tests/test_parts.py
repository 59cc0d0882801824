"""Texts embedded in a report (draft resolutions, decisions) keep their own numbering and never
take the report's paragraph numbers."""

from __future__ import annotations

from pathlib import Path

from rag.index.paragraphs import split_cited_part
from rag.ingest import parse_file
from rag.ingest.assemble import assemble
from rag.ingest.blocks import Block, PageText
from rag.models import render_citation
from rag.service import Session

FIXTURES = Path(__file__).parent / "fixtures"


def _keys(paragraphs):
    return [(p.part, p.part_of, p.number) for p in paragraphs if not p.running]


def test_a_committee_reports_drafts_are_parts_and_its_own_numbers_stay_unique() -> None:
    """A/50/610 (extract): report paragraph 3 recommends a draft resolution whose operative
    paragraphs run 1-5 across a page break; the report resumes at 4 with a draft decision."""
    doc = parse_file(FIXTURES / "A_50_610_draft.txt")
    own = [p for p in doc.paragraphs if not p.running and not p.part]
    assert [p.number for p in own] == ["1", "2", "3", "4"]
    assert "rejected the amendment" in own[1].text and own[3].text.endswith("following draft decision:")
    keys = _keys(doc.paragraphs)
    assert [k for k in keys if k[0] == "draft resolution"] == [("draft resolution", "3", str(n)) for n in range(1, 6)]
    assert [k for k in keys if k[0] == "draft decision"] == [("draft decision", "4", "1"), ("draft decision", "4", "2")]
    operative = next(p for p in doc.paragraphs if p.part == "draft resolution" and p.number == "4")
    assert operative.text.startswith("Invites all Governments") and operative.page == "2"


def test_page_furniture_of_an_older_document_stays_out_of_the_text() -> None:
    """"English", "Page 2" under the running symbol and the "/..." continuation mark."""
    doc = parse_file(FIXTURES / "A_50_610_draft.txt")
    text = " ".join(p.text for p in doc.paragraphs)
    assert "/..." not in text and "Page 2" not in text and "English" not in text


def _line(text: str, number: str | None = None) -> Block:
    return Block(text, number=number)


def test_decisions_under_their_headings_keep_their_runs_and_the_report_resumes() -> None:
    """A/80/39 (shape): paragraph 1 introduces decisions 22/1 and 22/2; the agenda items 1, 2
    of the second are its own, the report's paragraph 2 comes after."""
    lines = [
        _line("1. The High-level Committee on South-South Cooperation adopted the following", "1"),
        _line("decisions at its twenty-second session:"),
        _line("Decision 22/1"),
        _line("The High-level Committee,"),
        _line("1. Stresses that the High-level Committee is a key intergovernmental body;", "1"),
        _line("2. Also stresses that South-South cooperation is not a substitute;", "2"),
        _line("3. Requests the Administrator to provide an update of the support.", "3"),
        _line("Decision 22/2"),
        _line("The High-level Committee,"),
        _line("Approves the following provisional agenda for its twenty-third session:"),
        _line("1. Opening of the session.", "1"),
        _line("2. Adoption of the report of the Working Group.", "2"),
        _line("2. At its 1st meeting, on 27 May 2025, the President opened the session.", "2"),
        _line("3. At the same meeting, the Administrator made a statement.", "3"),
    ]
    keys = _keys(assemble([PageText(blocks=lines)]))
    assert [k for k in keys if not k[0]] == [("", "", "1"), ("", "", "2"), ("", "", "3")]
    assert [k for k in keys if k[0] == "decision 22/1"] == [("decision 22/1", "1", n) for n in "123"]
    assert [k for k in keys if k[0] == "decision 22/2"] == [("decision 22/2", "1", n) for n in "12"]


def test_intersessional_decisions_opening_an_annex_each_keep_their_own_run() -> None:
    """TPNW/MSP/2025/11, annex III (shape): the annex's title in bold, then three decisions taken
    between Meetings, each numbered from 1; the annex has no paragraphs of its own, so the first
    decision's 1 and 2 are not the annex's, and the second decision does not sit in a paragraph 2."""
    lines = [Block("Decisions adopted in the period between Meetings of States Parties", bold=True)]
    for n, decides in (("1", "to hold the third Meeting"), ("2", "to apply a maximum assessment rate of 22 per cent"),
                       ("3", "to establish a sponsorship programme")):
        lines += [
            Block(f"Intersessional decision {n}", bold=True),
            _line("The Meeting of States Parties,"),
            _line("Acting in accordance with rule 45 of its rules of procedure,"),
            _line(f"1. Decides {decides};", "1"),
            _line("2. Requests the Secretariat to provide cost estimates.", "2"),
        ]
    keys = _keys(assemble([PageText(blocks=lines)]))
    assert keys == [(f"intersessional decision {d}", "", n) for d in "123" for n in "12"]


def test_a_heading_over_a_list_of_amendments_opens_no_part() -> None:
    """A/52/613: "Draft resolution A" heads the amendments made to a draft printed elsewhere."""
    lines = [
        _line("1. At the same meeting, the Committee adopted the following amendments:", "1"),
        _line("Draft resolution A"),
        _line("(a) In the twentieth preambular paragraph, the words \"to hear\" were deleted;"),
        _line("Draft resolution B, section I, American Samoa"),
        _line("(e) Two new preambular paragraphs were inserted before the first paragraph;"),
        _line("2. The Committee then adopted the draft resolutions as a whole.", "2"),
    ]
    paragraphs = assemble([PageText(blocks=lines)])
    assert not any(p.part for p in paragraphs) and [p.number for p in paragraphs] == ["1", "2"]


def test_a_decision_heading_with_its_title_in_one_block() -> None:
    """A/80/39 as laid-out text: "Decision 22/1" and its title are one block; a sentence that
    opens with "Decision 22/1" is no heading."""
    lines = [
        _line("1. The High-level Committee adopted the following decisions at its session:", "1"),
        _line("Decision 22/1 South-South cooperation"),
        _line("1. Stresses that South-South cooperation is a manifestation of solidarity;", "1"),
        _line("2. Requests the Administrator to report at the twenty-third session.", "2"),
        _line("Decision 22/1 of the Committee was adopted without a vote."),
        _line("2. At its 1st meeting, the President opened the session.", "2"),
    ]
    keys = _keys(assemble([PageText(blocks=lines)]))
    assert [k for k in keys if k[0]] == [("decision 22/1", "1", "1"), ("decision 22/1", "1", "2")]
    assert [k for k in keys if not k[0]] == [("", "", "1"), ("", "", "2")]


def test_a_report_without_embedded_texts_is_numbered_as_before() -> None:
    lines = [_line("1. The Committee met in Geneva.", "1"), _line("2. It adopted its agenda.", "2")]
    assert _keys(assemble([PageText(blocks=lines)])) == [("", "", "1"), ("", "", "2")]


def test_a_part_paragraph_is_cited_through_the_reports_paragraph() -> None:
    assert render_citation("A/50/610", "8", part="draft resolution", part_of="11") == \
        "A/50/610, para. 11, draft resolution, para. 8"
    assert render_citation("E/2025/70", "2", running=True, part="decisions", part_of="2", page="4") == \
        "E/2025/70, para. 2, decisions, ¶ 2"
    assert render_citation("A/1", "3", annex="annex", part="draft decision") == "A/1, annex, draft decision, para. 3"
    assert render_citation("A/52/687", "1", running=True, annex="annex", page="14") == "A/52/687, annex, p. 14, ¶ 1"
    assert render_citation("A/52/687", "1", running=True, page="1") == "A/52/687, p. 1, ¶ 1"


def test_a_cited_part_paragraph_reads_back() -> None:
    assert split_cited_part("para. 11, draft resolution, para. 8") == ("8", "draft resolution", "11")
    assert split_cited_part("draft decision II, para. 3") == ("3", "draft decision II", None)
    assert split_cited_part("decision 22/1, ¶ 2") == ("¶2", "decision 22/1", None)
    assert split_cited_part("12") == ("12", None, None)
    assert split_cited_part("intersessional decision 2, para. 1") == ("1", "intersessional decision 2", None)
    assert split_cited_part("intersessional decision 5, annex I, para. 2") == ("2", "intersessional decision 5, annex I", None)
    assert split_cited_part("para. 20, report of Working Group I, para. 3") == ("3", "report of Working Group I", "20")


def test_a_report_in_parts_cites_a_later_part_s_restarted_numbers_by_its_part() -> None:
    """A/80/38 (the report of three sessions, each a part numbered from 1, each with an annex):
    part one's numbers are the document's own; part two's and its annex's are cited with it."""
    def page(lines: list[tuple[str, float, bool]], n: int) -> PageText:
        blocks = [Block(t, size=size, bold=bold, x=60.0, y=700.0 - 14 * i, page=n)
                  for i, (t, size, bold) in enumerate(lines)]
        for b in blocks:
            if b.text[:2] in ("1.", "2."):
                b.number = b.text[0]
        return PageText(blocks=blocks, annexes=True)

    pages = [
        page([("Part One", 14.0, True),
              ("1. As at 31 May 2024, the closing date of the eighty-eighth session, there were 189 States.", 10.0, False),
              ("2. As at the same date, there were 115 States parties to the Optional Protocol.", 10.0, False)], 0),
        page([("Annex", 14.0, True),
              ("Documents before the Committee at its eighty-eighth session are listed in this annex.", 10.0, False)], 1),
        page([("Part Two", 14.0, True),
              ("1. As at 25 October 2024, the closing date of the eighty-ninth session, there were 189 States.", 10.0, False),
              ("2. The ratification status of the Optional Protocol was as it had been on 31 May.", 10.0, False)], 2),
        page([("Annex", 14.0, True),
              ("Documents before the Committee at its eighty-ninth session are listed in this annex.", 10.0, False)], 3),
    ]
    paragraphs = assemble(pages)
    assert [(p.annex, p.number) for p in paragraphs if not p.running] == [("", "1"), ("", "2"), ("part two", "1"),
                                                                         ("part two", "2")]
    assert [p.annex for p in paragraphs if p.running] == ["annex", "part two, annex"]
    assert render_citation("A/80/38", "2", annex="part two") == "A/80/38, part two, para. 2"


def test_a_part_is_named_as_cited() -> None:
    from rag.index.paragraphs import annex_label

    assert annex_label("Part Two") == "part two" and annex_label("part  three, annex ii") == "part three, annex II"
    assert annex_label("annex i") == "annex I" and annex_label("II") == "annex II" and annex_label("annex") == "annex"


def test_a_text_conversion_of_a_report_in_parts_cites_its_parts() -> None:
    """The text conversion of A/80/38 (../shared): "Part Two" opening its page heads part two, as
    in the PDF; part one's numbers stay the document's own."""
    from tests.conftest import shared_path

    doc = parse_file(shared_path("data", "un_corpus", "txt", "A_80_38.txt"))
    keys = {(p.annex, p.number) for p in doc.paragraphs if not p.running and not p.part}
    assert {("", "10"), ("", "22"), ("part two", "15"), ("part three", "2")} <= keys
    assert not any(annex == "annex" and number == "15" for annex, number in keys)


def _shared_file_indexed(tmp_path: Path, name: str, form: str = "txt") -> Session:
    """A session over an index of one text conversion (`form` "txt") or PDF ("pdf") of the shared
    UN corpus (fake model)."""
    import shutil

    from rag.config import load_settings
    from rag.service import build
    from tests.conftest import FAKE_MODEL, shared_path

    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(shared_path("data", "un_corpus", form, name), docs)
    settings = load_settings(env={}, index_dir=tmp_path / "indexes", model=FAKE_MODEL)
    build(settings, [docs])
    return Session(settings)


def test_show_reads_a_part_s_citation_as_printed(tmp_path: Path) -> None:
    """`rag show A/80/38 "part two, para. 15"`: the citation as `rag ask` prints it finds it."""
    with _shared_file_indexed(tmp_path, "A_80_38.txt") as session:
        shown = session.index.show("A/80/38", "part two, para. 15")
        assert (shown.annex, shown.paragraph, shown.citation) == ("part two", "15", "A/80/38, part two, para. 15")
        assert session.index.show("A/80/38", "15").annex == ""  # the body's own paragraph 15
        assert session.index.show("A/80/38", "part one, para. 15").citation == "A/80/38, para. 15"


def test_a_subsidiary_body_s_report_reads_as_follows_with_its_own_numbers() -> None:
    """A/80/42 (shape): paragraphs 20 and 21 each introduce a Working Group's report, printed
    in full with its own paragraphs 1, 2, 3 ...; they are parts cited through 20 and 21, and
    none of their numbered lines is lost as a heading."""
    lines = [
        _line("19. At its 403rd meeting, the Commission adopted, by consensus, the reports.", "19"),
        _line("20. The report of Working Group I reads as follows:", "20"),
        _line("Report of Working Group I on agenda item 4"),
        _line("1. At its 397th plenary meeting, on 7 April 2025, the Disarmament", "1"),
        _line("Commission adopted its agenda for the substantive session of 2025."),
        _line("2. The Working Group, chaired by Akaki Dvali (Georgia), held nine", "2"),
        _line("meetings, from 9 to 24 April 2025."),
        _line("3. At the 1st, 2nd and 3rd meetings, delegations exchanged views.", "3"),
        _line("21. The report of Working Group II reads as follows:", "21"),
        _line("Report of Working Group II on agenda item 5"),
        _line("1. At its 397th plenary meeting, on 7 April 2025, the Disarmament", "1"),
        _line("Commission decided to allocate to Working Group II agenda item 5."),
        _line("2. The Working Group held seven informal meetings.", "2"),
    ]
    paragraphs = assemble([PageText(blocks=lines)])
    keys = _keys(paragraphs)
    assert [k for k in keys if not k[0]] == [("", "", "19"), ("", "", "20"), ("", "", "21")]
    assert [k for k in keys if k[0] == "report of Working Group I"] == \
        [("report of Working Group I", "20", n) for n in "123"]
    assert [k for k in keys if k[0] == "report of Working Group II"] == \
        [("report of Working Group II", "21", n) for n in "12"]
    first = next(p for p in paragraphs if p.part == "report of Working Group I" and p.number == "1"
                 and not p.running)
    assert first.text.startswith("At its 397th plenary meeting") and first.text.endswith("session of 2025.")


def test_a_quoted_paragraph_of_a_report_opens_no_part() -> None:
    """"Paragraph 12 of the report of the Advisory Committee reads as follows:" quotes one paragraph."""
    lines = [
        _line("5. Paragraph 12 of the report of the Advisory Committee reads as follows:", "5"),
        _line("12. The Committee recommends approval of the proposals.", "12"),
        _line("6. The Assembly took note of the report.", "6"),
    ]
    assert not any(p.part for p in assemble([PageText(blocks=lines)]))


def test_a_quoted_recommendation_that_reads_as_follows_opens_no_part() -> None:
    """E/AC.51/2025/2: "Recommendation 1 reads as follows:" quotes one unnumbered text."""
    lines = [
        _line("6. Recommendation 1 reads as follows:", "6"),
        _line("ECLAC should strengthen its results framework."),
        _line("7. The recommendation was implemented.", "7"),
    ]
    paragraphs = assemble([PageText(blocks=lines)])
    assert not any(p.part for p in paragraphs) and [p.number for p in paragraphs] == ["6", "7"]


def test_show_reads_a_working_group_report_s_paragraph_as_cited(tmp_path: Path) -> None:
    """The text conversion of A/80/42 (../shared): `rag show A/80/42 "para. 20, report of Working
    Group I, para. 2"` gives the Working Group's paragraph 2; the report's own 20 is the line
    that introduces it."""
    with _shared_file_indexed(tmp_path, "A_80_42.txt") as session:
        shown = session.index.show("A/80/42", "para. 20, report of Working Group I, para. 2")
        assert shown.citation == "A/80/42, para. 20, report of Working Group I, para. 2"
        assert shown.text.startswith("The Working Group, chaired by Akaki Dvali (Georgia), held nine meetings")
        assert session.index.show("A/80/42", "20").text == "The report of Working Group I reads as follows:"


def test_two_drafts_of_one_report_each_count_their_own_paragraphs_and_read_back(tmp_path: Path) -> None:
    """A/CONF.230/2025/15 (../shared PDF): paragraphs 12 and 16 each carry an unnumbered draft
    resolution. Each counts its paragraphs from ¶ 1, the report's paragraph in a citation picks
    the draft, and a draft's paragraph asked without it names both places."""
    import pytest

    from rag.errors import NotFoundError

    with _shared_file_indexed(tmp_path, "A_CONF.230_2025_15.en.pdf", "pdf") as session:
        shown = session.index.show("A/CONF.230/2025/15", "para. 16, draft resolution, para. 1")
        assert shown.citation == "A/CONF.230/2025/15, para. 16, draft resolution, ¶ 1"
        assert shown.text.startswith("The 2025 United Nations Conference to Support")
        assert session.index.show("A/CONF.230/2025/15", "para. 12, draft resolution, ¶ 1").text == \
            "The Credentials Committee,"
        with pytest.raises(NotFoundError, match=r"has ¶ 1 in 2 places: para\. 12, draft resolution, ¶ 1; "
                                                r"para\. 16, draft resolution, ¶ 1"):
            session.index.show("A/CONF.230/2025/15", "draft resolution, ¶ 1")
        with pytest.raises(NotFoundError, match=r"embeds no para\. 17, draft resolution \(it has: para\. 12, "
                                                r"draft resolution, para\. 16, draft resolution\)"):
            session.index.show("A/CONF.230/2025/15", "para. 17, draft resolution, ¶ 1")
        with pytest.raises(NotFoundError, match=r"in 2 places") as raised:  # typed as a numbered paragraph
            session.index.show("A/CONF.230/2025/15", "draft resolution, para. 1")
        assert raised.value.fix.endswith('"para. 12, draft resolution, ¶ 1"')
        near = session.index.around(shown, 1)  # the context of para. 16's draft is its own
        assert [p["citation"] for p in near["before"] + near["after"]] == [
            "A/CONF.230/2025/15, para. 16", "A/CONF.230/2025/15, para. 16, draft resolution, ¶ 2"]


def test_inspect_names_the_report_paragraph_each_draft_sits_in() -> None:
    from rag.ingest.inspect import format_inspection, inspect_file
    from tests.conftest import shared_path

    lines = format_inspection(inspect_file(shared_path("data", "un_corpus", "pdf", "A_CONF.230_2025_15.en.pdf")))
    drafts = [" ".join(line.split()[:6]) for line in lines if "draft resolution," in line]
    assert drafts == ["para. 12, draft resolution, ¶ 1", "para. 12, draft resolution, ¶ 2",
                      "para. 12, draft resolution, ¶ 3", "para. 16, draft resolution, ¶ 1",
                      "para. 16, draft resolution, ¶ 2", "para. 16, draft resolution, ¶ 3"]


def test_the_headings_over_the_reports_resumed_paragraph_are_the_reports() -> None:
    """A/80/39 (shape): a decision the report carries ends where the report's paragraph 2
    resumes; the chapter heading between them ("Chapter II" over its title) heads paragraph 2,
    not the decision's last lines."""
    def line(text: str, y: float, number: str | None = None, bold: bool = False, size: float = 10.0) -> Block:
        return Block(text, page=1, number=number, bold=bold, size=size, x=70.0, y=y)

    lines = [
        line("Chapter I", 700.0, bold=True, size=14.0),
        line("Decisions adopted by the Committee", 686.0, bold=True, size=14.0),
        line("1. The Committee recommends the adoption of the following draft decision:", 660.0, number="1"),
        line("The High-level Committee, having considered the reports,", 646.0),
        line("decides to meet again in 2027.", 634.0),
        line("Chapter II", 600.0, bold=True, size=14.0),
        line("High-level plenary segment", 586.0, bold=True, size=14.0),
        line("2. The session was opened on 27 May 2025 in New York.", 560.0, number="2"),
        line("It lasted four days and ended with the adoption of the report.", 548.0),
    ]
    paragraphs = assemble([PageText(blocks=lines)])
    own = {p.number: p.section for p in paragraphs if not p.part}
    assert own["2"] == "Chapter II High-level plenary segment"
    assert all("Chapter II" not in p.section for p in paragraphs if p.part)


def test_a_note_marker_raised_after_a_headings_number_is_a_marker(tmp_path: Path) -> None:
    """TPNW/MSP/2025/11, annex III: "Intersessional decision 1" carries its note's marker, a raised
    "1" in small type glued to the decision's number. The marker is not read as "decision 11", and
    the decision is a part of its own."""
    from tests.make_docs import make_pdf

    body = ["The Meeting of States Parties,", "Acting in accordance with rule 45 of its rules of procedure,",
            "1. Decides to hold the third Meeting from 3 to 7 March 2025 at Headquarters;",
            "2. Requests the Secretariat to provide cost estimates for the Meeting."]
    lines = "".join(f"BT /F1 10 Tf 72 {640 - 16 * k} Td ({text}) Tj ET\n" for k, text in enumerate(body))
    content = ("BT /F2 10 Tf 72 700 Td (Decisions adopted in the period between Meetings of States Parties) Tj ET\n"
               "BT /F2 10 Tf 72 670 Td (Intersessional decision 1) Tj /F2 6 Tf 4 Ts (1) Tj 0 Ts ET\n" + lines
               + "BT /F1 8 Tf 72 100 Td (1 Adopted through a silence procedure that expired on 29 July 2024.) Tj ET\n")
    doc = parse_file(make_pdf(tmp_path / "TPNW_MSP_2025_11.pdf", content))
    numbered = [(p.part, p.number) for p in doc.paragraphs if not p.running]
    assert numbered == [("intersessional decision 1", "1"), ("intersessional decision 1", "2")]


def test_a_decisions_own_annexes_stay_inside_it() -> None:
    """TPNW/MSP/2025/11, annex III (shape): intersessional decisions 3 and 5 carry annexes of
    their own ("Annex I" after the report's annex III: the sponsorship programme, lists of
    organizations numbered from 1). They are the decision's annexes, not the report's annex I and
    II again: the later decisions stay in annex III, and the report's annex IV opens after them."""
    lines = [Block("Annex I", bold=True), _line("Declaration of the third Meeting of States Parties."),
             Block("Annex II", bold=True), _line("1. Decides to extend the intersessional structure;", "1"),
             Block("Annex III", bold=True),
             Block("Decisions adopted in the period between Meetings of States Parties", bold=True)]
    for n in "345":
        lines += [Block(f"Intersessional decision {n}", bold=True), _line("The Meeting of States Parties,"),
                  _line("1. Decides to establish a sponsorship programme;", "1"),
                  _line("2. Requests the Office for Disarmament Affairs to operate it.", "2")]
        if n == "3":
            lines += [Block("Annex I", bold=True), _line("The sponsorship programme is financed by voluntary contributions.")]
        if n == "5":
            lines += [Block("Annex I", bold=True), _line("1. Aalem for Orphan and Vulnerable Children.", "1"),
                      _line("2. Acronym Institute for Disarmament Diplomacy.", "2"),
                      Block("Annex II", bold=True), _line("1. Abolition 2000 Global Network.", "1"),
                      _line("2. Action Pour le Développement des Jeunes au Congo.", "2")]
    lines += [Block("Annex IV", bold=True), _line("The Meeting had before it the documents listed below.")]
    paragraphs = assemble([PageText(blocks=lines)])
    assert sorted({p.annex for p in paragraphs}) == ["annex I", "annex II", "annex III", "annex IV"]
    numbered = [(p.annex, p.part, p.number) for p in paragraphs if not p.running and p.annex == "annex III"]
    assert numbered == [("annex III", f"intersessional decision {d}", n) for d in "345" for n in "12"] + [
        ("annex III", "intersessional decision 5, annex I", "1"), ("annex III", "intersessional decision 5, annex I", "2"),
        ("annex III", "intersessional decision 5, annex II", "1"), ("annex III", "intersessional decision 5, annex II", "2")]
    programme = next(p for p in paragraphs if "voluntary contributions" in p.text)
    assert (programme.annex, programme.part) == ("annex III", "intersessional decision 3, annex I")
    assert next(p for p in paragraphs if "documents listed" in p.text).annex == "annex IV"


def test_an_annex_heading_with_its_note_mark_opens_the_annex() -> None:
    """E/AC.51/2025/2, p. 11: "Annex*" (its note says the comments are reproduced as received)
    opens the annex; ECLAC's comments are not the report's last paragraph."""
    def line(text: str, y: float, size: float = 10.08, bold: bool = False, number: str | None = None,
             page: int = 10) -> Block:
        return Block(text, size=size, bold=bold, x=123.6, y=y, page=page, number=number)

    pages = [PageText(blocks=[line("1. The Division implemented the recommendation.", 595.6, number="1"),
                              line("III. Conclusion", 563.7, 13.92, True),
                              line("2. Early evidence of positive outcomes was seen.", 538.7, number="2")],
                      annexes=True),
             PageText(blocks=[line("Annex*", 707.5, 12.0, True, page=11),
                              line("Comments received from the Economic Commission for Latin", 687.9, 12.0, True, page=11),
                              line("America and the Caribbean on the draft report", 674.6, 12.0, True, page=11),
                              line("ECLAC welcomes this comprehensive report.", 649.9, page=11)],
                      annexes=True)]
    paragraphs = assemble(pages)
    assert [(p.annex, p.number) for p in paragraphs] == [("", "1"), ("", "2"), ("annex", "1")]
    assert paragraphs[1].text == "Early evidence of positive outcomes was seen."
    assert paragraphs[2].text == "ECLAC welcomes this comprehensive report."


def test_a_number_only_an_embedded_draft_prints_is_named_where_it_is(tmp_path: Path) -> None:
    """A/52/622 (../shared PDF) numbers paragraphs 1-7; its para. 7 carries the Fourth Committee's
    draft resolution with paragraphs of its own: `rag show A/52/622 9` names where 9 is."""
    import pytest

    from rag.errors import NotFoundError

    with _shared_file_indexed(tmp_path, "A_52_622.en.pdf", "pdf") as session:
        with pytest.raises(NotFoundError, match=r"has no paragraph '9' of its own \(paragraphs 1-7\); para\. 7, "
                                                r"draft resolution, para\. 9 is one of a text it embeds") as raised:
            session.index.show("A/52/622", "9")
        assert raised.value.fix.endswith('"para. 7, draft resolution, para. 9"')
        with pytest.raises(NotFoundError, match=r"has no paragraph '99' \(paragraphs 1-7\)$"):
            session.index.show("A/52/622", "99")


def _sectioned_draft(letters: str = "AB", restart: bool = True) -> list[Block]:
    """A report paragraph introducing a draft resolution in lettered sections, each with a bold
    title, a preamble and operative paragraphs (E/2025/72's shape), then the report's para. 2."""
    lines = [_line("1. The Committee recommends the adoption of the following draft resolution:", "1"),
             Block("The Economic and Social Council,")]
    number = 0
    for letter in letters:
        number = 0 if restart else number
        lines += [Block(letter, bold=True), Block(f"Work of the Committee regarding subject {letter}", bold=True),
                  Block(f"Recognizing the importance of subject {letter},")]
        for verb in ("Expresses its appreciation", "Requests the Secretary-General to publish"):
            number += 1
            lines.append(_line(f"{number}. {verb} for subject {letter};", str(number)))
    return lines + [_line("2. As requested by the Council, the publications were issued.", "2"),
                    _line("3. The Model Regulations were published in all official languages.", "3"),
                    _line("4. Several countries adopted the amendments.", "4")]


def test_a_draft_in_lettered_sections_numbers_each_section_s_paragraphs_from_1() -> None:
    """E/2025/72's draft resolution has sections A, B and C, each numbering its operative
    paragraphs from 1: each section is cited by its letter, its title heads its paragraphs, and the
    report's own paragraph 2 resumes after the last."""
    paragraphs = assemble([PageText(blocks=_sectioned_draft("ABC"))])
    keys = _keys(paragraphs)
    assert [k for k in keys if not k[0]] == [("", "", n) for n in "1234"]
    for letter in "ABC":
        assert [k for k in keys if k[0].endswith(letter)] == \
            [(f"draft resolution, section {letter}", "1", n) for n in "12"]
    b2 = next(p for p in paragraphs if p.part == "draft resolution, section B" and p.number == "2")
    assert b2.text == "Requests the Secretary-General to publish for subject B;"
    assert b2.section.endswith("B. Work of the Committee regarding subject B")
    assert render_citation("E/2025/72", "2", part=b2.part, part_of="1") == \
        "E/2025/72, para. 1, draft resolution, section B, para. 2"


def test_a_lone_letter_or_a_run_that_goes_on_makes_no_sections() -> None:
    """A single lettered section, or letters over one run of numbers (1-4), leave the draft one text."""
    for lines in (_sectioned_draft("A"), _sectioned_draft("AB", restart=False)):
        parts = {p.part for p in assemble([PageText(blocks=lines)]) if p.part}
        assert parts == {"draft resolution"}


def test_a_section_of_a_draft_reads_back_as_cited() -> None:
    from rag.index.paragraphs import section_label
    from rag.search.cited import cited_paragraph

    assert split_cited_part("para. 1, draft resolution, section B, para. 3") == \
        ("3", "draft resolution, section B", "1")
    assert section_label("draft resolution, part c") == "draft resolution, section C"
    assert section_label("draft resolution, sect. B") == "draft resolution, section B"
    assert section_label("report of Working Group II") == "report of Working Group II"
    assert cited_paragraph("What does E/2025/72, para. 1, draft resolution, section C, para. 3 say?") == \
        ("E/2025/72", "para. 1, draft resolution, section C, para. 3")


def test_show_finds_a_draft_s_section_and_names_the_sections_for_a_number_without_one(tmp_path: Path) -> None:
    """E/2025/72 (../shared PDF): sections A, B and C of its draft resolution each have a para. 3."""
    import pytest

    from rag.errors import NotFoundError

    with _shared_file_indexed(tmp_path, "E_2025_72.en.pdf", "pdf") as session:
        shown = session.index.show("E/2025/72", "para. 1, draft resolution, part C, para. 3")
        assert shown.citation == "E/2025/72, para. 1, draft resolution, section C, para. 3"
        assert shown.text.startswith("Requests the Secretary-General to submit to the Economic and Social Council")
        b3 = session.index.show("E/2025/72", "3", part="draft resolution, section B")
        assert "eleventh revised edition of the Globally Harmonized System" in b3.text
        a2 = session.index.show("E/2025/72", "para. 1, draft resolution, section A, para. 2")
        assert "twenty-fourth revised edition" in a2.text and "Commends" not in a2.text
        with pytest.raises(NotFoundError, match=r"numbers its paragraphs by section: para\. 1, draft resolution, "
                                                r"section A, para\. 3; .*section B, para\. 3; .*section C, para\. 3"):
            session.index.show("E/2025/72", "3", part="draft resolution")
        assert session.index.show("E/2025/72", "4").text.startswith("In its resolution 2023/5")


def test_a_draft_s_roman_subsections_inside_a_section_are_cited_by_both(tmp_path: Path) -> None:
    """A/52/613 (../shared PDF): draft resolution III's section B has a subsection for each
    Territory ("I. American Samoa" ... "XII. United States Virgin Islands"), each numbered from 1;
    they were one 3,671-word paragraph 13 of section A."""
    import pytest

    from rag.errors import NotFoundError
    from rag.search.cited import cited_paragraph

    with _shared_file_indexed(tmp_path, "A_52_613.en.pdf", "pdf") as session:
        shown = session.index.show("A/52/613", "para. 31, draft resolution III, section B.X, para. 2")
        assert shown.text.startswith("Also notes Tokelau's desire to move at its own pace")
        assert shown.section.endswith("B. INDIVIDUAL TERRITORIES > X. Tokelau")
        assert session.index.show("A/52/613", "para. 31, draft resolution III, section A, para. 13").text \
            .startswith("Decides to continue the examination of the question of the small Territories")
        assert len(session.index.show("A/52/613", "13", part="draft resolution III, sect. A").text.split()) < 60
        with pytest.raises(NotFoundError, match=r"section B\.I, para\. 2; .*section B\.III, para\. 2"):
            session.index.show("A/52/613", "para. 31, draft resolution III, section B, para. 2")
        preamble = session.index.show("A/52/613", "para. 31, draft resolution III, section B.X, ¶ 2")
        assert preamble.text.startswith("Recalling the solemn declaration")
    assert cited_paragraph("What does A/52/613, para. 31, draft resolution III, section B.X, para. 2 say?") == \
        ("A/52/613", "para. 31, draft resolution III, section B.X, para. 2")
    assert cited_paragraph("What does A/52/613, para. 31, draft resolution III, sect. B.X, ¶ 2 say?") == \
        ("A/52/613", "para. 31, draft resolution III, sect. B.X, ¶ 2")


def test_a_draft_in_roman_subsections_alone_cites_each_by_its_numeral() -> None:
    """A draft whose roman headings ("I. American Samoa", "II. Anguilla") each number their
    paragraphs from 1, with no lettered sections: "section II"."""
    lines = [_line("1. The Committee recommends the adoption of the following draft resolution:", "1"),
             Block("The General Assembly,")]
    for numeral, territory in (("I", "American Samoa"), ("II", "Anguilla")):
        lines += [Block(f"{numeral}. {territory}"), Block(f"Noting the situation in {territory},"),
                  _line(f"1. Requests the administering Power to assist {territory};", "1"),
                  _line(f"2. Calls upon all States to support {territory};", "2")]
    lines += [_line(f"{n}. The Committee adopted the draft resolution.", str(n)) for n in (2, 3, 4)]
    keys = _keys(assemble([PageText(blocks=lines)]))
    assert [k for k in keys if k[0] == "draft resolution, section II"] == \
        [("draft resolution, section II", "1", "1"), ("draft resolution, section II", "1", "2")]
    assert [k for k in keys if not k[0]] == [("", "", n) for n in "1234"]


# E/2025/70, para. 2: the report's paragraph that brings its Group's decisions to the Council.
_BROUGHT = [_line("2. The following decisions adopted by the Group of Experts are brought to the", "2"),
            _line("attention of the Council:")]


def test_decisions_headed_by_a_year_and_closed_by_their_adoption_line_are_each_a_part() -> None:
    """E/2025/70 (shape): paragraph 2 brings decisions 2025/1 and 2025/2 to the Council's
    attention; each closes with an italic "Adopted under agenda item ..." line, not a sentence."""
    lines = [
        *_BROUGHT,
        Block("Decision 2025/1", bold=True),
        _line("Advancing geographical names standardization"),
        _line("The Group of Experts:"),
        _line("(a) Welcomed the theme of its 2025 session;"),
        _line("(b) Encouraged Member States to report on further developments."),
        Block("Adopted under agenda items 3, 4, 6 and 8", italic=True),
        Block("Decision 2025/2", bold=True),
        _line("Work of the Group of Experts since the 2023 session"),
        _line("The Group of Experts:"),
        _line("(a) Took note of the report of the Chair;"),
    ]
    parts = [p.part for p in assemble([PageText(blocks=lines)]) if p.part]
    assert list(dict.fromkeys(parts)) == ["decision 2025/1", "decision 2025/2"]


def test_a_decision_s_lettered_items_are_cited_by_their_letters() -> None:
    """E/2025/70, decision 2025/2: a text that numbers no paragraph is cited by its items'
    letters, a roman sub-item under its letter; its other blocks are counted from 1."""
    lines = [
        *_BROUGHT,
        Block("Decision 2025/2", bold=True),
        _line("The Group of Experts:"),
        _line("(a) Took note of the report of the Chair;"),
        _line("(b) Decided to request a legal opinion on the following questions:"),
        _line("(i) Is it in line with the rules of procedure of the Council?"),
        _line("(ii) What is the legal status of the decisions?"),
        _line("(c) Renewed the call expressed in its decision 3/2023/2."),
    ]
    items = [(p.number, p.running) for p in assemble([PageText(blocks=lines)]) if p.part]
    assert items == [("1", True), ("(a)", False), ("(b)", False), ("(b)(i)", False), ("(b)(ii)", False),
                     ("(c)", False)]
    assert render_citation("E/2025/70", "(b)(i)", part="decision 2025/2", part_of="2") == \
        "E/2025/70, para. 2, decision 2025/2, para. (b)(i)"


def test_letters_stay_running_counts_where_they_would_not_name_one_item() -> None:
    """A letter that comes twice, a roman item under no letter, or a numbered paragraph in the
    text: the running count stays."""
    from rag.ingest.parts import letter_items
    from rag.models import Paragraph

    def run(*texts: str, numbered: bool = False) -> list[str]:
        paragraphs = [Paragraph(str(k), t, running=not (numbered and k == 1)) for k, t in enumerate(texts, 1)]
        letter_items(paragraphs)
        return [p.number for p in paragraphs]

    assert run("(a) One;", "(b) Two;", "(a) One again.") == ["1", "2", "3"]
    assert run("(i) One;", "(ii) Two.") == ["1", "2"]
    assert run("Decides:", "(a) One;", "(b) Two.", numbered=True) == ["1", "2", "3"]
    assert run("(h) Eighth;", "(i) Ninth;", "(j) Tenth.") == ["(h)", "(i)", "(j)"]
    # "(i)" after "(h)" opens (h)'s sub-items where "(ii)" comes next (found in review)
    assert run("(h) Eighth:", "(i) one;", "(ii) two;", "(i) Ninth;", "(j) Tenth.") == \
        ["(h)", "(h)(i)", "(h)(ii)", "(i)", "(j)"]


def test_a_lettered_item_reads_back_as_cited() -> None:
    assert split_cited_part("para. 2, decision 2025/2, para. (b) (i)") == ("(b)(i)", "decision 2025/2", "2")
    assert split_cited_part("decision 2025/8, para. (f)") == ("(f)", "decision 2025/8", None)
    assert split_cited_part("decision 2025/8, para. (F)") == ("(f)", "decision 2025/8", None)


def test_show_reads_a_decision_s_lettered_item_as_cited(tmp_path: Path) -> None:
    """`rag show E/2025/70 "para. 2, decision 2025/8, para. (f)"`: the item on the workshop in
    Santiago, not the lead-in of paragraph 2."""
    with _shared_file_indexed(tmp_path, "E_2025_70.en.pdf", form="pdf") as session:
        shown = session.index.show("E/2025/70", "para. 2, decision 2025/8, para. (f)")
        assert shown.citation == "E/2025/70, para. 2, decision 2025/8, para. (f)"
        assert "Santiago" in shown.text
        assert "Took note" in session.index.show("E/2025/70", "para. 2, decision 2025/2, para. (a)").text
