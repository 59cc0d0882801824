"""An annex set out as an outline ("1. Background", "2. Modalities and roadmap", "1.1. Summary of
current mandated areas") numbers its sections, not its paragraphs: the text under the headings is
the annex's running paragraphs, not "para. 1" and "para. 2". A list of numbered entries without
numbered subsections keeps its numbers.

The lines are an extract of a real annex (positions and sizes as the PDF loader reads them):
S/2025/194, annex (the UNTMIS transition road map), pages 17-18."""

from __future__ import annotations

from rag.ingest.assemble import assemble
from rag.ingest.blocks import Block, PageText


def _b(text: str, y: float, x: float = 123.9, number: str | None = None, size: float = 9.96,
       bold: bool = False, page: int = 17) -> Block:
    return Block(text, page=page, number=number, size=size, bold=bold, x=x, y=y)


def _head(text: str, y: float, number: str, page: int = 17) -> Block:
    return _b(text, y, x=106.3, number=number, size=12.0, bold=True, page=page)


def _lines(subsections: bool = True) -> list[Block]:
    sub = [_b("1.1. Summary of current mandated areas being transitioned", 435.5, x=107.2, bold=True, page=18)]
    sub2 = [_b("2.1. Summary of current mandated areas being transitioned", 300.1, x=107.2, bold=True, page=18)]
    return [
        _head("1. Background", 612.5, "1"),
        _b("On 30 October 2024, the Security Council adopted resolution 2753, by which it", 590.4),
        _b("determined that effective 1 November 2024, the United Nations Mission in Somalia", 576.4),
        _b("(UNSOM) would be called the United Nations Transitional Assistance Mission in Somalia.", 560.8),
        _b("During the first phase of the transition, from November 2024 through October 2025,", 444.1),
        _b("UNTMIS was requested in the implementation of its mandate to prioritize supporting", 430.0),
        _b("Somalia’s national priorities in certain areas.", 415.9),
        _head("2. Modalities and roadmap for first phase of the transition", 477.2, "2", page=18),
        _head("1. Climate Change and Financing", 448.9, "1", page=18),
        *(sub if subsections else []),
        _b("• The current mandate includes coordinating UN AFPs and promoting cooperation", 423.4, x=110.8, page=18),
        _b("with relevant partners to maximize the use of development financing and climate", 410.1, x=124.7, page=18),
        _b("financing in Somalia in response to climate change.", 397.9, x=124.6, page=18),
        _head("2. Stabilization", 320.4, "2", page=18),
        *(sub2 if subsections else []),
        _b("• UNTMIS supports the stabilization activities of the Federal Government, including", 287.2, x=110.8,
           page=18),
        _b("community recovery in areas newly recovered from Al-Shabaab.", 274.9, x=124.6, page=18),
    ]


def test_an_outline_s_numbered_headings_open_no_paragraphs() -> None:
    paragraphs = assemble([PageText(blocks=_lines())])
    assert paragraphs and all(p.running for p in paragraphs)
    first = paragraphs[0]
    assert first.text.startswith("On 30 October 2024, the Security Council adopted resolution 2753")
    assert "Background" not in first.text
    assert any(p.text.startswith("During the first phase of the transition") for p in paragraphs)


def test_numbered_headings_without_numbered_subsections_keep_their_numbers() -> None:
    numbered = [p for p in assemble([PageText(blocks=_lines(subsections=False))]) if not p.running]
    assert [p.number for p in numbered][:2] == ["1", "2"]


def test_an_outline_s_subsections_stand_under_their_numbered_heading() -> None:
    paragraphs = assemble([PageText(blocks=_lines())])
    mandate = next(p for p in paragraphs if p.text.startswith("• The current mandate"))
    assert mandate.section == ("1. Climate Change and Financing > "
                               "1.1. Summary of current mandated areas being transitioned")
    stabilization = next(p for p in paragraphs if p.text.startswith("• UNTMIS supports the stabilization"))
    assert stabilization.section == "2. Stabilization > 2.1. Summary of current mandated areas being transitioned"
