"""PDF loader (text layer, via pypdfium2): one Block per printed line with its layout facts.

Per line it records the left edge, baseline, font size and weight of the first letter, and
turns small raised digits glued to a word ("Framework.1" in 6 pt beside 10 pt text) into
footnote-marker sentinels. Lines in the page's top and bottom margins become furniture
(running symbol, "2/10", job number); small-type lines below the last body line of a page
are footnote bodies. The UN rules (numbering, headings, annexes) are the assembler's
(rag.ingest.assemble).
"""

from __future__ import annotations

import ctypes
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from rag.errors import ParseError
from rag.ingest.blocks import (
    MARK_CLOSE,
    MARK_OPEN,
    SENTINEL_RE,
    Block,
    PageText,
    mark_typed_notes,
    marker_token,
    typed_marks,
)
from rag.ingest.compilations import add_entry, number_entries
from rag.ingest.headings import LARGER, larger
from rag.ingest.patterns import (
    ANNEX,
    FIGURE_CAPTION,
    FIGURE_CAPTION_CHARS,
    FURNITURE_LINE,
    HEADER_TAIL,
    HEADING_NUMBER,
    JOB_LINE,
    LEADER,
    LETTER,
    LINE_NUMBER,
    MARGIN_FURNITURE,
    RULE,
    TABLE_CAPTION,
    TYPED_NOTE,
    UNIT,
    notes_heading,
)
from rag.ingest.tables import SAME_SIZE, chart_text, collapse_tables, continued_tables
from rag.textutil import SYMBOL

OCR_TYPE = 3.0  # points: a text layer whose body type is smaller is the invisible OCR layer of a scan
OCR_RISE = 30.0  # points up the page from one OCR line to the next that put its blocks out of order
OCR_COLUMN = 60.0  # points: lines starting this close are in the same column
ROW_SLACK = 3.0  # points between the baselines of an OCR row's pieces
MAX_PAGES = 2000  # a document longer than this is refused rather than parsed for minutes
_DIGIT_RUN = re.compile(r"(?<=[^\s\d(/\-–.,:;])(\d{1,3})(?!\d)|(?<=[A-Za-z\d)\]”’\"][.,;:])(\d{1,3})(?!\d)"
                        # after a space, a raised marker may follow a number too ("Goal 4 7": note 7)
                        r"|(?<=[a-z\d)\]”’\".,;:] )(\d{1,3})(?![\d.])(?!,\d{3}(?!\d))"
                        # a raised marker pdfium moves to the start of the next line ("the data,\n19 a ...");
                        # a note body set in the text's type opens with a capital ("2 Official Records")
                        r"|^(\d{1,3})(?=\s+[a-z])"
                        # a year with its note's marker glued on ("31 December 20246"): only the
                        # digits after the year's four can be the marker
                        r"|(?<![\d,.])((?:1[89]|20)\d\d\d{1,3})(?!\d)"
                        # a period's two-digit end with the marker glued on ("2022–3210"): only the
                        # digits after those two can be the marker
                        r"|(?<=(?:19|20)\d\d[–-])(\d\d\d{1,3})(?!\d)")


# A unit of area or volume, whose raised 2 or 3 is its exponent ("8,959 km²").
_UNIT_BEFORE = re.compile(UNIT + "$")
_EXPONENTS = {"2": "²", "3": "³"}
_EXPONENT_SPACE = re.compile(r"(?<=[²³]) (?=[,.;:)])")
YEAR_GROUP = 5  # _DIGIT_RUN's group of a year and the marker glued to it
RANGE_END_GROUP = 6  # _DIGIT_RUN's group of a period's two-digit end and the marker glued to it
RAISED = 0.8  # a digit in type under this share of its line's (or the body's) is a note's marker
NOTE_GAP = 2.0  # body sizes of blank space above a page's first typewritten note (the rule's place)


class _Line:
    __slots__ = ("bold", "italic", "page", "size", "text", "x", "y")

    def __init__(self, text: str, x: float, y: float, size: float, bold: bool, page: int, italic: bool) -> None:
        self.text, self.x, self.y, self.size, self.bold, self.page = text, x, y, size, bold, page
        self.italic = italic


def _style(tp, raw, index: int, name, flags) -> tuple[bool, bool]:
    """(bold, italic) of one character, from the font's name, flags and weight."""
    raw.FPDFText_GetFontInfo(tp, index, name, 128, ctypes.byref(flags))
    font = name.value.decode("latin-1", "replace").lower()
    bold = any(w in font for w in ("bold", "black", "heavy", "semibold")) or raw.FPDFText_GetFontWeight(tp, index) >= 600
    italic = bool(flags.value & 0x40) or "italic" in font or "oblique" in font
    return bold, italic


def _open(path: Path, data: bytes):
    import pypdfium2 as pdfium

    if not data:
        raise ParseError(f"{path}: empty file")
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise ParseError(f"{path}: not a PDF file (no %PDF header)")
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        msg = str(exc).lower()
        if "password" in msg:
            raise ParseError(f"{path}: encrypted PDF (password required)") from None
        raise ParseError(f"{path}: corrupt or truncated PDF ({exc})") from None


def _page_lines(page, page_no: int) -> list[_Line]:
    """The page's text lines with position, size, weight and marker sentinels."""
    from pypdfium2 import raw

    textpage = page.get_textpage()
    try:
        tp = textpage.raw
        count = raw.FPDFText_CountChars(tp)
        if count <= 0:
            return []
        text = textpage.get_text_range(0, count)
        aligned = len(text) == count
        left, right, bottom, top = (ctypes.c_double() for _ in range(4))
        name, flags = ctypes.create_string_buffer(128), ctypes.c_int()
        out: list[_Line] = []
        for start, line in _printed_lines(tp, raw, text, aligned):
            if aligned:
                line = _letter_spaced(tp, raw, line, start)
            stripped = line.strip()
            if not stripped:
                continue
            lead = len(line) - len(line.lstrip())
            first = start + lead
            raw.FPDFText_GetCharBox(tp, first, left, right, bottom, top)
            x, y = left.value, bottom.value
            alpha = next((i for i, ch in enumerate(line) if ch.isalpha()), lead)
            size = raw.FPDFText_GetFontSize(tp, start + alpha) if aligned else 0.0
            bold = italic = False
            if aligned:
                bold, italic = _style(tp, raw, start + alpha, name, flags)
                if italic:  # emphasised only when the line's last letter is italic too (not a title in a sentence)
                    last = next((i for i in range(len(line) - 1, -1, -1) if line[i].isalpha()), alpha)
                    italic = _style(tp, raw, start + last, name, flags)[1]
            body = line.rstrip()
            if aligned and size > 0:
                # pdfium may break a printed line at a raised marker, the marker opening the rest
                # ("... (see Map 2).", then "13 For example, ..." right of it, a little higher)
                goes_on = bool(out) and abs(out[-1].y - y) < MARKER_RISE and x > out[-1].x
                body = _mark_small_digits(tp, raw, body, start, size, goes_on)
            body = body.replace(_UNSPACED, "").strip()
            if bold:  # "III.Integrated resources plan": the space set in another font is not in the text layer
                body = _GLUED_HEADING_NUMBER.sub(r"\1 ", body)
            out.append(_Line(body, x, y, size, bold, page_no, italic))
        return _rejoined(out)
    finally:
        textpage.close()


# A heading's roman number glued to its first word (DP/2025/23, page 4: "III.Integrated resources plan").
_GLUED_HEADING_NUMBER = re.compile(r"^([IVXL]{1,6}\.)(?=[A-Z][a-z])")
# A space that pdfium puts between two letters (or two digits) of one size less than LETTER_GAP
# ems apart (the advance boxes' gap), on a line that writes its own spaces, is letter spacing
# inside a word ("In 2024, 3 3 evaluations", "the latt er", "Isra el" in justified lines: 0.11 to
# 0.148 em over the shared PDFs), where the letters beside it stand apart too, LETTER_SPACING em
# or more on average (so beside 95 of the 98 such spaces of the shared PDFs; at most 0.007 em
# beside a word space). A word space that a line leaves unwritten is as narrow (0.097 to 0.15 em)
# only after "of", mostly on lines leaving three or more to pdfium (`MAX_LETTER_SPACES`).
LETTER_GAP = 0.15
LETTER_SPACING = 0.01
MAX_LETTER_SPACES = 2
_UNSPACED = "\u200b"  # stands for such a space until the line is read, so its characters keep their places


def _letter_spaced(tp, raw, line: str, start: int) -> str:
    """The line with each space pdfium generated inside a letter-spaced word (`LETTER_GAP`,
    `LETTER_SPACING`) put as `_UNSPACED`, where the line writes spaces of its own and leaves at
    most MAX_LETTER_SPACES to pdfium."""
    spaces = [k for k, ch in enumerate(line) if ch == " "]
    generated = [k for k in spaces if raw.FPDFText_IsGenerated(tp, start + k) == 1]
    if not generated or len(generated) > MAX_LETTER_SPACES or len(generated) == len(spaces):
        return line
    chars = list(line)
    box = raw.FS_RECTF()

    def gap(i: int, j: int) -> float:  # from the end of the line's character i to the start of j
        raw.FPDFText_GetLooseCharBox(tp, start + i, box)
        ends = box.right
        raw.FPDFText_GetLooseCharBox(tp, start + j, box)
        return box.left - ends

    for k in generated:
        if not (0 < k < len(line) - 1 and _same_class(line[k - 1], line[k + 1])):
            continue
        if _HOMOGLYPH_INSIDE.match(line, k - 1):
            chars[k] = _UNSPACED
            continue
        size = raw.FPDFText_GetFontSize(tp, start + k - 1)
        if size <= 0 or abs(raw.FPDFText_GetFontSize(tp, start + k + 1) - size) > SAME_SIZE:
            continue  # a raised note mark after a word keeps its space
        if not 0 <= gap(k - 1, k + 1) < LETTER_GAP * size:
            continue
        # the gaps between the letters beside it, two on each side where the word has them
        inner = [gap(j, j + 1) for j in (k - 3, k - 2, k + 1, k + 2)
                 if 0 <= j < len(line) - 1 and " " not in line[j:j + 2]]
        if not inner or sum(inner) / len(inner) >= LETTER_SPACING * size:
            chars[k] = _UNSPACED
    return "".join(chars)


# A Latin letter, a space, then one Cyrillic or Greek letter inside a Latin word ("Vet ёvendosje":
# S/2025/200 sets the "ё" of "Vetёvendosje" in Cyrillic, and pdfium puts a space before it).
_HOMOGLYPH_INSIDE = re.compile(r"[A-Za-z] [\u0370-\u03ff\u0400-\u04ff][a-z]")


def _same_class(before: str, after: str) -> bool:
    """Two letters, or two digits: a word or a number that a space may have split."""
    return (before.isalpha() and after.isalpha()) or (before.isdigit() and after.isdigit())


SAME_BASELINE = 1.0  # points between two lines' baselines that put them on one printed line
MARKER_RISE = 4.0  # points a raised marker's foot may stand above the baseline of the text it marks


def _rejoined(lines: list[_Line]) -> list[_Line]:
    """The lines with each one that pdfium breaks at a note's raised marker whole again: the rest
    of the printed line comes as a line of its own on the same baseline, starting right of the
    line before ("... Colonialism, 2" and "submitted pursuant to ...", A/AC.109/2025/L.25, p. 1)."""
    out: list[_Line] = []
    for ln in lines:
        last = out[-1] if out else None
        if last is not None and last.text.endswith(MARK_CLOSE) and abs(last.y - ln.y) < SAME_BASELINE \
                and ln.x > last.x and abs(last.size - ln.size) <= SAME_SIZE:
            last.text = f"{last.text} {ln.text}"
            continue
        if last is not None and ln.text.startswith(MARK_OPEN) and abs(last.y - ln.y) < MARKER_RISE \
                and ln.x > last.x and abs(last.size - ln.size) <= SAME_SIZE:  # the marker opens the rest
            last.text = f"{last.text}{ln.text}"
            continue
        out.append(ln)
    return out


RUN_ON = 4.0  # points between baselines that put a character on the next printed line


def _printed_lines(tp, raw, text: str, aligned: bool) -> Iterator[tuple[int, str]]:
    """(index of its first character, text) of each printed line: pdfium's lines, cut again
    after a line-end hyphen (U+FFFE) that pdfium runs on into the next printed line
    ("Non-Self\ufffeGoverning Territories ..." set on two lines)."""
    pos = 0
    here, there = (ctypes.c_double() for _ in range(2))
    for line in text.split("\r\n"):
        start, cut = pos, 0
        pos += len(line) + 2
        if aligned:
            for k, ch in enumerate(line[:-1]):
                if ch != "\ufffe":
                    continue
                raw.FPDFText_GetCharOrigin(tp, start + k, here, there)
                above = there.value
                raw.FPDFText_GetCharOrigin(tp, start + k + 1, here, there)
                if above - there.value > RUN_ON:
                    yield start + cut, line[cut:k + 1]
                    cut = k + 1
        yield start + cut, line[cut:]


def _mark_small_digits(tp, raw, line: str, start: int, size: float, goes_on: bool = False) -> str:
    """Replace raised small digits glued to words with marker sentinels; and those opening a line
    that `goes_on` with the printed line before it (whatever word follows them)."""
    pieces: list[str] = []
    last = 0
    for m in _runs(line, goes_on):
        g = next(i for i in (1, 2, 3, 4, 5, 6) if m.group(i))
        small = [raw.FPDFText_GetFontSize(tp, start + k) < RAISED * size for k in range(m.start(g), m.end(g))]
        # the raised digits end the run: all of it ("word12"), or its tail where the marker is
        # glued to a number in the text's type ("Intersessional decision 1" and its note "1")
        cut = next((k for k in range(len(small)) if all(small[k:])), None)
        if cut is None or g == YEAR_GROUP and cut != 4 or g == RANGE_END_GROUP and cut != 2:
            continue
        at = m.start(g) + cut
        pieces.append(line[last:at])
        raised = line[at:m.end(g)]
        exponent = raised in _EXPONENTS and _UNIT_BEFORE.search(line, 0, at) is not None
        pieces.append(_EXPONENTS[raised] if exponent else marker_token(raised))  # "km²" is no note's mark
        last = m.end(g)
    if not pieces:
        return line
    pieces.append(line[last:])
    text = _MARKER_COMMA.sub("", "".join(pieces))  # "13,14", "11 , 12": the comma between two markers is theirs
    return _EXPONENT_SPACE.sub("", text)  # "km² ," as set: the raised digit's space is no word's


_MARKER_COMMA = re.compile(f"(?<={re.escape(MARK_CLOSE)})\\s*,\\s*(?={re.escape(MARK_OPEN)})")  # "11 , 12" as set too
_OPENING_DIGITS = re.compile(r"^(\d{1,3})(?=\s+\S)")


def _runs(line: str, goes_on: bool) -> list[re.Match[str]]:
    """The digit runs that may hold a marker (_DIGIT_RUN); on a line that goes on with the one
    before, also the digits opening it, whatever follows them (a note's body never continues a
    printed line to its right)."""
    found = list(_DIGIT_RUN.finditer(line))
    opening = _OPENING_DIGITS.match(line) if goes_on else None
    if opening is not None and not any(m.start() == 0 for m in found):
        found.insert(0, opening)
    return found


def _raised_alone(ln: _Line, before: _Line | None, after: _Line | None, body_size: float) -> bool:
    """A line of one to three digits in small type among the body's lines: a footnote marker
    that pdfium reads as a line of its own (it is raised above the text it follows); not the
    number opening a note's body, set where lines start with the note's text on its baseline."""
    if not (ln.size and ln.size < RAISED * body_size and ln.text.isdigit() and len(ln.text) <= 3):
        return False
    at_margin = before is None or abs(ln.x - before.x) < MARGIN_STEP
    opens = after is not None and after.page == ln.page and abs(after.y - ln.y) < 5 and after.x > ln.x
    return not (at_margin and opens)


MARGIN_STEP = 15.0  # points: a line starting this close to the line before starts at the same margin


def _classify(lines: list[_Line], height: float, body_size: float) -> list[Block]:
    """Blocks for one page: furniture in the margins, footnotes below the body, body lines."""
    blocks: list[Block] = []
    body_lines = [ln for ln in lines if not _is_margin(ln, height) and ln.size >= body_size - 0.6]
    lowest_body = min((ln.y for ln in body_lines), default=0.0)
    for ln, before, after in zip(lines, [None, *lines[:-1]], [*lines[1:], None]):
        kind = "body"
        if _is_margin(ln, height) or FURNITURE_LINE.match(ln.text.strip()) or JOB_LINE.match(ln.text.strip()):
            kind = "furniture"
        elif ln.size and ln.size < body_size - 0.6 and ln.y < lowest_body:
            kind = "footnote"
        number = None
        text = ln.text
        if kind == "body" and _raised_alone(ln, before, after, body_size):
            text = marker_token(text)  # a note's marker set on a line of its own, after the text it marks
        elif kind == "body":
            m = LINE_NUMBER.match(ln.text)
            if m:
                number = m.group(1)
        blocks.append(Block(text, page=ln.page, kind=kind, number=number, size=ln.size, bold=ln.bold,
                            italic=ln.italic, x=ln.x, y=ln.y))
    for b, after in zip(blocks, blocks[1:]):
        if notes_heading(b.text, after.text):
            b.kind = "furniture"
    _under_rule(blocks, height)
    blocks = _foot_table(blocks)
    _contents_lines(blocks)
    _figure_lines(blocks, body_size)
    return collapse_tables(blocks, body_size)


# How a page's notes open: a number, a marker, a letter or sign, a rule, or a source, note or
# abbreviations line under a figure.
_NOTE_OPENS = re.compile(r"^(?:\d{1,3}\b|\x01|[*†‡§#]|[a-z]\b|_{3,}|\(\d{1,3}\)|(?:Source|Sources|Note|Notes|"
                         r"Abbreviations?)\b)")
FOOT_TABLE_ROWS = 3


def _under_rule(blocks: list[Block], height: float) -> None:
    """On a page whose text layer gives no type sizes, the lines under a notes' rule
    ("__________________") in the page's lower half are its notes (A/80/150, p. 4: the notes
    ran into agenda item 48)."""
    rule = next((b for b in blocks if b.kind == "body" and not b.size and b.y < 0.5 * height
                 and RULE.match(b.text)), None)
    if rule is None:
        return
    for b in blocks:
        if b.kind == "body" and b.y <= rule.y:
            b.kind = "footnote"


def _foot_table(blocks: list[Block]) -> list[Block]:
    """The page's blocks with the small type under its body as one table block where its first
    line opens no note ("Score Score description No. of managers" over "4 Exceeds expectations
    187", A/79/772, p. 7; "Country Women Men Total" over the rows of S/2025/200, annex): the rows
    down to a notes' rule, top to bottom, after the page's body. A chart's labels are furniture."""
    foot = sorted((b for b in blocks if b.kind == "footnote"), key=lambda b: -b.y)
    if len(foot) < FOOT_TABLE_ROWS or _NOTE_OPENS.match(foot[0].text.strip()) or any(
            b.kind == "body" and (TABLE_CAPTION.match(b.text.strip()) or FIGURE_CAPTION.match(b.text.strip()))
            for b in blocks):
        return blocks  # a captioned table or figure takes its rows (rag.ingest.tables)
    rule = next((i for i, b in enumerate(foot) if RULE.match(b.text)), len(foot))
    rows = foot[:rule]
    if len(rows) < FOOT_TABLE_ROWS:
        return blocks
    run = _foot_title(blocks, rows[0]) + rows
    table = Block(" ".join(b.text.strip() for b in run), page=run[0].page, kind="table", size=rows[0].size,
                  bold=run[0].bold, x=run[0].x, y=run[0].y)
    if chart_text(table.text) or not LETTER.search(table.text):
        table.kind = "furniture"
    taken = {id(b) for b in run}
    out = [b for b in blocks if id(b) not in taken]
    at = max((i for i, b in enumerate(out) if b.kind == "body"), default=len(out) - 1) + 1
    return out[:at] + [table] + out[at:]


TITLE_GAP = 2.5  # body sizes between a foot table's title and its first row, at most
TITLE_LINES = 3


def _foot_title(blocks: list[Block], top: Block) -> list[Block]:
    """The bold lines right above a foot table's first row that title it ("Number of managers
    meeting each performance appraisal category in the performance management index", A/79/772,
    p. 7): unnumbered, no heading's or annex's number, no total row, no sentence's end (the bold
    recommendation over a status box is text), each close over the next."""
    body = [b for b in blocks if b.kind == "body" and b.y > top.y]
    title: list[Block] = []
    below = top
    for b in sorted(body, key=lambda b: b.y):
        text = b.text.strip()
        if not b.bold or b.number is not None or len(title) == TITLE_LINES or b.y - below.y > TITLE_GAP * b.size \
                or HEADING_NUMBER.match(text) or ANNEX.match(text) or text.startswith("Total") \
                or not LETTER.search(text) or text.endswith((".", ";", ":")):
            break
        title.insert(0, b)
        below = b
    return title


def _contents_lines(blocks: list[Block]) -> None:
    """Table-of-contents entries become furniture: a line ending in dot leaders and a page
    number, and the lines of the same entry before it (they end no sentence with "." or ";")."""
    for i, b in enumerate(blocks):
        if b.kind != "body" or not LEADER.search(b.text):
            continue
        b.kind, b.number = "furniture", None
        for prev in reversed(blocks[max(i - 2, 0):i]):
            if prev.kind != "body" or LEADER.search(prev.text) or prev.text.rstrip().endswith((".", ";")):
                break
            prev.kind, prev.number = "furniture", None
    _contents_annex_list(blocks)


def _contents_entries(blocks: list[Block]) -> dict[str, list[str]]:
    """The numbered entries of the table of contents ("1. Center for Family Studies . . . 2", an
    entry wrapped onto a second line too): entry number -> the words of its title."""
    entries: dict[str, list[str]] = {}
    for i, b in enumerate(blocks):
        if b.kind != "furniture" or not LEADER.search(b.text):
            continue
        text = b.text
        before = blocks[i - 1] if i else None
        if not LINE_NUMBER.match(text) and before is not None and before.kind == "furniture" \
                and LINE_NUMBER.match(before.text) and not LEADER.search(before.text):
            text = f"{before.text.strip()} {text}"
        add_entry(entries, text)
    return entries


def _contents_entries_numbered(blocks: list[Block]) -> None:
    """A compilation's numbered entries keep their numbers against the lists inside them
    (rag.ingest.compilations)."""
    listed = sum(1 for b in blocks if b.kind == "furniture" and LEADER.search(b.text))
    number_entries(blocks, _contents_entries(blocks), listed)


_ANNEX_LIST_HEAD = re.compile(r"(?:Annex(?:es)?|Appendix|Appendices)\s*(?:\(.*\))?\s*$", re.IGNORECASE)
_ANNEX_LIST_ENTRY = re.compile(r"(?:[IVX]{1,5}|[A-Z]|\d{1,2})\.\s+\S")
_ANNEX_LIST_NOTE = re.compile(r"^\(.*\)$")  # "(Annexes and appendices are available on the UNFPA website)"


def _contents_annex_list(blocks: list[Block]) -> None:
    """The lists of annexes and appendices under a table of contents, printed without page
    numbers ("Annexes (available on the Executive Board website)", then "I. Performance
    indicators, 2022-2024" ...; "Appendices", then "1. Annual report of ..."), are contents too:
    on the page of the last contents entry, each "Annexes" or "Appendices" line after it with the
    numbered entries under it, and a note in brackets after them."""
    last = max((i for i, b in enumerate(blocks) if b.kind == "furniture" and LEADER.search(b.text)), default=None)
    if last is None:
        return
    rest = [b for b in blocks[last + 1:] if b.kind == "body" and b.page == blocks[last].page]
    taken = 0
    while taken < len(rest) and _ANNEX_LIST_HEAD.match(rest[taken].text):
        entries = list(itertools.takewhile(lambda b: _ANNEX_LIST_ENTRY.match(b.text) and len(b.text) < 160,
                                           rest[taken + 1:]))
        if not entries:
            break
        for b in [rest[taken], *entries]:
            b.kind, b.number = "furniture", None
        taken += 1 + len(entries)
    if taken and taken < len(rest) and _ANNEX_LIST_NOTE.match(rest[taken].text.strip()):
        rest[taken].kind = "furniture"


# "Figure II", "Figure 2: Progress ...", "Figure II (a). ...", "Map I Map showing ..."; not "Figure II shows"
# nor "Figure 3, which ..."
FIGURE_RISE = 30.0  # points up the page (three lines) that put a line out of the text's reading order


def _figure_lines(blocks: list[Block], body_size: float) -> None:
    """A figure's caption, title and drawn labels are no text: a caption line ("Figure II") with
    the styled title lines right under it, and the run of lines that ends the page's text layer
    set back up the page (a chart's numbers, a legend: ">= 90% Progress") when half of them or
    more are figures or a caption."""
    body = [b for b in blocks if b.kind == "body"]
    for i, b in enumerate(body):
        if FIGURE_CAPTION.match(b.text) and len(b.text) < FIGURE_CAPTION_CHARS:
            b.kind = "furniture"
            _caption_title(b, body[i + 1:i + 4], body_size)
            _figure_credits(b, blocks, body_size)
    run = _set_back(b for b in body if b.kind == "body")
    # a figure's labels: mostly drawn labels, some of them figures; a table's caption keeps its table
    if run and len(run) <= FIGURE_LINES and sum(map(_drawn_label, run)) >= 0.5 * len(run) \
            and any(re.search(r"\d", b.text) for b in run) and not any(TABLE_CAPTION.match(b.text) for b in run):
        for b in run:
            b.kind = "furniture"


# What a figure prints under its drawing, in small type: "Source: MONUSCO/Joint Human Rights
# Office.", "Note: ...", "Abbreviations: FARDC, ...".
_FIGURE_CREDIT = re.compile(r"^(?:Sources?|Notes?|Abbreviations?|Data sources?)\s*:", re.IGNORECASE)
CREDIT_TEXT_WORDS = 8  # a sentence's end in the body's type this long under a figure is text, not a legend


def _figure_credits(caption: Block, blocks: list[Block], body_size: float) -> None:
    """The source, note and abbreviations lines under a figure, with the lines they wrap onto (in
    their small type, each right under the one above), are the figure's, not text nor notes: the
    first such run below its caption on its page, before the text goes on (a numbered line, or a
    sentence's end in the body's type on a line of CREDIT_TEXT_WORDS words or more: a legend ends
    none); a note under them stays a note."""
    below = [b for b in blocks if b.page == caption.page and b.y < caption.y and b.kind in ("body", "footnote")]
    above: Block | None = None  # the credit line above, once the credits have started
    for b in sorted(below, key=lambda b: -b.y):
        small = 0 < b.size < body_size - LARGER
        if above is None and not small and (b.number or len(b.text.split()) >= CREDIT_TEXT_WORDS
                                            and b.text.rstrip().endswith(".")):
            return  # the text goes on under a figure that prints no credit
        if above is None and small and _FIGURE_CREDIT.match(b.text):
            b.kind, above = "furniture", b
        elif above is not None:
            # a credit's wrapped line: small type right under it, not a note ("1 See ...")
            if not small or above.y - b.y > 2 * b.size or _PLAIN_NOTE.match(b.text):
                return
            b.kind, above = "furniture", b


def _caption_title(caption: Block, after: list[Block], body_size: float) -> None:
    """The title under a figure's caption: styled lines, each right under the one above."""
    above = caption
    for title in after:
        if not ((title.bold or larger(title, body_size)) and title.page == caption.page
                and 0 < above.y - title.y < 2 * (title.size or 10)):
            break
        title.kind, above = "furniture", title


def _set_back(lines: Iterable[Block]) -> list[Block]:
    """The lines that end a page's text layer placed higher than the text before them."""
    lowest, run = float("inf"), []
    for b in lines:
        if b.y > lowest + FIGURE_RISE or (run and b.y > lowest):
            run.append(b)
        else:
            lowest, run = min(lowest, b.y), []
    return run


FIGURE_LINES = 60  # at most this many set-back lines are a figure's; more are a table or a text


def _drawn_label(b: Block) -> bool:
    """A line a figure draws: a caption, or figures and short words without lower-case ones
    ("117%", "2022 2023 2024", "TOTAL"); a small-type table's rows have words ("Target date June
    2024")."""
    return FIGURE_CAPTION.match(b.text) is not None or not re.search(r"[a-z]{3}", b.text)


PAGE_NUMBER_SIZE = 7.0  # points: a page number's type at least (a note's raised number is smaller; an OCR
# layer's sizes, 1 point or none, tell nothing)


def _is_margin(ln: _Line, height: float) -> bool:
    if ln.text.upper().startswith("ANNEX"):
        return False  # an annex heading high on its page is not a running header
    if len(ln.text) >= 90:
        return False
    if ln.y > 0.905 * height or ln.y < 0.065 * height:
        return bool(MARGIN_FURNITURE.match(ln.text) or len(ln.text.split()) <= 6)
    near = ln.y > 0.86 * height or ln.y < 0.11 * height  # furniture set lower/higher on some pages
    if near and ln.text.strip() == str(ln.page) and not 1.0 < ln.size < PAGE_NUMBER_SIZE:
        return True  # the page's own number, set a little higher than most ("14" on page 14)
    if near and HEADER_TAIL.match(ln.text.strip()):
        return True  # "Page 4" under an older document's running symbol
    return near and bool(MARGIN_FURNITURE.match(ln.text)) and not ln.text.isdigit()


def _read_pages(path: Path, data: bytes) -> list[tuple[list[_Line], float]]:
    """Each page's lines and height; refuses an empty, over-long or unreadable PDF."""
    pdf = _open(path, data)
    try:
        n = len(pdf)
        if n == 0:
            raise ParseError(f"{path}: PDF has no pages")
        if n > MAX_PAGES:
            raise ParseError(f"{path}: {n} pages is more than the {MAX_PAGES}-page limit")
        raw_pages: list[tuple[list[_Line], float]] = []
        for i in range(n):
            page = pdf[i]
            try:
                raw_pages.append((_page_lines(page, i + 1), page.get_height()))
            finally:
                page.close()
        return raw_pages
    except ParseError:
        raise
    except Exception as exc:  # pdfium raises plain errors on damaged objects
        raise ParseError(f"{path}: cannot read PDF ({exc})") from None
    finally:
        pdf.close()


def _body_size(path: Path, raw_pages: list[tuple[list[_Line], float]]) -> float:
    """The size of most of the text's characters; refuses a PDF without a text layer, and
    forgets the font facts of an invisible OCR layer over a scan (1-pt type)."""
    sizes: Counter[float] = Counter()
    for lines, _ in raw_pages:
        for ln in lines:
            if ln.size:
                sizes[round(ln.size * 2) / 2] += len(ln.text)
    if sum(sizes.values()) == 0 and not any(ln.text for lines, _ in raw_pages for ln in lines):
        raise ParseError(f"{path}: no text layer: OCR is not supported")
    body_size = sizes.most_common(1)[0][0] if sizes else 10.0
    if body_size < OCR_TYPE:
        for lines, _ in raw_pages:
            for ln in lines:
                ln.size, ln.bold, ln.italic = 0.0, False, False
    return body_size


def _reading_order(lines: list[_Line]) -> list[_Line]:
    """An OCR layer's lines top to bottom where its blocks come out of order (a scan's text layer
    may hold a page's paragraphs bottom first): a line that rises more than OCR_RISE above the line
    before it in the same column. Lines within ROW_SLACK of a row's first are one row, left to right."""
    if not any(b.y - a.y > OCR_RISE and abs(b.x - a.x) < OCR_COLUMN for a, b in zip(lines, lines[1:])):
        return lines
    out: list[_Line] = []
    row: list[_Line] = []
    for ln in sorted(lines, key=lambda ln: -ln.y):
        if row and row[0].y - ln.y > ROW_SLACK:
            out.extend(sorted(row, key=lambda r: r.x))
            row = []
        row.append(ln)
    return out + sorted(row, key=lambda r: r.x)


def load_pdf(path: Path, data: bytes) -> list[PageText]:
    """Pages of line blocks from a PDF's text layer; refuses PDFs without one (no OCR)."""
    raw_pages = _read_pages(path, data)
    body_size = _body_size(path, raw_pages)
    if body_size < OCR_TYPE:
        raw_pages = [(_reading_order(lines), height) for lines, height in raw_pages]
    pages = [PageText(blocks=_classify(lines, height, body_size)) for lines, height in raw_pages]
    _typed_notes(pages, [height for _, height in raw_pages], body_size)
    _running_symbol_notes(pages)
    continued_tables(pages, body_size)
    _contents_entries_numbered([b for page in pages for b in page.blocks])
    if sum(len(b.text) for p in pages for b in p.blocks if b.kind == "body") < 20 * max(1, len(pages) // 10):
        raise ParseError(f"{path}: no text layer: OCR is not supported")
    return pages


def _running_symbol_notes(pages: list[PageText]) -> None:
    """The running symbol printed where a page's notes would stand (S/2025/97's map page, set
    landscape, prints "S/2025/97" low on its page) is furniture, not a note's last line: a line
    that is just the symbol the other pages' margins print."""
    margins = Counter(b.text.strip() for page in pages for b in page.blocks if b.kind == "furniture")
    for page in pages:
        for b in page.blocks:
            if b.kind == "footnote" and margins[b.text.strip()] >= 2 and SYMBOL.fullmatch(b.text.strip()):
                b.kind = "furniture"


def _typed_foot(body: list[Block], height: float, body_size: float, marks: frozenset[str] | set[str] = frozenset()
                ) -> int | None:
    """Where the typewritten notes at the foot of a page open among its body lines: the first
    line in the page's lower half that opens with "N/" (or with "N" where the page's text marks
    note N: `marks`), under a gap, with no numbered paragraph after it; None where there is none."""
    for k in range(1, len(body)):
        b = body[k]
        plain = _PLAIN_NOTE.match(b.text)
        if (TYPED_NOTE.match(b.text) or (plain and plain.group(1) in marks)) and b.y < 0.5 * height \
                and body[k - 1].y - b.y >= NOTE_GAP * body_size and all(x.number is None for x in body[k:]):
            return k
    return None


_PLAIN_NOTE = re.compile(r"^(\d{1,3})\s+\S")


def _page_foot(page: PageText, height: float, body_size: float) -> list[Block]:
    """The typewritten "N/" notes at the page's foot, returned for `_typed_notes` to confirm;
    notes in the text's type that open with a number the page's text marks ("1 To be issued
    ...", the note of a raised "1") are marked as footnotes in place, with the lines under them,
    and not returned."""
    body = [b for b in page.blocks if b.kind == "body"]
    marks = {n for b in body for n in SENTINEL_RE.findall(b.text)}
    k = _typed_foot(body, height, body_size, marks)
    if k is None:
        return []
    if TYPED_NOTE.match(body[k].text):
        return body[k:]
    for b in body[k:]:
        if b.y <= body[k].y:  # not text the loader hands over after it from higher up
            b.kind = "footnote"
    return []


def _typed_notes(pages: list[PageText], heights: list[float], body_size: float) -> None:
    """Typewritten notes at a page's foot become footnotes, and their marks in the text marker
    sentinels: only where the text marks ("... abstentions. 2/ The voting") a note that a page's
    foot holds."""
    foot = [b for page, height in zip(pages, heights) for b in _page_foot(page, height, body_size)]
    at_foot = {id(b) for b in foot}
    text = [b for page in pages for b in page.blocks if b.kind == "body" and id(b) not in at_foot]
    notes = {m.group(1) for b in foot for m in [TYPED_NOTE.match(b.text)] if m}
    marked = notes & typed_marks(b.text for b in text)
    if not marked:
        return  # no note is marked in the text: the lines are text after all
    for b in foot:
        b.kind = "footnote"
    for b in text:
        b.text = mark_typed_notes(b.text, marked)
