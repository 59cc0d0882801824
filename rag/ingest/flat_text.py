"""Flat text into line blocks: a .txt or .md file without a printed page layout.

Such a file has blank-line blocks, or one long line that lost its layout ("... Australia.9
49. In addition ..."), so a paragraph number can stand anywhere in a line. This loader gives
the assembler (rag.ingest.assemble) the lines a printed page would have:
    - the document symbol(s) are read from the opening blocks, before the lines are remade;
      page furniture is dropped: lines that are a page number ("15", "2/10"), a job
      number or a one-letter-organ symbol, the symbol opening a block, and a page number
      glued to the end of a page's text ("...levels.11 15"), which is the printed page number;
    - every "N. " that can open a sentence is a candidate paragraph number, weighing a little
      more after a sentence end; the best run n, n+1, n+2... (rag.ingest.numbering; a single
      number only after a sentence end) breaks the text into one line per paragraph, and a
      new line where the paragraph crosses a page;
    - before the first paragraph, the last three short blocks (or a closing "B. Title") that
      do not end a sentence are headings and the blocks of running text (a summary, a covering
      note) are kept as they are in a PDF, the assembler counting them as unnumbered
      paragraphs; after a paragraph, the short blocks and a run-in "D. Title" that close it
      before the next number are headings;
    - a footnote marker glued to a word ("Australia.9") becomes a sentinel when it follows the
      running footnote count;
    - text without a numbering run gives a line per block: short blocks are headings, the
      others paragraphs;
    - an "Annex" heading does not open an annex: in flat text it cannot be told from a
      contents entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rag.ingest.blocks import Block, PageText, in_figure, marker_token
from rag.ingest.joining import clean_text
from rag.ingest.numbering import SENTENCE_BONUS, best_chain
from rag.ingest.patterns import (
    CLOSING_HEADING,
    FLAT_FURNITURE,
    GLUED_MARKER,
    INLINE_HEADING,
    INLINE_NUMBER,
    NOT_GLUED_MARKER_AFTER,
    PAGE_FRACTION,
    SENTENCE_END_BEFORE,
    TERMINAL,
    TRAILING_PAGE,
)
from rag.ingest.symbols import document_symbols

HEADING_WORDS = 12  # a heading among blocks has at most this many words
LEADING_HEADINGS = 3  # headings kept from the text before the first paragraph
MARKER_STEP = 10  # a footnote marker is at most this far above the last one
GLUED_STEP = 3  # ... and this far when glued to a letter ("G20" is no marker)
PARAGRAPH_ONE = re.compile(r"\s*1\.\s")  # a block that opens as the first numbered paragraph


def is_heading_like(text: str) -> bool:
    """Short text that does not open in lower case nor end a sentence."""
    text = text.strip()
    if not text or len(text) > 200 or text[0].islower():
        return False
    return len(text.split()) <= 25 and not TERMINAL.search(text)


def mark_markers(text: str, last: int) -> tuple[str, int]:
    """Footnote markers glued to words turned into sentinels; they must ascend through the
    document from `last`, the marker before."""
    out: list[str] = []
    pos = 0
    for m in GLUED_MARKER.finditer(text):
        num = int(m.group(1))
        before = text[max(0, m.start() - 12): m.start()]
        if NOT_GLUED_MARKER_AFTER.search(before) or num <= last or num > last + MARKER_STEP and last > 0 \
                or in_figure(text, m.start(), m.group(1)):  # "85.9 per cent", "1,500 staff"
            continue
        if before[-1:].isalpha() and num > last + GLUED_STEP:
            continue  # "G20", "word2030": a glued number far from the running footnote count
        out += [text[pos:m.start()], marker_token(str(num))]
        pos = m.end()
        last = num
    out.append(text[pos:])
    return "".join(out), last


# Page furniture -------------------------------------------------------------------------------

def _furniture_lines(text: str) -> tuple[str, str | None]:
    """(text without its furniture lines, the printed page number among them)."""
    lines = text.splitlines()
    body: list[str] = []
    printed = None
    for line in lines:
        s = line.strip()
        if s and FLAT_FURNITURE.match(s) and (not s.isdigit() or len(lines) == 1):
            if printed is None and (s.isdigit() or PAGE_FRACTION.fullmatch(s)):
                printed = s.split("/")[0]
        else:
            body.append(line)
    return "\n".join(body).strip(), printed


def _only_residue_after(texts: list[str], idx: int) -> bool:
    """Every block after the idx-th on the page is short residue (no sentence, no paragraph)."""
    return all(is_heading_like(t) and not INLINE_NUMBER.match(t.strip()) for t in texts[idx + 1:])


def _strip_page(texts: list[str], symbol: str | None) -> tuple[list[str], str | None]:
    """(the page's blocks without furniture, its printed page number)."""
    kept: list[str] = []
    printed = None
    for idx, raw in enumerate(texts):
        text, number = _furniture_lines(raw)
        printed = printed or number
        if not text:
            continue
        m = TRAILING_PAGE.search(text)
        if m and (idx == len(texts) - 1 or _only_residue_after(texts, idx)):
            printed = printed or m.group(2)
            text = text[: m.start(2)].rstrip()
        if symbol and text.startswith(symbol + " "):
            text = text[len(symbol):].lstrip()
        kept.append(text)
    return kept, printed


# The text as one stream -----------------------------------------------------------------------

@dataclass
class _Piece:
    """A block's text, the page it is on (0-based) and its offset in the stream."""

    text: str
    page: int
    start: int


@dataclass
class _Start:
    """A paragraph number in the stream: where it stands, where its text begins, after a sentence end."""

    at: int
    text_at: int
    number: str
    after_sentence: bool


class _Stream:
    """The pages' blocks joined by blank lines, with the page of every offset."""

    def __init__(self, pages: list[list[str]]) -> None:
        self.pieces: list[_Piece] = []
        pos = 0
        for page_idx, texts in enumerate(pages):
            for text in texts:
                self.pieces.append(_Piece(text, page_idx, pos))
                pos += len(text) + 2
        self.text = "\n\n".join(p.text for p in self.pieces)

    def page_at(self, offset: int) -> int:
        page = self.pieces[0].page
        for p in self.pieces:
            if p.start > offset:
                break
            page = p.page
        return page

    def starts(self) -> list[_Start]:
        """The paragraph numbers: the best run among the candidates (see the module docstring)."""
        cands = []
        for m in INLINE_NUMBER.finditer(self.text):
            clean = bool(SENTENCE_END_BEFORE.search(self.text[max(0, m.start() - 12): m.start()]))
            cands.append(_Start(m.start(), m.end(), m.group(1), clean))
        chain = best_chain([(int(c.number), 1.0 + (SENTENCE_BONUS if c.after_sentence else 0.0)) for c in cands])
        if len(chain) == 1 and not cands[chain[0]].after_sentence:
            return []
        return [cands[i] for i in chain]

    def lines(self, start: int, end: int) -> list[tuple[int, str]]:
        """(page, text) of the stream from `start` to `end`, a new line at each page change."""
        out: list[tuple[int, str]] = []
        cut, page = start, self.page_at(start)
        for p in self.pieces:
            if start < p.start < end and p.page != page:
                out.append((page, self.text[cut:p.start]))
                cut, page = p.start, p.page
        out.append((page, self.text[cut:end]))
        return out


# Headings -------------------------------------------------------------------------------------

def _trailing_headings(chunk: str) -> tuple[str, list[str]]:
    """Split headings off the end of a paragraph's text: short blocks, or a run-in "D. Title"."""
    blocks = [b for b in re.split(r"\n\s*\n", chunk) if b.strip()]
    headings: list[str] = []
    while len(blocks) > 1 and is_heading_like(blocks[-1]):
        headings.insert(0, blocks.pop())
    body = "\n\n".join(blocks)
    m = INLINE_HEADING.search(body.strip())
    if m:
        headings.insert(0, m.group(1))
        body = body.strip()[: m.start(1)]
    return body, headings


def _short_heading(text: str) -> bool:
    return bool(text) and is_heading_like(text) and len(text.split()) <= HEADING_WORDS


def _preamble_block(block: str) -> list[tuple[str, str]]:
    """One blank-line block before the first paragraph as ("heading", text) and ("body", text)
    pieces: a short heading, a closing "B. Title", running text, or a heading line over its text."""
    first, _, rest = block.strip().partition("\n")
    if rest and _short_heading(first.strip()) and TERMINAL.search(clean_text(rest)):  # "Summary" over its text
        return [("heading", clean_text(first)), ("body", clean_text(rest))]
    s = clean_text(block)
    m = CLOSING_HEADING.search(s)
    if m:
        return [("heading", m.group(1))]
    if _short_heading(s):
        return [("heading", s)]
    return [("body", s)] if s and TERMINAL.search(s) else []


def _preamble(preamble: str, symbol: str | None) -> list[tuple[str, str]]:
    """The text before the first paragraph as ("heading", text) and ("body", text) blocks in
    their order: its last LEADING_HEADINGS headings (the masthead and title before them dropped)
    and its blocks of running text; where there is running text, the headings not over it
    follow again, for the numbered paragraphs ("Summary" heads the summary only)."""
    if symbol:
        preamble = preamble.replace(symbol, " ")
    blocks = [piece for block in re.split(r"\n\s*\n", preamble) for piece in _preamble_block(block)]
    headings = [i for i, (kind, _) in enumerate(blocks) if kind == "heading"]
    dropped = set(headings[:-LEADING_HEADINGS])
    if len(headings) == len(blocks):
        return [b for i, b in enumerate(blocks) if i not in dropped]
    titles = [i for i in headings if i + 1 == len(blocks) or blocks[i + 1][0] == "heading"]
    if not titles:  # no title to put back over the numbered text: "Summary" must not head it
        return [b for b in blocks if b[0] == "body"]
    return [b for i, b in enumerate(blocks) if i not in dropped] + [blocks[i] for i in titles[-LEADING_HEADINGS:]]


# Lines ----------------------------------------------------------------------------------------

class _Lines:
    """The line blocks of the document, in order, each with its page."""

    def __init__(self) -> None:
        self.out: list[Block] = []
        self.last_marker = 0

    def heading(self, page: int, text: str) -> None:
        self.out.append(Block(text, page=page, kind="heading"))

    def body(self, page: int, text: str, number: str | None = None, after_sentence: bool = False) -> None:
        text, self.last_marker = mark_markers(text, self.last_marker)
        self.out.append(Block(text, page=page, number=number, after_sentence=after_sentence))


def _numbered(stream: _Stream, starts: list[_Start], symbol: str | None) -> list[Block]:
    lines = _Lines()
    first_page = stream.page_at(starts[0].at)
    for kind, text in _preamble(stream.text[: starts[0].at], symbol):
        if kind == "heading":
            lines.heading(first_page, text)
        else:
            lines.body(first_page, text)
    for i, start in enumerate(starts):
        end = starts[i + 1].at if i + 1 < len(starts) else len(stream.text)
        body, headings = _trailing_headings(stream.text[start.text_at:end])
        parts = stream.lines(start.at, start.text_at + len(body))
        lines.body(*parts[0], number=start.number, after_sentence=start.after_sentence)
        for page, text in parts[1:]:
            lines.body(page, text)
        for heading in headings:
            lines.heading(parts[-1][0], heading)
    return lines.out


def _running(stream: _Stream) -> list[Block]:
    lines = _Lines()
    for piece in stream.pieces:
        if is_heading_like(piece.text) and len(piece.text.split()) <= HEADING_WORDS:
            lines.heading(piece.page, piece.text)
        else:
            lines.body(piece.page, piece.text)
    return lines.out


def _before_paragraph_one(blocks: list[str]) -> str:
    """The blocks before the first paragraph start up to one that opens as paragraph 1 ("1. The
    Committee ..."): the masthead, where paragraph 1 is not a start of the run the numbers make
    (a single paragraph, or numbers far apart)."""
    kept = []
    for text in blocks:
        if PARAGRAPH_ONE.match(text):
            break
        kept.append(text)
    return "\n\n".join(kept)


def load_flat_text(raw_pages: list[list[str]]) -> list[PageText]:
    """Pages of line blocks from pages of blank-line blocks (see the module docstring)."""
    symbols = document_symbols([PageText(blocks=[Block(t) for t in texts]) for texts in raw_pages])
    symbol = symbols[0] if symbols else None
    pages: list[PageText] = []
    kept: list[list[str]] = []
    for texts in raw_pages:
        body, printed = _strip_page(texts, symbol)
        pages.append(PageText(blocks=[], printed=printed, annexes=False, symbols=symbols))
        kept.append(body)
    stream = _Stream(kept)
    if stream.pieces:
        starts = stream.starts()
        pages[0].masthead = _before_paragraph_one(stream.text[: starts[0].at].split("\n\n") if starts else kept[0])
        for line in _numbered(stream, starts, symbol) if starts else _running(stream):
            pages[line.page].blocks.append(line)
    return pages
