"""Page furniture never becomes a paragraph: cover-page masthead, contents entries, job numbers."""

from __future__ import annotations

from rag.ingest.assemble import assemble
from rag.ingest.blocks import Block, PageText
from rag.ingest.patterns import FURNITURE_LINE, JOB_LINE, MASTHEAD_BLOCK, notes_heading
from rag.ingest.pdf import FIGURE_CAPTION, _classify, _contents_lines, _Line


def _page(lines: list[tuple[str, float, bool]]) -> PageText:
    """Blocks of one page from (text, size, bold), laid out top-down at the left edge."""
    return PageText(blocks=[Block(t, size=size, bold=bold, x=60.0, y=700.0 - 12 * i)
                            for i, (t, size, bold) in enumerate(lines)])


def test_the_cover_masthead_of_a_note_is_not_text() -> None:
    """E/2025/73, page 1 (the lines as the PDF gives them): before the numbered text only the
    transmittal sentence is text."""
    page = _page([
        ("Economic and Social Council Distr.: General", 19.9, True),
        ("29 May 2025", 10.1, False),
        ("Original: English", 10.1, False),
        ("2025 session", 10.1, True),
        ("25 July 2024–30 July 2025", 10.1, False),
        ("Agenda item 13 (h)", 10.1, False),
        ("Coordination, programme and other questions:", 10.1, True),
        ("Joint United Nations Programme on HIV/AIDS", 13.9, True),
        ("Note by the Secretary-General", 12.0, True),
        ("The Secretary-General has the honour to transmit to the Economic and Social", 10.1, False),
        ("Council the report of the Executive Director of the Joint United Nations Programme", 10.1, False),
        ("on HIV/AIDS, prepared pursuant to Council resolution 2023/30.", 10.1, False),
        ("1. The Joint United Nations Programme on HIV/AIDS (UNAIDS) was established in 1996.", 10.1, False),
        ("2. Since the previous report, the number of new infections has fallen.", 10.1, False),
    ])
    for b in page.blocks[-2:]:
        b.number = b.text[0]
    paragraphs = assemble([page])
    running = [p.text for p in paragraphs if p.running]
    assert len(running) == 1 and running[0].startswith("The Secretary-General has the honour")
    assert [p.number for p in paragraphs if not p.running] == ["1", "2"]


def test_who_submitted_prepared_or_reports_a_document_is_its_text() -> None:
    """E/2025/L.9, A/AC.182/2025/L.2 and JIU/REP/2025/2, page 1 (the lines as the PDFs give them):
    the line saying who submitted a draft, who is the rapporteur or who prepared a report was
    dropped with the masthead, so "Who submitted the draft resolution?" had nothing to cite."""
    draft = _page([
        ("Economic and Social Council Distr.: Limited", 19.9, True),
        ("2025 session", 10.0, True),
        ("Agenda item 19 (a)", 10.0, False),
        ("Economic and environmental questions: sustainable development", 10.0, True),
        ("Draft resolution submitted by the Vice-President of the Council, Lok Bahadur", 10.0, True),
        ("Thapa (Nepal), on the basis of informal consultations", 10.0, True),
        ("Report of the Committee for Development Policy on its twenty-seventh session", 12.0, True),
        ("The Economic and Social Council,", 10.0, False),
        ("1. Takes note of the report of the Committee for Development Policy;", 10.0, False),
        ("2. Decides to consider the question at its 2026 session.", 10.0, False),
    ])
    draft.blocks[-2].number, draft.blocks[-1].number = "1", "2"
    running = [p for p in assemble([draft]) if p.running]
    assert running[0].text == ("Draft resolution submitted by the Vice-President of the Council, Lok Bahadur Thapa "
                               "(Nepal), on the basis of informal consultations")
    assert not any("Report of the Committee" in p.text for p in running)  # the title under it stays out
    report = _page([
        ("General Assembly Distr.: Limited", 19.9, True),
        ("Special Committee on the Charter of the United Nations", 10.0, True),
        ("Draft report", 14.0, True),
        ("Rapporteur: Ms. Eliza Grisle (Latvia)", 10.0, False),
        ("II. Maintenance of international peace and security", 14.0, True),
        ("1. The Special Committee considered the item at its 2nd meeting.", 10.0, False),
        ("2. The Special Committee adopted its report.", 10.0, False),
    ])
    report.blocks[-2].number, report.blocks[-1].number = "1", "2"
    assert [p.text for p in assemble([report]) if p.running] == ["Rapporteur: Ms. Eliza Grisle (Latvia)"]
    cover = _page([("Report of the Joint Inspection Unit", 14.0, True),
                   ("Prepared by Eileen A. Cronin and Conrod Hunte", 12.0, True),
                   ("I. Introduction", 14.0, True),
                   ("1. A review of policies and practices was included in the programme of work.", 10.0, False),
                   ("2. The objectives of the review were fivefold.", 10.0, False)])
    cover.blocks[-2].number, cover.blocks[-1].number = "1", "2"
    assert [p.text for p in assemble([cover]) if p.running] == ["Prepared by Eileen A. Cronin and Conrod Hunte"]


def test_masthead_lines_and_blocks() -> None:
    for line in ("Distr.: General", "ORIGINAL: ENGLISH/FRENCH", "New York, 10–21 March 2025",
                 "27 to 31 January 2025, New York", "Forty-seventh session", "First regular session 2025",
                 "Item 3 (c) of the provisional agenda*", "Agenda items 89 and 18", "Distr.\nGENERAL",
                 "Note: The present document was processed in its entirety by UNFPA."):
        assert MASTHEAD_BLOCK.fullmatch(line), line
    for line in ("Report of the Secretary-General", "The Committee met on 3 May 2025.", "Question of Gibraltar",
                 "The General Assembly,"):
        assert not MASTHEAD_BLOCK.fullmatch(line), line


def test_job_numbers_are_furniture_wherever_they_stand() -> None:
    # A/47/466, page 1: the continuation mark before the job number ("3565i": the scan's "3565f")
    for line in ("25-04603 (E) 280325", "25-00745X (E) 200125", "*2500745*", "95-37106 (E) 011295 /...",
                 "/ ... 92-45958 3565i (E) 201092 221092"):
        assert JOB_LINE.match(line), line
    assert not JOB_LINE.match("2025-2030 strategic plan")


def test_contents_entries_with_dot_leaders_and_their_wrapped_first_lines() -> None:
    """A/80/39, page 5: a wrapped contents entry ends in leaders on its second line."""
    blocks = [Block(t, number=n) for t, n in [
        ("C. Discussion ................................ ............................... 12", None),
        ("III. Thematic discussion: “Accelerating the 2030 Agenda for Sustainable Development:", None),
        ("South-South cooperation as a driver for transformation”............................... 15", None),
        ("1. The High-level Committee adopted the following decisions.", "1"),
    ]]
    _contents_lines(blocks)
    assert [b.kind for b in blocks] == ["furniture", "furniture", "furniture", "body"]


def test_contents_entries_with_short_or_ellipsis_leaders() -> None:
    """A/80/38, page 5 (an entry filling its line leaves five dots) and DP/2025/20, page 1
    (leaders typed as ellipses)."""
    blocks = [Block(t) for t in (
        "IV. Consideration of reports submitted by States Parties under article 18 of the Convention..... 44",
        "Statement by the UNFPA Executive Director………………………………………………………….16",
        "The Committee noted the report.",
        "The meeting was adjourned....",
    )]
    _contents_lines(blocks)
    assert [b.kind for b in blocks] == ["furniture", "furniture", "body", "body"]


def test_a_scan_s_stamp_after_a_continuation_mark_is_furniture() -> None:
    """Found by a new user: A/47/466 (a 1992 scan) printed "Digitized by Dag Hammarskjöld Library"
    inside paras. 4 and 21, read on one line with the page's continuation mark "/..." (OCR: "/ ., .")."""
    for line in ("Digitized by Dag Hammarskjöld Library", "/ ... Digitized by Dag Hammarskjöld Library",
                 "/ ., . Digitized by Dag Hammarskjöld Library"):
        assert FURNITURE_LINE.match(line), line
    assert not FURNITURE_LINE.match("The Dag Hammarskjöld Library digitized 11,700 documents.")
    assert not FURNITURE_LINE.match("Records were Digitized by Dag Hammarskjöld Library staff in 2024.")


def test_an_issn_and_a_bracketed_transmittal_date_are_masthead() -> None:
    for line in ("ISSN 0255-0970", "ISSN 1020-170X", "[28 March 2025]"):
        assert MASTHEAD_BLOCK.fullmatch(line), line
    assert not MASTHEAD_BLOCK.fullmatch("[The Committee decided to defer the item.]")


def test_an_issn_and_a_transmittal_date_are_furniture_wherever_they_stand() -> None:
    # A/80/38, pages 4 and 5: the Official Records' ISSN at the foot of the note on symbols, the
    # date of transmittal alone at the top of the contents (a report in parts has no preamble there).
    issn = _classify([_Line("ISSN 0255-0970", 124.0, 113.0, 10.0, False, 4, False)], 842.0, 10.0)
    date = _classify([_Line("[28 March 2025]", 480.0, 682.0, 10.0, False, 5, False)], 842.0, 10.0)
    assert [b.kind for b in issn + date] == ["furniture", "furniture"]
    assert not FURNITURE_LINE.match("[The Committee decided to defer the item to 28 March 2025.]")


def test_a_title_between_a_signature_and_the_next_text_ends_the_signature_block() -> None:
    """A/80/38, pages 7-9 (the lines and positions as the PDF gives them): the letter of
    transmittal ends in a signature; the next page is the bold part title, then the unnumbered
    decisions start lower on their page. The signature must not run into the first decision."""
    def block(text: str, page: int, y: float, x: float = 124.0, size: float = 10.0, bold: bool = False) -> Block:
        return Block(text, size=size, bold=bold, x=x, y=y, page=page)

    pages = [
        PageText(blocks=[
            block("I have the honour to refer to article 21 of the Convention on the Elimination of", 1, 579, 147),
            block("All Forms of Discrimination against Women, and to transmit the reports of its sessions.", 1, 567),
            block("(Signed) Nahla Haidar El Addal", 1, 200, 300),
            block("Chair", 1, 188, 300)]),
        PageText(blocks=[
            block("Part One", 2, 704, 60, 14.0, True),
            block("Report of the Committee on the Elimination of Discrimination against Women", 2, 689, 123, 14.0, True)]),
        PageText(blocks=[
            block("Decisions adopted by the Committee", 3, 650, 123, 12.0, True),
            block("The Committee adopted a statement calling for peace between the Russian Federation", 3, 150, 147),
            block("and Ukraine (available at www.ohchr.org/en/treaty-bodies/cedaw).", 3, 138),
            block("1. As at 31 May 2024, the closing date of the session, there were 189 States parties.", 3, 100, 147),
            block("2. As at the same date, there were 115 States parties to the Optional Protocol.", 3, 76, 147)]),
    ]
    pages[-1].blocks[-2].number, pages[-1].blocks[-1].number = "1", "2"
    running = [p.text for p in assemble(pages) if p.running]
    assert running[-1].startswith("The Committee adopted a statement")
    assert not any("(Signed)" in t and "statement" in t for t in running)


def test_a_list_of_annexes_before_the_text_opens_no_annex() -> None:
    """DP/FPA/2025/6, pages 4-5 (the lines as the PDF gives them): the summary lists the annexes
    under a bold "Annexes"; the report's numbered text that follows is its body, not an annex."""
    def b(text: str, y: float, page: int, size: float = 10.0, bold: bool = False) -> Block:
        return Block(text, size=size, bold=bold, x=72.0, y=y, page=page)

    pages = [
        PageText(blocks=[b("The Executive Board may wish to take note of the present report.", 700, 3),
                         b("Annexes", 660, 3, bold=True),
                         b("1. The OAIS charter", 640, 3),
                         b("2. Basis of the 2024 OAIS opinion on the UNFPA governance", 628, 3)], annexes=True),
        PageText(blocks=[b("I. Introduction", 700, 4, 12.0, True),
                         b("1. This report provides the Executive Board with a summary of the activities.", 680, 4),
                         b("2. The OAIS mandate is based on article XVII of the financial regulations.", 660, 4)],
                 annexes=True),
    ]
    for page in pages:
        for blk in page.blocks:
            if blk.text[:2] in ("1.", "2."):
                blk.number = blk.text[0]
    numbered = [p for p in assemble(pages) if not p.running]
    assert [(p.annex, p.number) for p in numbered][-2:] == [("", "1"), ("", "2")]
    assert numbered[-2].text.startswith("This report provides")


def test_an_italic_heading_before_the_numbered_text_heads_its_block() -> None:
    """DP/FPA/2025/6, page 3: the summary box's italic "Elements of a decision" is a heading, not
    the first words of the paragraph under it."""
    page = _page([
        ("OAIS enhanced its intake process to manage a growing caseload in 2024.", 10.1, False),
        ("Elements of a decision", 10.1, False),
        ("The Executive Board may wish to take note of the present report and of its annexes.", 10.1, False),
        ("1. This report provides the Executive Board with a summary of the activities of OAIS.", 10.1, False),
        ("2. The OAIS mandate is based on article XVII of the financial regulations.", 10.1, False),
    ])
    page.blocks[1].italic = True
    for b in page.blocks[-2:]:
        b.number = b.text[0]
    running = [p for p in assemble([page]) if p.running]
    assert running[-1].text.startswith("The Executive Board may wish") and running[-1].section == "Elements of a decision"


def test_the_official_records_note_on_symbols_is_furniture() -> None:
    """A/80/42, page 2 (the lines as the PDF gives them): the note on symbols of the Official
    Records and its heading are no paragraph nor section, wherever its lines break; a sentence
    that mentions symbols is text."""
    lines = [_Line("Note", 123.0, 628.0, 10.0, False, 1, True),
             _Line("Symbols of United Nations documents are composed of letters combined with", 147.0, 604.0, 10.0,
                   False, 1, False),
             _Line("figures. Mention of such a symbol indicates a reference to a United Nations document.", 123.0,
                   593.0, 10.0, False, 1, False)]
    blocks = _classify(lines, 792.0, 10.0)
    assert [b.kind for b in blocks] == ["furniture", "furniture", "furniture"]  # its heading "Note" too
    assert [p.text for p in assemble([PageText(blocks=blocks)])] == []
    assert FURNITURE_LINE.match("Symbols of United Nations documents are composed of letters combined with figures.")
    assert FURNITURE_LINE.match("symbol indicates a reference to a United Nations document.")
    assert not FURNITURE_LINE.match("Symbols of the Organization are protected under the Convention.")
    assert notes_heading("Note", lines[1].text) and not notes_heading("Note", "The Committee met twice.")


def test_typewritten_notes_at_a_page_foot_are_footnotes_not_text() -> None:
    """A/48/653 (1993), pages 1-2, set in one Courier size: "1/" marks a note in the text and
    opens its body at the foot of the page, under a gap."""
    from pathlib import Path

    from rag.ingest import parse_file

    doc = parse_file(Path(__file__).parent / "fixtures" / "A_48_653_p1-2.en.pdf")
    by_number = {p.number: p for p in doc.paragraphs if not p.running}
    assert not any("To be incorporated in Official Records" in p.text for p in doc.paragraphs)
    third = by_number["3"]
    assert third.text.endswith("under their administration.") and "1/" not in third.text
    assert [(f.marker, f.text) for f in third.footnotes] == [
        ("1", "See A/48/23 (Part III). To be incorporated in Official Records of the General Assembly, "
              "Forty-eighth Session, Supplement No. 23 (A/48/23).")]
    assert "CONSIDERATION OF PROPOSALS" not in third.text
    assert by_number["4"].section == "II. CONSIDERATION OF PROPOSALS"
    assert {f.marker for f in by_number["5"].footnotes} == {"1"}  # the note marked again further down


def test_a_marker_set_apart_before_punctuation_leaves_no_space_and_the_rule_is_no_note_text() -> None:
    from rag.ingest.blocks import marker_token, strip_markers
    from rag.ingest.footnotes import Notes

    assert strip_markers(f"trafficking in persons {marker_token('1')} . Since 2022") == "trafficking in persons. Since 2022"
    assert strip_markers(f"the Framework.{marker_token('2')} The") == "the Framework. The"
    page = PageText(blocks=[Block("26 Security Council resolutions 2700 (2023).", page=1, kind="footnote"),
                            Block("__________________", page=1, kind="footnote")])
    assert Notes([page], set()).lookup("26", 0) == "Security Council resolutions 2700 (2023)."


def test_a_line_end_hyphen_that_pdfium_runs_on_into_the_next_line_splits_no_paragraph() -> None:
    """A/AC.109/2025/L.9, page 2: pdfium reads "Non-Self-" at a line's end and the next printed
    line as one line (U+FFFE between them); the gap that leaves under it ended the paragraph."""
    from pathlib import Path

    from rag.ingest import parse_file

    doc = parse_file(Path(__file__).parent / "fixtures" / "A_AC.109_2025_L.9_p2.en.pdf")
    starts = [p.text[:1] for p in doc.paragraphs]
    assert all(s.isupper() for s in starts), [p.text[:40] for p in doc.paragraphs if not p.text[:1].isupper()]
    welcoming = next(p for p in doc.paragraphs if p.text.startswith("Welcoming also"))
    assert "Non-Self-Governing Territories that are associate members" in welcoming.text
    assert "world conferences in the economic and social spheres" in welcoming.text


def test_a_space_pdfium_puts_inside_a_letter_spaced_word_is_no_word_break() -> None:
    """E/2025/57, page 20: a justified line sets "33" with a gap of 0.13 em between its digits,
    which pdfium reads as a space ("In 2024, 3 3 evaluations were planned"); the line writes its
    own spaces, each a quarter em."""
    from pathlib import Path

    from rag.ingest import parse_file

    doc = parse_file(Path(__file__).parent / "fixtures" / "E_2025_57_p20.en.pdf")
    planned = next(p for p in doc.paragraphs if p.number == "86")
    assert "In 2024, 33 evaluations were planned, of which 15 were completed, 14 are ongoing" in planned.text


class _Page:
    """pdfium's text-page calls `_letter_spaced` makes, over one line laid out by hand: each
    character's left edge and advance in points, its size, and whether pdfium generated it."""

    def __init__(self, cells: list[tuple[str, float, float, float, bool]]) -> None:
        self.cells = cells  # (character, left, width, size, generated)

    def FS_RECTF(self):  # noqa: N802 - pdfium's names
        from types import SimpleNamespace
        return SimpleNamespace(left=0.0, right=0.0)

    def FPDFText_IsGenerated(self, tp, i: int) -> int:  # noqa: N802
        return int(self.cells[i][4])

    def FPDFText_GetFontSize(self, tp, i: int) -> float:  # noqa: N802
        return self.cells[i][3]

    def FPDFText_GetLooseCharBox(self, tp, i: int, box) -> None:  # noqa: N802
        box.left, box.right = self.cells[i][1], self.cells[i][1] + self.cells[i][2]


def _laid_out(words: list[str], word_gap: float, letter_gap: float, size: float = 10.0,
              generated: tuple[int, ...] = (), raised: int | None = None) -> tuple[str, _Page]:
    """The words set on one line: letters 5 points wide and `letter_gap` apart, a written space of
    2.5 points between words, but a generated space `word_gap` wide after the words whose index
    is in `generated`; `raised` (a word's index) is set in small type."""
    cells, x = [], 0.0
    for n, word in enumerate(words):
        small = 6.0 if n == raised else size
        for c in word:
            cells.append((c, x, 5.0, small, False))
            x += 5.0 + letter_gap
        if n < len(words) - 1:
            width = word_gap if n in generated else 2.5
            cells.append((" ", x - letter_gap, width, size, n in generated))
            x += width - letter_gap
    return "".join(c[0] for c in cells), _Page(cells)


def test_a_generated_space_is_dropped_only_inside_a_letter_spaced_word() -> None:
    from rag.ingest.pdf import _UNSPACED, _letter_spaced

    def read(words: list[str], **kw) -> str:
        line, page = _laid_out(words, **kw)
        return _letter_spaced(None, page, line, 0).replace(_UNSPACED, "")

    spaced = ["the", "latt", "er", "would", "take", "precedence"]
    assert read(spaced, word_gap=1.2, letter_gap=0.3, generated=(1,)) == "the latter would take precedence"
    # a gap of 0.15 em or more is a word space, and so is a narrow one between letters set tight ("of engaging")
    assert read(spaced, word_gap=1.6, letter_gap=0.3, generated=(1,)) == "the latt er would take precedence"
    assert read(["made", "of", "engaging", "the", "public"], word_gap=1.4, letter_gap=0.0, generated=(1,)) == \
        "made of engaging the public"
    # digits join as letters do; a letter and a digit, or a raised note mark, keep their space
    assert read(["In", "2024,", "3", "3", "evaluations"], word_gap=1.3, letter_gap=0.3, generated=(2,)) == \
        "In 2024, 33 evaluations"
    assert read(["Goal", "3", "targets", "were", "met"], word_gap=1.3, letter_gap=0.3, generated=(0,)) == \
        "Goal 3 targets were met"
    assert read(["Climate", "Change", "ab", "and", "more"], word_gap=1.3, letter_gap=0.3, generated=(1,), raised=2) \
        == "Climate Change ab and more"
    # a line leaving three spaces to pdfium, or all of them, sets its words apart by position
    assert read(["latt", "er", "wou", "ld", "ta", "ke", "end"], word_gap=1.2, letter_gap=0.3, generated=(0, 2, 4)) \
        == "latt er wou ld ta ke end"
    assert read(["latt", "er"], word_gap=1.2, letter_gap=0.3, generated=(0,)) == "latt er"
    # S/2025/200, p. 3: "Vetёvendosje" set with a Cyrillic "ё", before which pdfium puts a space
    # (0.12 em, letters set tight): a letter of another script inside a Latin word joins it; a word
    # of that script after a Latin one keeps its space
    assert read(["The", "incumbent", "Vet", "ёvendosje", "Party"], word_gap=1.15, letter_gap=0.0, generated=(2,)) \
        == "The incumbent Vetёvendosje Party"
    assert read(["named", "Ivan", "Ёлкин", "here"], word_gap=1.15, letter_gap=0.0, generated=(1,)) == \
        "named Ivan Ёлкин here"


def test_lines_whose_type_size_is_unknown_still_part_at_a_gap_or_an_indent() -> None:
    """A/52/687's annex (an OCR layer: its type facts are dropped): a letter's paragraphs stand
    apart by a blank line and a first-line indent, and its closing "-----" and the note of the
    language it was written in, "[Original: French]", are no text."""
    lines = [Block("[Original: French]", page=14, x=435, y=656.2),
             Block("Through its institutional capacity-building, promotional, educational and", page=14, x=96, y=586.7),
             Block("democratic culture in support of the efforts of the Government of Haiti.", page=14, x=65, y=575.0),
             Block("Important tasks remain to be accomplished, however. Much-needed judicial", page=14, x=96, y=551.6),
             Block("reform is in the course of preparation.", page=14, x=65, y=539.9),
             Block("The Haitian Government hopes to be able to count on the support of MICIVIH", page=14, x=96, y=528.2),
             Block("-----", page=14, x=292, y=308.2)]
    for b in lines:
        b.kind = "furniture" if FURNITURE_LINE.match(b.text) else "body"
    texts = [p.text for p in assemble([PageText(blocks=lines)])]
    assert texts == ["Through its institutional capacity-building, promotional, educational and democratic culture "
                     "in support of the efforts of the Government of Haiti.",
                     "Important tasks remain to be accomplished, however. Much-needed judicial reform is in the course "
                     "of preparation.",
                     "The Haitian Government hopes to be able to count on the support of MICIVIH"]


def test_review_of_unknown_sizes_broken_words_and_broken_addresses() -> None:
    """Lines of unknown size past the first kept block are text, however short, and a roman
    heading set apart heads its section (A/48/653's cover, A/53/603); a numbered line ending in a
    word broken at the line's end is no heading (E/C.2/2025/2/Add.3); a footnote line opening with
    the rest of a broken web address continues its note (A/80/188)."""
    from rag.ingest.footnotes import Notes
    from rag.ingest.headings import heading_like

    cover = [Block("ACTIVITIES OF THOSE FOREIGN ECONOMIC AND OTHER INTERESTS WHICH IMPEDE THE DECLARATION",
                   page=1, x=100, y=600),
             Block("Rapporteur: Mr. Dieudonné NDIAYE (Gabon)", page=1, x=183, y=560),
             Block("I. Introduction", page=1, x=259, y=520),
             Block("1. At its 3rd plenary meeting, on 23 September 1994, the General Assembly decided.", page=1,
                   x=66, y=490, number="1"),
             Block("2. At its 2nd meeting, on 4 October 1994, the Fourth Committee decided to hold a debate.", page=1,
                   x=66, y=460, number="2"),
             Block("3. At the same meeting, the Fourth Committee decided to consider the chapter.", page=1,
                   x=66, y=430, number="3")]
    for b in cover:
        b.kind = "body"
    paragraphs = assemble([PageText(blocks=cover)])
    assert [p.text for p in paragraphs if p.running][-1] == "Rapporteur: Mr. Dieudonné NDIAYE (Gabon)"
    assert next(p for p in paragraphs if not p.running).section == "I. Introduction"
    broken = Block("III. Certificate No. 971/MPDC/2019 attests that the development\ufffe", page=3, size=10.0)
    assert not heading_like(broken, 10.0)
    notes = PageText(blocks=[Block("81 See www.example.org/en/analysis/improving\ufffe", page=1, kind="footnote"),
                             Block("111-violent-content.", page=1, kind="footnote"),
                             Block("82 See S/2025/85.", page=1, kind="footnote")])
    read = Notes([notes], set())
    assert read.lookup("81", 0).endswith("improving-111-violent-content.") and read.lookup("82", 0) == "See S/2025/85."


def test_a_suspended_hyphen_at_a_line_end_keeps_its_space() -> None:
    """"science-" at a line's end before "and evidence-based" is a suspended hyphen (E/HLPF/2025/2);
    "cat-" before "and-mouse" is one compound and a broken word still joins."""
    from rag.ingest.joining import join_lines

    vocab = {"development"}
    assert join_lines(["inclusive, science-", "and evidence-based solutions"], vocab) == \
        "inclusive, science- and evidence-based solutions"
    assert join_lines(["long\ufffe", "and medium-range heavy weapons"], vocab) == "long- and medium-range heavy weapons"
    assert join_lines(["a cat-", "and-mouse game"], vocab) == "a cat-and-mouse game"
    assert join_lines(["sustainable develop-", "ment and peace"], vocab) == "sustainable development and peace"
    # a range broken at its hyphen, and a compound set with a space before its hyphen
    assert join_lines(["the latest 2022-", "2025 estimates"], vocab) == "the latest 2022-2025 estimates"
    assert join_lines(["for the period 2025\u2013", "2026 of the plan"], vocab) == "for the period 2025\u20132026 of the plan"
    # pdfium's space before a number's hyphen at a line end (E/C.2/2025/2/Add.2, p. 14)
    assert join_lines(["the adoption of Act No. 2022 -", "407 of 13 June 2022"], vocab) == \
        "the adoption of Act No. 2022-407 of 13 June 2022"
    assert join_lines(["in the period under review - that is, in 2024 -", "15 States reported"], vocab) == \
        "in the period under review - that is, in 2024 - 15 States reported"
    assert join_lines(["used by long -", "standing arrangements"], vocab) == "used by long-standing arrangements"
    assert join_lines(["in low -", "and middle-income countries"], vocab) == "in low- and middle-income countries"
    assert join_lines(["short-", "to medium-term plans"], vocab) == "short- to medium-term plans"


def test_a_line_end_hyphen_pdfium_leaves_in_a_heading_or_title_reads_as_a_hyphen() -> None:
    """Headings and mastheads wrapped at a hyphen keep pdfium's U+FFFE between their lines
    (DP/FPA/2025/5 "inter\ufffe agency", E/2025/L.9 "twenty\ufffe seventh")."""
    from rag.ingest.headings import Sections
    from rag.ingest.joining import clean_text

    assert clean_text("centralized joint and inter\ufffe agency evaluations") == \
        "centralized joint and inter-agency evaluations"
    assert clean_text("science\ufffe and evidence-based") == "science- and evidence-based"
    sections = Sections()
    sections.push("10. Engagement in centralized joint and inter\ufffe")
    sections.extend_last("agency evaluations")
    assert sections.path == "10. Engagement in centralized joint and inter-agency evaluations"


def test_the_list_of_annexes_under_a_table_of_contents_is_no_text() -> None:
    """DP/2025/19, pages 1-3: the contents page ends with "Annexes (available on the Executive
    Board website)" and four roman-numbered titles without page numbers; they are contents, not
    front matter to cite."""
    from pathlib import Path

    from rag.ingest import parse_file

    doc = parse_file(Path(__file__).parent / "fixtures" / "DP_2025_19_p1-3.en.pdf")
    texts = [p.text for p in doc.paragraphs]
    assert not any("List of United Nations entities hosting" in t or t.startswith("Annexes") for t in texts), texts
    assert [p.number for p in doc.paragraphs if not p.running][:2] == ["1", "2"]
    assert doc.paragraphs[0].text.startswith("In 2024, the United Nations Volunteers (UNV) programme")


def test_a_footnote_line_opening_with_a_date_continues_the_note_above() -> None:
    """S/2025/303, page 9: note 28 runs on to a line "30 March 2025. See footnote 25.", which
    opened a note 30 and left note 29 ("Ibid.") without its body."""
    from rag.ingest.footnotes import Notes

    page = PageText(blocks=[
        Block("__________________", page=9, kind="footnote"),
        Block("28 See Adams, \u201cHaiti doesn\u2019t make guns. So how are gangs awash in them?\u201d New York Times,",
              page=9, kind="footnote"),
        Block("30 March 2025. See footnote 25.", page=9, kind="footnote"),
        Block("29 Ibid.", page=9, kind="footnote")])
    notes = Notes([page], set())
    assert notes.lookup("28", 0).endswith("New York Times, 30 March 2025. See footnote 25.")
    assert notes.lookup("29", 0) == "Ibid."
    assert notes.lookup("30", 0) == ""


def test_a_footnote_line_opening_with_a_number_in_a_sentence_continues_the_note() -> None:
    """A/79/7/Add.12, page 2: note 1 breaks before "23 months.", which opened a note 23 and
    swallowed note 2."""
    from rag.ingest.footnotes import Notes

    lines = ["1 Renovation of buildings A, C, D and S is to be extended by 14 months and of building E by",
             "23 months.", "2 The overall schedule for phase 2.2 is extended by 18 months.",
             "3 www.ungeneva.org is where"]
    notes = Notes([PageText(blocks=[Block(t, page=2, kind="footnote") for t in lines])], set())
    assert notes.lookup("1", 0).endswith("building E by 23 months.")
    assert notes.lookup("2", 0) == "The overall schedule for phase 2.2 is extended by 18 months."
    assert notes.lookup("3", 0) == "www.ungeneva.org is where"
    # the next number opens its note however its line reads; a number glued to letters opens none
    lines = ["4 Report of the Administrator (DP/2024/23)", "5 unstats.un.org/sdgs/report/2024.",
             "8 See https://hlpf.un.org/countries/south-sudan/2cd4d3d7-", "9f568594-b30c.pdf.", "9 See S/2025/1."]
    notes = Notes([PageText(blocks=[Block(t, page=2, kind="footnote") for t in lines])], set())
    assert notes.lookup("5", 0) == "unstats.un.org/sdgs/report/2024."
    assert notes.lookup("8", 0).endswith("2cd4d3d7-9f568594-b30c.pdf.") and notes.lookup("9", 0) == "See S/2025/1."


def test_a_raised_marker_that_pdfium_sets_on_a_line_of_its_own_marks_the_text_above() -> None:
    """S/2025/303, annex, page 3: note 3's marker, raised after "criminal consolidation.", is a
    line of its own in small type; it was text ("consolidation. 3") and note 3 was never cited."""
    size = 12.0
    lines = [_Line("5. Particularly concerning is the rise of organized criminal group activity in", 72, 500, size,
                   False, 3, False),
             _Line("for trafficking routes and criminal consolidation.", 72, 486, size, False, 3, False),
             _Line("3", 320, 490, 7.0, False, 3, False),
             _Line("6. The \u201c103 Zombie\u201d group is also actively extending its reach along the southern", 72,
                   460, size, False, 3, False),
             _Line("3 Key informant K1, interviewed on 27 February 2025.", 72, 80, 8.5, False, 3, False)]
    pages = [PageText(blocks=_classify(lines, 792, size))]
    paragraphs = assemble(pages)
    # the number opening a note's body where lines start, its text on the same baseline, is no marker
    opener = [_Line("not yet done so should ensure, at the earliest opportunity.", 108.2, 104.5, size, False, 3, False),
              _Line("1", 108.7, 81.2, 6.5, False, 3, False),
              _Line("Identification numbers of JIU review reports correspond to the programme", 114.2, 77.8, size,
                    False, 3, False)]
    assert [b.text for b in _classify(opener, 792, size)][1] == "1"
    fifth = next(p for p in paragraphs if p.number == "5")
    assert fifth.text.endswith("criminal consolidation.")
    assert [(f.marker, f.text) for f in fifth.footnotes] == [("3", "Key informant K1, interviewed on 27 February 2025.")]


def test_a_capital_heading_of_unknown_size_wraps_onto_its_next_line() -> None:
    """A/48/653, page 6 (an OCR layer, no type sizes): the heading "III. RECOMMENDATIONS OF THE
    SPECIAL POLITICAL AND / DECOLONIZATION COMMITTEE (FOURTH COMMITTEE)" lost its second line to
    the paragraph above."""
    lines = [Block("10. At its 12th meeting, on 29 October, the Fourth Committee adopted the draft decision by a",
                   page=6, x=66, y=720, number="10"),
             Block("recorded vote. Abstaining: Argentina, Congo, Japan.", page=6, x=65, y=709),
             Block("III. RECOMMENDATIONS OF THE SPECIAL POLITICAL AND", page=6, x=162, y=680),
             Block("DECOLONIZATION COMMITTEE (FOURTH COMMITTEE)", page=6, x=197, y=669),
             Block("11. The Special Political and Decolonization Committee (Fourth Committee)", page=6, x=66, y=645,
                   number="11"),
             Block("recommends to the General Assembly the adoption of the following draft decision.", page=6,
                   x=65, y=634)]
    for b in lines:
        b.kind = "body"
    by_number = {p.number: p for p in assemble([PageText(blocks=lines)]) if not p.running}
    assert by_number["10"].text.endswith("Abstaining: Argentina, Congo, Japan.")
    assert by_number["11"].section == \
        "III. RECOMMENDATIONS OF THE SPECIAL POLITICAL AND DECOLONIZATION COMMITTEE (FOURTH COMMITTEE)"


def test_a_wrapped_heading_over_unnumbered_text_keeps_its_second_line() -> None:
    """E/CN.6/2025/4, annex: the bold title "Priority and review themes considered by the
    Commission / on the Status of Women: 2006-2025" over unnumbered lists; its second line was
    cited as the annex's ¶ 1."""
    lines = [Block("Annex", page=20, size=12.0, bold=True, x=72, y=700),
             Block("Priority and review themes considered by the Commission", page=20, size=12.0, bold=True, x=100,
                   y=680),
             Block("on the Status of Women: 2006\u20132025", page=20, size=12.0, bold=True, x=100, y=666),
             Block("Fiftieth session (2006)", page=20, size=10.0, x=72, y=640),
             Block("Enhanced participation of women in development: an enabling environment for achieving gender "
                   "equality and the advancement of women.", page=20, size=10.0, x=72, y=620)]
    for b in lines:
        b.kind = "body"
    annex = [p for p in assemble([PageText(blocks=lines)]) if p.annex]
    assert annex[0].section == "Priority and review themes considered by the Commission on the Status of Women: 2006\u20132025"
    assert not any(p.text.startswith("on the Status of Women") for p in annex)


def test_a_raised_marker_after_a_capital_or_a_digit_or_moved_to_the_next_line_is_a_marker() -> None:
    """E/CN.9/2025/6, pages 4 and 6: "with WHO.11" (a capital before the full stop) and "the
    data,\\n19 a methodology" (pdfium sets the raised marker at the next line's start) kept their
    numbers in the text and lost notes 11 and 19."""
    from pathlib import Path

    from rag.ingest import parse_file

    doc = parse_file(Path(__file__).parent / "fixtures" / "E_CN.9_2025_6_p4_p6.en.pdf")
    texts = " ".join(p.text for p in doc.paragraphs)
    assert "WHO.11" not in texts and "WHO. The primary role" in texts
    assert "data, 19 a" not in texts and "the data, a methodology" in texts
    notes = {f.marker: f.text for p in doc.paragraphs for f in p.footnotes}
    assert notes["11"].startswith("See www.un.org/development/desa/pd/events/TAG")
    assert notes["19"] == "See https://population.un.org/wpp/graphs."


def test_a_figures_caption_title_and_chart_labels_are_no_text() -> None:
    """S/2025/350, page 7: "Figure II" and its title head the page, and the chart's numbers
    close its text layer, set back up the page; they ran into paragraphs 29 and 35 ("on
    developments in the situation and the 1 149 1 058 1 130 ... 1 400")."""
    size = 10.0

    def line(text: str, y: float, bold: bool = False, x: float = 124, small: bool = False) -> _Line:
        return _Line(text, x, y, 9.0 if small else size, bold, 7, False)

    lines = [line("Figure II", 708), line("Number of Force patrols carried out per month", 695, bold=True),
             line("30. UNDOF continued to assess that there remained a significant threat to United", 479),
             line("Nations personnel in its area of operations from explosive remnants of war.", 467),
             line("35. In its resolution 2766 (2024), the Security Council called upon the parties", 98),
             line("Secretary-General to report every 90 days on developments in the situation and the", 62),
             line("1 149", 663, small=True, x=157), line("1 058 1 130 1 097 1 058 1 066", 655, small=True, x=182),
             line("702", 622, small=True, x=437), line("0", 557, small=True, x=142), line("1 400", 672, small=True, x=127)]
    blocks = _classify(lines, 792, size)
    assert [b.text for b in blocks if b.kind == "body"] == [ln.text for ln in lines[2:6]]
    assert FIGURE_CAPTION.match("Figure II") and not FIGURE_CAPTION.match("Figure II shows annual contributions")


def test_a_small_type_table_set_back_up_the_page_stays_text() -> None:
    """DP/FPA/2025/2: a recommendation's status table in small type closes the page's text layer
    above the text before it; its rows have words, so it is no figure."""
    rows = ["Business unit responsible Supply Chain Management Unit", "Status Under implementation",
            "Priority Medium", "Target date June 2024", "Revised target date December 2024"]
    lines = [_Line("The Board recommends that UNFPA strengthen its controls over supplies.", 124, 300, 10.0, False, 5,
                   False)]
    lines += [_Line(t, 117, 671 - 11 * i, 9.0, False, 5, False) for i, t in enumerate(rows)]
    kept = [b for b in _classify(lines, 792, 10.0) if b.kind != "furniture"]
    assert all(row in " ".join(b.text for b in kept) for row in rows)


def test_a_bold_line_after_a_comma_runs_on_in_its_paragraph() -> None:
    """UNW/2025/2, page 10: a line of para. 34 set in bold after "... five countries: Albania,
    Ethiopia," became a section heading and left the paragraph's text."""
    lines = [Block("33. UN-Women supported budget work.", page=10, size=10.0, x=124, y=230, number="33"),
             Block("34. UN-Women joined government partners to conduct nine gender financing", page=10, size=10.0,
                   x=124, y=200, number="34"),
             Block("assessments to quantify gender budget gaps in five countries: Albania, Ethiopia,", page=10,
                   size=10.0, x=124, y=188),
             Block("India, the United Republic of Tanzania, and in Morocco, where work with key", page=10, size=10.0,
                   bold=True, x=124, y=176),
             Block("sectoral ministries led to the integration of gender-responsive budgeting principles.", page=10,
                   size=10.0, x=124, y=164)]
    for b in lines:
        b.kind = "body"
    para = next(p for p in assemble([PageText(blocks=lines)]) if p.number == "34")
    assert "Albania, Ethiopia, India, the United Republic of Tanzania, and in Morocco, where work with key sectoral" \
        in para.text
    assert "India" not in para.section


def test_a_meeting_held_over_two_spans_and_a_forum_convened_under_an_organ_are_masthead_lines() -> None:
    """E/HLPF/2025/3/Add.3 and E/C.2/2025/2: these cover lines were each document's p. 1, ¶ 1."""
    for line in ("Convened under the auspices of the Economic and Social Council",
                 "New York, 14\u201318 and 21\u201323 July 2025",
                 "New York, 20\u201324 and 29\u201331 January and 11 February 2025"):
        assert MASTHEAD_BLOCK.fullmatch(line), line
    assert not MASTHEAD_BLOCK.fullmatch("The Forum met in New York on 14 and 15 May 2025.")


def test_a_run_of_raised_markers_is_read_whole() -> None:
    """A/CONF.230/2025/10, page 10: "coastal erosion.27,28,29" set raised; the first number and
    the commas stood in the text ("erosion. 27,, New approaches") and note 27 was lost."""
    from pathlib import Path

    from rag.ingest import parse_file

    doc = parse_file(Path(__file__).parent / "fixtures" / "A_CONF.230_2025_10_p10.en.pdf")
    para = next(p for p in doc.paragraphs if "coastal erosion" in p.text)
    assert "coastal erosion. New approaches" in para.text and "27" not in para.text
    assert [f.marker for f in para.footnotes][:3] == ["27", "28", "29"]


def test_raised_markers_set_apart_by_spaces_or_after_a_number_are_markers() -> None:
    """A/HRC/EMRIP/2025/3, page 4: "sustainability. 11 , 12 The 2030 Agenda" (the markers and the
    comma between them raised, spaced) read "sustainability., The"; E/HLPF/2025/2, page 12:
    "deliver on Goal 4 7 and integrate" (note 7 after a number) kept the 7 in the text and lost
    the note."""
    from rag.ingest import parse_file
    from tests.conftest import shared_path

    emrip = parse_file(shared_path("data", "un_corpus", "pdf", "A_HRC_EMRIP_2025_3.en.pdf"))
    para16 = next(p for p in emrip.paragraphs if p.number == "16" and not p.part)
    assert "environmental sustainability. The 2030 Agenda" in para16.text
    assert [f.marker for f in para16.footnotes][:2] == ["11", "12"]
    hlpf = parse_file(shared_path("data", "un_corpus", "pdf", "E_HLPF_2025_2.en.pdf"))
    para47 = next(p for p in hlpf.paragraphs if p.number == "47" and not p.part)
    assert "deliver on Goal 4 and integrate education" in para47.text
    assert [f.marker for f in para47.footnotes] == ["7"]


def test_a_heading_number_glued_to_its_first_word_opens_its_own_chapter() -> None:
    """DP/2025/23, page 4: "III." and "Integrated resources plan" are set with a space in another
    font that the text layer drops; "III.Integrated resources plan" was read as a subsection of
    chapter II, and paras. 14-36 stood under "II. The UNDP value proposition"."""
    from rag.ingest import parse_file
    from tests.conftest import shared_path

    doc = parse_file(shared_path("data", "un_corpus", "pdf", "DP_2025_23.en.pdf"))
    para25 = next(p for p in doc.paragraphs if p.number == "25" and not p.part)
    assert para25.section == "III. Integrated resources plan > A. Review of financial performance, 2022-2025"


def test_a_dash_at_a_line_end_is_no_compound_and_figure_captions_are_told_from_sentences() -> None:
    """A/52/826: "children -" / "had reportedly" is a dash between words; S/2025/415 "search -" /
    "and-arrest" goes on with a compound. DP/2025/11 captions its figures "Figure II - Number of
    ..."; "Figure 3, which shows ..." is a sentence."""
    from rag.ingest.joining import join_lines

    assert join_lines(["small children -", "had reportedly been"], set()) == "small children - had reportedly been"
    assert join_lines(["2,380 search -", "and-arrest operations"], set()) == "2,380 search-and-arrest operations"
    assert FIGURE_CAPTION.match("Figure II - Number of ethics live session participations, 2008-2024")
    assert not FIGURE_CAPTION.match("Figure 3, which shows that contributions fell")


def test_a_note_line_opening_with_a_date_goes_on_even_where_the_day_is_the_next_number() -> None:
    from rag.ingest.footnotes import Notes

    lines = ["5 See the report of the Secretary-General issued on", "6 June 2025 (S/2025/360).", "6 See S/2025/1."]
    notes = Notes([PageText(blocks=[Block(t, page=2, kind="footnote") for t in lines])], set())
    assert notes.lookup("5", 0).endswith("issued on 6 June 2025 (S/2025/360).")
    assert notes.lookup("6", 0) == "See S/2025/1."


def test_a_short_roman_heading_after_a_preamble_is_a_heading() -> None:
    """A/52/613, draft resolution III: "I. American Samoa" follows a preambular paragraph ending
    in a comma ("Referring to resolution A above,") and heads the territory's text."""
    lines = [Block("1. The Committee adopted the draft resolutions below.", page=17, size=10.0, x=66, y=720,
                   number="1"),
             Block("2. The General Assembly, having considered the question,", page=17, size=10.0, x=66, y=700,
                   number="2"),
             Block("Referring to resolution A above,", page=17, size=10.0, x=66, y=688),
             Block("I. American Samoa", page=17, size=10.0, x=260, y=660),
             Block("3. Noting the report of the administering Power.", page=17, size=10.0, x=66, y=630, number="3")]
    for b in lines:
        b.kind = "body"
    paragraphs = assemble([PageText(blocks=lines)])
    assert not any("American Samoa" in p.text for p in paragraphs)
    assert next(p for p in paragraphs if p.number == "3").section == "I. American Samoa"


def test_a_page_number_set_a_little_higher_is_furniture_but_a_notes_raised_number_is_not() -> None:
    """DP/FPA/2025/6, page 14: "14" at y 51.6 of 792 was read as a footnote and opened a note 14
    that swallowed the page's notes 9-13; E/CN.5/2025/4, page 5: the raised "5" opening note 5 is
    the note's."""
    from rag.ingest.pdf import _is_margin

    assert _is_margin(_Line("14", 59, 51.6, 8.4, False, 14, False), 792.0)
    assert _is_margin(_Line("2", 300, 63.1, 1.0, False, 2, False), 792.0)  # an OCR layer's page number
    assert not _is_margin(_Line("5", 94, 72.9, 5.5, False, 5, False), 792.0)
    assert not _is_margin(_Line("14", 59, 51.6, 8.4, False, 15, False), 792.0)


def test_an_older_documents_page_line_under_its_running_symbol_is_furniture() -> None:
    """A/52/826, page 4: "Page 4" under "A/52/826 / S/1998/222 / English" at y 714 of 792 ran into
    the paragraph crossing the page ("... a Page 4 negotiated settlement")."""
    from rag.ingest.pdf import _is_margin

    assert _is_margin(_Line("Page 4", 65, 714.0, 10.6, False, 4, False), 792.0)
    assert not _is_margin(_Line("Page 4 of the report sets out the plan", 65, 714.0, 10.6, False, 4, False), 792.0)
    assert not _is_margin(_Line("Page 4", 65, 400.0, 10.6, False, 4, False), 792.0)


def _numbered(text: str, **style: object) -> Block:
    from rag.ingest.patterns import LINE_NUMBER

    m = LINE_NUMBER.match(text)
    return Block(text, number=m.group(1) if m else None, **style)  # type: ignore[arg-type]


def test_a_compilations_contents_entries_keep_their_numbers_against_the_lists_inside_them() -> None:
    """E/C.2/2025/2/Add.2: NGO reports numbered 1-15 on the contents page and over each report;
    the first report's "Areas of work: 1. ... 6." list took the numbering, and reports 2 to 6 ran
    into one "para. 6" of ten pages; each report's last sub-heading stood as the next one's
    section."""
    from rag.ingest.pdf import _contents_entries_numbered

    contents = [Block("Contents"), _numbered("1. Center for Family Studies . . . . . . . . . . . . 2"),
                _numbered("2. Centro UNESCO de Donostia-San Sebastián . . . . . . . . . . 3"),
                _numbered("3. Comité/Club UNESCO universitaire pour la lutte contre la drogue et les autres"),
                Block("(CLUCOD) . . . . . . . . . . . . . . . . . . . . . . . . 13")]
    _contents_lines(contents)
    body = [_numbered("1. Center for Family Studies", size=12.0, bold=True),
            Block("Aims and purposes of the organization", bold=True), Block("Areas of work:"),
            _numbered("1. Theoretical and observational research;"), _numbered("2. Legal advocacy;"),
            _numbered("3. Rehabilitation and training."),
            _numbered("2. Centro UNESCO de Donostia-San Sebastián", size=12.0, bold=True),
            Block("The Centro UNESCO de Donostia-San Sebastián was established on 1 September 1992."),
            _numbered("3. Comité/Club UNESCO universitaire pour la lutte contre la drogue", size=12.0, bold=True),
            Block("The club works against drugs."), Block("Participation in meetings", bold=True),
            _numbered("1. Representatives attended the fifteenth session of the Conference of the Parties"),
            Block("in Montreal in December 2022.")]
    blocks = contents + body
    for i, b in enumerate(blocks):
        b.page, b.x, b.y = 1 + int(i >= len(contents)), 60.0, 700.0 - 12 * i - 14 * int(b.bold)
        b.size = b.size or 10.0
    _contents_entries_numbered(blocks)
    paragraphs = assemble([PageText(blocks=blocks[:len(contents)]), PageText(blocks=body)])
    numbered = [p for p in paragraphs if not p.running]
    assert [p.number for p in numbered] == ["1", "2", "3"]
    assert numbered[1].text.startswith("Centro UNESCO de Donostia-San Sebastián The Centro")
    assert "1. Theoretical and observational research; 2. Legal advocacy;" in numbered[0].text
    # an entry's own sub-headings and lists run in its text; they head no section of the next entries
    assert "Aims and purposes of the organization Areas of work:" in numbered[0].text
    assert [p.section for p in numbered] == ["", "", ""]
    assert numbered[2].text.endswith("Participation in meetings 1. Representatives attended the fifteenth session "
                                     "of the Conference of the Parties in Montreal in December 2022.")


def test_numbers_running_on_across_contents_entries_are_the_paragraph_numbers() -> None:
    """A report whose numbered headings are listed on its contents page and whose paragraphs are
    numbered through the whole text keeps its paragraph numbers."""
    from rag.ingest.pdf import _contents_entries_numbered

    contents = [_numbered("1. Introduction . . . . . . . . . . . . 2"), _numbered("2. Findings . . . . . . . . . . 3")]
    _contents_lines(contents)
    body = [_numbered("1. Introduction", size=12.0, bold=True), _numbered("1. The Board met in June."),
            _numbered("2. It reviewed the accounts."), _numbered("2. Findings", size=12.0, bold=True),
            _numbered("3. The Board found no error.")]
    _contents_entries_numbered(contents + body)
    assert [b.number for b in body] == ["1", "1", "2", "2", "3"]


def test_numbered_annex_items_on_the_contents_page_make_no_compilation() -> None:
    """Found by review: a report numbering its paragraphs under roman chapters, whose contents
    page also lists two numbered annex items, keeps its paragraph numbers."""
    from rag.ingest.pdf import _contents_entries_numbered

    contents = [Block("I. Introduction . . . . . . . . . . . . 2"), _numbered("1. List of participants . . . . . . 9"),
                _numbered("2. Agenda of the session . . . . . . . . 10"), _numbered("3. Documents . . . . . . . 11")]
    _contents_lines(contents)
    body = [Block("I. Introduction", size=12.0, bold=True), _numbered("1. The Commission met in Geneva."),
            _numbered("2. It held ten meetings."), _numbered("1. List of participants", size=12.0, bold=True),
            _numbered("2. Agenda of the session", size=12.0, bold=True), _numbered("1. Election of officers."),
            _numbered("3. Documents", size=12.0, bold=True)]
    _contents_entries_numbered(contents + body)
    assert [b.number for b in body] == [None, "1", "2", "1", "2", "1", "3"]


def test_front_matter_pages_keep_their_printed_roman_numbers() -> None:
    """A/80/44's summary sits on the page printed "iii" ("GE.25-09438 (E) iii"), before the body's
    page 1: its paragraphs are cited on p. iii, not on the physical page 5, which the body's p. 5
    would also be called. A front-matter page that prints no number counts on from the roman one
    (a cover before page i keeps its physical number); a lone "i" without a job number is none."""
    from rag.ingest.pages import printed_pages

    def page(furniture: str | None) -> PageText:
        blocks = [Block("A/80/44", kind="furniture")] + ([Block(furniture, kind="furniture")] if furniture else [])
        return PageText(blocks=blocks)

    pages = [page(None), page(None), page(None), page(None), page("GE.25-09438 (E) iii"),
             page("iv GE.25-09438"), page(None), page("GE.25-09438 (E) 1"), page("2 GE.25-09438"), page("i")]
    assert printed_pages(pages) == ["1", "2", "i", "ii", "iii", "iv", "v", "1", "2", "3"]


def test_a_web_address_broken_over_lines_is_one_address() -> None:
    """A/AC.182/2025 (the Journal's links to the officials of a meeting): a line ends inside the
    address, after a slash or in the middle of its last segment; the address reads whole."""
    from rag.ingest.joining import join_lines

    lines = ["See https://journal.un.org/en/new-york/meeting/officials/", "1bad5c44-d6c0-4474/2025-04-29. The",
             "Committee met."]
    assert join_lines(lines, set()) == "See https://journal.un.org/en/new-york/meeting/officials/1bad5c44-d6c0-4474/2025-04-29. The Committee met."
    assert join_lines(["at https://journal.un.org/en/officials/54277cd3-03d", "d034f722a/2025-04-30."], set()) == \
        "at https://journal.un.org/en/officials/54277cd3-03dd034f722a/2025-04-30."
    # an address that ends its sentence is followed by the next word, spaced
    assert join_lines(["available at https://www.un.org/sg.", "The report"], set()) == \
        "available at https://www.un.org/sg. The report"
    assert join_lines(["see www.un.org/sg", "and the annex"], set()) == "see www.un.org/sg and the annex"
    assert join_lines(["at https://www.un.org/", "The report"], set()) == "at https://www.un.org/ The report"
    assert join_lines(["https://data.unescap.org/;", "https://agenda2030lac.org/estadisticas/"], set()) == \
        "https://data.unescap.org/; https://agenda2030lac.org/estadisticas/"


def test_a_raised_marker_glued_to_a_year_is_a_marker(tmp_path) -> None:
    """DP/2025/10, para. 36 and E/2025/L.23 (shape): a note's raised marker right after a year
    ("as of 31 December 2024" and note 6) read "20246", and the note was lost; 12 years in the
    shared PDFs were so misread ("by 20307", "in September 20231")."""
    content = ("BT /F1 10 Tf 72 700 Td (36. Recommendations outstanding for more than 18 months as of 31 December 2024)"
               " Tj /F1 6 Tf 4 Ts (6) Tj 0 Ts /F1 10 Tf ( were followed up.) Tj ET\n"
               "BT /F1 10 Tf 72 684 Td (37. Jobs are expected to grow by 2030) Tj /F1 6 Tf 4 Ts (12) Tj 0 Ts"
               " /F1 10 Tf (.) Tj ET\n"
               "BT /F1 10 Tf 72 668 Td (38. The budget for 2025 is 12345 dollars.) Tj ET\n"
               "BT /F1 8 Tf 72 100 Td (6 See annex II.) Tj ET\n"
               "BT /F1 8 Tf 72 90 Td (12 Projection of the International Labour Organization.) Tj ET\n")
    texts, notes = _texts_and_notes(tmp_path / "DP_2025_10.pdf", content)
    assert texts["36"] == "Recommendations outstanding for more than 18 months as of 31 December 2024 were followed up."
    assert texts["37"] == "Jobs are expected to grow by 2030."
    assert texts["38"] == "The budget for 2025 is 12345 dollars."
    assert notes == {"6": "See annex II.", "12": "Projection of the International Labour Organization."}


def test_a_raised_marker_glued_to_a_period_s_two_digit_end_is_a_marker(tmp_path) -> None:
    """E/2025/64, para. 19: "the National Environment Policy 2022–32" and note 10 read
    "2022–3210", and the note was lost; "2020–2025" and "1995-96" without a note stay."""
    content = ("BT /F1 10 Tf 72 700 Td (19. Examples include the National Environment Policy 2022-32) Tj"
               " /F1 6 Tf 4 Ts (10) Tj 0 Ts /F1 10 Tf ( of the Cook Islands.) Tj ET\n"
               "BT /F1 10 Tf 72 684 Td (20. The plans cover 2020-2025 and 1995-96 alike.) Tj ET\n"
               "BT /F1 8 Tf 72 100 Td (10 Available at www.oneplanetnetwork.org.) Tj ET\n")
    texts, notes = _texts_and_notes(tmp_path / "E_2025_64.pdf", content)
    assert texts["19"] == "Examples include the National Environment Policy 2022-32 of the Cook Islands."
    assert texts["20"] == "The plans cover 2020-2025 and 1995-96 alike."
    assert notes == {"10": "Available at www.oneplanetnetwork.org."}


def _texts_and_notes(path, content: str) -> tuple[dict[str, str], dict[str, str]]:
    """A one-page PDF of `content` parsed: each paragraph's text by number, each note by marker."""
    from rag.ingest import parse_file
    from tests.make_docs import make_pdf

    doc = parse_file(make_pdf(path, content))
    return {p.number: p.text for p in doc.paragraphs}, {f.marker: f.text for p in doc.paragraphs for f in p.footnotes}


def test_a_line_pdfium_breaks_at_a_raised_marker_stays_one_line(tmp_path) -> None:
    """A/AC.109/2025/L.25, page 1 (shape): pdfium ends a printed line at a note's raised marker
    and starts the rest of it as a line of its own on the same baseline ("... Colonialism, 2" and
    "submitted pursuant to ..."); the rest stood right of the margin, so it opened a preambular
    paragraph of its own and every later count on the page was one too many (189 such breaks in
    the shared PDFs)."""
    from rag.ingest import parse_file
    from tests.make_docs import make_pdf

    content = ("BT /F1 10 Tf 90 700 Td (Taking note of the report of the Secretary-General on the Fourth) Tj ET\n"
               "BT /F1 10 Tf 72 688 Td (Decade for the Eradication of Colonialism,) Tj /F1 6 Tf 4 Ts (2) Tj 0 Ts"
               " /F1 10 Tf ( submitted pursuant to resolution 75/123,) Tj ET\n"
               "BT /F1 10 Tf 72 676 Td (and reaffirming in this regard its continued commitment to decolonization,) Tj ET\n"
               "BT /F1 10 Tf 90 658 Td (Regretting that measures to eliminate colonialism have not been successful,) Tj ET\n"
               "BT /F1 8 Tf 72 100 Td (2 A/80/80.) Tj ET\n")
    doc = parse_file(make_pdf(tmp_path / "A_AC.109_2099_L.25.pdf", content))
    assert [p.text for p in doc.paragraphs] == [
        "Taking note of the report of the Secretary-General on the Fourth Decade for the Eradication of Colonialism, "
        "submitted pursuant to resolution 75/123, and reaffirming in this regard its continued commitment to "
        "decolonization,",
        "Regretting that measures to eliminate colonialism have not been successful,"]
    assert [f.text for f in doc.paragraphs[0].footnotes] == ["A/80/80."]


def test_a_note_marked_on_several_pages_of_one_paragraph_is_listed_once() -> None:
    """A/50/610, para. 8 runs over 15 pages, the same note's marker on many of them: `rag show`
    listed "note 2: Statements in explanation of vote ..." 21 times."""
    from rag.ingest.blocks import marker_token

    pages = [PageText(blocks=[Block(f"8. The Committee rejected the amendment.{marker_token('2')}", page=1, kind="body",
                                    number="8"),
                              Block("2 Statements in explanation of vote were made.", page=1, kind="footnote")]),
             PageText(blocks=[Block(f"The Committee rejected the second amendment.{marker_token('2')}", page=2,
                                    kind="body"),
                              Block(f"It adopted the third.{marker_token('3')}", page=2, kind="body"),
                              Block("9. The Committee adopted the draft resolution.", page=2, kind="body", number="9"),
                              Block("2 Statements in explanation of vote were made.", page=2, kind="footnote"),
                              Block("3 Without a vote.", page=2, kind="footnote")])]
    para = next(p for p in assemble(pages) if p.number == "8")
    assert [(f.marker, f.text) for f in para.footnotes] == [("2", "Statements in explanation of vote were made."),
                                                           ("3", "Without a vote.")]


def test_a_table_in_small_type_under_the_body_is_a_table_not_notes() -> None:
    """A/79/772, page 7: a table in small type closes the page under its bold title, its first row
    the column heads; it was read as the page's notes, so "187 managers exceed expectations" was
    nowhere to be cited (and an annex table ran into a document's last note). A page's notes open
    with their number."""
    size = 10.0

    def line(text: str, y: float, small: float = 0.0, bold: bool = False) -> _Line:
        return _Line(text, 124, y, small or size, bold, 7, False)

    lines = [line("23. Upon enquiry, the Advisory Committee was provided with the table below.", 230),
             line("Number of managers meeting each performance appraisal category", 150, bold=True),
             line("Score Score description No. of managers", 133, small=7.0),
             line("4 Exceeds expectations 187", 111, small=8.5),
             line("3 Successfully meets expectations 3 586", 97, small=8.5),
             line("2 Partially meets expectations 190", 82, small=8.5)]
    blocks = _classify(lines, 792, size)
    tables = [b for b in blocks if b.kind == "table"]
    assert len(tables) == 1 and tables[0].text == ("Number of managers meeting each performance appraisal category "
                                                   "Score Score description No. of managers 4 Exceeds expectations 187 "
                                                   "3 Successfully meets expectations 3 586 2 Partially meets "
                                                   "expectations 190")
    assert [b.text[:3] for b in blocks if b.kind == "body"] == ["23."]  # the title is the table's, no heading
    notes = [line("23. The Committee was informed of the outcome.", 230), line("__________________", 140, small=8.0),
             line("1 See A/79/696, para. 59.", 130, small=8.0), line("2 See ST/AI/2021/4/Rev.1.", 120, small=8.0),
             line("3 See ST/SGB/2024/4.", 110, small=8.0)]
    assert [b.kind for b in _classify(notes, 792, size)] == ["body"] + ["footnote"] * 4


def test_a_chapter_of_unnumbered_text_is_not_the_paragraph_before_it() -> None:
    """UNW/2025/2, pages 4-5: chapter II ("Key aggregate results") is a page of boxed figures
    with no paragraph number; its text ran into para. 12 of chapter I, and the chapter's heading
    was lost from every section path."""
    def line(text: str, y: float, number: str | None = None, size: float = 10.0, bold: bool = False) -> Block:
        return Block(text, page=4, kind="body", number=number, size=size, bold=bold, x=124, y=y)

    lines = [line("11. Striking the right balance remains a formidable task.", 666, "11"),
             line("12. In 2025, the final year of its Strategic Plan, UN-Women will work with conviction.", 540, "12"),
             line("II. Key aggregate results of the Strategic Plan (2022-2024)", 459, size=14.0, bold=True),
             line("In 83 countries, UN-Women worked with national partners to strengthen the legal environment.", 411),
             line("325 laws adopted, revised or repealed to further advance the rights of women and girls.", 380),
             line("III. Performance by impact area", 300, size=14.0, bold=True),
             line("13. In 2024, UN-Women supported 109 countries and territories.", 280, "13")]
    paragraphs = assemble([PageText(blocks=lines)])
    by_number = {(p.running, p.number): p for p in paragraphs}
    assert by_number[(False, "12")].text.endswith("will work with conviction.")
    box = [p for p in paragraphs if p.running]
    assert box and box[0].text.startswith("In 83 countries") and "325 laws adopted" in " ".join(p.text for p in box)
    assert box[0].section == "II. Key aggregate results of the Strategic Plan (2022-2024)"
    assert by_number[(False, "13")].section == "III. Performance by impact area"


def test_a_note_in_the_texts_type_under_a_gap_is_a_note_where_the_text_marks_its_number() -> None:
    """A/52/622, page 1 (positions as read): the note "1 To be issued in final form as Official
    Records ..." is set in the body's type under a gap; the text marks it with a raised "1". It
    ran into para. 2 ("... The 1 To be issued ... Committee took action ...")."""
    from rag.ingest.blocks import marker_token
    from rag.ingest.pdf import _typed_notes

    def line(text: str, y: float, number: str | None = None, x: float = 65) -> Block:
        return Block(text, page=1, kind="body", number=number, size=10.0, x=x, y=y)

    blocks = [line(f"1. The Assembly referred chapter V of the report (A/52/3),{marker_token('1')} to the item.", 226,
                   "1"),
              line("2. At its 2nd meeting, the Fourth Committee decided to hold a general debate. The", 204, "2"),
              line("1 To be issued in final form as Official Records of the General Assembly,", 121, x=95),
              line("Fifty-second Session, Supplement No. 3 (A/52/3/Rev.1).", 106)]
    page2 = [Block("Committee took action on the items at its 9th meeting.", page=2, kind="body", size=10.0, x=65,
                   y=680)]
    pages = [PageText(blocks=blocks), PageText(blocks=page2)]
    _typed_notes(pages, [792, 792], 10.0)
    paragraphs = {p.number: p for p in assemble(pages)}
    assert paragraphs["2"].text.endswith("general debate. The Committee took action on the items at its 9th meeting.")
    assert [f.text for f in paragraphs["1"].footnotes] == [
        "To be issued in final form as Official Records of the General Assembly, Fifty-second Session, Supplement "
        "No. 3 (A/52/3/Rev.1)."]


def test_a_note_marked_on_a_heading_goes_to_the_first_paragraph_under_it() -> None:
    """TPNW/MSP/2025/11, annex I: the declaration's heading marks note 1 ("Adopted by the Meeting
    at its 10th plenary meeting, on 7 March 2025"); headings are no units, so the note was lost."""
    from rag.ingest.blocks import marker_token

    def line(text: str, y: float, number: str | None = None, bold: bool = False, kind: str = "body") -> Block:
        return Block(text, page=7, kind=kind, number=number, size=10.0, bold=bold, x=124, y=y)

    lines = [line("1. The Meeting adopted its agenda.", 700, "1"),
             line(f"II. Declaration of the third Meeting of States Parties{marker_token('1')}", 660, bold=True),
             line("2. We, the States Parties, reaffirm our commitment to the Treaty.", 640, "2"),
             line("3. We condemn any threat to use nuclear weapons.", 620, "3"),
             line("1 Adopted by the Meeting at its 10th plenary meeting, on 7 March 2025.", 100, kind="footnote")]
    paragraphs = {p.number: p for p in assemble([PageText(blocks=lines)])}
    assert [f.text for f in paragraphs["2"].footnotes] == ["Adopted by the Meeting at its 10th plenary meeting, on "
                                                          "7 March 2025."]
    assert paragraphs["1"].footnotes == [] and paragraphs["3"].footnotes == []
    assert paragraphs["2"].section == "II. Declaration of the third Meeting of States Parties"


def test_an_areas_raised_exponent_is_no_note_marker(tmp_path) -> None:
    """A/AC.109/2025/L.13, para. 2: "8,959 km²" read "8,959 km" with a note "2" that was another's
    (the page's note 2 went to the paragraph); the comma on the next line joined with a space."""
    from rag.ingest import parse_file
    from tests.make_docs import make_pdf

    content = ("BT /F1 10 Tf 72 700 Td (2. Puerto Rico has a land area of 8,959 km) Tj /F1 6 Tf 4 Ts (2) Tj 0 Ts ET\n"
               "BT /F1 10 Tf 72 688 Td (, including the islands of Vieques and Culebra.) Tj ET\n"
               "BT /F1 10 Tf 72 670 Td (3. The mine action teams cleared 531,366 m) Tj /F1 6 Tf 4 Ts (2) Tj 0 Ts"
               " /F1 10 Tf ( of land.) Tj /F1 6 Tf 4 Ts (1) Tj 0 Ts ET\n"
               "BT /F1 8 Tf 72 100 Td (1 Mine Action Service data.) Tj ET\n")
    paragraphs = {p.number: p for p in parse_file(make_pdf(tmp_path / "A_AC.109_2099_L.13.pdf", content)).paragraphs}
    assert paragraphs["2"].text == "Puerto Rico has a land area of 8,959 km², including the islands of Vieques and " \
                                   "Culebra."
    assert paragraphs["2"].footnotes == []
    assert paragraphs["3"].text == "The mine action teams cleared 531,366 m² of land."
    assert [f.text for f in paragraphs["3"].footnotes] == ["Mine Action Service data."]


def test_lines_under_a_notes_rule_are_notes_where_the_page_gives_no_type_sizes() -> None:
    """A/80/150, page 4: the text layer gives no type sizes; the notes under the rule ran into
    agenda item 48 ("... (resolution 79/87). __________________ 1 The inclusion of this item ...")."""
    def line(text: str, y: float, x: float = 124) -> _Line:
        return _Line(text, x, y, 0.0, False, 4, False)

    lines = [line("48. International cooperation in the peaceful uses of outer space (resolution", 137),
             line("79/87).", 125, x=147), line("__________________", 93, x=100),
             line("1 The inclusion of this item in the draft agenda is subject to any action the", 84, x=118),
             line("Assembly may take on it at its seventy-ninth session.", 70)]
    kinds = [b.kind for b in _classify(lines, 792, 10.0)]
    assert kinds == ["body", "body", "footnote", "footnote", "footnote"]
    upper = [line("1. The Committee met.", 700), line("__________________", 650, x=100), line("2. It adjourned.", 600)]
    assert [b.kind for b in _classify(upper, 792, 10.0)] == ["body", "body", "body"]  # no rule in the upper half


def test_a_short_list_item_before_the_numbered_text_is_text() -> None:
    """E/2025/72, page 2 (lines and positions as the PDF gives them): the summary's list of the
    Committee's amendments has one-line items shorter than a masthead block; each is a paragraph."""
    def block(text: str, y: float, x: float = 147.8) -> Block:
        return Block(text, size=9.96, x=x, y=y, page=1)

    summary = [block("The Committee adopted amendments to the Model Regulations and the Manual", 640),
               block("of Tests and Criteria, which consist mainly of new or revised provisions concerning:", 628, 123.7),
               block("(b) Salvage pressure receptacles, including a definition for the maximum", 561.4),
               block("pressure volume product (pV-product);", 549.4, 123.6),
               block("(c) Classification of energetic samples;", 531.3),
               block("(d) Infectious substances of categories A and B;", 513.3),
               block("(e) Special provisions and packing provisions;", 495.3),
               block("Distr.: General", 470.0)]
    numbered = [Block("1. In accordance with resolution 2023/5, the secretariat has published the revised editions.",
                      size=9.96, x=147.8, y=300.0, page=2, number="1"),
                Block("2. The secretariat has published the revised editions of the Model Regulations.",
                      size=9.96, x=147.8, y=280.0, page=2, number="2")]
    texts = [p.text for p in assemble([PageText(blocks=[]), PageText(blocks=summary), PageText(blocks=numbered)])]
    assert "(c) Classification of energetic samples;" in texts
    assert "(e) Special provisions and packing provisions;" in texts
    assert "Distr.: General" not in texts


def test_a_lower_case_line_after_an_unended_one_goes_on_across_a_gap() -> None:
    """A/80/39, page 7 (lines and positions as the PDF gives them): the line holding the quoted
    title sits off its baseline, so the gap to the next line looks like a new block; the next
    line opens in lower case after "in which" and goes on with the preambular paragraph."""
    def block(text: str, y: float, x: float = 123.7) -> Block:
        return Block(text, size=10.02, x=x, y=y, page=1)

    preamble = [block("Reaffirming General Assembly resolution 70/1 of 25 September 2015, entitled", 370.5, 146.9),
                block("“Transforming our world: the 2030 Agenda for Sustainable Development”, in which", 362.8),
                block("it adopted a comprehensive, far-reaching and people-centred set of universal and", 346.5),
                block("transformative Sustainable Development Goals and targets.", 334.5),
                block("Reaffirming also General Assembly resolution 69/313 of 27 July 2015,", 310.0, 146.9),
                block("a Accession.", 280.0)]
    texts = [p.text for p in assemble([PageText(blocks=[]), PageText(blocks=preamble)])]
    assert texts[0].endswith("in which it adopted a comprehensive, far-reaching and people-centred set of universal "
                             "and transformative Sustainable Development Goals and targets.")
    assert texts[1].startswith("Reaffirming also")
    assert texts[-1] == "a Accession."  # a table note's letter opens its own block


def test_a_figures_source_and_abbreviations_lines_are_the_figures() -> None:
    """S/2025/403, page 11 (lines as the PDF gives them): under figure V, its source and
    abbreviations in small type; they ran into para. 33 before the figure."""
    lines = [_Line("33. State agents committed 466 human rights violations (see figure V).", 123.8, 720.0, 9.96,
                   False, 10, False),
             _Line("Figure V", 123.5, 707.5, 9.96, False, 10, False),
             _Line("Human rights violations by alleged State forces in North Kivu and Ituri", 123.6, 695.5, 9.96,
                   True, 10, False),
             _Line("Source: MONUSCO/Joint Human Rights Office.", 123.1, 440.5, 8.52, False, 10, False),
             _Line("Abbreviations: FARDC, Armed Forces of the Democratic Republic of the Congo;", 122.6, 430.1, 8.52,
                   False, 10, False),
             _Line("PNC, Congolese National Police.", 137.6, 419.6, 8.52, False, 10, False),
             _Line("34. Civic space continued to shrink, as media outlets and journalists faced", 123.8, 396.0, 9.96,
                   False, 10, False)]
    kinds = {b.text[:12]: b.kind for b in _classify(lines, 842.0, 9.96)}
    assert kinds["Source: MONU"] == kinds["Abbreviation"] == kinds["PNC, Congole"] == "furniture"
    assert kinds["33. State ag"] == kinds["34. Civic sp"] == "body"


def test_the_annexes_and_appendices_listed_on_a_contents_page_are_contents() -> None:
    """DP/FPA/2025/6, page 4 (lines as the PDF gives them): under the contents' last entry, a bold
    "Annexes" with numbered titles, a bold "Appendices" with two more and a note in brackets; none
    of it is text (it was cited as "p. 4, ¶ 1" under the heading "1. The OAIS charter")."""
    def line(text: str, y: float, x: float = 76.0, size: float = 10.08, bold: bool = False) -> _Line:
        return _Line(text, x, y, size, bold, 4, False)

    lines = [line("XIII. Way forward .............................................................. 27", 290.3, 57.7),
             line("Annexes", 254.3, 57.7, 11.04, True),
             line("1. The OAIS charter", 239.6),
             line("8. Recommendations unresolved for 18 months or more, as of 31 December 2024.", 159.0),
             line("Appendices", 143.6, 57.7, 11.04, True),
             line("1. Annual report of the Oversight Advisory Committee for 2024", 128.9),
             line("(Annexes and appendices are available on the UNFPA website)", 98.1, 187.9)]
    assert {b.kind for b in _classify(lines, 842.0, 10.08)} == {"furniture"}


def test_the_next_notes_number_with_a_full_stop_or_run_into_its_first_word_opens_it() -> None:
    """DP/FPA/2025/6, pages 26 and 29: notes 19 and 20 print as "19. For cases ..." and "20OAIS
    observes ..."; both were "(body not found)"."""
    from rag.ingest.footnotes import Notes

    def note(text: str, page: int, y: float) -> Block:
        return Block(text, kind="footnote", size=7.92, x=57.8, y=y, page=page)

    pages = [PageText(blocks=[note("18 A single case registered by OAIS can contain multiple allegations.", 0, 90)]),
             PageText(blocks=[note("19. For cases closed by case closure note, OAIS collected evidence.", 1, 98)]),
             PageText(blocks=[note("20OAIS observes that out of the total loss, one major case represents 87 per", 2, 82),
                              note("cent. 2013 and 2018 were the years of the fraud.", 2, 61)])]
    notes = Notes(pages, set())
    assert notes.lookup("19", 1) == "For cases closed by case closure note, OAIS collected evidence."
    assert notes.lookup("20", 2).startswith("OAIS observes that out of the total loss")
    # a number that is not the next note's, run into a word, goes on with the note above
    assert Notes([PageText(blocks=[note("18 A case.", 0, 90), note("2013Fraud came to light.", 0, 80)])],
                 set()).lookup("18", 0) == "A case. 2013Fraud came to light."


def test_a_table_without_a_caption_right_after_a_table_goes_on_with_it() -> None:
    """DP/FPA/2025/6, pages 8-11: table 2 runs onto page 9 without its caption; that part was
    numbered by count (here "2", after table 4), so two tables of one number were cited."""
    def para(text: str, page: int, y: float, number: str) -> Block:
        return Block(text, size=10.08, x=76.0, y=y, page=page, number=number)

    def table(text: str, page: int) -> Block:
        return Block(text, kind="table", size=9.0, x=60.0, y=400.0, page=page)

    pages = [PageText(blocks=[para("1. The audit plan was implemented in full.", 1, 700, "1"),
                              table("Table 4. Status of implementation of the 2024 audit plan Fraud risk management", 1)]),
             PageText(blocks=[table("Regional Office 1 East and Southern Africa Regional Office Report #5", 2),
                              para("2. Table 2 gives the ratings of the audit reports issued.", 2, 300, "2")]),
             PageText(blocks=[table("Table 2. Audit report ratings Satisfactory 12 Partially satisfactory 9", 3)])]
    tables = [(p.number, p.page) for p in assemble(pages) if p.part == "table"]
    assert [number for number, _ in tables] == ["4", "4", "2"]


def test_a_figures_credits_leave_the_pages_notes_and_a_figure_without_credits_takes_none() -> None:
    def line(text: str, y: float, size: float = 9.96) -> _Line:
        return _Line(text, 123.6, y, size, False, 3, False)

    credited = [line("12. The Committee met twice (see figure I).", 720.0),
                line("Figure I", 700.0), line("Source: UNFPA.", 300.0, 8.52),
                line("__________________", 120.0, 8.52),
                line("1 See A/79/772, para. 17.", 100.0, 8.52), line("2 Ibid.", 90.0, 8.52)]
    kinds = {b.text: b.kind for b in _classify(credited, 842.0, 9.96)}
    assert kinds["Source: UNFPA."] == "furniture"
    assert kinds["1 See A/79/772, para. 17."] == kinds["2 Ibid."] == "footnote"
    # no credit under the figure: a "Note:" further down, after the text goes on, is not the figure's
    bare = [line("12. The Committee met twice (see figure I).", 720.0), line("Figure I", 700.0),
            line("13. The Committee adopted its report at its closing meeting in March.", 400.0),
            line("Note: the report is available online.", 300.0, 8.52)]
    assert {b.text: b.kind for b in _classify(bare, 842.0, 9.96)}["Note: the report is available online."] != "furniture"


def test_tables_without_captions_on_one_page_are_two_and_numbers_are_not_skipped() -> None:
    def table(text: str, page: int, y: float) -> Block:
        return Block(text, kind="table", size=9.0, x=60.0, y=y, page=page)

    pages = [PageText(blocks=[table("Region Offices Reports 12 9", 1, 600), table("Country Reports 22 20", 1, 300)]),
             PageText(blocks=[table("Country Reports (continued) 4 3", 2, 600)]),
             PageText(blocks=[Block("1. The audit plan was implemented.", size=10.0, x=76.0, y=700, page=3, number="1"),
                              Block("2. The plan covered all regions.", size=10.0, x=76.0, y=680, page=3, number="2"),
                              table("Audits by quarter 5 6 7 8", 3, 400)])]
    numbers = [p.number for p in assemble(pages) if p.part == "table"]
    assert numbers == ["1", "2", "2", "3"]


def test_a_list_of_abbreviations_is_no_text() -> None:
    """JIU/REP/2025/2, pp. v-vi: "Abbreviations and acronyms" in 14-point bold, then its entries
    (a wrapped expansion indented), over the page's foot; the PDF's lines and the text
    conversion's blocks (no type, no positions, the page's foot left in) alike."""
    def line(text: str, y: float, x: float = 123.4, size: float = 9.96, bold: bool = False, page: int = 6,
             number: str | None = None) -> Block:
        return Block(text, page=page, size=size, bold=bold, x=x, y=y, number=number)
    pdf = [PageText(blocks=[line("Abbreviations and acronyms", 707.5, size=14.04, bold=True),
                            line("CEB United Nations System Chief Executives Board for Coordination", 678.9),
                            line("UNRWA United Nations Relief and Works Agency for Palestine Refugees", 659.1),
                            line("in the Near East", 647.1, x=190.2),
                            line("UN-Women United Nations Entity for Gender Equality", 627.1)]),
           PageText(blocks=[line("WHO World Health Organization", 705.3, page=7),
                            line("I. Introduction", 680.0, size=14.04, bold=True, page=7),
                            line("1. A review of policies and practices was conducted.", 650.0, page=7, number="1"),
                            line("2. The objectives of the review were fivefold.", 620.0, page=7, number="2")])]
    assert [(p.number, p.text) for p in assemble(pdf)] == [("1", "A review of policies and practices was conducted."),
                                                           ("2", "The objectives of the review were fivefold.")]
    text = [PageText(blocks=[Block("Abbreviations and acronyms", page=6, size=10.0),
                             Block("CEB United Nations System Chief Executives Board for Coordination FAO Food and "
                                   "Agriculture Organization of the United Nations", page=6, size=10.0),
                             Block("25-10679 v", page=6, size=10.0),
                             Block("WHO World Health Organization", page=7, size=10.0),
                             Block("I. Introduction", page=7, size=10.0, kind="heading"),
                             Block("1. A review of policies and practices was conducted.", page=7, size=10.0,
                                   number="1")])]
    kept = assemble(text)
    assert len(kept) == 1 and kept[0].text.endswith("A review of policies and practices was conducted.")


def test_a_list_of_abbreviations_ends_at_the_first_sentence() -> None:
    """An entry ends no sentence: text that opens with an acronym after the list ("UNICEF and WHO
    supported ...") is kept; an acronym of one capital and digits ("G20") is an entry."""
    blocks = [Block("Acronyms", page=1, size=10.0),
              Block("G20 Group of Twenty", page=1, size=10.0),
              Block("UNDP United Nations Development Programme", page=1, size=10.0),
              Block("UNICEF and WHO supported the national vaccination campaign in 2024.", page=1, size=10.0),
              Block("UNFPA provided supplies to 40 clinics.", page=1, size=10.0)]
    texts = [p.text for p in assemble([PageText(blocks=blocks)])]
    assert texts == ["UNICEF and WHO supported the national vaccination campaign in 2024.",
                     "UNFPA provided supplies to 40 clinics."]


def test_an_older_documents_annex_heading_in_capitals_opens_the_annex() -> None:
    """A/52/826, page 12: "ANNEX", centred in the text's type, not bold, over the Group of Eight's
    talking points numbered 1-12, which ran into the report's para. 51."""
    from rag.ingest.assemble import _opens_annex

    assert _opens_annex(Block("ANNEX", kind="body", size=10.6, x=291, y=680), 10.6) == "annex"
    assert _opens_annex(Block("ANNEX II", kind="body", size=10.6), 10.6) == "annex II"
    assert _opens_annex(Block("Annex", kind="body", size=10.6), 10.6) is None  # a word in the text's own type


def test_a_raised_marker_opening_the_rest_of_a_printed_line_is_the_marker() -> None:
    """S/2025/303, annex, page 5: pdfium breaks "... maritime risks (see Map 2).13 For example,
    ..." at note 13's raised marker, the marker opening the rest of the line; "13" was read as
    text before a capital ("(see Map 2). 13 For example") and note 13 was never cited."""
    from pathlib import Path

    from rag.ingest import parse_file
    from tests.conftest import shared_path

    doc = parse_file(Path(shared_path("data", "un_corpus", "pdf", "S_2025_303.en.pdf")))
    twelfth = next(p for p in doc.paragraphs if p.annex and p.number == "12" and not p.running)
    assert "(see Map 2). For example, the 5 Segond" in twelfth.text
    assert [f.marker for f in twelfth.footnotes][:1] == ["13"]
    assert twelfth.footnotes[0].text.startswith("All the information in paragraphs 12 to 19 was gathered by UNODC")


def test_a_joint_symbol_broken_after_its_hyphen_is_joined_whole() -> None:
    """E/CN.3/2025/8, page 1: "A/79/79-" ends a line and "E/2024/54" opens the next; the joint
    symbol read "A/79/79- E/2024/54"."""
    from rag.ingest.joining import join_lines

    assert join_lines(["the report of the Secretary-General (A/79/79-", "E/2024/54) on progress"], set()) == \
        "the report of the Secretary-General (A/79/79-E/2024/54) on progress"
    assert join_lines(["the years 2020-", "2024 saw"], set()) == "the years 2020-2024 saw"
    assert join_lines(["a well-", "known case"], set()) == "a well-known case"


def test_the_running_symbol_on_a_landscape_map_page_is_no_note_s_last_line() -> None:
    """S/2025/97's map page prints "S/2025/97" where notes would stand; it ran on after the
    report's only note ("Fiscal deficit, including grants. S/2025/97")."""
    from rag.ingest import parse_file
    from tests.conftest import shared_path

    doc = parse_file(shared_path("data", "un_corpus", "pdf", "S_2025_97.en.pdf"))
    para = next(p for p in doc.paragraphs if p.number == "7" and not p.annex)
    assert [f.text for f in para.footnotes] == ["Fiscal deficit, including grants."]


def test_text_under_a_heading_after_an_agenda_s_last_item_is_no_more_of_that_item() -> None:
    """UNW/2025/L.3 (shape): a provisional agenda's items 1-11 ("11. Other matters"), then the
    heading "Annotations" in larger bold type and each item's annotation under "Item 1"; the
    annotations made one "para. 11" of seven pages. A numbered paragraph that is a sentence goes on
    under a heading as before."""
    from rag.ingest.assemble import assemble
    from rag.ingest.blocks import Block, PageText

    def b(text: str, y: float, size: float = 10.0, number: str | None = None, bold: bool = False) -> Block:
        return Block(text, page=1, kind="body", number=number, size=size, bold=bold, x=123.0, y=y)
    lines = [b("1. Organizational matters", 600, number="1"), b("2. Evaluation", 588, number="2"),
             b("3. Other matters", 576, number="3"), b("Annotations", 540, 12.0, bold=True),
             b("Item 1", 520, bold=True), b("Organizational matters", 508, bold=True),
             b("Based on the annual workplan adopted at the first regular session, this agenda is prepared.", 490)]
    paragraphs = assemble([PageText(blocks=lines)])
    assert [p.text for p in paragraphs if not p.running] == ["Organizational matters", "Evaluation", "Other matters"]
    annotation = next(p for p in paragraphs if p.running)
    assert annotation.text.startswith("Based on the annual workplan")
    sentence = lines[:2] + [b("3. The Board will consider other matters raised by delegations.", 576, number="3")] \
        + lines[3:]
    third = [p for p in assemble([PageText(blocks=sentence)]) if not p.running][2]
    assert third.text.endswith("this agenda is prepared.")


def test_a_hyphen_the_pdf_sets_after_a_space_joins_its_words() -> None:
    """A/80/275, para. 60 as pdfium reads it: "a mid -level suspect"; E/2025/19, para. 58: "the
    twenty -fourth meeting". The space is the PDF's, not the text's; a dash set between spaces
    ("the Committee - its sixth - is scheduled") stays."""
    from rag.ingest.joining import clean_text

    assert clean_text("the involvement of a mid -level \r\nsuspect for crimes") == \
        "the involvement of a mid-level suspect for crimes"
    assert clean_text("During the twenty -fourth meeting") == "During the twenty-fourth meeting"
    assert clean_text("Guinea -Bissau") == "Guinea-Bissau"
    assert clean_text("that session of the Committee - its sixth - is scheduled") == \
        "that session of the Committee - its sixth - is scheduled"


def test_a_capitalised_compound_broken_at_its_hyphen_joins_where_the_document_writes_it() -> None:
    """TPNW/MSP/2025/11, p. 3 as pdfium reads it: "... as Secretary -" / "General of the Meeting."; the
    document writes "Secretary-General" elsewhere. A dash before a capital stays a dash."""
    from rag.ingest.joining import join_lines, vocabulary

    vocab = vocabulary(["appointed by the Secretary-General of the United Nations"])
    assert join_lines(["Office for Disarmament Affairs, as Secretary -", "General of the Meeting."], vocab) == \
        "Office for Disarmament Affairs, as Secretary-General of the Meeting."
    assert join_lines(["as Secretary-", "General of the Meeting."], vocab) == "as Secretary-General of the Meeting."
    assert join_lines(["the session of the Committee -", "Chair Smith presiding"], vocab) == \
        "the session of the Committee - Chair Smith presiding"


def test_cyrillic_look_alikes_inside_a_latin_word_read_as_latin() -> None:
    """S/2025/200, paras. 11 and 75-76 print "Vetёvendosje", "Gojbulё" and "UҪK" with a Cyrillic
    "ё" or "Ҫ" inside Latin words, so a question writing "Vetëvendosje" missed the party. A word
    mixing the scripts reads as Latin; a word wholly Cyrillic stays as printed."""
    from rag.ingest.joining import clean_text
    from rag.textutil import terms

    assert clean_text("The incumbent Vetёvendosje \nParty obtained") == "The incumbent Vetëvendosje Party obtained"
    assert clean_text("the school in Gojbulja/Gojbulё for") == "the school in Gojbulja/Gojbulë for"
    assert clean_text("inscriptions of “UҪK” and") == "inscriptions of “UÇK” and"
    assert clean_text("the Москва river") == "the Москва river"
    # a long word beside a Cyrillic one (found in review: a backtracking pattern took minutes on this)
    assert clean_text("a" * 20000 + " Москва " + "Ж" * 20000).endswith("Ж")
    assert set(terms("Which share of votes did Vetëvendosje obtain?")) & set(terms(clean_text("Vetёvendosje Party")))


def test_a_chapter_heading_high_on_its_page_is_no_running_symbol() -> None:
    """E/CN.6/2025/4, page 3: "II. Priority themes for the period 2026–2029" stands under the running
    symbol and was read as one (a capital, a full stop, a figure), leaving paras. 8-24 under "I.
    Introduction"; the running symbol itself stays furniture."""
    from rag.ingest.pdf import _is_margin

    assert not _is_margin(_Line("II. Priority themes for the period 2026–2029", 96.9, 707.5, 14.04, True, 3, False),
                          792.0)
    assert not _is_margin(_Line("A. Financial performance in 2024", 96.9, 707.5, 12.0, True, 3, False), 792.0)
    assert not _is_margin(_Line("IV. UNFPA results in 2024", 96.9, 707.5, 14.04, True, 3, False), 792.0)
    assert _is_margin(_Line("E/CN.6/2025/4", 499.6, 733.0, 8.52, True, 3, False), 792.0)
    assert _is_margin(_Line("24-23868 3/12", 60.2, 38.2, 6.96, False, 3, False), 792.0)
