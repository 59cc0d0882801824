"""Captioned tables in a PDF page: the caption and the rows under it become one block.

A table is a caption line ("Table 3. Distribution of audit conclusions ...") and the lines in
smaller type below it, down to the next line in body type (the text the table interrupted goes
on there) or, without one, the foot of the page's body. PDF text layers often hand a table's
cells over out of reading order (after the page's footnotes); the rows are gathered by position,
joined in order top to bottom and put, as one `kind="table"` block, where the caption stands, so
the assembler can make the table its own unit and let the paragraph around it run on.
"""

from __future__ import annotations

from rag.ingest.blocks import Block
from rag.ingest.patterns import TABLE_CAPTION

SAME_SIZE = 0.3  # points of difference within one table's type
ROW_GAP = 2.5  # a vertical gap of this many type sizes between two rows ends a table
PROSE = 0.85  # a line this long, against the page's longest, is running text, not a row
MIN_ROWS = 2
PROSE_CHARS = 70  # ... and at least this long


def collapse_tables(blocks: list[Block], body_size: float) -> list[Block]:
    """The page's blocks with each captioned table (caption and rows) as one table block."""
    out = list(blocks)
    for caption in [b for b in blocks if b.kind == "body" and TABLE_CAPTION.match(b.text.strip())]:
        rows = _rows(out, caption)
        if len(rows) < MIN_ROWS:
            continue
        rows.sort(key=lambda b: (-round(b.y), b.x))
        table = Block(" ".join([caption.text.strip()] + [r.text.strip() for r in rows]), page=caption.page,
                      kind="table", size=caption.size, bold=caption.bold, x=caption.x, y=caption.y)
        taken = {id(r) for r in rows}
        out = [table if b is caption else b for b in out if id(b) not in taken]
    return out


def _rows(blocks: list[Block], caption: Block) -> list[Block]:
    """The lines under the caption, top to bottom, in the type of the first of them (then the
    table's notes in smaller type, above the page's footnotes), down to a line that ends the
    table: one in other type (the running text after a table in smaller type, the footnotes
    under it), one opening a numbered paragraph, another caption, a line as long as running
    text, or a line after a wide gap."""
    below = _below(blocks, caption)
    prose = max(PROSE * max(len(b.text) for b in blocks if b.kind == "body"), PROSE_CHARS)
    if not below or _ends_table(below[0], prose):
        return []
    size = below[0].size
    rows = [below[0]]
    notes = False  # the table's notes in smaller type under its rows ("* These represent ...")
    for b in below[1:]:
        if not notes and b.kind == "body" and b.size < size - SAME_SIZE and len(rows) >= MIN_ROWS:
            notes, size = True, b.size
        if abs(b.size - size) > SAME_SIZE or rows[-1].y - b.y > ROW_GAP * size:
            break
        if notes and b.kind != "body" or _ends_table(b, float("inf") if notes else prose):
            break
        rows.append(b)
    return rows


def _below(blocks: list[Block], caption: Block) -> list[Block]:
    """The body and footnote lines under the caption, top to bottom."""
    lines = [b for b in blocks if b.kind in ("body", "footnote") and b is not caption and b.size and b.y < caption.y]
    return sorted(lines, key=lambda b: -b.y)


def _ends_table(b: Block, prose: float) -> bool:
    """A line no table row is: a numbered paragraph's first line, a caption, running text."""
    return b.number is not None or bool(TABLE_CAPTION.match(b.text.strip())) or len(b.text) >= prose
