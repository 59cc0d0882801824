"""Captioned tables in a PDF page: the caption and the rows under it become one block.

A table is a caption line ("Table 3. Distribution of audit conclusions ...") and the lines in
smaller type below it, down to the next line in body type (the text the table interrupted goes
on there) or, without one, the foot of the page's body. PDF text layers often hand a table's
cells over out of reading order (after the page's footnotes); the rows are gathered by position,
joined in order top to bottom and put, as one `kind="table"` block, where the caption stands, so
the assembler can make the table its own unit and let the paragraph around it run on.
"""

from __future__ import annotations

import re
from dataclasses import replace

from rag.ingest.blocks import BOXED, Block, PageText
from rag.ingest.headings import ends_sentence
from rag.ingest.patterns import LETTER, RECOMMENDATION_BOX, TABLE_CAPTION

SAME_SIZE = 0.3  # points of difference within one table's type
ROW_GAP = 2.5  # a vertical gap of this many type sizes between two rows ends a table
PROSE = 0.85  # a line this long, against the page's longest, is running text, not a row
MIN_ROWS = 2
MIN_UNCAPTIONED_ROWS = 3
SMALLER = 0.6  # points below the body type of an uncaptioned table's rows
PROSE_CHARS = 70  # ... and at least this long


def collapse_tables(blocks: list[Block], body_size: float) -> list[Block]:
    """The page's blocks with each captioned table (caption and rows) as one table block."""
    out = list(blocks)
    for caption in [b for b in blocks if b.kind == "body" and TABLE_CAPTION.match(b.text.strip())]:
        title = _caption_lines(out, caption)
        in_title = {id(t) for t in title}
        rows = _rows([b for b in out if id(b) not in in_title], caption, body_size)
        if len(rows) < MIN_ROWS:
            continue
        rows.sort(key=lambda b: (-round(b.y), b.x))
        table = Block(" ".join([caption.text.strip()] + [t.text.strip() for t in title] + [r.text.strip() for r in rows]),
                      page=caption.page, kind="table", size=caption.size, bold=caption.bold, x=caption.x, y=caption.y)
        taken = in_title | {id(r) for r in rows}
        out = [table if b is caption else b for b in out if id(b) not in taken]
    return _uncaptioned(_document_lists(boxed_recommendations(out), body_size), body_size)


# A heading's number at a line's start: "IV. ", "B. " (a table's rows go on with figures).
_HEADING_NUMBER = re.compile(r"^(?:[IVXL]{1,6}|[A-Z])\.\s")
_PART_HEADING = re.compile(r"^(?:Annex|Appendix|Enclosure|Attachment|Part|Chapter)\b", re.IGNORECASE)
_PAGE_NUMBER = re.compile(r"^\s*\d{1,4}\s*$")  # a line that is a number alone: the page's


def continued_tables(pages: list[PageText], body_size: float) -> None:
    """A table that runs to the foot of its page goes on at the head of the next: the rows there,
    down to what ends a table (`_rows`: a numbered paragraph in the body's type, a line of running
    text, a wide gap), are joined to it (DP/2025/3, pages 11-12: table 3's last rows stand over
    para. 71). Only rows: at least MIN_ROWS lines besides a page's number, one with a figure, none
    a heading's nor in type larger than the body's ("Part Two" over a report in parts)."""
    for page, following in zip(pages, pages[1:]):
        text = [b for b in page.blocks if b.kind in ("body", "table", BOXED)]
        rows = _continued_rows(following, body_size) if text and text[-1].kind == "table" else []
        if not rows:
            continue
        taken = {id(r) for r in rows}
        page.blocks[page.blocks.index(text[-1])] = replace(
            text[-1], text=" ".join([text[-1].text.strip()] + [r.text.strip() for r in rows]))
        following.blocks = [b for b in following.blocks if id(b) not in taken]


def _continued_rows(following: PageText, body_size: float) -> list[Block]:
    """The rows at the head of `following` that go on with a table of the page before, top to
    bottom (see `continued_tables`); [] where they are no table's."""
    lines = [b for b in following.blocks if b.kind in ("body", "footnote") and b.size]
    if not lines:
        return []
    top = max(lines, key=lambda b: b.y)
    head = Block("", page=top.page, kind="furniture", size=top.size, x=top.x, y=top.y + 1)  # the caption's place
    rows = [r for r in _rows(following.blocks, head, body_size, continued=True) if not _PAGE_NUMBER.match(r.text)]
    if len(rows) < MIN_ROWS or not any(re.search(r"\d", r.text) for r in rows) \
            or any(_HEADING_NUMBER.match(r.text) or r.size > body_size + SAME_SIZE for r in rows):
        return []
    return sorted(rows, key=lambda b: (-round(b.y), b.x))


BOX_INDENT = 3.0  # points a boxed recommendation's lines may stand off its caption's left edge


def boxed_recommendations(blocks: list[Block]) -> list[Block]:
    """The blocks with each boxed recommendation as one block of kind BOXED: "Recommendation 1"
    alone on a bold line, then its text in bold at the same left edge down to the first line
    that is not, the last ending a sentence (JIU/REP/2025/2, page 13: the box stands between paras.
    20 and 21, and it was read as a heading of the paragraphs after it, so its text could not be
    cited; E/AC.51/2025/2's "Recommendation 1" over its bold title "Improved planning and
    coordination" is a heading)."""
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        b = blocks[i]
        j = i + 1
        if b.kind == "body" and b.bold and RECOMMENDATION_BOX.fullmatch(b.text.strip()):
            while j < len(blocks) and blocks[j].kind == "body" and blocks[j].bold and blocks[j].number is None \
                    and abs(blocks[j].x - b.x) <= BOX_INDENT and blocks[j].page == b.page:
                j += 1
        if j - i >= 2 and ends_sentence(blocks[j - 1].text):  # a heading's title ends none
            out.append(_joined(blocks[i:j], BOXED))
        else:
            out.extend(blocks[i:j])
        i = j
    return out


# A row of a list of documents: a document symbol, then its title ("TPNW/MSP/2025/1 Provisional
# agenda"); and the list's header row ("Symbol Description", "Symbol Title").
_LISTED = re.compile(r"^[A-Z][A-Za-z]{0,9}(?:/[A-Za-z0-9.\-]+){2,}\s+\S")
_LIST_HEADER = re.compile(r"^Symbols?\s+(?:Description|Title|Subject)s?$", re.IGNORECASE)
COLUMN_INDENT = 40.0  # points right of the symbols' column where a title's wrapped lines stand


def _document_lists(blocks: list[Block], body_size: float) -> list[Block]:
    """The blocks with each list of documents as one table block: at least MIN_UNCAPTIONED_ROWS
    lines in body type (a page's notes that cite documents are in smaller type; a page without
    type facts has none of these lists) opening with a document symbol, at one left edge, each title's wrapped
    lines indented to the titles' column, under the list's header row where there is one (a
    meeting report's annex "Documentation": TPNW/MSP/2025/11, annex IV, pages 23-27). The rows
    tell of documents, not of what the meeting did: one unit, not a paragraph a row."""
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        j, rows = i + int(bool(_LIST_HEADER.match(blocks[i].text.strip()))), 0
        left = blocks[j].x if j < len(blocks) else 0.0
        while j < len(blocks) and blocks[j].kind == "body" and blocks[j].number is None and blocks[j].size \
                and not _small_row(blocks[j], body_size) and (
                _LISTED.match(blocks[j].text.strip()) and abs(blocks[j].x - left) < 2.0
                or rows and blocks[j].x >= left + COLUMN_INDENT):
            rows += bool(abs(blocks[j].x - left) < 2.0)
            j += 1
        if rows >= MIN_UNCAPTIONED_ROWS:
            out.append(_joined(blocks[i:j], "table"))
            i = j
        else:
            out.append(blocks[i])
            i += 1
    return out


def _joined(run: list[Block], kind: str) -> Block:
    """The lines of a run as one block of `kind`, in the place and type of its first line."""
    return Block(" ".join(b.text.strip() for b in run), page=run[0].page, kind=kind, size=run[0].size,
                 bold=run[0].bold, x=run[0].x, y=run[0].y)


def _uncaptioned(blocks: list[Block], body_size: float) -> list[Block]:
    """The blocks with each uncaptioned table as one table block: at least MIN_UNCAPTIONED_ROWS
    lines in type smaller than the body's (SMALLER points or more), unnumbered, most of them
    shorter than running text, right after a line that ends a sentence (A/HRC/59/60, page 3: a
    paragraph ends "... identified themselves as women." and a two-column table of stakeholder
    shares in 8-9 point type follows, with no caption), or after a bold title line that follows
    such a line (`_title_above`)."""
    prose = _prose_length(blocks)
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        j = i
        while j < len(blocks) and _small_row(blocks[j], body_size):
            j += 1
        run = blocks[i:j]
        title, before = _title_above(out, body_size)
        if len(run) >= MIN_UNCAPTIONED_ROWS and before is not None and ends_sentence(before.text) \
                and sum(len(b.text) >= prose for b in run) * 2 < len(run):
            if title is not None:  # the bold line over the rows titles the table, not a section
                out.pop()
                run = [title, *run]
            cells = _cells_under_heads(run, blocks[j:], body_size, prose)
            run, j = run + cells, j + len(cells)
            table = _joined(run, "table")
            drawn = chart_text(table.text) or not LETTER.search(table.text)  # "36% 14% 6% ...": a chart's labels
            out.append(replace(table, kind="furniture") if drawn else table)
            i = j
        else:
            out.append(blocks[i])
            i += 1
    return out


def _cells_under_heads(heads: list[Block], rest: list[Block], body_size: float, prose: float) -> list[Block]:
    """The cells in the body's type under a row of column heads in small type, down to what ends a
    table (`_typed_rows`), in the order the page gives them (a cell's wrapped lines together):
    A/79/7/Add.13's annex tables ("Time period Name Composition Funding source Responsibilities"
    over "1990s– early 2000s No dedicated team 1 P-4 Regular budget In the early 2000s, ...") ran
    into the paragraph before them. [] unless the heads stand side by side and the first cell
    right under them."""
    if not _column_heads(heads) or not rest or abs(rest[0].size - body_size) > SAME_SIZE \
            or min(h.y for h in heads) - rest[0].y > ROW_GAP * body_size * HEAD_GAP or _ends_table(rest[0], prose):
        return []
    return _typed_rows(rest, prose, False)


def _title_above(out: list[Block], body_size: float) -> tuple[Block | None, Block | None]:
    """The title of rows about to follow `out`, and the body line before the rows (or before their
    title): a bold line, last in `out`, that ends no sentence, where the body line above it ends
    one (A/80/176, page 4: para. 13 ends "... over the past three decades.", then "Trends in income
    inequality by region, 1990 to 2022" in bold over an uncaptioned table), in the body's type and
    shaped as no heading ("IV. Regional trends", "Annex I"); else (None, the last body line)."""
    body = [b for b in out if b.kind == "body"]
    last = body[-1] if body else None
    if last is None or out[-1] is not last or not last.bold or ends_sentence(last.text) or len(body) < 2 \
            or last.size > body_size + SAME_SIZE or _HEADING_NUMBER.match(last.text) or _PART_HEADING.match(last.text):
        return None, last
    return (last, body[-2]) if ends_sentence(body[-2].text) else (None, last)


AXIS_TICKS = 5  # evenly spaced numbers in a row that make a chart's axis
# The note under a map: "Base map source: ... Note: The boundaries and names shown ...".
_MAP_NOTE = re.compile(r"\bBase map source\b|\bboundaries and names shown and the designations used on this map\b")


def chart_text(text: str) -> bool:
    """Whether a text is a chart's or a map's: a map's note, or an axis of AXIS_TICKS or more
    numbers in a row, evenly spaced and rising ("0 20 40 60 80 100", "$40 $60 $80 $100", "1 500
    1 550 1 600", "0 100 000 200 000"); a chart's ticks, labels and legend are not text to cite."""
    if _MAP_NOTE.search(text):
        return True
    variants = (text, re.sub(r"\b(\d{1,3}) (\d{3})\b", r"\1\2", text), re.sub(r"\b(\d{1,3}) (000)\b", r"\1\2", text))
    return any(_evenly_rising(v.split()) for v in variants)


def _evenly_rising(tokens: list[str]) -> bool:
    values: list[float | None] = []
    for token in tokens:
        try:
            values.append(float(token.strip("$%€£()").replace(",", "")))
        except ValueError:
            values.append(None)
    run = 2
    for a, b, c in zip(values, values[1:], values[2:]):
        if a is not None and b is not None and c is not None and b > a and abs((c - b) - (b - a)) < 1e-9 \
                and not (b - a == 1 and 1900 <= a <= 2100):  # years heading a table's columns
            run += 1
            if run >= AXIS_TICKS:
                return True
        else:
            run = 2
    return False


def _prose_length(blocks: list[Block]) -> float:
    """The length from which a line of the page is running text, not a table's row: PROSE of its
    longest body line, and at least PROSE_CHARS."""
    return max(PROSE * max((len(b.text) for b in blocks if b.kind == "body"), default=0), PROSE_CHARS)


def _small_row(b: Block, body_size: float) -> bool:
    return b.kind == "body" and b.number is None and bool(b.size) and b.size <= body_size - SMALLER


def _rows(blocks: list[Block], caption: Block, body_size: float, continued: bool = False) -> list[Block]:
    """The lines under the caption, top to bottom, in the type of the first of them (then the
    table's notes in smaller type, above the page's footnotes), down to a line that ends the
    table: one in other type (the running text after a table in smaller type, the footnotes
    under it), one opening a numbered paragraph (in the body's type: a numbered row in the
    table's own type, "1. Resources available", is a row), another caption, a line as long as
    running text, or a line after a wide gap. A table `continued` from the page before may open
    with a row its numbers in small type."""
    below = _below(blocks, caption)
    prose = _prose_length(blocks)
    if not below or _ends_table(below[0], prose, continued and below[0].size <= body_size - SMALLER):
        return []
    size = below[0].size
    own_type = bool(body_size) and abs(size - body_size) > SAME_SIZE  # rows not in the body's type
    if own_type and size <= body_size - SMALLER:
        rows = _small_rows(below, body_size, prose)
        rest = below[len(rows):]
        if _column_heads(rows) and rest and abs(rest[0].size - body_size) <= SAME_SIZE \
                and rows[-1].y - rest[0].y <= ROW_GAP * body_size and not _ends_table(rest[0], prose):
            # column heads in small type over cells in the body's type (E/2025/57, tables 1, 4 and 5)
            return rows + _typed_rows(rest, prose, False)
        return rows
    return _typed_rows(below, prose, own_type)


HEAD_LINES = 4  # the lines a table's column heads may wrap onto, a line of years over them included
HEAD_APART = 20.0  # points between the left edges of two column heads side by side
HEADS_BASELINE = 2.0  # points between the baselines of two column heads side by side


def _column_heads(rows: list[Block]) -> bool:
    """Whether lines in small type are a table's column heads alone: one line, or heads side by
    side on one baseline, each wrapped onto at most HEAD_LINES lines ("Status of / implementation
    of / recommendations" beside "Planned / completion"); a small table's rows, one under another,
    are not."""
    if len(rows) == 1:
        return True
    beside = any(abs(a.y - b.y) < HEADS_BASELINE and abs(a.x - b.x) > HEAD_APART for a in rows for b in rows)
    return beside and rows[0].y - min(r.y for r in rows) <= HEAD_LINES * rows[0].size


def _typed_rows(below: list[Block], prose: float, own_type: bool) -> list[Block]:
    """The rows of a table set in the type of its first line `below[0]`, and its notes in smaller
    type under them, down to a line that ends the table (see `_rows`)."""
    size = below[0].size
    rows = [below[0]]
    notes = False  # the table's notes in smaller type under its rows ("* These represent ...")
    for b in below[1:]:
        if not notes and b.kind == "body" and b.size < size - SAME_SIZE and len(rows) >= MIN_ROWS:
            notes, size = True, b.size
        if abs(b.size - size) > SAME_SIZE or rows[-1].y - b.y > ROW_GAP * size:
            break
        if notes and b.kind != "body" or _ends_table(b, float("inf") if notes else prose, own_type):
            break
        rows.append(b)
    return rows


def _small_rows(below: list[Block], body_size: float, prose: float) -> list[Block]:
    """The rows of a table set in type smaller than the body's, whatever their sizes (headers,
    cells and cells' notes often differ: DP/FPA/2025/5's table 2 mixes 9, 8 and 5 points), down to
    a line in the body's type, another caption or a wide gap (a numbered line in the table's type
    is a row); a line as long as running text after the rows opens the table's notes, which go on
    to the same ends."""
    rows = [below[0]]
    notes = False
    for b in below[1:]:
        # the column heads stand further from the first row than rows from each other
        gap = ROW_GAP * max(b.size, rows[-1].size) * (HEAD_GAP if len(rows) == 1 else 1.0)
        if b.size > body_size - SMALLER or rows[-1].y - b.y > gap:
            break
        notes = notes or (len(rows) >= MIN_ROWS and len(b.text) >= prose)
        if notes and b.kind != "body" or _ends_table(b, float("inf") if notes else prose, True):
            break
        rows.append(b)
    return rows


_UNIT = re.compile(r"^\((?:In\s+|Thousands|Millions|Billions|Percentage|Number|Per cent)[^()]*\)$", re.IGNORECASE)
HEAD_GAP = 1.5  # the gap under a table's column heads, against ROW_GAP
_BARE_CAPTION = re.compile(r"^Table\s+(?:\d{1,3}|[IVXL]{1,6})$")


def _caption_lines(blocks: list[Block], caption: Block) -> list[Block]:
    """The lines that go on with a caption, in its type right under it: the rest of its title
    ("vs. 2026-2029") and its unit ("(In millions of United States dollars)"), when the rows under
    them are set in other type."""
    below = _below(blocks, caption)
    title: list[Block] = []
    above = caption
    bold = caption.bold
    for b in below:
        if not title and _BARE_CAPTION.match(caption.text.strip()):
            bold = b.bold  # "Table 1" alone, its title under it in bold (JIU/REP/2025/2, p. 3)
        unit = title and _UNIT.match(b.text.strip()) is not None  # "(Thousands of United States dollars)"
        if b.kind != "body" or abs(b.size - caption.size) > SAME_SIZE and not unit \
                or above.y - b.y > ROW_GAP * caption.size or b.bold != bold and not b.text.lstrip().startswith("("):
            break
        title.append(b)
        above = b
    rest = below[len(title):]
    return title if title and rest and (abs(rest[0].size - caption.size) > SAME_SIZE or _UNIT.match(title[-1].text.strip()))\
        else []


def _below(blocks: list[Block], caption: Block) -> list[Block]:
    """The body and footnote lines under the caption, top to bottom."""
    lines = [b for b in blocks if b.kind in ("body", "footnote") and b is not caption and b.size and b.y < caption.y]
    return sorted(lines, key=lambda b: -b.y)


def _ends_table(b: Block, prose: float, numbered_rows: bool = False) -> bool:
    """A line no table row is: a numbered paragraph's first line (unless the table numbers its
    own rows in its own type: `numbered_rows`), a caption, running text."""
    return (b.number is not None and not numbered_rows) or bool(TABLE_CAPTION.match(b.text.strip())) \
        or len(b.text) >= prose
