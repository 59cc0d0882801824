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
