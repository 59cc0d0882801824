"""Plain text that keeps a printed UN document's layout (pdftotext output): pages, printed page
numbers, annexes, footnotes and the document's own numbering, as from the PDF."""

from __future__ import annotations

from pathlib import Path


from rag.ingest import parse_file
from rag.ingest.layout_text import looks_laid_out
from tests.conftest import shared_path

FIXTURE = Path(__file__).parent / "fixtures" / "A_99_100_layout.txt"


def _cited(doc) -> dict[str, object]:
    """Numbered paragraphs by "annex number" (the first, where a later enclosure reuses a label)."""
    out: dict[str, object] = {}
    for p in doc.paragraphs:
        if not p.running:
            out.setdefault(f"{p.annex} {p.number}".strip(), p)
    return out


def test_pages_annex_footnotes_and_numbering_from_laid_out_text() -> None:
    doc = parse_file(FIXTURE)
    assert doc.symbol == "A/99/100" and doc.pages == 3
    paras = _cited(doc)
    # the agenda items 1-3 inside paragraph 3 do not displace the report's own paragraphs 1-4
    assert list(paras) == ["1", "2", "3", "4", "annex 1", "annex 2"]
    assert paras["1"].text.startswith("At its 1st meeting, on 1 December 2098")  # "1" kept: not a marker
    assert [(f.marker, f.text) for f in paras["1"].footnotes] == [
        ("1", "The officials were the Director of the Office and the Chair of the Board.")]
    assert paras["1"].section == "I. Introduction" and paras["4"].section == "II. Agenda"
    assert "Opening of the meeting." in paras["3"].text
    # printed page numbers, from the footers; the running symbol and footers are not text
    assert [paras[k].page for k in ("1", "2", "3", "4", "annex 1")] == ["1", "1", "2", "2", "3"]
    assert all("A/99/100" not in p.text and "99-00001" not in p.text for p in paras.values())
    # the cover masthead ("United Nations A/99/100", "Distr.: General", the date) is not text
    assert [p.text[:26] for p in doc.paragraphs if p.running] == ["The present report covers "]
    # the table of contents is dropped, and its "Annex" entry does not open the annex
    assert not any(". . ." in p.text for p in doc.paragraphs)
    assert paras["annex 1"].annex == "annex" and paras["annex 1"].text.startswith("The Chair thanked")


def test_plain_text_without_layout_is_read_as_flat_text(tmp_path: Path) -> None:
    assert not looks_laid_out("1. One paragraph.\n\n2. Another one.\n")
    f = tmp_path / "note.txt"
    f.write_text("A/1/2\n\n1. First paragraph of the note.\n\n2. Second paragraph of the note.\n")
    doc = parse_file(f)
    assert [p.number for p in doc.paragraphs if not p.running] == ["1", "2"]


def test_un_corpus_text_matches_its_pdf() -> None:
    """The plain-text conversion of a real report parses like its PDF: body, annex I, pages."""
    root = shared_path("data", "un_corpus")
    txt = parse_file(root / "txt" / "TPNW_MSP_2025_11.txt")
    pdf = parse_file(root / "pdf" / "TPNW_MSP_2025_11.en.pdf")
    assert txt.pages == pdf.pages == 27
    for key in ("1", "21", "annex I 1", "annex I 21"):
        t, p = _cited(txt)[key], _cited(pdf)[key]
        assert t.text[:60] == p.text[:60], key
        assert t.page == p.page, key
    assert _cited(txt)["1"].text.startswith("At its 10th plenary meeting, on 1 December 2023")


def test_flat_text_pages_headings_markers_and_no_annex(tmp_path: Path) -> None:
    """Flat text: form feeds are pages, "2/3" footers give printed pages, a paragraph crossing a
    page spans both, numbers inside a line open paragraphs, a glued marker is linked, and
    "Annex" is a heading that opens no annex (it cannot be told from a contents entry)."""
    f = tmp_path / "A_70_10.txt"
    f.write_text("A/70/10\n\nI. Introduction\n\n1. First paragraph of the paged text, which runs on.\n\n"
                 "2. Second paragraph, citing a report.3\n\n2/3\n\f15-12345\n\n"
                 "3. Third paragraph, which runs from one page\n\n3/4\n\fonto the next page.\n\nAnnex\n\n"
                 "4. Fourth paragraph, in the annex. 5. Fifth paragraph.\n\n4/4\n")
    doc = parse_file(f)
    assert (doc.symbol, doc.pages) == ("A/70/10", 3)
    got = [(p.number, p.annex, p.page, p.section) for p in doc.paragraphs]
    assert got == [("1", "", "2", "I. Introduction"), ("2", "", "2", "I. Introduction"),
                   ("3", "", "3-4", "I. Introduction"), ("4", "", "4", "I. Introduction > Annex"),
                   ("5", "", "4", "I. Introduction > Annex")]
    assert doc.paragraphs[1].text == "Second paragraph, citing a report."
    assert [f.marker for f in doc.paragraphs[1].footnotes] == ["3"]
    assert doc.paragraphs[2].text == "Third paragraph, which runs from one page onto the next page."
    assert not any(p.running for p in doc.paragraphs)


def test_markdown_without_numbers_gives_running_paragraphs_under_headings(tmp_path: Path) -> None:
    f = tmp_path / "guide.md"
    f.write_text("# Guide to the thing\n\nSome intro text that explains things. It goes on.\n\n"
                 "## Part two\nText right under the heading.\n\nAnother paragraph here, with a note.3 And more.\n")
    doc = parse_file(f)
    assert doc.symbol == "guide.md" and doc.symbols == []
    assert [(p.number, p.running, p.section) for p in doc.paragraphs] == [
        ("1", True, "Guide to the thing"), ("2", True, "Part two"), ("3", True, "Part two")]
    assert doc.paragraphs[2].text == "Another paragraph here, with a note. And more."


def test_typewritten_notes_at_a_page_foot_are_footnotes_in_laid_out_text() -> None:
    """A/50/610 (1995), the text of pages 1-6: "2/" marks a note in the text and opens its
    body at the foot of the page, under blank lines."""
    doc = parse_file(Path(__file__).parent / "fixtures" / "A_50_610_typed_notes.txt")
    assert doc.symbol == "A/50/610"
    eighth = next(p for p in doc.paragraphs if p.number == "8" and not p.running)
    assert "Statements in explanation of vote" not in eighth.text and "2/" not in eighth.text
    assert "Romania, Russian Federation, Slovakia" in eighth.text  # the list runs on over the page
    assert [(f.marker, f.text) for f in eighth.footnotes] == [
        ("2", "Statements in explanation of vote were made by the representatives of Mexico, the Libyan Arab "
              "Jamahiriya and Oman.")]


def test_a_line_opening_with_a_number_and_slash_above_numbered_paragraphs_is_text() -> None:
    from rag.ingest.layout_text import _line_kinds

    page = ["1. The Committee met.", "", "", "1/ Estimated.", "", "2. It adopted 1/ the text.", "3. It closed."]
    assert "footnote" not in _line_kinds(page, "A/99/1", {"1"})
    foot = ["1. The Committee met 1/ twice.", "2. It closed.", "", "", "1/ Estimated.", "in March."]
    assert _line_kinds(foot, "A/99/1", {"1"})[-2:] == ["footnote", "footnote"]


LAID_OUT = """United Nations S/2099/97
Security Council Distr.: General
14 February 2099

Original: English


Report of the Secretary-General


1. The present report covers the activities of the Mission from 1 October 2098.


99-01946 (E) 170299

*9901946*

S/2099/97

2. The Mission continued to support the Government in extending State authority.


2/4 99-01946


3. The Mission delivered supplies to peacekeepers by airlift to field locations.


99-01946 3/4


S/2099/97

Annex

Figure I
Security incidents affecting Mission personnel

120


100


1 900


0


Armed conflict Crime Civil unrest

Source: Mission Department of Safety and Security.

* * *


4/4 99-01946
"""


def test_a_page_without_its_running_symbol_and_a_figures_numbers_are_not_text(tmp_path: Path) -> None:
    """Real pages of pdftotext output (S/2025/97, A/80/38): a page that does not open with the
    running symbol still ends at its footer (whose job number and page are not text), and a
    figure's axis numbers or a row of asterisks are no paragraphs to cite."""
    path = tmp_path / "S_2099_97.txt"
    path.write_text(LAID_OUT)
    doc = parse_file(path)
    paras = _cited(doc)
    assert [paras[k].page for k in ("1", "2", "3")] == ["1", "2", "3"]
    assert all("99-01946" not in p.text for p in doc.paragraphs)
    assert all(any(ch.isalpha() for ch in p.text) for p in doc.paragraphs), [p.text for p in doc.paragraphs]
    annex = [p.text for p in doc.paragraphs if p.annex]
    assert annex[-1] == "Source: Mission Department of Safety and Security."


COVER = """United Nations DP/2099/10
Executive Board of the Distr.: General
United Nations Development 24 March 2099
Original: English
Programme, the United Nations
Population Fund and the
United Nations Office for
Project Services
Annual session 2099
2 to 5 June 2099, New York
Item 3 of the provisional agenda
Internal audit and investigations


UNDP: Annual report of the Office of Audit and Investigations on
internal audit and investigation activities in 2098

Summary
The Office issued 108 audit reports and opened 434 new investigations, the highest ever.


99-04603 (E) 280399

*9904603*

DP/2099/10

1. The Office of Audit and Investigations submits its annual report for 2098.

2. The Office conducted audits in 170 countries and territories.


2/3 99-04603


DP/2099/10

3. The Office closed 419 cases.


99-04603 3/3
"""


def test_a_cover_masthead_interleaved_with_the_organ_is_not_text(tmp_path: Path) -> None:
    """pdftotext runs a cover's two columns together (DP/2025/10: "Executive Board of the Distr.:
    General United Nations Development 24 March 2025 ..." down to the agenda item's title): that
    block is masthead, not a citable "p. 1, ¶ 1"; the title and the summary stay."""
    path = tmp_path / "DP_2099_10.txt"
    path.write_text(COVER)
    doc = parse_file(path)
    running = [p.text for p in doc.paragraphs if p.running]
    assert running[0].startswith("UNDP: Annual report of the Office"), running
    assert not any("Distr." in t or "provisional agenda" in t for t in running)
    assert "Summary" in running[1] or running[1].startswith("The Office issued")
    assert _cited(doc)["1"].text.startswith("The Office of Audit and Investigations submits")


RECORDS = """A/89/38


United Nations


Report of the Committee on the Elimination of
Discrimination against Women
Eighty-eighth session
(13–31 May 2088)

General Assembly
Official Records
Eighty-ninth Session
Supplement No. 38


A/89/38


General Assembly A/89/38
Official Records
Eighty-ninth Session
Supplement No. 38


Report of the Committee on the Elimination
of Discrimination against Women
Eighty-eighth session
(13–31 May 2088)


99-05091 2/5


A/89/38

Contents
Chapter Page

Letter of transmittal . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . 4
Part One
Report of the Committee on the Elimination of Discrimination against Women on its
eighty-eighth session . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . 5
I. Decisions adopted by the Committee . . . . . . . . . . . . . . . . . . . . . . . . . . 5
II. Organizational matters . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . 5
A. Action taken by the Committee in respect of issues arising under article 2 of the
Optional Protocol . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . 5
VII. Implementation of article 21 of the Convention . . . . . . . . . . . . . . . . . . .
16
Annex
Documents before the Committee at its eighty-eighth session . . . . . . . . . . . . . . 5


99-05091 3/5


A/89/38

1. The Committee held its eighty-eighth session in Geneva from 13 to 31 May 2088.

2. The Committee adopted five decisions at the session.


4/5 99-05091


A/89/38

3. The Committee adopted its report on 31 May 2088.


99-05091 5/5
"""


def test_an_official_records_cover_and_a_contents_page_are_not_text(tmp_path: Path) -> None:
    """A/80/38 as pdftotext gives it (shortened): the inside cover ("General Assembly Official
    Records Eightieth Session Supplement No. 38") and the contents page, its wrapped entries, its
    column heads and a page number on a line of its own, are no paragraphs; the text is."""
    path = tmp_path / "A_89_38.txt"
    path.write_text(RECORDS)
    doc = parse_file(path)
    running = [p.text for p in doc.paragraphs if p.running]
    assert not any("Official Records" in t or "Contents" in t or "Optional Protocol" in t or t == "16"
                   or "Part One" in t for t in running), running
    assert all(not p.section or "article 2 of the" not in p.section for p in doc.paragraphs)
    assert [p.number for p in doc.paragraphs if not p.running] == ["1", "2", "3"]


NOTES_WITHOUT_RULE = """A/HRC/EMRIP/2099/3


4. The Declaration establishes a comprehensive legal framework, including the right to
determine how their lands should be developed.2 Article 23 specifically states that Indigenous
Peoples have the right to determine priorities.
5. Article 20 affirms that Indigenous Peoples possess distinct economic systems rooted in
traditional knowledge and the right to develop them in accordance with their aspirations. 3
When deprived of their means of subsistence, they are entitled to just and fair redress.
6. Article 25 affirms the right of Indigenous Peoples to maintain their spiritual relationships.


2 See https://quakerservice.ca/backgrounder-on-self-determination-and-
FPIC.pdf.
3 See the concept note of the panel discussion on fishing practices.


2 GE.99-06441


A/HRC/EMRIP/2099/3

7. The Expert Mechanism held a seminar on traditional economies in 2098.

8. It thanks the University for its support.


GE.99-06441 3
"""


def test_notes_at_a_page_foot_without_a_rule_are_footnotes(tmp_path: Path) -> None:
    """A/HRC/EMRIP/2025/3 (shortened): pdftotext gives its notes under two blank lines with no
    rule above them; the text marks them ("developed.2", "aspirations. 3"). They are the
    paragraphs' footnotes, not the end of paragraph 6."""
    path = tmp_path / "A_HRC_EMRIP_2099_3.txt"
    path.write_text(NOTES_WITHOUT_RULE)
    paras = _cited(parse_file(path))
    assert [(f.marker, f.text[:24]) for f in paras["4"].footnotes] == [("2", "See https://quakerservic")]
    assert [f.marker for f in paras["5"].footnotes] == ["3"]
    assert paras["6"].text.endswith("spiritual relationships.")
    assert "aspirations. When deprived" in paras["5"].text


FIGURE_PAGE = """S/2099/154


27. UNDOF restored 282 barrels along the ceasefire line and 153 barrels along the Bravo line
(see figure I).

Figure I
Number of barrels restored, repainted and refurbished along the ceasefire line and the Bravo line

300 282 282 282 285 285 285


250


153 153 153 153
150


0


Alpha line (ceasefire line) Bravo line Total

Source: UNDOF.

Table 2. Patrols, by month
October 1 149
28. The restrictions on access through the technical fence gate have slowed the
reconstruction of observation post 52.


99-04516 5/9


S/2099/154

29. UNDOF operations continued.


99-04516 6/9
"""


def test_a_figures_numbers_and_legend_are_not_the_paragraph_before(tmp_path: Path) -> None:
    """S/2025/154 (shortened): pdftotext gives figure I's axis numbers and legend as lines after
    its caption; they no longer end paragraph 27. The figure's source and a table's caption after
    it stay."""
    path = tmp_path / "S_2099_154.txt"
    path.write_text(FIGURE_PAGE)
    paras = _cited(parse_file(path))
    text = paras["27"].text
    assert "282 282" not in text and "Alpha line" not in text and "153 153" not in text, text
    assert "Source: UNDOF." in text and "Table 2. Patrols, by month" in text
    assert paras["28"].text.startswith("The restrictions on access")


DECIMAL_PAGE = """DP/2099/10

1. The Office of Audit and Investigations reports on its work in 2024.


99-04764 3/9

DP/2099/10

2. In 2024, the Office underspent its allocated budget by $2.02 million, owing to vacancies.1 From its
approved budget of $23.75 million, the Office spent $21.73 million.
3. In 2024, the average vacancy rate was 1.1 per cent (against a target of 7 per cent).2 The average time
that staff positions remained vacant was 4.1 months.


1 Average vacancy rate is equal to total vacant posts not filled (13) divided by total posts (95).
2 Vacancy rate is measured by the average vacancy duration of all vacant posts.

4/9 99-04764
"""


def test_the_decimals_of_a_figure_are_no_note_marker(tmp_path: Path) -> None:
    """DP/2025/10 (shortened): the page has notes 1 and 2, so "$2.02 million" read as "$2." with
    note "02"; a number after a decimal point or a thousands comma is the figure's, a number after
    a sentence's full stop still its note's."""
    path = tmp_path / "DP_2099_10.txt"
    path.write_text(DECIMAL_PAGE)
    paras = _cited(parse_file(path))
    assert "by $2.02 million, owing to vacancies. From" in paras["2"].text
    assert "rate was 1.1 per cent" in paras["3"].text and "vacant was 4.1 months" in paras["3"].text
    assert [f.marker for f in paras["2"].footnotes] == ["1"] and [f.marker for f in paras["3"].footnotes] == ["2"]
    assert paras["3"].footnotes[0].text.startswith("Vacancy rate is measured")


YEAR_MARKER_PAGE = """DP/2099/10

34. The Office of Audit and Investigations reports on its work in 2024.


99-04764 3/9

DP/2099/10

35. The implementation rate of recommendations issued from 7 September 20224 to 31 December
2024 was 85.9 per cent as of 31 December 2024.
36. Two recommendations had not been implemented for more than 18 months as of 31 December 20246
(see details in annex II). The budget line 20245 is unrelated.


4 Based on the audit report issue date with the oldest open recommendation.
6 Compared to two long-outstanding audit recommendations as of 31 December 2023.

4/9 99-04764
"""


def test_a_note_marker_glued_to_a_year_is_a_marker(tmp_path: Path) -> None:
    """DP/2025/10, paras. 35-36 (shortened): the notes' numbers run into the years before them
    ("September 20224", "31 December 20246"); a number that no note of the page carries stays."""
    path = tmp_path / "DP_2099_10.txt"
    path.write_text(YEAR_MARKER_PAGE)
    paras = _cited(parse_file(path))
    assert "from 7 September 2022 to 31 December 2024" in paras["35"].text
    assert "as of 31 December 2024 (see details in annex II). The budget line 20245 is" in paras["36"].text
    assert [f.marker for f in paras["35"].footnotes] == ["4"] and [f.marker for f in paras["36"].footnotes] == ["6"]


BOXED_PAGE = """JIU/REP/2099/2

1. The review covered the policies of the participating organizations.


99-10679 4/9

JIU/REP/2099/2

2. The following recommendation is intended to ensure PSEA is comprehensively covered in the
accountability frameworks of participating organizations.


Recommendation 1
Executive heads of United Nations system organizations should, by the
end of 2027, review their respective policies.


3. Victims and witnesses of SEA face significant risks of retaliation.


99-10679 5/9
"""


def test_a_boxed_recommendation_in_laid_out_text_is_its_own_unit(tmp_path: Path) -> None:
    """JIU/REP/2025/2 (shortened): the box between paras. 2 and 3 ran into para. 2, as in the PDF
    it was a heading; it is `recommendation 1` in both."""
    path = tmp_path / "JIU_REP_2099_2.txt"
    path.write_text(BOXED_PAGE)
    paras = parse_file(path).paragraphs
    assert [(p.part, p.number) for p in paras] == [("", "1"), ("", "2"), ("recommendation", "1"), ("", "3")]
    assert paras[1].text.endswith("participating organizations.")
    assert paras[2].text.startswith("Recommendation 1 Executive heads") and paras[2].text.endswith("policies.")
