"""Real PDFs, generated DOCX/HTML and bad input through the ingest step, with exact structure."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from rag.cli import app
from rag.errors import ParseError
from rag.ingest import discover, parse_file
from tests.conftest import shared_path
from tests.make_docs import make_docx, make_html

FIXTURES = Path(__file__).parent / "fixtures"
L6 = FIXTURES / "A_AC.182_2025_L.6.en.pdf"
FFDF = FIXTURES / "E_FFDF_2025_2.en.pdf"


def _numbered(doc):
    return [p for p in doc.paragraphs if not p.running]


def test_pdf_paragraphs_pages_footnotes() -> None:
    doc = parse_file(L6)
    assert doc.symbol == "A/AC.182/2025/L.6"
    assert doc.pages == 3
    paras = _numbered(doc)
    assert [p.number for p in paras] == [str(n) for n in range(1, 13)]
    p3 = paras[2]
    assert p3.text.startswith("Delegations highlighted the significance of the Manila Declaration")
    assert [(f.marker, f.text) for f in p3.footnotes] == [
        ("1", "General Assembly resolution 37/10, annex."),
        ("2", "General Assembly resolution 2625 (XXV), annex.")]
    assert "37/10, annex" not in p3.text  # footnote body taken out of the text
    assert "International Disputes and the Declaration on Principles" in p3.text  # marker at line end removed
    assert paras[4].page == "1-2"  # runs over the page break, joined
    assert paras[0].section == paras[6].section == "III. Peaceful settlement of disputes"
    assert paras[7].section == (
        "III. Peaceful settlement of disputes > A. Means for the settlement of disputes: exchange of information "
        "on State practices regarding the use of procedures envisaged in the Charter and other international "
        "instruments")
    assert "A/AC.182/2025/L.6" not in " ".join(p.text for p in paras)  # running header gone


def test_pdf_headings_page_numbers_and_symbol() -> None:
    doc = parse_file(FFDF)
    assert doc.symbol == "E/FFDF/2025/2"
    paras = _numbered(doc)
    assert [p.number for p in paras] == [str(n) for n in range(1, 24)]
    by = {p.number: p for p in paras}
    assert by["6"].section == ("II. Follow-up and review of the financing for development outcomes and the "
                               "means of implementation of the 2030 Agenda for Sustainable Development")
    assert by["19"].section.endswith("C. Rules of procedure")
    assert by["6"].page == "2" and by["22"].page == "4"
    assert by["21"].footnotes[0].text == (
        "https://financing.desa.un.org/what-we-do/ECOSOC/financing-development-forum/FFD-forum-home.")
    assert not any("25-07652" in p.text or "2/4" in p.text for p in paras)


def test_docx_auto_numbering_and_real_footnotes(tmp_path: Path) -> None:
    doc = parse_file(make_docx(tmp_path / "report.docx"))
    assert doc.symbol == "A/79/999"
    paras = _numbered(doc)
    assert [p.number for p in paras] == ["1", "2", "3", "4"]
    assert paras[0].section == "I. Introduction" and paras[2].section == "II. Findings"
    assert paras[2].text == ("Member States reported progress in three areas: (a) Data collection improved in "
                             "2024; (b) Reporting rates rose to 85 per cent.")
    assert [(f.marker, f.text) for f in paras[0].footnotes] == [("1", "General Assembly resolution 37/10, annex.")]
    assert [(f.marker, f.text) for f in paras[2].footnotes] == [("2", "See A/79/100, para. 12.")]
    assert paras[3].text == "Further work is needed on financing."
    assert paras[0].page is None


def test_docx_bullets_are_items_of_their_paragraph_not_numbered_paragraphs(tmp_path: Path) -> None:
    """Word bullets (rendered "--" by docx2python, each with its own list position) neither take
    a paragraph number nor leave their marker in the text; the heading after them opens a section."""
    import docx
    from docx.oxml.ns import qn

    from tests.make_docs import _numbered as auto_numbered

    d = docx.Document()
    numbers = d.styles["List Number"].element.pPr.find(qn("w:numPr")).find(qn("w:numId")).get(qn("w:val"))
    bullets = d.styles["List Bullet"].element.pPr.find(qn("w:numPr")).find(qn("w:numId")).get(qn("w:val"))
    d.add_paragraph("A/79/998")
    d.add_heading("I. Supplies", level=1)
    auto_numbered(d, "The Committee noted three points:", numbers)
    auto_numbered(d, "Apples were delivered on time;", bullets)
    auto_numbered(d, "Pears were late by two weeks.", bullets)
    auto_numbered(d, "The Committee thanked the suppliers.", numbers)
    d.add_heading("II. Budget", level=1)
    auto_numbered(d, "The budget was approved.", numbers)
    doc = parse_file(d.save(tmp_path / "bullets.docx") or tmp_path / "bullets.docx")
    paras = _numbered(doc)
    assert [p.number for p in paras] == ["1", "2", "3"]
    assert paras[0].text == "The Committee noted three points: Apples were delivered on time; Pears were late by two weeks."
    assert paras[1].text == "The Committee thanked the suppliers." and paras[1].section == "I. Supplies"
    assert paras[2].text == "The budget was approved." and paras[2].section == "II. Budget"
    assert not any("--" in p.text for p in doc.paragraphs)


def test_html_boilerplate_dropped_footnotes_and_annex(tmp_path: Path) -> None:
    doc = parse_file(make_html(tmp_path / "page.html"))
    assert doc.symbol == "S/2099/1"
    body = [p for p in _numbered(doc) if not p.annex]
    annex = [p for p in _numbered(doc) if p.annex]
    assert [p.number for p in body] == ["1", "2", "3", "4"]
    assert body[2].text == "The parties met twice: in Geneva, on 2 and 3 July 2024; in Nairobi, in October."
    assert body[0].footnotes[0].text == "Security Council resolution 2500 (2020)."
    assert body[3].footnotes[0].text == "See S/2024/100."
    assert [(p.annex, p.number) for p in annex] == [("annex", "1"), ("annex", "2")]
    text = " ".join(p.text for p in doc.paragraphs)
    assert "Home" not in text and "Copyright" not in text and "var x" not in text


@pytest.mark.parametrize("name,data,message", [
    ("empty.pdf", b"", "empty file"),
    ("cut.pdf", None, "corrupt or truncated PDF"),
    ("fake.pdf", b"hello, not a pdf", "not a PDF file"),
    ("bin.txt", b"\x00\x01\x02binary\x00" * 50, "binary data"),
    ("latin.txt", "Caf\xe9 cr\xe8me 1. Paragraph".encode("utf-8") + b"\x81\x8d\x8f\x90\x9d" * 200, "not UTF-8"),
    ("broken.docx", b"PK\x03\x04 not really a zip", "not a DOCX file"),
])
def test_bad_input_one_line_error_naming_file(tmp_path: Path, name: str, data: bytes | None, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(L6.read_bytes()[:5000] if data is None else data)
    with pytest.raises(ParseError) as err:
        parse_file(path)
    assert str(path) in err.value.message and message in err.value.message
    assert "\n" not in err.value.message


def test_encrypted_and_scanned_pdf(tmp_path: Path) -> None:
    import pymupdf

    enc = tmp_path / "locked.pdf"
    src = pymupdf.open(L6)
    src.save(enc, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="u", owner_pw="o")
    with pytest.raises(ParseError, match="encrypted PDF"):
        parse_file(enc)
    scan = tmp_path / "scan.pdf"
    img = pymupdf.open()
    page = img.new_page()
    page.draw_rect(pymupdf.Rect(50, 50, 300, 300), fill=(0.2, 0.2, 0.2))
    img.save(scan)
    with pytest.raises(ParseError, match="no text layer: OCR is not supported"):
        parse_file(scan)


def test_utf16_text_and_vanished_file(tmp_path: Path) -> None:
    p = tmp_path / "u16.txt"
    p.write_bytes("A/80/1 1. First paragraph here. 2. Second paragraph here.".encode("utf-16"))
    assert [x.number for x in parse_file(p).paragraphs] == ["1", "2"]
    gone = tmp_path / "gone.pdf"
    with pytest.raises(ParseError, match="cannot read"):
        parse_file(gone)


def test_unsupported_skipped_and_build_reports_failures(tmp_path: Path, fake_env: dict[str, str]) -> None:
    src = tmp_path / "docs"
    src.mkdir()
    (src / "good.pdf").write_bytes(L6.read_bytes())
    (src / "empty.pdf").write_bytes(b"")
    (src / "slides.pptx").write_bytes(b"x")
    found, skipped = discover([src])
    assert [p.name for p in skipped] == ["slides.pptx"]
    result = CliRunner().invoke(app, ["index", "build", str(src)])
    assert result.exit_code == 1
    assert "skipped (unsupported type)" in result.output and "slides.pptx" in result.output
    status = CliRunner().invoke(app, ["index", "status", "--json"])
    assert "empty.pdf: empty file" in status.output


def test_inspect_command_text_and_json() -> None:
    runner = CliRunner()
    out = runner.invoke(app, ["inspect", str(L6)])
    assert out.exit_code == 0
    assert "Symbol    A/AC.182/2025/L.6" in out.output
    assert "note 1: General Assembly resolution 37/10, annex." in out.output
    js = runner.invoke(app, ["inspect", str(L6), "--json"])
    import json

    data = json.loads(js.output)
    assert [p["number"] for p in data["paragraphs"] if not p["running"]][:3] == ["1", "2", "3"]
    bad = runner.invoke(app, ["inspect", "/nonexistent/x.pdf"])
    assert bad.exit_code == 8 and bad.output.count("\n") == 1  # a missing path, as for a build


def test_file_vanishing_mid_build_fails_alone(tmp_path: Path, fake_settings) -> None:
    from rag.service import build

    src = tmp_path / "docs"
    src.mkdir()
    (src / "a.pdf").write_bytes(L6.read_bytes())
    (src / "b.pdf").write_bytes(FFDF.read_bytes())

    def delete_b_after_discovery(stage: str, done: int, total: int) -> None:
        if stage == "parse" and done == 0:
            (src / "b.pdf").unlink(missing_ok=True)

    report = build(fake_settings, [src], progress=delete_b_after_discovery)
    assert report.documents == 1
    assert [f["path"] for f in report.failed] == [str((src / "b.pdf").resolve())]
    assert "No such file or directory" in report.failed[0]["error"]


def test_joint_symbol_and_suffix_read_from_header(tmp_path: Path) -> None:
    joint = tmp_path / "joint.txt"
    joint.write_text("A/80/75–E/2025/55\n\n1. First paragraph of the joint report.\n\n2. Second paragraph.\n")
    doc = parse_file(joint)
    assert doc.symbol == "A/80/75" and doc.symbols == ["A/80/75", "E/2025/55"]
    corr = tmp_path / "notes.txt"
    corr.write_text("S/2025/154/Corr.1\n\n1. In paragraph 3, for 2024 read 2025.\n\n2. Replace the table.\n")
    assert parse_file(corr).symbol == "S/2025/154/Corr.1"


def test_a_document_without_pages_prints_no_page(tmp_path: Path, fake_env: dict[str, str]) -> None:
    """An HTML page has no printed pages: `rag show` and `rag search` say nothing of a page
    rather than "Page None"."""
    docs = tmp_path / "html"
    docs.mkdir()
    (docs / "A_99_1.html").write_text("<html><body><p>United Nations A/99/1</p><h2>I. Introduction</h2><p>1. The "
                                      "present report covers 2029.</p><p>2. The Widget Office received 4,321 requests "
                                      "in 2029.</p></body></html>", encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(app, ["index", "build", str(docs)]).exit_code == 0
    shown = runner.invoke(app, ["show", "A/99/1", "2"])
    assert shown.exit_code == 0 and shown.stdout.splitlines()[1] == "I. Introduction"
    found = runner.invoke(app, ["search", "Widget Office requests", "-k", "1"])
    assert found.exit_code == 0 and "None" not in found.stdout and "(score " in found.stdout


def test_a_symbol_cited_in_running_text_is_not_the_documents_own(tmp_path: Path) -> None:
    """A note that cites a UN document in a sentence of its first lines is not that document:
    its symbol is the file's name; a symbol heading the first lines still names the document."""
    note = tmp_path / "notes.md"
    note.write_text("# Reading notes\n\nThe answer comes as a quote with the citation the way such documents "
                    "are cited, A/59/377, para. 49, and the page on request.\n\n1. First point.\n")
    assert parse_file(note).symbol == "notes.md"
    own = tmp_path / "own.txt"
    own.write_text("United Nations A/80/2\n\n1. The present report covers 2030.\n")
    assert parse_file(own).symbol == "A/80/2"


def test_a_figures_decimals_in_a_plain_text_file_are_no_note_marker(tmp_path: Path) -> None:
    """A plain text file: "85.9 per cent" read "85. per cent" with an empty note "9", and the
    real note 1 after the year was then out of order and lost."""
    path = tmp_path / "A_99_1.txt"
    path.write_text("A/99/1\n\n1. The implementation rate was 85.9 per cent as of 31 December 2024.1\n"
                    "2. The Office spent $2.02 million, and 1,500 staff were trained.\n")
    paragraphs = {p.number: p for p in parse_file(path).paragraphs}
    assert paragraphs["1"].text == "The implementation rate was 85.9 per cent as of 31 December 2024."
    assert [f.marker for f in paragraphs["1"].footnotes] == ["1"]
    assert paragraphs["2"].text == "The Office spent $2.02 million, and 1,500 staff were trained."


@pytest.mark.parametrize("name", ["pdf/A_AC.182_2025_L.1.en.pdf", "txt/A_AC.182_2025_L.1.txt"])
def test_a_bracketed_paragraph_of_a_draft_report_keeps_its_number(name: str) -> None:
    # A/AC.182/2025/L.1, p. 3: "[15. At its 314th meeting, ... adopted its report on its 2025
    # session.]", the draft report's last paragraph, bracketed until the report is adopted.
    paragraphs = parse_file(shared_path("data", "un_corpus", *name.split("/"))).paragraphs
    last = {p.number: p for p in paragraphs if not p.running}
    assert last["15"].text.startswith("[At its 314th meeting") and "314th meeting, on 26" not in last["14"].text
    assert last["15"].text.endswith("session.]")  # both brackets, as printed
