"""Turn a document's pages of text blocks into numbered paragraphs.

The UN rules live here, once, for every format: paragraph numbers found by their sequence
(so "2 and 3 July 2003" or "in 2003. The" never start a paragraph), headings kept as a
section path, footnote markers glued to words ("Australia.9") taken out of the text and
linked to their footnote bodies, printed page numbers kept per paragraph, page furniture
(running symbol, "2/10", job numbers) dropped, line-end hyphenation repaired.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rag.ingest.symbols import find_symbols, normalise_symbol
from rag.models import Document, Footnote, Paragraph


@dataclass
class Block:
    """A run of text from a loader, with what the loader knows of its layout."""

    text: str
    page: int = 1  # physical page, 1-based
    kind: str = "body"  # body | heading | footnote | furniture
    number: str | None = None  # paragraph number detected from layout, if the loader knows it
    size: float = 0.0  # font size of the line's first letter (PDF)
    bold: bool = False
    italic: bool = False  # the whole line in italic type (PDF): a possible run-in sub-heading
    item: bool = False  # a whole one-line list item (agenda, list of States), per the loader
    x: float = 0.0  # left edge and baseline (PDF points, y grows upwards)
    y: float = 0.0


@dataclass
class PageText:
    """One physical page: its blocks and, once found, its printed page number."""

    blocks: list[Block]
    printed: str | None = None
    lines: bool = False  # True when each block is a printed line or a paragraph of a layout format
    paged: bool = True  # False for formats without pages (DOCX, HTML): paragraphs get no page


MARK_OPEN, MARK_CLOSE = "\x01", "\x02"
_SENTINEL_RE = re.compile("\x01(\\d{1,3})\x02")


def marker_token(number: str) -> str:
    """How a loader writes a footnote marker it knows from layout (superscript, note reference)."""
    return f"{MARK_OPEN}{number}{MARK_CLOSE}"


# "47. Exploring" - a candidate paragraph number: start or whitespace, 1-3 digits, a dot,
# space, then something that can open a sentence.
_NUM_RE = re.compile(r"(?:(?<=\s)|^)(\d{1,3})\.(?:\s+|(?=[A-Z]))(?=[\"“‘'(\[A-Z0-9])")
# The text before a clean paragraph start ends a sentence, possibly with a footnote marker.
_CLEAN_BEFORE = re.compile(r"(?:^|[.;:!?”\"’)\]]\d{0,3})\s*$")
# Footnote markers glued to the end of a word or to punctuation: "Australia.9", "practices.10".
_MARKER_RE = re.compile(r"(?<=[a-z)\]”’\".,;:])(\d{1,3})(?=[\s,;:.)]|$)")
_NOT_MARKER_BEFORE = re.compile(
    r"(?:\b(?:Rev|Add|Corr|No|Nos|para|paras|art|arts|p|pp|Vol|vol|chap|sect|annex|Amend|Suppl|rule|item|op|cit)\.?|[/\-]\w*)$")
_HEADING_RE = re.compile(r"^(?:([IVXL]+)|([A-Z])|(\d{1,2}))\.\s+(\S.{1,160})$")
_INLINE_HEADING_RE = re.compile(
    r"(?:(?<=[.;:!?”\"’])|(?<=[.;:!?]\d)|(?<=[.;:!?]\d\d))\s+((?:[IVXL]+|[A-Z])\.\s+[A-Z][^.;:!?]{2,160})$")
_TERMINAL = re.compile(r"[.;:!?”\"’)]\d{0,3}$")
_FURNITURE_RE = re.compile(
    r"^(?:\d{1,4}/\d{1,4}|\d{2}-\d{5}(?:\s*\(E\))?.*|GE\.\d{2}-\d{5}.*|\d{1,4}|[A-Z]/[\w./-]+)$")
_TRAILING_PAGE_RE = re.compile(r"(?<=[.;:!?”\"’)])(\d{0,3})\s+(\d{1,4})\s*$")
_HYPHEN_RE = re.compile(r"(\w)-\n\s*([a-z])")


def clean_text(text: str) -> str:
    """Collapse whitespace and repair line-end hyphenation."""
    return re.sub(r"\s+", " ", _HYPHEN_RE.sub(r"\1\2", text)).strip()


def _is_heading_like(text: str) -> bool:
    text = text.strip()
    if not text or len(text) > 200 or text[0].islower():
        return False
    words = text.split()
    return len(words) <= 25 and not _TERMINAL.search(text)


def _strip_furniture(page: PageText, symbol: str | None) -> None:
    """Drop running headers/footers and record the printed page number of the page."""
    kept: list[Block] = []
    for block in page.blocks:
        if block.kind == "furniture":
            continue
        lines = [ln for ln in block.text.splitlines()]
        body: list[str] = []
        for line in lines:
            s = line.strip()
            if s and _FURNITURE_RE.match(s) and (not s.isdigit() or len(lines) == 1):
                if s.isdigit() or re.fullmatch(r"\d{1,4}/\d{1,4}", s):
                    page.printed = page.printed or s.split("/")[0]
                continue
            body.append(line)
        text = "\n".join(body).strip()
        if not text:
            continue
        # A page number glued to the end of the page's text: "...levels.11 15".
        m = _TRAILING_PAGE_RE.search(text)
        if m and block is page.blocks[-1] or (m and _is_last_content(page, block)):
            page.printed = page.printed or m.group(2)
            text = text[: m.start(2)].rstrip()
        if symbol and text.startswith(symbol + " "):
            text = text[len(symbol):].lstrip()
        kept.append(Block(text=text, page=block.page, kind=block.kind, number=block.number))
    page.blocks = kept


def _is_last_content(page: PageText, block: Block) -> bool:
    """True when every block after `block` on the page is short residue (no sentence)."""
    idx = next(i for i, b in enumerate(page.blocks) if b is block)
    rest = page.blocks[idx + 1:]
    return all(_is_heading_like(b.text) and not _NUM_RE.match(b.text.strip()) for b in rest)


def find_document_symbols(pages: list[PageText]) -> list[str]:
    """The symbol(s) printed in the first page's header (a joint document has several)."""
    if not pages:
        return []
    first = pages[0].blocks
    top = sorted((b for b in first if b.kind == "furniture"), key=lambda b: -b.y)
    rest = [b for b in first if b.kind != "furniture"][:12]
    later = [b for p in pages[1:2] for b in p.blocks if b.kind == "furniture"]
    for block in [*top, *rest, *later]:
        text = re.sub(r"\s*/\s*", "/", _SENTINEL_RE.sub(lambda m: m.group(1), block.text[:300]))
        syms = find_symbols(text)
        if syms:
            joint = [normalise_symbol(x) for x in syms if text.find(x) <= text.find(syms[0]) + len(syms[0]) + 2]
            return list(dict.fromkeys(joint))
    return []


_PAGE_FRACTION_RE = re.compile(r"(?<![\d/.\-])(\d{1,4})\s*/\s*\d{1,4}(?![\d/])")
_JOB_RE = re.compile(r"(?:GE\.)?\d{2}-\d{5}\S*(?:\s*\(E\))?(?:\s+\d{6}){0,2}|\*\d{7}\*")


def _furniture_page_number(text: str) -> str | None:
    m = _PAGE_FRACTION_RE.search(text)
    if m:
        return m.group(1)
    rest = _JOB_RE.sub(" ", text)
    rest = re.sub(r"[A-Z][A-Z0-9.]*(?:/[\w.]+)+", " ", rest).strip()
    return rest if re.fullmatch(r"\d{1,4}", rest) else None


def printed_pages(pages: list[PageText]) -> list[str]:
    """The printed page number of each page, from its furniture or inferred from its neighbours."""
    found: list[str | None] = []
    for page in pages:
        num = page.printed
        if num is None:
            for b in page.blocks:
                if b.kind == "furniture":
                    num = _furniture_page_number(b.text.strip())
                    if num:
                        break
        found.append(num)
    offsets = [int(n) - i for i, n in enumerate(found) if n is not None]
    offset = max(set(offsets), key=offsets.count) if offsets else 1
    return [n if n is not None else str(i + offset if i + offset >= 1 else i + 1) for i, n in enumerate(found)]


def page_label(labels: list[str], first: int, last: int) -> str:
    """"15" or "15-16" for a paragraph running over a page break."""
    a, b = labels[first], labels[last]
    return a if a == b else f"{a}-{b}"


@dataclass
class _Piece:
    """A block's text with the physical page it came from and its offset in the stream."""

    text: str
    page: int
    start: int
    kind: str
    number: str | None


def _stream(pages: list[PageText]) -> tuple[str, list[_Piece]]:
    pieces: list[_Piece] = []
    parts: list[str] = []
    pos = 0
    for page_idx, page in enumerate(pages):
        for block in page.blocks:
            pieces.append(_Piece(block.text, page_idx, pos, block.kind, block.number))
            parts.append(block.text)
            pos += len(block.text) + 2
    return "\n\n".join(parts), pieces


def _paragraph_starts(text: str, pieces: list[_Piece]) -> list[tuple[int, int, str]]:
    """(offset of number, offset of text, number) for the longest consecutive numbering chain."""
    cands: list[tuple[int, int, int, bool]] = []
    layout = {p.start: p.number for p in pieces if p.number}
    for m in _NUM_RE.finditer(text):
        clean = bool(_CLEAN_BEFORE.search(text[max(0, m.start() - 12): m.start()])) or m.start() in layout
        cands.append((m.start(), m.end(), int(m.group(1)), clean))
    if not cands:
        return []
    chain = best_chain([(num, 1.0 + (0.1 if clean else 0.0)) for _, _, num, clean in cands])
    if len(chain) == 1 and not cands[chain[0]][3]:
        return []
    return [(cands[i][0], cands[i][1], str(cands[i][2])) for i in chain]


def best_chain(cands: list[tuple[int, float]]) -> list[int]:
    """Indices of the best run n, n+1, n+2... (in order) among (number, weight) candidates."""
    if not cands:
        return []
    best: list[float] = [0.0] * len(cands)
    prev: list[int] = [-1] * len(cands)
    last_by_num: dict[int, list[int]] = {}
    for i, (num, weight) in enumerate(cands):
        best[i] = weight
        for j in last_by_num.get(num - 1, []):
            if best[j] + weight > best[i]:
                best[i], prev[i] = best[j] + weight, j
        last_by_num.setdefault(num, []).append(i)
    end = max(range(len(cands)), key=lambda i: (best[i], -i))
    chain: list[int] = []
    while end != -1:
        chain.append(end)
        end = prev[end]
    chain.reverse()
    return chain


def _page_at(pieces: list[_Piece], offset: int) -> int:
    page = pieces[0].page
    for p in pieces:
        if p.start > offset:
            break
        page = p.page
    return page


def _extract_markers(text: str, last: int) -> tuple[str, list[str], int]:
    """Remove footnote markers from `text`; markers must ascend through the document."""
    found: list[str] = []
    out: list[str] = []
    pos = 0
    for m in _MARKER_RE.finditer(text):
        num = int(m.group(1))
        before = text[max(0, m.start() - 12): m.start()]
        if _NOT_MARKER_BEFORE.search(before) or num <= last or num > last + 10 and last > 0:
            continue
        if before[-1:].isalpha() and num > last + 3:
            continue  # "G20", "word2030": a glued number far from the running footnote count
        found.append(str(num))
        out.append(text[pos:m.start()])
        pos = m.end()
        last = num
    out.append(text[pos:])
    return "".join(out), found, last


class Sections:
    """The heading path in force: roman numerals, then capital letters, then the rest."""

    def extend_last(self, more: str) -> None:
        """A heading wrapped over two lines: add the second line to the deepest heading."""
        if self.levels:
            deepest = max(self.levels)
            self.levels[deepest] = clean_text(self.levels[deepest] + " " + more)


    def __init__(self) -> None:
        self.levels: dict[int, str] = {}

    def push(self, heading: str) -> None:
        heading = clean_text(heading)
        m = _HEADING_RE.match(heading)
        level = 1 if (m and m.group(1)) else 2 if (m and m.group(2)) else 3
        self.levels = {k: v for k, v in self.levels.items() if k < level}
        self.levels[level] = heading

    @property
    def path(self) -> str:
        return " > ".join(self.levels[k] for k in sorted(self.levels))


def _split_trailing_headings(chunk: str) -> tuple[str, list[str]]:
    """Split headings off the end of a paragraph's text: blocks or an inline "D. Title"."""
    blocks = [b for b in re.split(r"\n\s*\n", chunk) if b.strip()]
    headings: list[str] = []
    while len(blocks) > 1 and _is_heading_like(blocks[-1]):
        headings.insert(0, blocks.pop())
    body = "\n\n".join(blocks)
    m = _INLINE_HEADING_RE.search(body.strip())
    if m:
        headings.insert(0, m.group(1))
        body = body.strip()[: m.start(1)]
    return body, headings


def _leading_headings(preamble: str, symbol: str | None) -> list[str]:
    """Headings in the text before the first paragraph (masthead and title dropped)."""
    text = preamble
    if symbol:
        text = text.replace(symbol, " ")
    heads: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        s = clean_text(block)
        if not s:
            continue
        m = re.search(r"(?:^|\s)((?:[IVXL]+|[A-Z])\.\s+[A-Z][^.;:!?]{2,160})$", s)
        if m:
            heads.append(m.group(1))
        elif _is_heading_like(s) and len(s.split()) <= 12:
            heads.append(s)
    return heads[-3:]


def _parse_footnote_bodies(pages: list[PageText]) -> dict[str, str]:
    bodies: dict[str, str] = {}
    for page in pages:
        for block in page.blocks:
            if block.kind != "footnote":
                continue
            for m in re.finditer(r"(?:^|\s)(\d{1,3})\s+(.+?)(?=\s\d{1,3}\s+[A-Z“\"]|$)", block.text, re.S):
                bodies.setdefault(m.group(1), clean_text(m.group(2)))
    return bodies


def build_document(pages: list[PageText], *, source: str, fallback_symbol: str,
                   title: str = "", content_hash: str = "") -> Document:
    """Assemble paragraphs from a loader's pages; the shared UN structure step."""
    symbols = find_document_symbols(pages)
    symbol = symbols[0] if symbols else None
    paragraphs: list[Paragraph] = []
    if pages and pages[0].lines:
        from rag.ingest.lines import assemble

        paragraphs = assemble(pages, symbol)
    else:
        for page in pages:
            _strip_furniture(page, symbol)
        footnote_bodies = _parse_footnote_bodies(pages)
        for page in pages:
            page.blocks = [b for b in page.blocks if b.kind != "footnote"]
        text, pieces = _stream(pages)
        if pieces:
            labels = printed_pages(pages)
            starts = _paragraph_starts(text, pieces)
            if starts:
                paragraphs = _numbered(text, pieces, labels, starts, symbol, footnote_bodies)
            else:
                paragraphs = _running(pieces, labels)
        if pages and not pages[0].paged:
            for p in paragraphs:
                p.page = None
    return Document(symbol=symbol or fallback_symbol, source=source, paragraphs=paragraphs,
                    title=title, content_hash=content_hash, pages=len(pages) if pages and pages[0].paged else 0,
                    symbols=symbols)


def _numbered(text: str, pieces: list[_Piece], labels: list[str], starts: list[tuple[int, int, str]],
              symbol: str | None, bodies: dict[str, str]) -> list[Paragraph]:
    sections = Sections()
    for heading in _leading_headings(text[: starts[0][0]], symbol):
        sections.push(heading)
    out: list[Paragraph] = []
    last_marker = 0
    for i, (num_at, text_at, number) in enumerate(starts):
        end = starts[i + 1][0] if i + 1 < len(starts) else len(text)
        body, trailing = _split_trailing_headings(text[text_at:end])
        body, markers, last_marker = _extract_markers(body, last_marker)
        first_page = _page_at(pieces, num_at)
        last_page = _page_at(pieces, text_at + max(len(body.rstrip()) - 1, 0))
        out.append(Paragraph(
            number=number,
            text=clean_text(body),
            page=page_label(labels, first_page, last_page),
            section=sections.path,
            footnotes=[Footnote(marker=m, text=bodies.get(m, "")) for m in markers],
        ))
        for heading in trailing:
            sections.push(heading)
    return out


def _running(pieces: list[_Piece], labels: list[str]) -> list[Paragraph]:
    """A document without numbered paragraphs: each text block is a paragraph, counted."""
    sections = Sections()
    out: list[Paragraph] = []
    last_marker = 0
    for piece in pieces:
        if _is_heading_like(piece.text) and len(piece.text.split()) <= 12:
            sections.push(piece.text)
            continue
        body, markers, last_marker = _extract_markers(piece.text, last_marker)
        out.append(Paragraph(number=str(len(out) + 1), text=clean_text(body),
                             page=labels[piece.page], section=sections.path,
                             footnotes=[Footnote(marker=m) for m in markers], running=True))
    return out
