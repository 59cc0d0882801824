"""A document's own symbols read from its first page's header (rag.ingest.symbols)."""

from __future__ import annotations

from rag.ingest.blocks import Block, PageText
from rag.ingest.symbols import document_symbols


def _page(*lines: str) -> list[PageText]:
    return [PageText(blocks=[Block(text) for text in lines])]


def test_a_joint_document_s_symbols_printed_one_under_the_other_are_both_its_own() -> None:
    """A/52/826, page 1 (the lines as the PDF gives them): the report is issued to both organs
    under A/52/826 and S/1998/222, printed on two lines; the symbols the introduction cites
    further on are not its own."""
    page = _page("General Assembly", "Security Council", "Distr.", "GENERAL", "A/52/826", "S/1998/222",
                 "17 March 1998", "ORIGINAL: ENGLISH", "GENERAL ASSEMBLY SECURITY COUNCIL",
                 "(A/52/682-S/1997/894), is also submitted in response to requests by the Security")
    assert document_symbols(page) == ["A/52/826", "S/1998/222"]


def test_a_joint_symbol_on_one_line_and_a_single_symbol() -> None:
    assert document_symbols(_page("General Assembly", "A/80/75-E/2025/55", "Distr.: General")) == \
        ["A/80/75", "E/2025/55"]
    assert document_symbols(_page("Security Council", "S/2025/303", "Distr.: General", "12 May 2025")) == \
        ["S/2025/303"]


def test_a_symbol_the_next_line_begins_with_is_not_the_document_s() -> None:
    """Only a line that is a symbol and nothing else is a second symbol of the header: a line
    citing another document is text."""
    page = _page("A/80/38", "A/79/38 and Corr.1 contain the report of the previous session")
    assert document_symbols(page) == ["A/80/38"]
