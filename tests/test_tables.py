"""Captioned tables in PDF pages: one unit each, the paragraph they interrupt runs on.

The lines are an extract of DP/FPA/2025/6, page 23 (positions and sizes as pypdfium2 reads
them): the text layer hands the table's cells over after the page's footnotes."""

from __future__ import annotations

from rag.index.paragraphs import split_cited_part
from rag.ingest.assemble import assemble
from rag.ingest.blocks import Block, PageText
from rag.ingest.tables import collapse_tables
from rag.models import TABLE, render_citation

BODY = 10.1


def _b(text: str, x: float, y: float, size: float = BODY, kind: str = "body", number: str | None = None,
       bold: bool = False) -> Block:
    return Block(text, page=23, kind=kind, number=number, size=size, bold=bold, x=x, y=y)


def _page() -> list[Block]:
    return [
        _b("79. Table 6 below depicts the breakdown of cases opened in 2024, compared to 2023, 2022 and 2021, at",
           93.3, 534.1, number="79"),
        _b("Table 6. Yearly case intake, at headquarters and by region, for 2021-2024", 167.4, 505.4, bold=True),
        _b("headquarters and by region, which the table sets out year by year.", 93.7, 280.0),
        _b("80. In 2024, OAIS had a total caseload of 448 cases (314 carried over from 2023 and prior years",
           93.7, 253.4, number="80"),
        _b("18. In 2024, OAIS sent nine referrals/advisory memoranda concerning nine of these non-cases", 94.5, 79.7,
           size=7.9, kind="footnote"),
        _b("UNFPA", 85.1, 466.1, size=9.1, bold=True),
        _b("headquarters/region", 85.1, 455.2, size=9.1, bold=True),
        _b("2021 2022 2023 2024", 221.3, 472.2, size=9.1, bold=True),
        _b("Headquarters 4 3 5 3 8 5 15 11", 85.2, 434.3, size=9.1),
        _b("Arab States 31 26 33 20 27 16 20 15", 85.1, 419.4, size=9.1),
        _b("Asia and the Pacific 14 12 42 25 48 29 23 17", 85.1, 404.3, size=9.1),
        _b("East and Southern Africa 37 32 31 19 43 26 29 22", 85.1, 389.4, size=9.1),
        _b("Eastern Europe and", 85.1, 376.7, size=9.1),
        _b("Central Asia 4 3 12 7 12 7 7 5", 85.2, 366.2, size=9.1),
        _b("Latin America and the", 85.1, 355.3, size=9.1),
        _b("Caribbean 5 4 13 8 9 5 9 7", 85.2, 344.9, size=9.1),
        _b("West and Central Africa 23 20 30 18 20 12 31 23", 85.0, 332.2, size=9.1),
        _b("Total 118 100 166 100 167 100 134 100", 85.3, 317.4, size=9.1, bold=True),
    ]


def test_a_captioned_table_is_one_block_in_the_captions_place_rows_in_reading_order() -> None:
    out = collapse_tables(_page(), BODY)
    kinds = [b.kind for b in out]
    assert kinds == ["body", "table", "body", "body", "footnote"]
    table = out[1]
    assert table.text.startswith("Table 6. Yearly case intake")
    assert table.text.index("2021 2022 2023 2024") < table.text.index("UNFPA") < table.text.index("Headquarters 4")
    assert table.text.endswith("Total 118 100 166 100 167 100 134 100")


def test_the_table_is_a_unit_of_its_own_and_the_paragraph_runs_on_after_it() -> None:
    paras = assemble([PageText(blocks=collapse_tables(_page(), BODY))])
    by_key = {(p.part, p.number): p for p in paras}
    assert [(p.part, p.number) for p in paras] == [("", "79"), (TABLE, "6"), ("", "80")]
    assert by_key[("", "79")].text.endswith("at headquarters and by region, which the table sets out year by year.")
    assert "Arab States" not in by_key[("", "79")].text
    table = by_key[(TABLE, "6")]
    assert table.part_of == "79" and "Arab States 31 26" in table.text
    assert "Arab States" not in by_key[("", "80")].text


def test_a_sentence_that_mentions_a_table_is_no_caption() -> None:
    lines = [_b("Table 2 provides a breakdown of extrabudgetary resources received", 124, 229),
             _b("Headquarters 4 3 5 3", 85, 210, size=9.1), _b("Arab States 31 26 33", 85, 198, size=9.1)]
    assert [b.kind for b in collapse_tables(lines, BODY)] == ["body", "body", "body"]


def test_a_table_at_the_foot_of_its_page_leaves_the_footnotes_under_it() -> None:
    lines = [_b("Table 5. Case intake category, by year", 225.1, 325.3, bold=True),
             _b("Allegation category 2019 2020 2021 2022 2023 2024", 90.1, 290.5, size=9.1, kind="footnote"),
             _b("Fraud and financial", 90.1, 277.1, size=9.1, kind="footnote"),
             _b("irregularities 62 61 45 64 78 72", 90.2, 266.7, size=9.1, kind="footnote"),
             _b("Prohibited conduct 20 17 26 41 30 18", 90.2, 253.5, size=9.1, kind="footnote"),
             _b("Sexual misconduct 19 23 20 26 37 27", 90.4, 237.8, size=9.1, kind="footnote"),
             _b("Retaliation 1 1 3 8 1 3", 90.2, 222.3, size=9.1, kind="footnote"),
             _b("Total 112 116 118 166 167 134", 90.3, 206.4, size=9.1, kind="footnote"),
             _b("20 OAIS observes that out of the total loss of USD $2,613,691, there is one major case", 57.8, 82.1,
                size=7.9, kind="footnote")]
    out = collapse_tables(lines, BODY)
    assert [b.kind for b in out] == ["table", "footnote"]
    assert out[0].text.endswith("Total 112 116 118 166 167 134")


def test_a_table_is_cited_by_its_page_and_its_number() -> None:
    assert render_citation("DP/FPA/2025/6", "3", annex="annex", page="11", part=TABLE, part_of="30") == \
        "DP/FPA/2025/6, annex, p. 11, table 3"
    assert render_citation("DP/2025/10", "1", page="4", part=TABLE) == "DP/2025/10, p. 4, table 1"


def test_a_cited_table_reads_back() -> None:
    assert split_cited_part("p. 11, table 3") == ("3", TABLE, None)
    assert split_cited_part("table 12") == ("12", TABLE, None)
    assert split_cited_part("para. 11, draft resolution, para. 8") == ("8", "draft resolution", "11")


def _hrc_page() -> list[Block]:
    """A/HRC/59/60, page 3 (positions and sizes as read): paragraph 6 ends, a table of
    stakeholder shares in 8-9 point type follows with no caption, then a heading and
    paragraph 7."""
    def b(text: str, y: float, size: float = 10.0, number: str | None = None, bold: bool = False) -> Block:
        return Block(text, page=2, kind="body", number=number, size=size, bold=bold, x=114.0, y=y)
    return [
        b("6. The Forum gathered a record number of participants – nearly 4,000 in total, with 3,000", 771, number="6"),
        b("stakeholders from all regions could follow the sessions. Over 64 per cent of registered", 725),
        b("participants and over 59 per cent of those with official speaking roles identified themselves", 711),
        b("as women.", 701),
        b("Category of participating stakeholders Percentage", 674, 8.0),
        b("Academic institutions 13", 656, 9.0),
        b("Civil society organizations, affected stakeholders and Indigenous Peoples’ groups 32", 641, 9.0),
        b("Multi-stakeholder initiatives 2", 626, 9.0),
        b("States 7", 570, 9.0),
        b("Other 3", 525, 9.0),
        b("II. Key messages from the plenary sessions", 490, 14.0, bold=True),
        b("7. The thirteenth session of the Forum was opened by the United Nations High Commissioner", 433, number="7"),
        b("for Human Rights, who highlighted the significant challenges of current times.", 421),
    ]


def test_an_uncaptioned_table_in_smaller_type_is_a_unit_of_its_own() -> None:
    blocks = collapse_tables(_hrc_page(), 10.0)
    tables = [b for b in blocks if b.kind == "table"]
    assert len(tables) == 1 and tables[0].text.startswith("Category of participating stakeholders Percentage")
    assert tables[0].text.endswith("Other 3")
    paragraphs = assemble([PageText(blocks=blocks)])
    para6 = next(p for p in paragraphs if p.number == "6" and p.part != TABLE)
    assert para6.text.endswith("identified themselves as women.") and "Academic institutions" not in para6.text
    assert [p.part for p in paragraphs if "Academic institutions" in p.text] == [TABLE]


def _social_page() -> list[Block]:
    """A/80/176, page 4 (positions and sizes as read): paragraph 13 ends, a bold title in the
    body's type stands over an uncaptioned table in 7-8.5 point type, then paragraph 14."""
    def b(text: str, y: float, size: float = 10.0, number: str | None = None, bold: bool = False) -> Block:
        return Block(text, page=4, kind="body", number=number, size=size, bold=bold, x=123.0, y=y)
    return [
        b("III. Persistent inequality and exclusion worldwide", 676, 14.0, bold=True),
        b("13. Since 1990, income inequality has increased in most high-income countries and", 647, number="13"),
        b("several African and Asian countries over the past three decades.", 587),
        b("Trends in income inequality by region, 1990 to 2022", 564, bold=True),
        b("(Number of countries by observed trend in the Gini coefficient)", 549, 7.0),
        b("Africa Asia Latin America and the Caribbean Total", 507, 7.0),
        b("Rising inequality 9 13 4 26 52 40.6 65.3", 487, 8.5),
        b("Decreasing inequality 24 12 16 14 66 51.6 27.0", 472, 8.5),
        b("Source: World Institute for Development Economics Research, World Income Inequality Database.", 417, 8.5),
        b("14. While it is still too soon to assess the full effect of the coronavirus disease", 290, number="14"),
    ]


def test_a_bold_title_over_an_uncaptioned_table_is_the_table_s() -> None:
    blocks = collapse_tables(_social_page(), 10.0)
    tables = [b for b in blocks if b.kind == "table"]
    assert len(tables) == 1 and tables[0].text.startswith("Trends in income inequality by region, 1990 to 2022 (Number")
    paragraphs = assemble([PageText(blocks=blocks)])
    para13 = next(p for p in paragraphs if p.number == "13" and p.part != TABLE)
    assert para13.text.endswith("over the past three decades.")
    para14 = next(p for p in paragraphs if p.number == "14")
    assert para14.section == "III. Persistent inequality and exclusion worldwide"


def test_a_chart_s_axis_and_a_map_s_note_are_not_text() -> None:
    """S/2025/153, page 3: a chart's text in small type after a paragraph; it is dropped, not cited."""
    from rag.ingest.tables import chart_text

    def b(text: str, y: float, size: float = 10.0, number: str | None = None) -> Block:
        return Block(text, page=2, kind="body", number=number, size=size, x=114.0, y=y)
    page = [b("5. The Force recorded 1,430 trajectories of projectiles during the period.", 700, number="5"),
            b("0 200 400 600 800 1 000 1 200 1 400 1 600", 650, 8.0),
            b("Number of trajectories", 640, 8.0),
            b("South to north North to south", 630, 8.0),
            b("6. The Force continued its patrols.", 600, number="6")]
    blocks = collapse_tables(page, 10.0)
    assert [b.kind for b in blocks] == ["body", "furniture", "body"]
    assert chart_text("0 100 000 200 000 300 000 400 000 500 000") and chart_text("$40 $60 $80 $100 $120")
    assert chart_text("Base map source: United Nations Geospatial.")
    # Years heading a table's columns, and a table's figures, are no axis.
    assert not chart_text("2020 2021 2022 2023 2024 Regular resources 10.9 10.8 9.6")
    assert not chart_text("September 52 – 1 34 57 .. October 71 – 13 46 125")


def test_a_caption_that_wraps_over_its_unit_line_keeps_its_rows() -> None:
    """DP/2025/23, page 15: the caption wraps ("vs. 2026-2029") and gives its unit in its own type;
    the rows under them are in larger type. The table was its caption alone, and the rows of
    DP/2025/26's table 2 ran into para. 4."""
    blocks = [_b("55. Table 2 presents proposed allocation levels for 2026-2029 alongside those approved.", 86, 441,
                 number="55"),
              _b("Table 2. Core programmatic component allocations: Integrated budget 2022-2025", 86, 406, bold=True),
              _b("vs. 2026-2029", 250, 394, bold=True),
              _b("(In millions of United States dollars)", 220, 376),
              _b("56. Compared to the budgeted amount of $2.2 billion for programmatic components.", 86, 186,
                 number="56"),
              _b("Programme 1,984.6 90.3% 1,494.7 92.4% 1,110.8 89.6%", 92, 329, size=11.0, bold=True),
              _b("Country window 1,798.9 81.9% 1,392.7 86.1% 997.8 80.5%", 105, 316, size=11.0),
              _b("Regional window 155.0 7.1% 83.3 5.1% 99.6 8.0%", 105, 304, size=11.0),
              _b("Global window 30.7 1.4% 18.8 1.2% 13.4 1.1%", 105, 291, size=11.0),
              _b("Development Effectiveness 165.1 7.5% 82.9 5.1% 101.7 8.2%", 91, 267, size=11.0, bold=True),
              _b("UN Development Coordination 48.0 2.2% 39.6 2.5% 27.2 2.2%", 92, 242, size=11.0, bold=True),
              _b("Total 2,197.6 100.0% 1,617.2 100.0% 1,239.7 100.0%", 92, 218, size=11.0, bold=True),
              _b("2022-2025", 261, 353, size=11.0, bold=True)]
    out = collapse_tables(blocks, BODY)
    table = next(b for b in out if b.kind == "table")
    assert table.text.startswith("Table 2. Core programmatic component allocations: Integrated budget 2022-2025 "
                                 "vs. 2026-2029 (In millions of United States dollars) 2022-2025 Programme")
    assert table.text.endswith("Total 2,197.6 100.0% 1,617.2 100.0% 1,239.7 100.0%")
    assert [b.text[:3] for b in out if b.kind == "body"] == ["55.", "56."]


def test_a_row_the_table_numbers_in_its_own_type_is_a_row() -> None:
    """DP/2025/23, page 10: table 1's rows are set in their own type (14 points in the text layer,
    the body's 10) and one of them is numbered ("1. Resources available"); it had ended the table,
    which kept only its column heads."""
    lines = [_b("Table 1. Integrated resources plan, 2026-2029", 72.0, 713.0),
             _b("(In millions of United States dollars)", 72.0, 699.0),
             _b("Regular Other Cost Total", 200.0, 653.0, size=14.0),
             Block("1. Resources available", page=23, number="1", size=14.0, x=72.0, y=636.0),
             _b("Opening balance b/ 357.6 4,512.2 - 4,869.8", 72.0, 628.0, size=14.0),
             _b("Contributions 2,281.0 17,208.4 - 19,489.4", 72.0, 613.0, size=14.0),
             _b("36. Total expenditure for 2026-2029 is projected at $21.9 billion, a decrease", 72.0, 210.0,
                number="36")]
    out = collapse_tables(lines, BODY)
    table = next(b for b in out if b.kind == "table")
    assert table.text.endswith("1. Resources available Opening balance b/ 357.6 4,512.2 - 4,869.8 "
                               "Contributions 2,281.0 17,208.4 - 19,489.4")
    assert [b.number for b in out if b.kind == "body"] == ["36"]


def test_a_caption_alone_on_its_line_over_rows_of_mixed_small_type() -> None:
    """DP/FPA/2025/5, page 6 (shortened): "Table 2" alone, its title under it, then a unit line in
    9 points, rows in 8 and cells' notes in 5, and the table's notes; the paragraph before it
    keeps none of the figures, and the table is cited by its number."""
    lines = [
        _b("26. In 2024, total expenditure on the evaluation function reached $10.04 million, representing", 70.0,
           700.0, size=10.0, number="26"),
        _b("0.79 per cent of UNFPA’s total programme expenditure.", 70.0, 688.0, size=10.0),
        _b("Table 2", 70.0, 664.0, size=10.0, bold=True),
        _b("Expenditures on the evaluation function, 2015-2024", 70.0, 652.0, size=10.0, bold=True),
        _b("(in millions of $)", 70.0, 640.0, size=9.0),
        _b("2015 2016 2017 2018 2019 2020", 150.0, 628.0, size=8.0, bold=True),
        _b("Total expenditure of the evaluation function", 70.0, 618.0, size=8.0, bold=True),
        _b("5.52 6.94 6.30 8.40 9.13 8.53(a)", 150.0, 618.0, size=5.0),
        _b("9.7 9.8 10.04", 300.0, 618.0, size=8.0),
        _b("* Total UNFPA programme budget expenditure is generated from UNFPA statistical and financial reports, "
           "while the budget for the decentralized function includes staffing costs.", 70.0, 606.0, size=8.0),
        _b("Key performance indicator 2: human resources", 70.0, 580.0, size=10.0, bold=True),
        _b("27. IEO expanded its staff size to 12 approved posts.", 70.0, 566.0, size=10.0, number="27"),
    ]
    out = collapse_tables(lines, 10.0)
    tables = [b for b in out if b.kind == "table"]
    assert len(tables) == 1 and tables[0].text.startswith("Table 2 Expenditures on the evaluation function")
    assert "10.04" in tables[0].text and "* Total UNFPA" in tables[0].text
    paras = assemble([PageText(blocks=out)])
    assert [(p.part, p.number) for p in paras] == [("", "26"), (TABLE, "2"), ("", "27")]
    assert "5.52" not in paras[0].text


def test_a_plain_caption_over_a_bold_title_and_a_unit_line_far_above_its_column_heads() -> None:
    """JIU/REP/2025/2, page 3, and E/2025/57, page 16 (positions and sizes as read): "Table 1" in
    the body's plain type, its title in bold under it, the unit in 7 points, the column heads and,
    a wider gap below, the rows in 8.5. Each table ran into the paragraph before it."""
    lines = [_b("committed and disbursed within their individual grant validity dates.", 124, 374, size=10.0),
             _b("Table 3", 124, 350, size=10.0),
             _b("Expenditures 2023 and 2024", 124, 338, size=10.0, bold=True),
             _b("(Thousands of United States dollars)", 124, 324, size=7.0),
             _b("Object of expenditure 2023 2024", 124, 301, size=7.0),
             _b("Posts 352.6 546.2", 124, 279, size=8.5),
             _b("Consultants 0 638.2", 124, 264, size=8.5),
             _b("Total 432.6 1 293.3", 124, 249, size=8.5, bold=True),
             _b("69. The Office's budget for 2025 is set out in annex II.", 124, 220, size=10.0, number="69")]
    out = collapse_tables(lines, 10.0)
    tables = [b for b in out if b.kind == "table"]
    assert len(tables) == 1 and tables[0].text.startswith(
        "Table 3 Expenditures 2023 and 2024 (Thousands of United States dollars) Object of expenditure 2023 2024 Posts")
    assert tables[0].text.endswith("Total 432.6 1 293.3")
    assert [b.text[:9] for b in out if b.kind == "body"] == ["committed", "69. The O"]
    titled = collapse_tables([_b("Table 1", 124, 614, size=9.96),
                              _b("Outcomes of sexual exploitation and abuse investigations, by personnel", 124, 602,
                                 size=9.96, bold=True),
                              _b("category, 2017–2024", 124, 590, size=9.96, bold=True),
                              _b("Outcome of investigation Total", 124, 560, size=6.96),
                              _b("Allegation substantiated 107 636 336 1 079 34", 124, 540, size=6.96),
                              _b("Total 792 1 742 595 3 129 100", 124, 525, size=6.96)], 9.96)
    assert [b.kind for b in titled] == ["table"] and "by personnel category, 2017–2024 Outcome" in titled[0].text


def test_column_heads_in_small_type_over_cells_in_the_bodys_type() -> None:
    """E/2025/57, page 18 (positions and sizes as read, rows shortened): "Table 4" over its bold
    title, the column heads in 7 points, the cells in the body's 10 points, then paragraph 76. The
    table ran into para. 75 on the page before."""
    lines = [_b("Table 4", 124, 708, size=9.96),
             _b("Status of implementation of evaluation activities for 2025", 124, 695, size=9.96, bold=True),
             _b("No. Title/description Status Planned completion", 123, 670, size=6.96),
             _b("1 System-wide evaluation of progress towards a", 125, 647, size=9.96),
             _b("new generation of United Nations country teams", 144, 635, size=9.96),
             _b("Ongoing 2025", 365, 647, size=9.96),
             _b("2 System-wide evaluation of the United Nations", 124, 615, size=9.96),
             _b("Disability Inclusion Strategy", 144, 603, size=9.96),
             _b("Ongoing 2025", 365, 615, size=9.96),
             _b("5 Evidence maps and summaries Planned 2026", 124, 583, size=9.96),
             _b("76. A key priority for the Office is the further development of foundational guidance", 124, 400,
                size=9.96, number="76"),
             _b("and systems in line with the provisions of the system-wide evaluation policy adopted", 124, 388,
                size=9.96)]
    out = collapse_tables(lines, 9.96)
    assert [b.kind for b in out] == ["table", "body", "body"]
    assert out[0].text.startswith("Table 4 Status of implementation of evaluation activities for 2025 No. Title")
    assert "Disability Inclusion Strategy" in out[0].text and out[0].text.endswith("Planned 2026")
    heads_over_prose = collapse_tables([_b("Table 2", 124, 708, size=9.96),
                                        _b("Staff by grade", 124, 695, size=9.96, bold=True),
                                        _b("Grade 2024", 123, 670, size=6.96),
                                        _b("The Office had no staff at the end of the year, and the table above is "
                                           "empty as a result of the freeze on recruitment.", 124, 650, size=9.96)],
                                       9.96)
    assert "table" not in [b.kind for b in heads_over_prose]


def test_column_heads_wrapped_onto_several_lines_over_cells_in_the_bodys_type() -> None:
    """E/2025/57, page 7 (positions and sizes as read, rows shortened): table 1's column heads in 7
    points wrap onto three lines ("Status of / implementation of / recommendations"); its rows, in
    the body's type, ran into para. 28 and the table held its caption and heads alone."""
    lines = [_b("status of the evaluation activities planned for 2024 are set out in table 1.", 124, 464, size=9.96),
             _b("Table 1", 124, 440, size=9.96),
             _b("Status of implementation of evaluation activities, 2024", 124, 428, size=9.96, bold=True),
             _b("No. Title Status", 123, 387, size=6.96),
             _b("Planned", 389, 395, size=6.96), _b("completion", 389, 387, size=6.96),
             _b("Management", 432, 395, size=6.96), _b("response issued", 432, 387, size=6.96),
             _b("Status of", 493, 403, size=6.96), _b("implementation of", 493, 395, size=6.96),
             _b("recommendations", 493, 387, size=6.96),
             _b("1 Evaluation of the Spotlight Initiative to", 125, 364, size=9.96),
             _b("eliminate violence against women and", 144, 352, size=9.96), _b("girls", 144, 338, size=9.96),
             _b("Completed Yes Ongoing", 329, 364, size=9.96),
             _b("2 Value-for-money assessment of the", 124, 320, size=9.96),
             _b("Completed n/a", 329, 320, size=9.96)]
    out = collapse_tables(lines, 9.96)
    assert [b.kind for b in out] == ["body", "table"]
    assert "Spotlight Initiative" in out[1].text and out[1].text.endswith("Completed n/a")
    # three lines of small type standing further apart are a small table's rows, not its heads
    rows = [_b("Table 2", 124, 440, size=9.96), _b("Budget lines", 124, 428, size=9.96, bold=True),
            _b("Posts 352.6", 124, 400, size=6.96), _b("Travel 13.4", 124, 391.5, size=6.96),
            _b("Total 366.0", 124, 383, size=6.96),
            _b("The Office will report on the budget again next year.", 124, 368, size=9.96)]
    out = collapse_tables(rows, 9.96)
    assert [b.kind for b in out] == ["table", "body"] and out[0].text.endswith("Total 366.0")


def test_a_run_of_bare_figures_in_small_type_is_a_charts_labels() -> None:
    """JIU/REP/2025/2, page 13: a bar chart's value labels ("36% 14% 6% ...") in small type after a
    sentence were an uncaptioned table cited "p. 13, table 1"; without a word they are no table."""
    lines = [_b("The focal points were asked how confident they were.", 124, 600, size=10.0),
             _b("36% 14% 6%", 130, 560, size=7.0), _b("1% 3% 48%", 130, 545, size=7.0),
             _b("47% 37% 15%", 130, 530, size=7.0)]
    assert [b.kind for b in collapse_tables(lines, 10.0)] == ["body", "furniture"]


def test_a_boxed_recommendation_is_a_unit_cited_by_its_number() -> None:
    """JIU/REP/2025/2, page 13 (positions as read): "Recommendation 1" and its text in bold at one
    left edge between paras. 20 and 21. It was read as a heading, its text never a paragraph; now
    it is `JIU/REP/2025/2, recommendation 1`, and para. 21 keeps its own text."""
    lines = [_b("20. Ensuring comprehensive coverage of PSEA across policies is vital.", 123, 671, 10.0, number="20"),
             _b("Recommendation 1", 147, 629, 10.0, bold=True),
             _b("Executive heads of United Nations system organizations should, by the", 147, 611, 10.0, bold=True),
             _b("end of 2027, review their respective policies, staff regulations and", 147, 599, 10.0, bold=True),
             _b("rules, and standards of conduct.", 147, 587, 10.0, bold=True),
             _b("21. Victims and witnesses of SEA face significant risks of retaliation.", 123, 539, 10.0,
                number="21")]
    paras = assemble([PageText(blocks=collapse_tables(lines, 10.0))])
    assert [(p.part, p.number) for p in paras] == [("", "20"), ("recommendation", "1"), ("", "21")]
    assert paras[1].text == ("Recommendation 1 Executive heads of United Nations system organizations should, by the "
                             "end of 2027, review their respective policies, staff regulations and rules, and standards "
                             "of conduct.")
    assert render_citation("JIU/REP/2025/2", "1", part="recommendation", page="13") == \
        "JIU/REP/2025/2, recommendation 1"
    assert split_cited_part("recommendation 1") == ("1", "recommendation", None)
    # E/AC.51/2025/2: "Recommendation 1" over its bold title is the heading of the paragraphs after it
    plain = [_b("Recommendation 1", 123, 629, 10.0, bold=True),
             _b("Improved planning and coordination", 123, 615, 10.0, bold=True),
             _b("6. Recommendation 1 reads as follows:", 123, 590, 10.0, number="6")]
    assert [b.kind for b in collapse_tables(plain, 10.0)] == ["body", "body", "body"]


def test_a_list_of_documents_is_a_table_not_a_paragraph_a_row() -> None:
    """TPNW/MSP/2025/11, annex IV, page 23 (extract): "Documentation", the header row, then each
    document's symbol and its title, the title's wrapped lines indented to its column; the text
    after the list goes on as text."""
    def row(text: str, y: float, x: float = 123.5, size: float = 10.08) -> Block:
        return Block(text, page=23, size=size, x=x, y=y)

    blocks = [
        row("The Meeting had before it the documents listed in the table below.", 663.8, x=147.5),
        row("Symbol Description", 638.3, size=6.96),
        row("TPNW/MSP/2025/1 Provisional agenda", 615.5),
        row("TPNW/MSP/2025/2 Report of the Co-Chairs of the informal working group on the", 595.4),
        row("implementation of article 4 (Malaysia and New Zealand)", 583.4, x=271.1),
        row("TPNW/MSP/2025/3 Report of the Co-Chairs of the informal working group on", 563.5),
        row("universalization (South Africa and Uruguay)", 551.3, x=270.8),
        row("The Meeting also had before it the working papers posted on its website.", 520.0, x=147.5),
    ]
    out = collapse_tables(blocks, 10.08)
    tables = [b for b in out if b.kind == "table"]
    assert len(tables) == 1
    assert tables[0].text.startswith("Symbol Description TPNW/MSP/2025/1 Provisional agenda")
    assert tables[0].text.endswith("universalization (South Africa and Uruguay)")
    assert [b.text for b in out if b.kind != "table"] == [blocks[0].text, blocks[7].text]


def _p(text: str, page: int, x: float, y: float, size: float = 10.0, kind: str = "body", number: str | None = None,
       bold: bool = False) -> Block:
    return Block(text, page=page, kind=kind, number=number, size=size, bold=bold, x=x, y=y)


def test_a_table_that_runs_to_its_pages_foot_goes_on_at_the_head_of_the_next() -> None:
    """DP/2025/3, pages 11-12: table 3 runs over the page; its last rows ("Total 10 6 4",
    "Percentage 100% 60% 40%") ran into para. 70, the paragraph before the table, and the bold
    subheading after them was lost in it."""
    from rag.ingest.tables import continued_tables

    first = PageText(blocks=[
        _p("DP/2025/3", 11, 502, 735, 8.5, kind="furniture"),
        _p("70. In annex 1 to its report for the year ended 31 December 2023, the Board of Auditors provides a",
           11, 104, 282, number="70"),
        _p("those recommendations reported as outstanding to date by the Board.", 11, 104, 247),
        _p("Table 3. Status of outstanding recommendations from prior years Under Board 5 3 2", 11, 104, 230,
           kind="table", bold=True)])
    second = PageText(blocks=[
        _p("DP/2025/3", 12, 68, 735, 8.5, kind="furniture"),
        _p("Risk management (#191, 222, 249) 3 1 2", 12, 104, 707),
        _p("Management of programmes and projects", 12, 104, 690),
        _p("related to Sustainable Development Goal", 12, 104, 678),
        _p("16 (Governance) (#325)", 12, 105, 667),
        _p("1 1 -", 12, 305, 678),
        _p("Total 10 6 4", 12, 118, 649, bold=True),
        _p("Percentage 100% 60% 40%", 12, 111, 631, bold=True),
        _p("Report of the Board of Auditors for the year ended 31 December 2021 (A/77/5/Add.1)", 12, 104, 594,
           bold=True),
        _p("71. In paragraph 153, the Board recommended that UNDP, in line with established good practices and", 12,
           104, 573, number="71", bold=True)])
    continued_tables([first, second], 10.0)
    table = first.blocks[-1]
    assert table.kind == "table" and table.text.endswith("Total 10 6 4 Percentage 100% 60% 40%")
    assert "Risk management (#191, 222, 249) 3 1 2" in table.text
    assert [b.text[:20] for b in second.blocks] == ["DP/2025/3", "Report of the Board ", "71. In paragraph 153"]


def test_the_head_of_a_page_after_a_table_stays_text_where_it_is_no_row() -> None:
    """A heading and running text at the head of the next page, or a page whose text runs on after
    its table, keep their lines."""
    from rag.ingest.tables import continued_tables

    table = _p("Table 2. Revenue, 2023-2024 Contributions 91 158 Other 12 10", 5, 104, 300, kind="table")
    heading = [_p("B. Expenses", 6, 68, 707, bold=True), _p("C. Reserves", 6, 68, 690, bold=True),
               _p("5. Total expenses rose to $98 million in 2024 from $120 million in 2023, mostly on account of",
                  6, 104, 670, number="5")]
    pages = [PageText(blocks=[table]), PageText(blocks=list(heading))]
    continued_tables(pages, 10.0)
    assert pages[1].blocks == heading and pages[0].blocks[-1].text == table.text
    prose = [_p("resources were allocated, which the Board found satisfactory in most country offices visited.", 6,
                104, 707), _p("Total 10 6 4", 6, 118, 690)]
    pages = [PageText(blocks=[table]), PageText(blocks=list(prose))]
    continued_tables(pages, 10.0)
    assert pages[1].blocks == prose
    after = [table, _p("The text goes on under the table on its own page, as running text does.", 5, 104, 100)]
    rows = [_p("Other 3 4", 6, 104, 707), _p("Total 10 6", 6, 104, 690)]
    pages = [PageText(blocks=list(after)), PageText(blocks=list(rows))]
    continued_tables(pages, 10.0)
    assert pages[1].blocks == rows


def test_no_heading_nor_larger_type_nor_page_number_runs_on_a_table() -> None:
    """A numbered heading holding a figure ("III. Results for 2024"), a report's part in 14-point
    type ("Part Two" over A/80/38's second report) and a page's number over the next table's head
    (JIU/REP/2025/2, page 33) are no rows of the table before them."""
    from rag.ingest.tables import continued_tables

    table = _p("Table 2. Revenue, 2023-2024 Contributions 91 158 Other 12 10", 5, 104, 300, kind="table")
    for head in ([_p("III. Results for 2024", 6, 68, 707, bold=True), _p("Revenue 2024 rose by 12", 6, 68, 690)],
                 [_p("Part Two", 6, 68, 707, 14.0, bold=True), _p("Report of the 89th session 2024", 6, 68, 690, 14.0)],
                 [_p("26", 6, 40, 707, 8.5, bold=True), _p("Participating organizations of the Unit", 6, 300, 690, 9.9)]):
        pages = [PageText(blocks=[table]), PageText(blocks=list(head))]
        continued_tables(pages, 10.0)
        assert pages[1].blocks == head and pages[0].blocks[-1].text == table.text, head[0].text


def test_a_numbered_heading_over_small_type_rows_stays_a_heading() -> None:
    """Found in review: a bold roman-numbered heading or "Annex I" over rows in small type is no
    table's title."""
    for heading in ("IV. Regional trends", "Annex I"):
        page = _social_page()
        page[3] = Block(heading, page=4, kind="body", size=10.0, bold=True, x=123.0, y=564)
        blocks = collapse_tables(page, 10.0)
        assert not any(b.kind == "table" and b.text.startswith(heading) for b in blocks), heading
        assert any(b.text == heading for b in blocks), heading


def _annex_table_page() -> list[Block]:
    """A/79/7/Add.13, annex, page 14 (positions and sizes as read, cells shortened): para. 3 ends,
    column heads in 7-point type side by side, cells in the body's type under them, column after
    column, then the next section's heading and para. 4."""
    def b(text: str, x: float, y: float, size: float = 10.0, number: str | None = None, bold: bool = False) -> Block:
        return Block(text, page=14, kind="body", number=number, size=size, bold=bold, x=x, y=y)
    heads = [b(t, x, 324.0, 7.0) for t, x in (("Time period", 60.5), ("Name", 107.0), ("Composition", 163.0),
                                               ("Funding source", 211.0), ("Responsibilities", 261.0))]
    return [
        b("3. In 2000, a global information exchange network was launched, and it was managed by one", 123.8, 441.1,
          number="3"),
        b("officer, who was the single focal point for all overseas projects at that time.", 123.7, 357.0),
        *heads,
        b("1990s–", 61.2, 301.0), b("early", 60.4, 288.9), b("2000s", 60.2, 277.0),
        b("No", 107.3, 300.9), b("dedicated", 107.7, 288.9), b("team", 107.5, 277.0),
        b("1 P-4 Regular", 162.9, 301.0), b("budget", 211.2, 288.9),
        b("In the early 2000s, a number of construction projects at the United", 260.7, 301.0),
        b("Nations were started.", 260.3, 288.9),
        b("Such support was very limited due to the lack of a dedicated team.", 260.5, 265.0),
        b("B. Creation of a dedicated Overseas Property Management Unit", 99.6, 154.3, 12.0, bold=True),
        b("4. In 2008, by its resolution 63/263, the General Assembly requested the Secretary-", 123.5, 116.3,
          number="4"),
    ]


def test_cells_in_the_body_s_type_under_column_heads_are_the_table_s() -> None:
    """The cells under an uncaptioned table's column heads ran into para. 3 ("... at that time.
    1990s– early 2000s No dedicated team 1 P-4 Regular ..."); they are the table's, in the order
    the page gives them, and the next section's heading and para. 4 are not."""
    blocks = collapse_tables(_annex_table_page(), 10.0)
    tables = [b for b in blocks if b.kind == "table"]
    assert len(tables) == 1
    assert tables[0].text.startswith("Time period Name Composition Funding source Responsibilities "
                                     "1990s– early 2000s")
    assert tables[0].text.endswith("due to the lack of a dedicated team.")
    paragraphs = assemble([PageText(blocks=blocks)])
    para3 = next(p for p in paragraphs if p.number == "3" and p.part != TABLE)
    assert para3.text.endswith("at that time.")
    assert next(p for p in paragraphs if p.number == "4").text.startswith("In 2008")
