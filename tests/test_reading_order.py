"""A scan's OCR layer may hold a page's blocks bottom first: its lines are read top to bottom.

The lines are an extract of a real page (positions as pypdfium2 reads them, the OCR layer's
1-pt type forgotten): A/47/466, page 1, whose text layer holds paragraph 3, then 2, then 1."""

from __future__ import annotations

from rag.ingest.assemble import assemble
from rag.ingest.blocks import PageText
from rag.ingest.pdf import _classify, _Line, _reading_order


def _line(text: str, x: float, y: float) -> _Line:
    return _Line(text, x, y, 0.0, False, 1, False)


def _scanned_page() -> list[_Line]:
    return [
        _line("Report of the Secretary-General", 178, 414),
        _line("3. The present report responds to that request by the General Assembly. The", 35, 118),
        _line("information provided herein supplements that provided to the Assembly.", 35, 106),
        _line("2. By its resolution 46/169 of 19 December 1991, the General Assembly urged", 36, 237),
        _line("the Intergovernmental Negotiating Committee to expedite and successfully", 36, 225),
        _line("complete the negotiations in time for the Conference.", 36, 213),
        _line("1. By its resolution 45/212 of 21 December 1990, the General Assembly", 37, 379),
        _line("established a single negotiating process to prepare an effective framework", 36, 367),
        _line("convention on climate change.", 37, 356),
    ]


def test_an_ocr_layer_s_blocks_are_read_top_to_bottom() -> None:
    ordered = _reading_order(_scanned_page())
    assert [ln.y for ln in ordered] == sorted((ln.y for ln in ordered), reverse=True)
    paragraphs = assemble([PageText(blocks=_classify(ordered, 792.0, 1.0))])
    assert [p.number for p in paragraphs if not p.running] == ["1", "2", "3"]
    assert paragraphs[-3].text.startswith("By its resolution 45/212")


def test_a_row_s_pieces_stay_left_to_right_and_an_ordered_page_is_left_as_it_is() -> None:
    row = [_line("Morocco", 60, 500.5), _line("13 June 1992", 300, 499.0), _line("Nicaragua", 60, 486)]
    assert _reading_order(row) is row  # in order: nothing rises
    jumbled = [_line("Nicaragua", 60, 486), _line("14 June 1992", 300, 486.5), _line("13 June 1992", 300, 530),
               _line("Morocco", 60, 531)]
    assert [ln.text for ln in _reading_order(jumbled)] == ["Morocco", "13 June 1992", "Nicaragua", "14 June 1992"]
