"""The seed excerpt (flattened one-line text) parses into paragraphs 47-49 of A/59/377."""

from __future__ import annotations

from rag.ingest import parse_file
from tests.conftest import SEED


def test_seed_paragraphs_numbers_page_section() -> None:
    doc = parse_file(SEED)
    assert doc.symbol == "A/59/377"
    assert doc.symbols == ["A/59/377"]
    assert [p.number for p in doc.paragraphs] == ["47", "48", "49"]
    assert all(p.page == "15" for p in doc.paragraphs)
    assert all(p.section == "C. Towards a rights-based migration management" for p in doc.paragraphs)
    assert not any(p.running for p in doc.paragraphs)


def test_seed_footnote_markers_linked_and_removed() -> None:
    doc = parse_file(SEED)
    p47, p48, p49 = doc.paragraphs
    assert [f.marker for f in p47.footnotes] == []
    assert [f.marker for f in p48.footnotes] == ["9"]
    assert [f.marker for f in p49.footnotes] == ["10", "11"]
    assert p48.text.endswith("North America, and Australia.")
    assert "practices. Unlike the Berne Initiative" in p49.text
    assert p49.text.endswith("at the national, regional and global levels.")


def test_seed_page_furniture_not_in_text() -> None:
    doc = parse_file(SEED)
    p47, _, p49 = doc.paragraphs
    assert p47.text.startswith("Exploring new forms of migration management")
    assert "Select target" not in p49.text
    assert "paragraph3" not in p49.text
    assert not p49.text.rstrip().endswith("15")
    assert " 15" not in p49.text.split("levels.")[-1]
    assert "On 2 and 3 July 2003, the Berne Initiative" in p49.text
    assert "on 9 December 2003, is to provide" in p49.text


def test_a_document_symbol_s_number_is_no_footnote_marker(tmp_path) -> None:
    """A/50/610, para. 6 and A/48/653, para. 6 as plain text: "L.7" and "L.12" end document symbols
    (the amendments A/C.4/50/L.7), not a sentence followed by a footnote's marker."""
    path = tmp_path / "A_50_610.txt"
    path.write_text("A/50/610\nReport of the Fourth Committee\n\n6. At the 14th meeting, the representative of Spain "
                    "introduced amendments (A/C.4/50/L.7) to the draft resolution, and those in A/C.4/48/L.11 and "
                    "L.12.\n", encoding="utf-8")
    para = parse_file(path).paragraphs[0]
    assert "(A/C.4/50/L.7)" in para.text and "A/C.4/48/L.11 and L.12." in para.text and not para.footnotes
