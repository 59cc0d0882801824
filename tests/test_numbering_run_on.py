"""Paragraph numbers in plain type whose first line runs on under the number are paragraphs, not
numbered headings; an agenda's next item inside a paragraph is the list's, not a heading.

The lines are an extract of a real page (positions and sizes as pypdfium2 reads them): A/80/42,
page 4, where paragraphs 1 to 5 open with short first lines that do not end a sentence and
paragraph 5 holds the session's agenda, numbered 1 to 7."""

from __future__ import annotations

from rag.ingest.assemble import assemble
from rag.ingest.blocks import Block, PageText


def _b(text: str, y: float, x: float = 123.7, number: str | None = None, size: float = 9.96,
       bold: bool = False) -> Block:
    return Block(text, page=4, number=number, size=size, bold=bold, x=x, y=y)


def _page() -> list[Block]:
    return [
        _b("I. Introduction", 704, x=102, size=14.04, bold=True),
        _b("1. At its seventy-ninth session, the General Assembly adopted resolution 79/72,", 679, x=125, number="1"),
        _b("entitled “Report of the Disarmament Commission”.", 667, x=124),
        _b("II. Organization and work of the substantive session of 2025", 635, x=97, size=14.04, bold=True),
        _b("2. The Disarmament Commission held its organizational session for 2025 at", 610, x=124, number="2"),
        _b("United Nations Headquarters at its 397th meeting, on 7 April 2025 (see", 598),
        _b("A/CN.10/PV.397). It elected José Pereira Sosa as Chair for the session.", 586),
        _b("3. At the same meeting, the Commission adopted the provisional agenda for its", 484, x=124, number="3"),
        _b("organizational session (A/CN.10/L.93).", 472, x=124),
        _b("4. Also at the same meeting, the Commission elected Amr Essameldin Sadek", 454, x=124, number="4"),
        _b("Ahmed (Egypt), Mohammed Lawal Mahmud (Nigeria) and Vivica Muenkner", 442),
        _b("(Germany) as Vice-Chairs.", 428, x=124),
        _b("5. Also, at its 397th meeting, the Commission adopted the provisional agenda for", 412, x=124, number="5"),
        _b("its substantive session of 2025 (A/CN.10/L.94). The agenda read as follows:", 400, x=124),
        _b("1. Opening of the session.", 382, x=148, number="1"),
        _b("2. Adoption of the agenda.", 364, x=147, number="2"),
        _b("3. Organization of work.", 346, x=148, number="3"),
        _b("4. Recommendations for achieving the objective of nuclear disarmament", 328, x=147, number="4"),
        _b("and non-proliferation of nuclear weapons.", 316, x=171),
        _b("5. Recommendations on common understandings related to emerging", 298, x=148, number="5"),
        _b("technologies in the context of international security.", 286, x=171),
        _b("6. Report of the Disarmament Commission to the General", 268, x=148, number="6"),
        _b("Assembly.", 256, x=171),
        _b("7. Other business.", 238, x=148, number="7"),
        _b("6. At its 398th meeting, on 7 April, the Commission took note of the", 220, x=124, number="6"),
        _b("programme of work.", 208, x=124),
        _b("7. At its 400th meeting, on 8 April, the Commission elected Syed Atif Raza", 190, x=124, number="7"),
        _b("(Pakistan) as Rapporteur.", 178, x=124),
    ]


def test_a_plain_numbered_line_that_runs_on_under_its_number_opens_a_paragraph() -> None:
    paragraphs = {p.number: p for p in assemble([PageText(blocks=_page())]) if not p.running}
    assert sorted(paragraphs, key=int) == [str(n) for n in range(1, 8)]
    assert paragraphs["4"].text == ("Also at the same meeting, the Commission elected Amr Essameldin Sadek Ahmed "
                                    "(Egypt), Mohammed Lawal Mahmud (Nigeria) and Vivica Muenkner (Germany) as "
                                    "Vice-Chairs.")
    assert paragraphs["2"].section == "II. Organization and work of the substantive session of 2025"


def test_an_agenda_s_next_item_stays_in_its_paragraph() -> None:
    paragraphs = {p.number: p for p in assemble([PageText(blocks=_page())]) if not p.running}
    assert "6. Report of the Disarmament Commission to the General Assembly. 7. Other business." in paragraphs["5"].text
    assert paragraphs["6"].section == paragraphs["7"].section == paragraphs["5"].section
