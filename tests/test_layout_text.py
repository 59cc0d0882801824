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
    # the table of contents is dropped, and its "Annex" entry does not open the annex
    assert not any(". . ." in p.text for p in doc.paragraphs)
    assert paras["annex 1"].annex == "annex" and paras["annex 1"].text.startswith("The Chair thanked")


def test_plain_text_without_layout_keeps_the_block_path(tmp_path: Path) -> None:
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
